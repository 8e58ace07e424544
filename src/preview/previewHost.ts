/**
 * The browser preview's host: the same task pane over the bundled sample workbook, read through the
 * package reader and held in memory. It carries out core's decisions the way the Excel host does.
 * Nothing is uploaded: the workbook comes from the page's own files.
 */
import type { Grid } from '../core/grid';
import { sheetReports } from '../core/report';
import type { CheckResponse, ClearResponse, FillApplied, FillResponse, Host, SheetChecked, SummaryResponse, UndoFillResponse } from '../office/hostApi';
import { sheetChip } from '../core/sheetChip';
import type { KeyedFinding, Verdict } from '../core/annotate/verdicts';
import { findOwn, withoutColumn } from '../core/annotate/own';
import { type WorkbookInput, SUMMARY_SHEET, buildSummary } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import type { Settings } from '../office/settings';
import { decide } from '../core/annotate/decide';
import type { Fill } from '../core/annotate/fill';
import { type HostEngine, inThread, prepareCheck, prepareClear } from '../core/annotate/run';
import { afterClear, keepingFilled, sheetState, withSheetState, withVerdict } from '../core/annotate/state';
import { type FillPlan, decideUndoFill, fillWrites, filledStill, planFill, withFilled } from '../core/annotate/fillIn';
import { checkAsItWas } from '../core/annotate/run';
import { isProductSheet } from '../core/engine';
import { type MemoryBook, type MemorySheet, gridOf } from './memoryBook';
import { type CellRange, type CellValue, a1 } from '../core/grid';

