/**
 * The funds block (项目资金 / 预算情况 / 预算执行情况) and the department-wide 年度主要任务 rows.
 */
import { numberKind, readNumber } from '../numbers';
import type { Field, FundsBlock, FundsColumns, FundsRow, StatedWeight } from '../table';
import type { Header } from './header';
import { readHeader } from './header';
import {
  type FundsMeaning,
  fundsMeaningOf,
  isAfterFundsLabel,
  isFundsBand,
  isFundsRowLabel,
  isFundsTotalLabel,
  isTotalLabel,
  onVocabularyChange,
  parseColumnLabel,
  startsFundsGroup,
} from './vocabulary';
import type { SheetView } from './sheetView';
import { fundsRowOf } from './fundsRow';
import { readSourcesAcross, sourcesHeaderAt } from './fundsAcross';

const AMOUNTS: readonly FundsMeaning[] = ['initial', 'budget', 'executed'];

/** How many rows a funds block may run to (the national form has 4, department-wide ones up to 10). */
const MAX_FUNDS_ROWS = 16;

export type FundsRead = { readonly block: FundsBlock } | { readonly reason: 'noFundsTotal' | 'noAmountColumns' };

export function readFunds(view: SheetView, header: Header<FundsMeaning>, limit: number): FundsRead {
  const columns: { -readonly [K in FundsMeaning]?: number } = {};
  for (const [meaning, h] of Object.entries(header.columns) as [FundsMeaning, { col: number }][]) columns[meaning] = h.col;
  const amountCols = AMOUNTS.map((k) => columns[k]).filter((c): c is number => c !== undefined);
  if (amountCols.length === 0) return { reason: 'noAmountColumns' };
  const firstColumn = Math.min(...Object.values(columns).filter((c): c is number => c !== undefined));
  const rows = readRows(view, header.bottom + 1, Math.min(limit, header.bottom + 1 + MAX_FUNDS_ROWS), columns, amountCols, firstColumn);

  const total = rows[0];
  // The first row is the total; a sub-row's label there ("其中：财政拨款", "上年结转资金") means the total is missing.
  const subLabel = (l: string) => /^其中/.test(l) || (isFundsRowLabel(l) && !isFundsTotalLabel(l) && !isTotalLabel(l));
  if (!total || subLabel(total.label)) return { reason: 'noFundsTotal' };
  const groups: FundsRow[][] = [];
  for (const row of rows.slice(1)) {
    // A second 其中 list (by kind, then by source: 中央 / 省级 / 市县) adds up to the total on its own.
    const secondList = /^其中/.test(row.label) && (groups[groups.length - 1]?.length ?? 0) > 0;
    if (groups.length === 0 || startsFundsGroup(row.label) || secondList) groups.push([]);
    groups[groups.length - 1]!.push(row);
  }
  const scoreHeader = header.columns.score ?? header.columns.weight;
  const headerWeight: StatedWeight | undefined = scoreHeader?.points
    ? { field: view.field(scoreHeader.row, scoreHeader.col), label: scoreHeader.label, points: scoreHeader.points }
    : undefined;
  const block: FundsBlock = {
    headerRow: header.bottom,
    headerTop: header.top,
    columns: columns as FundsColumns,
    ratePercentHeader: !!header.columns.rate?.percent,
    total,
    groups,
    headerWeight,
  };
  return { block };
}

