/**
 * The .xlsx host, writing side (SPEC §5): carries out core's decision on every sheet — marks with notes,
 * the 复核结果 column, the state that lets 清除标记 give everything back — by patching the package.
 * A protected sheet is checked and not written to.
 */
import type { Lang } from '../core/findings';
import type { KeyedFinding, Verdict } from '../core/annotate/verdicts';
import type { SheetResult } from '../core/engine';
import type { CheckOptions } from '../core/check/result';
import { decide } from '../core/annotate/decide';
import type { Fill } from '../core/annotate/fill';
import { prepareCheck, prepareClear } from '../core/annotate/run';
import { type SheetState, type WorkbookState, afterClear, keepingFilled, sheetState, withSheetState, withVerdict } from '../core/annotate/state';
import type { ColumnCell } from '../core/annotate/wanted';
import { type FillPlan, decideUndoFill, fillWrites, filledStill, planFill, withFilled } from '../core/annotate/fillIn';
import type { XlsxSheet, XlsxWorkbook } from './workbook';
import { workSheets } from './read';

export interface AnnotateOptions extends CheckOptions {
  readonly lang?: Lang;
  readonly notes?: boolean;
  readonly column?: boolean;
}

export interface SheetOutcome {
  readonly result: SheetResult;
  /** False when the sheet is protected: nothing was written on it. */
  readonly written: boolean;
}

function fillsOf(wb: XlsxWorkbook, sheet: XlsxSheet, cells: readonly string[]): Map<string, Fill> {
  return new Map(cells.map((c) => [c, wb.fillAt(sheet, c)]));
}

/**
 * Checks every sheet and writes the results into the workbook (in memory until it is saved). With `each`,
 * each sheet's outcome is handed over as soon as it is known and none is kept (a workbook of thousands of
 * tables holds one sheet's results at a time); without, they are returned.
 */
export async function checkAndAnnotate(wb: XlsxWorkbook, options: AnnotateOptions = {}, each?: (outcome: SheetOutcome) => Promise<void> | void): Promise<SheetOutcome[]> {
  let state: WorkbookState = await wb.readState();
  const names = workSheets(wb);
  const outcomes: SheetOutcome[] = [];
  const done = async (o: SheetOutcome) => {
    if (each) await each(o);
    else outcomes.push(o);
  };
  for (const name of names) {
    const sheet = await wb.readSheet(name);
    const previous = sheetState(state, name);
    const prepared = prepareCheck(sheet, previous, options);
    if (sheet.protected) {
      await done({ result: prepared.result, written: false });
      continue;
    }
    const decision = decide(sheet, prepared.own, fillsOf(wb, sheet, prepared.inspect), name, prepared.wanted, { notes: options.notes !== false });
    await wb.apply(sheet, decision.writes);
    const pageSetup = await printSetUp(wb, sheet, prepared.wanted.column, previous?.pageSetup);
    // The sheets that no longer exist are dropped once, at the end (per sheet, that is quadratic in the sheets).
    state = withSheetState(state, name, withPageSetup(keepingFilled(decision.state, name, previous?.filled), pageSetup));
    await done({ result: prepared.result, written: true });
  }
  await wb.writeState(existingOnly(state, names));
  return outcomes;
}

/**
 * Records reviewers' verdicts (复核意见) in the workbook's state; a check after it shows them in the notes and
 * the 复核结果 column (checkAndAnnotate), and the JSON and the exit code count the verified findings apart.
 * The state is read as the workbook was opened: save and open again before checking it in the same run.
 */
export async function recordVerdicts(wb: XlsxWorkbook, given: readonly { readonly sheet: string; readonly finding: KeyedFinding; readonly verdict: Verdict | null }[]): Promise<void> {
  let state = await wb.readState();
  for (const g of given) {
    const sheet = await wb.readSheet(g.sheet, { styles: false });
    state = withVerdict(state, g.sheet, g.finding, sheet.grid, g.verdict);
  }
  await wb.writeState(state);
}

/** The state without the entries of sheets that no longer exist (once per workbook: per sheet it is quadratic). */
function existingOnly(state: WorkbookState, names: readonly string[]): WorkbookState {
  const existing = new Set(names);
  return { ...state, sheets: state.sheets.filter((s) => existing.has(s.sheet)) };
}

/**
 * A sheet with the 复核结果 column is set up to print it with its table (A4 landscape, a scale that keeps
 * 8 pt); the setup it had first is returned for the state. A sheet that no longer gets the column has its
 * own setup back.
 */
