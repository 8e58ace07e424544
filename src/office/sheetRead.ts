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
import { BATCH_BYTES, Batch, COST, MERGED_AREAS_PER_READ, sizeOf } from './batch';
import { SUMMARY_SHEET } from '../core/summary';

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

/** Which sheets to read: the active one, one by name, or every work sheet (the product's own excepted). */
export type SheetsWanted = { readonly kind: 'active' } | { readonly kind: 'named'; readonly name: string } | { readonly kind: 'all' };

/** What round trip 1 queues for each sheet: its used range and where its notes and comments are counted. */
interface Head {
  readonly ws: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly noteCount: OfficeExtension.ClientResult<number> | undefined;
  readonly comments: Excel.CommentCollection | null;
}

/** What round trip 2 queues for each sheet, read once it is synced. */
interface Body {
  readonly head: Head;
  readonly merged: Excel.RangeAreas[];
  readonly notes: { note: Excel.Note; at: Excel.Range }[];
  readonly comments: Excel.Range[];
  readonly blocks: { range: Excel.Range; row: number; col: number }[];
}

/** The bytes of round trip 1's calls for a sheet (a used range, a count, a collection): well over what office.js sends. */
const HEAD_BYTES = 4 * COST.range;

/**
 * The worksheets wanted, their name, id and protection loaded by the first sync. Every work sheet needs one
 * round trip more than one sheet: the collection must be loaded before its items can be asked for anything.
 */
async function worksheetsOf(context: Excel.RequestContext, wanted: SheetsWanted): Promise<Excel.Worksheet[]> {
  const sheets = context.workbook.worksheets;
  if (wanted.kind === 'all') {
    sheets.load('items/name,items/id,items/visibility,items/protection/protected');
    await context.sync();
    return sheets.items.filter((ws) => ws.name !== STATE_SHEET && ws.name !== SUMMARY_SHEET && ws.visibility === 'Visible');
  }
  const ws = wanted.kind === 'active' ? sheets.getActiveWorksheet() : sheets.getItem(wanted.name);
  ws.load('name,id,protection/protected');
  return [ws];
}

/** Round trip 1 for a sheet: the used range, the count of its notes (their contents are read in blocks under the size limit) and its threaded comments. */
function queueHead(ws: Excel.Worksheet, supports: Supports): Head {
  // Navigation properties (collections), which need no load.
  const notes = supports('1.18') ? ws.notes : null;
  const comments = supports('1.10') ? ws.comments : null;
  const used = ws.getUsedRangeOrNullObject();
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const noteCount = notes?.getCount();
  comments?.load('items/id');
  return { ws, used, noteCount, comments };
}

/** Round trip 2 for a sheet, through the shared batch: merged areas, notes, comments and the cells in row blocks. */
async function queueBody(batch: Batch, head: Head, supports: Supports, cellsPerRead: number): Promise<Body> {
  const { ws, used } = head;
  const merged = used.isNullObject || !supports('1.13') ? [] : await queueMergedReads(batch, ws, used, sizeOf(ws.name));
  const notes: Body['notes'] = [];
  for (let i = 0; head.noteCount && i < head.noteCount.value; i++) {
    await batch.room(COST.location + COST.range, NOTE_BYTES);
    const n = ws.notes.getItemAt(i);
    n.load('content');
    const at = n.getLocation();
    at.load('address');
    notes.push({ note: n, at });
  }
  const comments: Excel.Range[] = [];
  for (const c of head.comments?.items ?? []) {
    await batch.room(COST.location, sizeOf(ws.name) + 24);
    const at = c.getLocation();
    at.load('address');
    comments.push(at);
  }
  const blocks: Body['blocks'] = [];
  if (!used.isNullObject) {
    const cols = used.columnCount;
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerRead / Math.max(1, cols)));
    // A block of cellsPerRead cells fills a batch's answer: the bytes a cell is counted at.
    const cellBytes = BATCH_BYTES / cellsPerRead;
    for (let start = 0; start < used.rowCount; start += rowsPerBlock) {
      const count = Math.min(rowsPerBlock, used.rowCount - start);
      await batch.room(COST.range, Math.ceil(count * cols * cellBytes));
      const range = ws.getRangeByIndexes(used.rowIndex + start, used.columnIndex, count, cols);
      range.load('values,valueTypes,numberFormat');
      blocks.push({ range, row: used.rowIndex + start, col: used.columnIndex });
    }
  }
  return { head, merged, notes, comments, blocks };
}

