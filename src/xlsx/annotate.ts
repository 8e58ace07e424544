/**
 * The .xlsx host, writing side (SPEC §5): carries out core's decision on every sheet — marks with notes,
 * the 复核结果 column, the state that lets 清除标记 give everything back — by patching the package.
 * A protected sheet is checked and not written to.
 */
import type { Lang } from '../core/findings';
import type { SheetResult } from '../core/engine';
import type { CheckOptions } from '../core/check/result';
import { decide } from '../core/annotate/decide';
import type { Fill } from '../core/annotate/fill';
import { prepareCheck, prepareClear } from '../core/annotate/run';
import { type WorkbookState, keepingFilled, sheetState, withSheetState } from '../core/annotate/state';
import { type FillPlan, fillWrites, planFill, undoFilled, withFilled } from '../core/annotate/fillIn';
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
    // The sheets that no longer exist are dropped once, at the end (per sheet, that is quadratic in the sheets).
    state = withSheetState(state, name, keepingFilled(decision.state, name, previous?.filled));
    await done({ result: prepared.result, written: true });
  }
  await wb.writeState(existingOnly(state, names));
  return outcomes;
}

/** The state without the entries of sheets that no longer exist (once per workbook: per sheet it is quadratic). */
function existingOnly(state: WorkbookState, names: readonly string[]): WorkbookState {
  const existing = new Set(names);
  return { ...state, sheets: state.sheets.filter((s) => existing.has(s.sheet)) };
}

/** 清除标记 on every sheet: gives back every original fill and note, takes away the 复核结果 column. */
export async function clearMarks(wb: XlsxWorkbook): Promise<{ cleared: string[]; protected: string[]; cells: number }> {
  let state = await wb.readState();
  const names = workSheets(wb);
  const cleared: string[] = [];
  const locked: string[] = [];
  let cells = 0;
  for (const name of names) {
    const sheet = await wb.readSheet(name);
    const { own, inspect } = prepareClear(sheet, sheetState(state, name));
    const restore = undoFilled(sheet.grid, sheetState(state, name)?.filled);
    if (!own.column.size && !own.notes.size && !own.fills.size && !restore.length) continue;
    if (sheet.protected) {
      locked.push(name);
      continue;
    }
    const decision = decide(sheet, own, fillsOf(wb, sheet, inspect), name);
    await wb.apply(sheet, decision.writes);
    await wb.setValues(sheet, restore);
    state = withSheetState(state, name, undefined);
    const touched = new Set([...decision.writes, ...restore].map((w) => w.cell)).size;
    if (touched) cleared.push(name);
    cells += touched;
  }
  await wb.writeState(existingOnly(state, names));
  return { cleared, protected: locked, cells };
}

/**
 * 填写计算值 on every sheet (the command line's `fill`): the computed cells filled where blank or wrong,
 * the old values kept in the state for 清除标记. Returns each sheet's plan (what was written, what was not
 * and why); a protected sheet is planned and not written.
 */
export async function fillComputed(wb: XlsxWorkbook, options: AnnotateOptions = {}): Promise<{ plan: FillPlan; written: boolean }[]> {
  let state: WorkbookState = await wb.readState();
  const names = workSheets(wb);
  const out: { plan: FillPlan; written: boolean }[] = [];
  for (const name of names) {
    const sheet = await wb.readSheet(name);
    const previous = sheetState(state, name);
    const plan = planFill(prepareCheck(sheet, previous, options).result, sheet.grid);
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
