/**
 * Rule 3: the funds sub-rows (当年财政拨款 + 上年结转资金 + 其他资金) add up to 年度资金总额, column by column,
 * where they are filled in: a blank sub-row counts as 0 once another sub-row of that column has a number;
 * a column whose sub-rows are all blank is not checked.
 */
import { type Interval, Decimal, add, amountInterval, fmt2, overlaps, point } from '../../numbers';
import type { SplitColumn } from '../../findings';
import { readCell } from '../figures';
import { rule } from './rule';

const COLUMNS: readonly SplitColumn[] = ['initial', 'budget', 'executed'];

export const fundSplit = rule('fundSplit', ['FUND_SPLIT_MISMATCH'], ({ table, figures, report }) => {
  const funds = table.funds;
  if (!funds) return;
  for (const column of COLUMNS) {
    const totalCell = readCell(funds.total[column], figures.unit);
    if (totalCell.kind !== 'number') continue;
    for (const group of funds.groups) {
      let sum: Interval = point(new Decimal(0));
      let exact = new Decimal(0);
      let filled = 0;
      let readable = true;
      for (const row of group) {
        const c = readCell(row[column], figures.unit);
        if (c.kind === 'number') {
          sum = add(sum, amountInterval(c.shown));
          exact = exact.plus(c.shown.value);
          filled++;
        } else if (c.kind === 'unreadable') readable = false;
      }
      if (filled === 0 || !readable || overlaps(sum, amountInterval(totalCell.shown))) continue;
      const group0 = funds.groups.length > 1 ? group[0]!.label.replace(/[:：].*$/, '') : undefined;
      report('FUND_SPLIT_MISMATCH', totalCell.field, { column, group: group0, expected: fmt2(exact), found: fmt2(totalCell.shown.value), unit: figures.unit });
    }
  }
});
