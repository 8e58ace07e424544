/**
 * Paired lists: "收、支总计各减少120、80万元，各下降10%、8%", "基本支出和项目支出分别为600万元、400万元，占60%、40%",
 * "分别比上年增加10万元、减少5万元". The subjects before 各 / 分别 are paired one to one, in order, with each list
 * of figures after it; each pair is then its own statement (an amount, its change, its share, a part of the whole
 * the sentence breaks down). Read only when every list has as many figures as there are subjects (各 with one
 * figure gives it to each); any other pairing is not unique and is listed as not checked, with why.
 */
import { type Claim, breakdownNamed } from './claims';
import { type Fact, shownOf } from './facts';
import { Decimal } from '../numbers';
import { type DocFact, NO_PART, REASON, isExhaustive, sameSubject, subjectKey } from './scope';

/** A paired statement: the claims of its pairs, or why it was not read; `span` the words it covers. */
export interface PairedRead {
  readonly paragraph: number;
  readonly claims: readonly Claim[];
  readonly span: { readonly from: number; readonly to: number };
}

export const PAIRING_WHY = {
  counts: { zh: '“分别/各”所列数字个数与主语个数不同，无法一一对应', en: 'the figures after 分别 / 各 do not match its subjects one to one' },
  noSubjects: { zh: '“分别/各”之前未列出两个以上主语，无法配对', en: 'no list of subjects before 分别 / 各 to pair the figures with' },
  noCurrent: { zh: '未写出各项本年数，增减幅度无从核对', en: 'the amounts the changes are of are not stated' },
  noWhole: { zh: '“占”所指的总数未写出或不唯一', en: 'the whole the shares are of is not stated or not unique' },
} as const;

const MARKER = /分别|各(?=为|是|达|占|比上年|较上年|比\d{4}|较\d{4}|减少|增加|增长|下降|上升|降低|提高|节约|\s*\d)/g;
const VERB = '(?:增加|减少|增长|下降|上升|降低|提高|节约|节省)';
const ITEM = `(?:${VERB}了?)?\\s*\\d[\\d,]*(?:\\.\\d+)?\\s*(?:亿元|万元|元|%|％)?`;
/** A run of figures joined by 、 / 和 / 与 / 及, each with its own verb or unit or the last one's. */
const LIST = new RegExp(`${ITEM}(?:\\s*(?:、|和|与|及)\\s*${ITEM})*`, 'g');
const UP = /增加|增长|上升|提高/;
const DOWN = /减少|下降|降低|节约|节省/;
const CHANGE_BEFORE = /(同比|比上年度?|较上年度?|与上年度?相比|比\d{4}年度?|较\d{4}年度?|与\d{4}年度?相比)$/;
/** Words that open a clause without being a subject: a year, 本年, 与上年相比… */
const LEAD = /^(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）.、．])?(?:\d{4}年度?|本年度?|全年|当年|其中[：:]?|与上年度?相比[，,]?)*/;
const SHARED_SUFFIX = /^(总计|合计|总额|资金|经费|补助资金|补助|财政资金|衔接资金|收入|支出)$/;
/** A one-character subject that abbreviates the word it opens (收、支总计: 收入总计 and 支出总计). */
const ABBREVIATED: Record<string, string> = { 收: '收入', 支: '支出' };

interface Item {
  readonly fact: Fact;
  readonly verb?: string;
}

interface FigureList {
  readonly lead: string;
  readonly items: readonly Item[];
  readonly each: boolean;
  readonly end: number;
}

