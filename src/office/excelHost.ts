/**
 * The Excel host (office-js). A check is a fixed number of round trips, whatever the number of tables:
 *   1. the active sheet: name, protection, used range, whether the state sheet exists;
 *   2. the cells: values and number formats (with merged areas and the state) — in payload-sized row
 *      blocks (Excel on the web limits a request to about 5 MB), so a normal sheet is one round trip and
 *      only a huge one takes more;
 *   3. the fills and notes of the few cells about to be marked, to give them back later;
 *   4. every write in one batch: revert the last run, marks, notes, the 复核结果 column, the state.
 * The engine runs in memory between 2 and 3. Nothing is written before the last batch, and nothing at
 * all on a protected sheet.
 */
import type { CellRange, CellValue, Grid } from '../core/grid';
import { copyBlock, fillGaps } from './cells';
import { parseA1, parseRangeA1, valueAt } from '../core/grid';
import { checkSheet } from '../core/engine';
import { sheetReports } from '../core/report';
import { FILLS, NOTE_SIGNATURE, planSheet } from '../core/annotate/plan';
import {
  type Fill,
  type MarkedCell,
  type SheetState,
  type WorkbookState,
  STATE_SHEET,
  maskWritten,
  ownCells,
  parseState,
  serializeState,
  sheetState,
  withSheetState,
} from '../core/annotate/state';
import type { CheckResponse, ClearResponse, Host, SummaryResponse } from './hostApi';
import { type WorkbookInput, buildSummary } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import { queueSummarySheet, readWorkbook, workbookInput } from './summarySheet';
import type { Settings } from './settings';

/** Excel.run, or a fake of it in tests. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  readonly run: Runner;
  /** ExcelApi 1.18 (notes). */
  readonly notesSupported: boolean;
  /** ExcelApi 1.13 (merged areas); without it tables are still found by their labels. */
  readonly mergesSupported?: boolean;
  /** Cells per read round trip: about 60 bytes a cell for values, types and formats stays under 5 MB. */
  readonly cellsPerRead?: number;
}

const DEFAULT_CELLS_PER_READ = 60_000;

interface SheetSnapshot {
  readonly name: string;
  readonly protected: boolean;
  readonly grid: Grid;
  readonly state: WorkbookState;
  readonly stateRows: number;
  readonly stateExists: boolean;
}

function fillOf(fill: Pick<Excel.RangeFill, 'color' | 'pattern' | 'patternColor'>): Fill {
  if (!fill.pattern || fill.pattern === 'None' || !fill.color) return { kind: 'none' };
  if (fill.pattern === 'Solid') return { kind: 'solid', color: fill.color };
  return { kind: 'raw', json: JSON.stringify({ pattern: fill.pattern, color: fill.color, patternColor: fill.patternColor }) };
}

/** Fills recorded by another host (ExcelJS JSON) map onto office-js as well as they can. */
function applyFill(range: Excel.Range, fill: Fill): void {
  if (fill.kind === 'none') {
    range.format.fill.clear();
    return;
  }
  if (fill.kind === 'solid') {
    range.format.fill.color = fill.color.length === 8 ? `#${fill.color.slice(2)}` : fill.color;
    return;
  }
  try {
    const raw = JSON.parse(fill.json) as { pattern?: string; color?: string; patternColor?: string; fgColor?: { argb?: string } };
    if (raw.fgColor?.argb) {
      range.format.fill.color = `#${raw.fgColor.argb.slice(-6)}`;
    } else {
      if (raw.color) range.format.fill.color = raw.color;
      if (raw.pattern) range.format.fill.pattern = raw.pattern as Excel.FillPattern;
      if (raw.patternColor) range.format.fill.patternColor = raw.patternColor;
    }
  } catch {
    range.format.fill.clear();
  }
}

function argbToHex(argb: string): string {
  return `#${argb.slice(-6)}`;
}

