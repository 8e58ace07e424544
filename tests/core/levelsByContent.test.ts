/**
 * A 一级 / 二级 column whose header word was lost is read by its content only where every filled cell is a word of
 * that level; otherwise it is not guessed (鄂州财政局 of the development tables, its words removed).
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import type { Grid } from '../../src/core/grid';
import { loadGrids } from '../helpers';

describe('levels read by their content', async () => {
  const grid = (await loadGrids('dev-tables/prov-sheets.xlsx')).find((g) => g.name === '鄂州财政局');
  if (!grid) throw new Error('鄂州财政局 missing from the development tables');
  const edited = (edits: [number, number, string | null][]): Grid => {
    const values = grid.values.map((row) => [...row]);
    for (const [r, c, v] of edits) values[r]![c] = v;
    return { ...grid, values };
  };
  const first = (g: Grid) => checkSheet(g).tables[0]!;
  const before = first(grid);

  it('takes a headerless column of 一级 words beside the 二级 as the 一级 column', () => {
    const t = first(edited([[11, 1, null]])); // B12 一级指标 removed
    expect(t.table.columns.indicators.level1).toBe(1);
    expect(t.table.indicators.map((i) => i.level1)).toEqual(before.table.indicators.map((i) => i.level1));
    expect(t.findings).toEqual(before.findings);
  });

  it('takes a headerless column of 二级 words between the 一级 and the 三级 as the 二级 column', () => {
    const t = first(edited([[11, 2, null]])); // C12 二级指标 removed
    expect(t.table.columns.indicators.level2).toBe(2);
    expect(t.findings).toEqual(before.findings);
  });

  it('guesses nothing where one cell is no 一级 word: the column is said unread', () => {
    const t = first(edited([[11, 1, null], [12, 1, '项目实施']])); // B13 产出指标 → 项目实施
    expect(t.table.columns.indicators.level1).toBeUndefined();
    expect(t.table.columns.unread.map((u) => u.label)).toContain('项目实施');
  });
});
