/**
 * 校验全部工作表 and 清除标记 for the whole workbook (issue 27), in the preview host over the bundled 16-sheet
 * sample: every sheet marked exactly as 校验本表 marks it alone, a chip per sheet, progress; the whole
 * workbook cleared back to what it was, verdicts kept unless asked; a verdict turns a sheet's chip.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../../src/xlsx/read';
import { MemoryBook, type MemorySheet } from '../../src/preview/memoryBook';
import { PreviewHost } from '../../src/preview/previewHost';
import { defaultSettings } from '../../src/office/settings';
import { chipText } from '../../src/core/sheetChip';

const SAMPLE = path.resolve(__dirname, '..', '..', 'assets', 'sample.xlsx');
const settings = defaultSettings('zh-CN');

async function host(): Promise<PreviewHost> {
  return new PreviewHost(await MemoryBook.fromXlsx(await openWorkbook(new Uint8Array(readFileSync(SAMPLE)))));
}

/** What a person sees on a sheet: values, fills, notes. */
function seen(s: MemorySheet): unknown {
  const trimmed = <T,>(xs: T[], empty: (x: T) => boolean) => {
    let n = xs.length;
    while (n > 0 && empty(xs[n - 1] as T)) n--;
    return xs.slice(0, n);
  };
  // Blank cells past a row's end (the column written, then emptied) are no difference a person sees.
  const rows = Array.from(s.values, (r) => trimmed(Array.from(r ?? [], (v) => v ?? null), (v) => v === null));
  return { values: trimmed(rows, (r) => r.length === 0), fills: [...s.fills].sort(), notes: [...s.notes].sort() };
}

describe('校验全部工作表 in the preview', () => {
  it('marks every sheet of the 16-sheet sample as 校验本表 marks it alone, with a chip each and progress', async () => {
    const all = await host();
    const steps: [number, number][] = [];
    const outcomes = await all.checkAllSheets(settings, (n, of) => steps.push([n, of]));
    const names = all.sheetNames();
    expect(outcomes.map((o) => o.sheet)).toEqual(names);
    expect(names).toHaveLength(16);
    expect(steps.at(-1)).toEqual([16, 16]);
    for (const name of names) {
      const alone = await host();
      alone.activate(name);
      await alone.checkActiveSheet(settings);
      expect(seen(all.book.sheet(name)!)).toEqual(seen(alone.book.sheet(name)!));
    }
    for (const o of outcomes) {
      const open = o.tables.flatMap((t) => t.findings);
      const errors = open.filter((f) => f.severity === 'error').length;
      expect(o.chip.kind).toBe(errors ? 'errors' : open.some((f) => f.severity === 'warning') ? 'warnings' : o.tables.length ? 'pass' : 'noTables');
    }
    expect(outcomes.some((o) => o.chip.kind === 'errors')).toBe(true);
    expect(chipText({ kind: 'errors', count: 2 }, 'zh')).toBe('错误 2');
  });

  it('清除标记 for the whole workbook gives every sheet back; a verdict stays unless asked, and turns its sheet\'s chip', async () => {
    const h = await host();
    const before = h.book.sheets.map(seen);
    const first = await h.checkAllSheets(settings);
    const red = first.find((o) => o.chip.kind === 'errors');
    if (!red) throw new Error('the sample has a sheet with errors');
    const errors = red.tables.flatMap((t) => t.findings).filter((f) => f.severity === 'error');
    for (const e of errors) await h.setVerdict(red.sheet, e, { note: '调整预算已批复', by: '张三', at: '2026-12-07T10:00:00.000Z' });
    const cleared = await h.clearAllSheets();
    expect(cleared.cleared.length).toBeGreaterThan(0);
    expect(h.book.sheets.map(seen)).toEqual(before);
    const again = await h.checkAllSheets(settings);
    expect(again.find((o) => o.sheet === red.sheet)?.chip.kind).not.toBe('errors');
    await h.clearAllSheets(true);
    const dropped = await h.checkAllSheets(settings);
    expect(dropped.find((o) => o.sheet === red.sheet)?.chip).toEqual(red.chip);
  });

  it('自动校验 says it was automatic and which edit started it', async () => {
    const h = await host();
    h.editDelayMs = 0;
    const sheet = h.sheetNames()[0]!;
    h.activate(sheet);
    const first = await h.checkActiveSheet(settings);
    if (first.kind !== 'checked') throw new Error('checked');
    const budget = first.tables[0]!;
    const heard = new Promise<unknown>((resolve) => void h.watchEdits(() => settings, resolve));
    // The 全年预算数 of the first table, typed over: its 执行率 no longer agrees.
    const s = h.book.sheet(sheet)!;
    const row = s.values.findIndex((r) => r.some((v) => typeof v === 'string' && v.startsWith('年度资金总额')));
    const col = budget.columns.funds.budget ? budget.columns.funds.budget.charCodeAt(0) - 65 : 3;
    h.edit(sheet, row, col, '999');
    const r = (await heard) as { kind: string; changes?: { startedBy?: string; added: string[] } };
    expect(r.changes?.startedBy).toBe(`${String.fromCharCode(65 + col)}${row + 1}`);
    expect(r.changes?.added.length).toBeGreaterThan(0);
  });
});
