/**
 * 填写计算值 on the seeds' real tables, their computed cells blanked or spoiled by hand: through the Excel
 * host (strict office-js fake) and the browser preview's host. Then 校验本表 finds no rate, score, total or
 * grade finding left (but TOTAL_MISMATCH where the weights add up to 110: a total of 110 is no answer), no
 * other cell has changed; 清除标记 then takes the marks off and keeps the filled values (and says so), and
 * 撤销填写 restores every original value and format.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ExcelHost } from '../../src/office/excelHost';
import { defaultSettings } from '../../src/office/settings';
import type { CheckResponse } from '../../src/office/hostApi';
import { checkWorkbook } from '../../src/core/engine';
import { openWorkbook, workbookGrids } from '../../src/xlsx/read';
import { planFill, skipLines } from '../../src/core/annotate/fillIn';
import type { CellValue } from '../../src/core/grid';
import { FakeBook, type FakeSheet, fakeRunner } from '../office/fakeExcel';
import { fixturePath, fundsOf } from '../helpers';

const zh = defaultSettings('zh-CN');
const COMPUTED = ['EXEC_RATE_MISMATCH', 'EXEC_SCORE_MISMATCH', 'TOTAL_MISMATCH', 'TOTAL_WEIGHT_MISMATCH', 'GRADE_MISMATCH'];

/** Blanks or spoils each table's computed cells, found by the engine on the same file. */
async function spoiled(file: string): Promise<{ book: FakeBook; cells: Map<string, string[]> }> {
  const bytes = readFileSync(fixturePath(file));
  const book = await FakeBook.fromXlsx(bytes);
  const results = checkWorkbook(await workbookGrids(await openWorkbook(bytes)));
  const cells = new Map<string, string[]>();
  for (const r of results) {
    const ws = book.sheet(r.sheet)!;
    const list: string[] = [];
    for (const t of r.tables) {
      const set = (f: { row: number; col: number } | undefined, v: string | number | null) => {
        if (!f) return;
        ws.ensure(f.row, f.col).value = v;
        list.push(`${f.row},${f.col}`);
      };
      const funds = fundsOf(t.table);
      if (funds.columns.rate !== undefined) set({ row: funds.total.row, col: funds.columns.rate }, null);
      if (funds.columns.score !== undefined) set({ row: funds.total.row, col: funds.columns.score }, 0);
      set(t.table.totalRow?.score, null);
      set(t.table.grade, '差');
    }
    cells.set(r.sheet, list);
  }
  return { book, cells };
}

const codes = (r: CheckResponse) => (r.kind === 'summarySheet' ? [] : r.tables.flatMap((t) => t.findings.map((f) => ({ code: f.code, project: t.project, total: t.total, weight: t.indicatorWeight }))));

function values(s: FakeSheet): Map<string, unknown> {
  return new Map([...s.cells.entries()].filter(([, c]) => c.value !== null).map(([k, c]) => [k, c.value]));
}

