/**
 * The WPS 表格 host: the same pane and the same decision as the Excel host, carried out through WPS's
 * object model (see et.ts for where its members are documented). Nothing is written to a protected sheet.
 */
import type { Grid } from '../core/grid';
import { decide } from '../core/annotate/decide';
import { checkForHost, prepareCheck, prepareClear } from '../core/annotate/run';
import type { KeyedFinding, Verdict } from '../core/annotate/verdicts';
import { findOwn, withoutColumn } from '../core/annotate/own';
import { sheetChip } from '../core/sheetChip';
import { afterClear, keepingFilled, parseState, sheetState, withSheetState, withVerdict } from '../core/annotate/state';
import { type FillPlan, decideUndoFill, fillWrites, filledStill, planFill, withFilled } from '../core/annotate/fillIn';
import { SUMMARY_SHEET, type WorkbookInput, buildSummary } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import type { CheckResponse, ClearResponse, FillApplied, FillResponse, Host, SheetChecked, SummaryResponse, UndoFillResponse } from '../office/hostApi';
import type { Settings } from '../office/settings';
import { workbookInput } from '../office/summarySheet';
import type { EtApplication, EtWorksheet } from './et';
import { type WpsSnapshot, applyValueWrites, applyWrites, readActiveSheet, readFills, readNamedSheet, readWorkSheets, sheetNamed, writeState } from './sheet';
import { readWorkbookGrids, writeSummarySheet } from './summary';

/**
 * The grid holds formats of numbers only (what the engine needs); the cells a fill changes get theirs
 * read here, so that 撤销填写 can give a cell written as text its format back, and their formulas, so
 * that the plan says which hold one and 撤销填写 puts it back.
 */
function withFormats(ws: EtWorksheet, plan: FillPlan): FillPlan {
  return {
    ...plan,
    changes: plan.changes.map((c) => {
      const range = ws.Range(c.cell);
      const formula = range.Formula;
      return { ...c, beforeFormat: range.NumberFormat ?? undefined, ...(typeof formula === 'string' && formula.startsWith('=') ? { beforeFormula: formula } : {}) };
    }),
  };
}

export class WpsHost implements Host {
  readonly kind = 'wps' as const;
  constructor(private readonly app: EtApplication) {}

  async checkActiveSheet(settings: Settings): Promise<CheckResponse> {
    const snap = readActiveSheet(this.app);
    if (snap.name === SUMMARY_SHEET) return { kind: 'summarySheet', sheet: snap.name };
    const [r] = this.checkSnapshots([snap], settings);
    if (!r) throw new Error('no sheet checked');
    const { tables, unrecognised, byLang } = r;
    if (r.protected) return { kind: 'protected', sheet: snap.name, tables, unrecognised, byLang };
    return { kind: 'checked', sheet: snap.name, tables, unrecognised, notesWritten: settings.notes, byLang, ...(r.changes ? { changes: r.changes } : {}) };
  }

  /**
   * 校验全部工作表: every work sheet (the summary and the state excepted) checked and marked as 校验本表 marks it,
   * the state read and written once; protected sheets checked, not marked.
   */
  async checkAllSheets(settings: Settings, progress?: (sheets: number, of: number) => void): Promise<readonly SheetChecked[]> {
    return this.checkSnapshots(readWorkSheets(this.app), settings, progress);
  }

  private checkSnapshots(snaps: readonly WpsSnapshot[], settings: Settings, progress?: (sheets: number, of: number) => void): SheetChecked[] {
    const first = snaps[0];
    let state = first?.state ?? parseState([]);
    const out: SheetChecked[] = [];
    for (const snap of snaps) {
      const checked = checkForHost(snap, sheetState(snap.state, snap.name), { lang: settings.lang, notes: settings.notes, column: settings.column, reverseFormula: settings.reverseFormula });
      if (!snap.protected) {
        const decision = decide(snap, checked.own, readFills(snap.sheet, checked.inspect), snap.name, checked.wanted, { notes: settings.notes });
        applyWrites(snap.sheet, snap, decision.writes);
        state = withSheetState(state, snap.name, keepingFilled(decision.state, snap.name, sheetState(snap.state, snap.name)?.filled));
      }
      const { tables, unrecognised, byLang } = checked;
      out.push({ sheet: snap.name, chip: sheetChip(tables, unrecognised), tables, unrecognised, byLang, protected: snap.protected, ...(checked.changes ? { changes: checked.changes } : {}) });
      progress?.(out.length, snaps.length);
    }
    if (first && snaps.some((s) => !s.protected)) writeState(this.app, first.book, first, state);
    return out;
  }

  /** 清除标记: the marks off; what 填写计算值 wrote stays, and its record too (for 撤销填写). */
  async clearActiveSheet(): Promise<ClearResponse> {
    const snap = readActiveSheet(this.app);
    if (snap.protected) return { kind: 'protected', sheet: snap.name };
    const filledKept = filledStill(snap.grid, sheetState(snap.state, snap.name)?.filled);
    const { cells } = this.clearSnapshots([snap], false);
    return { kind: 'cleared', sheet: snap.name, cells, filledKept };
  }

  /** 清除标记 on every work sheet; verdicts stay unless `dropVerdicts`. */
  async clearAllSheets(dropVerdicts = false): Promise<{ cleared: string[]; protected: string[]; cells: number }> {
    const snaps = readWorkSheets(this.app);
    const r = this.clearSnapshots(snaps.filter((s) => !s.protected), dropVerdicts);
    return { ...r, protected: snaps.filter((s) => s.protected).map((s) => s.name) };
  }

