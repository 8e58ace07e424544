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

/**
 * The rows recognition reads, copied only where they differ from the source's (copy on write): a sheet of
 * 20,000 rows with one cell at XFD must not cost another copy of every row.
 */
class Rows {
  readonly changed = new Map<number, CellValue[]>();
  constructor(private readonly source: readonly (readonly CellValue[])[]) {}

  row(r: number): readonly CellValue[] | undefined {
    return this.changed.get(r) ?? this.source[r];
  }

  /** The row to change: its own copy, made on first change. */
  own(r: number): CellValue[] {
    let row = this.changed.get(r);
    if (!row) {
      const copy: CellValue[] = [];
      forEachCell(this.source[r], (v, c) => {
        copy[c] = v;
      });
      this.changed.set(r, (row = copy));
    }
    return row;
  }

  values(): readonly (readonly CellValue[])[] {
    if (!this.changed.size) return this.source;
    const out = this.source.slice();
    for (const [r, row] of this.changed) out[r] = row;
    return out;
  }
}

/** Text as recognition compares it: traditional characters made simplified. */
function simplifyText(rows: Rows, count: number): void {
  for (let r = 0; r < count; r++) {
    forEachCell(rows.row(r), (v, c) => {
      if (typeof v !== 'string') return;
      const s = simplified(v);
      if (s !== v) rows.own(r)[c] = s;
    });
  }
}

/** Blanks the covered cells of each merged area (the cells a row holds, not every column the area spans). */
function blankCovered(rows: Rows, merges: readonly CellRange[], count: number): void {
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, count - 1); r++) {
      const covered: number[] = [];
      forEachCell(rows.row(r), (v, c) => {
        if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left) && !isBlank(v)) covered.push(c);
      });
      if (covered.length) {
        const row = rows.own(r);
        for (const c of covered) delete row[c];
      }
    }
  }
}

function markNumbering(rows: Rows, count: number): { rows: Set<number>; cols: Map<number, number[]> } {
  const numberingRows = new Set<number>();
  const cols = new Map<number, number[]>();
  const column = { length: count, row: (r: number) => rows.row(r) };
  for (let r = 0; r < count; r++) {
    const row = rows.row(r);
    if (!row) continue;
    if (isNumberingRow(row)) {
      numberingRows.add(r);
      continue;
    }
    forEachCell(row, (v, c) => {
      if (!isNumberingLabel(v) || cols.has(c)) return;
      const numbered = numberingColumnRows(column, r, c);
      if (numbered.length) cols.set(c, numbered);
    });
  }
  // Positions are no figures: blank to recognition (the source keeps them).
  for (const r of numberingRows) rows.changed.set(r, []);
  for (const [c, rs] of cols) for (const r of rs) delete rows.own(r)[c];
  return { rows: numberingRows, cols };
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
  const rows = new Rows(grid.values);
  const count = grid.values.length;
  simplifyText(rows, count);
  blankCovered(rows, grid.merges, count);
  const numbering = markNumbering(rows, count);
  const values = rows.values();
  // Built on first use: recognition itself asks the view (sheetView.ts), writers ask here.
  let index: Map<string, CellRange> | undefined | null = null;
  const mergeAt = (r: number, c: number): CellRange | undefined => {
    if (index === null) index = coverIndex(grid.merges);
    return index ? index.get(`${r},${c}`) : grid.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  };
  // Row by row, no key built per look-up.
  const numbers: (ReadResult[] | undefined)[] = [];
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
      let row = numbers[r];
      if (row === undefined) numbers[r] = row = [];
      let n = row[c];
      if (n === undefined) row[c] = n = readNumber(valueOf(r, c), grid.formats?.[r]?.[c]);
      return n;
    },
    formulaAt(r, c) {
      const formula = grid.formulas?.get(a1(r, c));
      if (formula === undefined) return undefined;
      return { formula, computed: !isBlank(grid.values[r]?.[c] ?? null) };
    },
  };
}
