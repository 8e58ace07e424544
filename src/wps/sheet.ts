/**
 * Reading a sheet of WPS 表格 into the engine's grid, and carrying out core's writes on it, through the
 * object model (calls are in-process and synchronous: no batching to plan, but each is a call into the
 * application, so whole ranges are read at once where the model allows).
 */
import { type CellRange, type CellValue, type Grid, a1 } from '../core/grid';
import type { CellWrite } from '../core/annotate/decide';
import type { ValueWrite } from '../core/annotate/fillIn';
import { type Fill, normalColor } from '../core/annotate/fill';
import { type WorkbookState, STATE_SHEET, parseState, serializeState } from '../core/annotate/state';
import type { SheetSnapshot } from '../office/sheetRead';
import { type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet, XL, bgrOf, rgbOf } from './et';
import { SUMMARY_SHEET } from '../core/summary';

/** The error values of Value2 (CVErr numbers, as the object model returns them) and their texts. */
const ERRORS: Record<number, string> = {
  [-2146826288]: '#NULL!',
  [-2146826281]: '#DIV/0!',
  [-2146826273]: '#VALUE!',
  [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?',
  [-2146826252]: '#NUM!',
  [-2146826246]: '#N/A',
};
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/;

export function fromEt(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return ERRORS[v] ? { error: ERRORS[v]! } : v;
  if (typeof v === 'string') return ERROR_TEXT.test(v) ? { error: v } : v;
  if (typeof v === 'boolean') return v;
  return String(v);
}

/** A worksheet by name, or null (Item throws for a missing one). */
export function sheetNamed(book: EtWorkbook, name: string): EtWorksheet | null {
  try {
    return book.Worksheets.Item(name);
  } catch {
    return null;
  }
}

/** Value2 of a range as rows (one cell gives a scalar). */
function matrix(range: EtRange, rows: number, cols: number): unknown[][] {
  const raw = range.Value2;
  if (rows === 1 && cols === 1) return [[raw]];
  return Array.isArray(raw) ? (raw as unknown[][]) : [[raw]];
}

/** A block of the used range, by offsets from its top-left (0-based) and size. */
interface Block {
  readonly r: number;
  readonly c: number;
  readonly rows: number;
  readonly cols: number;
}

function blockRange(ws: EtWorksheet, top: number, left: number, b: Block): EtRange {
  return ws.Range(`${a1(top + b.r, left + b.c)}:${a1(top + b.r + b.rows - 1, left + b.c + b.cols - 1)}`);
}

/** The two halves of a block, split across its longer side. */
function halves(b: Block): [Block, Block] {
  if (b.rows >= b.cols) {
    const h = Math.ceil(b.rows / 2);
    return [{ ...b, rows: h }, { ...b, r: b.r + h, rows: b.rows - h }];
  }
  const h = Math.ceil(b.cols / 2);
  return [{ ...b, cols: h }, { ...b, c: b.c + h, cols: b.cols - h }];
}

/**
 * The merged areas of the used range, row by row, by ranges: each row's cells not yet inside an area
 * found are taken in runs of filled and of empty cells (only an area's top-left cell can hold a value,
 * so a run of filled cells starts areas or none); a run whose MergeCells is false holds none and is left
 * at once, a run of one cell gives its MergeArea, any other is halved. The calls grow with the rows
 * and the merged areas (a few hundred a table), not with the cells.
 */
export function readMerges(ws: EtWorksheet, used: EtRange, top: number, left: number, rows: number, cols: number, values: CellValue[][]): CellRange[] {
  const merges: CellRange[] = [];
  const covered = new Set<string>();
  const visit = (b: Block): void => {
    const one = b.rows === 1 && b.cols === 1;
    const range = one ? used.Item(b.r + 1, b.c + 1) : blockRange(ws, top, left, b);
    if (range.MergeCells === false) return;
    if (!one) {
      for (const half of halves(b)) visit(half);
      return;
    }
    const area = range.MergeArea;
    const m = { top: area.Row - 1, left: area.Column - 1, bottom: area.Row - 1 + area.Rows.Count - 1, right: area.Column - 1 + area.Columns.Count - 1 };
    merges.push(m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) covered.add(`${r - top},${c - left}`);
  };
  if (rows === 0 || cols === 0 || used.MergeCells === false) return merges;
  const filled = (i: number, j: number): boolean => values[top + i]?.[left + j] !== null && values[top + i]?.[left + j] !== undefined;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (covered.has(`${i},${j}`)) continue;
      let end = j;
      while (end + 1 < cols && !covered.has(`${i},${end + 1}`) && filled(i, end + 1) === filled(i, j)) end++;
      visit({ r: i, c: j, rows: 1, cols: end - j + 1 });
      j = end;
    }
  }
  return merges;
}

