/**
 * A sheet seen through its labels: normalised text per cell, merged areas by row, and the row tests
 * recognition is built on.
 */
import { type CellRange, type Grid, colCount, formatAt, isBlank, rowCount, valueAt } from '../grid';
import { labelOf } from '../text';
import type { Field } from '../table';
import { headerFieldOf } from './vocabulary';

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  private readonly labels: string[][];
  private readonly mergesByRow: Map<number, CellRange[]>;

  constructor(readonly grid: Grid) {
    this.rows = rowCount(grid);
    this.cols = colCount(grid);
    this.labels = [];
    for (let r = 0; r < this.rows; r++) {
      const row: string[] = [];
      const src = grid.values[r] ?? [];
      for (let c = 0; c < src.length; c++) row[c] = labelOf(src[c] ?? null);
      this.labels.push(row);
    }
    this.mergesByRow = new Map();
    for (const m of grid.merges) {
      for (let r = m.top; r <= Math.min(m.bottom, this.rows); r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(m);
        else this.mergesByRow.set(r, [m]);
      }
    }
  }

  label(r: number, c: number): string {
    return this.labels[r]?.[c] ?? '';
  }

  /** The merged area covering a cell, if any. */
  mergeAt(r: number, c: number): CellRange | undefined {
    return this.mergesByRow.get(r)?.find((m) => c >= m.left && c <= m.right);
  }

  /** A cell's label, or the label of the merged area it lies in (its value sits in the top-left cell). */
  coveringLabel(r: number, c: number): string {
    const own = this.label(r, c);
    if (own) return own;
    const m = this.mergeAt(r, c);
    return m ? this.label(m.top, m.left) : '';
  }

  field(r: number, c: number): Field {
    return { row: r, col: c, value: valueAt(this.grid, r, c), format: formatAt(this.grid, r, c) };
  }

  blank(r: number, c: number): boolean {
    return isBlank(valueAt(this.grid, r, c));
  }

  rowBlank(r: number): boolean {
    const src = this.grid.values[r];
    if (!src) return true;
    for (const v of src) if (!isBlank(v ?? null)) return false;
    return true;
  }

  /** Columns of non-empty label cells in a row. */
  labelCols(r: number): number[] {
    const out: number[] = [];
    const row = this.labels[r] ?? [];
    for (let c = 0; c < row.length; c++) if (row[c]) out.push(c);
    return out;
  }

  /** Columns of non-blank cells in a row (numbers included). */
  usedCols(r: number): number[] {
    const out: number[] = [];
    const src = this.grid.values[r] ?? [];
    for (let c = 0; c < src.length; c++) if (!isBlank(src[c] ?? null)) out.push(c);
    return out;
  }

  rowHasLabel(r: number, test: (label: string) => boolean): boolean {
    for (const c of this.labelCols(r)) if (test(this.label(r, c))) return true;
    return false;
  }

  /** First non-blank cell right of `c` on row `r` that is not itself a header label. */
  valueRightOf(r: number, c: number): Field | undefined {
    for (let k = c + 1; k < this.cols; k++) {
      if (this.blank(r, k)) continue;
      if (headerFieldOf(this.label(r, k))) return undefined;
      return this.field(r, k);
    }
    return undefined;
  }

  rightmostUsed(top: number, bottom: number): number {
    let right = 0;
    for (let r = top; r <= bottom; r++) {
      const src = this.grid.values[r] ?? [];
      for (let c = src.length - 1; c > right; c--) {
        if (!isBlank(src[c] ?? null)) {
          right = c;
          break;
        }
      }
      for (const m of this.mergesByRow.get(r) ?? []) if (m.right > right) right = m.right;
    }
    return right;
  }
}

export function isNameRow(view: SheetView, r: number): boolean {
  return view.rowHasLabel(r, (l) => {
    const f = headerFieldOf(l);
    return f === 'project' || f === 'organisation';
  });
}
