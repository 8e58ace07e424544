/**
 * 生成汇总表 in Excel: read every sheet of the workbook in payload-sized batches (a constant number of
 * round trips for a normal workbook), check in memory, then write the summary sheet — replacing an
 * earlier one, never duplicating it — with its links, the rows to send back in red, and a bar chart of
 * the grade distribution, in one batch.
 */
import type { CellValue, Grid } from '../core/grid';
import { a1, columnLetters } from '../core/grid';
import { checkWorkbook } from '../core/engine';
import { sheetReports } from '../core/report';
import { MARK_COLORS } from '../core/annotate/fill';
import { STATE_SHEET, parseState, sheetState } from '../core/annotate/state';
import { findOwn, withoutColumn } from '../core/annotate/own';
import { type WorkbookInput, SUMMARY_SHEET } from '../core/summary';
import { PRINT_FONT, PRINT_MARGINS, pageTexts } from '../core/print';
import { type LayoutCell, NUMBER_FORMATS, type SummaryLayout, sheetReference } from '../core/summaryLayout';
import { BATCH_BYTES, type Batch, COST, sizeOf } from './batch';
import { copyBlock, fillGaps } from './cells';
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';

interface Block {
  readonly sheet: number;
  readonly range: Excel.Range;
  readonly row: number;
  readonly col: number;
}

/** Every worksheet a person works in, as grids; the state and summary sheets are left out. */
export async function readWorkbook(context: Excel.RequestContext, cellsPerRead: number): Promise<{ grids: Grid[]; summaryExists: boolean }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();
  const all = sheets.items;
  const summaryExists = all.some((ws) => ws.name === SUMMARY_SHEET);
  const stateWs = all.find((ws) => ws.name === STATE_SHEET);
  const targets = all.filter((ws) => ws.name !== STATE_SHEET && ws.name !== SUMMARY_SHEET && ws.visibility === 'Visible');
  const used = targets.map((ws) => {
    const u = ws.getUsedRangeOrNullObject(true);
    u.load('rowIndex,columnIndex,rowCount,columnCount');
    return u;
  });
  const stateUsed = stateWs?.getUsedRangeOrNullObject(true);
  stateUsed?.load('values');
  await context.sync();

  // Row blocks of every sheet, grouped into batches under the request limit.
  const batches: Block[][] = [[]];
  let cells = 0;
  used.forEach((u, i) => {
    if (u.isNullObject) return;
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerRead / Math.max(1, u.columnCount)));
    for (let start = 0; start < u.rowCount; start += rowsPerBlock) {
      const count = Math.min(rowsPerBlock, u.rowCount - start);
      if (cells + count * u.columnCount > cellsPerRead && batches[batches.length - 1]!.length) {
        batches.push([]);
        cells = 0;
      }
      cells += count * u.columnCount;
      const range = targets[i]!.getRangeByIndexes(u.rowIndex + start, u.columnIndex, count, u.columnCount);
      batches[batches.length - 1]!.push({ sheet: i, range, row: u.rowIndex + start, col: u.columnIndex });
    }
  });
  const values: CellValue[][][] = targets.map(() => []);
  const formats: (string | undefined)[][][] = targets.map(() => []);
  for (const batch of batches) {
    if (!batch.length) continue;
    for (const b of batch) b.range.load('values,valueTypes,numberFormat');
    // Bounded by the workbook's size in bytes (the request limit), never by the number of tables.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const b of batch) copyBlock(b.range, b.row, b.col, values[b.sheet]!, formats[b.sheet]!);
  }
  const state = parseState(stateUsed && !stateUsed.isNullObject ? stateUsed.values.map((r) => (typeof r[0] === 'string' ? r[0] : null)) : []);
  const grids = targets.map((ws, i) => {
    fillGaps(values[i]!, formats[i]!);
    const grid: Grid = { name: ws.name, values: values[i]!, formats: formats[i]!, merges: [] };
    // Each sheet as it was before the product's column (notes play no part in finding the column).
    return withoutColumn(grid, findOwn({ grid, notes: new Map() }, sheetState(state, ws.name)));
  });
  return { grids, summaryExists };
}

