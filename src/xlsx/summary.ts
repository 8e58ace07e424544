/**
 * The summary sheet written with ExcelJS: for `selfeval summary` (a new workbook) and for the browser
 * preview (into the open sample). Replaces a summary sheet that is already there, never duplicates it.
 * ExcelJS cannot draw charts; the distribution table stands in for it (Excel's host draws the chart).
 */
import ExcelJS from 'exceljs';
import { a1, columnLetters } from '../core/grid';
import { MARK_COLORS } from '../core/annotate/fill';
import type { BarChart } from './chart';
import { NUMBER_FORMATS, type LayoutCell, type SummaryLayout, sheetReference } from '../core/summaryLayout';
import { PRINT_FONT, PRINT_MARGINS, type PrintSetup, footerCodes } from '../core/print';

const HEADER_FILL = 'FFE7EEF7';

export function linkTarget(link: NonNullable<LayoutCell['link']>, fileHref?: (file: string) => string): string {
  const local = `#${sheetReference(link.sheet, link.cell)}`;
  return link.file && fileHref ? `${fileHref(link.file)}${local}` : local;
}

/** The layout's chart, ready for addBarChart: beside the distribution table, from its cells. */
export function summaryChart(layout: SummaryLayout): BarChart | null {
  const c = layout.chart;
  if (!c) return null;
  const rows = layout.rows.slice(c.categories.top, c.categories.bottom + 1);
  return {
    sheet: layout.name,
    title: c.title,
    categories: c.categories,
    values: c.values,
    categoryLabels: rows.map((r) => String(r[c.categories.left]?.value ?? '')),
    counts: rows.map((r) => Number(r[c.values.left]?.value ?? 0)),
    // Over the cells core gave it, inside its distribution's block: on one page with it.
    from: { row: c.anchor.top, col: c.anchor.left },
    to: { row: c.anchor.bottom + 1, col: c.anchor.right },
  };
}

export function writeSummarySheet(wb: ExcelJS.Workbook, layout: SummaryLayout, fileHref?: (file: string) => string): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(layout.name);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(layout.name, {
    pageSetup: pageSetupOf(layout.print, layout.rows.length),
    headerFooter: {
      ...(layout.print.header ? { oddHeader: footerCodes(layout.print.header) } : {}),
      ...(layout.print.footer ? { oddFooter: footerCodes(layout.print.footer) } : {}),
    },
  });
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const errorRows = new Set(layout.errorRows);
  layout.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      const cell = ws.getCell(r + 1, col + 1);
      cell.font = FONT;
      if (c.link && c.value !== null) {
        cell.value = { text: String(c.value), hyperlink: linkTarget(c.link, fileHref) };
        cell.font = { ...FONT, color: { argb: 'FF0F6CBD' }, underline: true };
      } else cell.value = c.value;
      const fmt = NUMBER_FORMATS[c.style];
      if (fmt && typeof c.value === 'number') cell.numFmt = fmt;
      // Text wraps within its cell (names, units, remarks; a merged line over its width): nothing runs into
      // the next cell or off the page.
      if (c.style !== 'title') cell.alignment = { vertical: 'top', ...(typeof c.value === 'string' && col < (layout.print.columns ?? Infinity) ? { wrapText: true } : {}) };
      if (c.style === 'title') cell.font = { ...FONT, bold: true, size: 14 };
      if (c.style === 'section') cell.font = { ...FONT, bold: true };
      if (c.style === 'header') {
        cell.font = { ...FONT, bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
        cell.alignment = { wrapText: true, vertical: 'middle' };
        cell.border = { bottom: { style: 'thin' } };
      }
      if (c.total) {
        cell.font = { ...FONT, bold: true };
        cell.border = { top: { style: 'thin' } };
      }
      if (c.style === 'sentence') cell.alignment = { wrapText: true, vertical: 'top' };
      if (c.align === 'center') cell.alignment = { ...cell.alignment, horizontal: 'center' };
    });
    if (errorRows.has(r)) {
      for (let col = 0; col < layout.header.columns; col++) {
        ws.getCell(r + 1, col + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${MARK_COLORS.error}` } };
      }
    }
  });
  for (const m of layout.merges) ws.mergeCells(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
  // Every row the height its lines take (neither LibreOffice nor Excel grows a row for wrapped text a
  // program wrote), and a page break before each block core moved to a new page (ExcelJS breaks after a row).
  for (const [r, h] of layout.print.rowHeights) ws.getRow(r + 1).height = h;
  for (const r of layout.print.breaks ?? []) ws.getRow(r).addPageBreak();
  return ws;
}

const FONT = { name: PRINT_FONT.name, size: PRINT_FONT.size, charset: PRINT_FONT.charset };

/** The core's print decision as ExcelJS's page setup. */
function pageSetupOf(p: PrintSetup, rowCount: number): Partial<ExcelJS.PageSetup> {
  const rows = p.titleRows ? { printTitlesRow: `${p.titleRows.top + 1}:${p.titleRows.bottom + 1}` } : {};
  const columns = p.titleColumns ? { printTitlesColumn: `${columnLetters(p.titleColumns.left)}:${columnLetters(p.titleColumns.right)}` } : {};
  // ExcelJS puts a $ before each end as given: A$1 becomes $A$1.
  const area = p.columns ? { printArea: `A$1:${columnLetters(p.columns - 1)}$${Math.max(1, rowCount)}` } : {};
  // One page wide, as many tall as it takes (fitToHeight 0: 自动), or the scale that keeps 8 pt.
  const scale = p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: p.scale };
  return { paperSize: 9, orientation: p.orientation, margins: PRINT_MARGINS, ...scale, ...rows, ...columns, ...area };
}
