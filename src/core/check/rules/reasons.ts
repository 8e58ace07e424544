/**
 * Rule 8 and its rule-11 neighbour: a deduction (得分 < 分值) needs a reason in 偏差原因分析及改进措施, and
 * a reason that is only a filler word (无, 暂无, /, —, 同上 …) is no reason.
 */
import { isBlank } from '../../grid';
import { displayText, normalizeLabel } from '../../text';
import type { CellValue } from '../../grid';
import { fmt2 } from '../../numbers';
import { shownOf } from '../figures';
import { subjectOf } from './indicatorScores';
import { rule } from './rule';

/** SPEC rule 11's words that say nothing: 无, 暂无, 没有, 不适用, /, —, -, 0, 同上, 见上. */
export function isFillerReason(v: CellValue): boolean {
  if (typeof v === 'number') return v === 0;
  if (typeof v !== 'string') return false;
  const t = normalizeLabel(v).replace(/[。.,，;；!！]+$/, '');
  return /^(无|暂无|没有|不适用|同上|见上|0|[-—–―‐/\\]+)$/.test(t);
}

export const reasons = rule('reasons', ['MISSING_REASON', 'EMPTY_REASON'], ({ table, figures, report }) => {
  if (table.columns.indicators.reason === undefined) return; // no column to give a reason in: said once in `skipped`
  for (const f of figures.indicators) {
    const weight = shownOf(f.weight);
    const score = shownOf(f.score);
    if (!weight || !score || !score.value.lt(weight.value)) continue;
    const ind = f.indicator;
    const subject = subjectOf(ind);
    const cell = ind.reason ?? { row: ind.row, col: ind.reasonCol! };
    const value = ind.reason?.value ?? null;
    if (isBlank(value)) report('MISSING_REASON', cell, { subject, expected: fmt2(weight.value), found: fmt2(score.value) });
    else if (isFillerReason(value)) report('EMPTY_REASON', cell, { subject, found: displayText(value) });
  }
});
