/**
 * Rule 5: 总分 得分 = 执行率得分 + Σ indicator 得分, against the one recomputed total (the same figure the
 * report, the pane and the 复核结果 column show).
 */
import { amountInterval, fmt2, overlaps } from '../../numbers';
import { rule } from './rule';

export const total = rule('total', ['TOTAL_MISMATCH'], ({ figures, report }) => {
  const shown = figures.shownTotal;
  if (shown.kind !== 'number' || !figures.totalInterval || figures.expectedTotal === null) return;
  if (!overlaps(figures.totalInterval, amountInterval(shown.shown))) {
    report('TOTAL_MISMATCH', shown.field, { expected: fmt2(figures.expectedTotal), found: fmt2(shown.shown.value) });
  }
});
