/**
 * Reading the active sheet through office-js in a fixed number of round trips, whatever the number of
 * tables:
 *   1. the sheet's name and protection, its used range, the state sheet, the workbook's protection, and
 *      the contents of its notes (and threaded comments);
 *   2. the cells (values and number formats, in payload-sized row blocks: Excel on the web limits a
 *      request to about 5 MB, so a normal sheet is one block), merged areas, the state, and where the
 *      notes and threaded comments are;
 *   3. (readFills) the fills of just the cells the decision needs.
 * API sets above the manifest's ExcelApi 1.9 are used only where `supports` says the host has them.
 */
import type { CellRange, CellValue, Grid } from '../core/grid';
import { parseRangeA1 } from '../core/grid';
import type { SheetNow } from '../core/annotate/own';
import { type WorkbookState, STATE_SHEET, parseState } from '../core/annotate/state';
import type { Fill } from '../core/annotate/fill';
import { copyBlock, fillGaps } from './cells';
import { Batch, COST, MERGED_AREAS_PER_READ, sizeOf } from './batch';

export const DEFAULT_CELLS_PER_READ = 60_000;

/** The answer for a note, counted generously (its text and where it is): a note the product writes is a few hundred bytes. */
const NOTE_BYTES = 1000;

/** Office.context.requirements.isSetSupported('ExcelApi', version), or a fake of it. */
export type Supports = (version: string) => boolean;

export interface SheetSnapshot extends SheetNow {
  readonly name: string;
  /** The sheet's id (what change events name it by); absent where a host has none. */
  readonly id?: string;
  readonly protected: boolean;
  readonly state: WorkbookState;
  readonly stateRows: number;
  readonly stateExists: boolean;
  /** A workbook whose structure is protected takes no new sheet (the state then stays unwritten). */
  readonly workbookProtected: boolean;
  /** Notes can be read and written (ExcelApi 1.18). */
  readonly notesApi: boolean;
}

/**
 * "Sheet1!A1:B2, 'a,b'!C3:D4" → its areas: split on the commas outside a quoted sheet name, so that a
 * sheet named with a comma reads right.
 */
export function parseAreas(address: string | undefined): CellRange[] {
  if (!address) return [];
  const parts: string[] = [];
  let quoted = false;
  let part = '';
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  parts.push(part);
  return parts
    .map((a) => a.trim().replace(/^.*!/, '').replace(/\$/g, ''))
    .filter(Boolean)
    .map((a) => parseRangeA1(a));
}

/** The used range in blocks of at most 512 cells: a merged-area read of one cannot exceed 512 areas. */
export function mergedBlocks(used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): { row: number; col: number; rows: number; cols: number }[] {
  const cols = Math.min(used.columnCount, MERGED_AREAS_PER_READ);
  const rows = Math.max(1, Math.floor(MERGED_AREAS_PER_READ / cols));
  const out: { row: number; col: number; rows: number; cols: number }[] = [];
  for (let r = 0; r < used.rowCount; r += rows) {
    for (let c = 0; c < used.columnCount; c += cols) {
      out.push({ row: used.rowIndex + r, col: used.columnIndex + c, rows: Math.min(rows, used.rowCount - r), cols: Math.min(cols, used.columnCount - c) });
    }
  }
  return out;
}

/** Queues the merged-area reads of the used range, block by block, through the batch. */
async function queueMergedReads(batch: Batch, ws: Excel.Worksheet, used: Excel.Range, sheetName: number): Promise<Excel.RangeAreas[]> {
  const out: Excel.RangeAreas[] = [];
  for (const b of mergedBlocks(used)) {
    await batch.room(COST.mergedRead, Math.ceil((b.rows * b.cols) / 4) * (sheetName + 24));
    const merged = ws.getRangeByIndexes(b.row, b.col, b.rows, b.cols).getMergedAreasOrNullObject();
    merged.load('address');
    out.push(merged);
  }
  return out;
}

/** "Sheet1!$B$3" → "B3". */
export function cellOf(address: string): string {
  return address.replace(/^.*!/, '').replace(/\$/g, '').split(':')[0]!;
}

