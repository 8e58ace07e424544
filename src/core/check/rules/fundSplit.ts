/**
 * Rule 3: the funds sub-rows (当年财政拨款 + 上年结转资金 + 其他资金) add up to 年度资金总额, column by column,
 * where they are filled in: a blank sub-row counts as 0 once another sub-row of that column has a number;
 * a column whose sub-rows are all blank is not checked, and one with a part that cannot be read is not checked
 * either, but said (UNPARSEABLE at that part, never a mismatch from a guess).
 */
import { type Interval, Decimal, add, amountInterval, fmt2, overlaps, point } from '../../numbers';
import type { SplitColumn } from '../../findings';
import { type Cell, readCell } from '../figures';
import { rule } from './rule';

const COLUMNS: readonly SplitColumn[] = ['initial', 'budget', 'executed'];

export const fundSplit = rule('fundSplit', ['FUND_SPLIT_MISMATCH', 'UNPARSEABLE'], ({ table, figures, report }) => {
  const funds = table.funds;
  if (!funds) return;
  for (const column of COLUMNS) {
    const totalCell = readCell(funds.total[column], figures.unit);
    if (totalCell.kind !== 'number') continue;
    const total = amountInterval(totalCell.shown);
    for (const group of funds.groups) {
      const cells = group.map((row) => readCell(row[column], figures.unit));
      const unreadable = cells.find((c) => c.kind === 'unreadable');
      if (unreadable?.kind === 'unreadable' && !unreadable.field.notComputed) {
        report('UNPARSEABLE', unreadable.field, { reason: 'splitPart', subject: group[cells.indexOf(unreadable)]?.label, found: unreadable.text });
      }
      if (unreadable || !cells.some((c) => c.kind === 'number')) continue;
      const sum = sumOf(cells);
      // Two lists one after the other (by kind, then by source) each add up to the total: no mismatch.
      if (overlaps(sum.interval, total) || addsUpInTwo(cells, total)) continue;
      const group0 = funds.groups.length > 1 ? group[0]!.label.replace(/[:：].*$/, '') : undefined;
      report('FUND_SPLIT_MISMATCH', totalCell.field, { column, group: group0, expected: fmt2(sum.exact), found: fmt2(totalCell.shown.value), unit: figures.unit });
    }
  }
});

/** The sum of the cells that hold a number (a blank sub-row counts as 0 once another one has a number). */
function sumOf(cells: readonly Cell[]): { interval: Interval; exact: Decimal } {
  let interval: Interval = point(new Decimal(0));
  let exact = new Decimal(0);
  for (const c of cells) {
    if (c.kind !== 'number') continue;
    interval = add(interval, amountInterval(c.shown));
    exact = exact.plus(c.shown.value);
  }
  return { interval, exact };
}

function addsUpInTwo(cells: readonly Cell[], total: Interval): boolean {
  for (let k = 1; k < cells.length; k++) {
    const head = cells.slice(0, k);
    const tail = cells.slice(k);
    if (!head.some((c) => c.kind === 'number') || !tail.some((c) => c.kind === 'number')) continue;
    if (overlaps(sumOf(head).interval, total) && overlaps(sumOf(tail).interval, total)) return true;
  }
  return false;
}
