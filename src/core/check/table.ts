/**
 * One table, all rules: the figures are read once, then every rule of the registry runs over them
 * (SPEC §3, §4). What could not be checked is said once, in `skipped`.
 */
import type { FindingCode } from '../findings';
import type { Field, Table } from '../table';
import { FindingList } from './findingsList';
import { type TableFigures, shownOf, tableFigures } from './figures';
import type { CheckOptions, Skip, TableResult } from './result';
import { TABLE_RULES } from './rules';

export { gradeFor } from './figures';

function skipped(table: Table, figures: TableFigures): Skip[] {
  const read = skippedReading(table, figures);
  return fieldsOf(table).some((f) => f.notComputed) ? [...read, 'formulaNotComputed'] : read;
}

function skippedReading(table: Table, figures: TableFigures): Skip[] {
  const cols = table.columns.indicators;
  const out: Skip[] = [];
  if (!table.funds && !figures.executionIndicator) out.push('noFunds');
  if (!table.indicators.length) out.push('noIndicators');
  if (!figures.funds.weight && table.funds?.columns.weight === undefined && (table.funds || table.indicators.length)) out.push('noExecWeight');
  // A 权重 column and no 得分 beside it (the word lost): the score the weight gives is not checked, and said so.
  else if (table.funds?.columns.weight !== undefined && table.funds.columns.score === undefined && !table.funds.total.score && !figures.executionIndicator) out.push('noExecScoreColumn');
  // Without indicators, what their columns would have allowed is said once, as 无绩效指标.
  if (!table.indicators.length) return [...out, ...(figures.weightSum && !figures.weightSum.eq(100) ? (['weightsNot100'] as const) : [])];
  if (cols.weight === undefined) out.push('noWeightColumn');
  if (cols.score === undefined) out.push('noScoreColumn');
  else if (!table.totalRow && !table.headerTotal) out.push('noTotalRow');
  if (cols.reason === undefined && cols.weight !== undefined && cols.score !== undefined) out.push('noReasonColumn');
  if (figures.weightSum && !figures.weightSum.eq(100)) out.push('weightsNot100');
  return out;
}

/** The cells the checks read: the funds' total row, each indicator's 分值 and 得分, the 总分 row. */
function fieldsOf(table: Table): Field[] {
  const t = table.funds?.total;
  const cells = [t?.initial, t?.budget, t?.executed, t?.rate, t?.weight, t?.score, table.totalRow?.weight, table.totalRow?.score, table.grade];
  for (const ind of table.indicators) cells.push(ind.weight, ind.score);
  return cells.filter((f): f is Field => f !== undefined);
}

export function checkTable(table: Table, options: CheckOptions = {}): TableResult {
  const out = new FindingList();
  const figures = tableFigures(table);
  const raised = (code: FindingCode, at?: Pick<Field, 'row' | 'col'>) =>
    out.items.some((f) => f.code === code && (!at || (f.row === at.row && f.col === at.col)));
  for (const rule of TABLE_RULES) {
    rule.check({ table, figures, reverseFormula: options.reverseFormula ?? 'ratio', report: (code, at, params) => out.add(code, at, params), raised });
  }
  const shownTotal = shownOf(figures.shownTotal);
  return {
    table,
    budget: shownOf(figures.funds.budget)?.value ?? null,
    executed: shownOf(figures.funds.executed)?.value ?? null,
    executionRate: figures.funds.rate,
    executionWeight: figures.funds.weight?.value ?? null,
    executionScore: figures.funds.score,
    indicatorWeight: figures.indicatorWeight,
    indicatorScore: figures.indicatorScore,
    total: figures.total,
    grade: figures.grade,
    shownTotal: shownTotal ? shownTotal.value : null,
    shownGrade: figures.shownGrade,
    findings: [...out.items].sort((a, b) => a.row - b.row || a.col - b.col),
    skipped: skipped(table, figures),
  };
}
