/**
 * 校验全部工作表, 清除标记 (全部工作表) and 复核意见 in WPS 表格 (issue 27), through the strict fake of its object
 * model: the 16-sheet sample marked as the Excel host marks it (so as 校验本表 marks each sheet alone), the
 * whole workbook cleared back, verdicts kept in the state; and the calls within a budget that grows with the
 * tables and sheets, not the cells.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExcelHost } from '../../src/office/excelHost';
import { WpsHost } from '../../src/wps/wpsHost';
import { defaultSettings } from '../../src/office/settings';
import type { SheetChecked } from '../../src/office/hostApi';
import type { EtApplication } from '../../src/wps/et';
import { FakeBook, FakeSheet, fakeRunner } from '../office/fakeExcel';
import { fakeEt } from './fakeEt';

const SAMPLE = path.resolve(__dirname, '..', '..', 'assets', 'sample.xlsx');
const zh = defaultSettings('zh-CN');
const SIZE_TIMEOUT = 300_000;

async function wps(book?: FakeBook): Promise<{ book: FakeBook; host: WpsHost; calls: { count: number } }> {
  const b = book ?? (await FakeBook.fromXlsx(readFileSync(SAMPLE)));
  const { app, calls } = fakeEt(b);
  return { book: b, host: new WpsHost(app as unknown as EtApplication), calls };
}

const openErrors = (o: SheetChecked | undefined) => (o?.tables ?? []).flatMap((t) => t.findings).filter((f) => f.severity === 'error' && !f.verdict);
const tablesIn = (outcomes: readonly SheetChecked[]) => outcomes.reduce((n, o) => n + o.tables.length, 0);

/** The sample's sheets copied round until there are n. */
async function sheets(n: number): Promise<FakeBook> {
  const src = (await FakeBook.fromXlsx(readFileSync(SAMPLE))).sheets.filter((s) => s.visibility === 'Visible');
  const b = new FakeBook();
  for (let i = 0; i < n; i++) {
    const s = src[i % src.length];
    if (!s) continue;
    const c = new FakeSheet(i < src.length ? s.name : `${s.name}${Math.floor(i / src.length) + 1}`, s.merges.map((m) => ({ ...m })));
    for (const [k, cell] of s.cells) c.cells.set(k, { ...cell, fill: cell.fill && { ...cell.fill } });
    for (const [k, note] of s.notes) c.notes.set(k, note);
    b.sheets.push(c);
  }
  b.active = b.sheets[0]?.name ?? '';
  return b;
}

