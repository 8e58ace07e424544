/**
 * The funds block (SPEC §3 rules 1–3): 执行率, its score, over-execution, and the sub-rows adding up.
 */
import {
  type Interval,
  type Shown,
  Decimal,
  amountInterval,
  add,
  capAt,
  divide,
  fmt2,
  intersect,
  overlaps,
  point,
  rateInterval,
  readNumber,
  scale,
} from '../numbers';
import type { Field, FundsBlock, FundsRow } from '../table';
import type { FindingList } from './findingsList';
import type { FieldName } from '../findings';

const HUNDRED = new Decimal(100);

export interface FundsFigures {
  readonly budget: Decimal | null;
  readonly executed: Decimal | null;
  readonly rate: Decimal | null;
  readonly weight: Decimal | null;
  /** Recomputed 执行率得分 (unrounded), null when it cannot be computed. */
  readonly score: Decimal | null;
  /** Interval of true 执行率得分 values consistent with the table, for the total check. */
  readonly scoreInterval: Interval | null;
  /** The shown 执行率得分 where the table has one. */
  readonly shownScore: Shown | null;
  /** False when a blank or unreadable 分值 stops the weight checks. */
  readonly weightKnown: boolean;
}

/** Reads a required number; reports MISSING_VALUE once for a blank or unreadable cell. */
export function requireNumber(field: Field | undefined, name: FieldName, out: FindingList): Shown | null {
  if (!field) return null;
  const r = readNumber(field.value, field.format);
  if (r.kind === 'number') return r.shown;
  out.add('MISSING_VALUE', field, { field: name, found: r.kind === 'unreadable' ? r.text : undefined });
  return null;
}

/** Optional number: blank or "—" is fine, junk is reported. */
function optionalNumber(field: Field | undefined, name: FieldName, out: FindingList): Shown | null {
  if (!field) return null;
  const r = readNumber(field.value, field.format);
  if (r.kind === 'number') return r.shown;
  if (r.kind === 'unreadable') out.add('MISSING_VALUE', field, { field: name, found: r.text });
  return null;
}

/** A shown 执行率 in percent units: a % format, an "(%)" header, or judged from the size of the number. */
function shownRatePercent(s: Shown, percentHeader: boolean, exactPercent: Decimal | null): Shown {
  if (s.percent || percentHeader) return s;
  const asFraction: Shown = { value: s.value.times(100), decimals: Math.max(0, s.decimals - 2), percent: true };
  if (s.value.gt(1.5)) return s;
  if (exactPercent === null) return asFraction;
  const dPercent = s.value.minus(exactPercent).abs();
  const dFraction = asFraction.value.minus(exactPercent).abs();
  return dFraction.lt(dPercent) ? asFraction : s;
}

function showRate(s: Shown): string {
  return `${s.value.toFixed(s.decimals)}%`;
}

function showAmount(s: Shown): string {
  return fmt2(s.value);
}

/** Checks one row's shown rate against its amounts; returns the consistent rate interval. */
function checkRate(
  row: FundsRow,
  budget: Shown,
  executed: Shown,
  percentHeader: boolean,
  out: FindingList,
): { computed: Interval; consistent: Interval | null } {
  const computed = scale(divide(amountInterval(executed), amountInterval(budget)), HUNDRED);
  const exact = executed.value.div(budget.value).times(100);
  const shownRaw = row.rate ? optionalNumber(row.rate, 'rate', out) : null;
  if (!shownRaw || !row.rate) return { computed, consistent: null };
  const shown = shownRatePercent(shownRaw, percentHeader, exact);
  const shownI = rateInterval(shown);
  const over = executed.value.gt(budget.value);
  if (overlaps(shownI, computed)) return { computed, consistent: intersect(shownI, computed) ?? null };
  // Tables often show the capped rate of an over-executed budget: 100% is then accepted.
  if (over && overlaps(shownI, capAt(computed, HUNDRED))) return { computed, consistent: point(HUNDRED) };
  out.add('EXEC_RATE_MISMATCH', row.rate, { expected: `${fmt2(exact)}%`, found: showRate(shown) });
  return { computed, consistent: null };
}

