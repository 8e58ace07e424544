/**
 * A sheet seen through its labels: normalised text per cell, and the row tests recognition is built on.
 */
import { type Grid, colCount, formatAt, isBlank, rowCount, valueAt } from '../grid';
import { labelOf } from '../text';
import type { Field } from '../table';
import { fundsColumnOf, headerFieldOf, indicatorColumnOf } from './labels';

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  private readonly labels: string[][];

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
  }

  label(r: number, c: number): string {
    return this.labels[r]?.[c] ?? '';
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
      for (let c = src.length - 1; c > right; c--) if (!isBlank(src[c] ?? null)) { right = c; break; }
    }
    for (const m of this.grid.merges) {
      if (m.bottom >= top && m.top <= bottom && m.right > right) right = m.right;
    }
    return right;
  }
}

export function isFundsHeader(view: SheetView, r: number): boolean {
  const kinds = new Set(view.labelCols(r).map((c) => fundsColumnOf(view.label(r, c))));
  return kinds.has('executed') && (kinds.has('annual') || kinds.has('initial')) && (kinds.has('rate') || kinds.has('weight'));
}

export function isIndicatorHeader(view: SheetView, r: number): boolean {
  const kinds = new Set(view.labelCols(r).map((c) => indicatorColumnOf(view.label(r, c))));
  return kinds.has('level1') && kinds.has('weight') && kinds.has('score');
}

export function isNameRow(view: SheetView, r: number): boolean {
  return view.rowHasLabel(r, (l) => {
    const f = headerFieldOf(l);
    return f === 'project' || f === 'organisation';
  });
}
