/**
 * The figures of a table, read once (SPEC §3): what the table shows and what the rules compute from it.
 * Rules compare the two; nothing here reports a finding.
 */
import {
  type Interval,
  type Shown,
  Decimal,
  add,
  amountInterval,
  capAt,
  divide,
  inUnit,
  intersect,
  overlaps,
  point,
  rateInterval,
  readNumber,
  scale,
} from '../numbers';
import type { AmountUnit, Field, FundsRow, Indicator, StatedWeight, Table } from '../table';
import { type Actual, type Target, interpretActual, interpretTarget } from '../values';
import { type Grade, shownGradeOf, withoutPoints } from '../recognise/vocabulary';
import { labelOf } from '../text';

const HUNDRED = new Decimal(100);

/** A cell the rules read a number from. */
export type Cell =
  | { readonly kind: 'absent' }
  | { readonly kind: 'number'; readonly field: Field; readonly shown: Shown }
  | { readonly kind: 'blank' | 'na'; readonly field: Field }
  | { readonly kind: 'unreadable'; readonly field: Field; readonly text: string };

/** Reads a cell; amounts are brought to the table's unit when the cell states its own ("109.8万元"). */
export function readCell(field: Field | undefined, unit?: AmountUnit): Cell {
  if (!field) return { kind: 'absent' };
  const r = readNumber(field.value, field.format);
  if (r.kind === 'number') return { kind: 'number', field, shown: unit ? inUnit(r.shown, unit) : r.shown };
  if (r.kind === 'unreadable') return { kind: 'unreadable', field, text: r.text };
  return { kind: r.kind, field };
}

export function shownOf(c: Cell): Shown | null {
  return c.kind === 'number' ? c.shown : null;
}

/** Rule 9: 90–100 优, 80–90 良, 60–80 中, below 60 差. */
export function gradeFor(total: Decimal): Grade {
  if (total.gte(90)) return '优';
  if (total.gte(80)) return '良';
  if (total.gte(60)) return '中';
  return '差';
}

export interface ExecWeight {
  readonly value: Decimal;
  /** The 分值 column, the score column's header ("得分(20分*执行率)"), or the block's label ("(20分)"). */
  readonly source: 'column' | 'header' | 'label' | 'indicator';
  readonly field: Field;
}

export interface RateCheck {
  /** The shown rate in percent units. */
  readonly shown: Shown;
  readonly field: Field;
  /** Some true rate fits both the amounts and the shown rate (or a capped 100% of an over-spent budget). */
  readonly consistent: boolean;
  /** The exact rate of the shown amounts, percent units. */
  readonly exact: Decimal;
}

export interface FundsFigures {
  /** 全年预算数, or 年初预算数 where the form has no 全年预算数 column. */
  readonly budget: Cell;
  readonly executed: Cell;
  readonly weightCell: Cell;
  readonly weight: ExecWeight | null;
  readonly shownScore: Cell;
  /** 执行率 in percent units, unrounded; null without amounts or with a 预算数 of 0. */
  readonly rate: Decimal | null;
  readonly rateCheck: RateCheck | null;
  /** True rates consistent with what is shown. */
  readonly rateInterval: Interval | null;
  /** Recomputed 执行率得分 (unrounded), and the interval of its true values. */
  readonly score: Decimal | null;
  readonly scoreInterval: Interval | null;
}

export interface IndicatorFigures {
  readonly indicator: Indicator;
  readonly weight: Cell;
  readonly score: Cell;
  readonly target: Target;
  readonly actual: Actual;
  /** The 一级 group it belongs to (repeated labels are one group). */
  readonly group: string;
}

export interface TableFigures {
  readonly unit: AmountUnit;
  readonly funds: FundsFigures;
  /** Every indicator row, the 执行率 indicator included (groups and their stated weights count it). */
  readonly indicators: readonly IndicatorFigures[];
  /** The indicator row that is the 执行率, where the funds block has no 分值 of its own. */
  readonly executionIndicator: IndicatorFigures | null;
  /** Σ indicator 分值: the 分值 column, or where there is none, the labels that state them. */
  readonly indicatorWeight: Decimal | null;
  readonly indicatorWeightSource: 'column' | 'labels' | null;
  /** Σ indicator 得分, when every one is known. */
  readonly indicatorScore: Decimal | null;
  readonly scoreSum: Interval | null;
  /** 执行率 分值 + Σ indicator 分值, when both are known. */
  readonly weightSum: Decimal | null;
  /** The recomputed 总分: the rounded 执行率得分 plus the indicator scores. */
  readonly total: Decimal | null;
  /** The interval of true totals: the one expected total every check and message uses. */
  readonly totalInterval: Interval | null;
  /** The total a TOTAL_MISMATCH names: the recomputed one, or the shown parts' sum where it cannot be recomputed. */
  readonly expectedTotal: Decimal | null;
  /** Null where there is no total, or where the weights are known and do not add up to 100 (rule 9). */
  readonly grade: Grade | null;
  readonly shownTotal: Cell;
  readonly shownGrade: Grade | null;
}

