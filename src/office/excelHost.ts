/**
 * The Excel host (office-js): a check is four round trips, whatever the number of tables — read the
 * sheet (two, see sheetRead.ts), read the fills of the cells the decision needs, write everything in one
 * batch. The engine and the decision run in memory between them; nothing is written before the last
 * batch, and nothing at all on a protected sheet.
 */
import { sheetReports } from '../core/report';
import { type CellRange, type Grid, parseRangeA1 } from '../core/grid';
import { decide } from '../core/annotate/decide';
import { prepareCheck, prepareClear } from '../core/annotate/run';
import { keepingFilled, sheetState, withSheetState } from '../core/annotate/state';
import { type FillPlan, fillWrites, planFill, undoFilled, withFilled } from '../core/annotate/fillIn';
import { SUMMARY_SHEET } from '../core/summary';
import type { CheckResponse, ClearResponse, FillApplied, FillResponse, Host, SummaryResponse } from './hostApi';
import { type WorkbookInput, buildSummary } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import { queueSummarySheet, readWorkbook, workbookInput } from './summarySheet';
import type { Settings } from './settings';
import { DEFAULT_CELLS_PER_READ, type Supports, readActiveSheet, readFills } from './sheetRead';
import { queueState, queueValueWrites, queueWrites } from './sheetWrite';

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
}

/** What 自动校验 needs of a change event (Excel.WorksheetChangedEventArgs). */
interface ChangeEvent {
  readonly worksheetId: string;
  readonly address: string;
  /** ExcelApi 1.14: 'ThisLocalAddin' for the add-in's own writes. */
  readonly triggerSource?: string;
}

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  /** The tables found by the last check of each sheet (by id): where an edit means a check again. */
  private readonly tables = new Map<string, CellRange[]>();
  private writing = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly options: ExcelHostOptions) {}

  async checkActiveSheet(settings: Settings): Promise<CheckResponse> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.name === SUMMARY_SHEET) return { kind: 'summarySheet', sheet: snap.name };
      const prepared = prepareCheck(snap, sheetState(snap.state, snap.name), {
        lang: settings.lang,
        notes: settings.notes,
        column: settings.column,
        reverseFormula: settings.reverseFormula,
      });
      const { tables, unrecognised } = sheetReports('', [prepared.result], settings.lang);
      if (snap.id) this.tables.set(snap.id, prepared.result.tables.map((t) => t.table.range));
      if (snap.protected) return { kind: 'protected', sheet: snap.name, tables, unrecognised };

      const ws = context.workbook.worksheets.getActiveWorksheet();
      const fills = await readFills(context, ws, prepared.inspect);
      const wantNotes = settings.notes && snap.notesApi;
      const decision = decide(snap, prepared.own, fills, snap.name, prepared.wanted, { notes: wantNotes });
      queueWrites(ws, snap, decision.writes);
      queueState(context, snap, withSheetState(snap.state, snap.name, keepingFilled(decision.state, snap.name, sheetState(snap.state, snap.name)?.filled)));
      // The marks written now raise change events of their own: they are not the clerk's edits.
      this.writing = Date.now();
      await context.sync();
      return { kind: 'checked', sheet: snap.name, tables, unrecognised, notesWritten: wantNotes };
    });
  }

  async clearActiveSheet(): Promise<ClearResponse> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.protected) return { kind: 'protected', sheet: snap.name };
      const { own, inspect } = prepareClear(snap, sheetState(snap.state, snap.name));
      const restore = undoFilled(snap.grid, sheetState(snap.state, snap.name)?.filled);
      if (!own.column.size && !own.notes.size && !own.fills.size && !restore.length) return { kind: 'cleared', sheet: snap.name, cells: 0 };
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const fills = await readFills(context, ws, inspect);
      const decision = decide(snap, own, fills, snap.name);
      queueWrites(ws, snap, decision.writes);
      queueValueWrites(ws, restore);
      queueState(context, snap, withSheetState(snap.state, snap.name, undefined));
      await context.sync();
      return { kind: 'cleared', sheet: snap.name, cells: new Set([...decision.writes, ...restore].map((w) => w.cell)).size };
    });
  }

  /** 填写计算值, first step: what would change (two round trips, nothing written). */
  async planFill(settings: Settings): Promise<FillResponse> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.name === SUMMARY_SHEET) return { kind: 'summarySheet', sheet: snap.name };
      if (snap.protected) return { kind: 'protected', sheet: snap.name };
      const prepared = prepareCheck(snap, sheetState(snap.state, snap.name), { lang: settings.lang, reverseFormula: settings.reverseFormula });
      return { kind: 'plan', plan: planFill(prepared.result, snap.grid) };
    });
  }

  /**
   * 填写计算值, confirmed: the sheet is read again and only the confirmed changes that are still due are
   * written (a cell edited since is left alone), with the old values kept in the state. Three round trips.
   */
  async applyFill(settings: Settings, confirmed: FillPlan): Promise<FillApplied> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.protected || snap.name !== confirmed.sheet) return { written: 0 };
      const prepared = prepareCheck(snap, sheetState(snap.state, snap.name), { lang: settings.lang, reverseFormula: settings.reverseFormula });
      const due = new Set(confirmed.changes.map((c) => `${c.cell}=${String(c.after)}`));
      const changes = planFill(prepared.result, snap.grid).changes.filter((c) => due.has(`${c.cell}=${String(c.after)}`));
      if (!changes.length) return { written: 0 };
      const ws = context.workbook.worksheets.getActiveWorksheet();
      queueValueWrites(ws, fillWrites(changes));
      const previous = sheetState(snap.state, snap.name);
      queueState(context, snap, withSheetState(snap.state, snap.name, keepingFilled(previous, snap.name, withFilled(previous?.filled, changes))));
      await context.sync();
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
      const chart = queueSummarySheet(context, layout, summaryExists);
      await context.sync();
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
    const area = parseRangeA1(e.address.replace(/^.*!/, '').replace(/\$/g, ''));
    const inside = ranges.some((r) => area.top <= r.bottom && area.bottom >= r.top && area.left <= r.right && area.right >= r.left);
    if (!inside) return;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      void this.checkActiveSheet(settings()).then(onChecked, () => undefined);
    }, this.options.editDelayMs ?? 800);
  }

  /**
   * worksheets.onActivated (ExcelApi 1.7). The handler lives as long as the pane: there is nothing to
   * remove it for.
   */
  async onSheetActivated(listener: () => void): Promise<void> {
    if (!this.options.supports('1.7')) return;
    await this.options.run(async (context) => {
      context.workbook.worksheets.onActivated.add(async () => listener());
      await context.sync();
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
