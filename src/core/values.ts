/**
 * Interpretation of indicator targets (年度指标值) and actual values (实际完成值), SPEC §2:
 * "=100.00(百分比)", "≥90.00(百分比)", ">80.00(%)", "≤20%", "=2.00(项)", "960", "100%达标", "完成率",
 * and qualitative words. What cannot be interpreted is said to be so, never guessed.
 */
import { Decimal, formatIsPercent } from './numbers';
import { type CellValue, isCellError, isBlank } from './grid';
import { labelOf, normalizeLabel } from './text';

export type Operator = '=' | '>=' | '>' | '<=' | '<';

export type Target =
  | { readonly kind: 'quant'; readonly op: Operator; readonly value: Decimal; readonly unit: string | null }
  | { readonly kind: 'qual'; readonly text: string }
  | { readonly kind: 'blank' }
  | { readonly kind: 'unknown'; readonly text: string };

export type Level = 'achieved' | 'partial' | 'not';

export type Actual =
  | { readonly kind: 'quant'; readonly value: Decimal; readonly unit: string | null }
  | { readonly kind: 'level'; readonly level: Level }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'blank' }
  | { readonly kind: 'unknown'; readonly text: string };

const OPERATORS: [RegExp, Operator][] = [
  // NFKC has already folded ＞ ＜ ＝ into > < =; ≧ ≦ ⩾ ⩽ ≮ ≯ and the box-drawing ═ stay as they are.
  [/^(>=|=>|≥|≧|⩾|≮|不低于|不少于|大于等于|大于或等于|至少)/, '>='],
  [/^(<=|=<|≤|≦|⩽|≯|不高于|不多于|不超过|小于等于|小于或等于|至多)/, '<='],
  [/^(>|大于|高于|多于|超过)/, '>'],
  [/^(<|小于|低于|少于)/, '<'],
  [/^(==?|═|≡|等于)/, '='],
];

/** 指标方向 written as words: 正向 (more is better) and 反向 (less is better). */
function directionOf(t: string): Operator | undefined {
  if (/^反向|越小越好|越低越好/.test(t)) return '<=';
  if (/^正向|越大越好|越高越好/.test(t)) return '>=';
  return undefined;
}

/** "百分比", "％" and "%" are one unit; brackets and spaces go. */
export function normalizeUnit(u: string | null | undefined): string | null {
  if (!u) return null;
  const t = normalizeLabel(u).replace(/^[([]|[)\]]$/g, '');
  if (t === '' || /^定性/.test(t)) return null;
  if (t === '百分比' || t === '%' || t === '百分率') return '%';
  return t;
}

const NUMBER = /^(\d+(?:\.\d+)?)/;

function leadingOperator(s: string): { op: Operator; rest: string } | undefined {
  for (const [re, op] of OPERATORS) {
    const m = re.exec(s);
    if (m) return { op, rest: s.slice(m[0].length) };
  }
  return undefined;
}

/** The indicator named again before its target: "完成率≥95%", "覆盖率100%", "满意度≥90%". */
const NAMED_MEASURE = /^[\u4e00-\u9fa5]{1,10}(率|数|数量|量|度|比例|占比)(?=[=<>≥≤≧≦⩾⩽═≡]|\d)/;

