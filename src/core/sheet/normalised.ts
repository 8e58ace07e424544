/**
 * The sheet as recognition sees it, worked out once in front of it (SPEC §2): every later step reads only this.
 *
 * - Each merged area is one cell: its value at the top-left; a covered cell is known as covered and reads blank,
 *   whatever a writer left in it (some repeat the value in every covered cell).
 * - Text normalised once per distinct text: traditional characters made simplified (chinese.ts); full-width forms
 *   and spaces are folded later by labelOf (NFKC), OOXML escapes (_x000D_) are decoded by the .xlsx reader.
 * - Numbering rows and columns (列次 | 0 1 2 …, a 行次 column) marked, and blank to recognition: positions, not figures.
 * - Each cell's number read once (numberAt).
 * - Formula cells known, with their cached value or marked not computed (formulaAt).
 *
 * Positions are the source's: what is decided here is written back at the same addresses, always into the
 * top-left cell of a merged area (anchorOf).
 */
import { type CellRange, type CellValue, type Grid, a1, forEachCell, isBlank } from '../grid';
import { type ReadResult, readNumber } from '../numbers';
import { simplified } from './chinese';
import { isNumberingLabel, isNumberingRow, numberingColumnRows } from './numbering';

export interface FormulaCell {
  /** The formula as the file holds it, "=SUM(C6:C8)". */
  readonly formula: string;
  /** False where the file holds no usable result for it (a writer that does not calculate). */
  readonly computed: boolean;
}

export interface NormalisedSheet extends Grid {
  readonly normalised: true;
  /** The grid as the host handed it over. */
  readonly source: Grid;
  /** Rows that number the form's columns (列次 | 0 1 2 …). */
  readonly numberingRows: ReadonlySet<number>;
  /** Columns that number the form's rows (行次 | 1 2 3 …), with the rows they number. */
  readonly numberingCols: ReadonlyMap<number, readonly number[]>;
  /** Whether a cell lies inside a merged area and is not its top-left. */
  isCovered(row: number, col: number): boolean;
  /** The top-left cell of the merged area a cell lies in, the cell itself where none: where a value is written. */
  anchorOf(row: number, col: number): { row: number; col: number };
  /** The cell's number, read once. */
  numberAt(row: number, col: number): ReadResult;
  formulaAt(row: number, col: number): FormulaCell | undefined;
}

export function isNormalised(grid: Grid): grid is NormalisedSheet {
  return (grid as Partial<NormalisedSheet>).normalised === true;
}

/** Text as recognition compares it; other values as they are. */
function normalisedValue(v: CellValue): CellValue {
  return typeof v === 'string' ? simplified(v) : v;
}

function copyValues(grid: Grid): CellValue[][] {
  return grid.values.map((row) => {
    const out: CellValue[] = [];
    forEachCell(row, (v, c) => {
      out[c] = normalisedValue(v);
    });
    return out;
  });
}

/** Blanks the covered cells of each merged area (the cells a row holds, not every column the area spans). */
function blankCovered(values: CellValue[][], merges: readonly CellRange[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, values.length - 1); r++) {
      const row = values[r];
      if (!row) continue;
      forEachCell(row, (_v, c) => {
        if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) delete row[c];
      });
    }
  }
}

function markNumbering(values: CellValue[][]): { rows: Set<number>; cols: Map<number, number[]> } {
  const rows = new Set<number>();
  const cols = new Map<number, number[]>();
  values.forEach((row, r) => {
    if (isNumberingRow(row)) {
      rows.add(r);
      return;
    }
    forEachCell(row, (v, c) => {
      if (!isNumberingLabel(v) || cols.has(c)) return;
      const numbered = numberingColumnRows(values, r, c);
      if (numbered.length) cols.set(c, numbered);
    });
  });
  // Positions are no figures: blank to recognition (the source keeps them).
  for (const r of rows) values[r] = [];
  for (const [c, rs] of cols) for (const r of rs) if (values[r]) delete values[r][c];
  return { rows, cols };
}

/** Whether a merge list can be searched by a key per cell (a sheet with very many or very large areas is walked). */
function coverIndex(merges: readonly CellRange[]): Map<string, CellRange> | undefined {
  let cells = 0;
  for (const m of merges) cells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
  if (cells > 200_000) return undefined;
  const index = new Map<string, CellRange>();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) index.set(`${r},${c}`, m);
  return index;
}

export function normaliseSheet(grid: Grid): NormalisedSheet {
  if (isNormalised(grid)) return grid;
  const values = copyValues(grid);
  blankCovered(values, grid.merges);
  const numbering = markNumbering(values);
  // Built on first use: recognition itself asks the view (sheetView.ts), writers ask here.
  let index: Map<string, CellRange> | undefined | null = null;
  const mergeAt = (r: number, c: number): CellRange | undefined => {
    if (index === null) index = coverIndex(grid.merges);
    return index ? index.get(`${r},${c}`) : grid.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  };
  const numbers = new Map<string, ReadResult>();
  const valueOf = (r: number, c: number): CellValue => values[r]?.[c] ?? null;
  return {
    normalised: true,
    source: grid,
    name: grid.name,
    values,
    ...(grid.formats ? { formats: grid.formats } : {}),
    merges: grid.merges,
    ...(grid.formulas ? { formulas: grid.formulas } : {}),
    numberingRows: numbering.rows,
    numberingCols: numbering.cols,
    isCovered(r, c) {
      const m = mergeAt(r, c);
      return m !== undefined && (m.top !== r || m.left !== c);
    },
    anchorOf(r, c) {
      const m = mergeAt(r, c);
      return m ? { row: m.top, col: m.left } : { row: r, col: c };
    },
    numberAt(r, c) {
      const key = `${r},${c}`;
      let n = numbers.get(key);
      if (n === undefined) numbers.set(key, (n = readNumber(valueOf(r, c), grid.formats?.[r]?.[c])));
      return n;
    },
    formulaAt(r, c) {
      const formula = grid.formulas?.get(a1(r, c));
      if (formula === undefined) return undefined;
      return { formula, computed: !isBlank(grid.values[r]?.[c] ?? null) };
    },
  };
}
