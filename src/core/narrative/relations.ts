/**
 * What a report says about its own figures, read across its paragraphs the way the sentences are made:
 * a list (其中, 主要用于以下方面, 分项情况是) and the whole it breaks down; a share (占…的 p%) and the whole it
 * names; a change (比上年 / 同比 增加 d, 增长 p%) and the amount it is of. Each relation is read only when its
 * reading is complete and unique (scope.ts says what belongs to what); anything else is left unread.
 */
import type { Paragraph } from './document';
import type { Claim } from './claims';
import { type Fact, factsOf } from './facts';
import { Decimal } from '../numbers';
import { pairedStatements } from './paired';
import {
  type DocFact,
  NO_PART,
  clauseWords,
  REASON,
  inParentheses,
  isExhaustive,
  sameSubject,
  subjectKey,
  startsNewItem,
  wholeOfKind,
  wholesBefore,
} from './scope';

export interface Located {
  readonly paragraph: number;
  readonly claim: Claim;
}

/** Words that open a list of the parts of the amount before them (具体情况如下：its items follow). */
const MARKER = /其中[：:，,]?|主要用于以下方面[：:]?|分项情况(?:是|为|如下)[：:]?|(?:具体|使用|支出|分项)(?:情况|明细)如下[：:]?/g;
const MARKER_IN = /其中|主要用于以下方面|分项情况|(?:具体|使用|支出|分项)(?:情况|明细)如下/;
const BARE_MEASURE = /实际|累计|已|全年|年初|预算|决算|支出|执行|到位|拨付|下达|收入|资金|金额|安排|使用|完成|数|为|是|达|共|计/g;

const UP = /增加|增长|上升|提高/;
const CHANGE =
  /(?:(与|较|比|同比)([^，。；;,!?！？]{0,24}?)(?:相比|相较)?)?(增加|减少|增长|下降|上升|降低|节约|节省|提高)了?\s*(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)\s*[，,、]?\s*(增长|下降|增加|减少|上升|降低|提高)(?:了|为)?\s*(\d+(?:\.\d+)?)\s*[%％]/g;

/** Every figure of the document, with its paragraph. */
function documentFacts(paragraphs: readonly Paragraph[]): DocFact[][] {
  return paragraphs.map((p) => factsOf(p.text).map((f) => ({ ...f, paragraph: p.index, text: p.text, raw: clauseWords(p.text, f.start) })));
}

const isAmount = (f: Fact): boolean => f.unit === '万元' || f.unit === '元';

interface ListRead {
  readonly whole: DocFact;
  readonly parts: readonly DocFact[];
  readonly exhaustive: boolean;
  readonly quote: string;
}

/**
 * The parts after a marker in its own paragraph, to the end of its sentence (or of its brackets): one part per
 * item, items split at 、；(or at commas when the list has no semicolon), each the item's first amount whose words
 * name a thing (not a change, a share or a reason).
 */
function partsInParagraph(facts: readonly DocFact[], text: string, from: number, deltas: ReadonlySet<DocFact>, nested: boolean): { parts: DocFact[]; cut: boolean } {
  const parts: DocFact[] = [];
  const rest = text.slice(from);
  // A list inside another list's item ends with that item (at its semicolon).
  const sentenceEnd = rest.search(nested ? /[。！？；;]/ : /[。！？]/);
  const bracketEnd = inParentheses(text, from, 0) ? rest.search(/[)）]/) : -1;
  const ends = [sentenceEnd, bracketEnd].filter((n) => n >= 0);
  const stop = from + (ends.length ? Math.min(...ends) : rest.length);
  const span = text.slice(from, stop).replace(/[（(][^）)]*[）)]/g, (m) => ' '.repeat(m.length));
  const itemBreak = /[；;]/.test(span) ? /[；;]/ : /[，,；;、]/;
  let item = -1;
  let cut = false;
  for (const f of facts) {
    if (f.start < from || f.start > stop || !isAmount(f)) continue;
    if (inParentheses(text, f.start, from)) continue; // a part's own breakdown
    const before = span.slice(0, f.start - from);
    // A nested list: the rest of the sentence is its last part's breakdown.
    if (/其中/.test(before)) break;
    const itemOf = before.split(itemBreak).length - 1;
    if (itemOf === item) continue; // the item's other figures: its budget, its change
    if (deltas.has(f) || NO_PART.test(f.label) || reasonBefore(text, from, f)) continue;
    if (/合计|总计|共计/.test(f.raw)) {
      cut = true;
      break;
    }
    const label = f.label.replace(/^其中/, '');
    if (label === '' || [...label].length > 24) return { parts: [], cut: true };
    // "…到位300万元，支出250万元": words that only say what is measured name no part of their own.
    if (label.replace(BARE_MEASURE, '') === '') continue;
    item = itemOf;
    parts.push(f);
  }
  return { parts, cut };
}