/** A shown 执行率 in percent units: a % format, an "(%)" header, or judged from the size of the number. */
export function ratePercent(s: Shown, percentHeader: boolean, exact: Decimal | null): Shown {
  if (s.percent || percentHeader) return s;
  const asFraction: Shown = { value: s.value.times(100), decimals: s.decimals - 2, percent: true };
  if (s.value.gt(1.5)) return s;
  if (exact === null) return asFraction;
  return asFraction.value.minus(exact).abs().lt(s.value.minus(exact).abs()) ? asFraction : s;
}

/** The rate a row shows against its amounts (the total row, a sub-row, a 年度主要任务 row). */
export function rateCheckOf(row: FundsRow, budget: Shown, executed: Shown, percentHeader: boolean): { computed: Interval; check: RateCheck | null } {
  const computed = scale(divide(amountInterval(executed), amountInterval(budget)), HUNDRED);
  const exact = executed.value.div(budget.value).times(100);
  const raw = row.rate ? readNumber(row.rate.value, row.rate.format) : undefined;
  if (!row.rate || raw?.kind !== 'number') return { computed, check: null };
  const shown = ratePercent(raw.shown, percentHeader, exact);
  const shownI = rateInterval(shown);
  const over = executed.value.gt(budget.value);
  // Tables often show the capped rate of an over-executed budget: 100% is then accepted.
  const consistent = overlaps(shownI, computed) || (over && overlaps(shownI, capAt(computed, HUNDRED)));
  return { computed, check: { shown, field: row.rate, consistent, exact } };
}

function execWeight(table: Table, weightCell: Cell): ExecWeight | null {
  if (weightCell.kind === 'number') return { value: weightCell.shown.value, source: 'column', field: weightCell.field };
  if (weightCell.kind !== 'absent') return null; // a blank 分值 stops the weight checks
  const stated = (s: StatedWeight | undefined, source: ExecWeight['source']): ExecWeight | null =>
    s ? { value: new Decimal(s.points), source, field: s.field } : null;
  return stated(table.funds?.headerWeight, 'header') ?? stated(table.funds?.statedWeight, 'label');
}

/** 预算执行率, 资金执行率, 项目预算执行率: an indicator row that is the 执行率 (SPEC §2). */
function isExecutionRateName(name: string): boolean {
  return /^(项目)?(预算|资金|财政资金|项目资金|经费|预算资金)?(执行|支出)率$/.test(labelOf(name).replace(/\(.*\)$/, ''));
}

/**
 * Where the funds block carries no 分值 and an indicator named 预算执行率 carries the weight, that indicator
 * is the 执行率: its actual the shown rate, its 得分 the 执行率得分 (rules 1, 2, 8 apply to it).
 */
function executionIndicator(table: Table): Indicator | undefined {
  if (fundsWeighted(table)) return undefined;
  return table.indicators.find((ind) => isExecutionRateName(ind.level3 || ind.level2) && readCell(ind.weight).kind === 'number');
}

/** Whether the funds block says what the 执行率 is worth: a 分值 or 得分 cell, a weight in its header or label. */
function fundsWeighted(table: Table): boolean {
  const total = table.funds?.total;
  return total?.weight !== undefined || total?.score !== undefined || !!table.funds?.headerWeight || !!table.funds?.statedWeight;
}

const NO_ROW: FundsRow = { row: -1, label: '' };

