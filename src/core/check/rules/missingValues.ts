/**
 * MISSING_VALUE: a cell the rules need is blank or unreadable (SPEC §4) — 预算数, 执行数, the 执行率
 * 分值 and 得分, each indicator's 分值 and 得分, the 总分. Each blank is reported once; the figures that
 * need it are then null.
 */
import type { FieldName } from '../../findings';
import type { Cell } from '../figures';
import { readCell } from '../figures';
import { rule } from './rule';

export const missingValues = rule('missingValues', ['MISSING_VALUE'], ({ table, figures, report }) => {
  /** Required: blank, "—" or junk is reported. */
  const need = (c: Cell, field: FieldName) => {
    // A formula with no result is no missing value: the table says its formulas were not computed (skipped).
    if (c.kind === 'absent' || c.kind === 'number' || c.field.notComputed) return;
    report('MISSING_VALUE', c.field, { field, found: c.kind === 'unreadable' ? c.text : undefined });
  };
  /** Optional: only junk is reported ("#REF!" where a rate or a total weight should be). */
  const readable = (c: Cell, field: FieldName) => {
    if (c.kind === 'unreadable' && !c.field.notComputed) report('MISSING_VALUE', c.field, { field, found: c.text });
  };
  const f = figures.funds;
  need(f.budget, 'budget');
  need(f.executed, 'executed');
  need(f.weightCell, 'execWeight');
  need(f.shownScore, 'execScore');
  readable(readCell(table.funds?.total.rate), 'rate');
  for (const ind of figures.indicators) {
    need(ind.weight, 'weight');
    need(ind.score, 'score');
  }
  readable(readCell(table.totalRow?.weight), 'totalWeight');
  need(figures.shownTotal, 'total');
});