export async function readActiveSheet(context: Excel.RequestContext, supports: Supports, cellsPerRead = DEFAULT_CELLS_PER_READ): Promise<SheetSnapshot> {
  // Round trip 1.
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load('name,id,protection/protected');
  // The sheet's notes and threaded comments. These are navigation properties (collections), which need
  // no load; the lint rules do not know these newer ones (ExcelApi 1.10, 1.18) as such.
  const notesApi = supports('1.18');
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
  const notes = notesApi ? ws.notes : null;
  const comments = supports('1.10') ? ws.comments : null;
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */
  const used = ws.getUsedRangeOrNullObject();
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const stateWs = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  stateWs.load('name');
  const bookProtection = context.workbook.protection;
  bookProtection.load('protected');
  // Only the count: the notes' contents are read in blocks under the size limit (they may be thousands).
  const noteCount = notes?.getCount();
  comments?.load('items/id');
  await context.sync();

  // Round trip 2 (one more per 3 MB of cells, merged areas or note locations on a huge sheet).
  const batch = new Batch(context);
  const stateUsed = stateWs.isNullObject ? null : stateWs.getUsedRangeOrNullObject(true);
  stateUsed?.load('values,rowCount');
  const mergedReads = used.isNullObject || !supports('1.13') ? [] : await queueMergedReads(batch, ws, used, sizeOf(ws.name));
  const noteLocations: { note: Excel.Note; at: Excel.Range }[] = [];
  for (let i = 0; notes && noteCount && i < noteCount.value; i++) {
    await batch.room(COST.location + COST.range, NOTE_BYTES);
    const n = notes.getItemAt(i);
    n.load('content');
    const at = n.getLocation();
    at.load('address');
    noteLocations.push({ note: n, at });
  }
  const commentLocations: Excel.Range[] = [];
  for (const c of comments?.items ?? []) {
    await batch.room(COST.location, sizeOf(ws.name) + 24);
    const at = c.getLocation();
    at.load('address');
    commentLocations.push(at);
  }
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  let synced = false;
  if (!used.isNullObject) {
    const cols = used.columnCount;
    const rowsPerSync = Math.max(1, Math.floor(cellsPerRead / Math.max(1, cols)));
    for (let start = 0; start < used.rowCount; start += rowsPerSync) {
      const count = Math.min(rowsPerSync, used.rowCount - start);
      const block = ws.getRangeByIndexes(used.rowIndex + start, used.columnIndex, count, cols);
      block.load('values,valueTypes,numberFormat');
      // Bounded by the sheet's size in bytes (the request limit), never by the number of tables.
      await batch.flush();
      synced = true;
      copyBlock(block, used.rowIndex + start, used.columnIndex, values, formats);
    }
  }
  if (!synced) await batch.flush();
  fillGaps(values, formats);
  const stateValues = stateUsed && !stateUsed.isNullObject ? stateUsed.values : [];
  const grid: Grid = { name: ws.name, values, formats, merges: mergedReads.flatMap((m) => (m.isNullObject ? [] : parseAreas(m.address))) };
  return {
    name: ws.name,
    id: ws.id,
    protected: ws.protection.protected,
    grid,
    notes: new Map(noteLocations.map(({ note, at }) => [cellOf(at.address), note.content])),
    threaded: new Set(commentLocations.map((at) => cellOf(at.address))),
    state: parseState(stateValues.map((row) => (typeof row[0] === 'string' ? row[0] : null))),
    stateRows: stateValues.length,
    stateExists: !stateWs.isNullObject,
    workbookProtected: bookProtection.protected,
    notesApi,
  };
}

/** office-js fill → host-neutral fill. */
export function fillOf(fill: Pick<Excel.RangeFill, 'color' | 'pattern' | 'patternColor'>): Fill {
  if (!fill.pattern || fill.pattern === 'None' || !fill.color) return { kind: 'none' };
  if (fill.pattern === 'Solid') return { kind: 'solid', color: fill.color };
  return { kind: 'other', color: fill.color, excel: { pattern: fill.pattern, color: fill.color, patternColor: fill.patternColor } };
}

/** Round trip 3 (one more per 3 MB): the fills of the cells the decision needs, never the whole sheet. */
export async function readFills(context: Excel.RequestContext, ws: Excel.Worksheet, cells: readonly string[]): Promise<Map<string, Fill>> {
  const batch = new Batch(context);
  const proxies: (readonly [string, Excel.RangeFill])[] = [];
  for (const cell of new Set(cells)) {
    await batch.room(COST.fillRead, 120);
    const fill = ws.getRange(cell).format.fill;
    fill.load('color,pattern,patternColor');
    proxies.push([cell, fill]);
  }
  const out = new Map<string, Fill>();
  if (!proxies.length) return out;
  await batch.flush();
  for (const [cell, fill] of proxies) out.set(cell, fillOf(fill));
  return out;
}
