/**
 * What a paragraph claims, read from its figures by a few strict patterns: an amount of the table's
 * total or of one of its breakdowns, an 执行率, the total score, a 一级指标's 分值 or 得分, the grade; and
 * the claims a paragraph makes about itself: parts of a stated total (其中…), shares (占…的 x%), a change
 * and its percent (比上年减少 d万元，下降 p%), a rate (预算 a，支出 b，执行率 r%). A figure whose words
 * fit no pattern is not a claim: nothing is guessed.
 */
import type { Fact } from './facts';
import { factsOf, sentenceBreaks } from './facts';
import { countClaims } from './counts';
import { Decimal, type Shown } from '../numbers';
import { type Grade, gradeOf } from '../recognise/vocabulary';

export type Column = 'initial' | 'budget' | 'executed';

/** A funds row by what it is: 基本支出, 项目支出, 财政拨款… (synonyms in one place). */
export const BREAKDOWNS: readonly (readonly [string, ...string[]])[] = [
  ['基本支出'],
  ['项目支出'],
  ['人员经费'],
  ['公用经费'],
  ['财政拨款', '当年财政拨款', '本年财政拨款', '财政资金', '财政性资金'],
  ['上年结转', '上年结转资金', '结转资金'],
  ['其他资金'],
  ['单位资金', '自有资金', '单位自筹资金'],
  ['中央资金', '中央补助', '中央财政资金', '中央补助资金'],
  ['省级资金', '省级补助', '省级财政资金', '省级补助资金'],
  ['市县资金', '地方资金', '市级资金', '县级资金'],
];

/** The breakdown a funds row's label names (its key: the first synonym). */
export function breakdownOfRow(label: string): string | undefined {
  for (const group of BREAKDOWNS) if (group.some((w) => label.includes(w))) return group[0];
  return undefined;
}

const NOISE = '(?:\\d{4}年度?|本年度?|全年|当年|年度|部门|项目|单位|整体|我单位|本单位|我局|本部门|该项目|本项目|该部门|的|其中)';
const BREAKDOWN_WORDS = BREAKDOWNS.flat()
  .sort((a, b) => b.length - a.length)
  .join('|');
const METRIC = '(年初预算数?|全年预算数?|调整后预算数?|预算数?|执行数|决算数|支出数|支出金额|金额)';

const TOTAL_AMOUNT = new RegExp(
  `^${NOISE}*(实际)?(预算资金总额|预算资金|预算总额|预算金额|预算数|预算|资金总额|年度资金总额|年初预算数?|年初预算资金|全年预算数?|全年预算资金|调整后预算数?|调整预算数?|预算执行数|执行数|执行金额|支出金额|支出数|支出总额|总支出|到位资金|到位金额|到位和支出金额|到位资金和支出金额|使用资金|决算数|支出|执行|累计支出|资金|项目资金|预算安排|预算安排资金|年初预算安排|安排资金)$`,
);
const BREAKDOWN_AMOUNT = new RegExp(`^${NOISE}*(${BREAKDOWN_WORDS})${METRIC}?$`);

/** The breakdown row a subject's words name exactly ("基本支出", "财政拨款收入"), with the columns its measure reads. */
export function breakdownNamed(words: string): { readonly name: string; readonly columns: readonly Column[] } | undefined {
  const b = BREAKDOWN_AMOUNT.exec(words);
  const name = b ? breakdownOfRow(b[1]!) : undefined;
  return b && name ? { name, columns: b[2] ? columnsOf(b[2]) : ['initial', 'budget', 'executed'] } : undefined;
}

