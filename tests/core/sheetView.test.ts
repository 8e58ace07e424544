/**
 * What the sheet view keeps of what recognition worked out: a pass down a long sheet lets go of the rows
 * far above it (forgetAbove), and works them out again if asked; answers of "nothing here" stay.
 */
import { describe, expect, it } from 'vitest';
import { SheetView } from '../../src/core/recognise/sheetView';
import type { Grid } from '../../src/core/grid';

const grid: Grid = { name: 'S', values: Array.from({ length: 10 }, (_, r) => [`行${r}`]), merges: [] };

describe('SheetView.forgetAbove', () => {
  it('lets go of the readings above a row, keeps those below and the answers of nothing', () => {
    const view = new SheetView(grid);
    let computed = 0;
    const read = (r: number) => view.memo('q', r, () => (computed++, r % 2 ? { row: r } : undefined));
    for (let r = 0; r < 10; r++) read(r);
    expect(computed).toBe(10);
    view.forgetAbove(6);
    for (let r = 0; r < 10; r++) read(r);
    // Rows 1, 3, 5 held an object and were let go; rows 0, 2, 4 said nothing and are kept; 6–9 kept.
    expect(computed).toBe(13);
    expect(read(3)).toEqual({ row: 3 });
  });
});
