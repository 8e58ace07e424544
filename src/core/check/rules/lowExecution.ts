/**
 * Rule 11: an 执行率 below 90% needs its reason where the form asks for one (the Sichuan form's funds block:
 * "预算执行率未达到90%的需说明原因").
 */
import { isBlank } from '../../grid';
import { fmt2 } from '../../numbers';
import { isFillerReason } from './reasons';
import { rule } from './rule';

export const lowExecution = rule('lowExecution', ['LOW_EXECUTION_NO_REASON'], ({ table, figures, report }) => {
  const rate = figures.funds.rate;
  const reason = figures.executionIndicator?.indicator.reason ?? table.funds?.total.reason;
  if (rate === null || !reason || !rate.lt(90)) return;
  if (isBlank(reason.value) || isFillerReason(reason.value)) report('LOW_EXECUTION_NO_REASON', reason, { found: `${fmt2(rate)}%` });
});
