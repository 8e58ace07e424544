/**
 * A report checked: every claim of every paragraph against the table the paragraph is about (the only
 * table, or the one whose 项目名称 / 部门名称 the text last named), and the report's own sums. Each claim
 * read is one statement with its verdict; a contradiction is a finding at the paragraph, quoting its words.
 */
import { FINDING_CODES, type FindingParams, type ReportCheck, type ReportWhat, reportedValues } from '../findings';
import { Decimal, type Interval, type Shown, add, amountInterval, divide, fmt2, inUnit, overlaps, rateInterval, scale } from '../numbers';
import { normalizeLabel } from '../text';
import type { Claim, Column } from './claims';
import { claimsOf } from './claims';
import { documentRelations } from './relations';
import { type SangongStatement, sangongStatements } from './sangong';
import type { Grid } from '../grid';
import { type Fact, factsOf } from './facts';
import type { Paragraph } from './document';
import { type AmountRow, type TableView, acceptedRates } from './tables';
import type { Table } from '../table';
import { gradeFor } from '../check/figures';

export type ReportCode = 'REPORT_TABLE_MISMATCH' | 'REPORT_ARITHMETIC' | 'REPORT_UNMATCHED';

/** The report codes, raised here (the registry's test counts them). */
export const REPORT_CODES: readonly ReportCode[] = ['REPORT_TABLE_MISMATCH', 'REPORT_ARITHMETIC', 'REPORT_UNMATCHED'];

export interface ReportFindingOf<C extends ReportCode> {
  readonly code: C;
  readonly severity: (typeof FINDING_CODES)[C];
  /** The paragraph (1-based) and the words quoted. */
  readonly paragraph: number;
  readonly quote: string;
  readonly expected: string | null;
  readonly found: string | null;
  readonly params: FindingParams[C];
}

export type ReportFinding = { [C in ReportCode]: ReportFindingOf<C> }[ReportCode];

export type Verdict = 'consistent' | 'inconsistent' | 'unmatched' | 'unchecked';

export interface Statement {
  readonly paragraph: number;
  readonly quote: string;
  readonly kind: Claim['kind'];
  /** What it is about: 'total', a breakdown, a 一级指标, or the words of a self-check. */
  readonly subject: string;
  /** The figure stated. */
  readonly found: string;
  readonly verdict: Verdict;
  /** What it was checked against: a table's name, or 'text' (the report's own figures). */
  readonly against: string | null;
  readonly finding?: ReportFinding;
  /** Why an unchecked statement was not checked, in both languages (the reviewer reads it in the pane). */
  readonly why?: Why;
}

export interface Why {
  readonly zh: string;
  readonly en: string;
}

/** The reasons a statement is not checked. */
export const UNCHECKED_WHY = {
  otherYear: { zh: '所述年份与表的年度不同', en: 'a figure of another year than the table’s' },
  partsShort: { zh: '各分项之和小于总数，且原文未说明已列全', en: 'the parts sum to less than the whole and are not said to be all of it' },
  statedOnce: { zh: '无对应的表；仅与全文再次出现的同一数字比对', en: 'no table holds it; only compared with the same figure stated again' },
  noScore: { zh: '文中未写总分，无从核对等级', en: 'no total score stated to grade' },
  severalScores: { zh: '文中总分不止一个，不知等级指哪个', en: 'the text states more than one total score' },
} as const satisfies Record<string, Why>;

const notChecked = (c: Claim, subject: string, found: string, why: Why): Out => ({ quote: c.quote, kind: c.kind, subject, found, verdict: 'unchecked', against: null, why });

const HUNDRED = new Decimal(100);

const findingOf = <C extends ReportCode>(code: C, quote: string, params: FindingParams[C]): ReportFinding => finding(code, 0, quote, params);

function finding<C extends ReportCode>(code: C, paragraph: number, quote: string, params: FindingParams[C]): ReportFinding {
  const { expected, found } = reportedValues(code, params);
  return { code, severity: FINDING_CODES[code], paragraph, quote, expected, found, params } as ReportFinding;
}

const shownText = (s: Shown): string => s.value.toFixed(Math.max(0, s.decimals));

/** An amount in a unit: 万元 or 元. */
function amountIn(f: Fact, unit: '万元' | '元'): Shown {
  return inUnit(f.shown, unit);
}

const mid = (i: Interval): Decimal => i.lo.plus(i.hi).div(2);