/** "收、支总计" → 收入总计, 支出总计; "中央和省级资金" → 中央资金, 省级资金: a suffix the last subject carries for all. */
export function subjectsOf(words: string): string[] | undefined {
  const pieces = words.replace(LEAD, '').split(/、|和|及|与|以及/).map((p) => p.trim());
  if (pieces.length < 2 || pieces.some((p) => p === '' || [...p].length > 20 || /\d/.test(p))) return undefined;
  const last = pieces[pieces.length - 1] ?? '';
  const lengths = new Set(pieces.slice(0, -1).map((p) => p.length));
  const [short] = [...lengths];
  const suffix = short !== undefined ? last.slice(short) : '';
  // Only a suffix every subject can carry (总计, 资金…): "教育和卫生健康支出" is 教育 and 卫生健康支出, not 教育健康支出.
  if (lengths.size === 1 && short !== undefined && last.length > short && (short === 1 || SHARED_SUFFIX.test(suffix))) {
    const head = last.slice(0, short);
    const expand = (p: string) => (ABBREVIATED[p] ?? p) + suffix;
    return [...pieces.slice(0, -1).map(expand), expand(head)];
  }
  return pieces;
}

function itemsOf(text: string, from: number, run: string, paragraphSentence: number): Item[] | undefined {
  const parts = [...run.matchAll(new RegExp(`(${VERB})?了?\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*(亿元|万元|元|%|％)?`, 'g'))];
  const lastUnit = parts[parts.length - 1]?.[3];
  if (!lastUnit) return undefined;
  const items: Item[] = [];
  // "减少120万元、80万元": an item with no verb of its own takes the one before it.
  let verb: string | undefined;
  for (const m of parts) {
    verb = m[1] ?? verb;
    const unit = m[3] ?? lastUnit;
    const read = shownOf(m[2] ?? '', unit);
    if (!read) return undefined;
    const start = from + m.index + (m[1]?.length ?? 0);
    const fact: Fact = { start, end: from + m.index + m[0].length, labelStart: start, label: '', shown: read.shown, unit: read.unit, sentence: paragraphSentence };
    items.push(verb ? { fact, verb } : { fact });
  }
  // Figures of different kinds in one list (万元 beside %) are no list.
  return new Set(items.map((i) => i.fact.unit === '%')).size === 1 ? items : undefined;
}

/** The lists of figures after a marker, clause by clause, to the end of the sentence. */
function listsAfter(text: string, from: number, to: number, sentence: number): FigureList[] | undefined {
  const out: FigureList[] = [];
  let at = from;
  while (at < to) {
    const clauseEnd = (() => {
      const rest = text.slice(at, to).search(/[，,]/);
      return rest < 0 ? to : at + rest;
    })();
    const clause = text.slice(at, clauseEnd);
    const m = new RegExp(LIST.source).exec(clause);
    if (!m || !/\d/.test(m[0])) break;
    const lead = clause.slice(0, m.index);
    if (REASON.test(lead) || /\d/.test(lead)) break;
    const items = itemsOf(text, at + m.index, m[0], sentence);
    if (!items) return undefined;
    // The clause goes on after its list ("…万元的60%"): not a list of its own figures.
    if (clause.slice(m.index + m[0].length).trim() !== '') return undefined;
    // 各 gives one figure to each subject, in every list of its statement ("各增加A万元，增长p%").
    out.push({ lead: lead.replace(/^(各|分别)/, ''), items, each: /^各|各$/.test(lead.trim()) || text.slice(from - 1, from) === '各', end: clauseEnd });
    at = clauseEnd + 1;
  }
  return out;
}

const asDocFact = (f: Fact, subject: string, paragraph: number, text: string): DocFact => ({ ...f, label: subject, raw: subject, paragraph, text });

/** A subject's words as compared here: 合计 and 总计 kept whole (subjectKey drops a closing 计). */
const pairKey = (words: string): string =>
  words
    .replace(/\s+/g, '')
    .replace(/(\d{4})年度?/g, '')
    .replace(/^(本年度?|全年|当年|本单位|本部门|我单位|其中|一般公共预算)+/, '')
    .replace(/(为|是|达到|达|:|：|的)+$/, '');

const samePair = (a: string, b: string): boolean => {
  const [x, y] = [pairKey(a), pairKey(b)];
  return sameSubject(subjectKey(a), subjectKey(b)) || (x === y && [...x].length >= 2);
};

