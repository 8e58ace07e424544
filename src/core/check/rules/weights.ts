/**
 * Rule 4: indicator 分值 plus the 执行率 分值 add up to 100, and the 总分 row's 分值 equals that sum
 * (TOTAL_WEIGHT_MISMATCH is not raised when it shows 100 and the sum is not 100: that is WEIGHT_SUM_NOT_100 alone).
 */
import { Decimal, fmt2 } from '../../numbers';
import type { Field } from '../../table';
import { readCell } from '../figures';
import { rule } from './rule';

const HUNDRED = new Decimal(100);

export const weights = rule('weights', ['WEIGHT_SUM_NOT_100', 'TOTAL_WEIGHT_MISMATCH'], ({ table, figures, report }) => {
  const sum = figures.weightSum;
  if (sum === null) return;
  const totalWeight = readCell(table.totalRow?.weight);
  // The 总分 row's 分值; the 执行率 分值 where there is none. (A sum other than 100 needs a 执行率 分值: a form whose
  // 执行率 has no points of its own is scored on indicators worth 100, so there is always one of the two.)
  const at: Field | undefined = totalWeight.kind === 'number' ? totalWeight.field : figures.funds.weight?.field;
  if (!sum.eq(HUNDRED) && at) report('WEIGHT_SUM_NOT_100', at, { found: fmt2(sum) });
  if (totalWeight.kind !== 'number') return;
  const shown = totalWeight.shown.value;
  if (!shown.eq(sum) && !(shown.eq(HUNDRED) && !sum.eq(HUNDRED))) {
    report('TOTAL_WEIGHT_MISMATCH', totalWeight.field, { expected: fmt2(sum), found: fmt2(shown) });
  }
});
