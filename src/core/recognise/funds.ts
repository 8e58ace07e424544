/**
 * The funds block (项目资金 / 预算情况 / 预算执行情况) and the department-wide 年度主要任务 rows.
 */
import { readNumber } from '../numbers';
import type { Field, FundsBlock, FundsColumns, FundsRow } from '../table';
import { fundsColumnOf, isAfterFundsLabel, isFundsRowLabel, startsFundsGroup } from './labels';
import { type SheetView, isFundsHeader, isIndicatorHeader } from './sheetView';

export function readFunds(view: SheetView, headerRow: number, limit: number): { block: FundsBlock } | { reason: 'noFundsTotal' | 'noAmountColumns' } {
  const columns: { -readonly [K in keyof FundsColumns]: number } = {};
  let ratePercentHeader = false;
  for (const c of view.labelCols(headerRow)) {
    const label = view.label(headerRow, c);
    const kind = fundsColumnOf(label);
    if (!kind || columns[kind] !== undefined) continue;
    columns[kind] = c;
    if (kind === 'rate' && /%/.test(label)) ratePercentHeader = true;
  }
  const amountCols = [columns.initial, columns.annual, columns.executed].filter((c): c is number => c !== undefined);
  if (amountCols.length === 0) return { reason: 'noAmountColumns' };
  const firstAmount = Math.min(...amountCols);

  const rows: FundsRow[] = [];
  for (let r = headerRow + 1; r < Math.min(limit, headerRow + 14); r++) {
    if (view.rowBlank(r)) {
      if (rows.length) break;
      continue;
    }
    const label = view
      .labelCols(r)
      .filter((c) => c < firstAmount)
      .map((c) => view.label(r, c))
      .join('');
    if (isAfterFundsLabel(label) || isIndicatorHeader(view, r) || isFundsHeader(view, r)) break;
    const hasNumber = amountCols.some((c) => readNumber(view.field(r, c).value).kind === 'number');
    if (!hasNumber && !isFundsRowLabel(label)) break;
    const pick = (c: number | undefined): Field | undefined => (c === undefined ? undefined : view.field(r, c));
    rows.push({
      row: r,
      label,
      initial: pick(columns.initial),
      annual: pick(columns.annual),
      executed: pick(columns.executed),
      weight: pick(columns.weight),
      rate: pick(columns.rate),
      score: pick(columns.score),
    });
  }
  const total = rows[0];
  if (!total || /^其中/.test(total.label)) return { reason: 'noFundsTotal' };
  const groups: FundsRow[][] = [];
  for (const row of rows.slice(1)) {
    if (groups.length === 0 || startsFundsGroup(row.label)) groups.push([]);
    groups[groups.length - 1]!.push(row);
  }
  return { block: { headerRow, columns, ratePercentHeader, total, groups, statedWeight: undefined } };
}

/** 年度主要任务: 任务名称 | 主要内容 | 预算资金 | 其中：财政资金 | 任务完成情况 | 预算执行数 | 其中：财政资金 | 预算执行率. */
export function readTasks(view: SheetView, start: number, fundsRow: number): FundsRow[] {
  for (let h = start; h < fundsRow; h++) {
    const cols = view.labelCols(h);
    const find = (re: RegExp) => cols.find((c) => re.test(view.label(h, c)));
    const budget = find(/^预算资金|^预算数|^全年预算/);
    const executed = find(/^预算执行数|^执行数/);
    const rate = find(/执行率/);
    if (budget === undefined || executed === undefined || rate === undefined) continue;
    const rows: FundsRow[] = [];
    for (let r = h + 1; r < fundsRow; r++) {
      if (view.rowBlank(r)) continue;
      if (readNumber(view.field(r, budget).value).kind !== 'number' && readNumber(view.field(r, executed).value).kind !== 'number') break;
      const label = view.labelCols(r).filter((c) => c < budget).map((c) => view.label(r, c)).join('');
      rows.push({ row: r, label, annual: view.field(r, budget), executed: view.field(r, executed), rate: view.field(r, rate) });
    }
    return rows;
  }
  return [];
}
