/**
 * The Excel host (office-js): a check is four round trips, whatever the number of tables — read the
 * sheet (two, see sheetRead.ts), read the fills of the cells the decision needs, write everything in one
 * batch. The engine and the decision run in memory between them; nothing is written before the last
 * batch, and nothing at all on a protected sheet.
 */
import { type CellRange, type Grid, a1, parseA1, parseRangeA1 } from '../core/grid';
import { decide } from '../core/annotate/decide';
import { type CheckedSheet, type HostEngine, inThread, prepareCheck, prepareClear } from '../core/annotate/run';
import { afterClear, keepingFilled, sheetState, withSheetState, withVerdict } from '../core/annotate/state';
import type { KeyedFinding, Verdict } from '../core/annotate/verdicts';
import { findOwn, withoutColumn } from '../core/annotate/own';
import { sheetChip } from '../core/sheetChip';
import { type FillPlan, decideUndoFill, fillWrites, filledStill, planFill, withFilled, withFormulas } from '../core/annotate/fillIn';
import { readFormulas } from './formulas';
import { SUMMARY_SHEET } from '../core/summary';
import type { CheckResponse, ClearResponse, FillApplied, FillResponse, Host, SheetChecked, SummaryResponse, UndoFillResponse } from './hostApi';
import { type WorkbookInput, buildSummary } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import { queueSummarySheet, readWorkbook, workbookInput } from './summarySheet';
import type { Settings } from './settings';
import { DEFAULT_CELLS_PER_READ, type SheetSnapshot, type Supports, readActiveSheet, readFillsOfSheets, readSheets } from './sheetRead';
import { queueState, queueValueWrites, queueWrites } from './sheetWrite';
import { Batch } from './batch';

/** Excel.run, or a fake of it in tests. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  readonly run: Runner;
  /** Whether the host has an ExcelApi requirement set (notes need 1.18, merged areas 1.13). */
  readonly supports: Supports;
  /** Cells per read round trip: about 60 bytes a cell for values, types and formats stays under 5 MB. */
  readonly cellsPerRead?: number;
  /** 自动校验: how long typing must pause before a table is checked again. */
  readonly editDelayMs?: number;
  /**
   * 自动校验 on Excel before ExcelApi 1.14 (no triggerSource): change events this long after the add-in's
   * own writes are taken as those writes' echo, not the clerk's edits.
   */
  readonly ownWritesMs?: number;
  /** Where a check's engine runs (the pane: a Web Worker); by default in this thread. */
  readonly engine?: HostEngine;
}

/** What 自动校验 needs of a change event (Excel.WorksheetChangedEventArgs). */
interface ChangeEvent {
  readonly worksheetId: string;
  readonly address: string;
  /** ExcelApi 1.14: 'ThisLocalAddin' for the add-in's own writes. */
  readonly triggerSource?: string;
}

/** Excel's last row and column (1,048,576 × 16,384): a whole row or column reaches them. */
const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/** One area of a change address: "B3", "B3:D5", a whole row "3:3" / "3:5", a whole column "A:A" / "A:C". */
function changedArea(address: string): CellRange {
  const a = address.trim().replace(/^.*!/, '').replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: Math.min(+rows[1]!, +rows[2]!) - 1, bottom: Math.max(+rows[1]!, +rows[2]!) - 1, left: 0, right: LAST_COL };
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (cols) {
    const l = parseA1(`${cols[1]!}1`).col;
    const r = parseA1(`${cols[2]!}1`).col;
    return { top: 0, bottom: LAST_ROW, left: Math.min(l, r), right: Math.max(l, r) };
  }
  return parseRangeA1(a);
}

/**
 * The areas a change event names ("A1", "3:3", "A:A", "A1:B2,D4": WorksheetChangedEventArgs.address,
 * without the sheet's name); an address that cannot be read is
 * taken as the whole sheet (a check too many, never an edit missed).
 */
export function changedAreas(address: string): CellRange[] {
  try {
    return address.split(',').filter((a) => a.trim()).map(changedArea);
  } catch {
    return [{ top: 0, left: 0, bottom: LAST_ROW, right: LAST_COL }];
  }
}

/**
 * Without the notes API (before ExcelApi 1.18) notes can be neither read nor removed: the cells where the
 * state says the product wrote one (in Excel 365, WPS or the command line) are said, not passed over.
 */
function notesBeyondReach(snap: SheetSnapshot): string[] {
  if (snap.notesApi) return [];
  return (sheetState(snap.state, snap.name)?.marked ?? []).filter((m) => m.block !== undefined).map((m) => m.cell);
}

/**
 * The edit that started an automatic check, as one cell: the first cell of a table the change reached (a
 * whole row "17:17" over a table in B:I is B17), or undefined where it reached none.
 */
