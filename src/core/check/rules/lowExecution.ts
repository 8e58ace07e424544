/**
 * Rule 11: an 执行率 below 90% needs its reason where the form asks for one (the Sichuan form's funds block:
 * "预算执行率未达到90%的需说明原因"). On a form with no reason cell it is raised all the same, at the shown rate
 * (or the 执行数), saying the form has no place for the reason: a reviewer must still see a 2.67% execution.
 */
import { isBlank } from '../../grid';
import { fmt2 } from '../../numbers';
import { isFillerReason } from './reasons';
import { rule } from './rule';

export const lowExecution = rule('lowExecution', ['LOW_EXECUTION_NO_REASON'], ({ table, figures, report, raised }) => {
  const rate = figures.funds.rate;
  if (rate === null || !rate.lt(90)) return;
  const found = `${fmt2(rate)}%`;
  // The 执行率 scored as an indicator row gives its reason in that row.
  const asIndicator = figures.executionIndicator?.indicator;
  const total = table.funds?.total;
  const reason = asIndicator ? asIndicator.reason : total?.reason;
  if (!reason) {
    const at = asIndicator ? asIndicator.actual : (total?.rate ?? total?.executed);
    if (at) report('LOW_EXECUTION_NO_REASON', at, { found, noReasonCell: true });
    return;
  }
  // A deduction without a reason on the same row is said once, as MISSING_REASON.
  if (asIndicator && raised('MISSING_REASON', reason)) return;
  if (isBlank(reason.value) || isFillerReason(reason.value)) report('LOW_EXECUTION_NO_REASON', reason, { found });
});