/** A label of the whole (预算资金, 实际支出…); a breakdown's (项目支出) is not, though 项目 is a word of the whole. */
const isTotalLabel = (label: string): boolean => TOTAL_AMOUNT.test(label) && !BREAKDOWN_AMOUNT.test(label);
const RATE = new RegExp(`^${NOISE}*(${BREAKDOWN_WORDS})?(预算|资金)?执行率$`);
const TOTAL_SCORE =
  /^(?:我单位|本单位|我局|本部门|部门|项目|单位|该项目|本项目|\d{4}年度?|本年度?|年度|整体|经)*(?:绩效)?(?:评价|自评|综合|最终)+(?:总)?(?:得分|分数|总分)$|^(?:部门|项目)?(?:整体)?(?:绩效)?(?:自评总分|评价总分|总得分)$/;
const LEVEL1_NAME = /^(?:一级指标)?(预算执行率|资金执行率|投入管理|可持续性?|产出|效益|满意度|决策|过程)(指标)?$/;
const LEVEL1_HEAD = /^(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*)?(?:一级指标[:：]?)?([^：:，,。()（）]{2,12}?)(?:[(（]\d+(?:\.\d+)?分[)）])?[:：]/;

export interface Subject {
  /** 'total', a breakdown's key, or a 一级指标's name. */
  readonly name: string;
  readonly level1?: boolean;
}

/** "安全生产专项经费项目年初预算数": the project a figure names, checked only against that project's table. */
interface Named {
  readonly project?: string;
}

export type Claim =
  | ({ readonly kind: 'amount'; readonly fact: Fact; readonly subject: Subject; readonly columns: readonly Column[]; readonly quote: string } & Named)
  | ({ readonly kind: 'rate'; readonly fact: Fact; readonly subject: Subject; readonly quote: string } & Named)
  | ({ readonly kind: 'score'; readonly fact: Fact; readonly subject: Subject; readonly quote: string } & Named)
  | { readonly kind: 'weight'; readonly fact: Fact; readonly subject: Subject; readonly quote: string }
  | { readonly kind: 'grade'; readonly grade: Grade; readonly word: string; readonly quote: string }
  | { readonly kind: 'parts'; readonly total: Fact; readonly parts: readonly Fact[]; readonly exhaustive: boolean; readonly quote: string }
  | { readonly kind: 'share'; readonly part: Fact; readonly total: Fact; readonly percent: Fact; readonly quote: string }
  | { readonly kind: 'change'; readonly current: Fact; readonly delta: Fact; readonly percent: Fact; readonly increase: boolean; readonly quote: string; readonly base?: Fact }
  | { readonly kind: 'count'; readonly stated: number; readonly shown: string; readonly names: readonly string[]; readonly quote: string }
  | { readonly kind: 'difference'; readonly current: Fact; readonly base: Fact; readonly delta: Fact; readonly increase: boolean; readonly quote: string }
  /** A rate between two amounts: 执行率 (executed of budget), or 到位率 / 拨付率 / 支付率 / 完成率 (its name). */
  | { readonly kind: 'rateOf'; readonly budget: Fact; readonly executed: Fact; readonly rate: Fact; readonly quote: string; readonly name?: string }
  /** A change broken down by signed parts ("减少0.28万元，其中：…减少0.29万元；…增加0.01万元"): all of it. */
  | { readonly kind: 'signedParts'; readonly total: Fact; readonly totalUp: boolean; readonly parts: readonly { readonly fact: Fact; readonly up: boolean }[]; readonly quote: string }
  /** A paired list (分别 / 各) whose pairing is not unique: not checked, and why. */
  | { readonly kind: 'unpaired'; readonly quote: string; readonly why: { readonly zh: string; readonly en: string } };

export const isAmount = (f: Fact): boolean => f.unit === '万元' || f.unit === '元';

function columnsOf(label: string): Column[] {
  if (/到位/.test(label)) return ['budget', 'executed'];
  if (/执行|支出|使用|决算/.test(label)) return ['executed'];
  if (/安排/.test(label)) return ['initial', 'budget'];
  if (/年初/.test(label)) return ['initial'];
  if (/全年|调整/.test(label)) return ['budget'];
  return ['initial', 'budget'];
}

