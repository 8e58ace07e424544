/**
 * What the add-in wrote, kept in the workbook itself (a very hidden sheet) so that 清除标记 can restore
 * every original fill and note and remove exactly what it added, even after the file was closed.
 */
import { type CellValue, type Grid, parseA1 } from '../grid';

export const STATE_SHEET = 'selfeval_state';

export function isStateSheet(name: string): boolean {
  return name === STATE_SHEET;
}

/** A host-neutral fill: a solid ARGB colour, or none. Hosts map their own fill objects onto it. */
export type Fill = { readonly kind: 'none' } | { readonly kind: 'solid'; readonly color: string } | { readonly kind: 'raw'; readonly json: string };

export interface MarkedCell {
  readonly cell: string;
  /** The fill the cell had before it was marked. */
  readonly fill: Fill;
  /** The note the cell had before (null: none), so that a user's note is never lost. */
  readonly note: string | null;
}

export interface SheetState {
  readonly sheet: string;
  readonly marked: MarkedCell[];
  /** Cells of the 复核结果 column the add-in filled (they were empty before). */
  readonly written: string[];
  /** What it wrote there, in the same order: a cell the user has typed over since is theirs. */
  readonly texts?: string[];
}

export interface WorkbookState {
  readonly version: 1;
  readonly sheets: SheetState[];
}

export const EMPTY_STATE: WorkbookState = { version: 1, sheets: [] };

/** The state is stored as JSON split over cells of column A (a cell holds at most 32767 characters). */
export const CHUNK = 30000;

export function serializeState(state: WorkbookState): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  return chunks.length ? chunks : ['{"version":1,"sheets":[]}'];
}

export function parseState(chunks: readonly (string | null | undefined)[]): WorkbookState {
  const json = chunks.filter((c): c is string => typeof c === 'string').join('');
  if (!json) return EMPTY_STATE;
  try {
    const s = JSON.parse(json) as WorkbookState;
    if (s && s.version === 1 && Array.isArray(s.sheets)) return s;
  } catch {
    // A damaged state sheet must not stop a check; the marks it described are left as they are.
  }
  return EMPTY_STATE;
}

export function sheetState(state: WorkbookState, sheet: string): SheetState | undefined {
  return state.sheets.find((s) => s.sheet === sheet);
}

export function withSheetState(state: WorkbookState, next: SheetState | undefined, sheet: string): WorkbookState {
  const others = state.sheets.filter((s) => s.sheet !== sheet);
  return { version: 1, sheets: next && (next.marked.length || next.written.length) ? [...others, next] : others };
}

/**
 * The grid as it was before the add-in's last run: the 复核结果 cells it wrote read as empty, so that
 * checking again finds the same tables and the same free column (idempotence).
 */

export function maskWritten(grid: Grid, state: SheetState | undefined): Grid {
  if (!state || state.written.length === 0) return grid;
  const values = grid.values.map((row) => row.slice()) as CellValue[][];
  for (const cell of ownCells(state, (c) => {
    const { row, col } = parseA1(c);
    return values[row]?.[col] ?? null;
  })) {
    const { row, col } = parseA1(cell);
    if (values[row] && col < values[row]!.length) values[row]![col] = null;
  }
  return { ...grid, values };
}

/**
 * The 复核结果 cells that still hold what the add-in wrote. A cell the user has typed over since is
 * theirs: never cleared, never read as empty.
 */
export function ownCells(state: SheetState, valueOf: (cell: string) => CellValue): string[] {
  return state.written.filter((cell, i) => {
    const text = state.texts?.[i];
    return text === undefined || valueOf(cell) === text;
  });
}