describe('填写计算值 through the Excel host', () => {
  it.each(['seed002.xlsx', 'seed000.xlsx', 'seed001-excerpt.xlsx', 'seed003.xlsx'])('%s: fills exactly the computed cells, checks clean, 清除标记 keeps them, 撤销填写 gives the old back', async (file) => {
    const { book, cells } = await spoiled(file);
    const runner = fakeRunner(book);
    const host = new ExcelHost({ run: runner.run, supports: book.supports });
    for (const sheet of book.sheets.map((s) => s.name)) {
      book.active = sheet;
      const ws = book.sheet(sheet)!;
      const before = values(ws);
      const formats = new Map([...ws.cells.entries()].map(([k, c]) => [k, c.format]));
      const snapshot = book.snapshot();
      const r = await host.planFill(zh);
      if (r.kind !== 'plan') throw new Error(r.kind);
      // Nothing is written by the plan.
      expect(book.snapshot()).toEqual(snapshot);
      const applied = await host.applyFill(zh, r.plan);
      expect(applied.written).toBe(r.plan.changes.length);
      // Only the planned cells changed, all of them among the spoiled ones.
      const after = values(ws);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => (before.get(k) ?? null) !== (after.get(k) ?? null));
      expect(changed.sort()).toEqual(r.plan.changes.map((c) => `${c.row},${c.col}`).sort());
      for (const k of changed) expect(cells.get(sheet)).toContain(k);

      const checked = await host.checkActiveSheet(zh);
      for (const f of codes(checked)) {
        if (!COMPUTED.includes(f.code)) continue;
        // Only a table whose weights are off 100 keeps its TOTAL_MISMATCH (and the skipped cells say why).
        expect(f.code).toBe('TOTAL_MISMATCH');
        expect(r.plan.skipped.some((s) => s.reason === 'weightsNot100' && s.project === f.project)).toBe(true);
      }
      const filledValues = new Map(r.plan.changes.map((c) => [`${c.row},${c.col}`, c.after]));
      const clear = await host.clearActiveSheet();
      // 清除标记 takes off the marks and keeps every filled value, and counts them.
      expect(clear).toMatchObject({ kind: 'cleared', filledKept: r.plan.changes.length });
      for (const [k, v] of filledValues) expect(ws.cells.get(k)?.value).toBe(v);
      const undo = await host.undoFill();
      expect(undo).toEqual({ kind: 'undone', sheet, restored: r.plan.changes.length, kept: [] });
      expect(values(ws)).toEqual(before);
      // A second 撤销填写 has nothing left to undo.
      expect(await host.undoFill()).toEqual({ kind: 'undone', sheet, restored: 0, kept: [] });
      for (const [k, c] of ws.cells) if (c.value !== null) expect([k, c.format]).toEqual([k, formats.get(k) ?? 'General']);
    }
  });

  it('a cell the clerk edits after filling is theirs: 撤销填写 leaves it and names it', async () => {
    const { book } = await spoiled('seed002.xlsx');
    book.active = '巡查员工作经费';
    const runner = fakeRunner(book);
    const host = new ExcelHost({ run: runner.run, supports: book.supports });
    const r = await host.planFill(zh);
    if (r.kind !== 'plan') throw new Error(r.kind);
    await host.applyFill(zh, r.plan);
    const total = r.plan.changes.find((c) => c.target === 'totalScore')!;
    book.sheet('巡查员工作经费')!.ensure(total.row, total.col).value = 98;
    const undo = await host.undoFill();
    expect(undo).toEqual({ kind: 'undone', sheet: '巡查员工作经费', restored: r.plan.changes.length - 1, kept: [total.cell] });
    expect(book.sheet('巡查员工作经费')!.get(total.row, total.col)!.value).toBe(98);
    const rate = r.plan.changes.find((c) => c.target === 'rate')!;
    expect(book.sheet('巡查员工作经费')!.get(rate.row, rate.col)?.value ?? null).toBe(null);
  });

  it('the plan, the fill and 撤销填写 take three, four and three round trips', async () => {
    const { book } = await spoiled('seed002.xlsx');
    book.active = '走访';
    const runner = fakeRunner(book);
    const host = new ExcelHost({ run: runner.run, supports: book.supports });
    const r = await host.planFill(zh);
    if (r.kind !== 'plan') throw new Error(r.kind);
    await host.applyFill(zh, r.plan);
    await host.undoFill();
    // The plan and the fill each read the formulas of the cells they change (one round trip).
    expect(runner.syncs).toEqual([3, 4, 3]);
  });
});

describe('what 填写计算值 writes', () => {
  it('keeps the convention of each cell: a % format gets a fraction, text gets text, a 110-point table keeps its total', async () => {
    const bytes = readFileSync(fixturePath('seed002.xlsx'));
    const grids = await workbookGrids(await openWorkbook(bytes));
    const results = checkWorkbook(grids);
    const i = results.findIndex((r) => r.sheet === '风险防控治理');
    const grid = grids.find((g) => g.name === '风险防控治理')!;
    const t = results[i]!.tables[0]!;
    // Spoil the rate (shown "100.0" under a "执行率" header, as percent units) and the total.
    const rateAt = { row: fundsOf(t.table).total.row, col: fundsOf(t.table).columns.rate! };
    const put = (v: CellValue, format?: string) => {
      (grid.values[rateAt.row] as CellValue[])[rateAt.col] = v;
      (grid.formats![rateAt.row] as (string | undefined)[])[rateAt.col] = format;
    };
    put(55);
    const result = checkWorkbook([grid])[0]!;
    const plan = planFill(result, grid);
    expect(plan.changes.map((c) => [c.target, c.after])).toEqual([['rate', 100.18]]);
    // 总分 row 分值 and 得分 stay: the weights add up to 110, and the clerk is told why.
    expect(plan.skipped.map((s) => [s.target, s.reason])).toEqual([
      ['totalWeight', 'weightsNot100'],
      ['totalScore', 'weightsNot100'],
    ]);
    // Said once for the table, its two cells together (the dialog's one line per table and reason).
    const [weight, score] = plan.skipped.map((s) => s.cell);
    const project = plan.skipped[0]?.project;
    expect(skipLines(plan.skipped, 'zh')).toEqual([`${project} ${weight}、${score}：各项分值合计不为 100：请先调整分值，总分和等级未填写`]);
    expect(skipLines(plan.skipped, 'en')).toEqual([`${project} ${weight}, ${score}: the weights do not add up to 100: fix them first; the total and grade were not filled`]);
    // The same rate under a % format is written as a fraction; written as text, as text.
    put(0.55, '0.00%');
    expect(planFill(checkWorkbook([grid])[0]!, grid).changes.map((c) => c.after)).toEqual([1.0018]);
    put('55%');
    expect(planFill(checkWorkbook([grid])[0]!, grid).changes.map((c) => c.after)).toEqual(['100.18%']);
  });
});
