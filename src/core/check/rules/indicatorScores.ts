/**
 * Rules 5–7 per indicator: no 得分 above its 分值; a quantitative indicator scores by its completion ratio
 * (rule 6, the reverse formula a setting); a qualitative one within the band of its level (rule 7).
 */
import { Decimal, type Shown, amountInterval, fmt2, overlaps, point, showCell } from '../../numbers';
import type { Indicator } from '../../table';
import { type Level, type Operator, isReverse, meets, unitsComparable } from '../../values';
import { type IndicatorFigures, shownOf } from '../figures';
import type { ReverseFormula } from '../result';
import { type RuleContext, rule } from './rule';

const BANDS: Record<Level, [Decimal, Decimal, boolean]> = {
  achieved: [new Decimal('0.8'), new Decimal(1), true],
  partial: [new Decimal('0.6'), new Decimal('0.8'), false],
  not: [new Decimal(0), new Decimal('0.6'), false],
};

/** What a finding calls an indicator: its 三级 name, else its 二级 or 一级. */
export function subjectOf(ind: Indicator): string {
  return (ind.level3 || ind.level2 || ind.level1).replace(/\s+/g, '');
}

/**
 * The target as a reader says it: 指标性质, 指标值 and 度量单位 joined, without saying a part twice when
 * the 指标值 cell already holds it ("≥100%" with unit "%" is "≥100%", not "≥100%%").
 */
export function shownTarget(ind: Indicator): string {
  const part = (c: Indicator['target']) => showCell(c?.value ?? null, c?.format).trim();
  const target = part(ind.target);
  const nature = part(ind.nature);
  const unit = part(ind.unit);
  return (target.startsWith(nature) ? '' : nature) + target + (unit && target.endsWith(unit) ? '' : unit);
}

type Ctx = RuleContext<'SCORE_OVER_WEIGHT' | 'QUANT_SCORE_MISMATCH' | 'QUAL_BAND_MISMATCH' | 'UNPARSEABLE'>;

export const indicatorScores = rule(
  'indicatorScores',
  ['SCORE_OVER_WEIGHT', 'QUANT_SCORE_MISMATCH', 'QUAL_BAND_MISMATCH', 'UNPARSEABLE'],
  (ctx) => {
    for (const f of ctx.figures.indicators) {
      const weight = shownOf(f.weight);
      const score = shownOf(f.score);
      if (!weight || !score || f.score.kind !== 'number') continue;
      const subject = subjectOf(f.indicator);
      if (score.value.gt(weight.value)) {
        // One error for the cell: a score above its weight is also off any band or ratio.
        ctx.report('SCORE_OVER_WEIGHT', f.score.field, { subject, expected: fmt2(weight.value), found: fmt2(score.value) });
        continue;
      }
      // The 执行率 indicator scores by rule 2 (分值 × 执行率), checked as the 执行率得分.
      if (f !== ctx.figures.executionIndicator) checkRule(ctx, f, subject, weight.value, score);
    }
  },
);

function checkRule(ctx: Ctx, f: IndicatorFigures, subject: string, weight: Decimal, score: Shown): void {
  const { target, actual, indicator: ind } = f;
  const scoreCell = ind.score!;
  const scoreI = amountInterval(score);
  // Blank targets or actuals leave nothing to check; what cannot be read is said to be so.
  if (target.kind === 'blank' || actual.kind === 'blank') return;
  if (target.kind === 'unknown') {
    if (ind.target) ctx.report('UNPARSEABLE', ind.target, { subject, reason: 'target', found: target.text });
    return;
  }
  if (actual.kind === 'unknown') {
    if (ind.actual) ctx.report('UNPARSEABLE', ind.actual, { subject, reason: 'actual', found: actual.text });
    return;
  }
  // A number target with a word as its actual is ACTUAL_NOT_NUMBER's (rule 11): no ratio to score by.
  if (target.kind === 'quant' && actual.kind !== 'quant') return;

  // Qualitative: by the level of the actual, or by how it words the target itself ("健全" against
  // "健全", "基本健全", "未健全").
  let level: Level | undefined;
  if (actual.kind === 'level') level = actual.level;
  else if (actual.kind === 'text' && target.kind === 'qual') level = levelAgainst(target.text, actual.text);
  if (level) {
    const [lo, hi, closed] = BANDS[level];
    const L = weight.times(lo);
    const U = weight.times(hi);
    const inside = closed ? scoreI.lo.lte(U) && L.lt(scoreI.hi) : scoreI.lo.lt(U) && L.lt(scoreI.hi);
    const pointInside = scoreI.lo.eq(scoreI.hi) && scoreI.lo.gte(L) && (closed ? scoreI.lo.lte(U) : scoreI.lo.lt(U));
    if (!(inside || pointInside)) ctx.report('QUAL_BAND_MISMATCH', scoreCell, { subject, expected: `${fmt2(L)}–${fmt2(U)}`, found: fmt2(score.value) });
    return;
  }
  if (actual.kind === 'text') {
    if (ind.actual) ctx.report('UNPARSEABLE', ind.actual, { subject, reason: 'actual', found: actual.text });
    return;
  }
  if (target.kind === 'qual') {
    // A number against a worded target: nothing to compare it with.
    if (ind.target) ctx.report('UNPARSEABLE', ind.target, { subject, reason: 'target', found: target.text });
    return;
  }
  if (actual.kind !== 'quant') return;
  // Units that differ, or a bare fraction against a percent (0.94 against ≥95%: not guessed), are not scored.
  if (!unitsComparable(target, actual)) {
    if (ind.actual) ctx.report('UNPARSEABLE', ind.actual, { subject, reason: 'unitMismatch', found: `${target.unit ?? ''} / ${actual.unit ?? showCell(ind.actual.value, ind.actual.format)}` });
    return;
  }
  const expected = quantitativeScore(target.op, actual.value, target.value, weight, ctx.reverseFormula);
  if (!overlaps(point(expected), scoreI)) ctx.report('QUANT_SCORE_MISMATCH', scoreCell, { subject, expected: fmt2(expected), found: fmt2(score.value) });
}

/**
 * The level of an actual that repeats its worded target: the word itself is met; qualified by 基本 /
 * 部分 / 大部分 / 较 it is partly met; negated by 未 / 不 / 没有 / 尚未 it is not.
 */
export function levelAgainst(target: string, actual: string): Level | undefined {
  const t = target.replace(/[，。,.;；]$/, '');
  if (!t) return undefined;
  if (actual === t) return 'achieved';
  if (!actual.endsWith(t)) return undefined;
  const head = actual.slice(0, actual.length - t.length);
  if (/^(已|已经|全部|均已|完全)$/.test(head)) return 'achieved';
  if (/^(基本|基本上|部分|大部分|大部|较为|较|初步)$/.test(head)) return 'partial';
  if (/^(未|不|没有|尚未|未能|仍未)$/.test(head)) return 'not';
  return undefined;
}

/** Rule 6: met → full weight; otherwise the completion ratio (reverse indicators: the inverse). */
export function quantitativeScore(op: Operator, actual: Decimal, target: Decimal, weight: Decimal, reverse: ReverseFormula): Decimal {
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