function readRows(
  view: SheetView,
  from: number,
  to: number,
  columns: FundsColumns,
  amountCols: readonly number[],
  firstColumn: number,
): FundsRow[] {
  const rows: FundsRow[] = [];
  const sideCols = (['weight', 'rate', 'score'] as const).map((k) => columns[k]).filter((c): c is number => c !== undefined);
  const sideStart = sideCols.length ? Math.min(...sideCols) : Infinity;
  for (let r = from; r < to; r++) {
    if (view.rowBlank(r)) {
      if (rows.length) break;
      continue;
    }
    const { cols: labelCols, labels } = view.labelsOf(r);
    let label = '';
    for (let i = 0; i < labelCols.length; i++) if (labelCols[i]! < firstColumn) label += labels[i]!;
    if (isAfterFundsLabel(label) || readHeader(view, r, 'indicators') || readHeader(view, r, 'funds')) break;
    const hasNumber = amountCols.some((c) => {
      const f = view.field(r, c);
      return numberKind(f.value) === 'number';
    });
    if (!hasNumber && !isFundsRowLabel(label)) break;
    // The 部门决算 form lists a second split beside the first ("按收入性质分 … | 按支出性质分", "其中：基本支出："
    // under 分值 / 执行率): a word there on a sub-row is that list, not this row's rate or score.
    const besideList = rows.length > 0 && labelCols.some((c) => c >= sideStart && c !== columns.reason && numberKind(view.field(r, c).value) === 'unreadable');
    const at = (k: FundsMeaning): Field | undefined =>
      columns[k] === undefined || (besideList && (k === 'weight' || k === 'rate' || k === 'score')) ? undefined : view.field(r, columns[k]);
    rows.push(fundsRowOf(r, label, at));
  }
  return rows;
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
      if (numberKind(view.field(r, budget).value) !== 'number' && numberKind(view.field(r, executed).value) !== 'number') break;
      const label = view.labelCols(r).filter((c) => c < budget).map((c) => view.label(r, c)).join('');
      rows.push({ row: r, label, budget: view.field(r, budget), executed: view.field(r, executed), rate: view.field(r, rate) });
    }
    return rows;
  }
  return [];
}

/** A label | value pair of the funds: "计划投资额 | 570", "实际使用情况 | 395.86", "执行率 | 69.45%". */
interface Pair {
  readonly meaning: FundsMeaning;
  readonly labelCol: number;
  readonly value: Field;
}

/** A row made of pairs only: each label cell a funds word with its value beside it. */
function onlyPairs(view: SheetView, r: number): Pair[] {
  const pairs = pairsOn(view, r);
  const labels = view.labelCols(r).filter((c) => !pairs.some((p) => p.value.col === c));
  return pairs.length && labels.length === pairs.length ? pairs : [];
}

/** The funds meaning of a label as a pair's label reads it (each distinct label worked out once). */
const PAIR_MEANINGS = new Map<string, ReturnType<typeof fundsMeaningOf>>();
onVocabularyChange(() => PAIR_MEANINGS.clear());

function pairMeaning(label: string): ReturnType<typeof fundsMeaningOf> {
  if (!PAIR_MEANINGS.has(label)) {
    if (PAIR_MEANINGS.size > 50_000) PAIR_MEANINGS.clear();
    PAIR_MEANINGS.set(label, fundsMeaningOf(parseColumnLabel(label).core));
  }
  return PAIR_MEANINGS.get(label);
}

/**
 * A band word used as a pair's label holds the amount its band names: "年度金额(提前下达): 208万元" is the year's
 * budget, "资金使用情况 | 109.8" the executed amount. A bare 合计 takes the meaning of the band just left of it
 * ("资金使用情况(万元) | 合计: | 109.8"): two blocks side by side, each headed by its band.
 */
function bandMeaning(core: string): FundsMeaning | undefined {
  if (!isFundsBand(core)) return undefined;
  if (/使用|执行|支出|决算/.test(core)) return 'executed';
  if (/^年度(预算)?(金额|资金)$|^年度预算数?$/.test(core)) return 'budget';
  return undefined;
}

function pairMeaningAt(view: SheetView, r: number, c: number): FundsMeaning | undefined {
  const label = view.label(r, c);
  const known = pairMeaning(label)?.meaning;
  if (known) return known;
  const core = parseColumnLabel(label).core;
  const own = bandMeaning(core);
  if (own || !/^(合计|小计|总计|合计数)$/.test(core)) return own;
  const left = view.labelCols(r).filter((k) => k < c).pop();
  return left === undefined ? undefined : bandMeaning(parseColumnLabel(view.label(r, left)).core);
}

function pairsOn(view: SheetView, r: number): Pair[] {
  const pairs: Pair[] = [];
  for (const c of view.labelCols(r)) {
    const meaning = pairMeaningAt(view, r, c);
    const m = meaning && { meaning };
    if (!m || m.meaning === 'reason') continue;
    const valueCol = view.afterLabel(r, c);
    const value = view.field(r, valueCol);
    const n = readNumber(value.value, value.format);
    // A label beside another label is a header, not a pair.
    if (n.kind === 'unreadable' || pairs.some((p) => p.meaning === m.meaning)) continue;
    pairs.push({ meaning: m.meaning, labelCol: c, value });
  }
  return pairs;
}

