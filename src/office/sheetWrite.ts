/**
 * Carrying out core's decision through office-js, queued in one batch (no round trip here): fills,
 * notes, the 复核结果 texts, and the state in its very hidden sheet.
 */
import type { CellWrite } from '../core/annotate/decide';
import type { Fill } from '../core/annotate/fill';
import { normalColor } from '../core/annotate/fill';
import { type WorkbookState, STATE_SHEET, serializeState } from '../core/annotate/state';
import type { SheetSnapshot } from './sheetRead';
import type { ValueWrite } from '../core/annotate/fillIn';

/** Text stays text: Excel would read a leading = + - @ as a formula, so such text gets the quote prefix. */
export function asText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

function queueFill(range: Excel.Range, fill: Fill): void {
  if (fill.kind === 'none') {
    range.format.fill.clear();
    return;
  }
  if (fill.kind === 'solid') {
    range.format.fill.color = `#${normalColor(fill.color)}`;
    return;
  }
  if (fill.excel) {
    range.format.fill.color = fill.excel.color;
    range.format.fill.pattern = fill.excel.pattern as Excel.FillPattern;
    if (fill.excel.patternColor) range.format.fill.patternColor = fill.excel.patternColor;
  } else if (fill.color) range.format.fill.color = `#${normalColor(fill.color)}`;
  else range.format.fill.clear();
}

export function queueWrites(ws: Excel.Worksheet, snap: SheetSnapshot, writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const range = ws.getRange(w.cell);
    if (w.value === null) range.clear('Contents');
    else if (w.value !== undefined) range.values = [[asText(w.value)]];
    if (w.fill) queueFill(range, w.fill);
    if (w.note !== undefined && snap.notesApi) {
      const had = snap.notes.has(w.cell);
      if (w.note === null) {
        if (had) ws.notes.getItem(w.cell).delete();
      } else if (had) ws.notes.getItem(w.cell).content = w.note;
      else ws.notes.add(w.cell, w.note);
    }
  }
}

/** The state, in the very hidden sheet; the sheet goes when nothing is left to remember. */
export function queueState(context: Excel.RequestContext, snap: SheetSnapshot, state: WorkbookState): void {
  const sheets = context.workbook.worksheets;
  if (state.sheets.length === 0) {
    if (snap.stateExists && !snap.workbookProtected) sheets.getItem(STATE_SHEET).delete();
    return;
  }
  // A workbook whose structure is protected takes no new sheet: the marks are then found by what they are.
  if (!snap.stateExists && snap.workbookProtected) return;
  const ws = snap.stateExists ? sheets.getItem(STATE_SHEET) : sheets.add(STATE_SHEET);
  const chunks = serializeState(state);
  if (snap.stateRows > 0) ws.getRangeByIndexes(0, 0, snap.stateRows, 1).clear('Contents');
  const range = ws.getRangeByIndexes(0, 0, chunks.length, 1);
  range.numberFormat = chunks.map(() => ['@']);
  range.values = chunks.map((c) => [c]);
  ws.visibility = 'VeryHidden';
}

/** Values 填写计算值 writes (or 清除标记 puts back): text as text, numbers in the cell's own format. */
export function queueValueWrites(ws: Excel.Worksheet, writes: readonly ValueWrite[]): void {
  for (const w of writes) {
    const range = ws.getRange(w.cell);
    if (w.format !== undefined) range.numberFormat = [[w.format]];
    if (w.value === null) range.clear('Contents');
    else if (typeof w.value === 'object') range.values = [[w.value.error]];
    else range.values = [[typeof w.value === 'string' ? asText(w.value) : w.value]];
    // 撤销填写 of a cell that held a formula: the clerk's own formula goes back (nothing else is written as one).
    if (w.formula) range.formulas = [[w.formula]];
  }
}