/** Whether a figure stands in a reason clause (主要原因是…) opened after the list's start. */
function reasonBefore(text: string, from: number, f: Fact): boolean {
  const clauseStart = Math.max(from, text.lastIndexOf('；', f.start), text.lastIndexOf(';', f.start));
  return REASON.test(text.slice(clauseStart, f.start));
}

const ARABIC_ITEM = /^\s*(\d{1,2})[.、．]/;

/**
 * Parts in the paragraphs after a marker that ends its paragraph: the leading amount of each. Items numbered
 * 1. 2. 3. are the parts, the paragraphs between them their details; otherwise the list ends at a paragraph led by
 * no amount, a sibling of the whole, or where the parts would exceed the whole.
 */
function partsAcross(all: readonly DocFact[][], at: number, whole: DocFact, deltas: ReadonlySet<DocFact>, texts: readonly string[]): { parts: DocFact[]; cut: boolean } {
  const parts: DocFact[] = [];
  let sum = new Decimal(0);
  const numbered = ARABIC_ITEM.exec(texts[at + 1] ?? '')?.[1] === '1' && !ARABIC_ITEM.test(whole.text);
  let expect = 1;
  for (let i = at + 1; i < all.length; i++) {
    const text = texts[i] ?? '';
    const facts = all[i]!;
    const first = facts[0];
    if (numbered) {
      const n = ARABIC_ITEM.exec(text)?.[1];
      if (n === undefined) {
        if (startsNewItem('', text)) return { parts, cut: false };
        continue; // an item's details
      }
      if (Number(n) !== expect) return { parts, cut: true };
      expect++;
    } else {
      if (/^\s*其中/.test(text)) return { parts, cut: true };
      if (startsNewItem(whole.text, text) || !first) return { parts, cut: false };
    }
    if (!first || first.start > text.search(/[，,；;。]|$/) || !isAmount(first) || deltas.has(first) || NO_PART.test(first.label)) return { parts, cut: true };
    const next = sum.plus(first.shown.value.times(first.unit === whole.unit ? 1 : first.unit === '元' ? 0.0001 : 10000));
    if (!numbered && next.gt(whole.shown.value.times(1.001))) return { parts, cut: true };
    sum = next;
    parts.push(first);
  }
  // Numbered items to the document's end: whether they are all is for the sets to say (三公, 基本/项目…).
  return { parts, cut: !numbered };
}

function lists(all: readonly DocFact[][], deltas: ReadonlySet<DocFact>, texts: readonly string[]): ListRead[] {
  const out: ListRead[] = [];
  all.forEach((facts, at) => {
    const paragraphText = texts[at] ?? '';
    for (const m of paragraphText.matchAll(MARKER)) {
      const candidates = wholesBefore(all, paragraphText, at, m.index, deltas);
      const from = m.index + m[0].length;
      const endsParagraph = paragraphText.slice(from).replace(/[\s：:]/g, '') === '';
      const nearest = candidates[0];
      if (!nearest) continue;
      const sentenceStart = Math.max(...['。', '！', '？'].map((c) => paragraphText.lastIndexOf(c, m.index))) + 1;
      const nested = !inParentheses(paragraphText, m.index, 0) && MARKER_IN.test(paragraphText.slice(sentenceStart, m.index).replace(/[（(][^）)]*[）)]/g, ''));
      const read = endsParagraph ? partsAcross(all, at, nearest, deltas, texts) : partsInParagraph(facts, paragraphText, from, deltas, nested);
      const whole = wholeOfKind(candidates, read.parts);
      if (!whole) continue;
      const { parts, cut } = endsParagraph && whole !== nearest ? partsAcross(all, at, whole, deltas, texts) : read;
      if (!parts.length || parts.includes(whole)) continue;
      const countStated = countBefore(whole.text, whole.start, whole.paragraph === parts[0]!.paragraph ? m.index : whole.text.length);
      const exhaustive = !cut && isExhaustive(parts.map((p) => p.raw), countStated, whole.raw);
      const quote = whole.paragraph === parts[parts.length - 1]!.paragraph ? whole.text.slice(whole.labelStart, parts[parts.length - 1]!.end) : whole.text.slice(whole.labelStart, whole.end);
      out.push({ whole, parts, exhaustive, quote: quote.trim() });
    }
  });
  return out;
}

