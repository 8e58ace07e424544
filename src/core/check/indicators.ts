/**
 * Indicator rows (SPEC §3 rules 5–8): score within weight, quantitative score by completion ratio,
 * qualitative score within its band, a reason for every deduction.
 */
import { Decimal, type Shown, amountInterval, fmt2, overlaps, point } from '../numbers';
import type { Indicator } from '../table';
import { type Actual, type Level, type Target, interpretActual, interpretTarget, isReverse, meets } from '../values';
import { isBlank } from '../grid';
import type { FindingList } from './findingsList';
import { requireNumber } from './funds';
import type { ReverseFormula } from './result';

export interface IndicatorFigures {
  readonly weight: Shown | null;
  readonly score: Shown | null;
}

const BANDS: Record<Level, [Decimal, Decimal, boolean]> = {
  achieved: [new Decimal('0.8'), new Decimal(1), true],
  partial: [new Decimal('0.6'), new Decimal('0.8'), false],
  not: [new Decimal(0), new Decimal('0.6'), false],
};

function subjectOf(ind: Indicator): string {
  return (ind.level3 || ind.level2 || ind.level1).replace(/\s+/g, '');
}

export function checkIndicator(ind: Indicator, reverse: ReverseFormula, out: FindingList): IndicatorFigures {
  const weight = requireNumber(ind.weight, 'weight', out);
  const score = requireNumber(ind.score, 'score', out);
  const subject = subjectOf(ind);
  if (!weight || !score || !ind.score) return { weight, score };

  if (score.value.gt(weight.value)) {
    // One error for the cell: a score above its weight is also off any band or ratio.
    out.add('SCORE_OVER_WEIGHT', ind.score, { expected: fmt2(weight.value), found: fmt2(score.value) });
    return { weight, score };
  }
  if (score.value.lt(weight.value)) {
    const reasonBlank = !ind.reason || isBlank(ind.reason.value);
    if (reasonBlank) {
      const at = ind.reason ?? (ind.reasonCol !== undefined ? { row: ind.row, col: ind.reasonCol } : ind.score);
      out.add('MISSING_REASON', at, { subject, expected: fmt2(weight.value), found: fmt2(score.value) });
    }
  }

  const target = interpretTarget(ind.target?.value ?? null, ind.target?.format, ind.nature?.value, ind.unit?.value);
  const actual = interpretActual(ind.actual?.value ?? null, ind.actual?.format, ind.unit?.value);
  checkRule(ind, subject, target, actual, weight.value, score, reverse, out);
  return { weight, score };
}

function checkRule(
  ind: Indicator,
  subject: string,
  target: Target,
  actual: Actual,
  weight: Decimal,
  score: Shown,
  reverse: ReverseFormula,
  out: FindingList,
): void {
  const scoreI = amountInterval(score);
  const scoreCell = ind.score!;
  if (target.kind === 'unknown' || target.kind === 'blank') {
    if (ind.target) out.add('UNPARSEABLE', ind.target, { subject, reason: 'target', found: target.kind === 'unknown' ? target.text : undefined });
    return;
  }
  if (actual.kind === 'blank' || actual.kind === 'unknown') {
    if (ind.actual) out.add('UNPARSEABLE', ind.actual, { subject, reason: 'actual', found: actual.kind === 'unknown' ? actual.text : undefined });
    return;
  }

  // Qualitative: by the level of the actual; an actual that repeats the target ("科学" / "科学") is met.
  let level: Level | undefined;
  if (actual.kind === 'level') level = actual.level;
  else if (actual.kind === 'text' && target.kind === 'qual' && actual.text === target.text) level = 'achieved';
  if (actual.kind === 'level' || level) {
    const [lo, hi, closed] = BANDS[level ?? 'achieved'];
    const L = weight.times(lo);
    const U = weight.times(hi);
    const inside = closed ? scoreI.lo.lte(U) && L.lt(scoreI.hi) : scoreI.lo.lt(U) && L.lt(scoreI.hi);
    const isPointInside = scoreI.lo.eq(scoreI.hi) && (closed ? scoreI.lo.gte(L) && scoreI.lo.lte(U) : scoreI.lo.gte(L) && scoreI.lo.lt(U));
    if (!(inside || isPointInside)) {
      out.add('QUAL_BAND_MISMATCH', scoreCell, { subject, expected: `${fmt2(L)}–${fmt2(U)}`, found: fmt2(score.value) });
    }
    return;
  }
  if (actual.kind === 'text') {
    if (ind.actual) out.add('UNPARSEABLE', ind.actual, { subject, reason: 'actual', found: actual.text });
    return;
  }
  if (target.kind === 'qual') {
    // A number against a worded target: nothing to compare it with.
    if (ind.target) out.add('UNPARSEABLE', ind.target, { subject, reason: 'target', found: target.text });
    return;
  }
  if (target.unit && actual.unit && target.unit !== actual.unit) {
    if (ind.actual) out.add('UNPARSEABLE', ind.actual, { subject, reason: 'unitMismatch', found: `${target.unit} / ${actual.unit}` });
    return;
  }
  const expected = quantitativeScore(target.op, actual.value, target.value, weight, reverse);
  if (!overlaps(point(expected), scoreI)) {
    out.add('QUANT_SCORE_MISMATCH', scoreCell, { subject, expected: fmt2(expected), found: fmt2(score.value) });
  }
}

/** Rule 6: met → full weight; otherwise the completion ratio (reverse indicators: the inverse). */
export function quantitativeScore(
  op: '=' | '>=' | '>' | '<=' | '<',
  actual: Decimal,
  target: Decimal,
  weight: Decimal,
  reverse: ReverseFormula,
): Decimal {
  if (meets(op, actual, target)) return weight;
  if (isReverse(op)) {
    if (reverse === 'deviation') {
      if (target.isZero()) return new Decimal(0);
      const k = new Decimal(1).minus(actual.minus(target).div(target));
      return weight.times(Decimal.max(k, 0));
    }
    if (actual.isZero()) return weight;
    return weight.times(target).div(actual);
  }
  if (target.isZero()) return weight;
  return weight.times(Decimal.min(actual.div(target), 1));
}