function parseQuantText(t: string): { op: Operator | null; value: Decimal; unit: string | null; rest: string } | undefined {
  let s = t;
  let op: Operator | null = null;
  const lead = leadingOperator(s) ?? leadingOperator(s.replace(NAMED_MEASURE, ''));
  if (lead) {
    op = lead.op;
    s = lead.rest;
  } else s = s.replace(NAMED_MEASURE, '');
  // "达到90%以上", "完成10个": the verb says nothing the number does not.
  s = s.replace(/^(达到|达|完成|实现)(?=\d)/, '');
  const m = NUMBER.exec(s.replace(/,/g, ''));
  if (!m) return undefined;
  const value = new Decimal(m[1]!);
  let rest = s.replace(/,/g, '').slice(m[0].length);
  // A deadline ("12月底前", "6月30日前") is a date, not an amount of months.
  if (/^(月|日|号)/.test(rest) && /[前底初末旬止]/.test(rest)) return undefined;
  // "5天以内", "30日内", "3%以下", "90%以上": the qualifier is the operator; the unit is what precedes it.
  const qualifier = /(及以上|以上|及以下|以下|以内|(?<=[天日时月年周])内)$/.exec(rest);
  if (qualifier && rest.length > qualifier[0].length) rest = rest.slice(0, -qualifier[0].length) + (/上/.test(qualifier[0]) ? '以上' : '以内');
  let unit: string | null = null;
  const bracket = /^\(([^)]*)\)/.exec(rest);
  if (bracket) {
    unit = normalizeUnit(bracket[1]);
    rest = rest.slice(bracket[0].length);
  } else if (rest.startsWith('%')) {
    unit = '%';
    rest = rest.slice(1);
  } else {
    // A trailing unit ("台", "人次", "万元", "微克/立方米"); connectives mean a compound target we do not
    // guess at.
    const word = /^([^\d\s达标以上以内]{1,8})(以上|以内)?$/.exec(rest);
    if (word && !/或|且|及|和|与|持平|左右|不|约|至|~|～|-|，|、|；|,/.test(word[1]!)) {
      unit = normalizeUnit(word[1]);
      rest = word[2] ?? '';
    }
  }
  return { op, value, unit, rest };
}

/** A cell holding a number: a % format makes it percent units. */
function numberCell(value: number, format: string | undefined): { value: Decimal; unit: string | null } {
  return formatIsPercent(format)
    ? { value: new Decimal(value).times(100), unit: '%' }
    : { value: new Decimal(value), unit: null };
}

function cellText(v: CellValue): string {
  if (v === null || isCellError(v)) return '';
  return typeof v === 'string' ? labelOf(v) : normalizeLabel(String(v));
}

/**
 * The target of an indicator. Sichuan splits it over three cells (指标性质 "≥", 指标值 "100",
 * 度量单位 "%"); department-wide tables put "定性指标" in the unit column.
 */
const TARGETS = new Map<string, Target>();
const ACTUALS = new Map<string, Actual>();

/** Targets and actuals repeat across tables ("=100.00(%)", "达成指标"): text cells are read once. */
function remembered<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size > 50_000) memo.clear();
    memo.set(key, (v = compute()));
  }
  return v;
}

export function interpretTarget(target: CellValue, format?: string, nature?: CellValue, unitCell?: CellValue): Target {
  if (typeof target !== 'string') return readTarget(target, format, nature, unitCell);
  const key = `${target}\u0000${typeof nature === 'string' ? nature : ''}\u0000${typeof unitCell === 'string' ? unitCell : ''}`;
  return remembered(TARGETS, key, () => readTarget(target, format, nature, unitCell));
}

export function interpretActual(actual: CellValue, format?: string, unitCell?: CellValue): Actual {
  if (typeof actual !== 'string') return readActual(actual, format, unitCell);
  return remembered(ACTUALS, `${actual}\u0000${typeof unitCell === 'string' ? unitCell : ''}`, () => readActual(actual, format, unitCell));
}

