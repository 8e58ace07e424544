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
  ownCells,
  serializeState,
  sheetState,
  withSheetState,
} from '../core/annotate/state';
import { readState, sheetToGrid, toCellValue } from './read';
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

export function noteText(cell: ExcelJS.Cell): string | null {
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
  for (const cellAddr of ownCells(state, (c) => toCellValue(ws.getCell(c).value))) ws.getCell(cellAddr).value = null;
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
  const texts: string[] = [];
  for (const c of plan.column) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = c.value;
    written.push(cell.address);
    texts.push(c.value);
    if (c.kind === 'error' || c.kind === 'warning') {
      remember(cell);
      setFill(cell, { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[c.kind] } });
    }
  }
  return { sheet: ws.name, marked, written, texts };
}

/**
 * Checks one sheet and writes its results (in memory): revert the last run's marks, check, mark.
 * A protected sheet is checked and left untouched.
 */
export function annotateSheet(wb: ExcelJS.Workbook, sheetName: string, options: AnnotateOptions = {}): SheetOutcome {
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet named ${sheetName}`);
  let state = readState(wb);
  const previous = sheetState(state, ws.name);
  const locked = isProtected(ws);
  if (previous && !locked) revertSheet(ws, previous);
  const grid = locked ? maskWritten(sheetToGrid(ws), previous) : sheetToGrid(ws);
  const result = checkSheet(grid, options);
  if (locked) return { result, written: false };
  const plan = planSheet(grid, result, options);
  const next = applyPlan(ws, plan);
  state = withSheetState(state, next, ws.name);
  writeState(wb, state);
  return { result, written: true };
}

/** Checks every sheet and writes the results into the workbook (in memory). */
export function checkAndAnnotate(wb: ExcelJS.Workbook, options: AnnotateOptions = {}): SheetOutcome[] {
  const names = wb.worksheets.filter((ws) => !isStateSheet(ws.name)).map((ws) => ws.name);
  return names.map((name) => annotateSheet(wb, name, options));
}

/** 清除标记 on one sheet: restores its original fills and notes, removes its 复核结果 cells. */
export function clearSheet(wb: ExcelJS.Workbook, sheetName: string): { cleared: boolean; cells: number } {
  const state = readState(wb);
  const s = sheetState(state, sheetName);
  const ws = wb.getWorksheet(sheetName);
  if (!s || !ws || isProtected(ws)) return { cleared: false, cells: 0 };
  revertSheet(ws, s);
  writeState(wb, withSheetState(state, undefined, sheetName));
  return { cleared: true, cells: new Set([...s.written, ...s.marked.map((m) => m.cell)]).size };
}

/** 清除标记 on every sheet. */
export function clearMarks(wb: ExcelJS.Workbook): string[] {
  return readState(wb)
    .sheets.map((s) => s.sheet)
    .filter((name) => clearSheet(wb, name).cleared);
}
