/**
 * Rules 1 and 2: 执行率 = 执行数 ÷ 预算数 (on the total row, and on sub-rows and 年度主要任务 rows that show
 * their own), 执行率得分 = 分值 × min(执行率, 100%), over-execution reported and capped.
 */
import { amountInterval, fmt2, overlaps, readNumber } from '../../numbers';
import type { FundsRow } from '../../table';
import { type RateCheck, rateCheckOf, shownOf } from '../figures';
import { rule } from './rule';

function showRate(c: RateCheck): string {
  return `${c.shown.value.toFixed(Math.max(0, c.shown.decimals))}%`;
}

export const executionRate = rule(
  'executionRate',
  ['OVER_EXECUTION', 'UNPARSEABLE', 'EXEC_RATE_MISMATCH', 'EXEC_SCORE_MISMATCH'],
  ({ table, figures, report }) => {
    const f = figures.funds;
    const budget = shownOf(f.budget);
    const executed = shownOf(f.executed);
    if (budget && executed && f.budget.kind === 'number' && f.executed.kind === 'number') {
      if (executed.value.gt(budget.value)) {
        report('OVER_EXECUTION', f.executed.field, { expected: fmt2(budget.value), found: fmt2(executed.value), unit: figures.unit });
      }
      if (budget.value.isZero()) report('UNPARSEABLE', f.budget.field, { reason: 'noRate' });
    }
    const rateCheck = f.rateCheck;
    if (rateCheck && !rateCheck.consistent) {
      report('EXEC_RATE_MISMATCH', rateCheck.field, { expected: `${fmt2(rateCheck.exact)}%`, found: showRate(rateCheck) });
    }
    const shownScore = shownOf(f.shownScore);
    if (shownScore && f.shownScore.kind === 'number' && f.score !== null && f.scoreInterval && !overlaps(amountInterval(shownScore), f.scoreInterval)) {
      report('EXEC_SCORE_MISMATCH', f.shownScore.field, { expected: fmt2(f.score), found: fmt2(shownScore.value) });
    }
    // Sub-rows (Sichuan, department-wide) and 年度主要任务 rows that show their own rate.
    const rows: [readonly FundsRow[], boolean][] = [[table.funds?.groups.flat() ?? [], !!table.funds?.ratePercentHeader], [table.tasks ?? [], false]];
    for (const [list, percentHeader] of rows) {
      for (const row of list) {
        const b = readNumber((row.budget ?? row.initial)?.value ?? null, (row.budget ?? row.initial)?.format);
        const e = readNumber(row.executed?.value ?? null, row.executed?.format);
        if (b.kind !== 'number' || e.kind !== 'number' || b.shown.value.isZero()) continue;
        const { check } = rateCheckOf(row, b.shown, e.shown, percentHeader);
        if (check && !check.consistent) report('EXEC_RATE_MISMATCH', check.field, { expected: `${fmt2(check.exact)}%`, found: showRate(check) });
      }
    }
  },
);
