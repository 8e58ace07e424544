/**
 * 校验全部工作表, 清除标记 (全部工作表) and 复核意见 in Excel (issue 27), through the strict fake of office-js
 * mirrored by Microsoft's library: the 16-sheet sample and workbooks of 1 and 100 sheets, each sheet marked
 * exactly as 校验本表 marks it alone, in round trips that depend on bytes, never on the number of sheets.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExcelHost } from '../../src/office/excelHost';
import { defaultSettings } from '../../src/office/settings';
import { STATE_SHEET, parseState, sheetState } from '../../src/core/annotate/state';
import type { SheetChecked } from '../../src/office/hostApi';
import { FakeBook, FakeSheet, fakeRunner } from './fakeExcel';
import { PAYLOAD_LIMIT } from './officeJs';

const SAMPLE = path.resolve(__dirname, '..', '..', 'assets', 'sample.xlsx');
const zh = defaultSettings('zh-CN');
/** A hundred sheets on a shared 2-core machine: minutes, not the default minute. */
const SIZE_TIMEOUT = 300_000;

const sample = async (): Promise<FakeBook> => FakeBook.fromXlsx(readFileSync(SAMPLE));

function host(b: FakeBook) {
  const runner = fakeRunner(b);
  return { h: new ExcelHost({ run: runner.run, supports: b.supports }), syncs: runner.syncs };
}

/** What a person sees on one sheet: values, fills, notes. */
function seen(b: FakeBook, name: string): unknown {
  return (b.snapshot() as { name: string }[]).find((s) => s.name === name);
}

/** A copy of a sheet under another name. */
function copyOf(s: FakeSheet, name: string): FakeSheet {
  const c = new FakeSheet(name, s.merges.map((m) => ({ ...m })));
  for (const [k, cell] of s.cells) c.cells.set(k, { ...cell, fill: cell.fill && { ...cell.fill } });
  for (const [k, n] of s.notes) c.notes.set(k, n);
  c.protected = s.protected;
  return c;
}

/** A workbook of `n` sheets: the sample's (from its `first`), copied round until there are n. */
async function sheets(n: number, first = 0): Promise<FakeBook> {
  const src = (await sample()).sheets.filter((s) => s.visibility === 'Visible').slice(first);
  const b = new FakeBook();
  for (let i = 0; i < n; i++) {
    const s = src[i % src.length];
    if (s) b.sheets.push(copyOf(s, i < src.length ? s.name : `${s.name}${Math.floor(i / src.length) + 1}`));
  }
  b.active = b.sheets[0]?.name ?? '';
  return b;
}

const stateOf = (b: FakeBook) => parseState([...(b.sheet(STATE_SHEET)?.cells.entries() ?? [])].sort(([a], [c]) => Number(a.split(',')[0]) - Number(c.split(',')[0])).map(([, cell]) => (typeof cell.value === 'string' ? cell.value : null)));

const openErrors = (o: SheetChecked) => o.tables.flatMap((t) => t.findings).filter((f) => f.severity === 'error' && !f.verdict);

describe('校验全部工作表 in Excel', () => {
  it('marks every sheet of the 16-sheet sample as 校验本表 marks it alone, in five round trips, progress per sheet', async () => {
    const b = await sample();
    const { h, syncs } = host(b);
    const steps: [number, number][] = [];
    const outcomes = await h.checkAllSheets(zh, (n, of) => steps.push([n, of]));
    const names = b.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    expect(names).toHaveLength(16);
    expect(outcomes.map((o) => o.sheet)).toEqual(names);
    expect(steps).toEqual(names.map((_, i) => [i + 1, 16]));
    // Read (the sheets' list, their sizes, their contents), the fills, the writes.
    expect(syncs).toEqual([5]);
    expect(outcomes.some((o) => o.chip.kind === 'errors')).toBe(true);
    for (const name of names) {
      const alone = await sample();
      alone.active = name;
      const r = await host(alone).h.checkActiveSheet(zh);
      expect(seen(b, name)).toEqual(seen(alone, name));
      expect(sheetState(stateOf(b), name)).toEqual(sheetState(stateOf(alone), name));
      const mine = outcomes.find((o) => o.sheet === name);
      expect(r.kind === 'checked' ? r.tables.map((t) => t.findings) : r.kind).toEqual(mine?.tables.map((t) => t.findings));
    }
  });

  it('1 and 100 sheets take the round trips of 16; 清除标记 for the whole workbook gives it back, in five', async () => {
    // One sheet with marks to make: a sheet that needs none needs no fills read either (four).
    const one = await sheets(1, 1);
    const a = host(one);
    const [chip] = (await a.h.checkAllSheets(zh)).map((o) => o.chip.kind);
    expect(['errors', 'warnings']).toContain(chip);
    const hundred = await sheets(100);
    const pristine = hundred.snapshot();
    const c = host(hundred);
    const outcomes = await c.h.checkAllSheets(zh);
    expect(outcomes).toHaveLength(100);
    expect(a.syncs).toEqual([5]);
    expect(c.syncs).toEqual([5]);
    expect(Math.max(...hundred.requests)).toBeLessThan(0.7 * PAYLOAD_LIMIT);
    expect(Math.max(...hundred.responses)).toBeLessThan(0.7 * PAYLOAD_LIMIT);
    // A copy is marked as its original.
    const copy = hundred.sheets[16 + 3];
    const original = hundred.sheets[3];
    if (!copy || !original) throw new Error('100 sheets');
    const marks = (s: FakeSheet) => [[...s.cells.entries()].map(([k, cell]) => [k, cell.value, cell.fill]), [...s.notes]];
    expect(marks(copy)).toEqual(marks(original));
    const cleared = await c.h.clearAllSheets();
    expect(c.syncs).toEqual([5, 5]);
    expect(cleared.protected).toEqual([]);
    expect(cleared.cleared.length).toBeGreaterThan(50);
    expect(hundred.snapshot()).toEqual(pristine);
  }, SIZE_TIMEOUT);

  it('a protected sheet is checked, not marked; 清除标记 names it', async () => {
    const b = await sample();
    const locked = b.sheets[1];
    if (!locked) throw new Error('sample');
    locked.protected = true;
    const before = seen(b, locked.name);
    const { h } = host(b);
    const outcomes = await h.checkAllSheets(zh);
    const mine = outcomes.find((o) => o.sheet === locked.name);
    expect(mine?.protected).toBe(true);
    expect(mine?.tables.length).toBeGreaterThan(0);
    expect(seen(b, locked.name)).toEqual(before);
    expect(outcomes.filter((o) => !o.protected)).toHaveLength(15);
    expect((await h.clearAllSheets()).protected).toEqual([locked.name]);
  });
});