export function checkFunds(funds: FundsBlock, out: FindingList): FundsFigures {
  const total = funds.total;
  const budgetField = total.annual ?? total.initial;
  const budget = requireNumber(budgetField, 'budget', out);
  const executed = requireNumber(total.executed, 'executed', out);
  const weight = total.weight ? requireNumber(total.weight, 'execWeight', out) : null;
  const shownScore = total.score ? requireNumber(total.score, 'execScore', out) : null;

  if (funds.statedWeight && weight && !new Decimal(funds.statedWeight.points).eq(weight.value)) {
    out.add('LABEL_WEIGHT_MISMATCH', funds.statedWeight.field, {
      subject: funds.statedWeight.label,
      expected: fmt2(weight.value),
      found: funds.statedWeight.points,
    });
  }

  let rate: Decimal | null = null;
  let score: Decimal | null = null;
  let scoreInterval: Interval | null = null;
  if (budget && executed) {
    if (executed.value.gt(budget.value) && total.executed) {
      out.add('OVER_EXECUTION', total.executed, { expected: showAmount(budget), found: showAmount(executed) });
    }
    if (budget.value.isZero()) {
      if (budgetField) out.add('UNPARSEABLE', budgetField, { reason: 'noRate' });
    } else {
      rate = executed.value.div(budget.value).times(100);
      const { computed, consistent } = checkRate(total, budget, executed, funds.ratePercentHeader, out);
      if (weight) {
        score = weight.value.times(Decimal.min(rate, HUNDRED)).div(100);
        const rateI = capAt(consistent ?? computed, HUNDRED);
        scoreInterval = scale(rateI, weight.value.div(100));
        if (shownScore && total.score && !overlaps(amountInterval(shownScore), scoreInterval)) {
          out.add('EXEC_SCORE_MISMATCH', total.score, { expected: fmt2(score), found: showAmount(shownScore) });
        }
      }
    }
  }

  checkSubRowRates(funds, out);
  checkSplit(funds, out);

  return {
    budget: budget?.value ?? null,
    executed: executed?.value ?? null,
    rate,
    weight: weight?.value ?? null,
    score,
    scoreInterval: shownScore ? amountInterval(shownScore) : scoreInterval,
    shownScore,
    weightKnown: weight !== null,
  };
}

/** Sub-rows that show their own rate (Sichuan, department-wide) are held to the same rule. */
function checkSubRowRates(funds: FundsBlock, out: FindingList): void {
  checkRowRates(funds.groups.flat(), funds.ratePercentHeader, out);
}

/** Rows with their own budget, spending and rate: the funds sub-rows, department-wide 年度主要任务. */
export function checkRowRates(rows: readonly FundsRow[], percentHeader: boolean, out: FindingList): void {
  for (const row of rows) {
    if (!row.rate) continue;
    const b = readNumber((row.annual ?? row.initial)?.value ?? null, (row.annual ?? row.initial)?.format);
    const e = readNumber(row.executed?.value ?? null, row.executed?.format);
    if (b.kind !== 'number' || e.kind !== 'number' || b.shown.value.isZero()) continue;
    checkRate(row, b.shown, e.shown, percentHeader, out);
  }
}

const SPLIT_COLUMNS = [
  ['initial', '年初预算数'],
  ['annual', '全年预算数'],
  ['executed', '全年执行数'],
] as const;

/** Rule 3: per column, sub-rows add up to the total where they are filled in. */
function checkSplit(funds: FundsBlock, out: FindingList): void {
  for (const [key, name] of SPLIT_COLUMNS) {
    const totalField = funds.total[key];
    if (!totalField) continue;
    const t = readNumber(totalField.value, totalField.format);
    if (t.kind !== 'number') continue;
    for (const group of funds.groups) {
      let sum: Interval = point(new Decimal(0));
      let exact = new Decimal(0);
      let filled = 0;
      let readable = true;
      for (const row of group) {
        const f = row[key];
        const r = readNumber(f?.value ?? null, f?.format);
        if (r.kind === 'number') {
          sum = add(sum, amountInterval(r.shown));
          exact = exact.plus(r.shown.value);
          filled++;
        } else if (r.kind === 'unreadable') readable = false;
      }
      if (filled === 0 || !readable) continue;
      if (!overlaps(sum, amountInterval(t.shown))) {
        const groupName = funds.groups.length > 1 ? `${group[0]!.label.replace(/[:：].*$/, '')} ` : '';
        out.add('FUND_SPLIT_MISMATCH', totalField, {
          subject: `${groupName}${name}`.trim(),
          expected: fmt2(exact),
          found: fmt2(t.shown.value),
        });
      }
    }
  }
}