const COUNT_WORDS: Record<string, number> = { 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "主要有…二类支出": the number of classes the sentence says the whole has. */
function countBefore(text: string, wholeAt: number, markerAt: number): number | undefined {
  const sentenceStart = Math.max(text.lastIndexOf('。', wholeAt) + 1, 0);
  const m = /([二两三四五六七八九]|\d)(?:类|大类|个方面|部分)/.exec(text.slice(sentenceStart, markerAt));
  if (!m) return undefined;
  return COUNT_WORDS[m[1]!] ?? Number(m[1]);
}

interface ChangeRead {
  readonly claim: Claim;
  readonly paragraph: number;
}

function changes(all: readonly DocFact[][], deltas: Set<DocFact>): ChangeRead[] {
  const out: ChangeRead[] = [];
  const earlier: DocFact[] = [];
  for (const facts of all) {
    const text = facts[0]?.text;
    if (text === undefined) continue;
    for (const m of text.matchAll(CHANGE)) {
      const end = m.index + m[0].length;
      // The change's amount is the last one of the phrase; one before it is the base it is compared with.
      const inPhrase = facts.filter((f) => isAmount(f) && f.start >= m.index && f.end <= end);
      const delta = inPhrase[inPhrase.length - 1];
      const percent = facts.find((f) => f.unit === '%' && f.end === m.index + m[0].length);
      if (!delta || !percent) continue;
      deltas.add(delta);
      const increase = UP.test(m[3]!);
      if (increase !== UP.test(m[6]!)) continue; // the two words disagree: not read
      const baseFact = m[1] && inPhrase.length === 2 ? inPhrase[0] : undefined;
      if (inPhrase.length > 2) continue;
      if (baseFact) deltas.add(baseFact);
      const current = currentOf(text, facts, m.index, earlier, deltas);
      const quote = text.slice(current && current.paragraph === delta.paragraph ? Math.min(current.labelStart, m.index) : m.index, percent.end).trim();
      const claim: Claim | undefined = baseFact
        ? { kind: 'change', current: current ?? delta, delta, percent, increase, quote, base: baseFact }
        : current
          ? { kind: 'change', current, delta, percent, increase, quote }
          : undefined;
      if (claim) out.push({ claim, paragraph: delta.paragraph });
      if (baseFact && current) out.push({ claim: { kind: 'difference', current, base: baseFact, delta, increase, quote: text.slice(Math.min(current.labelStart, m.index), delta.end).trim() }, paragraph: delta.paragraph });
    }
    earlier.push(...facts);
  }
  return out;
}

/**
 * The amount a change is of: the subject its clause names (the same words as an earlier amount's), or, when
 * the clause names none, the amount just before it (not across a reason, nor across another amount).
 */
function currentOf(text: string, facts: readonly DocFact[], at: number, earlier: readonly DocFact[], deltas: ReadonlySet<DocFact>): DocFact | undefined {
  const clauseStart = Math.max(...['，', ',', '；', ';', '。', '：', ':'].map((s) => text.lastIndexOf(s, at - 1))) + 1;
  const subject = text.slice(clauseStart, at).replace(/\s+/g, '');
  const named = subjectKey(subject);
  if (named !== '' && !/^(同比|上年|与上年|本年)$/.test(named)) {
    const same = [...earlier, ...facts.filter((f) => f.end <= clauseStart)].filter((f) => isAmount(f) && !deltas.has(f) && sameSubject(subjectKey(f.raw), named));
    const values = new Set(same.map((f) => f.shown.value.toString()));
    return values.size === 1 ? same[same.length - 1] : undefined;
  }
  const before = facts.filter((f) => f.end <= clauseStart);
  const last = [...before].reverse().find((f) => isAmount(f));
  if (!last || deltas.has(last)) return undefined;
  const between = text.slice(last.end, at);
  // Not across a reason, nor back over more than the sentence just before.
  if (REASON.test(between) || /[。！？].*[。！？]/.test(between)) return undefined;
  return last;
}

function shares(all: readonly DocFact[][], read: readonly ListRead[], deltas: ReadonlySet<DocFact>): Located[] {
  const out: Located[] = [];
  const flat = all.flat();
  const unresolved = new Map<string, { part: DocFact; percent: DocFact }[]>();
  for (const facts of all) {
    for (const percent of facts) {
      if (percent.unit !== '%' || !/^占/.test(percent.label)) continue;
      const text = percent.text;
      const part = [...facts].reverse().find((f) => f.end <= percent.labelStart && isAmount(f));
      if (!part || !/^[，,\s]*$/.test(text.slice(part.end, percent.labelStart))) continue;
      const named = subjectKey(percent.label.replace(/^占(比)?/, '').replace(/的?(比重|比例)?$/, ''));
      const list = read.find((l) => l.parts.includes(part));
      let whole: Fact | undefined;
      if (list && (named === '' || sameSubject(subjectKey(list.whole.raw), named) || subjectKey(list.whole.raw).includes(named))) whole = list.whole;
      else if (named !== '') whole = namedWhole(flat, part, named) ?? totalNamed(flat, part, named, deltas);
      if (whole && whole !== part) out.push({ paragraph: part.paragraph, claim: { kind: 'share', part, total: whole, percent, quote: text.slice(part.labelStart, percent.end).trim() } });
      else if (!whole && named !== '') unresolved.set(named, [...(unresolved.get(named) ?? []), { part, percent }]);
    }
  }
  // A whole never stated but made of parts known to be all of it (基本支出 and 项目支出): their sum.
  for (const [named, group] of unresolved) {
    if (group.length < 2 || !isExhaustive(group.map((g) => subjectKey(g.part.raw)), undefined, named)) continue;
    const whole = sumFact(group.map((g) => g.part));
    for (const { part, percent } of group) out.push({ paragraph: part.paragraph, claim: { kind: 'share', part, total: whole, percent, quote: percent.text.slice(part.labelStart, percent.end).trim() } });
  }
  return out;
}

/** Words a whole is named by in short ("年筹资总额") and the words its amount is stated with ("共需筹集资金"). */
const SHORT_FORMS: Record<string, readonly string[]> = { 筹资: ['筹集资金', '筹措资金'], 投资: ['投入资金'], 拨款: ['拨付资金'] };

/**
 * "占年筹资总额的p%": a whole named as X总额 is the amount the text states as the total of X (共 / 合计 / 总计
 * with X's words, or the words X abbreviates), when the text states exactly one such figure.
 */
function totalNamed(flat: readonly DocFact[], part: DocFact, named: string, deltas: ReadonlySet<DocFact>): DocFact | undefined {
  const m = /^(?:年|全年|本年|年度|当年)?(.{2,6}?)(总额|总数|总计|合计)$/.exec(named);
  if (!m?.[1]) return undefined;
  const words = [m[1], ...(SHORT_FORMS[m[1]] ?? [])];
  const totals = flat.filter((f) => isAmount(f) && f !== part && !deltas.has(f) && !NO_PART.test(f.label) && /共|合计|总计|总额/.test(f.raw) && words.some((w) => f.raw.includes(w)));
  const values = new Set(totals.map((f) => f.shown.value.toString()));
  return values.size === 1 ? totals[0] : undefined;
}

/** The amount a share names: the nearest stated before it with that subject, or the only one after. */
function namedWhole(flat: readonly DocFact[], part: DocFact, named: string): DocFact | undefined {
  const same = flat.filter((f) => isAmount(f) && f !== part && sameSubject(subjectKey(f.raw), named));
  const before = same.filter((f) => f.paragraph < part.paragraph || (f.paragraph === part.paragraph && f.end <= part.start));
  if (before.length) return before[before.length - 1];
  const values = new Set(same.map((f) => f.shown.value.toString()));
  return values.size === 1 ? same[0] : undefined;
}

/** A sum of parts as one figure, known no better than its parts (one decimal fewer covers up to ten of them). */
function sumFact(parts: readonly DocFact[]): Fact {
  const unit = parts.every((p) => p.unit === '元') ? '元' : '万元';
  const value = parts.reduce((s, p) => s.plus(p.unit === unit ? p.shown.value : p.unit === '元' ? p.shown.value.div(10000) : p.shown.value.times(10000)), new Decimal(0));
  const decimals = Math.max(...parts.map((p) => Math.max(p.shown.decimals, 2))) - 1;
  const first = parts[0]!;
  return { ...first, shown: { value, decimals, percent: false, unit }, unit, label: '各项之和' };
}

/** Every part has its share of the whole and the shares make 100%: the list is all of its whole. */
function sharesMakeAll(l: ListRead, read: readonly Located[]): boolean {
  if (l.parts.length < 2) return false;
  const percents = l.parts.map((p) => read.find((r) => r.claim.kind === 'share' && r.claim.part === p && r.claim.total === l.whole));
  if (percents.some((r) => r === undefined)) return false;
  const sum = percents.reduce((s, r) => s.plus(r?.claim.kind === 'share' ? r.claim.percent.shown.value : 0), new Decimal(0));
  return sum.minus(100).abs().lte(new Decimal(0.5).times(l.parts.length));
}

const SIGNED = /(增加|减少|增长|下降|上升|降低|节约|节省)了?\s*$/;

/**
 * A change broken down by signed parts: "比上年减少0.28万元，下降3.09%，其中：A减少0.29万元，…；B增加0.01万元，…".
 * Read only when every item's first amount carries its own direction and the items are known to be all of the
 * change (the three 三公 funds, 基本 and 项目, a last item 其他…): anything else is left unread.
 */
function signedLists(all: readonly DocFact[][], deltas: ReadonlySet<DocFact>, texts: readonly string[]): Located[] {
  const out: Located[] = [];
  all.forEach((facts, at) => {
    const text = texts[at] ?? '';
    for (const m of text.matchAll(/其中[：:，,]?/g)) {
      const sentenceStart = Math.max(...['。', '！', '？'].map((c) => text.lastIndexOf(c, m.index))) + 1;
      const before = facts.filter((f) => f.start >= sentenceStart && f.end <= m.index && isAmount(f));
      const total = before[before.length - 1];
      const totalVerb = total ? SIGNED.exec(text.slice(sentenceStart, total.start))?.[1] : undefined;
      if (!total || !deltas.has(total) || !totalVerb) continue;
      const from = m.index + m[0].length;
      const stop = from + (text.slice(from).search(/[。！？]/) + 1 || text.length - from + 1) - 1;
      const span = text.slice(from, stop);
      const breaks = /[；;]/.test(span) ? /[；;]/ : /[，,、]/;
      const parts: { fact: DocFact; up: boolean }[] = [];
      const labels: string[] = [];
      let itemStart = from;
      for (const item of span.split(breaks)) {
        const first = facts.find((f) => f.start >= itemStart && f.end <= itemStart + item.length && isAmount(f));
        const verb = first ? SIGNED.exec(text.slice(itemStart, first.start))?.[1] : undefined;
        const label = first && verb ? text.slice(itemStart, first.start).replace(SIGNED, '').replace(/\s+/g, '') : '';
        itemStart += item.length + 1;
        if (!first || !verb || label === '') {
          parts.length = 0;
          break;
        }
        parts.push({ fact: first, up: UP.test(verb) });
        labels.push(label);
      }
      if (parts.length < 2 || !isExhaustive(labels, undefined, total.raw)) continue;
      const last = parts[parts.length - 1]?.fact ?? total;
      out.push({ paragraph: total.paragraph, claim: { kind: 'signedParts', total, totalUp: UP.test(totalVerb), parts, quote: text.slice(total.labelStart, last.end).trim() } });
    }
  });
  return out;
}

/** Every relation the document states among its own figures, each at its paragraph. */
export function documentRelations(paragraphs: readonly Paragraph[]): Located[] {
  const every = documentFacts(paragraphs);
  const paired = pairedStatements(every, paragraphs.map((p) => p.text), paragraphs.map((p) => p.index));
  // A paired statement's figures are its own: no other reading takes them.
  const all = every.map((facts, i) => facts.filter((f) => !paired.some((r) => r.paragraph === paragraphs[i]?.index && f.start >= r.span.from && f.start < r.span.to)));
  const deltas = new Set<DocFact>();
  const changed = changes(all, deltas);
  const read = lists(all, deltas, paragraphs.map((p) => p.text));
  const shared = shares(all, read, deltas);
  const out: Located[] = [
    ...shared,
    ...read.map((l) => ({ paragraph: l.whole.paragraph, claim: { kind: 'parts', total: l.whole, parts: l.parts, exhaustive: l.exhaustive || sharesMakeAll(l, shared), quote: l.quote } as Claim })),
    ...changed.map((c) => ({ paragraph: c.paragraph, claim: c.claim })),
    ...paired.flatMap((r) => r.claims.map((claim) => ({ paragraph: r.paragraph, claim }))),
    ...signedLists(all, deltas, paragraphs.map((p) => p.text)),
  ];
  return out;
}
