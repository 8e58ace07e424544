/** Rule 11: a weighted indicator that is no indicator — its 三级指标 and 年度指标值 both 无 or blank, with 分值 > 0. */
import { isBlank } from '../../grid';
import { labelOf } from '../../text';
import { fmt2 } from '../../numbers';
import type { Field } from '../../table';
import { isPromptText } from '../../recognise/vocabulary';
import { shownOf } from '../figures';
import { rule } from './rule';

function empty(f: Field | undefined): boolean {
  return !f || isBlank(f.value) || (typeof f.value === 'string' && isPromptText(labelOf(f.value)));
}

export const emptyIndicator = rule('emptyIndicator', ['EMPTY_INDICATOR'], ({ figures, report }) => {
  for (const f of figures.indicators) {
    const weight = shownOf(f.weight);
    const ind = f.indicator;
    if (!weight || !weight.value.gt(0) || !ind.level3Cell) continue;
    if (empty(ind.level3Cell) && empty(ind.target)) {
      report('EMPTY_INDICATOR', ind.level3Cell, { subject: ind.level2 || ind.level1, weight: fmt2(weight.value) });
    }
  }
});
