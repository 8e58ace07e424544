/**
 * What a report's statements are checked against: a recognised table's figures, by subject (the total,
 * each breakdown row of the funds block, each 一级指标), as intervals of true values (SPEC §3).
 */
import type { FundsRow, Table } from '../table';
import type { Grid } from '../grid';
import type { Grade } from '../recognise/vocabulary';
import { type Cell, rateCheckOf, readCell, shownOf, tableFigures } from '../check/figures';
import { Decimal, type Interval, type Shown, add, amountInterval, capAt, divide, rateInterval, scale } from '../numbers';
import { breakdownOfRow, level1Name, type Column } from './claims';
import { normalizeLabel } from '../text';

export interface AmountRow {
  readonly label: string;
  readonly amounts: Partial<Record<Column, Shown>>;
  /** True 执行率 values of the row's amounts (percent), when both are there. */
  readonly rate?: Interval;
  /** The 执行率 the row shows, where it shows one. */
  readonly shownRate?: Interval;
  readonly over: boolean;
}

export interface Level1Figures {
  readonly weight: Interval | null;
  readonly score: Interval | null;
}

export interface TableView {
  readonly name: string;
  readonly kind: Table['kind'];
  readonly unit: '万元' | '元';
  readonly names: readonly string[];
  /** The funds block's total row; absent where the table has no funds block. */
  readonly total?: AmountRow;
  readonly rows: ReadonlyMap<string, AmountRow>;
  readonly totalScore: readonly Interval[];
  readonly grades: readonly Grade[];
  readonly level1: ReadonlyMap<string, Level1Figures>;
  /** The year the table is of ("(2021年度)" above or in its title), when it says. */
  readonly year?: string;
}

const HUNDRED = new Decimal(100);

function amountRow(table: Table, row: FundsRow): AmountRow {
  const amounts: Partial<Record<Column, Shown>> = {};
  for (const c of ['initial', 'budget', 'executed'] as const) {
    const s = shownOf(readCell(row[c], table.amountUnit));
    if (s) amounts[c] = s;
  }
  const b = amounts.budget ?? amounts.initial;
  const e = amounts.executed;
  if (!b || !e || b.value.isZero()) return { label: row.label, amounts, over: false };
  const rate = scale(divide(amountInterval(e), amountInterval(b)), HUNDRED);
  const { check } = rateCheckOf(row, b, e, !!table.funds?.ratePercentHeader);
  return { label: row.label, amounts, rate, over: e.value.gt(b.value), ...(check ? { shownRate: rateInterval(check.shown) } : {}) };
}

function sumOf(cells: readonly Cell[]): Interval | null {
  let sum: Interval = { lo: new Decimal(0), hi: new Decimal(0) };
  for (const c of cells) {
    const s = shownOf(c);
    if (!s) return null;
    sum = add(sum, amountInterval(s));
  }
  return sum;
}

function level1Of(table: Table): Map<string, Level1Figures> {
  const f = tableFigures(table);
  const groups = new Map<string, { weights: Cell[]; scores: Cell[] }>();
  for (const i of f.indicators) {
    const name = level1Name(normalizeLabel(i.group).replace(/\(\d+(\.\d+)?分\)$/, ''));
    if (!name) return new Map(); // a 一级 label not understood: no 一级 figure is trusted
    const g = groups.get(name) ?? { weights: [], scores: [] };
    g.weights.push(i.weight);
    g.scores.push(i.score);
    groups.set(name, g);
  }
  const out = new Map<string, Level1Figures>();
  for (const [name, g] of groups) out.set(name, { weight: sumOf(g.weights), score: sumOf(g.scores) });
  const w = f.funds.weight;
  const shownScore = shownOf(f.funds.shownScore);
  if (w) {
    const score = shownScore ? amountInterval(shownScore) : f.funds.scoreInterval;
    out.set('预算执行率', { weight: amountInterval({ value: w.value, decimals: 2, percent: false }), score });
  }
  return out;
}

/** The year in a table's first lines ("（2021年度）", "2021年度项目支出绩效自评表"). */
export function yearOf(grid: Grid | undefined, table: Table): string | undefined {
  const texts = [table.title];
  for (let r = table.range.top; grid && r <= Math.min(table.range.bottom, table.range.top + 3); r++) for (const v of grid.values[r] ?? []) if (typeof v === 'string') texts.push(v);
  for (const t of texts) {
    const m = /(20\d{2})\s*年/.exec(t);
    if (m) return m[1];
  }
  return undefined;
}

export function tableView(name: string, table: Table, grid?: Grid): TableView {
  const year = yearOf(grid, table);
  const f = tableFigures(table);
  const rows = new Map<string, AmountRow>();
  for (const group of table.funds?.groups ?? []) {
    for (const r of group) {
      const key = breakdownOfRow(normalizeLabel(r.label));
      if (key && !rows.has(key)) rows.set(key, amountRow(table, r));
    }
  }
  const totalScore: Interval[] = [];
  const shown = shownOf(f.shownTotal);
  if (shown) totalScore.push(amountInterval(shown));
  if (f.totalInterval) totalScore.push(f.totalInterval);
  const grades = [f.shownGrade, f.grade].filter((g): g is Grade => g !== null);
  // A project's table is named by its project, a 部门整体 table by its department (a project's department names
  // its 部门整体 table, not the project's).
  const names = [table.kind === 'department' ? table.department : table.project].map((s) => normalizeLabel(s)).filter((s) => [...s].length >= 4);
  return { name, kind: table.kind, unit: table.amountUnit, names, ...(table.funds ? { total: amountRow(table, table.funds.total) } : {}), rows, totalScore, grades, level1: level1Of(table), ...(year ? { year } : {}) };
}

/** True rates that a shown rate of an over-executed row may show: the capped 100% too. */
export function acceptedRates(row: AmountRow): Interval[] {
  if (!row.rate) return [];
  const shown = row.shownRate ? [row.shownRate] : [];
  return row.over ? [row.rate, capAt(row.rate, HUNDRED), ...shown] : [row.rate, ...shown];
}