const quoteOf = (text: string, f: Fact): string => text.slice(f.labelStart, f.end).trim();

export function level1Name(label: string): string | undefined {
  const m = LEVEL1_NAME.exec(label);
  if (!m) return undefined;
  const n = m[1]!;
  if (n === '资金执行率') return '预算执行率';
  return n === '可持续' ? '可持续性' : n;
}

/** The 一级指标 a paragraph is about, when it opens with "一级指标X：". */
function headLevel1(text: string): string | undefined {
  const m = LEVEL1_HEAD.exec(text.replace(/\s+/g, ''));
  return m ? level1Name(m[1]!) : undefined;
}

/** "总得分 30。": a score written without 分 after 得分. */
function bareScores(text: string, facts: readonly Fact[]): Fact[] {
  const out: Fact[] = [];
  const breaks = sentenceBreaks(text);
  for (const m of text.matchAll(/得分(为|是|:|：)?\s*(\d+(?:\.\d+)?)(?![\d.%％分万元])/g)) {
    const start = m.index + m[0].length - m[2]!.length;
    if (facts.some((f) => f.start === start)) continue;
    let labelStart = m.index;
    while (labelStart > 0 && !/[，,；;：:。！？!?、（）()\n\t]/.test(text[labelStart - 1]!)) labelStart--;
    const label = text.slice(labelStart, m.index + 2).replace(/\s+/g, '');
    const dot = m[2]!.indexOf('.');
    const shown: Shown = { value: new Decimal(m[2]!), decimals: dot < 0 ? 0 : m[2]!.length - dot - 1, percent: false };
    let sentence = 0;
    while (sentence < breaks.length && breaks[sentence]! < start) sentence++;
    out.push({ start, end: start + m[2]!.length, labelStart, label, shown, unit: '分', sentence });
  }
  return out;
}

/** Whether 其中 stands before the figure in its sentence. */
function afterQizhong(text: string, f: Fact): boolean {
  const breaks = sentenceBreaks(text);
  const start = f.sentence > 0 ? breaks[f.sentence - 1]! + 1 : 0;
  return text.slice(start, f.start).includes('其中');
}

const NAMED = /^(.{4,40}?项目)(.+)$/;

/** A figure of the whole named after its project ("XX项目预算执行率"): the project and the rest of the label. */
function namedClaim(f: Fact, quote: string): Claim | undefined {
  if (isTotalLabel(f.label) || BREAKDOWN_AMOUNT.test(f.label) || RATE.test(f.label) || TOTAL_SCORE.test(f.label)) return undefined;
  const m = NAMED.exec(f.label);
  if (!m) return undefined;
  const [project, rest] = [m[1]!, m[2]!];
  if (isAmount(f) && isTotalLabel(rest)) return { kind: 'amount', fact: f, subject: { name: 'total' }, columns: columnsOf(rest), quote, project };
  if (f.unit === '%' && RATE.test(rest) && !RATE.exec(rest)?.[1]) return { kind: 'rate', fact: f, subject: { name: 'total' }, quote, project };
  if (f.unit === '分' && (TOTAL_SCORE.test(rest) || /^(?:的)?(?:总)?得分$/.test(rest))) return { kind: 'score', fact: f, subject: { name: 'total' }, quote, project };
  return undefined;
}

/** A label that only says what is measured (全年支出, 执行数, 执行率): its subject is the one its sentence named. */
const BARE_MEASURE = /总|合计|共|部门|整体|项目|单位|我局/;

/**
 * The subject a bare measure takes from an earlier amount of its sentence ("基本支出年初预算457.9万元，全年支出
 * 479.36万元": 基本支出's): the breakdown named, 'total' when the sentence names nothing else or the whole (部门预算总额),
 * undefined when it names something that is neither (公务接待费…) or more than one breakdown.
 */
