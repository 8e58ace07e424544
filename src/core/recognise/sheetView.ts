/**
 * A sheet seen through its labels: normalised text per cell, merged areas by row, and the row tests
 * recognition is built on.
 */
import { type CellRange, type Grid, colCount, forEachCell, formatAt, isBlank, rowCount, valueAt } from '../grid';
import { labelOf } from '../text';
import { type NormalisedSheet, normaliseSheet } from '../sheet/normalised';
import type { Field } from '../table';
import { headerFieldOf } from './vocabulary';

const UNASKED = Symbol('unasked');

/** A row's labelled cells (columns and normalised labels, in column order) and how many cells are not blank. */
interface RowLabels {
  readonly cols: readonly number[];
  readonly labels: readonly string[];
  readonly used: number;
}

/** How many rows of labels are kept above the last one read (recognition looks back 24 at most). */
const LABELS_KEPT = 64;

const NO_LABELS: RowLabels = Object.freeze({ cols: Object.freeze([]), labels: Object.freeze([]), used: 0 });

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  /** Merged areas sorted by their top row, and the tallest one's height: the areas over a row are found by search. */
  private readonly merges: readonly CellRange[];
  private readonly tallest: number;
  private readonly memos = new Map<string, unknown[]>();

  /** The sheet as recognition sees it (normalised.ts): every step reads this, never the host's grid. */
  readonly grid: NormalisedSheet;

  constructor(source: Grid) {
    const grid = normaliseSheet(source);
    this.grid = grid;
    this.rows = rowCount(grid);
    this.cols = colCount(grid);
    this.merges = [...grid.merges].sort((a, b) => a.top - b.top);
    this.tallest = this.merges.reduce((h, m) => Math.max(h, m.bottom - m.top), 0);
  }

  /** What a row reads as, worked out once per row and question (recognition asks the same rows often). */
  memo<T>(question: string, r: number, compute: () => T): T {
    let rows = this.memos.get(question);
    if (!rows) this.memos.set(question, (rows = new Array<unknown>(this.rows + 18).fill(UNASKED)));
    const known = rows[r];
    if (known !== UNASKED) return known as T;
    const v = compute();
    rows[r] = v;
    return v;
  }

  /** The merged areas that cover some row of [top, bottom]. */
  private *mergesOver(top: number, bottom: number): Generator<CellRange> {
    const ms = this.merges;
    // The first area starting below `bottom`; those that can reach [top, bottom] start at most `tallest` rows above `top`.
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.top <= bottom) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && ms[i]!.top >= top - this.tallest; i--) {
      const m = ms[i]!;
      if (m.bottom >= top) yield m;
    }
  }

  /** A cell's text as a label (normalised; each distinct text is normalised once, see text.ts). */
  label(r: number, c: number): string {
    const v = this.grid.values[r]?.[c];
    return typeof v === 'string' ? labelOf(v) : '';
  }

  /** The merged area covering a cell, if any. */
  mergeAt(r: number, c: number): CellRange | undefined {
    for (const m of this.mergesOver(r, r)) if (c >= m.left && c <= m.right) return m;
    return undefined;
  }

  /** A cell's label, or the label of the merged area it lies in (its value sits in the top-left cell). */
  coveringLabel(r: number, c: number): string {
    const own = this.label(r, c);
    if (own) return own;
    const m = this.mergeAt(r, c);
    return m ? this.label(m.top, m.left) : '';
  }

  field(r: number, c: number): Field {
    const field = { row: r, col: c, value: valueAt(this.grid, r, c), format: formatAt(this.grid, r, c) };
    return this.grid.formulaAt(r, c)?.computed === false ? { ...field, notComputed: true } : field;
  }

  blank(r: number, c: number): boolean {
    return isBlank(valueAt(this.grid, r, c));
  }

  rowBlank(r: number): boolean {
    return this.labelsOf(r).used === 0;
  }

  /** Columns of non-empty label cells in a row. */
  labelCols(r: number): readonly number[] {
    return this.labelsOf(r).cols;
  }

  /** Lets go of what was worked out for rows above `row` (a table there is done): memory stays bounded. */
  release(row: number): void {
    const upTo = Math.max(0, row - 16);
    if (upTo <= this.released) return;
    for (const rows of this.memos.values()) rows.fill(UNASKED, this.released, upTo);
    this.released = upTo;
  }

  private released = 0;

  /**
   * Lets go of what was worked out so far but the answers "nothing here" (most rows are no header and
   * hold no pairs): those cost no memory of their own, and are not worked out again.
   */
  forget(): void {
    for (const [question, rows] of this.memos) {
      let kept = false;
      for (let r = 0; r < rows.length; r++) {
        if (rows[r] !== undefined && typeof rows[r] === 'object') rows[r] = UNASKED;
        else if (rows[r] !== UNASKED) kept = true;
      }
      if (!kept) this.memos.delete(question);
    }
    this.rowLabels = [];
    this.labelsFrom = 0;
    this.released = 0;
    this.forgotten = 0;
  }

  /**
   * forget() for the rows above `row` only, as a pass down the sheet goes (findAnchors): the headers and pairs
   * worked out there are not held until the pass ends (on 10,000 tables, tens of megabytes at once).
   */
  forgetAbove(row: number): void {
    const upTo = Math.min(row, this.rows + 18);
    if (upTo <= this.forgotten) return;
    for (const rows of this.memos.values()) {
      for (let r = this.forgotten; r < upTo; r++) if (rows[r] !== undefined && typeof rows[r] === 'object') rows[r] = UNASKED;
    }
    this.forgotten = upTo;
  }

  private forgotten = 0;

  /** How many cells of a row are not blank (numbers included). */
  usedCount(r: number): number {
    return this.labelsOf(r).used;
  }

  rowHasLabel(r: number, test: (label: string) => boolean): boolean {
    for (const l of this.labelsOf(r).labels) if (test(l)) return true;
    return false;
  }

  /** The first column after a label's merged area: where the label's value is (or is to be written). */
  afterLabel(r: number, c: number): number {
    return (this.mergeAt(r, c)?.right ?? c) + 1;
  }

  /**
   * Each row's labelled cells, read once: recognition asks for them many times per row, going down the
   * sheet and looking back a few dozen rows at most. Only the LABELS_KEPT rows above the last one read
   * are kept: a sheet of 10,000 tables does not hold every row's labels at once.
   */
  private rowLabels: (RowLabels | undefined)[] = [];
  /** Rows above this one are no longer kept. */
  private labelsFrom = 0;

  /** A row's labelled cells and labels, in column order. */
  labelsOf(r: number): RowLabels {
    let known = this.rowLabels[r];
    if (known) return known;
    const cols: number[] = [];
    const labels: string[] = [];
    let used = 0;
    forEachCell(this.grid.values[r], (v, c) => {
      if (isBlank(v)) return;
      used++;
      const l = typeof v === 'string' ? labelOf(v) : '';
      if (!l) return;
      cols.push(c);
      labels.push(l);
    });
    known = used === 0 ? NO_LABELS : { cols, labels, used };
    if (r >= this.labelsFrom && r < this.rows) {
      this.rowLabels[r] = known;
      const from = r - LABELS_KEPT;
      if (from > this.labelsFrom) {
        this.rowLabels.fill(undefined, this.labelsFrom, from);
        this.labelsFrom = from;
      }
    }
    return known;
  }

  /** First non-blank cell after the label at `c` on row `r` that is not itself a header label. */
  valueRightOf(r: number, c: number): Field | undefined {
    for (let k = this.afterLabel(r, c); k < this.cols; k++) {
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
    }
    for (const m of this.mergesOver(top, bottom)) if (m.right > right) right = m.right;
    return right;
  }
}

export function isNameRow(view: SheetView, r: number): boolean {
  return view.rowHasLabel(r, (l) => {
    const f = headerFieldOf(l);
    return f === 'project' || f === 'organisation';
  });
}