function fundsFigures(table: Table, asIndicator: Indicator | undefined): FundsFigures {
  const unit = table.amountUnit;
  const total = table.funds?.total ?? NO_ROW;
  const budget = readCell(total.budget ?? total.initial, unit);
  const executed = readCell(total.executed, unit);
  const weightCell = readCell(asIndicator ? asIndicator.weight : total.weight);
  const weight: ExecWeight | null =
    asIndicator && weightCell.kind === 'number' ? { value: weightCell.shown.value, source: 'indicator', field: weightCell.field } : execWeight(table, weightCell);
  const shownScore = readCell(asIndicator ? asIndicator.score : total.score);
  // The rate the table shows: the funds block's, or the 执行率 indicator's actual.
  const rateRow: FundsRow = asIndicator ? { row: asIndicator.row, label: asIndicator.level3, rate: asIndicator.actual } : total;
  const percentHeader = !asIndicator && !!table.funds?.ratePercentHeader;
  const b = shownOf(budget);
  const e = shownOf(executed);
  const none = { budget, executed, weightCell, weight, shownScore, rate: null, rateCheck: null, rateInterval: null, score: null, scoreInterval: null };
  if (!b || !e || b.value.isZero()) return asIndicator ? fromShownRate(none, rateRow, weight) : none;
  const rate = e.value.div(b.value).times(100);
  const { computed, check } = rateCheckOf(rateRow, b, e, percentHeader);
  let rateI = computed;
  if (check?.consistent) rateI = intersect(rateInterval(check.shown), computed) ?? point(HUNDRED);
  const capped = capAt(rateI, HUNDRED);
  const score = weight ? weight.value.times(Decimal.min(rate, HUNDRED)).div(100) : null;
  const scoreInterval = weight ? scale(capped, weight.value.div(100)) : null;
  return { budget, executed, weightCell, weight, shownScore, rate, rateCheck: check, rateInterval: rateI, score, scoreInterval };
}

/** No amounts to compute the rate from: the 执行率 indicator's shown rate is all there is (rule 2 still applies). */
function fromShownRate(none: FundsFigures, row: FundsRow, weight: ExecWeight | null): FundsFigures {
  const raw = row.rate ? readNumber(row.rate.value, row.rate.format) : undefined;
  if (raw?.kind !== 'number') return none;
  const shown = ratePercent(raw.shown, false, null);
  const rateI = rateInterval(shown);
  const score = weight ? weight.value.times(Decimal.min(shown.value, HUNDRED)).div(100) : null;
  const scoreInterval = weight ? scale(capAt(rateI, HUNDRED), weight.value.div(100)) : null;
  return { ...none, rate: shown.value, rateInterval: rateI, score, scoreInterval };
}

/** The 一级 group of an indicator: its label without a stated weight; an unnamed "(50分)" label is its own group. */
function groupOf(ind: Indicator): string {
  const name = withoutPoints(labelOf(ind.level1Cell?.value ?? null));
  return name || (ind.level1Cell ? `@${ind.level1Cell.row}:${ind.level1Cell.col}` : '');
}

export function statedGroup(stated: Table['level1Stated'][number]): string {
  return stated.level1 ? labelOf(stated.level1) || `@${stated.field.row}:${stated.field.col}` : '';
}

/** An indicator frame that states its weight ("绩效指标(90分)", "年度绩效目标1(40分)") and the indicators it holds. */
export interface StatedFrame {
  readonly stated: StatedWeight;
  readonly indicators: readonly Indicator[];
}

/**
 * The stated frames of the indicator block. Several frames (年度绩效目标1 / 年度绩效目标2) each hold the indicators
 * from their own row down to the next frame's; the first also holds any above it. A frame label repeated word for
 * word is the same frame (a header repeated where the source broke a page): one frame over all its parts.
 */
export function statedFrames(table: Table): StatedFrame[] {
  const frames = table.level1Stated.filter((s) => s.level1 === null).sort((a, b) => a.field.row - b.field.row);
  const byLabel = new Map<string, { stated: StatedWeight; indicators: Indicator[] }>();
  frames.forEach((frame, i) => {
    const next = frames[i + 1]?.field.row ?? Infinity;
    const inside = table.indicators.filter((ind) => (i === 0 || ind.row >= frame.field.row) && ind.row < next);
    const key = labelOf(frame.label);
    const known = byLabel.get(key);
    if (known) known.indicators.push(...inside);
    else byLabel.set(key, { stated: frame, indicators: inside });
  });
  return [...byLabel.values()];
}

/** Σ indicator weights from the labels, where the form has no 分值 column: the 一级 labels, else the frames'. */
function weightFromLabels(table: Table, groups: readonly string[]): Decimal | null {
  const byGroup = new Map<string, Decimal>();
  for (const s of table.level1Stated) if (s.level1 !== null && !byGroup.has(statedGroup(s))) byGroup.set(statedGroup(s), new Decimal(s.points));
  if (groups.length && groups.every((g) => byGroup.has(g))) return [...new Set(groups)].reduce((a, g) => a.plus(byGroup.get(g)!), new Decimal(0));
  const frames = statedFrames(table);
  return frames.length ? frames.reduce((a, f) => a.plus(f.stated.points), new Decimal(0)) : null;
}