function inheritedSubject(f: Fact, facts: readonly Fact[]): string | undefined {
  const earlier = facts.filter((g) => g.sentence === f.sentence && g.start < f.start && isAmount(g) && !g.listed);
  const named = new Set<string>();
  for (const g of earlier) {
    const b = BREAKDOWN_AMOUNT.exec(g.label);
    if (b) named.add(breakdownOfRow(b[1]!) ?? '?');
    else if (!isTotalLabel(g.label) && !BARE_MEASURE.test(g.label)) return undefined; // 公务接待费…: no row of ours
  }
  if (named.size > 1) return undefined;
  return [...named][0] ?? 'total';
}

function tableClaims(text: string, facts: readonly Fact[], parts: PartsSpan | undefined): Claim[] {
  const out: Claim[] = [];
  const head = headLevel1(text);
  for (const f of facts) {
    if (f.listed) continue; // one item of a list: its subject is the list's (paired.ts), not the label before it
    const bare = isAmount(f) ? isTotalLabel(f.label) && !BARE_MEASURE.test(f.label) : f.unit === '%' && RATE.test(f.label) && !RATE.exec(f.label)?.[1];
    // After 其中 a bare measure may be a part's or the whole's: left to the 其中 reading below.
    const inherited = bare && !parts?.partOf(f) && !afterQizhong(text, f) ? inheritedSubject(f, facts) : 'total';
    if (inherited === undefined) continue; // a measure of a subject that is no table row: not read
    if (inherited !== 'total') {
      const quote = quoteOf(text, f);
      out.push(isAmount(f) ? { kind: 'amount', fact: f, subject: { name: inherited }, columns: columnsOf(f.label), quote } : { kind: 'rate', fact: f, subject: { name: inherited }, quote });
      continue;
    }
    const quote = quoteOf(text, f);
    const named = parts?.parts.includes(f) ? undefined : namedClaim(f, quote);
    if (named) {
      out.push(named);
      continue;
    }
    if (isAmount(f)) {
      if (parts?.parts.includes(f)) continue; // read with its list
      // "其中：财政拨款100万元，执行90万元": after 其中 a figure of the whole may be a part's.
      if (afterQizhong(text, f) && isTotalLabel(f.label)) continue;
      if (isTotalLabel(f.label)) out.push({ kind: 'amount', fact: f, subject: { name: 'total' }, columns: columnsOf(f.label), quote });
      const b = BREAKDOWN_AMOUNT.exec(f.label);
      if (b) out.push({ kind: 'amount', fact: f, subject: { name: breakdownOfRow(b[1]!)! }, columns: b[2] ? columnsOf(b[2]) : ['initial', 'budget', 'executed'], quote });
      continue;
    }
    if (f.unit === '%') {
      const r = RATE.exec(f.label);
      if (!r) continue;
      const inPart = parts?.partOf(f);
      // Parallel clauses ("中央资金完成A万元，执行率a%，省级资金完成B万元，执行率b%") each own their rate: a bare
      // rate beside another in its sentence is no rate of the whole.
      if (!r[1] && !inPart && facts.some((g) => g !== f && g.sentence === f.sentence && g.unit === '%' && RATE.test(g.label) && !RATE.exec(g.label)?.[1] && !parts?.partOf(g))) continue;
      const name = r[1] ? breakdownOfRow(r[1])! : inPart ? breakdownOfRow(inPart.label) : 'total';
      if (name) out.push({ kind: 'rate', fact: f, subject: { name }, quote });
      continue;
    }
    const scoreWord = /^(总)?(得分|分值|总分值|权重)$/.exec(f.label);
    if (head && scoreWord) {
      const headQuote = `${text.slice(0, text.search(/[:：]/) + 1)}…${quote}`;
      out.push({ kind: /分值|权重/.test(f.label) ? 'weight' : 'score', fact: f, subject: { name: head, level1: true }, quote: headQuote });
      continue;
    }
    const l1 = /^(.*?)(的)?(总)?(得分|分值|总分值|权重)$/.exec(f.label);
    const name = l1 ? level1Name(l1[1]!.replace(/^(根据评价标准|因此|其中)/, '')) : undefined;
    if (l1 && name) {
      out.push({ kind: /分值|权重/.test(l1[4]!) ? 'weight' : 'score', fact: f, subject: { name, level1: true }, quote });
      continue;
    }
    if (!head && TOTAL_SCORE.test(f.label)) out.push({ kind: 'score', fact: f, subject: { name: 'total' }, quote });
  }
  return out;
}