/** A percent the arithmetic gives, to the decimals the report shows its own: what it should have written. */
const asShown = (d: Decimal, stated: Shown): string => d.toFixed(Math.max(stated.decimals, 0));

interface Context {
  readonly paragraph: number;
  readonly table: TableView | undefined;
  readonly seen: Map<string, { value: Interval; shown: string; paragraph: number }>;
  /** The report holds several tables (several projects): a figure stated twice may be two projects'. */
  readonly several: boolean;
  /** The paragraph's text (whose figure a rate is: the sentence names its owner). */
  readonly text: string;
  /** Where the paragraph's rates computed from their own sentence's amounts stand: those amounts' rates. */
  readonly ownRates: ReadonlySet<number>;
  readonly tables: readonly TableView[];
  /** The year the report is of, from its first paragraphs (its title: "2021年度…自评报告"). */
  readonly year: string | undefined;
  /** The total scores the text has stated so far (a grade is checked against them when no table gives one). */
  readonly scores: Shown[];
  /** The paragraph's other scores (得分 / 评分 … 分) not read as the total ("复评后得分为88分"): a grade beside them is not sure. */
  readonly otherScores: readonly Shown[];
}

type Out = Omit<Statement, 'paragraph'>;

/** "部门预算资金", "部门整体绩效评价得分" are a department's; "项目预算资金", "该项目得分" a project's. */
function wholeOf(label: string): Table['kind'] | undefined {
  if (/部门|整体|我单位|本单位|我局/.test(label)) return 'department';
  if (/项目/.test(label)) return 'project';
  return undefined;
}

function againstTable(c: Claim, t: TableView, reportYear?: string): Out | null {
  if ((c.kind === 'amount' || c.kind === 'rate' || c.kind === 'score') && c.subject.name === 'total' && !c.project) {
    // The whole of a department is not a project's table's total, nor the reverse.
    const whole = wholeOf(c.fact.label);
    if (whole && whole !== t.kind) return null;
  }
  switch (c.kind) {
    case 'amount': {
      const row: AmountRow | undefined = c.subject.name === 'total' ? t.total : t.rows.get(c.subject.name);
      return amountVerdict(c, row, t, reportYear);
    }
    case 'rate': {
      const row = c.subject.name === 'total' ? t.total : t.rows.get(c.subject.name);
      const stated = rateInterval(c.fact.shown);
      const found = `${shownText(c.fact.shown)}`;
      if (!row) return unmatched(c, 'rate', c.subject.name, found, t);
      const accepted = acceptedRates(row);
      if (!accepted.length) return null;
      if (accepted.some((a) => overlaps(a, stated))) return ok(c, c.subject.name, found, t.name);
      return mismatch(c, 'rate', c.subject.name, fmt2(mid(accepted[0]!)), found, '%', t.name);
    }
    case 'score':
    case 'weight':
      return pointsVerdict(c, t);
    case 'grade': {
      if (!t.grades.length) return null;
      if (t.grades.includes(c.grade)) return ok(c, 'total', c.word, t.name);
      return mismatch(c, 'grade', 'total', t.grades[0]!, c.word, '', t.name);
    }
    default:
      return null;
  }
}

function amountVerdict(c: Extract<Claim, { kind: 'amount' }>, row: AmountRow | undefined, t: TableView, reportYear: string | undefined): Out | null {
  // Compared in the statement's unit: a table in 元 is brought to 万元 with all its digits, never the reverse.
  const unit = c.fact.unit === '元' ? '元' : '万元';
  const stated = c.fact.shown;
  const found = shownText(stated);
  // The year of the figure, not of a project's name ("2020年市级综合考核奖励经费项目…").
  const year = /^(\d{4})年/.exec(c.project ? c.fact.label.slice(c.project.length) : c.fact.label)?.[1];
  // An amount of another year than the table's (or the report's) is no figure of the table; nor one whose year
  // cannot be told to be the table's.
  const tableYear = t.year ?? reportYear;
  if (year && year !== tableYear) return notChecked(c, c.subject.name, found, UNCHECKED_WHY.otherYear);
  if (!row) return unmatched(c, 'amount', c.subject.name, found, t);
  const candidates = c.columns
    .map((k: Column) => row.amounts[k])
    .filter((s): s is Shown => s !== undefined)
    .map((s) => inUnit({ ...s, unit: t.unit }, unit));
  if (!candidates.length) return null;
  const si = amountInterval(stated);
  if (candidates.some((s) => overlaps(amountInterval(s), si))) return ok(c, c.subject.name, found, t.name);
  return mismatch(c, 'amount', c.subject.name, fmt2(candidates[candidates.length - 1]!.value), found, unit, t.name);
}