function snapshotOf(body: Body, shared: Pick<SheetSnapshot, 'state' | 'stateRows' | 'stateExists' | 'workbookProtected' | 'notesApi'>): SheetSnapshot {
  const { ws } = body.head;
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  for (const b of body.blocks) copyBlock(b.range, b.row, b.col, values, formats);
  fillGaps(values, formats);
  const grid: Grid = { name: ws.name, values, formats, merges: body.merged.flatMap((m) => (m.isNullObject ? [] : parseAreas(m.address))) };
  return {
    ...shared,
    name: ws.name,
    id: ws.id,
    protected: ws.protection.protected,
    grid,
    notes: new Map(body.notes.map(({ note, at }) => [cellOf(at.address), note.content])),
    threaded: new Set(body.comments.map((at) => cellOf(at.address))),
  };
}

/**
 * The sheets wanted, read in a number of round trips that depends on their bytes, never on how many
 * sheets or tables there are: one sheet in two (one more per 3 MB of cells, merged areas or note
 * locations), every work sheet in three.
 */
export async function readSheets(context: Excel.RequestContext, supports: Supports, wanted: SheetsWanted, cellsPerRead = DEFAULT_CELLS_PER_READ): Promise<SheetSnapshot[]> {
  const worksheets = await worksheetsOf(context, wanted);
  // Round trip 1.
  const first = new Batch(context);
  const stateWs = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  stateWs.load('name');
  const bookProtection = context.workbook.protection;
  bookProtection.load('protected');
  const heads: Head[] = [];
  for (const ws of worksheets) {
    await first.room(HEAD_BYTES, HEAD_BYTES);
    heads.push(queueHead(ws, supports));
  }
  await first.flush();

  // Round trip 2. (The lint rule does not know a Batch's flush as a sync.)
  const batch = new Batch(context);
  // eslint-disable-next-line office-addins/call-sync-before-read
  const stateUsed = stateWs.isNullObject ? null : stateWs.getUsedRangeOrNullObject(true);
  stateUsed?.load('values,rowCount');
  const bodies: Body[] = [];
  for (const head of heads) bodies.push(await queueBody(batch, head, supports, cellsPerRead));
  await batch.flush();
  const stateValues = stateUsed && !stateUsed.isNullObject ? stateUsed.values : [];
  const shared = {
    state: parseState(stateValues.map((row) => (typeof row[0] === 'string' ? row[0] : null))),
    stateRows: stateValues.length,
    // eslint-disable-next-line office-addins/call-sync-before-read
    stateExists: !stateWs.isNullObject,
    workbookProtected: bookProtection.protected,
    notesApi: supports('1.18'),
  };
  return bodies.map((b) => snapshotOf(b, shared));
}

export async function readActiveSheet(context: Excel.RequestContext, supports: Supports, cellsPerRead = DEFAULT_CELLS_PER_READ): Promise<SheetSnapshot> {
  const [snap] = await readSheets(context, supports, { kind: 'active' }, cellsPerRead);
  if (!snap) throw new Error('no active sheet');
  return snap;
}

/** office-js fill → host-neutral fill. */
export function fillOf(fill: Pick<Excel.RangeFill, 'color' | 'pattern' | 'patternColor'>): Fill {
  if (!fill.pattern || fill.pattern === 'None' || !fill.color) return { kind: 'none' };
  if (fill.pattern === 'Solid') return { kind: 'solid', color: fill.color };
  return { kind: 'other', color: fill.color, excel: { pattern: fill.pattern, color: fill.color, patternColor: fill.patternColor } };
}

/** Round trip 3 (one more per 3 MB): the fills of the cells the decision needs, never the whole sheet. */
export async function readFills(context: Excel.RequestContext, ws: Excel.Worksheet, cells: readonly string[]): Promise<Map<string, Fill>> {
  const [fills] = await readFillsOfSheets(context, [{ ws, cells }]);
  return fills ?? new Map();
}

/** readFills for several sheets at once: one batch for them all (one round trip per 3 MB, never one per sheet). */
export async function readFillsOfSheets(context: Excel.RequestContext, sheets: readonly { ws: Excel.Worksheet; cells: readonly string[] }[]): Promise<Map<string, Fill>[]> {
  const batch = new Batch(context);
  const proxies: (readonly [string, Excel.RangeFill])[][] = [];
  for (const { ws, cells } of sheets) {
    const mine: (readonly [string, Excel.RangeFill])[] = [];
    for (const cell of new Set(cells)) {
      await batch.room(COST.fillRead, 120);
      const fill = ws.getRange(cell).format.fill;
      fill.load('color,pattern,patternColor');
      mine.push([cell, fill]);
    }
    proxies.push(mine);
  }
  if (proxies.some((p) => p.length)) await batch.flush();
  return proxies.map((mine) => new Map(mine.map(([cell, fill]) => [cell, fillOf(fill)])));
}
