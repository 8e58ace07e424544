/**
 * 生成汇总表 in WPS 表格: the workbook's visible sheets read into grids (each as it was before the
 * product's column), and the summary layout written cell by cell. No chart: a chart through the object
 * model (Shapes.AddChart) differs between WPS versions, and the distribution table beside is the figure
 * supervisors copy; the response says no chart was drawn. It prints as the Excel host's does (summaryPrint.ts).
 */
import { type Grid, a1 } from '../core/grid';
import { findOwn, withoutColumn } from '../core/annotate/own';
import { STATE_SHEET, parseState, sheetState } from '../core/annotate/state';
import { SUMMARY_SHEET } from '../core/summary';
import { MARK_COLORS } from '../core/annotate/fill';
import { NUMBER_FORMATS, type SummaryLayout, sheetReference } from '../core/summaryLayout';
import { type EtApplication, type EtWorkbook, type EtWorksheet, XL, bgrOf } from './et';
import { deleteSheet, readGrid, setText, sheetNamed } from './sheet';
import { writeSummaryPrint } from './summaryPrint';

export function readWorkbookGrids(book: EtWorkbook): Grid[] {
  const stateWs = sheetNamed(book, STATE_SHEET);
  let state = parseState([]);
  if (stateWs) {
    const used = stateWs.UsedRange;
    const rows = used.Rows.Count;
    const raw = rows === 1 ? [[used.Value2]] : (used.Value2 as unknown[][]);
    state = parseState(raw.map((r) => (typeof r?.[0] === 'string' ? (r[0] as string) : null)));
  }
  const grids: Grid[] = [];
  for (let i = 1; i <= book.Worksheets.Count; i++) {
    const ws = book.Worksheets.Item(i);
    if (ws.Name === STATE_SHEET || ws.Name === SUMMARY_SHEET || ws.Visible !== XL.sheetVisible) continue;
    const grid = readGrid(ws);
    grids.push(withoutColumn(grid, findOwn({ grid, notes: new Map() }, sheetState(state, ws.Name))));
  }
  return grids;
}

/** Writes the summary sheet (replacing an earlier one), first in the workbook, and opens it. */
export function writeSummarySheet(app: EtApplication, book: EtWorkbook, layout: SummaryLayout): EtWorksheet {
  const old = sheetNamed(book, layout.name);
  if (old) deleteSheet(app, old);
  const ws = book.Worksheets.Add(book.Worksheets.Item(1));
  ws.Name = layout.name;
  const errorRows = new Set(layout.errorRows);
  layout.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const range = ws.Range(a1(r, c));
      if (typeof cell.value === 'string') setText(range, cell.value);
      else if (typeof cell.value === 'number') {
        const fmt = NUMBER_FORMATS[cell.style];
        if (fmt) range.NumberFormat = fmt;
        range.Value2 = cell.value;
      }
      if (cell.style === 'title') {
        range.Font.Bold = true;
        range.Font.Size = 14;
      }
      if (cell.style === 'header' || cell.style === 'section' || cell.total) range.Font.Bold = true;
      if (cell.style === 'header') {
        range.Interior.Color = bgrOf('E7EEF7');
        range.WrapText = true;
      }
      if (cell.align === 'center') range.HorizontalAlignment = XL.center;
      if (cell.link && cell.value !== null && !cell.link.file) ws.Hyperlinks.Add(range, '', sheetReference(cell.link.sheet, cell.link.cell), undefined, typeof cell.value === 'number' ? undefined : String(cell.value));
    });
    if (errorRows.has(r)) ws.Range(`${a1(r, 0)}:${a1(r, layout.header.columns - 1)}`).Interior.Color = bgrOf(MARK_COLORS.error);
  });
  layout.widths.forEach((w, i) => (ws.Range(a1(0, i)).ColumnWidth = w));
  for (const m of layout.merges) ws.Range(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).Merge();
  writeSummaryPrint(ws, layout);
  ws.Activate();
  return ws;
}