function parseAreas(address: string | undefined): CellRange[] {
  if (!address) return [];
  return address
    .split(',')
    .map((part) => part.trim().replace(/^.*!/, '').replace(/\$/g, ''))
    .filter(Boolean)
    .map((a) => parseRangeA1(a));
}

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  constructor(private readonly options: ExcelHostOptions) {}

  /** Round trips 1 and 2: everything a check needs, read in as few batches as the payload allows. */
  private async read(context: Excel.RequestContext): Promise<SheetSnapshot> {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load('name,protection/protected');
    const used = ws.getUsedRangeOrNullObject();
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const stateWs = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
    stateWs.load('name');
    await context.sync();

    // Queued with the first block of cells, so they cost no round trip of their own.
    const stateUsed = stateWs.isNullObject ? null : stateWs.getUsedRangeOrNullObject(true);
    stateUsed?.load('values,rowCount');
    const merged = used.isNullObject || this.options.mergesSupported === false ? null : used.getMergedAreasOrNullObject();
    merged?.load('address');
    const values: CellValue[][] = [];
    const formats: (string | undefined)[][] = [];
    if (!used.isNullObject) {
      const cols = used.columnCount;
      const rowsPerSync = Math.max(1, Math.floor((this.options.cellsPerRead ?? DEFAULT_CELLS_PER_READ) / Math.max(1, cols)));
      // One round trip per payload-sized block of rows; a normal sheet is a single block.
      for (let start = 0; start < used.rowCount; start += rowsPerSync) {
        const count = Math.min(rowsPerSync, used.rowCount - start);
        const block = ws.getRangeByIndexes(used.rowIndex + start, used.columnIndex, count, cols);
        block.load('values,valueTypes,numberFormat');
        // Bounded by the sheet's size in bytes (the request limit), never by the number of tables.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        copyBlock(block, used.rowIndex + start, used.columnIndex, values, formats);
      }
    }
    if (stateUsed && used.isNullObject) await context.sync();
    fillGaps(values, formats);
    const stateValues = stateUsed && !stateUsed.isNullObject ? stateUsed.values : [];
    const state = parseState(stateValues.map((row) => (typeof row[0] === 'string' ? row[0] : null)));
    return {
      name: ws.name,
      protected: ws.protection.protected,
      grid: { name: ws.name, values, formats, merges: !merged || merged.isNullObject ? [] : parseAreas(merged.address) },
      state,
      stateRows: stateValues.length,
      stateExists: !stateWs.isNullObject,
    };
  }

  /**
   * Round trip 3: what the cells about to be marked hold now — their fills (cells marked by the last run
   * have theirs in the state) and their notes. Only these few cells, never the whole sheet.
   */
  private async readTouched(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    fillCells: string[],
    noteCells: string[],
  ): Promise<{ fills: Map<string, Fill>; notes: Map<string, string | null> }> {
    const fills = new Map<string, Fill>();
    const notes = new Map<string, string | null>();
    const noteProxies = (this.options.notesSupported ? [...new Set(noteCells)] : []).map((cell) => {
      const note = ws.notes.getItemOrNullObject(cell);
      note.load('content');
      return [cell, note] as const;
    });
    const fillProxies = [...new Set(fillCells)].map((cell) => {
      const fill = ws.getRange(cell).format.fill;
      fill.load('color,pattern,patternColor');
      return [cell, fill] as const;
    });
    if (!noteProxies.length && !fillProxies.length) return { fills, notes };
    await context.sync();
    for (const [cell, note] of noteProxies) notes.set(cell, note.isNullObject ? null : note.content);
    for (const [cell, fill] of fillProxies) fills.set(cell, fillOf(fill));
    return { fills, notes };
  }

  private writeNote(ws: Excel.Worksheet, cell: string, current: string | null | undefined, next: string | null): void {
    if (!this.options.notesSupported) return;
    if (current !== null && current !== undefined) ws.notes.getItem(cell).delete();
    if (next) ws.notes.add(cell, next);
  }

  /** Queues the revert of the last run on a sheet (no round trip). */
  private queueRevert(ws: Excel.Worksheet, previous: SheetState, notes: Map<string, string | null>, grid: Grid): void {
    const own = ownCells(previous, (cell) => {
      const { row, col } = parseA1(cell);
      return valueAt(grid, row, col);
    });
    for (const cell of own) ws.getRange(cell).clear('Contents');
    for (const m of previous.marked) {
      applyFill(ws.getRange(m.cell), m.fill);
      const current = notes.get(m.cell) ?? null;
      // Our note (or none) gives way to the note the cell had; a note the user rewrote since stays.
      const ours = current === null || current.includes(NOTE_SIGNATURE);
      if (ours && (current !== null || m.note !== null)) this.writeNote(ws, m.cell, current, m.note);
    }
  }

  private queueState(context: Excel.RequestContext, snapshot: SheetSnapshot, state: WorkbookState): void {
    const sheets = context.workbook.worksheets;
    if (state.sheets.length === 0) {
      if (snapshot.stateExists) sheets.getItem(STATE_SHEET).delete();
      return;
    }
    const ws = snapshot.stateExists ? sheets.getItem(STATE_SHEET) : sheets.add(STATE_SHEET);
    const chunks = serializeState(state);
    if (snapshot.stateRows > 0) ws.getRangeByIndexes(0, 0, snapshot.stateRows, 1).clear('Contents');
    ws.getRangeByIndexes(0, 0, chunks.length, 1).values = chunks.map((c) => [c]);
    ws.visibility = 'VeryHidden';
  }

  async checkActiveSheet(settings: Settings): Promise<CheckResponse> {
    return this.options.run(async (context) => {
      const snap = await this.read(context);
      const previous = sheetState(snap.state, snap.name);
      const grid = maskWritten(snap.grid, previous);
      const result = checkSheet(grid, { reverseFormula: settings.reverseFormula });
      const { tables, unrecognised } = sheetReports('', [result], settings.lang);
      if (snap.protected) return { kind: 'protected', sheet: snap.name, tables, unrecognised };

      const plan = planSheet(grid, result, { lang: settings.lang, notes: settings.notes, column: settings.column });
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const wantNotes = settings.notes && this.options.notesSupported;
      const before = new Map<string, MarkedCell>((previous?.marked ?? []).map((m) => [m.cell, m]));
      const toFill = [...plan.marks.map((m) => m.cell), ...plan.column.filter((c) => c.kind === 'error' || c.kind === 'warning').map((c) => c.cell)];
      const noteCells = [...before.keys(), ...(wantNotes ? plan.marks.map((m) => m.cell) : [])];
      const { fills, notes } = await this.readTouched(context, ws, toFill.filter((c) => !before.has(c)), noteCells);

      // Round trip 4: every write, in order.
      if (previous) this.queueRevert(ws, previous, notes, snap.grid);
      const originalFill = (cell: string): Fill => before.get(cell)?.fill ?? fills.get(cell) ?? { kind: 'none' };
      /** The note a cell holds once the revert is applied. */
      const noteAfterRevert = (cell: string): string | null => (before.has(cell) ? before.get(cell)!.note : (notes.get(cell) ?? null));
      const marked: MarkedCell[] = [];
      for (const m of plan.marks) {
        const current = noteAfterRevert(m.cell);
        const own = current && !current.includes(NOTE_SIGNATURE) ? current : null;
        marked.push({ cell: m.cell, fill: originalFill(m.cell), note: wantNotes ? own : null });
        ws.getRange(m.cell).format.fill.color = argbToHex(FILLS[m.severity]);
        if (wantNotes && m.note) this.writeNote(ws, m.cell, current, own ? `${own}\n\n${m.note}` : m.note);
      }
      const written: string[] = [];
      const texts: string[] = [];
      for (const c of plan.column) {
        ws.getRange(c.cell).values = [[c.value]];
        written.push(c.cell);
        texts.push(c.value);
        if (c.kind === 'error' || c.kind === 'warning') {
          marked.push({ cell: c.cell, fill: originalFill(c.cell), note: null });
          ws.getRange(c.cell).format.fill.color = argbToHex(FILLS[c.kind]);
        }
      }
      const next: SheetState = { sheet: snap.name, marked, written, texts };
      this.queueState(context, snap, withSheetState(snap.state, next, snap.name));
      await context.sync();
      return { kind: 'checked', sheet: snap.name, tables, unrecognised, notesWritten: wantNotes };
    });
  }

  async clearActiveSheet(): Promise<ClearResponse> {
    return this.options.run(async (context) => {
      const snap = await this.read(context);
      if (snap.protected) return { kind: 'protected', sheet: snap.name };
      const previous = sheetState(snap.state, snap.name);
      if (!previous) return { kind: 'cleared', sheet: snap.name, cells: 0 };
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const { notes } = await this.readTouched(context, ws, [], previous.marked.map((m) => m.cell));
      this.queueRevert(ws, previous, notes, snap.grid);
      this.queueState(context, snap, withSheetState(snap.state, undefined, snap.name));
      await context.sync();
      return { kind: 'cleared', sheet: snap.name, cells: new Set([...previous.written, ...previous.marked.map((m) => m.cell)]).size };
    });
  }

  async summarise(settings: Settings, files?: readonly WorkbookInput[]): Promise<SummaryResponse> {
    return this.options.run(async (context) => {
      const { grids, summaryExists } = await readWorkbook(context, this.options.cellsPerRead ?? DEFAULT_CELLS_PER_READ);
      const inputs = files?.length ? files : [workbookInput(grids, '', settings.lang, { reverseFormula: settings.reverseFormula })];
      const summary = buildSummary(inputs, { lang: settings.lang, sort: settings.summarySort });
      const layout = summaryLayout(summary, { lang: settings.lang, withFile: !!files?.length });
      const chart = queueSummarySheet(context, layout, summaryExists);
      await context.sync();
      return { kind: 'summarised', sheet: layout.name, summary, chart };
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.options.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }
}
