/**
 * What the product wrote, kept in the workbook itself (a very hidden sheet) so that 清除标记 can give back
 * every original fill and note and take away exactly what it added, even after the file was closed.
 * The state is a record, never an order: a cell is only touched when it still holds what the product
 * wrote there (see own.ts), so a state that does not match the sheet — hand-made, stale, of a renamed
 * sheet — erases nothing.
 */
import type { Fill, MarkSeverity } from './fill';
import type { FilledCell } from './fillIn';
import type { Grid } from '../grid';
import { type KeyedFinding, type StoredVerdict, type Verdict, givingVerdict, isStoredVerdict } from './verdicts';

export const STATE_SHEET = 'selfeval_state';

export function isStateSheet(name: string): boolean {
  return name === STATE_SHEET;
}

export interface MarkedCell {
  readonly cell: string;
  /** The fill the cell had before it was marked. */
  readonly fill: Fill;
  /** The mark it was given. */
  readonly mark?: MarkSeverity;
  /** The note block the product added (absent: none). */
  readonly block?: string;
}

export interface SheetState {
  readonly sheet: string;
  readonly marked: readonly MarkedCell[];
  /** Cells of the 复核结果 column the product filled (they were empty before), and what it wrote there. */
  readonly written: readonly string[];
  readonly texts: readonly string[];
  /** Cells 填写计算值 wrote, with what they held before. */
  readonly filled?: readonly FilledCell[];
  /**
   * The .xlsx host's print setup of the sheet before the product set it up to print its column (the
   * <pageSetup> element, '' for none), put back by 清除标记.
   */
  readonly pageSetup?: string;
  /** The reviewer's verdicts (复核意见), kept through checks and 清除标记 while their findings stand. */
  readonly verdicts?: readonly StoredVerdict[];
  /** The last check's error and warning findings as code@cell (what changed since then: changes.ts). */
  readonly last?: readonly string[];
}

/** A <pageSetup …/> element and nothing else: a state that says otherwise puts nothing into a sheet. */
const PAGE_SETUP = /^(<([A-Za-z_][\w.-]*:)?pageSetup(\s+[A-Za-z_][\w.:-]*="[^"<>]*")*\s*\/>)?$/;

export interface WorkbookState {
  readonly version: 2;
  readonly sheets: readonly SheetState[];
}

export const EMPTY_STATE: WorkbookState = { version: 2, sheets: [] };

/** A cell holds at most 32767 characters; the state is split over cells of column A. */
export const CHUNK = 30000;

/** Chunks that never split a character (a surrogate pair stays in one chunk). */
export function serializeState(state: WorkbookState): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  let i = 0;
  while (i < json.length) {
    let end = Math.min(json.length, i + CHUNK);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(json.slice(i, end));
    i = end;
  }
  return chunks.length ? chunks : [JSON.stringify(EMPTY_STATE)];
}

const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

function validSheet(s: unknown): s is SheetState {
  if (!s || typeof s !== 'object') return false;
  const x = s as Partial<SheetState>;
  return (
    typeof x.sheet === 'string' &&
    Array.isArray(x.marked) &&
    x.marked.every((m) => m && typeof m.cell === 'string' && A1.test(m.cell) && m.fill && typeof m.fill.kind === 'string') &&
    Array.isArray(x.written) &&
    Array.isArray(x.texts) &&
    x.written.length === x.texts.length &&
    x.written.every((c) => typeof c === 'string' && A1.test(c)) &&
    x.texts.every((t) => typeof t === 'string') &&
    (x.pageSetup === undefined || (typeof x.pageSetup === 'string' && PAGE_SETUP.test(x.pageSetup))) &&
    (x.verdicts === undefined || (Array.isArray(x.verdicts) && x.verdicts.every(isStoredVerdict))) &&
    (x.last === undefined || (Array.isArray(x.last) && x.last.every((id) => typeof id === 'string' && /^[A-Z0-9_]+@[A-Z]{1,3}[1-9]\d{0,6}$/.test(id)))) &&
    (x.filled === undefined ||
      (Array.isArray(x.filled) && x.filled.every((f) => f && typeof f.cell === 'string' && A1.test(f.cell) && (typeof f.wrote === 'number' || typeof f.wrote === 'string') && (f.beforeFormula === undefined || typeof f.beforeFormula === 'string'))))
  );
}

/** Reads the state; anything damaged or of another version reads as no state (marks are then found by what they are). */
export function parseState(chunks: readonly (string | null | undefined)[]): WorkbookState {
  const json = chunks.filter((c): c is string => typeof c === 'string').join('');
  if (!json) return EMPTY_STATE;
  try {
    const s = JSON.parse(json) as Partial<WorkbookState>;
    if (s && s.version === 2 && Array.isArray(s.sheets)) return { version: 2, sheets: s.sheets.filter(validSheet) };
  } catch {
    // A damaged state must not stop a check.
  }
  return EMPTY_STATE;
}

export function sheetState(state: WorkbookState, sheet: string): SheetState | undefined {
  return state.sheets.find((s) => s.sheet === sheet);
}

/** The state with one sheet's entry replaced, and entries of sheets that no longer exist dropped. */
export function withSheetState(state: WorkbookState, sheet: string, next: SheetState | undefined, sheets?: readonly string[]): WorkbookState {
  const keep = state.sheets.filter((s) => s.sheet !== sheet && (!sheets || sheets.includes(s.sheet)));
  const worth = next && (next.marked.length || next.written.length || next.filled?.length || next.verdicts?.length || next.last?.length);
  return { version: 2, sheets: worth ? [...keep, next] : keep };
}

/** A sheet's state after a check or a clear, keeping (or replacing) what 填写计算值 recorded. */
export function keepingFilled(next: SheetState | undefined, sheet: string, filled: readonly FilledCell[] | undefined): SheetState | undefined {
  const reviewed = next ? { ...(next.verdicts?.length ? { verdicts: next.verdicts } : {}), ...(next.last?.length ? { last: next.last } : {}) } : {};
  if (!filled?.length) return next ? { sheet: next.sheet, marked: next.marked, written: next.written, texts: next.texts, ...reviewed } : undefined;
  return { ...(next ?? { sheet, marked: [], written: [], texts: [] }), filled };
}

/**
 * A sheet's state after 清除标记: the marks are gone, what 填写计算值 recorded stays, and the verdicts stay
 * unless the reviewer asked to drop them too (the last check is forgotten: the next check starts afresh).
 */
export function afterClear(previous: SheetState | undefined, sheet: string, dropVerdicts = false): SheetState | undefined {
  const verdicts = dropVerdicts ? undefined : previous?.verdicts;
  const next: SheetState | undefined = verdicts?.length ? { sheet, marked: [], written: [], texts: [], verdicts } : undefined;
  return keepingFilled(next, sheet, previous?.filled);
}

/**
 * The workbook's state with a reviewer's verdict given on a finding of a sheet (or taken back, with null).
 * `grid`: the sheet as it is now. The marks are not touched: the host checks the sheet again to show it in
 * the note and the column.
 */
export function withVerdict(state: WorkbookState, sheet: string, finding: KeyedFinding, grid: Grid, verdict: Verdict | null): WorkbookState {
  const previous = sheetState(state, sheet) ?? { sheet, marked: [], written: [], texts: [] };
  const verdicts = givingVerdict(previous.verdicts, finding, grid, verdict);
  const { verdicts: _dropped, ...rest } = previous;
  return withSheetState(state, sheet, verdicts.length ? { ...rest, verdicts } : rest);
}
