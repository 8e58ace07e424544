/** Rule 11: a ≥ target exceeded by far (actual ≥ 120% of target): the target was likely set too low. */
import { Decimal, fmt2, showCell } from '../../numbers';
import { shownTarget, subjectOf } from './indicatorScores';
import { rule } from './rule';

const FAR = new Decimal('1.2');

export const targetExceeded = rule('targetExceeded', ['TARGET_EXCEEDED'], ({ figures, report }) => {
  for (const f of figures.indicators) {
    const { target, actual, indicator: ind } = f;
    if (target.kind !== 'quant' || actual.kind !== 'quant' || !ind.actual) continue;
    if (target.op !== '>=' && target.op !== '>') continue;
    if (!target.value.gt(0) || (target.unit && actual.unit && target.unit !== actual.unit)) continue;
    if (actual.value.lt(target.value.times(FAR))) continue;
    const shown = shownTarget(ind);
    report('TARGET_EXCEEDED', ind.actual, {
      subject: subjectOf(ind),
      target: shown,
      found: showCell(ind.actual.value, ind.actual.format),
      ratio: fmt2(actual.value.div(target.value).times(100)),
    });
  }
});