/**
 * The number formats of the numbers (the only formats the engine reads): the whole range's when it has
 * one; otherwise, in each column, each run of numbers one under the other read as one range, halved
 * only where its cells' formats differ. The calls grow with the tables, not with the cells.
 */
function readFormats(ws: EtWorksheet, used: EtRange, top: number, left: number, values: CellValue[][], formats: (string | undefined)[][]): void {
  const rows = values.length - top;
  const cols = Math.max(0, ...values.map((r) => r.length)) - left;
  const all = used.NumberFormat;
  const put = (b: Block, f: string): void => {
    for (let i = b.r; i < b.r + b.rows; i++) formats[top + i]![left + b.c] = f;
  };
  const visit = (b: Block): void => {
    const f = b.rows === 1 ? used.Item(b.r + 1, b.c + 1).NumberFormat : blockRange(ws, top, left, b).NumberFormat;
    if (typeof f === 'string') put(b, f);
    else if (b.rows > 1) for (const half of halves(b)) visit(half);
  };
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) {
      if (typeof values[top + i]![left + j] !== 'number') continue;
      let end = i;
      while (end + 1 < rows && typeof values[top + end + 1]![left + j] === 'number') end++;
      const run = { r: i, c: j, rows: end - i + 1, cols: 1 };
      if (typeof all === 'string') put(run, all);
      else visit(run);
      i = end;
    }
  }
}

/** The used range as a grid: values in one call, then number formats and merged areas by ranges. */
export function readGrid(ws: EtWorksheet): Grid {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const raw = matrix(used, rows, cols);
  const values: CellValue[][] = Array.from({ length: top + rows }, () => []);
  const formats: (string | undefined)[][] = Array.from({ length: top + rows }, () => []);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) values[top + i]![left + j] = fromEt(raw[i]?.[j]);
  readFormats(ws, used, top, left, values, formats);
  return { name: ws.Name, values, formats, merges: readMerges(ws, used, top, left, rows, cols, values) };
}

function notesOf(ws: EtWorksheet): Map<string, string> {
  const notes = new Map<string, string>();
  const all = ws.Comments;
  for (let i = 1; i <= all.Count; i++) {
    const c = all.Item(i);
    notes.set(c.Parent.Address(false, false), c.Text());
  }
  return notes;
}

function stateOf(book: EtWorkbook): { state: WorkbookState; rows: number; exists: boolean } {
  const ws = sheetNamed(book, STATE_SHEET);
  if (!ws) return { state: parseState([]), rows: 0, exists: false };
  const used = ws.UsedRange;
  const rows = used.Row === 1 && used.Column === 1 ? used.Rows.Count : 0;
  const cells = rows ? matrix(ws.Range(`A1:A${rows}`), rows, 1).map((r) => (typeof r[0] === 'string' ? r[0] : null)) : [];
  return { state: parseState(cells), rows, exists: true };
}

/** A sheet read for a check, with the objects to write back through. */
export type WpsSnapshot = SheetSnapshot & { readonly sheet: EtWorksheet; readonly book: EtWorkbook };

/** The state sheet read once: what every snapshot of the same moment shares. */
type StateRead = ReturnType<typeof stateOf>;

function snapshotOf(book: EtWorkbook, ws: EtWorksheet, state: StateRead): WpsSnapshot {
  return {
    sheet: ws,
    book,
    name: ws.Name,
    protected: ws.ProtectContents,
    grid: readGrid(ws),
    notes: notesOf(ws),
    threaded: new Set(),
    state: state.state,
    stateRows: state.rows,
    stateExists: state.exists,
    workbookProtected: book.ProtectStructure,
    notesApi: true,
  };
}

/** Everything a check needs of the active sheet (the same snapshot the Excel host builds). */
export function readActiveSheet(app: EtApplication): WpsSnapshot {
  const book = app.ActiveWorkbook;
  const ws = app.ActiveSheet;
  if (!book || !ws) throw new Error('没有打开的工作表');
  return snapshotOf(book, ws, stateOf(book));
}

/** A sheet by name, or null where the workbook has none of that name. */
export function readNamedSheet(app: EtApplication, name: string): WpsSnapshot | null {
  const book = app.ActiveWorkbook;
  const ws = book ? sheetNamed(book, name) : null;
  return book && ws ? snapshotOf(book, ws, stateOf(book)) : null;
}

