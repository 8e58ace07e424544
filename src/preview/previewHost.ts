/**
 * The browser preview's host: the same task pane over the bundled sample workbook, held in memory by
 * the .xlsx host (ExcelJS). Nothing is uploaded: the workbook comes from the page's own files.
 */
import type ExcelJS from 'exceljs';
import { sheetReports } from '../core/report';
import type { CheckResponse, ClearResponse, Host, SummaryResponse } from '../office/hostApi';
import { type WorkbookInput, buildSummary } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import { writeSummarySheet } from '../xlsx/summary';
import { summariseWorkbook } from '../xlsx/summaryInput';
import type { Settings } from '../office/settings';
import { annotateSheet, clearSheet, isProtected } from '../xlsx/annotate';
import { isStateSheet } from '../core/annotate/state';

export type Listener = () => void;

export class PreviewHost implements Host {
  readonly kind = 'preview' as const;
  active: string;
  selection: { sheet: string; address: string } | null = null;
  private listeners = new Set<Listener>();

  constructor(readonly workbook: ExcelJS.Workbook) {
    this.active = this.sheetNames()[0] ?? '';
  }

  sheetNames(): string[] {
    return this.workbook.worksheets.filter((ws) => !isStateSheet(ws.name) && ws.state === 'visible').map((ws) => ws.name);
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  activate(sheet: string): void {
    this.active = sheet;
    this.selection = null;
    this.changed();
  }

  async checkActiveSheet(settings: Settings): Promise<CheckResponse> {
    const ws = this.workbook.getWorksheet(this.active)!;
    const outcome = annotateSheet(this.workbook, ws.name, {
      lang: settings.lang,
      notes: settings.notes,
      column: settings.column,
      reverseFormula: settings.reverseFormula,
    });
    const { tables, unrecognised } = sheetReports('', [outcome.result], settings.lang);
    this.changed();
    if (!outcome.written) return { kind: 'protected', sheet: ws.name, tables, unrecognised };
    return { kind: 'checked', sheet: ws.name, tables, unrecognised, notesWritten: settings.notes };
  }

  async clearActiveSheet(): Promise<ClearResponse> {
    const ws = this.workbook.getWorksheet(this.active)!;
    if (isProtected(ws)) return { kind: 'protected', sheet: ws.name };
    const r = clearSheet(this.workbook, ws.name);
    this.changed();
    return { kind: 'cleared', sheet: ws.name, cells: r.cells };
  }

  async summarise(settings: Settings, files?: readonly WorkbookInput[]): Promise<SummaryResponse> {
    const inputs = files?.length ? files : [summariseWorkbook(this.workbook, '', settings.lang, { reverseFormula: settings.reverseFormula })];
    const summary = buildSummary(inputs, { lang: settings.lang, sort: settings.summarySort });
    const layout = summaryLayout(summary, { lang: settings.lang, withFile: !!files?.length });
    const ws = writeSummarySheet(this.workbook, layout);
    this.active = ws.name;
    this.selection = null;
    this.changed();
    return { kind: 'summarised', sheet: ws.name, summary, chart: false };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.active = sheet;
    this.selection = { sheet, address };
    this.changed();
  }
}