function readTarget(
  target: CellValue,
  format?: string,
  nature?: CellValue,
  unitCell?: CellValue,
): Target {
  const natureText = cellText(nature ?? null);
  const unitText = cellText(unitCell ?? null);
  const columnUnit = normalizeUnit(unitText);
  if (target === null || isBlank(target)) return { kind: 'blank' };
  if (isCellError(target)) return { kind: 'unknown', text: target.error };
  if (natureText === '定性' || /^定性/.test(unitText)) {
    return { kind: 'qual', text: cellText(target) };
  }
  const natureOp = natureText ? (OPERATORS.find(([re]) => re.test(natureText))?.[1] ?? directionOf(natureText)) : undefined;
  if (typeof target === 'number') {
    const n = numberCell(target, format);
    return { kind: 'quant', op: natureOp ?? '>=', value: n.value, unit: n.unit ?? columnUnit };
  }
  const t = cellText(target);
  const q = parseQuantText(t);
  if (q) {
    // "100%达标" reads as at least 100%; other trailing words make it text we do not guess at.
    if (q.rest === '' || /^(达标|以上|及以上)$/.test(q.rest)) {
      const op = q.op ?? natureOp ?? (q.rest ? '>=' : '>=');
      return { kind: 'quant', op, value: q.value, unit: q.unit ?? columnUnit };
    }
    if (/^(以下|以内|及以下)$/.test(q.rest)) return { kind: 'quant', op: '<=', value: q.value, unit: q.unit ?? columnUnit };
    return { kind: 'unknown', text: String(target).trim() };
  }
  if (/\d/.test(t) && /^[=<>≥≤≧≦⩾⩽≮≯═≡]/.test(t)) return { kind: 'unknown', text: String(target).trim() };
  // "完成率" as a target means full completion, measured as a percentage.
  if (/^(完成率|完成|全部完成)$/.test(t) && columnUnit === '%') return { kind: 'quant', op: '>=', value: new Decimal(100), unit: '%' };
  return { kind: 'qual', text: t };
}

const LEVEL_WORDS: [RegExp, Level][] = [
  [/未达成|未达到|未完成|未实现|没有达到|不达标|不满意|不合格|不符合|无效/, 'not'],
  [/基本达成|基本达到|部分达成|部分达到|部分完成|基本完成|基本实现|基本满意|基本符合|基本有效/, 'partial'],
  [/达成|达到|完成|实现|达标|满意|有效|合格|符合|^是$|良好|较好|已落实|落实/, 'achieved'],
];

export function levelOfText(t: string): Level | undefined {
  for (const [re, level] of LEVEL_WORDS) if (re.test(t)) return level;
  return undefined;
}

function readActual(actual: CellValue, format?: string, unitCell?: CellValue): Actual {
  const columnUnit = normalizeUnit(cellText(unitCell ?? null));
  if (actual === null || isBlank(actual)) return { kind: 'blank' };
  if (isCellError(actual)) return { kind: 'unknown', text: actual.error };
  if (typeof actual === 'number') {
    const n = numberCell(actual, format);
    return { kind: 'quant', value: n.value, unit: n.unit ?? columnUnit };
  }
  if (typeof actual === 'boolean') return { kind: 'unknown', text: String(actual) };
  const t = cellText(actual);
  const q = parseQuantText(t);
  if (q && (q.rest === '' || /^(达标|以上)$/.test(q.rest))) return { kind: 'quant', value: q.value, unit: q.unit ?? columnUnit };
  const level = levelOfText(t);
  if (level) return { kind: 'level', level };
  return { kind: 'text', text: t };
}

/** Whether a quantitative actual meets its target; "=" targets are met at or above the value. */
export function meets(op: Operator, actual: Decimal, target: Decimal): boolean {
  switch (op) {
    case '>=':
    case '=':
      return actual.gte(target);
    case '>':
      return actual.gt(target);
    case '<=':
      return actual.lte(target);
    case '<':
      return actual.lt(target);
  }
}

/**
 * Whether a quantitative actual is of the same kind as its target: the same unit, or a bare number against a
 * percent unless it may be a fraction (0.94 against "≥95%" is 94% or 0.94%: not guessed).
 */
export function unitsComparable(target: Extract<Target, { kind: 'quant' }>, actual: Extract<Actual, { kind: 'quant' }>): boolean {
  if (target.unit && actual.unit) return target.unit === actual.unit;
  if (target.unit === '%' && !actual.unit) return !(actual.value.lte(1) && target.value.gt(1));
  return true;
}

export function isReverse(op: Operator): boolean {
  return op === '<=' || op === '<';
}