function pointsVerdict(c: Extract<Claim, { kind: 'score' | 'weight' }>, t: TableView): Out | null {
  const found = shownText(c.fact.shown);
  const si = amountInterval(c.fact.shown);
  let accepted: readonly Interval[];
  if (c.subject.level1) {
    const l = t.level1.get(c.subject.name);
    if (!l) return t.level1.size ? unmatched(c, c.kind, c.subject.name, found, t) : null;
    const i = c.kind === 'score' ? l.score : l.weight;
    accepted = i ? [i] : [];
  } else {
    if (c.kind === 'weight') return null;
    accepted = t.totalScore;
  }
  if (!accepted.length) return null;
  if (accepted.some((a) => overlaps(a, si))) return ok(c, c.subject.name, found, t.name);
  return mismatch(c, c.kind, c.subject.name, fmt2(mid(accepted[0]!)), found, '分', t.name);
}

function ok(c: Claim, subject: string, found: string, against: string): Out {
  return { quote: c.quote, kind: c.kind, subject, found, verdict: 'consistent', against };
}

function mismatch(c: Claim, what: ReportWhat, subject: string, expected: string, found: string, unit: string, table: string): Out {
  const f = finding('REPORT_TABLE_MISMATCH', 0, c.quote, { what, subject, expected, found, table, unit });
  return { quote: c.quote, kind: c.kind, subject, found, verdict: 'inconsistent', against: table, finding: f };
}

function unmatched(c: Claim, what: ReportWhat, subject: string, found: string, t: TableView): Out {
  const f = finding('REPORT_UNMATCHED', 0, c.quote, { what, subject, table: t.name });
  return { quote: c.quote, kind: c.kind, subject, found, verdict: 'unmatched', against: t.name, finding: f };
}

function arithmetic(c: Claim, check: ReportCheck, subject: string, expected: string, found: string, unit: string, paragraph?: number): Out {
  const f = finding('REPORT_ARITHMETIC', 0, c.quote, { check, subject, expected, found, unit, ...(paragraph ? { paragraph } : {}) });
  return { quote: c.quote, kind: c.kind, subject, found, verdict: 'inconsistent', against: 'text', finding: f };
}

function consistentText(c: Claim, subject: string, found: string): Out {
  return { quote: c.quote, kind: c.kind, subject, found, verdict: 'consistent', against: 'text' };
}

/** Amounts of one statement in one unit: 元 when all are in 元, else 万元 (元 brought to 万元 keeps every digit). */
function amountsIn(facts: readonly Fact[]): { unit: '万元' | '元'; shown: Shown[] } {
  const unit = facts.every((f) => f.unit === '元') ? '元' : '万元';
  return { unit, shown: facts.map((f) => amountIn(f, unit)) };
}

