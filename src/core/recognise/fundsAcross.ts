/**
 * Funds written by source across (SPEC §2 "Shapes met since"):
 *   项目资金(万元) | 中央 | 省级 | 市县 | 合计
 *   预算数         |  50  |  30  |  20  | 100
 *   执行数         |  45  |  27  |  18  |  90
 *   执行率         | 90%  | 90%  | 90%  | 90%
 * The header names where the money comes from, the rows what each figure is: the 合计 column holds the total
 * budget, executed amount and rate; the sources are the split of it, one group whose sub-rows are the columns
 * (each source's 预算数 / 执行数 / 执行率 in its column), checked as FUND_SPLIT checks sub-rows. Read only where
 * every header word is a source or the total and each row's label says what its figures are; anything else is left
 * to the other readers.
 */
import { numberKind } from '../numbers';
import type { FundsBlock, FundsColumns } from '../table';
import { fundsRowOf } from './fundsRow';
import type { SheetView } from './sheetView';
import { type FundsMeaning, fundsMeaningOf, isFundsBand, parseColumnLabel } from './vocabulary';

/** Where the money comes from: 中央 / 省级 / 市县 / 地方 / 其他 (with 财政, 资金, 补助… after it). */
const SOURCE = /^(中央|省|省级|市|市级|县|县级|区|区级|市县|市县级|州|地方|其他|自筹|单位|社会)(财政)?(资金|补助|补助资金|拨款|投入|配套)?$/;
const TOTAL = /^(合计|小计|总计|合计数)$/;
/** The rows that may stand under such a header; past them the block ends. */
const MAX_ROWS = 6;

const coreOf = (label: string) => parseColumnLabel(label).core;

/**
 * Row r read as a sources-across header: its 合计 column (if it has one) and leftmost source column. Without a
 * 合计 no column is the total: the amounts under such a header are not to be read as label | value pairs either.
 */
export function sourcesHeaderAt(view: SheetView, r: number): { total?: number; firstSource: number; sources: readonly number[] } | undefined {
  const cols = view.labelCols(r);
  let total: number | undefined;
  const sources: number[] = [];
  for (const c of cols) {
    const core = coreOf(view.label(r, c));
    if (TOTAL.test(core) && total === undefined) total = c;
    else if (SOURCE.test(core)) sources.push(c);
    // A band word at the left ("项目资金(万元)", "资金来源") heads the block; any other word means another header.
    else if (sources.length || total !== undefined || !(isFundsBand(core) || /^资金(来源|构成)$/.test(core))) return undefined;
  }
  if (sources.length < 2 || (total !== undefined && sources.some((c) => c > total))) return undefined;
  return { total, firstSource: Math.min(...sources), sources };
}

function sourcesHeader(view: SheetView, r: number): { total: number; firstSource: number; sources: readonly number[] } | undefined {
  const h = sourcesHeaderAt(view, r);
  return h?.total === undefined ? undefined : { total: h.total, firstSource: h.firstSource, sources: h.sources };
}

/** What a row's figures are, from its label left of the sources: 预算数 / 执行数 / 执行率. */
function rowMeaning(view: SheetView, r: number, firstSource: number): FundsMeaning | undefined {
  const labels = view.labelCols(r).filter((c) => c < firstSource);
  if (labels.length === 0) return undefined;
  const label = labels.map((c) => view.label(r, c)).join('');
  return fundsMeaningOf(coreOf(label))?.meaning;
}

export function readSourcesAcross(view: SheetView, r: number): FundsBlock | undefined {
  const header = sourcesHeader(view, r);
  if (!header) return undefined;
  const rows = new Map<FundsMeaning, number>();
  let last = r;
  for (let s = r + 1; s < Math.min(view.rows, r + 1 + MAX_ROWS); s++) {
    const meaning = rowMeaning(view, s, header.firstSource);
    // A row that is not one of the block's amounts (or says the same again) ends it.
    if (!meaning || meaning === 'reason' || rows.has(meaning)) break;
    rows.set(meaning, s);
    last = s;
  }
  const budgetRow = rows.get('budget') ?? rows.get('initial');
  const executedRow = rows.get('executed');
  if (budgetRow === undefined || executedRow === undefined) return undefined;
  /** Column c's cell on the row that holds meaning k; a source column has no 分值 or 得分 of its own. */
  const cellOf = (c: number) => (k: FundsMeaning) => {
    const row = rows.get(k);
    return row === undefined || (c !== header.total && (k === 'weight' || k === 'score')) ? undefined : view.field(row, c);
  };
  const budget = view.field(budgetRow, header.total);
  const executed = view.field(executedRow, header.total);
  if (numberKind(budget.value) !== 'number' && numberKind(executed.value) !== 'number') return undefined;
  const columns: { -readonly [K in FundsMeaning]?: number } = {};
  for (const k of rows.keys()) columns[k] = header.total;
  const total = fundsRowOf(budgetRow, view.label(r, header.total), cellOf(header.total));
  const sources = header.sources.map((c) => fundsRowOf(budgetRow, view.label(r, c), cellOf(c)));
  return { headerRow: last, headerTop: r, columns: columns as FundsColumns, ratePercentHeader: false, total, groups: [sources], pairs: true };
}
