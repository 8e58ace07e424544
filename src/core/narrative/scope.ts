/**
 * What belongs to what in a report's sentences: the whole a list breaks down (never a figure of a reason
 * clause, nor a change's amount), the subject a figure is of (its clause's words), where a list across
 * paragraphs stops (a sibling item, a paragraph led by no amount), and when a list is known to be all of its
 * whole (基本支出 and 项目支出; 人员经费 and 公用经费; the three 三公 funds; "二类"; a last item 其他…).
 */
import type { Fact } from './facts';

/** A figure of a document: its paragraph, that paragraph's text and the clause's words before it. */
export interface DocFact extends Fact {
  readonly paragraph: number;
  readonly text: string;
  /** The words before the figure back to the clause's start (brackets kept: 因公出国(境)经费). */
  readonly raw: string;
}

/** Words of a reason or an explanation: a figure after them in its clause is no whole and no part. */
export const REASON = /原因|由于|因为|主要是/;

/** Labels of figures that are no part of a list: changes, shares, running totals. */
export const NO_PART = /比|较|增加|减少|增长|下降|降低|节约|占|分别|差值|差额/;

const CLAUSE_END = /[，,；;：:。！？!?\n]/;

/** The clause's words before a figure, brackets kept. */
export function clauseWords(text: string, at: number): string {
  let from = at;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from--;
  const words = text.slice(from, at);
  // A figure inside brackets opened in its clause ("995万元（其中公务用车购置费38万元"): the words after the bracket.
  const open = Math.max(words.lastIndexOf('('), words.lastIndexOf('（'));
  return open >= 0 && inParentheses(words, words.length, 0) ? words.slice(open + 1) : words;
}

const NUMBERING = /^[(（]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*/;

/** A subject's words as compared: no spaces, numbering, years, "本单位", linking verbs or a closing 的. */
export function subjectKey(words: string): string {
  return words
    .replace(/\s+/g, '')
    .replace(NUMBERING, '')
    .replace(/(\d{4})年度?/g, '')
    .replace(/^(本单位|本部门|我单位|我局|其中|全年|当年)+/, '')
    .replace(/(为|是|达到|达|共计|计|:|：|的)+$/, '');
}

/** "基本支出预算" and "一般公共预算基本支出" name one subject in a 预算 text; "支出" alone names nothing. */
function core(key: string): string {
  return key.replace(/^(本年度?|一般公共预算)+/, '').replace(/(预算数?|决算数?|数)$/, '');
}

export function sameSubject(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return [...a].length >= 2;
  const [ca, cb] = [core(a), core(b)];
  return ca === cb && [...ca].length >= 4;
}

/** Whether a position stands inside brackets opened after `from`. */
export function inParentheses(text: string, at: number, from: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    if (text[i] === '(' || text[i] === '（') depth++;
    else if ((text[i] === ')' || text[i] === '）') && depth > 0) depth--;
  }
  return depth > 0;
}

function inReason(f: DocFact): boolean {
  const start = Math.max(...['。', '！', '？', '；', ';'].map((s) => f.text.lastIndexOf(s, f.start - 1))) + 1;
  return REASON.test(f.text.slice(start, f.start));
}

const isAmount = (f: Fact): boolean => f.unit === '万元' || f.unit === '元';

/**
 * The whole a list breaks down: the nearest amount before its marker that is neither a change's amount nor
 * inside a reason or a bracket; a marker opening its paragraph ("其中：") takes it from the paragraph before.
 */
export function wholesBefore(all: readonly (readonly DocFact[])[], text: string, at: number, markerAt: number, deltas: ReadonlySet<DocFact>): DocFact[] {
  const lead = text.slice(0, markerAt).replace(NUMBERING, '').trim();
  const pool = lead === '' ? (all[at - 1] ?? []) : (all[at] ?? []).filter((f) => f.end <= markerAt);
  return [...pool].reverse().filter((f) => isAmount(f) && !deltas.has(f) && !NO_PART.test(f.label) && !inParentheses(f.text, f.start, 0) && !inReason(f));
}

/** What an amount measures, by its words (a fund's name, 一般公共预算, is no measure). */
export function measureOf(words: string): string | undefined {
  const w = words.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '');
  // 年初预算 and 全年 (adjusted) 预算 are two figures: parts of the one are no parts of the other.
  if (/年初/.test(w) && /预算|计划|安排/.test(w)) return 'initialBudget';
  if (/预算|计划/.test(w)) return 'budget';
  if (/决算|支出|执行|使用|开支/.test(w)) return 'spent';
  if (/到位/.test(w)) return 'arrived';
  if (/收入/.test(w)) return 'income';
  return undefined;
}

/** The nearest whole of the parts' kind: a budget is no whole of amounts spent. */
export function wholeOfKind(candidates: readonly DocFact[], parts: readonly DocFact[]): DocFact | undefined {
  const measures = new Set(parts.map((p) => measureOf(p.raw)).filter((m) => m !== undefined));
  if (measures.size > 1) return undefined;
  const [measure] = [...measures];
  return candidates.find((c) => {
    const own = measureOf(c.raw);
    return measure === undefined || own === undefined || own === measure;
  });
}

/** A paragraph numbered as the whole's own paragraph is its sibling, not its part ("1. 基本支出…" then "2. 项目支出…"). */
export function startsNewItem(wholeText: string, text: string): boolean {
  const style = (t: string): string | undefined => {
    const s = t.trimStart();
    if (/^\d{1,2}[.、．]/.test(s)) return 'arabic';
    if (/^[(（][一二三四五六七八九十]{1,2}[)）]/.test(s)) return 'bracketed';
    if (/^[一二三四五六七八九十]{1,2}、/.test(s)) return 'chinese';
    return undefined;
  };
  const own = style(wholeText);
  const next = style(text);
  return next !== undefined && (own === next || next === 'chinese' || (next === 'bracketed' && own !== 'arabic'));
}

/**
 * Sets of parts known to make up all of their whole, each part matched by one pattern; `whole`, where given, is
 * the only whole they make up all of (人员经费 and 公用经费 are all of 基本支出, not of a department's 支出总计).
 */
const COMPLETE_SETS: readonly { readonly parts: readonly RegExp[]; readonly whole?: RegExp }[] = [
  { parts: [/基本支出/, /项目支出/] },
  { parts: [/人员经费/, /公用经费/], whole: /基本/ },
  { parts: [/车.*购置|购置.*车/, /车.*运行|运行.*车/] },
  { parts: [/出国/, /接待/, /车/] },
  { parts: [/出国/, /接待/, /车.*购置|车辆购置/, /车.*运行|车辆运行/] },
];

function matchesSet(labels: readonly string[], set: readonly RegExp[]): boolean {
  if (labels.length !== set.length) return false;
  const used = new Set<number>();
  const assign = (i: number): boolean => {
    if (i === labels.length) return true;
    for (let k = 0; k < set.length; k++) {
      if (used.has(k) || !set[k]!.test(labels[i]!)) continue;
      used.add(k);
      if (assign(i + 1)) return true;
      used.delete(k);
    }
    return false;
  };
  return assign(0);
}

/** Whether a list's parts are all of its whole (else it is only checked not to exceed it). */
export function isExhaustive(labels: readonly string[], countStated: number | undefined, wholeLabel: string): boolean {
  if (labels.length < 2) return false;
  if (countStated !== undefined && countStated === labels.length) return true;
  if (/^其他/.test(subjectKey(labels[labels.length - 1]!))) return true;
  return COMPLETE_SETS.some((set) => (!set.whole || set.whole.test(wholeLabel)) && matchesSet(labels, set.parts));
}