function selfVerdict(c: Claim): Out | null {
  switch (c.kind) {
    case 'parts': {
      const { unit, shown } = amountsIn([c.total, ...c.parts]);
      const [total, ...parts] = shown;
      let sum: Interval = { lo: new Decimal(0), hi: new Decimal(0) };
      for (const p of parts) sum = add(sum, amountInterval(p));
      const ti = amountInterval(total!);
      const found = shownText(total!);
      const over = sum.lo.gte(ti.hi) && !overlaps(sum, ti);
      const under = sum.hi.lte(ti.lo) && !overlaps(sum, ti);
      // The sum to the most decimals its parts show (4.647 + 169 + 756 = 929.647), at least 2.
      const decimals = Math.max(2, ...parts.map((p) => p.decimals));
      if (over || (under && c.exhaustive)) return arithmetic(c, 'parts', '其中', mid(sum).toFixed(decimals), found, unit);
      return overlaps(sum, ti) ? consistentText(c, '其中', found) : notChecked(c, '其中', found, UNCHECKED_WHY.partsShort);
    }
    case 'signedParts': {
      const { unit, shown } = amountsIn([c.total, ...c.parts.map((p) => p.fact)]);
      const signed = (i: Interval, up: boolean): Interval => (up ? i : { lo: i.hi.neg(), hi: i.lo.neg() });
      const [total, ...parts] = shown;
      let sum: Interval = { lo: new Decimal(0), hi: new Decimal(0) };
      parts.forEach((p, k) => (sum = add(sum, signed(amountInterval(p), c.parts[k]?.up ?? true))));
      const found = shownText(total!);
      if (overlaps(sum, signed(amountInterval(total!), c.totalUp))) return consistentText(c, '其中', found);
      const decimals = Math.max(2, ...parts.map((p) => p.decimals));
      return arithmetic(c, 'parts', '其中（增减）', mid(sum).toFixed(decimals), found, unit);
    }
    case 'share': {
      const { shown } = amountsIn([c.part, c.total]);
      const ti = amountInterval(shown[1]!);
      if (ti.lo.lte(0)) return null;
      const share = scale(divide(amountInterval(shown[0]!), ti), HUNDRED);
      const found = shownText(c.percent.shown);
      if (overlaps(share, rateInterval(c.percent.shown))) return consistentText(c, c.part.label, found);
      return arithmetic(c, 'share', c.part.label, asShown(mid(share), c.percent.shown), found, '%');
    }
    case 'change': {
      // The base stated ("较2024年的2190万元减少221万元"), else the amount less its change.
      const { shown } = amountsIn([c.base ?? c.current, c.delta]);
      const ci = amountInterval(shown[0]!);
      const di = amountInterval(shown[1]!);
      const base = c.base ? ci : c.increase ? { lo: ci.lo.minus(di.hi), hi: ci.hi.minus(di.lo) } : { lo: ci.lo.plus(di.lo), hi: ci.hi.plus(di.hi) };
      if (base.lo.lte(0)) return null;
      const pct = scale(divide(di, base), HUNDRED);
      const found = shownText(c.percent.shown);
      if (overlaps(pct, rateInterval(c.percent.shown))) return consistentText(c, c.current.label, found);
      return arithmetic(c, 'change', c.current.label, asShown(mid(pct), c.percent.shown), found, '%');
    }
    case 'count': {
      if (c.stated === c.names.length) return consistentText(c, '个数', c.shown);
      const f = finding('REPORT_ARITHMETIC', 0, c.quote, { check: 'count', subject: c.names.join('、'), expected: String(c.names.length), found: c.shown, unit: '' });
      return { quote: c.quote, kind: c.kind, subject: '个数', found: c.shown, verdict: 'inconsistent', against: 'text', finding: f };
    }
    case 'difference': {
      const { unit, shown } = amountsIn([c.current, c.base, c.delta]);
      const [ci, bi] = [amountInterval(shown[0]!), amountInterval(shown[1]!)];
      const diff = c.increase ? { lo: ci.lo.minus(bi.hi), hi: ci.hi.minus(bi.lo) } : { lo: bi.lo.minus(ci.hi), hi: bi.hi.minus(ci.lo) };
      const found = shownText(shown[2]!);
      if (overlaps(diff, amountInterval(shown[2]!))) return consistentText(c, '增减额', found);
      return arithmetic(c, 'difference', '增减额', fmt2(mid(diff)), found, unit);
    }
    case 'rateOf': {
      const { shown } = amountsIn([c.budget, c.executed]);
      const bi = amountInterval(shown[0]!);
      if (bi.lo.lte(0)) return null;
      const rate = scale(divide(amountInterval(shown[1]!), bi), HUNDRED);
      const over = shown[1]!.value.gt(shown[0]!.value);
      const stated = rateInterval(c.rate.shown);
      const found = shownText(c.rate.shown);
      const name = c.name ?? '执行率';
      if (overlaps(rate, stated) || (over && c.rate.shown.value.eq(100))) return consistentText(c, name, found);
      return arithmetic(c, 'rate', name, asShown(mid(rate), c.rate.shown), found, '%');
    }
    default:
      return null;
  }
}

/** The key of a figure that must read the same wherever it is stated, and its value. */
function twiceKey(c: Claim): { key: string; value: Interval; shown: string; unit: string; subject: string } | undefined {
  switch (c.kind) {
    case 'amount':
      // Only the department's own totals: a report on several projects states each project's amounts.
      if (c.subject.name !== 'total' || !/部门|整体/.test(c.fact.label)) return undefined;
      return { key: `amount:${normalizeLabel(c.fact.label).replace(/^\d{4}年度?/, '')}`, value: amountInterval(amountIn(c.fact, '万元')), shown: shownText(amountIn(c.fact, '万元')), unit: '万元', subject: c.fact.label };
    case 'score':
    case 'weight':
      return { key: `${c.kind}:${c.subject.name}`, value: amountInterval(c.fact.shown), shown: shownText(c.fact.shown), unit: '分', subject: c.subject.name === 'total' ? '总分' : c.subject.name };
    case 'rate':
      return { key: `rate:${c.subject.name}`, value: rateInterval(c.fact.shown), shown: shownText(c.fact.shown), unit: '%', subject: c.subject.name === 'total' ? '执行率' : `${c.subject.name}执行率` };
    default:
      return undefined;
  }
}

