/** Rule 11: a number target ("≤30万元") needs a number as its actual, not a word ("完成"). */
import { showCell } from '../../numbers';
import { shownTarget, subjectOf } from './indicatorScores';
import { rule } from './rule';

export const actualNotNumber = rule('actualNotNumber', ['ACTUAL_NOT_NUMBER'], ({ figures, report }) => {
  for (const f of figures.indicators) {
    const ind = f.indicator;
    if (f.target.kind !== 'quant' || !ind.actual) continue;
    if (f.actual.kind !== 'level' && f.actual.kind !== 'text') continue;
    const target = shownTarget(ind);
    report('ACTUAL_NOT_NUMBER', ind.actual, { subject: subjectOf(ind), target, found: showCell(ind.actual.value, ind.actual.format) });
  }
});