/** Every work sheet of the open workbook (visible, the product's summary and state excepted), the state read once. */
export function readWorkSheets(app: EtApplication): WpsSnapshot[] {
  const book = app.ActiveWorkbook;
  if (!book) throw new Error('没有打开的工作簿');
  const state = stateOf(book);
  const sheets = book.Worksheets;
  const out: WpsSnapshot[] = [];
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheets.Item(i);
    const name = ws.Name;
    if (name === STATE_SHEET || name === SUMMARY_SHEET || ws.Visible !== XL.sheetVisible) continue;
    out.push(snapshotOf(book, ws, state));
  }
  return out;
}

/** 表格's interior → host-neutral fill. */
export function fillOf(range: EtRange): Fill {
  const i = range.Interior;
  if (i.Pattern === XL.patternNone || i.ColorIndex === XL.colorIndexNone) return { kind: 'none' };
  if (i.Pattern === XL.solid) return { kind: 'solid', color: rgbOf(i.Color) };
  return { kind: 'other', color: rgbOf(i.Color), wps: { pattern: i.Pattern, color: i.Color, patternColor: i.PatternColor } };
}

export function readFills(ws: EtWorksheet, cells: readonly string[]): Map<string, Fill> {
  return new Map([...new Set(cells)].map((c) => [c, fillOf(ws.Range(c))]));
}

function setFill(range: EtRange, fill: Fill): void {
  const i = range.Interior;
  if (fill.kind === 'none') {
    i.ColorIndex = XL.colorIndexNone;
    return;
  }
  if (fill.kind === 'other' && fill.wps) {
    i.Pattern = fill.wps.pattern;
    i.Color = fill.wps.color;
    i.PatternColor = fill.wps.patternColor;
    return;
  }
  if (fill.color) {
    i.Pattern = XL.solid;
    i.Color = bgrOf(normalColor(fill.color));
  } else i.ColorIndex = XL.colorIndexNone;
}

/** Writes text as text: the cell is formatted "@" first, so "=1+1" stays what it says. */
export function setText(range: EtRange, text: string): void {
  range.NumberFormat = '@';
  range.Value2 = text;
}

/**
 * Takes back a text the product wrote (a 复核结果 cell): the "@" format setText gave it goes too, so the
 * cell is as it was before (an empty cell of the general format).
 */
function clearText(range: EtRange): void {
  range.ClearContents();
  if (range.NumberFormat === '@') range.NumberFormat = 'General';
}

/** Carries out core's decision on the sheet. */
export function applyWrites(ws: EtWorksheet, snap: SheetSnapshot, writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const range = ws.Range(w.cell);
    if (w.value === null) clearText(range);
    else if (w.value !== undefined) setText(range, w.value);
    if (w.fill) setFill(range, w.fill);
    if (w.note !== undefined) {
      if (snap.notes.has(w.cell)) range.ClearComments();
      if (w.note !== null) range.AddComment(w.note);
    }
  }
}

/** Values 填写计算值 writes (or 撤销填写 puts back): text as text, numbers in the cell's own format. */
export function applyValueWrites(ws: EtWorksheet, writes: readonly ValueWrite[]): void {
  for (const w of writes) {
    const range = ws.Range(w.cell);
    if (w.format !== undefined && w.format !== '@') range.NumberFormat = w.format;
    if (w.value === null) range.ClearContents();
    else if (typeof w.value === 'string') setText(range, w.value);
    else if (typeof w.value === 'object') range.Value2 = w.value.error;
    else range.Value2 = w.value;
    // 撤销填写 of a cell that held a formula: the clerk's own formula goes back (nothing else is written as one).
    if (w.formula) range.Formula = w.formula;
  }
}

/** The state in its very hidden sheet; the sheet goes when nothing is left to remember. */
export function writeState(app: EtApplication, book: EtWorkbook, snap: SheetSnapshot, state: WorkbookState): void {
  const existing = sheetNamed(book, STATE_SHEET);
  if (state.sheets.length === 0) {
    if (existing && !snap.workbookProtected) deleteSheet(app, existing);
    return;
  }
  if (!existing && snap.workbookProtected) return;
  let ws = existing;
  if (!ws) {
    const active = app.ActiveSheet;
    const sheets = book.Worksheets;
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = STATE_SHEET;
    // Adding a sheet activates it: the user stays where they were.
    active?.Activate();
  }
  const chunks = serializeState(state);
  if (snap.stateRows > 0) ws.Range(`A1:A${snap.stateRows}`).ClearContents();
  if (chunks.length === 1) setText(ws.Range('A1'), chunks[0]!);
  else {
    const range = ws.Range(`A1:A${chunks.length}`);
    range.NumberFormat = '@';
    range.Value2 = chunks.map((c) => [c]);
  }
  ws.Visible = XL.sheetVeryHidden;
}

/** Deletes a sheet without WPS asking the user to confirm. */
export function deleteSheet(app: EtApplication, ws: EtWorksheet): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    ws.Visible = XL.sheetVisible;
    ws.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}