/** Whose a figure is, by its sentence's words before it: the department's, a project's, or not said. */
function ownerOf(text: string, f: Fact): string {
  const start = Math.max(...['。', '！', '？', '；', ';'].map((s) => text.lastIndexOf(s, f.start - 1))) + 1;
  const words = text.slice(start, f.start);
  if (/项目/.test(words)) return 'project';
  if (/部门|整体|单位/.test(words)) return 'department';
  return '';
}

function checkTwice(c: Claim, ctx: Context): Out | null {
  const found = ctx.several ? undefined : twiceKey(c);
  if (!found) return null;
  // A rate is the department's, a project's or the text's only one: two owners' rates are two figures.
  const k = c.kind === 'rate' ? { ...found, key: `${found.key}:${ownerOf(ctx.text, c.fact)}` } : found;
  const first = ctx.seen.get(k.key);
  if (!first) {
    ctx.seen.set(k.key, { value: k.value, shown: k.shown, paragraph: ctx.paragraph });
    return notChecked(c, k.subject, k.shown, UNCHECKED_WHY.statedOnce);
  }
  // A rate its own sentence's amounts give is theirs (its rateOf checks it): kept for a later statement, never raised.
  if (c.kind === 'rate' && ctx.ownRates.has(c.fact.start)) return null;
  if (overlaps(first.value, k.value)) return { quote: c.quote, kind: c.kind, subject: k.subject, found: k.shown, verdict: 'consistent', against: 'text' };
  return arithmetic(c, 'twice', k.subject, first.shown, k.shown, k.unit, first.paragraph);
}

export interface ReportCheckResult {
  readonly statements: readonly Statement[];
  readonly findings: readonly ReportFinding[];
}

/**
 * Whether a text names a table: a 部门整体 table by its department; a project's table by its name as a name
 * (followed by 项目, in quotes, or a name that is one: …经费, …专项), never by words that merely occur in running
 * text ("组织指导…应急救援" names no table 「应急救援」).
 */
export function namesTable(text: string, t: TableView): boolean {
  const n = t.names[0];
  if (n === undefined) return false;
  if (t.kind === 'department') return text.includes(n);
  const quoted = ['“”', '「」', '《》', '""', '『』'].some(([open, close]) => text.includes(`${open}${n}${close}`) || text.includes(`${open}${n}项目${close}`));
  if (quoted || text.includes(`${n}项目`)) return true;
  return /(项目|经费|专项|资金|补助|工程)$/.test(n) && [...n].length >= 5 && text.includes(n);
}

/** The table a paragraph is about: the only one, or the last one the text named. */
class TablePicker {
  private current: TableView | undefined;
  constructor(private readonly tables: readonly TableView[]) {
    this.current = tables.length === 1 ? tables[0] : undefined;
  }

  at(text: string): TableView | undefined {
    if (this.tables.length <= 1) return this.current;
    const t = normalizeLabel(text);
    const named = this.tables.filter((v) => namesTable(t, v));
    if (named.length === 1) this.current = named[0];
    return this.current;
  }
}

/** The table of the project a statement names: one whose 项目名称 and the name agree. */
function tableNamed(project: string, tables: readonly TableView[]): TableView | undefined {
  const core = normalizeLabel(project).replace(/项目$/, '');
  if ([...core].length < 4) return undefined;
  const hits = tables.filter((t) => t.names.some((n) => n.includes(core) || core.includes(n.replace(/项目$/, ''))));
  return hits.length === 1 ? hits[0] : undefined;
}

function statementOf(c: Claim, ctx: Context): Out | null {
  if (c.kind === 'unpaired') return { quote: c.quote, kind: c.kind, subject: '分别', found: '', verdict: 'unchecked', against: null, why: c.why };
  if (c.kind === 'parts' || c.kind === 'signedParts' || c.kind === 'share' || c.kind === 'change' || c.kind === 'difference' || c.kind === 'rateOf' || c.kind === 'count') return selfVerdict(c);
  if ((c.kind === 'amount' || c.kind === 'rate' || c.kind === 'score') && c.project) {
    // A figure named after its project is that project's: checked against its table, or not read.
    const t = tableNamed(c.project, ctx.tables);
    return t ? againstTable(c, t, ctx.year) : null;
  }
  if (ctx.table) {
    const v = againstTable(c, ctx.table, ctx.year);
    if (v) return v;
  }
  if (c.kind === 'grade') return gradeOfScore(c, ctx.scores, ctx.otherScores);
  return checkTwice(c, ctx);
}