const GRADE = /(自评结果|评价结果|评价等级|自评等级|评分等级|绩效等级|评价结论|评定等级)(为|是|：|:|评定为|等级为|等级)*[“"「『]?(优秀|良好|优|良|中等|合格|不合格|及格|较差|差|中)[”"」』]?(?=[，。；、,;\s]|等级|级|$)/g;

function gradeClaims(text: string): Claim[] {
  const out: Claim[] = [];
  if (headLevel1(text)) return out;
  for (const m of text.matchAll(GRADE)) {
    const grade = gradeOf(m[3]!);
    if (grade) out.push({ kind: 'grade', grade, word: m[3]!, quote: m[0] });
  }
  return out;
}

/** A 其中 list: the total before it, the parts after it in the same sentence. */
interface PartsSpan {
  readonly total: Fact;
  readonly parts: readonly Fact[];
  readonly from: number;
  readonly to: number;
  partOf(f: Fact): Fact | undefined;
}

const NOT_PART = /比|较|增加|减少|增长|下降|占|合计|总计|共|分别|累计|结余|其中/;

function partsSpan(text: string, facts: readonly Fact[]): PartsSpan | undefined {
  const at = text.search(/其中[：:，,]?/);
  if (at < 0) return undefined;
  const breaks = sentenceBreaks(text);
  const end = breaks.find((b) => b > at) ?? text.length;
  if (text.slice(at + 2, end).includes('其中')) return undefined; // nested lists: not read
  const before = facts.filter((f) => isAmount(f) && f.end <= at);
  const total = before[before.length - 1];
  if (!total || /比|较|增|减/.test(total.label)) return undefined;
  // The total stands in the same sentence, or in the one just before.
  const atSentence = facts.find((f) => f.start > at)?.sentence ?? total.sentence;
  if (atSentence - total.sentence > 1) return undefined;
  const parts: Fact[] = [];
  let to = end;
  for (const f of facts) {
    if (f.start < at || f.start > end || !isAmount(f)) continue;
    if (isTotalLabel(f.label)) {
      to = f.labelStart;
      break;
    }
    const label = f.label.replace(/^其中/, ''); // "其中财政拨款45万元": no colon after 其中
    if (label === '' || [...label].length > 15 || NOT_PART.test(label)) return undefined;
    parts.push(f);
  }
  if (parts.length < 1) return undefined;
  const partOf = (f: Fact): Fact | undefined => {
    if (f.start < at || f.start > to) return undefined;
    let last: Fact | undefined;
    for (const p of parts) if (p.start < f.start) last = p;
    return last;
  };
  return { total, parts, from: total.labelStart, to: Math.min(to + 1, text.length), partOf };
}

/** The rates a paragraph states with their amounts; lists, shares and changes are read across paragraphs (relations.ts). */
function selfClaims(text: string, facts: readonly Fact[], span: PartsSpan | undefined): Claim[] {
  return [...rateOfClaims(text, facts, span), ...namedRateClaims(text, facts)];
}

/** 到位率, 拨付率, 支付率, 完成率: the rate's word, and the verb its numerator's label carries. */
const NAMED_RATE = /^[^，,；;。]*?(?:资金|投资|预算|经费)?(到位|拨付|支付|完成)率$/;
/** What a rate is of: the amount due, planned, budgeted, granted or contracted. */
const DUE = /应|计划|预算|下达|合同|批复|总/;
const DONE = /实际|已|累计/;

