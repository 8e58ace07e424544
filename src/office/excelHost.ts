/**
 * The Excel host (office-js): a check is four round trips, whatever the number of tables — read the
 * sheet (two, see sheetRead.ts), read the fills of the cells the decision needs, write everything in one
 * batch. The engine and the decision run in memory between them; nothing is written before the last
 * batch, and nothing at all on a protected sheet.
 */
import { sheetReports } from '../core/report';
import { decide } from '../core/annotate/decide';
import { prepareCheck, prepareClear } from '../core/annotate/run';
import { sheetState, withSheetState } from '../core/annotate/state';
import { SUMMARY_SHEET } from '../core/summary';
import type { CheckResponse, ClearResponse, Host, SummaryResponse } from './hostApi';
import { type WorkbookInput, buildSummary } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import { queueSummarySheet, readWorkbook, workbookInput } from './summarySheet';
import type { Settings } from './settings';
import { DEFAULT_CELLS_PER_READ, type Supports, readActiveSheet, readFills } from './sheetRead';
import { queueState, queueWrites } from './sheetWrite';

/** Excel.run, or a fake of it in tests. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  readonly run: Runner;
  /** Whether the host has an ExcelApi requirement set (notes need 1.18, merged areas 1.13). */
  readonly supports: Supports;
  /** Cells per read round trip: about 60 bytes a cell for values, types and formats stays under 5 MB. */
  readonly cellsPerRead?: number;
}

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
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
      if (snap.protected) return { kind: 'protected', sheet: snap.name, tables, unrecognised };

      const ws = context.workbook.worksheets.getActiveWorksheet();
      const fills = await readFills(context, ws, prepared.inspect);
      const wantNotes = settings.notes && snap.notesApi;
      const decision = decide(snap, prepared.own, fills, snap.name, prepared.wanted, { notes: wantNotes });
      queueWrites(ws, snap, decision.writes);
      queueState(context, snap, withSheetState(snap.state, snap.name, decision.state));
      await context.sync();
      return { kind: 'checked', sheet: snap.name, tables, unrecognised, notesWritten: wantNotes };
    });
  }

  async clearActiveSheet(): Promise<ClearResponse> {
    return this.options.run(async (context) => {
      const snap = await readActiveSheet(context, this.options.supports, this.options.cellsPerRead);
      if (snap.protected) return { kind: 'protected', sheet: snap.name };
      const { own, inspect } = prepareClear(snap, sheetState(snap.state, snap.name));
      if (!own.column.size && !own.notes.size && !own.fills.size) return { kind: 'cleared', sheet: snap.name, cells: 0 };
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const fills = await readFills(context, ws, inspect);
      const decision = decide(snap, own, fills, snap.name);
      queueWrites(ws, snap, decision.writes);
      queueState(context, snap, withSheetState(snap.state, snap.name, undefined));
      await context.sync();
      return { kind: 'cleared', sheet: snap.name, cells: decision.writes.length };
    });
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