/** A grade against the one total score the text states (rule 9: 90 优, 80 良, 60 中); two scores: not checked. */
function gradeOfScore(c: Extract<Claim, { kind: 'grade' }>, scores: readonly Shown[], others: readonly Shown[]): Out {
  // Another score beside the grade ("自评93分，复评后得分为88分，评价结果为良好") leaves which one it grades open.
  const values = new Set([...scores, ...(scores.length ? others : [])].map((s) => s.value.toString()));
  const score = scores[0];
  if (!score) return notChecked(c, 'total', c.word, UNCHECKED_WHY.noScore);
  if (values.size !== 1) return notChecked(c, 'total', c.word, UNCHECKED_WHY.severalScores);
  const grade = gradeFor(score.value);
  if (grade === c.grade) return consistentText(c, 'total', c.word);
  const f = finding('REPORT_ARITHMETIC', 0, c.quote, { check: 'grade', subject: shownText(score), expected: grade, found: c.word, unit: '' });
  return { quote: c.quote, kind: c.kind, subject: 'total', found: c.word, verdict: 'inconsistent', against: 'text', finding: f };
}

/** Checks a report's paragraphs against its tables (already recognised) and against themselves. */
export function checkParagraphs(paragraphs: readonly Paragraph[], tables: readonly TableView[], grids: readonly Grid[] = []): ReportCheckResult {
  const picker = new TablePicker(tables);
  const seen: Context['seen'] = new Map();
  const statements: Statement[] = [];
  const year = paragraphs
    .slice(0, 3)
    .map((p) => /(20\d{2})\s*年/.exec(p.text)?.[1])
    .find((y) => y !== undefined);
  const relations = documentRelations(paragraphs);
  const scores: Shown[] = [];
  for (const p of paragraphs) {
    const otherScores = factsOf(p.text)
      .filter((f) => f.unit === '分' && /得分|评分/.test(f.label) && !/指标|分值|扣/.test(f.label))
      .map((f) => f.shown);
    const own = relations.filter((r) => r.paragraph === p.index).map((r) => r.claim);
    const claims = [...claimsOf(p.text), ...own];
    const ownRates = new Set(claims.flatMap((c) => (c.kind === 'rateOf' ? [c.rate.start] : [])));
    const ctx: Context = { paragraph: p.index, table: picker.at(p.text), seen, several: tables.length > 1, tables, year, scores, otherScores, text: p.text, ownRates };
    for (const c of claims) {
      if (c.kind === 'score' && c.subject.name === 'total' && !c.project) scores.push(c.fact.shown);
      const s = statementOf(c, ctx);
      if (!s) continue;
      const f = s.finding ? { ...s.finding, paragraph: p.index } : undefined;
      statements.push({ ...s, paragraph: p.index, ...(f ? { finding: f as ReportFinding } : {}) });
    }
  }
  statements.push(...sangongStatements(paragraphs, grids, year).map(sangongStatement));
  statements.sort((a, b) => a.paragraph - b.paragraph);
  return { statements, findings: statements.flatMap((s) => (s.finding ? [s.finding] : [])) };
}

/** A figure of the report's 三公 table, as a statement. */
function sangongStatement(s: SangongStatement): Statement {
  const base = { paragraph: s.paragraph, quote: s.quote, kind: s.kind, subject: s.subject, found: s.found, against: s.table };
  if (s.expected === null) return { ...base, verdict: 'consistent' };
  const finding: ReportFinding =
    s.kind === 'change'
      ? { ...findingOf('REPORT_ARITHMETIC', s.quote, { check: 'change', subject: s.subject, expected: s.expected, found: s.found, unit: '%' }), paragraph: s.paragraph }
      : { ...findingOf('REPORT_TABLE_MISMATCH', s.quote, { what: s.kind, subject: s.subject, expected: s.expected, found: s.found, table: s.table, unit: s.unit }), paragraph: s.paragraph };
  return { ...base, verdict: 'inconsistent', finding };
}
