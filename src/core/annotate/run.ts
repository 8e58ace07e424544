/**
 * A check or a 清除标记 on one sheet, the same for every host: find the product's own marks, check the
 * sheet as it was before them, work out what it wants; the host then reads the fills of the cells named
 * and carries out the decision.
 */
import { type SheetResult, checkSheet } from '../engine';
import type { CheckOptions, TableResult } from '../check/result';
import { type OwnMarks, type SheetNow, findOwn, withoutColumn } from './own';
import { type SheetState } from './state';
import { type Wanted, type WantedOptions, wantedOn } from './wanted';
import { cellsToInspect } from './decide';
import type { CellRange } from '../grid';
import type { Lang } from '../findings';
import { type ReportsInLang, type TableReport, type UnrecognisedReport, reportsByLang } from '../report';

export interface PreparedCheck {
  readonly own: OwnMarks;
  readonly result: SheetResult;
  readonly wanted: Wanted;
  /** The cells whose fill the host must read before deciding. */
  readonly inspect: readonly string[];
}

export function prepareCheck(now: SheetNow, state: SheetState | undefined, options: CheckOptions & WantedOptions = {}): PreparedCheck {
  const own = findOwn(now, state);
  const grid = withoutColumn(now.grid, own);
  const result = checkSheet(grid, options);
  const wanted = wantedOn(grid, result, options);
  return { own, result, wanted, inspect: cellsToInspect(own, wanted) };
}

export function prepareClear(now: SheetNow, state: SheetState | undefined): { readonly own: OwnMarks; readonly inspect: readonly string[] } {
  const own = findOwn(now, state);
  return { own, inspect: cellsToInspect(own) };
}

/** Checking a sheet without writing: the grid as it was before the product's column (`each`: see checkSheet). */
export function checkAsItWas(now: SheetNow, state: SheetState | undefined, options: CheckOptions = {}, each?: (result: TableResult) => void): SheetResult {
  return checkSheet(withoutColumn(now.grid, findOwn(now, state)), options, each);
}

/** A check as a host needs it, in plain data (it crosses from a worker to the pane by structured clone). */
export interface CheckedSheet {
  readonly own: OwnMarks;
  readonly wanted: Wanted;
  readonly inspect: readonly string[];
  readonly tables: TableReport[];
  readonly unrecognised: UnrecognisedReport[];
  /** The same reports in each language (the pane switches language without checking again). */
  readonly byLang: Record<Lang, ReportsInLang>;
  /** Where each table found lies (自动校验 checks again after an edit inside one). */
  readonly ranges: CellRange[];
}

export type CheckedOptions = CheckOptions & WantedOptions & { readonly lang: Lang };

/**
 * prepareCheck and the reports of its result, telling `progress` how many tables are done as it goes:
 * what a host runs off its UI thread (a Web Worker in the pane) or in it.
 */
export function checkForHost(now: SheetNow, state: SheetState | undefined, options: CheckedOptions, progress?: (tables: number) => void): CheckedSheet {
  const own = findOwn(now, state);
  const grid = withoutColumn(now.grid, own);
  const found: TableResult[] = [];
  const { unrecognised } = checkSheet(grid, options, (t) => {
    found.push(t);
    progress?.(found.length);
  });
  const result: SheetResult = { sheet: grid.name, tables: found, unrecognised };
  const wanted = wantedOn(grid, result, options);
  const byLang = reportsByLang('', [result]);
  const reports = byLang[options.lang];
  return { own, wanted, inspect: cellsToInspect(own, wanted), tables: reports.tables, unrecognised: reports.unrecognised, byLang, ranges: found.map((t) => t.table.range) };
}

/** How a host runs checkForHost: in its own thread, or in a worker (the pane's engineClient). */
export type HostEngine = (now: SheetNow, state: SheetState | undefined, options: CheckedOptions, progress?: (tables: number) => void) => Promise<CheckedSheet>;

export const inThread: HostEngine = async (now, state, options, progress) => checkForHost(now, state, options, progress);