/**
 * Amounts written as label | value pairs on one line, each with its 其中 breakdown under it:
 *   计划投资额 | 570 | 实际到位资金 | 570 | 实际使用情况 | 395.86
 *   其中：中央 | 300 | 其中：中央   | 300 | 其中：中央   | 200
 * The line is the block's total row; the lines under it are its sub-rows, read in the same columns.
 */
export function readPairs(view: SheetView, r: number): FundsBlock | undefined {
  const across = readSourcesAcross(view, r);
  if (across) return across;
  // Under sources across with no 合计 ("中央 | 省级 | 市县"), "预算数 | 50" is one source's figure, not the total.
  if (r > 0 && sourcesHeaderAt(view, r - 1)) return undefined;
  const { cols } = view.labelsOf(r);
  // Most rows hold no budget word at all: passed over before anything is built.
  if (!cols.some((c) => ['budget', 'initial'].includes(pairMeaningAt(view, r, c) ?? ''))) return undefined;
  const first = cols[0];
  // A sub-row of a funds block ("政府性基金预算 | 100 | … | 项目支出 | 405") is no block of its own.
  if (first === undefined || isFundsRowLabel(view.label(r, first))) return undefined;
  // The pairs may go on over the next lines ("全年预算数 | 100" above "全年执行数 | 95", "执行率 | 95% | 分值 | 10").
  const pairs = [...pairsOn(view, r)];
  let last = r;
  while (last + 1 < view.rows && last < r + 3) {
    const more = onlyPairs(view, last + 1).filter((p) => !pairs.some((q) => q.meaning === p.meaning));
    if (!more.length) break;
    pairs.push(...more);
    last++;
  }
  const of = (k: FundsMeaning) => pairs.find((p) => p.meaning === k);
  const budget = of('budget') ?? of('initial');
  const executed = of('executed');
  if (pairs.length < 2 || !budget || !executed || budget.value.row !== r) return undefined;
  if (numberKind(budget.value.value) !== 'number' && numberKind(executed.value.value) !== 'number') return undefined;
  const columns: { -readonly [K in FundsMeaning]?: number } = {};
  for (const p of pairs) columns[p.meaning] = p.value.col;
  const field = (k: FundsMeaning) => of(k)?.value;
  const at = (row: number, k: FundsMeaning) => (columns[k] === undefined ? undefined : view.field(row, columns[k]));
  // The 其中 breakdown stands under amounts written on one line, in their columns.
  const oneLine = pairs.every((p) => p.value.row === r);
  const subRows: FundsRow[] = [];
  for (let s = last + 1; oneLine && s < Math.min(view.rows, r + 1 + MAX_FUNDS_ROWS); s++) {
    const label = view.label(s, budget.labelCol);
    const numbers = [columns.budget, columns.initial, columns.executed].some((c) => c !== undefined && numberKind(view.field(s, c).value) === 'number');
    // A line that begins what follows the funds (年度总体目标 in the column left of the amounts' labels) ends them.
    if (!label || !(isFundsRowLabel(label) || numbers) || view.rowHasLabel(s, isAfterFundsLabel) || pairsOn(view, s).length >= 2) break;
    subRows.push({ row: s, label, initial: at(s, 'initial'), budget: at(s, 'budget'), executed: at(s, 'executed'), rate: at(s, 'rate') });
  }
  const total: FundsRow = {
    row: r,
    label: view.label(r, budget.labelCol),
    initial: field('initial'),
    budget: field('budget'),
    executed: field('executed'),
    weight: field('weight'),
    rate: field('rate'),
    score: field('score'),
  };
  return { headerRow: last, headerTop: r, columns: columns as FundsColumns, ratePercentHeader: false, total, groups: subRows.length ? [subRows] : [], pairs: true };
}

export function pairsRead(view: SheetView, r: number): FundsRead {
  const block = view.memo('pairs', r, () => readPairs(view, r));
  return block ? { block } : { reason: 'noAmountColumns' };
}