async function printSetUp(wb: XlsxWorkbook, sheet: XlsxSheet, column: readonly ColumnCell[], original: string | undefined): Promise<string | undefined> {
  if (!column.length) {
    if (original !== undefined) await wb.restorePrint(sheet, original);
    return undefined;
  }
  const had = await wb.printWith(sheet, Math.max(...column.map((c) => c.col)));
  return original ?? had;
}

function withPageSetup(state: SheetState | undefined, pageSetup: string | undefined): SheetState | undefined {
  return state && pageSetup !== undefined ? { ...state, pageSetup } : state;
}

/**
 * 清除标记 on every sheet: gives back every original fill and note, takes away the 复核结果 column, and
 * keeps what 填写计算值 wrote (and its record, for 撤销填写): `filledKept` counts those cells.
 */
export async function clearMarks(wb: XlsxWorkbook): Promise<{ cleared: string[]; protected: string[]; cells: number; filledKept: number }> {
  let state = await wb.readState();
  const names = workSheets(wb);
  const cleared: string[] = [];
  const locked: string[] = [];
  let cells = 0;
  let filledKept = 0;
  for (const name of names) {
    const sheet = await wb.readSheet(name);
    const previous = sheetState(state, name);
    const { own, inspect } = prepareClear(sheet, previous);
    filledKept += filledStill(sheet.grid, previous?.filled);
    if (!own.column.size && !own.notes.size && !own.fills.size) continue;
    if (sheet.protected) {
      locked.push(name);
      continue;
    }
    const decision = decide(sheet, own, fillsOf(wb, sheet, inspect), name);
    await wb.apply(sheet, decision.writes);
    if (previous?.pageSetup !== undefined) await wb.restorePrint(sheet, previous.pageSetup);
    state = withSheetState(state, name, afterClear(previous, name));
    if (decision.writes.length) cleared.push(name);
    cells += decision.writes.length;
  }
  await wb.writeState(existingOnly(state, names));
  return { cleared, protected: locked, cells, filledKept };
}

export interface SheetUndo {
  readonly sheet: string;
  readonly restored: number;
  /** Filled cells the clerk changed since: kept as they are. */
  readonly kept: readonly string[];
  /** False when the sheet is protected: nothing was written on it. */
  readonly written: boolean;
}

/** 撤销填写 on every sheet (`selfeval fill --undo`): what core decides, carried out; the marks stay. */
export async function undoFills(wb: XlsxWorkbook): Promise<SheetUndo[]> {
  let state = await wb.readState();
  const names = workSheets(wb);
  const out: SheetUndo[] = [];
  for (const name of names) {
    const previous = sheetState(state, name);
    if (!previous?.filled?.length) continue;
    const sheet = await wb.readSheet(name);
    const undo = decideUndoFill(sheet.grid, previous.filled);
    const kept = undo.kept.map((k) => k.cell);
    if (sheet.protected) {
      out.push({ sheet: name, restored: 0, kept, written: false });
      continue;
    }
    await wb.setValues(sheet, undo.writes);
    state = withSheetState(state, name, keepingFilled(previous, name, undefined), names);
    out.push({ sheet: name, restored: undo.writes.length, kept, written: true });
  }
  await wb.writeState(state);
  return out;
}

/**
 * 填写计算值 on every sheet (the command line's `fill`): the computed cells filled where blank or wrong,
 * the old values kept in the state for 撤销填写. Returns each sheet's plan (what was written, what was not
 * and why); a protected sheet is planned and not written.
 */
export async function fillComputed(wb: XlsxWorkbook, options: AnnotateOptions = {}): Promise<{ plan: FillPlan; written: boolean }[]> {
  let state: WorkbookState = await wb.readState();
  const names = workSheets(wb);
  const out: { plan: FillPlan; written: boolean }[] = [];
  for (const name of names) {
    const sheet = await wb.readSheet(name);
    const previous = sheetState(state, name);
    const plan = planFill(prepareCheck(sheet, previous, options).result, sheet.grid, sheet.formulas);
    if (!plan.changes.length && !plan.skipped.length) continue;
    if (sheet.protected || !plan.changes.length) {
      out.push({ plan, written: false });
      continue;
    }
    await wb.setValues(sheet, fillWrites(plan.changes));
    state = withSheetState(state, name, keepingFilled(previous, name, withFilled(previous?.filled, plan.changes)), names);
    out.push({ plan, written: true });
  }
  await wb.writeState(state);
  return out;
}
