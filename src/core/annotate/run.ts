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
import { withVerdicts } from './verdicts';
import type { Changes } from './changes';

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
  const checked = checkSheet(grid, options);
  const result = { ...checked, tables: checked.tables.map((t) => withVerdicts(t, state?.verdicts, grid)) };
  const wanted = wantedOn(grid, result, { ...options, last: lastCheck(own, state) });
  return { own, result, wanted, inspect: cellsToInspect(own, wanted) };
}

/**
 * The last check's findings: from the state; or none where the state keeps nothing but the sheet holds the
 * product's column with no ✗ or ⚠ in it (the last check found nothing wrong: a clean sheet keeps no state).
 * Undefined where it cannot be known (never checked, or a column with findings whose state was lost).
 */
function lastCheck(own: OwnMarks, state: SheetState | undefined): readonly string[] | undefined {
  if (state?.last) return state.last;
  const texts = [...own.column.values()];
  return texts.length && !texts.some((t) => t.includes('✗') || t.includes('⚠')) ? [] : undefined;
}

export function prepareClear(now: SheetNow, state: SheetState | undefined): { readonly own: OwnMarks; readonly inspect: readonly string[] } {
  const own = findOwn(now, state);
  return { own, inspect: cellsToInspect(own) };
}

/** Checking a sheet without writing: the grid as it was before the product's column (`each`: see checkSheet). */
export function checkAsItWas(now: SheetNow, state: SheetState | undefined, options: CheckOptions = {}, each?: (result: TableResult) => void): SheetResult {
  const grid = withoutColumn(now.grid, findOwn(now, state));
  if (each) return checkSheet(grid, options, (t) => each(withVerdicts(t, state?.verdicts, grid)));
  const checked = checkSheet(grid, options);
  return { ...checked, tables: checked.tables.map((t) => withVerdicts(t, state?.verdicts, grid)) };
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
  /** What changed since the last check (undefined on a first one). */
  readonly changes?: Changes;
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
    found.push(withVerdicts(t, state?.verdicts, grid));
    progress?.(found.length);
  });
  const result: SheetResult = { sheet: grid.name, tables: found, unrecognised };
  const wanted = wantedOn(grid, result, { ...options, last: lastCheck(own, state) });
  const byLang = reportsByLang('', [result]);
  const reports = byLang[options.lang];
  const ranges = found.map((t) => t.table.range);
  return { own, wanted, inspect: cellsToInspect(own, wanted), tables: reports.tables, unrecognised: reports.unrecognised, byLang, ranges, ...(wanted.changes ? { changes: wanted.changes } : {}) };
}

/** How a host runs checkForHost: in its own thread, or in a worker (the pane's engineClient). */
export type HostEngine = (now: SheetNow, state: SheetState | undefined, options: CheckedOptions, progress?: (tables: number) => void) => Promise<CheckedSheet>;

export const inThread: HostEngine = async (now, state, options, progress) => checkForHost(now, state, options, progress);