/** The one amount stated earlier for a subject (its values all alike), else undefined. */
function earlierAmount(earlier: readonly DocFact[], subject: string): DocFact | undefined {
  // A budget is no amount spent: "基本支出预算600万元" is not what 基本支出 changed from.
  const planned = (w: string) => /预算|计划|年初/.test(w.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, ''));
  const same = earlier.filter((f) => (f.unit === '万元' || f.unit === '元') && !NO_PART.test(f.label) && planned(f.raw) === planned(subject) && samePair(f.raw, subject));
  const values = new Set(same.map((f) => f.shown.value.toString()));
  return values.size === 1 ? same[same.length - 1] : undefined;
}

type Role = 'amount' | 'delta' | 'percentChange' | 'share' | 'other';

function roleOf(l: FigureList): Role {
  const percent = l.items[0]?.fact.unit === '%';
  const verbs = l.items.some((i) => i.verb) || new RegExp(VERB).test(l.lead);
  if (/占/.test(l.lead)) return percent ? 'share' : 'other';
  if (percent) return verbs ? 'percentChange' : 'other';
  if (verbs) return 'delta';
  return /比|较|上年|预算|计划|执行|到位|完成/.test(l.lead) ? 'other' : 'amount';
}

interface Context {
  readonly paragraph: number;
  readonly text: string;
  readonly earlier: readonly DocFact[];
  /** The whole the sentence breaks down (其中 before the subjects), if any. */
  readonly whole: DocFact | undefined;
  readonly quote: string;
  /** The subjects' amounts stated with them ("基本支出600万元、项目支出400万元，分别…"). */
  readonly own?: readonly DocFact[];
}

function unread(quote: string, why: { zh: string; en: string }): Claim {
  return { kind: 'unpaired', quote, why };
}

/** The claims of one paired statement, or why it is not read. */
function pairClaims(subjects: readonly string[], lists: readonly FigureList[], ctx: Context): Claim[] {
  const n = subjects.length;
  const byRole = new Map<Role, FigureList>();
  for (const l of lists) {
    const role = roleOf(l);
    if (role === 'other' || byRole.has(role)) return [];
    const k = l.items.length;
    if (k !== n && !(k === 1 && l.each)) return [unread(ctx.quote, PAIRING_WHY.counts)];
    byRole.set(role, l);
  }
  const figure = (role: Role, i: number): Item | undefined => {
    const l = byRole.get(role);
    return l ? (l.items.length === 1 ? l.items[0] : l.items[i]) : undefined;
  };
  const lead = (role: Role): string => byRole.get(role)?.lead ?? '';
  const currents = subjects.map((s, i) => {
    const stated = figure('amount', i);
    return stated ? asDocFact(stated.fact, s, ctx.paragraph, ctx.text) : (ctx.own?.[i] ?? earlierAmount(ctx.earlier, s));
  });
  const out: Claim[] = [];
  const amounts = byRole.get('amount');
  // "基本支出和项目支出分别为A万元、B万元": each a breakdown row's amount, checked against the table as if stated alone.
  if (amounts && amounts.items.length === n && !amounts.lead.replace(/为|是|达到|达|共计|合计/g, '')) {
    subjects.forEach((s, i) => {
      const row = breakdownNamed(pairKey(s));
      const item = amounts.items[i];
      if (row && item) out.push({ kind: 'amount', fact: { ...item.fact, label: s }, subject: { name: row.name }, columns: row.columns, quote: ctx.quote });
    });
  }
  if (ctx.whole && ((amounts && amounts.items.length === n) || ctx.own)) {
    const parts = currents.filter((c): c is DocFact => c !== undefined);
    out.push({ kind: 'parts', total: ctx.whole, parts, exhaustive: isExhaustive(subjects, undefined, ctx.whole.raw), quote: ctx.quote });
  }
  if (byRole.has('delta') && byRole.has('percentChange')) {
    if (currents.some((c) => c === undefined)) return [...out, unread(ctx.quote, PAIRING_WHY.noCurrent)];
    subjects.forEach((s, i) => {
      const [delta, percent, current] = [figure('delta', i), figure('percentChange', i), currents[i]];
      if (!delta || !percent || !current) return;
      const up = (w: string | undefined) => (w && UP.test(w) ? true : w && DOWN.test(w) ? false : undefined);
      const dUp = up(delta.verb) ?? up(lead('delta'));
      const pUp = up(percent.verb) ?? up(lead('percentChange'));
      if (dUp === undefined || dUp !== pUp) return;
      out.push({ kind: 'change', current, delta: asDocFact(delta.fact, s, ctx.paragraph, ctx.text), percent: percent.fact, increase: dUp, quote: ctx.quote });
    });
  }
  const shares = byRole.get('share');
  if (shares) {
    const named = subjectKey(shares.lead.replace(/^.*?占(比)?/, '').replace(/的?(比重|比例)?$/, ''));
    const whole = named !== '' ? earlierAmount(ctx.earlier, named) : (ctx.whole ?? sumIfAll(subjects, currents));
    if (!whole || currents.some((c) => c === undefined)) return [...out, unread(ctx.quote, PAIRING_WHY.noWhole)];
    subjects.forEach((s, i) => {
      const [part, percent] = [currents[i], figure('share', i)];
      if (part && percent) out.push({ kind: 'share', part, total: whole, percent: percent.fact, quote: ctx.quote });
    });
  }
  return out;
}