/** 自动校验 in the preview: what to check with, whom to tell, the edit waiting for typing to pause. */
interface Watcher {
  readonly settings: () => Settings;
  readonly onChecked: (r: CheckResponse) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/** A value as typed into the preview's grid: a plain number is a number, a blank is blank, the rest text. */
export function typedValue(text: string): CellValue {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

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

  /** `engine`: where checks run (the preview page gives the pane's Web Worker). */
  constructor(
    readonly book: MemoryBook,
    private readonly engine: HostEngine = inThread,
  ) {
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

  private activated = new Set<(sheet?: string) => void>();
  /** The tables the last check of each sheet found: where an edit means a check again. */
  private readonly ranges = new Map<string, readonly CellRange[]>();
  private watcher: Watcher | undefined;
  /** How long typing must pause before 自动校验 checks again. */
  editDelayMs = 600;

  activate(sheet: string): void {
    const other = sheet !== this.active;
    this.active = sheet;
    this.selection = null;
    this.changed();
    if (other) for (const fn of this.activated) fn(sheet);
  }

  async onSheetActivated(listener: (sheet?: string) => void): Promise<void> {
    this.activated.add(listener);
  }

  private activeSheet(): MemorySheet {
    const s = this.book.sheet(this.active);
    if (!s) throw new Error(`no sheet ${this.active}`);
    return s;
  }

  async checkActiveSheet(settings: Settings, progress?: (tables: number) => void, startedBy?: string): Promise<CheckResponse> {
    const sheet = this.activeSheet();
    if (sheet.name === SUMMARY_SHEET) return { kind: 'summarySheet', sheet: sheet.name };
    const r = await this.checkSheet(sheet, settings, progress, startedBy);
    this.changed();
    if (r.protected) return { kind: 'protected', sheet: sheet.name, tables: r.tables, unrecognised: r.unrecognised, byLang: r.byLang };
    return { kind: 'checked', sheet: sheet.name, tables: r.tables, unrecognised: r.unrecognised, notesWritten: settings.notes, byLang: r.byLang, ...(r.changes ? { changes: r.changes } : {}) };
  }

  /** One sheet checked and marked, as 校验本表 does it (the edit that started an automatic check: `startedBy`). */
  private async checkSheet(sheet: MemorySheet, settings: Settings, progress?: (tables: number) => void, startedBy?: string): Promise<SheetChecked> {
    const now = nowOf(sheet);
    const options = { lang: settings.lang, notes: settings.notes, column: settings.column, reverseFormula: settings.reverseFormula, ...(startedBy ? { startedBy } : {}) };
    const prepared = await this.engine(now, sheetState(this.book.state, sheet.name), options, progress);
    const { tables, unrecognised, byLang } = prepared;
    this.ranges.set(sheet.name, prepared.ranges);
    const outcome = { sheet: sheet.name, chip: sheetChip(tables, unrecognised), tables, unrecognised, byLang, ...(prepared.changes ? { changes: prepared.changes } : {}) };
    if (sheet.protected) return { ...outcome, protected: true };
    const decision = decide(now, prepared.own, fillsOf(sheet, prepared.inspect), sheet.name, prepared.wanted, { notes: settings.notes });
    this.book.apply(sheet, decision.writes);
    this.book.state = withSheetState(this.book.state, sheet.name, keepingFilled(decision.state, sheet.name, sheetState(this.book.state, sheet.name)?.filled));
    return { ...outcome, protected: false };
  }

  private workSheets(): MemorySheet[] {
    return this.book.sheets.filter((s) => !isProductSheet(s.name) && !s.hidden);
  }

  async checkAllSheets(settings: Settings, progress?: (sheets: number, of: number) => void): Promise<readonly SheetChecked[]> {
    const sheets = this.workSheets();
    const out: SheetChecked[] = [];
    for (const s of sheets) {
      out.push(await this.checkSheet(s, settings));
      progress?.(out.length, sheets.length);
    }
    this.changed();
    return out;
  }

  async clearAllSheets(dropVerdicts = false): Promise<{ cleared: string[]; protected: string[]; cells: number }> {
    const cleared: string[] = [];
    const locked: string[] = [];
    let cells = 0;
    for (const sheet of this.workSheets()) {
      if (sheet.protected) {
        locked.push(sheet.name);
        continue;
      }
      const now = nowOf(sheet);
      const previous = sheetState(this.book.state, sheet.name);
      const { own, inspect } = prepareClear(now, previous);
      const decision = decide(now, own, fillsOf(sheet, inspect), sheet.name);
      this.book.apply(sheet, decision.writes);
      this.book.state = withSheetState(this.book.state, sheet.name, afterClear(previous, sheet.name, dropVerdicts));
      if (decision.writes.length) cleared.push(sheet.name);
      cells += decision.writes.length;
    }
    this.changed();
    return { cleared, protected: locked, cells };
  }

  async setVerdict(sheet: string, finding: KeyedFinding, verdict: Verdict | null): Promise<void> {
    const s = this.book.sheet(sheet);
    if (!s) return;
    const grid = withoutColumn(gridOf(s), findOwn(nowOf(s), sheetState(this.book.state, sheet)));
    this.book.state = withVerdict(this.book.state, sheet, finding, grid, verdict);
  }

  async clearActiveSheet(): Promise<ClearResponse> {
    const sheet = this.activeSheet();
    const now = nowOf(sheet);
    if (sheet.protected) return { kind: 'protected', sheet: sheet.name };
    const previous = sheetState(this.book.state, sheet.name);
    const { own, inspect } = prepareClear(now, previous);
    const filledKept = filledStill(now.grid, previous?.filled);
    if (!own.column.size && !own.notes.size && !own.fills.size) return { kind: 'cleared', sheet: sheet.name, cells: 0, filledKept };
    const decision = decide(now, own, fillsOf(sheet, inspect), sheet.name);
    this.book.apply(sheet, decision.writes);
    this.book.state = withSheetState(this.book.state, sheet.name, afterClear(previous, sheet.name));
    this.changed();
    return { kind: 'cleared', sheet: sheet.name, cells: decision.writes.length, filledKept };
  }

  async undoFill(): Promise<UndoFillResponse> {
    const sheet = this.activeSheet();
    if (sheet.protected) return { kind: 'protected', sheet: sheet.name };
    const previous = sheetState(this.book.state, sheet.name);
    const undo = decideUndoFill(nowOf(sheet).grid, previous?.filled);
    const kept = undo.kept.map((k) => k.cell);
    if (!previous?.filled?.length) return { kind: 'undone', sheet: sheet.name, restored: 0, kept };
    this.book.setValues(sheet, undo.writes);
    this.book.state = withSheetState(this.book.state, sheet.name, keepingFilled(previous, sheet.name, undefined));
    this.changed();
    return { kind: 'undone', sheet: sheet.name, restored: undo.writes.length, kept };
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

  /** The user typed into a cell of the grid (the preview is editable, so that 自动校验 can be tried). */
  edit(sheet: string, row: number, col: number, text: string): void {
    const ws = this.book.sheet(sheet);
    if (!ws || ws.protected) return;
    this.book.setValues(ws, [{ cell: a1(row, col), row, col, value: typedValue(text) }]);
    this.changed();
    const w = this.watcher;
    const inside = this.ranges.get(sheet)?.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
    if (!w || !inside) return;
    clearTimeout(w.timer);
    w.timer = setTimeout(() => void this.checkActiveSheet(w.settings(), undefined, a1(row, col)).then(w.onChecked, () => undefined), this.editDelayMs);
  }

  /** 自动校验, as the Excel host does it: an edit inside a table the last check found checks the sheet again. */
  async watchEdits(settings: () => Settings, onChecked: (r: CheckResponse) => void): Promise<() => void> {
    const w: Watcher = { settings, onChecked };
    this.watcher = w;
    return () => {
      clearTimeout(w.timer);
      if (this.watcher === w) this.watcher = undefined;
    };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.active = sheet;
    this.selection = { sheet, address };
    this.changed();
  }
}
