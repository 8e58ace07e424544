/**
 * The browser preview's host: the same task pane over the bundled sample workbook, read through the
 * package reader and held in memory. It carries out core's decisions the way the Excel host does.
 * Nothing is uploaded: the workbook comes from the page's own files.
 */
import type { Grid } from '../core/grid';
import { sheetReports } from '../core/report';
import type { CheckResponse, ClearResponse, FillApplied, FillResponse, Host, SummaryResponse } from '../office/hostApi';
import { type WorkbookInput, SUMMARY_SHEET, buildSummary } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import type { Settings } from '../office/settings';
import { decide } from '../core/annotate/decide';
import type { Fill } from '../core/annotate/fill';
import { prepareCheck, prepareClear } from '../core/annotate/run';
import { keepingFilled, sheetState, withSheetState } from '../core/annotate/state';
import { type FillPlan, fillWrites, planFill, undoFilled, withFilled } from '../core/annotate/fillIn';
import { checkAsItWas } from '../core/annotate/run';
import { isProductSheet } from '../core/engine';
import { type MemoryBook, type MemorySheet, gridOf } from './memoryBook';

export type Listener = () => void;

function nowOf(s: MemorySheet) {
  return { grid: gridOf(s), notes: s.notes };
}

function fillsOf(s: MemorySheet, cells: readonly string[]): Map<string, Fill> {
  return new Map(cells.map((c) => [c, s.fills.get(c) ?? { kind: 'none' }]));
}

export class PreviewHost implements Host {
  readonly kind = 'preview' as const;
  active: string;
  selection: { sheet: string; address: string } | null = null;
  private listeners = new Set<Listener>();

  constructor(readonly book: MemoryBook) {
    this.active = this.sheetNames()[0] ?? '';
  }

  sheetNames(): string[] {
    return this.book.sheets.filter((s) => !s.hidden).map((s) => s.name);
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  private activated = new Set<Listener>();

  activate(sheet: string): void {
    const other = sheet !== this.active;
    this.active = sheet;
    this.selection = null;
    this.changed();
    if (other) for (const fn of this.activated) fn();
  }

  async onSheetActivated(listener: () => void): Promise<void> {
    this.activated.add(listener);
  }

  private activeSheet(): MemorySheet {
    const s = this.book.sheet(this.active);
    if (!s) throw new Error(`no sheet ${this.active}`);
    return s;
  }

  async checkActiveSheet(settings: Settings): Promise<CheckResponse> {
    const sheet = this.activeSheet();
    if (sheet.name === SUMMARY_SHEET) return { kind: 'summarySheet', sheet: sheet.name };
    const now = nowOf(sheet);
    const prepared = prepareCheck(now, sheetState(this.book.state, sheet.name), {
      lang: settings.lang,
      notes: settings.notes,
      column: settings.column,
      reverseFormula: settings.reverseFormula,
    });
    const { tables, unrecognised } = sheetReports('', [prepared.result], settings.lang);
    if (sheet.protected) return { kind: 'protected', sheet: sheet.name, tables, unrecognised };
    const decision = decide(now, prepared.own, fillsOf(sheet, prepared.inspect), sheet.name, prepared.wanted, { notes: settings.notes });
    this.book.apply(sheet, decision.writes);
    this.book.state = withSheetState(this.book.state, sheet.name, keepingFilled(decision.state, sheet.name, sheetState(this.book.state, sheet.name)?.filled));
    this.changed();
    return { kind: 'checked', sheet: sheet.name, tables, unrecognised, notesWritten: settings.notes };
  }

  async clearActiveSheet(): Promise<ClearResponse> {
    const sheet = this.activeSheet();
    const now = nowOf(sheet);
    if (sheet.protected) return { kind: 'protected', sheet: sheet.name };
    const { own, inspect } = prepareClear(now, sheetState(this.book.state, sheet.name));
    const restore = undoFilled(now.grid, sheetState(this.book.state, sheet.name)?.filled);
    if (!own.column.size && !own.notes.size && !own.fills.size && !restore.length) return { kind: 'cleared', sheet: sheet.name, cells: 0 };
    const decision = decide(now, own, fillsOf(sheet, inspect), sheet.name);
    this.book.apply(sheet, decision.writes);
    this.book.setValues(sheet, restore);
    this.book.state = withSheetState(this.book.state, sheet.name, undefined);
    this.changed();
    return { kind: 'cleared', sheet: sheet.name, cells: new Set([...decision.writes, ...restore].map((w) => w.cell)).size };
  }

  async planFill(settings: Settings): Promise<FillResponse> {
    const sheet = this.activeSheet();
    if (sheet.name === SUMMARY_SHEET) return { kind: 'summarySheet', sheet: sheet.name };
    if (sheet.protected) return { kind: 'protected', sheet: sheet.name };
    const now = nowOf(sheet);
    const prepared = prepareCheck(now, sheetState(this.book.state, sheet.name), { lang: settings.lang, reverseFormula: settings.reverseFormula });
    return { kind: 'plan', plan: planFill(prepared.result, now.grid) };
  }

  async applyFill(settings: Settings, confirmed: FillPlan): Promise<FillApplied> {
    const r = await this.planFill(settings);
    if (r.kind !== 'plan' || r.plan.sheet !== confirmed.sheet) return { written: 0 };
    const due = new Set(confirmed.changes.map((c) => `${c.cell}=${String(c.after)}`));
    const changes = r.plan.changes.filter((c) => due.has(`${c.cell}=${String(c.after)}`));
    const sheet = this.activeSheet();
    this.book.setValues(sheet, fillWrites(changes));
    const previous = sheetState(this.book.state, sheet.name);
    this.book.state = withSheetState(this.book.state, sheet.name, keepingFilled(previous, sheet.name, withFilled(previous?.filled, changes)));
    this.changed();
    return { written: changes.length };
  }

  /** The open workbook as the summary sees it: every work sheet, as it was before the product's marks. */
  private input(settings: Settings): WorkbookInput {
    const results = this.book.sheets
      .filter((s) => !isProductSheet(s.name))
      .map((s) => checkAsItWas(nowOf(s), sheetState(this.book.state, s.name), { reverseFormula: settings.reverseFormula }));
    const { tables } = sheetReports('', results, settings.lang);
    return { file: '', status: tables.length ? 'ok' : 'noTables', tables, sheets: this.book.sheets.map((s) => s.name) };
  }

  async workbookGrids(): Promise<Grid[]> {
    return this.book.sheets.filter((s) => !isProductSheet(s.name)).map((s) => gridOf(s));
  }

  async summarise(settings: Settings, files?: readonly WorkbookInput[]): Promise<SummaryResponse> {
    const inputs = files?.length ? files : [this.input(settings)];
    const summary = buildSummary(inputs, { lang: settings.lang, sort: settings.summarySort, sentence: settings.summarySentence });
    const layout = summaryLayout(summary, { lang: settings.lang, withFile: !!files?.length });
    const ws = this.book.writeSummary(layout);
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