export function startedByOf(areas: readonly CellRange[], tables: readonly CellRange[]): string | undefined {
  for (const area of areas) {
    for (const t of tables) {
      const top = Math.max(area.top, t.top);
      const left = Math.max(area.left, t.left);
      if (top <= Math.min(area.bottom, t.bottom) && left <= Math.min(area.right, t.right)) return a1(top, left);
    }
  }
  return undefined;
}

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  /** The tables found by the last check of each sheet (by id): where an edit means a check again. */
  private readonly tables = new Map<string, CellRange[]>();
  private writing = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly options: ExcelHostOptions) {}

  async checkActiveSheet(settings: Settings, progress?: (tables: number) => void, startedBy?: string): Promise<CheckResponse> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.name === SUMMARY_SHEET) return { kind: 'summarySheet', sheet: snap.name };
      const [r] = await this.checkSnapshots(context, [snap], settings, { ...(progress ? { tables: progress } : {}), ...(startedBy ? { startedBy } : {}) });
      if (!r) throw new Error('no sheet checked');
      const { tables, unrecognised, byLang } = r;
      if (r.protected) return { kind: 'protected', sheet: snap.name, tables, unrecognised, byLang };
      const wantNotes = settings.notes && snap.notesApi;
      return { kind: 'checked', sheet: snap.name, tables, unrecognised, notesWritten: wantNotes, byLang, ...(r.changes ? { changes: r.changes } : {}) };
    });
  }

  /**
   * 校验全部工作表: every work sheet read (three round trips), checked in memory one after the other (progress
   * per sheet), the fills the decisions need read (one), and every sheet's marks and the state written (one):
   * one round trip more per 3 MB, never one per sheet or table. Protected sheets are checked, not marked.
   */
  async checkAllSheets(settings: Settings, progress?: (sheets: number, of: number) => void): Promise<readonly SheetChecked[]> {
    return this.options.run(async (context) => {
      const snaps = await readSheets(context, this.options.supports, { kind: 'all' }, this.options.cellsPerRead);
      return this.checkSnapshots(context, snaps, settings, progress ? { sheets: progress } : {});
    });
  }

  /** Each sheet checked as 校验本表 checks it, and all of them marked in one batch. */
  private async checkSnapshots(
    context: Excel.RequestContext,
    snaps: readonly SheetSnapshot[],
    settings: Settings,
    report: { readonly tables?: (tables: number) => void; readonly sheets?: (sheets: number, of: number) => void; readonly startedBy?: string },
  ): Promise<SheetChecked[]> {
    const engine = this.options.engine ?? inThread;
    const wantNotes = settings.notes && (snaps[0]?.notesApi ?? false);
    const options = { lang: settings.lang, notes: settings.notes, column: settings.column, reverseFormula: settings.reverseFormula, ...(report.startedBy ? { startedBy: report.startedBy } : {}) };
    const checked: { snap: SheetSnapshot; prepared: CheckedSheet }[] = [];
    for (const snap of snaps) {
      const prepared = await engine(snap, sheetState(snap.state, snap.name), options, report.tables);
      if (snap.id) this.tables.set(snap.id, prepared.ranges);
      checked.push({ snap, prepared });
      report.sheets?.(checked.length, snaps.length);
    }
    const sheets = context.workbook.worksheets;
    const toMark = checked.filter((c) => !c.snap.protected).map((c) => ({ ...c, ws: sheets.getItem(c.snap.name) }));
    const fills = await readFillsOfSheets(context, toMark.map((c) => ({ ws: c.ws, cells: c.prepared.inspect })));
    const batch = new Batch(context);
    const first = snaps[0];
    let state = first?.state ?? { version: 2, sheets: [] };
    // The marks written now raise change events of their own: they are not the clerk's edits.
    this.writing = Date.now();
    for (const [i, { snap, prepared, ws }] of toMark.entries()) {
      const decision = decide(snap, prepared.own, fills[i] ?? new Map(), snap.name, prepared.wanted, { notes: wantNotes });
      await queueWrites(batch, ws, snap, decision.writes);
      state = withSheetState(state, snap.name, keepingFilled(decision.state, snap.name, sheetState(snap.state, snap.name)?.filled));
    }
    if (first && toMark.length) await queueState(batch, context, first, state);
    this.writing = Date.now();
    if (toMark.length) await batch.flush();
    return checked.map(({ snap, prepared }) => ({
      sheet: snap.name,
      chip: sheetChip(prepared.tables, prepared.unrecognised),
      tables: prepared.tables,
      unrecognised: prepared.unrecognised,
      byLang: prepared.byLang,
      protected: snap.protected,
      ...(prepared.changes ? { changes: prepared.changes } : {}),
    }));
  }

  /** 清除标记: the marks off; what 填写计算值 wrote stays, and its record too (for 撤销填写). */
  async clearActiveSheet(): Promise<ClearResponse> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.protected) return { kind: 'protected', sheet: snap.name };
      const previous = sheetState(snap.state, snap.name);
      const filledKept = filledStill(snap.grid, previous?.filled);
      const left = notesBeyondReach(snap);
      const notesLeft = left.length ? { notesLeft: left } : {};
      const { cells } = await this.clearSnapshots(context, [snap], false);
      return { kind: 'cleared', sheet: snap.name, cells, filledKept, ...notesLeft };
    });
  }

  /** 清除标记 on every work sheet: five round trips (read three, fills, write), one more per 3 MB. */
  async clearAllSheets(dropVerdicts = false): Promise<{ cleared: string[]; protected: string[]; cells: number }> {
    return this.options.run(async (context) => {
      const snaps = await readSheets(context, this.options.supports, { kind: 'all' }, this.options.cellsPerRead);
      const r = await this.clearSnapshots(context, snaps.filter((s) => !s.protected), dropVerdicts);
      return { ...r, protected: snaps.filter((s) => s.protected).map((s) => s.name) };
    });
  }

  /** The marks of the sheets taken off in one batch (the fills to restore read in one before). */
  private async clearSnapshots(context: Excel.RequestContext, snaps: readonly SheetSnapshot[], dropVerdicts: boolean): Promise<{ cleared: string[]; cells: number }> {
    const sheets = context.workbook.worksheets;
    const marked = snaps
      .map((snap) => ({ snap, ...prepareClear(snap, sheetState(snap.state, snap.name)) }))
      .filter((p) => p.own.column.size || p.own.notes.size || p.own.fills.size)
      .map((p) => ({ ...p, ws: sheets.getItem(p.snap.name) }));
    const fills = await readFillsOfSheets(context, marked.map((p) => ({ ws: p.ws, cells: p.inspect })));
    const before = snaps[0]?.state ?? { version: 2, sheets: [] };
    // Every sheet cleared forgets its last check (and its verdicts, when asked), marked or not.
    const state = snaps.reduce((st, snap) => withSheetState(st, snap.name, afterClear(sheetState(snap.state, snap.name), snap.name, dropVerdicts)), before);
    const batch = new Batch(context);
    const cleared: string[] = [];
    let cells = 0;
    for (const [i, p] of marked.entries()) {
      const decision = decide(p.snap, p.own, fills[i] ?? new Map(), p.snap.name);
      await queueWrites(batch, p.ws, p.snap, decision.writes);
      if (decision.writes.length) cleared.push(p.snap.name);
      cells += decision.writes.length;
    }
    const first = snaps[0];
    if (!first || (!marked.length && JSON.stringify(state) === JSON.stringify(before))) return { cleared, cells };
    await queueState(batch, context, first, state);
    this.writing = Date.now();
    await batch.flush();
    return { cleared, cells };
  }

  /**
   * 复核意见: the reviewer's verdict on a finding, kept in the state with the values of the cells it is
   * about (read as they are now, without the product's column): three round trips.
   */
  async setVerdict(sheet: string, finding: KeyedFinding, verdict: Verdict | null): Promise<void> {
    await this.options.run(async (context) => {
      const [snap] = await readSheets(context, this.options.supports, { kind: 'named', name: sheet }, this.options.cellsPerRead);
      if (!snap) return;
      const grid = withoutColumn(snap.grid, findOwn(snap, sheetState(snap.state, snap.name)));
      const batch = new Batch(context);
      await queueState(batch, context, snap, withVerdict(snap.state, sheet, finding, grid, verdict));
      await batch.flush();
    });
  }

  /** 撤销填写: three round trips (read the sheet, write); the marks stay. */
  async undoFill(): Promise<UndoFillResponse> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.protected) return { kind: 'protected', sheet: snap.name };
      const previous = sheetState(snap.state, snap.name);
      const undo = decideUndoFill(snap.grid, previous?.filled);
      const kept = undo.kept.map((k) => k.cell);
      if (!previous?.filled?.length) return { kind: 'undone', sheet: snap.name, restored: 0, kept };
      const batch = new Batch(context);
      await queueValueWrites(batch, context.workbook.worksheets.getActiveWorksheet(), undo.writes);
      await queueState(batch, context, snap, withSheetState(snap.state, snap.name, keepingFilled(previous, snap.name, undefined)));
      this.writing = Date.now();
      await batch.flush();
      return { kind: 'undone', sheet: snap.name, restored: undo.writes.length, kept };
    });
  }

  /** 填写计算值, first step: what would change (two round trips, a third for the formulas of the cells it would change; nothing written). */
  async planFill(settings: Settings): Promise<FillResponse> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.name === SUMMARY_SHEET) return { kind: 'summarySheet', sheet: snap.name };
      if (snap.protected) return { kind: 'protected', sheet: snap.name };
      const prepared = prepareCheck(snap, sheetState(snap.state, snap.name), { lang: settings.lang, reverseFormula: settings.reverseFormula });
      const plan = planFill(prepared.result, snap.grid);
      const formulas = await readFormulas(context, context.workbook.worksheets.getActiveWorksheet(), plan.changes);
      return { kind: 'plan', plan: { ...plan, changes: withFormulas(plan.changes, formulas) } };
    });
  }

  /**
   * 填写计算值, confirmed: the sheet is read again and only the confirmed changes that are still due are
   * written (a cell edited since is left alone), with the old values (and formulas) kept in the state. Four round trips.
   */
  async applyFill(settings: Settings, confirmed: FillPlan): Promise<FillApplied> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.protected || snap.name !== confirmed.sheet) return { written: 0 };
      const prepared = prepareCheck(snap, sheetState(snap.state, snap.name), { lang: settings.lang, reverseFormula: settings.reverseFormula });
      const due = new Set(confirmed.changes.map((c) => `${c.cell}=${String(c.after)}`));
      const planned = planFill(prepared.result, snap.grid).changes.filter((c) => due.has(`${c.cell}=${String(c.after)}`));
      if (!planned.length) return { written: 0 };
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const changes = withFormulas(planned, await readFormulas(context, ws, planned));
      const batch = new Batch(context);
      await queueValueWrites(batch, ws, fillWrites(changes));
      const previous = sheetState(snap.state, snap.name);
      await queueState(batch, context, snap, withSheetState(snap.state, snap.name, keepingFilled(previous, snap.name, withFilled(previous?.filled, changes))));
      await batch.flush();
      return { written: changes.length };
    });
  }

  async workbookGrids(): Promise<Grid[]> {
    return this.options.run(async (context) => (await readWorkbook(context, this.options.cellsPerRead ?? DEFAULT_CELLS_PER_READ)).grids);
  }

  async summarise(settings: Settings, files?: readonly WorkbookInput[]): Promise<SummaryResponse> {
    return this.options.run(async (context) => {
      const { grids, summaryExists } = await readWorkbook(context, this.options.cellsPerRead ?? DEFAULT_CELLS_PER_READ);
      const inputs = files?.length ? files : [workbookInput(grids, '', settings.lang, { reverseFormula: settings.reverseFormula })];
      const summary = buildSummary(inputs, { lang: settings.lang, sort: settings.summarySort, sentence: settings.summarySentence });
      const layout = summaryLayout(summary, { lang: settings.lang, withFile: !!files?.length });
      const batch = new Batch(context);
      const chart = await queueSummarySheet(batch, context, layout, summaryExists);
      await batch.flush();
      return { kind: 'summarised', sheet: layout.name, summary, chart };
    });
  }

  /**
   * 自动校验: worksheets.onChanged (ExcelApi 1.9). An edit inside a table the last check found checks the
   * sheet again once typing pauses (one check: at most four round trips, and only the cells whose marks
   * change are written); an edit elsewhere, or the add-in's own writes, do nothing. Returns a function
   * that stops it.
   */
  async watchEdits(settings: () => Settings, onChecked: (r: CheckResponse) => void): Promise<() => void> {
    let on = true;
    if (!this.options.supports('1.9')) return () => undefined;
    await this.options.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e: ChangeEvent) => {
        if (on) this.edited(e, settings, onChecked);
      });
      await context.sync();
    });
    return () => {
      on = false;
      clearTimeout(this.pending);
    };
  }

  private edited(e: ChangeEvent, settings: () => Settings, onChecked: (r: CheckResponse) => void): void {
    if (e.triggerSource === 'ThisLocalAddin' || Date.now() - this.writing < (this.options.ownWritesMs ?? 1000)) return;
    const ranges = this.tables.get(e.worksheetId);
    if (!ranges?.length) return;
    const areas = changedAreas(e.address);
    const startedBy = startedByOf(areas, ranges);
    if (!startedBy) return;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      void this.checkActiveSheet(settings(), undefined, startedBy).then(onChecked, () => undefined);
    }, this.options.editDelayMs ?? 800);
  }

  /**
   * worksheets.onActivated (ExcelApi 1.7). The handler lives as long as the pane: there is nothing to
   * remove it for.
   */
  async onSheetActivated(listener: (sheet?: string) => void): Promise<void> {
    if (!this.options.supports('1.7')) return;
    await this.options.run(async (context) => {
      context.workbook.worksheets.onActivated.add(async () => {
        // The event names the sheet by id; its name costs one round trip, and without it the pane still relabels.
        listener(await this.activeSheetName().catch(() => undefined));
      });
      await context.sync();
    });
  }

  private async activeSheetName(): Promise<string> {
    return this.options.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await context.sync();
      return ws.name;
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.options.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }
}
