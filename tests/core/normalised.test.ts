/**
 * The normalised sheet in front of recognition (src/core/sheet/normalised.ts), on the seeds' real forms: merged
 * areas as one cell whatever a writer left in the covered cells, traditional characters, numbering rows, and
 * what `fill` writes going into the top-left cell of its merged area.
 */
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/cn2t';
import { checkSheet } from '../../src/core/engine';
import { type CellValue, type Grid, a1 } from '../../src/core/grid';
import { normaliseSheet } from '../../src/core/sheet/normalised';
import { isNumberingRow } from '../../src/core/sheet/numbering';
import { decodeXstring } from '../../src/xlsx/package/xml';
import { planFill } from '../../src/core/annotate/fillIn';
import type { SheetResult } from '../../src/core/engine';
import { loadGrids } from '../helpers';

const toTraditional = Converter({ from: 'cn', to: 'hk' });

function edited(grid: Grid, edit: (values: CellValue[][]) => void): Grid {
  const values = grid.values.map((row) => [...row]);
  edit(values);
  return { ...grid, values };
}

/** Figures and findings of every table of a sheet, positions included: what must not change. */
function outcome(r: SheetResult): string[] {
  return r.tables.map((t) =>
    [t.budget, t.executed, t.executionRate, t.executionScore, t.indicatorWeight, t.indicatorScore, t.total, t.grade, t.shownTotal, t.shownGrade]
      .map((v) => (v === null ? 'null' : v.toString()))
      .concat(t.findings.map((f) => `${f.code}@${f.cell}`).sort())
      .join(' '),
  );
}

describe('the normalised sheet', () => {
  it('reads a merged area as one cell: a grade repeated by a writer in the covered cells is read from F20', async () => {
    const [grid] = await loadGrids('seed000.xlsx');
    const g = grid!;
    // 评分等级 is merged over A20:E20, its value over F20:H20: a writer that repeats each area's value in its
    // covered cells puts 评分等级 into B20:E20 and the grade into G20:H20.
    const repeated = edited(g, (v) => {
      for (const m of g.merges) {
        const top = v[m.top]?.[m.left] ?? null;
        for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) (v[r] ??= [])[c] = top;
      }
    });
    const before = checkSheet(g);
    const after = checkSheet(repeated);
    expect(outcome(after)).toEqual(outcome(before));
    const grade = after.tables[0]!.table.grade!;
    expect(a1(grade.row, grade.col)).toBe('F20');
    expect(normaliseSheet(repeated).isCovered(19, 1)).toBe(true);
    expect(normaliseSheet(repeated).anchorOf(19, 7)).toEqual({ row: 19, col: 5 });
  });

  it('fills a blank 评分等级 into F20, the top-left of its value area, never into B20 inside the label', async () => {
    const [grid] = await loadGrids('seed000.xlsx');
    const blank = edited(grid!, (v) => {
      v[19]![5] = null;
    });
    const plan = planFill(checkSheet(blank), blank);
    expect(plan.changes.filter((c) => c.target === 'grade').map((c) => [c.cell, c.after])).toEqual([['F20', '优']]);
  });

  it('reads a table written in traditional characters as the same table', async () => {
    for (const g of (await loadGrids('seed002.xlsx')).slice(0, 3)) {
      const traditional = edited(g, (v) => {
        for (const row of v) for (let c = 0; c < row.length; c++) if (typeof row[c] === 'string') row[c] = toTraditional(row[c] as string);
      });
      expect(JSON.stringify(traditional.values)).not.toEqual(JSON.stringify(g.values));
      expect(outcome(checkSheet(traditional))).toEqual(outcome(checkSheet(g)));
    }
  });

  it('passes over a numbering row (列次 | 0 1 2 …) under the funds header', async () => {
    const [grid] = await loadGrids('seed000.xlsx');
    const g = grid!;
    const t = checkSheet(g).tables[0]!;
    const header = t.table.funds!.headerRow;
    // The row is put under the header; merges and everything below move down one row with it.
    const values = [...g.values.slice(0, header + 1), ['列次', 0, 1, 2, 3, 4, 5, 6, 7], ...g.values.slice(header + 1)];
    const formats = g.formats && [...g.formats.slice(0, header + 1), [], ...g.formats.slice(header + 1)];
    const down = (r: number) => (r > header ? r + 1 : r);
    const merges = g.merges.map((m) => ({ ...m, top: down(m.top), bottom: m.bottom > header ? m.bottom + 1 : m.bottom }));
    const numbered: Grid = { ...g, values, ...(formats ? { formats } : {}), merges };
    const r = checkSheet(numbered);
    expect(normaliseSheet(numbered).numberingRows).toEqual(new Set([header + 1]));
    expect(r.unrecognised).toEqual([]);
    const moved = (cell: string) => cell.replace(/\d+$/, (n) => String(down(Number(n) - 1) + 1));
    expect(r.tables[0]!.findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual(t.findings.map((f) => `${f.code}@${moved(f.cell)}`).sort());
    expect(r.tables[0]!.executionRate?.toString()).toBe(t.executionRate?.toString());
  });

  it('tells a numbering row from a row of amounts', () => {
    expect(isNumberingRow(['列次', 0, 1, 2, 3])).toBe(true);
    expect(isNumberingRow([null, '1', '2', '3', '4', '5'])).toBe(true);
    expect(isNumberingRow(['年度资金总额', 1, 2, 3, 4])).toBe(false);
    expect(isNumberingRow([null, 1, 2, 3])).toBe(false);
    expect(isNumberingRow([null, 100, 100, 95, 10])).toBe(false);
  });

  it('decodes the escapes OOXML writers put into cell text', () => {
    expect(decodeXstring('执行率_x000D_\n(%)')).toBe('执行率\r\n(%)');
    expect(decodeXstring('_x005F_x000D_')).toBe('_x000D_');
  });
});
