/**
 * A report as plain text (a PDF's or a document's text, as the seeds are): a line holding a tab is a row
 * of a table, its cells split at the tabs; rows follow one another through blank lines (a page break in
 * the source), and any other line ends the table. Every other non-empty line is a paragraph.
 */
import type { CellValue, Grid } from '../grid';
import { type Paragraph, type ReportDocument, tableName } from './document';

export function readTextReport(text: string): ReportDocument {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const paragraphs: Paragraph[] = [];
  const tables: Grid[] = [];
  let rows: CellValue[][] = [];
  const endTable = () => {
    if (rows.length) tables.push({ name: tableName(tables.length), values: rows, merges: [] });
    rows = [];
  };
  for (const line of lines) {
    if (line.includes('\t')) {
      rows.push(line.split('\t').map((c) => (c.trim() === '' ? null : c.trim())));
      continue;
    }
    if (line.trim() === '') continue; // blank lines: neither end a table nor make a paragraph
    endTable();
    paragraphs.push({ index: paragraphs.length + 1, text: line.trim() });
  }
  endTable();
  return { paragraphs, tables };
}
