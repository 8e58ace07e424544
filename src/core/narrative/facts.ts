/**
 * The figures a sentence states, read without guessing: an amount (万元, 元, 亿元), a percent, a score
 * (分), each with the words right before it in its clause (its label) and where it stands in the
 * paragraph. A figure written as approximate (约, 近, 余, 多, 左右) or in words (百分之百) is not read.
 */
import { Decimal, type Shown } from '../numbers';

export type FactUnit = '万元' | '元' | '%' | '分';

export interface Fact {
  /** Offsets of the figure (number and unit) in the paragraph's text. */
  readonly start: number;
  readonly end: number;
  /** Where the label starts (after the last separator before the figure). */
  readonly labelStart: number;
  /** The words before the figure in its clause, normalised (no spaces, no 为/是/达 at the end). */
  readonly label: string;
  readonly shown: Shown;
  readonly unit: FactUnit;
  /** The sentence (。！？) it stands in, 0-based within the paragraph. */
  readonly sentence: number;
  /** An item of a list of figures ("分别为95%、100%", "120、80万元"): never a statement on its own. */
  readonly listed?: boolean;
}

/** A figure with another right after it (、 和 及 与), or after 分别 / 各: one item of a list. */
const LISTED_AFTER = /^\s*(、|和|及|与)\s*\d/;
const LISTED_BEFORE = /(分别|各)(为|是|达到|达)?$/;

const NUMBER = /(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|%|％|分(?!之|钟|别|项|类|期|批|组|解|析|为|成|配|管|布|公司|局))/g;

/** Characters that end a clause: a label never reaches past them. */
const SEPARATORS = /[，,；;：:。！？!?、（）()\n\t]/;

const APPROXIMATE_BEFORE = /(约|近|逾|超过|将近|大约|不足|不到|以上|多达)$/;
const APPROXIMATE_AFTER = /^\s*(余|多|左右|以上|以内|以下)/;

/** Verbs and particles between a label and its figure. */
const LINKING = /(为|是|达到|达|共计|合计|总计|计|约为|分别为|共|：|:)+$/;

export function sentenceBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if ('。！？!?'.includes(text[i]!)) out.push(i);
  return out;
}

function sentenceOf(breaks: readonly number[], at: number): number {
  let n = 0;
  while (n < breaks.length && breaks[n]! < at) n++;
  return n;
}

export function shownOf(digits: string, unit: string): { shown: Shown; unit: FactUnit } | undefined {
  const plain = digits.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(plain)) return undefined;
  const dot = plain.indexOf('.');
  const decimals = dot < 0 ? 0 : plain.length - dot - 1;
  let value = new Decimal(plain);
  if (unit === '亿元') return { shown: { value: value.times(10000), decimals: decimals - 4, percent: false, unit: '万元' }, unit: '万元' };
  if (unit === '%' || unit === '％') return { shown: { value, decimals, percent: true }, unit: '%' };
  if (unit === '分') return { shown: { value, decimals, percent: false }, unit: '分' };
  value = new Decimal(plain);
  const u = unit === '元' ? '元' : '万元';
  return { shown: { value, decimals, percent: false, unit: u }, unit: u };
}

/** The figures of a paragraph, in order. */
export function factsOf(text: string): Fact[] {
  const breaks = sentenceBreaks(text);
  const out: Fact[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(0, start);
    // A digit run glued to a letter or a dot before it is part of something else (a code, a list number).
    if (/[\d.A-Za-z]$/.test(before)) continue;
    if (APPROXIMATE_BEFORE.test(before.replace(/\s+$/, '')) || APPROXIMATE_AFTER.test(text.slice(start + m[1]!.length))) continue;
    const read = shownOf(m[1]!, m[2]!);
    if (!read) continue;
    let labelStart = start;
    while (labelStart > 0 && !SEPARATORS.test(text[labelStart - 1]!)) labelStart--;
    let label = text.slice(labelStart, start).replace(/\s+/g, '').replace(LINKING, '');
    if (label === '' && labelStart > 0 && /[：:]/.test(text[labelStart - 1]!)) {
      // "评价得分：99.5分": the label stands before the colon.
      let from = labelStart - 1;
      while (from > 0 && !SEPARATORS.test(text[from - 1]!)) from--;
      label = text.slice(from, labelStart - 1).replace(/\s+/g, '');
      labelStart = from;
    }
    const listed = LISTED_AFTER.test(text.slice(end)) || LISTED_BEFORE.test(before.replace(/\s+/g, ''));
    out.push({ start, end, labelStart, label, shown: read.shown, unit: read.unit, sentence: sentenceOf(breaks, start), ...(listed ? { listed } : {}) });
  }
  return out;
}
