/**
 * Excel's documented limits, at any size: a sheet of 1,000 stacked real tables (the ten of
 * seed002-stacked, a hundred times over) checked, filled, cleared and summarised through the strict fake,
 * where every batch is serialized by Microsoft's office.js and fails over 5 MB, and a merged-area read
 * fails over 512 areas. The round trips of each action are asserted, for 1, 30 and 1,000 tables (the
 * README states them).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/office/excelHost';
import { defaultSettings } from '../../src/office/settings';
import type { CheckResponse } from '../../src/office/hostApi';
import { type FakeBook, type FakeSheet, MERGED_AREAS_LIMIT, fakeRunner } from './fakeExcel';
import { PAYLOAD_LIMIT } from './officeJs';
import { STACKED_SHEET, stacked, tenTables } from './stacked';

const zh = defaultSettings('zh-CN');
/** A thousand tables on a shared 2-core machine: minutes, not the default minute. */
const SIZE_TIMEOUT = 300_000;
let ten: FakeSheet;

beforeAll(async () => {
  ten = await tenTables();
});

const count = (r: CheckResponse) => (r.kind === 'checked' ? r.tables.length : -1);
const sheetOf = (book: FakeBook, name: string) => (book.snapshot() as { name: string }[]).find((s) => s.name === name);

/** 校验本表, 填写计算值 (plan, then confirmed), 生成汇总表, 清除标记, 撤销填写 on the active sheet: the round trips of each. */
async function everything(book: FakeBook): Promise<{ syncs: number[]; tables: number; written: number; summarised: number }> {
  const sheet = book.active;
  const runner = fakeRunner(book);
  const h = new ExcelHost({ run: runner.run, supports: book.supports });
  const checked = await h.checkActiveSheet(zh);
  const plan = await h.planFill!(zh);
  if (plan.kind !== 'plan') throw new Error(plan.kind);
  const applied = await h.applyFill!(zh, plan.plan);
  const summary = await h.summarise(zh);
  book.active = sheet;
  const cleared = await h.clearActiveSheet();
  expect(cleared.kind).toBe('cleared');
  // 清除标记 keeps the filled values (SPEC §5); 撤销填写 takes them back.
  const undone = await h.undoFill!();
  expect(undone.kind).toBe('undone');
  return { syncs: runner.syncs, tables: count(checked), written: applied.written, summarised: summary.summary.rows.length };
}

describe("a sheet of stacked tables, within Excel on the web's limits", () => {
  it('1,000 tables: checked, filled, summarised and cleared, every batch under 5 MB as office.js serializes it, no merged-area read over 512', async () => {
    const book = stacked(ten, 100);
    expect(book.sheets[0]!.merges.length).toBeGreaterThan(30 * MERGED_AREAS_LIMIT);
    const pristine = sheetOf(book, STACKED_SHEET);
    const r = await everything(book);
    expect(r).toMatchObject({ tables: 1000, written: 2800, summarised: 1000 });
    // The sheet is as it was: 清除标记 took back the marks, 撤销填写 the filled cells.
    expect(sheetOf(book, STACKED_SHEET)).toEqual(pristine);
    // The fake fails any batch over the limits; these say how close the host came.
    expect(Math.max(...book.requests)).toBeLessThan(0.7 * PAYLOAD_LIMIT);
    expect(Math.max(...book.responses)).toBeLessThan(0.7 * PAYLOAD_LIMIT);
    expect(Math.max(...book.mergedAreaCalls)).toBeLessThanOrEqual(MERGED_AREAS_LIMIT);
    // Round trips: check, plan, confirmed fill, summary, clear, undo — one per 3 MB, never one per table.
    expect(r.syncs).toEqual([14, 9, 11, 9, 16, 7]);
  }, SIZE_TIMEOUT);

  it('30 tables take the round trips of one', async () => {
    const a = await everything(stacked(await tenTables('seed003.xlsx'), 1));
    const b = await everything(stacked(ten, 3));
    expect([a.tables, b.tables]).toEqual([1, 30]);
    // The plan and the fill each read the formulas of the cells they change: one more round trip.
    expect(a.syncs).toEqual([4, 3, 4, 4, 4, 3]);
    expect(b.syncs).toEqual(a.syncs);
  });
});
