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
import { type Batch, BATCH_BYTES, COST, sizeOf } from './batch';

/** A block of the state written in one range: a quarter of a batch. */
const BLOCK_BYTES = BATCH_BYTES / 4;

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

/** The request bytes of one cell's write. */
function writeCost(w: CellWrite): number {
  return COST.range + sizeOf(w.value) + (w.fill ? COST.format : 0) + (w.note !== undefined ? COST.note + sizeOf(w.note) : 0);
}

export async function queueWrites(batch: Batch, ws: Excel.Worksheet, snap: SheetSnapshot, writes: readonly CellWrite[]): Promise<void> {
  for (const w of writes) {
    await batch.room(writeCost(w));
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

/** The state, in the very hidden sheet, in row blocks under the batch's size; the sheet goes when nothing is left to remember. */
export async function queueState(batch: Batch, context: Excel.RequestContext, snap: SheetSnapshot, state: WorkbookState): Promise<void> {
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
  let start = 0;
  while (start < chunks.length) {
    let end = start;
    let bytes = 2 * COST.range;
    while (end < chunks.length && (end === start || bytes + sizeOf(chunks[end]) + 8 < BLOCK_BYTES)) bytes += sizeOf(chunks[end++]) + 8;
    await batch.room(bytes);
    const range = ws.getRangeByIndexes(start, 0, end - start, 1);
    range.numberFormat = chunks.slice(start, end).map(() => ['@']);
    range.values = chunks.slice(start, end).map((c) => [c]);
    start = end;
  }
  ws.visibility = 'VeryHidden';
}

/** Values 填写计算值 writes (or 清除标记 puts back): text as text, numbers in the cell's own format. */
export async function queueValueWrites(batch: Batch, ws: Excel.Worksheet, writes: readonly ValueWrite[]): Promise<void> {
  for (const w of writes) {
    await batch.room(2 * COST.range + sizeOf(w.value) + sizeOf(w.format));
    const range = ws.getRange(w.cell);
    if (w.format !== undefined) range.numberFormat = [[w.format]];
    if (w.value === null) range.clear('Contents');
    else if (typeof w.value === 'object') range.values = [[w.value.error]];
    else range.values = [[typeof w.value === 'string' ? asText(w.value) : w.value]];
    // 撤销填写 of a cell that held a formula: the clerk's own formula goes back (nothing else is written as one).
    if (w.formula) range.formulas = [[w.formula]];
  }
}
