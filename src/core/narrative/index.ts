/**
 * A report (自评报告, 部门决算) checked: every table inside through the engine, exactly as a workbook's
 * sheet; then the narrative's statements against those tables (or, in the pane, the open workbook's) and
 * against each other. Pure: no host, no model, no network.
 */
import { type SheetResult, checkSheet } from '../engine';
import type { CheckOptions, TableResult } from '../check/result';
import type { Grid } from '../grid';
import type { ReportDocument } from './document';
import { type TableView, tableView } from './tables';
import { type ReportCheckResult, type Statement, checkParagraphs } from './verify';

export type { ReportDocument, Paragraph } from './document';
export { readTextReport } from './text';
export { REPORT_CODES, UNCHECKED_WHY, type ReportFinding, type Statement, type Verdict, type Why } from './verify';
export { tableName } from './document';

export interface ReportResult extends ReportCheckResult {
  /** One per table of the document, as a workbook's sheets. */
  readonly sheets: readonly SheetResult[];
  /** Paragraphs read, statements read, statements checked (consistent or not). */
  readonly counts: { readonly paragraphs: number; readonly statements: number; readonly checked: number };
}

export function viewsOf(tables: readonly TableResult[], grids: readonly Grid[] = []): TableView[] {
  return tables.map((t) => tableView(t.table.sheet, t.table, grids.find((g) => g.name === t.table.sheet)));
}

export function counted(statements: readonly Statement[]): { statements: number; checked: number } {
  return { statements: statements.length, checked: statements.filter((s) => s.verdict === 'consistent' || s.verdict === 'inconsistent').length };
}

/**
 * Checks a document. `against`: tables to check the narrative against instead of the document's own
 * (the pane: the open workbook's tables).
 */
export function checkReport(doc: ReportDocument, options: CheckOptions = {}, against?: readonly TableResult[]): ReportResult {
  const sheets = doc.tables.map((g) => checkSheet(g, options));
  const own = sheets.flatMap((s) => s.tables);
  const result = checkParagraphs(doc.paragraphs, against ? viewsOf(against) : viewsOf(own, doc.tables), doc.tables);
  return { ...result, sheets, counts: { paragraphs: doc.paragraphs.length, ...counted(result.statements) } };
}