  private clearSnapshots(snaps: readonly WpsSnapshot[], dropVerdicts: boolean): { cleared: string[]; cells: number } {
    const first = snaps[0];
    const before = first?.state ?? parseState([]);
    let state = before;
    const cleared: string[] = [];
    let cells = 0;
    for (const snap of snaps) {
      const previous = sheetState(snap.state, snap.name);
      const { own, inspect } = prepareClear(snap, previous);
      // Every sheet cleared forgets its last check (and its verdicts, when asked), marked or not.
      state = withSheetState(state, snap.name, afterClear(previous, snap.name, dropVerdicts));
      if (!own.column.size && !own.notes.size && !own.fills.size) continue;
      const decision = decide(snap, own, readFills(snap.sheet, inspect), snap.name);
      applyWrites(snap.sheet, snap, decision.writes);
      if (decision.writes.length) cleared.push(snap.name);
      cells += decision.writes.length;
    }
    if (first && (cleared.length || JSON.stringify(state) !== JSON.stringify(before))) writeState(this.app, first.book, first, state);
    return { cleared, cells };
  }

  /** 复核意见: the reviewer's verdict kept in the state with the values of the cells it is about; check again to show it. */
  async setVerdict(sheet: string, finding: KeyedFinding, verdict: Verdict | null): Promise<void> {
    const snap = readNamedSheet(this.app, sheet);
    if (!snap) return;
    const grid = withoutColumn(snap.grid, findOwn(snap, sheetState(snap.state, snap.name)));
    writeState(this.app, snap.book, snap, withVerdict(snap.state, sheet, finding, grid, verdict));
  }

  /** 撤销填写 (ribbon and pane): what core decides, carried out; the marks stay. */
  async undoFill(): Promise<UndoFillResponse> {
    const snap = readActiveSheet(this.app);
    if (snap.protected) return { kind: 'protected', sheet: snap.name };
    const previous = sheetState(snap.state, snap.name);
    const undo = decideUndoFill(snap.grid, previous?.filled);
    const kept = undo.kept.map((k) => k.cell);
    if (!previous?.filled?.length) return { kind: 'undone', sheet: snap.name, restored: 0, kept };
    applyValueWrites(snap.sheet, undo.writes);
    writeState(this.app, snap.book, snap, withSheetState(snap.state, snap.name, keepingFilled(previous, snap.name, undefined)));
    return { kind: 'undone', sheet: snap.name, restored: undo.writes.length, kept };
  }

  async planFill(settings: Settings): Promise<FillResponse> {
    const snap = readActiveSheet(this.app);
    if (snap.name === SUMMARY_SHEET) return { kind: 'summarySheet', sheet: snap.name };
    if (snap.protected) return { kind: 'protected', sheet: snap.name };
    const prepared = prepareCheck(snap, sheetState(snap.state, snap.name), { lang: settings.lang, reverseFormula: settings.reverseFormula });
    return { kind: 'plan', plan: withFormats(snap.sheet, planFill(prepared.result, snap.grid)) };
  }

  async applyFill(settings: Settings, confirmed: FillPlan): Promise<FillApplied> {
    const snap = readActiveSheet(this.app);
    if (snap.protected || snap.name !== confirmed.sheet) return { written: 0 };
    const prepared = prepareCheck(snap, sheetState(snap.state, snap.name), { lang: settings.lang, reverseFormula: settings.reverseFormula });
    const due = new Set(confirmed.changes.map((c) => `${c.cell}=${String(c.after)}`));
    const changes = withFormats(snap.sheet, planFill(prepared.result, snap.grid)).changes.filter((c) => due.has(`${c.cell}=${String(c.after)}`));
    if (!changes.length) return { written: 0 };
    applyValueWrites(snap.sheet, fillWrites(changes));
    const previous = sheetState(snap.state, snap.name);
    writeState(this.app, snap.book, snap, withSheetState(snap.state, snap.name, keepingFilled(previous, snap.name, withFilled(previous?.filled, changes))));
    return { written: changes.length };
  }

  async workbookGrids(): Promise<Grid[]> {
    const book = this.app.ActiveWorkbook;
    if (!book) throw new Error('没有打开的工作簿');
    return readWorkbookGrids(book);
  }

  async summarise(settings: Settings, files?: readonly WorkbookInput[]): Promise<SummaryResponse> {
    const book = this.app.ActiveWorkbook;
    if (!book) throw new Error('没有打开的工作簿');
    const inputs = files?.length ? files : [workbookInput(readWorkbookGrids(book), '', settings.lang, { reverseFormula: settings.reverseFormula })];
    const summary = buildSummary(inputs, { lang: settings.lang, sort: settings.summarySort, sentence: settings.summarySentence });
    const layout = summaryLayout(summary, { lang: settings.lang, withFile: !!files?.length });
    writeSummarySheet(this.app, book, layout);
    return { kind: 'summarised', sheet: layout.name, summary, chart: false };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const book = this.app.ActiveWorkbook;
    const ws = book ? sheetNamed(book, sheet) : null;
    if (!ws) return;
    ws.Activate();
    ws.Range(address).Select();
  }

  /**
   * WPS raises application events to add-ins through ApiEvent.AddApiEventListener; "SheetActivate" is the
   * 表格 event of another sheet opened. Where a version lacks it, results are simply not relabelled.
   */
  /** The active sheet's name, or undefined where WPS cannot say (the pane then simply relabels). */
  private activeName(): string | undefined {
    try {
      return this.app.ActiveSheet?.Name;
    } catch {
      return undefined;
    }
  }

  async onSheetActivated(listener: (sheet?: string) => void): Promise<void> {
    try {
      this.app.ApiEvent?.AddApiEventListener('SheetActivate', () => listener(this.activeName()));
    } catch {
      // not offered by this version of WPS
    }
  }
}
