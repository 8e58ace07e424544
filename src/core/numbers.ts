/**
 * Shown numbers. Every figure in a table is a *shown* value: rounded half-up to the decimals it shows.
 * The rules compare intervals of true values consistent with what is shown (SPEC §3, rounding tolerance),
 * all in decimal.js.
 */
import Decimal from 'decimal.js';
import { type CellValue, isCellError } from './grid';
import { isNotApplicable } from './text';

Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export { Decimal };

/** A number as the table shows it. Percentages are held in percent units (95.81 for 95.81%). */
export interface Shown {
  readonly value: Decimal;
  /** Decimals shown (from the number format, or the text). */
  readonly decimals: number;
  /** The cell itself says percent (a % format or a trailing %). */
  readonly percent: boolean;
  /** The cell carries its amount's unit ("109.8万元"). */
  readonly unit?: '万元' | '元';
}

export type ReadResult =
  | { readonly kind: 'number'; readonly shown: Shown }
  | { readonly kind: 'blank' }
  | { readonly kind: 'na' }
  | { readonly kind: 'unreadable'; readonly text: string };

/** Decimals a number format shows, or undefined for General / unknown. */
export function formatDecimals(format: string | undefined): number | undefined {
  if (!format) return undefined;
  let d = DECIMALS.get(format);
  if (d === undefined) DECIMALS.set(format, (d = decimalsOf(format) ?? null));
  return d ?? undefined;
}

const DECIMALS = new Map<string, number | null>();
const PERCENT = new Map<string, boolean>();

