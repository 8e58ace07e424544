/**
 * The .xlsx host, writing side (SPEC §5): highlights with notes, the 复核结果 column, and the state that
 * lets 清除标记 restore every original fill and note. Revert first, then check, then write: annotating
 * twice gives the same workbook as annotating once.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../core/findings';
import { type SheetResult, checkSheet } from '../core/engine';
import type { CheckOptions } from '../core/check/result';
import { FILLS, NOTE_SIGNATURE, type SheetPlan, planSheet } from '../core/annotate/plan';
import {
  type Fill,
  type MarkedCell,
  type SheetState,
  type WorkbookState,
  STATE_SHEET,
  maskWritten,
  serializeState,
  sheetState,
  withSheetState,
} from '../core/annotate/state';
import { readState, sheetToGrid } from './read';
import { isStateSheet } from '../core/annotate/state';

export interface AnnotateOptions extends CheckOptions {
  readonly lang?: Lang;
  readonly notes?: boolean;
  readonly column?: boolean;
}

export interface SheetOutcome {
  readonly result: SheetResult;
  /** False when the sheet is protected: nothing was written on it. */
  readonly written: boolean;
}

function writeState(wb: ExcelJS.Workbook, state: WorkbookState): void {
  const existing = wb.getWorksheet(STATE_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  if (state.sheets.length === 0) return;
  const ws = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  serializeState(state).forEach((chunk, i) => {
    ws.getCell(i + 1, 1).value = chunk;
  });
}

export function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return !!p && p.sheet !== false;
}

function fillOf(cell: ExcelJS.Cell): Fill {
  const f = cell.style?.fill;
  return f ? { kind: 'raw', json: JSON.stringify(f) } : { kind: 'none' };
}

function toExcelFill(fill: Fill): ExcelJS.Fill | undefined {
  if (fill.kind === 'none') return undefined;
  if (fill.kind === 'solid') {
    const argb = fill.color.replace('#', '').toUpperCase();
    return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb.length === 6 ? `FF${argb}` : argb } };
  }
  return JSON.parse(fill.json) as ExcelJS.Fill;
}

/** Cells share style objects in ExcelJS: give the cell its own before changing its fill. */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

function noteText(cell: ExcelJS.Cell): string | null {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return null;
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

function setNote(cell: ExcelJS.Cell, text: string | null): void {
  if (text === null || text === '') {
    // ExcelJS keeps a loaded note in the value's model too; re-setting the value drops both.
    const value = cell.value;
    delete (cell as unknown as { _comment?: unknown })._comment;
    cell.value = value;
  } else cell.note = text;
}

/** Puts back what the last run changed on a sheet. */
function revertSheet(ws: ExcelJS.Worksheet, state: SheetState): void {
  for (const cellAddr of state.written) ws.getCell(cellAddr).value = null;
  for (const m of state.marked) {
    const cell = ws.getCell(m.cell);
    setFill(cell, toExcelFill(m.fill));
    const current = noteText(cell);
    if (current === null || current.includes(NOTE_SIGNATURE) || m.note !== null) setNote(cell, m.note);
  }
}

function applyPlan(ws: ExcelJS.Worksheet, plan: SheetPlan): SheetState {
  const marked: MarkedCell[] = [];
  const remember = (cell: ExcelJS.Cell) => {
    marked.push({ cell: cell.address, fill: fillOf(cell), note: noteText(cell) });
  };
  for (const m of plan.marks) {
    const cell = ws.getCell(m.row + 1, m.col + 1);
    remember(cell);
    setFill(cell, { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[m.severity] } });
    if (m.note) {
      const before = noteText(cell);
      setNote(cell, before ? `${before}\n\n${m.note}` : m.note);
    }
  }
  const written: string[] = [];
  for (const c of plan.column) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = c.value;
    written.push(cell.address);
    if (c.kind === 'error' || c.kind === 'warning') {
      remember(cell);
      setFill(cell, { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[c.kind] } });
    }
  }
  return { sheet: ws.name, marked, written };
}

/** Checks every sheet and writes the results into the workbook (in memory). */
export function checkAndAnnotate(wb: ExcelJS.Workbook, options: AnnotateOptions = {}): SheetOutcome[] {
  let state = readState(wb);
  const outcomes: SheetOutcome[] = [];
  wb.eachSheet((ws) => {
    if (isStateSheet(ws.name)) return;
    const previous = sheetState(state, ws.name);
    const locked = isProtected(ws);
    if (previous && !locked) revertSheet(ws, previous);
    const grid = locked ? maskWritten(sheetToGrid(ws), previous) : sheetToGrid(ws);
    const result = checkSheet(grid, options);
    if (locked) {
      outcomes.push({ result, written: false });
      return;
    }
    const plan = planSheet(grid, result, options);
    const next = applyPlan(ws, plan);
    state = withSheetState(state, next, ws.name);
    outcomes.push({ result, written: true });
  });
  writeState(wb, state);
  return outcomes;
}

/** 清除标记: restores every original fill and note, removes the 复核结果 cells and the state. */
export function clearMarks(wb: ExcelJS.Workbook): string[] {
  const state = readState(wb);
  const cleared: string[] = [];
  let remaining: WorkbookState = state;
  for (const s of state.sheets) {
    const ws = wb.getWorksheet(s.sheet);
    if (!ws || isProtected(ws)) continue;
    revertSheet(ws, s);
    remaining = withSheetState(remaining, undefined, s.sheet);
    cleared.push(s.sheet);
  }
  writeState(wb, remaining);
  return cleared;
}
