/**
 * Rule 11: a result short of its target needs a reason even where it was scored in full (偏差 is the gap to
 * the target, not the deduction). A quantitative actual short of its target under the rounding tolerance, or
 * a qualitative result 基本达成 / 部分达成 / 未达成, scored in full with a blank or filler 偏差原因. A
 * deduction without a reason is MISSING_REASON's: one finding a cell.
 */
import { isBlank } from '../../grid';
import { Decimal, showCell } from '../../numbers';
import { displayText } from '../../text';
import { type Actual, type Level, type Target, unitsComparable } from '../../values';
import { type IndicatorFigures, shownOf } from '../figures';
import { isFillerReason } from './reasons';
import { levelAgainst, shownTarget, subjectOf } from './indicatorScores';
import { rule } from './rule';

type QuantTarget = Extract<Target, { kind: 'quant' }>;
type QuantActual = Extract<Actual, { kind: 'quant' }>;

/**
 * Whether no true value consistent with the actual as shown meets the target: half-up rounding shows v for
 * true values in [v − h, v + h), h half a unit of its last shown decimal. An = target counts as short only
 * below it (above an = target is not a shortfall, and exceeding targets is TARGET_EXCEEDED's).
 */
export function quantShort(target: QuantTarget, actual: QuantActual): boolean {
  const h = new Decimal(10).pow(-actual.value.decimalPlaces()).div(2);
  const lo = actual.value.minus(h);
  const hi = actual.value.plus(h);
  switch (target.op) {
    case '>=':
    case '=':
    case '>':
      return hi.lte(target.value);
    case '<=':
      return lo.gt(target.value);
    case '<':
      return lo.gte(target.value);
  }
}

function shortLevel(f: IndicatorFigures): Level | undefined {
  const { target, actual } = f;
  if (actual.kind === 'level') return actual.level;
  if (actual.kind === 'text' && target.kind === 'qual') return levelAgainst(target.text, actual.text);
  return undefined;
}

/** The result falls short of its target, as far as the shown values make it certain. */
export function fallsShort(f: IndicatorFigures): boolean {
  const { target, actual } = f;
  if (target.kind === 'quant') return actual.kind === 'quant' && unitsComparable(target, actual) && quantShort(target, actual);
  if (target.kind === 'blank' || target.kind === 'unknown') return false;
  const level = shortLevel(f);
  return level === 'partial' || level === 'not';
}

export const shortfall = rule('shortfall', ['SHORTFALL_NO_REASON'], ({ table, figures, report, raised }) => {
  if (table.columns.indicators.reason === undefined) return; // no column to give a reason in: said once in `skipped`
  for (const f of figures.indicators) {
    const weight = shownOf(f.weight);
    const score = shownOf(f.score);
    const ind = f.indicator;
    if (!weight || !score || score.value.lt(weight.value) || !ind.actual || f === figures.executionIndicator) continue;
    if (!fallsShort(f)) continue;
    const cell = ind.reason ?? { row: ind.row, col: ind.reasonCol ?? 0 };
    if (raised('MISSING_REASON', cell) || raised('EMPTY_REASON', cell)) continue;
    const value = ind.reason?.value ?? null;
    const filler = isBlank(value) ? undefined : isFillerReason(value) ? displayText(value) : null;
    if (filler === null) continue; // a reason is given
    const found = showCell(ind.actual.value, ind.actual.format);
    report('SHORTFALL_NO_REASON', cell, { subject: subjectOf(ind), expected: shownTarget(ind), found, ...(filler ? { filler } : {}) });
  }
});