function decimalsOf(format: string): number | undefined {
  if (/^general$/i.test(format) || format === '@') return undefined;
  const section = format.split(';')[0]!.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  if (!/[0#?]/.test(section)) return undefined;
  const m = /[0#?][.]([0#?]+)/.exec(section);
  return m ? m[1]!.length : 0;
}

export function formatIsPercent(format: string | undefined): boolean {
  if (!format) return false;
  let p = PERCENT.get(format);
  if (p === undefined) PERCENT.set(format, (p = /%/.test(format.split(';')[0]!.replace(/"[^"]*"/g, ''))));
  return p;
}

function decimalsOfNumber(n: number): number {
  // The shortest text that reads back as the number, as Excel shows a General cell.
  let s = String(n);
  if (s.includes('e')) s = new Decimal(n).toFixed();
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(s.length - i - 1, 10);
}

const NUMBER_TEXT = /^([+-]?)(\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(%|\(%\)|万元|万|元|分)?$/;

/** A text cell's number as matched by NUMBER_TEXT, or why it is none. */
function numberText(value: string): RegExpExecArray | 'blank' | 'na' | 'unreadable' {
  const t = value.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  if (t === '') return 'blank';
  if (isNotApplicable(t)) return 'na';
  // Accountants write a negative amount in brackets: "(1.00)" is −1.00.
  const bracketed = /^\(([^()%]+)\)$/.exec(t);
  const m = bracketed ? NUMBER_TEXT.exec(`-${bracketed[1]}`) : NUMBER_TEXT.exec(t);
  if (!m || (bracketed && /^[+-]/.test(bracketed[1] ?? ''))) return 'unreadable';
  return m;
}

/**
 * What readNumber would say a cell is, without building its number: for the tests that only ask whether a
 * cell holds one (recognition asks it of most cells it passes; a Decimal each was the cost).
 */
export function numberKind(value: CellValue): ReadResult['kind'] {
  if (value === null) return 'blank';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'unreadable';
  if (typeof value !== 'string') return 'unreadable';
  const m = numberText(value);
  return typeof m === 'string' ? m : 'number';
}

/** Reads a cell that should hold one number (an amount, a weight, a score, a rate). */
export function readNumber(value: CellValue, format?: string): ReadResult {
  if (value === null) return { kind: 'blank' };
  if (isCellError(value)) return { kind: 'unreadable', text: value.error };
  if (typeof value === 'boolean') return { kind: 'unreadable', text: String(value) };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'unreadable', text: String(value) };
    const percent = formatIsPercent(format);
    const fmtDec = formatDecimals(format);
    let v = new Decimal(value);
    let decimals = fmtDec ?? decimalsOfNumber(value);
    if (percent) {
      v = v.times(100);
      if (fmtDec === undefined) decimals = Math.max(0, decimals - 2);
    }
    if (fmtDec !== undefined) v = v.toDecimalPlaces(decimals);
    return { kind: 'number', shown: { value: v, decimals, percent } };
  }
  const m = numberText(value);
  if (typeof m === 'string') return m === 'unreadable' ? { kind: 'unreadable', text: value.trim() } : { kind: m };
  const digits = m[2]!.replace(/,/g, '');
  const dot = digits.indexOf('.');
  const decimals = dot < 0 ? 0 : digits.length - dot - 1;
  const v = new Decimal(m[1] + (digits.startsWith('.') ? '0' + digits : digits.replace(/\.$/, '')));
  // "150万" is 150 万元, as clerks write it.
  const unit = m[3] === '万元' || m[3] === '万' ? '万元' : m[3] === '元' ? '元' : undefined;
  return { kind: 'number', shown: { value: v, decimals, percent: m[3] === '%' || m[3] === '(%)', unit } };
}

/**
 * An interval of true values [lo, hi): half-up rounding shows v for true values in [v − h, v + h).
 * A point interval (lo = hi) is an exact value, such as a shown 0.
 */
export interface Interval {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

export function point(v: Decimal): Interval {
  return { lo: v, hi: v };
}

export function isPoint(i: Interval): boolean {
  return i.lo.eq(i.hi);
}

/**
 * True values consistent with a value shown to `decimals` places. A shown 0 is exact. Decimals may be
 * negative: a fraction shown as 0.1 is a percentage known to the tens (5%–15%).
 */
export function shownInterval(value: Decimal, decimals: number): Interval {
  if (value.isZero()) return point(value);
  const h = halfUnit(decimals);
  return { lo: value.minus(h), hi: value.plus(h) };
}

const HALF_UNITS = new Map<number, Decimal>();

/** Half a unit of the last decimal shown: 0.005 for 2 decimals. */
function halfUnit(decimals: number): Decimal {
  let h = HALF_UNITS.get(decimals);
  if (!h) HALF_UNITS.set(decimals, (h = new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)))));
  return h;
}

/** Amounts and scores are known to their shown decimals, but at least to 2 (SPEC §3). */
export function amountInterval(s: Shown): Interval {
  // 亿元 are held in 万元 with four decimals fewer: at least 2 decimals of 亿元, as of any unit.
  return shownInterval(s.value, s.decimals < 0 ? Math.max(s.decimals, -2) : Math.max(s.decimals, 2));
}

/** Rates are known to the decimals they show. */
export function rateInterval(s: Shown): Interval {
  return shownInterval(s.value, s.decimals);
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) };
}

/** Quotient of two non-negative intervals (divisor strictly positive). */
export function divide(a: Interval, b: Interval): Interval {
  return { lo: a.lo.div(b.hi), hi: a.hi.div(b.lo) };
}

export function scale(a: Interval, k: Decimal): Interval {
  return k.isNegative() ? { lo: a.hi.times(k), hi: a.lo.times(k) } : { lo: a.lo.times(k), hi: a.hi.times(k) };
}

export function capAt(a: Interval, cap: Decimal): Interval {
  return { lo: Decimal.min(a.lo, cap), hi: Decimal.min(a.hi, cap) };
}

export function intersect(a: Interval, b: Interval): Interval | undefined {
  if (!overlaps(a, b)) return undefined;
  return { lo: Decimal.max(a.lo, b.lo), hi: Decimal.min(a.hi, b.hi) };
}

/** Whether some true value lies in both. Points are closed; ranges are [lo, hi). */
export function overlaps(a: Interval, b: Interval): boolean {
  const ap = isPoint(a);
  const bp = isPoint(b);
  if (ap && bp) return a.lo.eq(b.lo);
  if (ap) return a.lo.gte(b.lo) && a.lo.lt(b.hi);
  if (bp) return b.lo.gte(a.lo) && b.lo.lt(a.hi);
  return a.lo.lt(b.hi) && b.lo.lt(a.hi);
}

/** An amount in the table's unit, whatever unit its own cell states. */
export function inUnit(s: Shown, unit: '万元' | '元'): Shown {
  if (!s.unit || s.unit === unit) return s;
  return s.unit === '万元'
    ? { ...s, value: s.value.times(10000), decimals: Math.max(0, s.decimals - 4), unit }
    : { ...s, value: s.value.div(10000), decimals: s.decimals + 4, unit };
}

/** Half-up to 2 decimals, as a string: the way every figure is reported. */
export function fmt2(v: Decimal): string {
  return v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** A cell's value as the sheet shows it: 0.9 with a "0%" format is "90%", 2.9 with "0.00" is "2.90". */
export function showCell(value: CellValue, format?: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const decimals = formatDecimals(format);
    if (formatIsPercent(format)) return `${new Decimal(value).times(100).toFixed(decimals ?? 0)}%`;
    return decimals === undefined ? new Decimal(value).toFixed() : new Decimal(value).toFixed(decimals);
  }
  if (value === null) return '';
  if (isCellError(value)) return value.error;
  return String(value).replace(/\s+/g, ' ').trim();
}
