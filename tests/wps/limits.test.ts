/**
 * WPS 表格 at size: each object-model call is a call into the application, so the host's calls must
 * grow with the tables, not with the cells. The sheet of 1,000 stacked real tables (tests/office/stacked.ts)
 * checked, filled, cleared and summarised through the strict fake, within an asserted budget of calls
 * per table; and the merged areas it reads are exactly the sheet's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { WpsHost } from '../../src/wps/wpsHost';
import { defaultSettings } from '../../src/office/settings';
import type { EtApplication } from '../../src/wps/et';
import { readGrid } from '../../src/wps/sheet';
import type { FakeBook, FakeSheet } from '../office/fakeExcel';
import { STACKED_SHEET, stacked, tenTables } from '../office/stacked';
import { fakeEt } from './fakeEt';

const zh = defaultSettings('zh-CN');
/** A thousand tables on a shared 2-core machine: minutes, not the default minute. */
const SIZE_TIMEOUT = 300_000;
let ten: FakeSheet;

beforeAll(async () => {
  ten = await tenTables();
});

/** The calls of each action: check, plan, confirmed fill, summary, clear, undo fill. */
async function everything(book: FakeBook): Promise<{ calls: number[]; tables: number; written: number }> {
  const { app, calls } = fakeEt(book);
  const host = new WpsHost(app as unknown as EtApplication);
  const counts: number[] = [];
  const step = async <T,>(fn: () => Promise<T>): Promise<T> => {
    const before = calls.count;
    const r = await fn();
    counts.push(calls.count - before);
    return r;
  };
  const checked = await step(() => host.checkActiveSheet(zh));
  const plan = await step(() => host.planFill(zh));
  if (plan.kind !== 'plan') throw new Error(plan.kind);
  const applied = await step(() => host.applyFill(zh, plan.plan));
  await step(() => host.summarise(zh));
  book.active = STACKED_SHEET;
  await step(() => host.clearActiveSheet());
  // 清除标记 keeps the filled values (SPEC §5); 撤销填写 takes them back.
  await step(() => host.undoFill());
  return { calls: counts, tables: checked.kind === 'checked' ? checked.tables.length : -1, written: applied.written };
}

describe('WPS 表格: calls that grow with the tables, not the cells', () => {
  it('reads the merged areas by ranges: exactly the sheet\'s, in calls that grow with the areas', () => {
    const book = stacked(ten, 10);
    const { app, calls } = fakeEt(book);
    const grid = readGrid((app as unknown as EtApplication).ActiveSheet!);
    const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(grid.merges.map(key).sort()).toEqual(book.sheets[0]!.merges.map(key).sort());
    // Values, formats and merged areas of 100 tables: about 20 calls a merged area, not one a cell.
    expect(calls.count).toBeLessThanOrEqual(20 * book.sheets[0]!.merges.length);
  });

  it('1,000 tables: checked, filled, summarised and cleared within a budget of calls per table', async () => {
    const small = await everything(stacked(ten, 10));
    const book = stacked(ten, 100);
    const pristine = book.snapshot();
    const large = await everything(book);
    expect([small.tables, large.tables]).toEqual([100, 1000]);
    expect(large.written).toBe(10 * small.written);
    const sheetOf = (snap: unknown) => (snap as { name: string }[]).find((s) => s.name === STACKED_SHEET);
    expect(sheetOf(book.snapshot())).toEqual(sheetOf(pristine));
    // The README's "about 420 calls a table for 校验本表 on a sheet of 1,000 stacked tables": within 5% of it
    // (measured 2026-12-07: 419,530 calls; plan 385,423, fill 391,031, summary 418,537, clear 533,431, undo 328,830).
    const [check = NaN] = large.calls;
    expect(check).toBeGreaterThanOrEqual(400 * 1000);
    expect(check).toBeLessThanOrEqual(440 * 1000);
    // Every action: at most 600 calls a table (the sheet has 206 cells a table), and ten times the tables take
    // ten times the calls, not more.
    expect(large.calls).toHaveLength(6);
    for (const [i, n] of large.calls.entries()) {
      expect(n).toBeLessThanOrEqual(600 * 1000);
      expect(n).toBeLessThanOrEqual(10.5 * small.calls[i]!);
    }
  }, SIZE_TIMEOUT);
});
