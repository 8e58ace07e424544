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

export const DEFAULT_CELLS_PER_READ = 60_000;

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

function parseAreas(address: string | undefined): CellRange[] {
  if (!address) return [];
  return address
    .split(',')
    .map((part) => part.trim().replace(/^.*!/, '').replace(/\$/g, ''))
    .filter(Boolean)
    .map((a) => parseRangeA1(a));
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
  notes?.load('items/content');
  comments?.load('items/id');
  await context.sync();

  // Round trip 2 (one more per 5 MB of cells on a huge sheet).
  const stateUsed = stateWs.isNullObject ? null : stateWs.getUsedRangeOrNullObject(true);
  stateUsed?.load('values,rowCount');
  const merged = used.isNullObject || !supports('1.13') ? null : used.getMergedAreasOrNullObject();
  merged?.load('address');
  const noteLocations = (notes?.items ?? []).map((n) => {
    const at = n.getLocation();
    at.load('address');
    return { note: n, at };
  });
  const commentLocations = (comments?.items ?? []).map((c) => {
    const at = c.getLocation();
    at.load('address');
    return at;
  });
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
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      synced = true;
      copyBlock(block, used.rowIndex + start, used.columnIndex, values, formats);
    }
  }
  if (!synced) await context.sync();
  fillGaps(values, formats);
  const stateValues = stateUsed && !stateUsed.isNullObject ? stateUsed.values : [];
  const grid: Grid = { name: ws.name, values, formats, merges: !merged || merged.isNullObject ? [] : parseAreas(merged.address) };
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

/** Round trip 3: the fills of the cells the decision needs, never the whole sheet. */
export async function readFills(context: Excel.RequestContext, ws: Excel.Worksheet, cells: readonly string[]): Promise<Map<string, Fill>> {
  const proxies = [...new Set(cells)].map((cell) => {
    const fill = ws.getRange(cell).format.fill;
    fill.load('color,pattern,patternColor');
    return [cell, fill] as const;
  });
  const out = new Map<string, Fill>();
  if (!proxies.length) return out;
  await context.sync();
  for (const [cell, fill] of proxies) out.set(cell, fillOf(fill));
  return out;
}