/**
 * A named rate between the two amounts of its sentence: the one carrying its verb (实际到位资金, 已拨付, 完成投资)
 * over the one it is due against (应到位, 下达资金, 计划投资). Only when each is the only one of its sentence and
 * both come before the rate: a pairing that is not unique is not read.
 */
function namedRateClaims(text: string, facts: readonly Fact[]): Claim[] {
  const out: Claim[] = [];
  for (const r of facts) {
    const word = r.unit === '%' ? NAMED_RATE.exec(r.label)?.[1] : undefined;
    if (!word) continue;
    const before = facts.filter((f) => f.sentence === r.sentence && isAmount(f) && f.start < r.start);
    const done = before.filter((f) => f.label.includes(word) && (DONE.test(f.label) || !DUE.test(f.label)));
    const due = before.filter((f) => !done.includes(f) && DUE.test(f.label) && !DONE.test(f.label));
    if (done.length !== 1 || due.length !== 1 || before.length !== 2) continue;
    const [b, e] = [due[0]!, done[0]!];
    out.push({ kind: 'rateOf', budget: b, executed: e, rate: r, quote: text.slice(Math.min(b.labelStart, e.labelStart), r.end), name: `${word}率` });
  }
  return out;
}

function rateOfClaims(text: string, facts: readonly Fact[], span: PartsSpan | undefined): Claim[] {
  const out: Claim[] = [];
  const sentences = new Set(facts.map((f) => f.sentence));
  for (const s of sentences) {
    const inS = facts.filter((f) => f.sentence === s && !(span && f.start >= span.total.end));
    const budgets = inS.filter((f) => isAmount(f) && isTotalLabel(f.label) && !/到位/.test(f.label) && !columnsOf(f.label).includes('executed'));
    const executed = inS.filter((f) => isAmount(f) && isTotalLabel(f.label) && !/到位/.test(f.label) && columnsOf(f.label).join() === 'executed');
    const rates = inS.filter((f) => f.unit === '%' && RATE.test(f.label) && !RATE.exec(f.label)?.[1]);
    // 年初预算数 and 全年预算数 both stated: the rate is of the 全年 (adjusted) one.
    const adjusted = budgets.length > 1 ? budgets.filter((f) => columnsOf(f.label).join() === 'budget') : budgets;
    if (adjusted.length !== 1 || executed.length !== 1 || rates.length !== 1) continue;
    const [b, e, r] = [adjusted[0]!, executed[0]!, rates[0]!];
    if (!(b.start < r.start && e.start < r.start)) continue;
    out.push({ kind: 'rateOf', budget: b, executed: e, rate: r, quote: text.slice(Math.min(b.labelStart, e.labelStart), r.end) });
  }
  return out;
}

/** Every claim of a paragraph, in the order of the text. */
export function claimsOf(text: string): Claim[] {
  const facts = factsOf(text);
  const all = [...facts, ...bareScores(text, facts)].sort((a, b) => a.start - b.start);
  const span = partsSpan(text, facts);
  const parts: Claim[] = [];
  if (span) {
    for (const p of span.parts) {
      const b = BREAKDOWN_AMOUNT.exec(p.label);
      const name = b ? breakdownOfRow(b[1]!) : undefined;
      const columns: readonly Column[] = b?.[2] ? columnsOf(b[2]) : isTotalLabel(span.total.label) ? columnsOf(span.total.label) : ['initial', 'budget', 'executed'];
      if (name) parts.push({ kind: 'amount', fact: p, subject: { name }, columns, quote: quoteOf(text, p) });
    }
  }
  return [...tableClaims(text, all, span), ...parts, ...gradeClaims(text), ...selfClaims(text, facts, span), ...countClaims(text)];
}
