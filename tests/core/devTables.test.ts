/**
 * The development tables (22 real published tables of eight provinces, as numbers and as text, one per sheet and
 * stacked): every labelled figure and every labelled finding at its cell, no false finding, no part of a labelled
 * table called unreadable.
 */
import { describe, expect, it } from 'vitest';
import { devWorkbooks, scoreWorkbook } from './devTablesScore';

describe('the development tables, against their hand labels', () => {
  const workbooks = devWorkbooks();

  it('are all there (40 workbooks)', () => {
    expect(workbooks).toHaveLength(40);
  });

  describe.each(workbooks)('%s', (workbook) => {
    it('every labelled figure and finding, nothing false, nothing called unreadable', async () => {
      const s = await scoreWorkbook(workbook);
      expect({ missed: s.missed, falseOnes: s.falseOnes, wrongFigures: s.wrongFigures }).toEqual({ missed: [], falseOnes: [], wrongFigures: [] });
    });
  });
});
