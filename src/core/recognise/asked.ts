/**
 * What the form asks the clerk to fill in above its blocks (SPEC rule 11): the 年度总体目标's 预期目标 and
 * 实际完成情况. Read only where the form lays them out as sub-labels side by side with their texts on the row
 * below: a form without that block asks for nothing, and a layout not read here is not checked.
 */
import type { Field } from '../table';
import type { SheetView } from './sheetView';

const GOAL_TARGET = /^(预期目标|年初设定目标|总体目标|项目年度目标|年度目标)$/;
const GOAL_ACTUAL = /^(实际完成情况|全年实际完成情况|年度总体目标完成情况综述|年度目标完成情况|目标完成情况)$/;

export interface GoalCells {
  readonly target: Field;
  readonly actual: Field;
}

/** The value cells under the 预期目标 / 实际完成情况 sub-labels, looked for in rows [from, to). */
export function readGoals(view: SheetView, from: number, to: number): GoalCells | undefined {
  for (let r = from; r < to; r++) {
    const cols = view.labelCols(r);
    const targets = cols.filter((c) => GOAL_TARGET.test(view.label(r, c)));
    const actuals = cols.filter((c) => GOAL_ACTUAL.test(view.label(r, c)));
    const [t] = targets;
    const [a] = actuals;
    if (targets.length !== 1 || actuals.length !== 1 || t === undefined || a === undefined || t >= a) continue;
    const below = Math.max(view.mergeAt(r, t)?.bottom ?? r, view.mergeAt(r, a)?.bottom ?? r) + 1;
    if (below >= to) return undefined;
    return { target: view.field(below, t), actual: view.field(below, a) };
  }
  return undefined;
}

/**
 * The cell a header label's value belongs in: the first cell right of the label (past its merged area),
 * where the label stands with nothing to its right. Undefined at the sheet's edge.
 */
export function valueCellRightOf(view: SheetView, r: number, c: number): Field | undefined {
  const right = (view.mergeAt(r, c)?.right ?? c) + 1;
  return right < view.cols ? view.field(r, right) : undefined;
}
