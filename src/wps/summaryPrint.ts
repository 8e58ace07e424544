/**
 * How the summary prints in WPS 表格: core's decision (src/core/print.ts, layout.print) carried out
 * through the ET object model, which follows Excel VBA's PageSetup — the same setup the Excel host
 * (src/office/summarySheet.ts queuePrint) and the .xlsx writer give: A4 landscape, one page wide
 * (序号 … 备注, the print area) where that keeps 8 pt, the list's header row and 序号 … 项目名称 on every
 * page, a break before each block that would not fit, the unit and year above, the page numbers and
 * date below, 宋体 throughout, texts wrapped in rows of the height they need. A handful of calls a
 * summary, plus one range a run of rows of the same height.
 */
import { a1, columnLetters } from '../core/grid';
import { PRINT_FONT, PRINT_MARGINS, pageTexts } from '../core/print';
import type { SummaryLayout } from '../core/summaryLayout';
import { type EtWorksheet, XL } from './et';

/** Returns whether the page setup was applied (the cells' font, wrapping and heights always are). */
export function writeSummaryPrint(ws: EtWorksheet, layout: SummaryLayout): boolean {
  const p = layout.print;
  const rows = Math.max(1, layout.rows.length);
  const printed = p.columns ?? layout.header.columns;
  const width = Math.max(layout.header.columns, printed, ...layout.rows.map((r) => r.length));
  ws.Range(`A1:${a1(rows - 1, width - 1)}`).Font.Name = PRINT_FONT.name;
  // Every printed text wraps within its cell (the title row stays one line); 工作表 and 文件 do not.
  const body = ws.Range(`A2:${a1(Math.max(1, rows - 1), printed - 1)}`);
  body.WrapText = true;
  body.VerticalAlignment = XL.top;
  for (const run of heightRuns(p.rowHeights)) ws.Range(`A${run.top + 1}:A${run.bottom + 1}`).RowHeight = run.height;
  // Excel VBA's PageSetup throws where no printer is installed, and ET follows it: the summary is still
  // written, printed with the reader's defaults (a print setup is worth less than the summary).
  try {
    writePageSetup(ws, layout, rows);
  } catch {
    return false;
  }
  return true;
}

function writePageSetup(ws: EtWorksheet, layout: SummaryLayout, rows: number): void {
  const p = layout.print;
  const page = ws.PageSetup;
  page.Orientation = p.orientation === 'landscape' ? XL.landscape : XL.portrait;
  page.PaperSize = XL.paperA4;
  if (p.fitToWidth) {
    // Zoom off first: while it is on, the fit is ignored. One page wide, as many tall as it takes.
    page.Zoom = false;
    page.FitToPagesWide = 1;
    page.FitToPagesTall = false;
  } else page.Zoom = p.scale;
  page.LeftMargin = PRINT_MARGINS.left * 72;
  page.RightMargin = PRINT_MARGINS.right * 72;
  if (p.columns) page.PrintArea = `A1:${columnLetters(p.columns - 1)}${rows}`;
  if (p.titleRows) page.PrintTitleRows = `$${p.titleRows.top + 1}:$${p.titleRows.bottom + 1}`;
  if (p.titleColumns) page.PrintTitleColumns = `$${columnLetters(p.titleColumns.left)}:$${columnLetters(p.titleColumns.right)}`;
  for (const r of p.breaks ?? []) ws.HPageBreaks.Add(ws.Range(a1(r, 0)));
  const sides = { left: 'Left', center: 'Center', right: 'Right' } as const;
  for (const { side, part, text } of pageTexts(p)) page[`${sides[side]}${part === 'header' ? 'Header' : 'Footer'}`] = text;
}

/** Consecutive rows of the same height as one run (0-based, inclusive): one call a run, not one a row. */
export function heightRuns(heights: ReadonlyMap<number, number>): { top: number; bottom: number; height: number }[] {
  const runs: { top: number; bottom: number; height: number }[] = [];
  for (const [row, height] of [...heights].sort(([a], [b]) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.bottom === row - 1 && last.height === height) last.bottom = row;
    else runs.push({ top: row, bottom: row, height });
  }
  return runs;
}