export function workbookInput(grids: Grid[], file: string, lang: Lang, options: CheckOptions): WorkbookInput {
  const { tables } = sheetReports(file, checkWorkbook(grids, options), lang);
  return { file, status: tables.length ? 'ok' : 'noTables', tables, sheets: grids.map((g) => g.name) };
}

/** How a summary cell looks, as one key: cells side by side with the same key are styled as one range. */
function styleKey(cell: LayoutCell | undefined): string {
  if (!cell) return '';
  const bold = cell.style === 'header' || cell.style === 'section' || cell.total ? 'b' : '';
  return `${cell.style === 'title' ? 't' : ''}${bold}${cell.style === 'header' ? 'h' : ''}${cell.align === 'center' ? 'c' : ''}`;
}

/** The runs of one row: [first column, last column, key], for keys that style anything. */
export function styleRuns(row: readonly LayoutCell[]): [number, number, string][] {
  const runs: [number, number, string][] = [];
  row.forEach((cell, c) => {
    const key = styleKey(cell);
    const last = runs[runs.length - 1];
    if (last && last[2] === key && last[1] === c - 1) last[1] = c;
    else runs.push([c, c, key]);
  });
  return runs.filter((r) => r[2] !== '');
}

function queueStyle(range: Excel.Range, key: string): void {
  if (key.includes('t')) {
    range.format.font.bold = true;
    range.format.font.size = 14;
  }
  if (key.includes('b')) range.format.font.bold = true;
  if (key.includes('h')) {
    range.format.fill.color = '#E7EEF7';
    range.format.wrapText = true;
  }
  if (key.includes('c')) range.format.horizontalAlignment = 'Center';
}

/** The values and formats, in row blocks under the batch's size. */
async function queueValues(batch: Batch, ws: Excel.Worksheet, layout: SummaryLayout, width: number): Promise<void> {
  // Text cells are formatted as text before their values go in: a project named "=1+1" stays a name.
  const formatOf = (cell: LayoutCell | undefined): string => {
    if (cell && typeof cell.value === 'string') return '@';
    return (cell && typeof cell.value === 'number' && NUMBER_FORMATS[cell.style]) || 'General';
  };
  const rowBytes = (row: readonly LayoutCell[]): number => row.reduce((n, cell) => n + sizeOf(cell.value) + 12, 8 * width);
  let start = 0;
  while (start < layout.rows.length) {
    let end = start;
    let bytes = 0;
    while (end < layout.rows.length && (end === start || bytes + rowBytes(layout.rows[end]!) < BATCH_BYTES / 4)) bytes += rowBytes(layout.rows[end++]!);
    await batch.room(2 * COST.range + bytes);
    const rows = layout.rows.slice(start, end);
    const range = ws.getRangeByIndexes(start, 0, rows.length, width);
    range.numberFormat = rows.map((row) => Array.from({ length: width }, (_, c) => formatOf(row[c])));
    range.values = rows.map((row) => Array.from({ length: width }, (_, c) => row[c]?.value ?? ''));
    start = end;
  }
}

/**
 * Queues the summary sheet, in batches under the size limit (one for a normal summary); returns whether
 * a chart was added. One range per run of like-styled cells, not one per cell.
 */