describe('校验全部工作表 in WPS 表格', () => {
  it('the 16-sheet sample: every sheet marked as Excel marks it, a chip each, progress; 清除标记 gives it all back', async () => {
    const { book, host } = await wps();
    const pristine = book.snapshot();
    const excelBook = await FakeBook.fromXlsx(readFileSync(SAMPLE));
    const excel = new ExcelHost({ run: fakeRunner(excelBook).run, supports: excelBook.supports });
    const steps: [number, number][] = [];
    const outcomes = await host.checkAllSheets(zh, (n, of) => steps.push([n, of]));
    const inExcel = await excel.checkAllSheets(zh);
    expect(outcomes).toHaveLength(16);
    expect(steps.at(-1)).toEqual([16, 16]);
    expect(outcomes.map((o) => [o.sheet, o.chip])).toEqual(inExcel.map((o) => [o.sheet, o.chip]));
    expect(outcomes.some((o) => o.chip.kind === 'errors')).toBe(true);
    // The same marks, notes, 复核结果 cells and state as Excel's (each of which is 校验本表's alone: tests/office/allSheets).
    expect(book.snapshot()).toEqual(excelBook.snapshot());
    const cleared = await host.clearAllSheets();
    expect(cleared.cleared.length).toBeGreaterThan(0);
    expect(book.snapshot()).toEqual(pristine);
  });

  it('calls within a budget that grows with the tables: 100 sheets take at most 100/16 times the sample\'s, and under 600 a table', async () => {
    const sample = await wps();
    const before16 = sample.calls.count;
    const sixteen = await sample.host.checkAllSheets(zh);
    const calls16 = sample.calls.count - before16;
    const hundred = await wps(await sheets(100));
    const before100 = hundred.calls.count;
    const outcomes = await hundred.host.checkAllSheets(zh);
    const calls100 = hundred.calls.count - before100;
    expect(outcomes).toHaveLength(100);
    const [t16, t100] = [tablesIn(sixteen), tablesIn(outcomes)];
    expect(t16).toBeGreaterThan(0);
    expect(calls16).toBeLessThanOrEqual(600 * t16);
    expect(calls100).toBeLessThanOrEqual(600 * t100);
    expect(calls100).toBeLessThanOrEqual((100 / 16) * 1.05 * calls16);
    const beforeClear = hundred.calls.count;
    await hundred.host.clearAllSheets();
    expect(hundred.calls.count - beforeClear).toBeLessThanOrEqual(600 * t100);
  }, SIZE_TIMEOUT);

  it('a protected sheet is checked, not marked', async () => {
    const { book, host } = await wps();
    const locked = book.sheets[1];
    if (!locked) throw new Error('sample');
    locked.protected = true;
    const before = (book.snapshot() as { name: string }[]).find((s) => s.name === locked.name);
    const outcomes = await host.checkAllSheets(zh);
    expect(outcomes.find((o) => o.sheet === locked.name)?.protected).toBe(true);
    expect((book.snapshot() as { name: string }[]).find((s) => s.name === locked.name)).toEqual(before);
    expect((await host.clearAllSheets()).protected).toEqual([locked.name]);
  });
});

describe('复核意见 in WPS 表格', () => {
  it('kept in the workbook and shown by a check again (another host too), kept by 清除标记 unless asked, gone when its cell changes', async () => {
    const { book, host } = await wps();
    const first = await host.checkAllSheets(zh);
    const red = first.find((o) => o.chip.kind === 'errors');
    const [error] = openErrors(red);
    if (!red || !error) throw new Error('the sample has a sheet with errors');
    const verdict = { note: '调整预算已批复', by: '张三', at: '2026-12-07T10:00:00.000Z' };
    await host.setVerdict(red.sheet, error, verdict);
    const again = await (await wps(book)).host.checkAllSheets(zh);
    const mine = again.find((o) => o.sheet === red.sheet);
    expect(mine?.tables.flatMap((t) => t.findings).find((f) => f.code === error.code && f.cell === error.cell)?.verdict).toEqual(verdict);
    expect(openErrors(mine)).toHaveLength(openErrors(red).length - 1);
    expect(book.sheet(red.sheet)?.notes.get(error.cell)).toContain('已核实：调整预算已批复（张三）');
    await host.clearAllSheets();
    expect(openErrors((await host.checkAllSheets(zh)).find((o) => o.sheet === red.sheet))).toHaveLength(openErrors(red).length - 1);
    book.edit(red.sheet, error.cell, 12345.67);
    const edited = await host.checkAllSheets(zh);
    expect(edited.find((o) => o.sheet === red.sheet)?.tables.flatMap((t) => t.findings).filter((f) => f.verdict)).toEqual([]);
  });

  it('清除标记 asked to drop verdicts drops them', async () => {
    const { host } = await wps();
    const first = await host.checkAllSheets(zh);
    const red = first.find((o) => o.chip.kind === 'errors');
    const [error] = openErrors(red);
    if (!red || !error) throw new Error('an error');
    await host.setVerdict(red.sheet, error, { note: '已核实', by: '', at: '2026-12-07T10:00:00.000Z' });
    await host.clearAllSheets(true);
    expect(openErrors((await host.checkAllSheets(zh)).find((o) => o.sheet === red.sheet))).toHaveLength(openErrors(red).length);
  });
});