export function tableFigures(table: Table): TableFigures {
  const asIndicator = executionIndicator(table);
  const funds = fundsFigures(table, asIndicator);
  const indicators: IndicatorFigures[] = table.indicators.map((ind) => ({
    indicator: ind,
    weight: readCell(ind.weight),
    score: readCell(ind.score),
    target: interpretTarget(ind.target?.value ?? null, ind.target?.format, ind.nature?.value, ind.unit?.value),
    actual: interpretActual(ind.actual?.value ?? null, ind.actual?.format, ind.unit?.value),
    group: groupOf(ind),
  }));

  const executionFigures = indicators.find((f) => f.indicator === asIndicator) ?? null;
  // The 执行率 indicator's weight and score count once, as the 执行率's.
  const scored = indicators.filter((f) => f !== executionFigures);
  const hasWeightColumn = table.columns.indicators.weight !== undefined;
  let indicatorWeight: Decimal | null = null;
  let indicatorWeightSource: TableFigures['indicatorWeightSource'] = null;
  if (hasWeightColumn) {
    if (scored.every((f) => f.weight.kind === 'number')) {
      indicatorWeight = scored.reduce((a, f) => a.plus(shownOf(f.weight)!.value), new Decimal(0));
      indicatorWeightSource = 'column';
    }
  } else {
    indicatorWeight = weightFromLabels(table, indicators.map((f) => f.group));
    indicatorWeightSource = indicatorWeight ? 'labels' : null;
  }

  const hasScoreColumn = table.columns.indicators.score !== undefined;
  let indicatorScore: Decimal | null = null;
  let scoreSum: Interval | null = null;
  if (hasScoreColumn && scored.every((f) => f.score.kind === 'number')) {
    indicatorScore = new Decimal(0);
    scoreSum = point(new Decimal(0));
    for (const f of scored) {
      const s = shownOf(f.score)!;
      indicatorScore = indicatorScore.plus(s.value);
      scoreSum = add(scoreSum, amountInterval(s));
    }
  }

  // A table with no 执行率 points (no funds block, or one with no 分值 or 得分 anywhere) and no 执行率 indicator,
  // whose indicators carry the 100 points, is scored on them alone. Short of 100, the 执行率's points are
  // elsewhere (another sheet, a line not read): nothing is guessed.
  const noExecution = !fundsWeighted(table) && !asIndicator && indicatorWeight !== null && indicatorWeight.eq(100);
  const zero = new Decimal(0);
  const execWeightValue = noExecution ? zero : (funds.weight?.value ?? null);
  const weightSum = execWeightValue && indicatorWeight ? execWeightValue.plus(indicatorWeight) : null;
  // The total is recomputed from the recomputed 执行率得分. Where that cannot be had (no amounts, no 分值),
  // the table's own 执行率得分 still lets the shown total be checked for adding up.
  const shownExec = noExecution ? { value: zero, decimals: 2, percent: false } : shownOf(funds.shownScore);
  const execScore = noExecution ? zero : funds.score;
  const total = indicatorScore !== null && execScore !== null ? execScore.toDecimalPlaces(2).plus(indicatorScore) : null;
  const execInterval = noExecution ? point(zero) : (funds.scoreInterval ?? (shownExec ? amountInterval(shownExec) : null));
  const totalInterval = scoreSum && execInterval ? add(execInterval, scoreSum) : null;
  const expectedTotal = total ?? (indicatorScore !== null && shownExec ? shownExec.value.plus(indicatorScore) : null);
  const graded = weightSum === null || weightSum.eq(HUNDRED);
  const shownTotal = readCell(table.totalRow?.score ?? table.headerTotal);
  return {
    unit: table.amountUnit,
    funds,
    indicators,
    executionIndicator: executionFigures,
    indicatorWeight,
    indicatorWeightSource,
    indicatorScore,
    scoreSum,
    weightSum,
    total,
    totalInterval,
    expectedTotal,
    grade: total && graded ? gradeFor(total) : null,
    shownTotal,
    shownGrade: table.grade ? (shownGradeOf(labelOf(table.grade.value)) ?? null) : null,
  };
}