export async function queueSummarySheet(batch: Batch, context: Excel.RequestContext, layout: SummaryLayout, summaryExists: boolean): Promise<boolean> {
  const sheets = context.workbook.worksheets;
  if (summaryExists) sheets.getItem(layout.name).delete();
  const ws = sheets.add(layout.name);
  const width = Math.max(layout.header.columns, ...layout.rows.map((r) => r.length));
  await queueValues(batch, ws, layout, width);
  layout.widths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7));
  for (const [r, row] of layout.rows.entries()) {
    for (const [first, last, key] of styleRuns(row)) {
      await batch.room(COST.range + 4 * COST.format);
      queueStyle(ws.getRangeByIndexes(r, first, 1, last - first + 1), key);
    }
    for (const [c, cell] of row.entries()) {
      if (!cell.link || cell.value === null || cell.link.file) continue;
      await batch.room(COST.range + 3 * sizeOf(cell.value));
      // A number (the 序号) keeps its value as the link's text: a text to display would make it text.
      ws.getRangeByIndexes(r, c, 1, 1).hyperlink = { documentReference: sheetReference(cell.link.sheet, cell.link.cell), ...(typeof cell.value === 'number' ? {} : { textToDisplay: String(cell.value) }) };
    }
  }
  for (const r of layout.errorRows) {
    await batch.room(COST.range + COST.format);
    ws.getRangeByIndexes(r, 0, 1, layout.header.columns).format.fill.color = `#${MARK_COLORS.error}`;
  }
  await batch.room(COST.range * 3 + COST.format * 14 + 16 * (layout.print.rowHeights.size + (layout.print.breaks?.length ?? 0)) * COST.format);
  queuePrint(ws, ws.getRangeByIndexes(0, 0, layout.rows.length, width), layout);
  for (const m of layout.merges) ws.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false);
  // No frozen rows: the list's header is below the report's blocks (freezing it would freeze them all).
  let chart = false;
  if (layout.chart) {
    const c = layout.chart;
    const source = ws.getRange(`${a1(c.categories.top, c.categories.left)}:${a1(c.values.bottom, c.values.right)}`);
    const added = ws.charts.add('ColumnClustered', source, 'Columns');
    added.title.text = c.title;
    added.legend.visible = false;
    // Over the cells core gave it, inside its distribution's block: on one page with it.
    added.setPosition(a1(c.anchor.top, c.anchor.left), a1(c.anchor.bottom, c.anchor.right));
    chart = true;
  }
  ws.position = 0;
  ws.activate();
  return chart;
}

/**
 * How the summary prints (core's decision, src/core/print.ts): A4 landscape, one page wide (序号 … 备注, the
 * print area) where that keeps 8 pt, the header row on the list's pages and 序号 … 项目名称 at the left of
 * each, a page break before each block that would not fit, the unit and year above and the page numbers
 * and date below, 宋体 throughout, texts wrapped in rows of the height they need.
 */
function queuePrint(ws: Excel.Worksheet, all: Excel.Range, layout: SummaryLayout): void {
  const p = layout.print;
  const printed = p.columns ?? layout.header.columns;
  all.format.font.name = PRINT_FONT.name;
  // Every printed text wraps within its cell (the title row stays one line); 工作表 and 文件 do not.
  const body = ws.getRangeByIndexes(1, 0, Math.max(1, layout.rows.length - 1), printed);
  body.format.wrapText = true;
  body.format.verticalAlignment = 'Top';
  for (const [r, h] of p.rowHeights) ws.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = h;
  ws.pageLayout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  ws.pageLayout.paperSize = 'A4';
  // One page wide, as many tall as it takes (0: 自动), or the scale that keeps 8 pt.
  ws.pageLayout.zoom = p.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: p.scale };
  ws.pageLayout.leftMargin = PRINT_MARGINS.left * 72;
  ws.pageLayout.rightMargin = PRINT_MARGINS.right * 72;
  if (p.columns) ws.pageLayout.setPrintArea(`A1:${columnLetters(p.columns - 1)}${Math.max(1, layout.rows.length)}`);
  if (p.titleRows) ws.pageLayout.setPrintTitleRows(`$${p.titleRows.top + 1}:$${p.titleRows.bottom + 1}`);
  if (p.titleColumns) ws.pageLayout.setPrintTitleColumns(`$${columnLetters(p.titleColumns.left)}:$${columnLetters(p.titleColumns.right)}`);
  for (const r of p.breaks ?? []) ws.horizontalPageBreaks.add(a1(r, 0));
  const page = ws.pageLayout.headersFooters.defaultForAllPages;
  for (const { side, part, text } of pageTexts(p)) page[`${side}${part === 'header' ? 'Header' : 'Footer'}`] = text;
}