/** Parts known to be all of their whole (基本支出 and 项目支出): the whole is their sum. */
function sumIfAll(subjects: readonly string[], currents: readonly (DocFact | undefined)[]): DocFact | undefined {
  const parts = currents.filter((c): c is DocFact => c !== undefined);
  if (parts.length !== subjects.length || !isExhaustive(subjects, undefined, '')) return undefined;
  const first = parts[0];
  if (!first || parts.some((p) => p.unit !== first.unit)) return undefined;
  const value = parts.reduce((sum, p) => sum.plus(p.shown.value), new Decimal(0));
  const decimals = Math.max(...parts.map((p) => Math.max(p.shown.decimals, 2))) - 1;
  return { ...first, shown: { ...first.shown, value, decimals }, label: '各项之和', raw: '各项之和' };
}

/** The whole a 其中 before the subjects breaks down: the last amount before it in its sentence, not a change's. */
function wholeBefore(facts: readonly DocFact[], text: string, sentenceStart: number, subjectsAt: number): DocFact | undefined {
  const qz = text.lastIndexOf('其中', subjectsAt);
  if (qz < sentenceStart - 1 || qz < 0 || text.slice(qz + 2, subjectsAt).replace(/[：:，,\s]/g, '').length > 0) return undefined;
  const before = facts.filter((f) => f.end <= qz && (f.unit === '万元' || f.unit === '元'));
  const w = before[before.length - 1];
  if (!w || NO_PART.test(w.label) || REASON.test(text.slice(Math.max(0, text.lastIndexOf('。', w.start)), w.start))) return undefined;
  // Not across more than the sentence just before.
  return /[。！？].*[。！？]/.test(text.slice(w.end, qz)) ? undefined : w;
}

function statedAmounts(subjects: readonly string[] | undefined, lists: readonly FigureList[], paragraph: number, text: string): DocFact[] {
  const amounts = lists.find((l) => roleOf(l) === 'amount');
  if (!subjects || !amounts || lists.filter((l) => roleOf(l) === 'amount').length !== 1) return [];
  const n = subjects.length;
  if (amounts.items.length !== n && !(amounts.items.length === 1 && amounts.each)) return [];
  return subjects.flatMap((s, i) => {
    const item = amounts.items[amounts.items.length === 1 ? 0 : i];
    return item ? [asDocFact(item.fact, s, paragraph, text)] : [];
  });
}

/**
 * "基本支出600万元、项目支出400万元，分别占60%、40%": the clause before the marker's lists its subjects each with
 * its own amount; read only when the marker's own clause names nothing and every item is a label and one amount.
 */
