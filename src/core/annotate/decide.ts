/**
 * The one decision every host carries out: from what the sheet holds now, the product's own marks on it
 * and what a check wants, the cells to write and the state to keep. Checking first takes back the last
 * run's marks (so checking twice writes what checking once did), then marks; 清除标记 only takes back.
 * A cell is only ever written where the product wrote before or marks now; nothing a user typed is
 * overwritten.
 */
import { type CellValue, a1, parseA1, valueAt } from '../grid';
import { type Fill, type MarkSeverity, NO_FILL, markFill, markOf, sameFill } from './fill';
import { withBlock, withoutBlock } from './note';
import type { OwnMarks, SheetNow } from './own';
import type { MarkedCell, SheetState } from './state';
import type { Wanted } from './wanted';

export interface CellWrite {
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  /** The fill to give the cell. */
  readonly fill?: Fill;
  /** The note to give it (null: none). */
  readonly note?: string | null;
  /** Text to write into it (as text, never a formula), or null to empty it. */
  readonly value?: string | null;
}

export interface Decision {
  readonly writes: readonly CellWrite[];
  /** The sheet's state after the writes (undefined: nothing of the product's left on it). */
  readonly state: SheetState | undefined;
}

/** The cells whose fill a host must read before deciding: the product's earlier marks and the cells it marks now. */
export function cellsToInspect(own: OwnMarks, wanted?: Wanted): string[] {
  const cells = new Set(own.fills.keys());
  for (const m of wanted?.marks ?? []) cells.add(m.cell);
  for (const c of wanted?.column ?? []) if (c.kind === 'error' || c.kind === 'warning') cells.add(c.cell);
  return [...cells];
}

interface After {
  value?: string | null;
  fill?: Fill;
  note?: string | null;
}

export interface DecideOptions {
  /** Whether the host can write notes (office-js before ExcelApi 1.18 cannot) and the user wants them. */
  readonly notes: boolean;
}

/**
 * `fills` gives the current fill of every cell of `cellsToInspect` (hosts read them). With `wanted`
 * undefined this is 清除标记.
 */
export function decide(now: SheetNow, own: OwnMarks, fills: ReadonlyMap<string, Fill>, sheet: string, wanted?: Wanted, options: DecideOptions = { notes: true }): Decision {
  const after = new Map<string, After>();
  const at = (cell: string): After => {
    let a = after.get(cell);
    if (!a) after.set(cell, (a = {}));
    return a;
  };
  const fillNow = (cell: string) => fills.get(cell) ?? NO_FILL;
  const noteNow = (cell: string) => now.notes.get(cell) ?? null;

  // Take back what the product wrote: its column, its fills where they are still its marks, its note lines.
  for (const cell of own.column.keys()) at(cell).value = null;
  for (const [cell, original] of own.fills) if (markOf(fillNow(cell))) at(cell).fill = original;
  for (const [cell, block] of own.notes) at(cell).note = withoutBlock(noteNow(cell), block);
  if (!wanted) return { writes: writesOf(now, after, fillNow, noteNow), state: undefined };

  // Then mark, remembering what each cell had once the earlier marks were taken back.
  const marked: MarkedCell[] = [];
  const fillBefore = (cell: string) => after.get(cell)?.fill ?? fillNow(cell);
  const noteBefore = (cell: string) => {
    const a = after.get(cell);
    return a && 'note' in a ? (a.note ?? null) : noteNow(cell);
  };
  const mark = (cell: string, severity: MarkSeverity, block?: string) => {
    marked.push({ cell, fill: fillBefore(cell), mark: severity, ...(block ? { block } : {}) });
    const a = at(cell);
    if (block) a.note = withBlock(noteBefore(cell), block);
    a.fill = markFill(severity);
  };
  for (const m of wanted.marks) {
    const block = options.notes && m.note && !now.threaded?.has(m.cell) ? m.note : undefined;
    mark(m.cell, m.severity, block);
  }
  const written: string[] = [];
  const texts: string[] = [];
  for (const c of wanted.column) {
    at(c.cell).value = c.value;
    written.push(c.cell);
    texts.push(c.value);
    if (c.kind === 'error' || c.kind === 'warning') mark(c.cell, c.kind);
  }
  for (const n of wanted.notes ?? []) {
    if (!options.notes || now.threaded?.has(n.cell)) continue;
    // A note without a mark: the fill is recorded as it is and never changed.
    marked.push({ cell: n.cell, fill: fillBefore(n.cell), block: n.note });
    at(n.cell).note = withBlock(noteBefore(n.cell), n.note);
  }
  // A clean sheet keeps no state: its next check then has nothing to compare with.
  const verdicts = wanted.review?.verdicts ?? [];
  const last = wanted.review?.last ?? [];
  const review = { ...(verdicts.length ? { verdicts } : {}), ...(last.length ? { last } : {}) };
  const state: SheetState | undefined = marked.length || written.length || verdicts.length || last.length ? { sheet, marked, written, texts, ...review } : undefined;
  return { writes: writesOf(now, after, fillNow, noteNow), state };
}

/** Only what changes: a cell whose final value, fill or note is what it holds now is not written. */
function writesOf(now: SheetNow, after: Map<string, After>, fillNow: (c: string) => Fill, noteNow: (c: string) => string | null): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const [cell, a] of after) {
    const { row, col } = parseA1(cell);
    const w: { -readonly [K in keyof CellWrite]: CellWrite[K] } = { cell: a1(row, col), row, col };
    const current: CellValue = valueAt(now.grid, row, col);
    if (a.value !== undefined && (a.value === null ? current !== null : current !== a.value)) w.value = a.value;
    if (a.fill && !sameFill(a.fill, fillNow(cell))) w.fill = a.fill;
    if ('note' in a && (a.note ?? null) !== noteNow(cell)) w.note = a.note ?? null;
    if ('value' in w || 'fill' in w || 'note' in w) writes.push(w);
  }
  return writes.sort((x, y) => x.row - y.row || x.col - y.col);
}
