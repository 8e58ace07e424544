/**
 * What the task pane asks of a host. Two hosts implement it: Excel (office-js) and the browser preview
 * (the .xlsx host over the bundled sample). Results come as the engine's report objects.
 */
import type { Grid } from '../core/grid';
import type { Lang } from '../core/findings';
import type { ReportsInLang, TableReport, UnrecognisedReport } from '../core/report';
import type { Settings } from './settings';
import type { Summary, WorkbookInput } from '../core/summary';
import type { FillPlan } from '../core/annotate/fillIn';
import type { Changes } from '../core/annotate/changes';
import type { KeyedFinding, Verdict } from '../core/annotate/verdicts';
import type { SheetChip } from '../core/sheetChip';

/** 校验全部工作表: one sheet's outcome, with its chip (错误 n / 警告 n / 通过 / 无自评表). */
export interface SheetChecked {
  readonly sheet: string;
  readonly chip: SheetChip;
  readonly tables: TableReport[];
  readonly unrecognised: UnrecognisedReport[];
  /** The same results in each language (the pane switches language without checking again). */
  readonly byLang: Record<Lang, ReportsInLang>;
  /** Protected: checked, not marked. */
  readonly protected: boolean;
  /** What changed since the sheet's last check (undefined on a first one). */
  readonly changes?: Changes;
}

/** 填写计算值's first step: what would be written, or why nothing can be. */
export type FillResponse = { readonly kind: 'plan'; readonly plan: FillPlan } | { readonly kind: 'protected' | 'summarySheet'; readonly sheet: string };

export interface FillApplied {
  /** Cells written (a confirmed change no longer due — the cell was edited since — is not). */
  readonly written: number;
}

export interface SummaryResponse {
  readonly kind: 'summarised';
  /** The sheet the summary was written to. */
  readonly sheet: string;
  readonly summary: Summary;
  /** A chart of the distribution was drawn. */
  readonly chart: boolean;
}

export type CheckResponse =
  | {
      readonly kind: 'checked';
      readonly sheet: string;
      readonly tables: TableReport[];
      readonly unrecognised: UnrecognisedReport[];
      /** Notes were written (false where the host has no notes API or the setting is off). */
      readonly notesWritten: boolean;
      /** The same results in each language: the pane shows them in a newly chosen one at once. */
      readonly byLang?: Record<Lang, ReportsInLang>;
      /** What changed since the sheet's last check (undefined on a first one; startedBy for 自动校验). */
      readonly changes?: Changes;
    }
  | { readonly kind: 'protected'; readonly sheet: string; readonly tables: TableReport[]; readonly unrecognised: UnrecognisedReport[]; readonly byLang?: Record<Lang, ReportsInLang> }
  /** The active sheet is the product's own summary: it holds no table to check. */
  | { readonly kind: 'summarySheet'; readonly sheet: string };

/** 清除标记: the cells whose marks were taken off, and the filled values kept (撤销填写 gives the old ones back). */
export type ClearResponse =
  | {
      readonly kind: 'cleared';
      readonly sheet: string;
      readonly cells: number;
      readonly filledKept: number;
      /**
       * Cells whose notes the product wrote (in a host with notes) that this host cannot remove: Excel
       * without the notes API (ExcelApi 1.18; Office 2021/2024). Absent or empty: none left.
       */
      readonly notesLeft?: readonly string[];
    }
  | { readonly kind: 'protected'; readonly sheet: string };

/** 撤销填写: the cells given back what they held before the fill, and the ones the clerk changed since (kept). */
export type UndoFillResponse =
  | { readonly kind: 'undone'; readonly sheet: string; readonly restored: number; readonly kept: readonly string[] }
  | { readonly kind: 'protected'; readonly sheet: string };

export interface Host {
  readonly kind: 'excel' | 'preview' | 'wps';
  /** `progress`: how many tables are checked so far, on long sheets. */
  checkActiveSheet(settings: Settings, progress?: (tables: number) => void): Promise<CheckResponse>;
  clearActiveSheet(): Promise<ClearResponse>;
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * 生成汇总表: every table of the open workbook, or of the workbooks given (picked in the pane and
   * read in the browser), into the summary sheet of the open workbook.
   */
  summarise(settings: Settings, files?: readonly WorkbookInput[]): Promise<SummaryResponse>;
  /** 填写计算值: what would change on the active sheet (nothing written). */
  planFill?(settings: Settings): Promise<FillResponse>;
  /** 填写计算值, confirmed: writes the changes still due, keeping the old values for 撤销填写. */
  applyFill?(settings: Settings, plan: FillPlan): Promise<FillApplied>;
  /** 撤销填写: puts back what the filled cells held before, where they still hold what was filled. */
  undoFill?(): Promise<UndoFillResponse>;
  /** 自动校验: checks again after an edit inside a table; returns a function that stops it. */
  watchEdits?(settings: () => Settings, onChecked: (r: CheckResponse) => void): Promise<() => void>;
  /**
   * Calls back when another sheet is activated, with its name where the host can say it: the pane labels its
   * results as the last check's, and as current again when the checked sheet is back unchanged.
   */
  onSheetActivated?(listener: (sheet?: string) => void): Promise<void>;
  /**
   * 校验全部工作表: every work sheet (the product's summary and state excepted), each marked as 校验本表 marks
   * it; `progress` says how many sheets are done, of how many.
   */
  checkAllSheets?(settings: Settings, progress?: (sheets: number, of: number) => void): Promise<readonly SheetChecked[]>;
  /** 清除标记 on every work sheet; verdicts stay unless `dropVerdicts`. */
  clearAllSheets?(dropVerdicts?: boolean): Promise<{ readonly cleared: readonly string[]; readonly protected: readonly string[]; readonly cells: number }>;
  /** 复核意见: records (or, with null, takes back) a reviewer's 已核实 on a finding of a sheet; check again to show it. */
  setVerdict?(sheet: string, finding: KeyedFinding, verdict: Verdict | null): Promise<void>;
  /** 核对报告: the open workbook's sheets as grids (read only), to check a report's statements against. */
  workbookGrids?(): Promise<Grid[]>;
}