function labelledAmounts(facts: readonly DocFact[], text: string, sentenceStart: number, clauseStart: number, words: string): { subjects: string[]; amounts: DocFact[]; from: number } | undefined {
  if (words.replace(LEAD, '') !== '' || clauseStart - 1 <= sentenceStart) return undefined;
  const end = clauseStart - 1;
  const from = Math.max(sentenceStart, ...['，', ',', '：', ':'].map((c) => text.lastIndexOf(c, end - 1) + 1));
  const items = text.slice(from, end).split(/、|和|及/);
  const inClause = facts.filter((f) => f.start >= from && f.end <= end);
  if (items.length < 2 || inClause.length !== items.length || inClause.some((f) => f.unit !== '万元' && f.unit !== '元')) return undefined;
  const amounts: DocFact[] = [];
  let at = from;
  for (const [i, item] of items.entries()) {
    const f = inClause[i];
    const label = item.replace(/\s+/g, '').replace(/\d[\d,.]*\s*(亿元|万元|元)$/, '').replace(LEAD, '').replace(/(为|是|达到|达|共计|合计|计|:|：)+$/, '');
    if (!f || f.start < at || label === '' || /\d|比|较|增|减|占/.test(label) || text.slice(f.end, at + item.length).trim() !== '') return undefined;
    amounts.push(asDocFact(f, label, f.paragraph, text));
    at += item.length + 1;
  }
  return { subjects: amounts.map((a) => a.label), amounts, from };
}

/** Every paired statement of a document, in order. */
export function pairedStatements(all: readonly (readonly DocFact[])[], texts: readonly string[], paragraphs: readonly number[]): PairedRead[] {
  const out: PairedRead[] = [];
  const earlier: DocFact[] = [];
  /** The amounts paired statements gave their subjects ("收、支总计各1080万元"): what a later change is of. */
  const named: DocFact[] = [];
  texts.forEach((text, p) => {
    const facts = all[p] ?? [];
    const paragraph = paragraphs[p] ?? p + 1;
    const ends = [...text.matchAll(/[。！？!?；;]/g)].map((m) => m.index);
    let sentenceStart = 0;
    for (const sentenceEnd of [...ends, text.length]) {
      let subjects: string[] | undefined;
      let subjectsAt = -1;
      let own: DocFact[] | undefined;
      for (const m of text.slice(sentenceStart, sentenceEnd).matchAll(MARKER)) {
        const at = sentenceStart + m.index;
        if (subjectsAt >= 0 && at < subjectsAt) continue;
        const clauseStart = Math.max(sentenceStart, ...['，', ',', '：', ':'].map((c) => text.lastIndexOf(c, at - 1) + 1));
        const words = text.slice(clauseStart, at).replace(/\s+/g, '').replace(CHANGE_BEFORE, '');
        const listed = subjectsOf(words);
        const labelled = listed || subjects ? undefined : labelledAmounts(facts, text, sentenceStart, clauseStart, words);
        if (listed) {
          subjects = listed;
          subjectsAt = clauseStart;
        } else if (labelled) {
          subjects = labelled.subjects;
          subjectsAt = labelled.from;
          own = labelled.amounts;
          named.push(...labelled.amounts);
        }
        const lists = listsAfter(text, at + m[0].length, sentenceEnd, facts.find((f) => f.start >= at)?.sentence ?? 0);
        if (!lists?.length) continue;
        const to = lists[lists.length - 1]?.end ?? sentenceEnd;
        const from = subjects ? subjectsAt : clauseStart;
        const quote = text.slice(from, to).trim();
        const seen = [...earlier, ...named, ...facts.filter((f) => f.end <= from)];
        const claims = subjects
          ? pairClaims(subjects, lists, { paragraph, text, earlier: seen, whole: wholeBefore(facts, text, sentenceStart, subjectsAt), quote, ...(own ? { own } : {}) })
          : [unread(quote, PAIRING_WHY.noSubjects)];
        out.push({ paragraph, claims, span: { from, to } });
        named.push(...statedAmounts(subjects, lists, paragraph, text));
        subjectsAt = to;
      }
      sentenceStart = sentenceEnd + 1;
    }
    earlier.push(...facts);
  });
  return out;
}
