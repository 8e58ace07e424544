/**
 * The grid model: a sheet's cells as a host (Excel, ExcelJS) hands them over.
 * Rows and columns are 0-based inside the engine; A1 addresses are for people.
 */

/** An Excel error value such as #DIV/0! or #REF!. */
export interface CellError {
  readonly error: string;
}

export type CellValue = string | number | boolean | CellError | null;

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface Grid {
  /** Sheet name. */
  readonly name: string;
  /** values[row][col]; rows may be shorter than the widest row. */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats, same shape as values where known ("0.00", "0.00%", "General"). */
  readonly formats?: readonly (readonly (string | undefined)[])[];
  /** Merged areas; the value sits in the top-left cell only. */
  readonly merges: readonly CellRange[];
  /** Formulas by A1 address ("=SUM(C6:C8)"), where the host reads them; values hold their cached results. */
  readonly formulas?: ReadonlyMap<string, string>;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function rowCount(grid: Grid): number {
  return grid.values.length;
}

export function colCount(grid: Grid): number {
  let n = 0;
  for (const row of grid.values) if (row.length > n) n = row.length;
  for (const m of grid.merges) if (m.right + 1 > n) n = m.right + 1;
  return n;
}

/**
 * Each cell a row holds, in column order, holes skipped. A long row is walked by the cells it holds, not
 * by its columns: a sheet whose rows each have one cell at XFD costs its cells, not 16,384 columns a row.
 */
export function forEachCell(row: readonly CellValue[] | undefined, fn: (v: CellValue, c: number) => void): void {
  if (!row) return;
  if (row.length <= 512) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== undefined) fn(v, c);
    }
    return;
  }
  for (const k of Object.keys(row)) {
    const c = Number(k);
    const v = row[c];
    if (v !== undefined) fn(v, c);
  }
}

export function valueAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formatAt(grid: Grid, row: number, col: number): string | undefined {
  return grid.formats?.[row]?.[col];
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Column index (0-based) to letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeA1(r: CellRange): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** Parses "B12" into 0-based coordinates; throws on anything else. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseRangeA1(address: string): CellRange {
  const [a, b] = address.split(':');
  const p = parseA1(a!);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** The merged area a cell belongs to, if any. */
export function mergeAt(grid: Grid, row: number, col: number): CellRange | undefined {
  return grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}
