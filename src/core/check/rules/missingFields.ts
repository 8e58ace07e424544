/**
 * Rule 11: what the form asks for and the clerk left blank — 项目名称, 主管部门, 实施单位, the 年度总体目标's
 * 预期目标 and 实际完成情况, and an indicator's 实际完成值 where the indicator carries a 得分 (a score for a
 * result nobody wrote down). Never for a field the form does not have: recognition lists only the fields
 * whose labels the form shows.
 */
import { isBlank } from '../../grid';
import { shownOf } from '../figures';
import { subjectOf } from './indicatorScores';
import { rule } from './rule';

export const missingFields = rule('missingFields', ['MISSING_FIELD'], ({ table, figures, report, raised }) => {
  for (const asked of table.asked ?? []) {
    if (isBlank(asked.cell.value)) report('MISSING_FIELD', asked.cell, { field: asked.name });
  }
  for (const f of figures.indicators) {
    const ind = f.indicator;
    const score = shownOf(f.score);
    // A score of 0 credits nothing: only a positive score stands on a result.
    if (!ind.actual || !isBlank(ind.actual.value) || ind.actualMerged || !score || !score.value.gt(0)) continue;
    if (raised('MISSING_VALUE', ind.actual)) continue; // the 执行率 indicator's blank rate is said once
    report('MISSING_FIELD', ind.actual, { field: 'actual', subject: subjectOf(ind) });
  }
});