describe('复核意见 in Excel', () => {
  it('a verdict is kept in the workbook, shown by the next check (in the workbook saved and opened again too), kept by 清除标记 unless asked', async () => {
    const b = await sample();
    const { h, syncs } = host(b);
    const first = await h.checkAllSheets(zh);
    const red = first.find((o) => o.chip.kind === 'errors');
    if (!red) throw new Error('the sample has a sheet with errors');
    const [error] = openErrors(red);
    if (!error) throw new Error('an error');
    await h.setVerdict(red.sheet, error, { note: '调整预算已批复', by: '张三', at: '2026-12-07T10:00:00.000Z' });
    // Read the sheet (two), write the state (one).
    expect(syncs.at(-1)).toBe(3);
    // Saved and opened again (every sheet copied, the very hidden state sheet with it), in another pane: the
    // verdict is in the workbook, not in the host.
    const reopened = new FakeBook();
    for (const s of b.sheets) {
      const c = copyOf(s, s.name);
      c.visibility = s.visibility;
      reopened.sheets.push(c);
    }
    reopened.active = b.active;
    const again = await host(reopened).h.checkAllSheets(zh);
    const sheet = again.find((o) => o.sheet === red.sheet);
    const verified = sheet?.tables.flatMap((t) => t.findings).find((f) => f.code === error.code && f.cell === error.cell);
    expect(verified?.verdict).toEqual({ note: '调整预算已批复', by: '张三', at: '2026-12-07T10:00:00.000Z' });
    expect(openErrors(sheet as SheetChecked)).toHaveLength(openErrors(red).length - 1);
    expect(reopened.sheet(red.sheet)?.notes.get(error.cell)).toContain('已核实：调整预算已批复（张三）');
    await h.clearAllSheets();
    const kept = await h.checkAllSheets(zh);
    expect(openErrors(kept.find((o) => o.sheet === red.sheet) as SheetChecked)).toHaveLength(openErrors(red).length - 1);
    await h.clearAllSheets(true);
    const dropped = await h.checkAllSheets(zh);
    expect(openErrors(dropped.find((o) => o.sheet === red.sheet) as SheetChecked)).toHaveLength(openErrors(red).length);
  });

  it('a verdict goes when the cell it is about changes; taken back with null', async () => {
    const b = await sample();
    const { h } = host(b);
    const first = await h.checkAllSheets(zh);
    const red = first.find((o) => o.chip.kind === 'errors');
    const error = red && openErrors(red)[0];
    if (!red || !error) throw new Error('an error');
    const verdict = { note: '已核实', by: '', at: '2026-12-07T10:00:00.000Z' };
    await h.setVerdict(red.sheet, error, verdict);
    await h.setVerdict(red.sheet, error, null);
    const back = await h.checkAllSheets(zh);
    expect(openErrors(back.find((o) => o.sheet === red.sheet) as SheetChecked)).toHaveLength(openErrors(red).length);
    await h.setVerdict(red.sheet, error, verdict);
    b.edit(red.sheet, error.cell, 12345.67);
    const after = await h.checkAllSheets(zh);
    const all = after.find((o) => o.sheet === red.sheet)?.tables.flatMap((t) => t.findings) ?? [];
    expect(all.filter((f) => f.verdict)).toEqual([]);
  });
});
