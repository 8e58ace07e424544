/**
 * The supervisors' summary (SPEC §5 汇总表): one row per table, money totals, the grade distribution
 * (count, share, 万元 — by the recomputed grade and by each table's own total), and the report sentence:
 * "单位自评项目28个，涉及金额2447.27万元，评价得分在90（含）-100分的20个、…、60分以下的1个。" or the
 * 部门决算 template's "开展绩效自评的项目N个，涉及预算金额X万元，平均得分Y分（其中“优”n个、…）".
 * Projects and department-wide tables are counted apart; a table met twice is counted once; a table
 * without a recomputed grade (weights not adding up to 100) is 未评级, never 优.
 * Pure: report objects in, a summary (and a host-neutral sheet layout, see summaryLayout.ts) out.
 */
import { Decimal, fmt2 } from './numbers';
import type { Lang } from './findings';
import type { TableReport } from './report';
import type { Grade } from './recognise/vocabulary';
import { gradeFor } from './check/table';
import { GRADE_EN } from './findings/en';
import { type DepartmentCount, type SendBack, countsByDepartment, tablesToSendBack } from './supervisors';

export const SUMMARY_SHEET = '绩效自评汇总';

export const GRADES: readonly Grade[] = ['优', '良', '中', '差'];

/** A workbook as the summary saw it: read, or why not. */
export interface WorkbookInput {
  readonly file: string;
  readonly status: 'ok' | 'unreadable' | 'empty' | 'noTables';
  /** Why a workbook could not be read (the library's words). */
  readonly detail?: string;
  readonly tables: readonly TableReport[];
  /** Sheet order of the workbook, for sorting by sheet. */
  readonly sheets?: readonly string[];
}

export interface SummaryRow extends TableReport {
  readonly index: number;
  /** Open errors and warnings: a finding a reviewer verified (复核意见) is counted in `verified` instead. */
  readonly errors: number;
  readonly warnings: number;
  readonly verified: number;
  /** The same table (项目名称 and amounts) met earlier: the 序号 of that row. Counted once, there. */
  readonly duplicateOf: number | null;
  /** Full marks with no deduction at all: a self-score likely too generous (SPEC §5). */
  readonly fullMarks: boolean;
}

export interface Band {
  readonly count: number;
  /** 万元, 2 decimals. */
  readonly amount: string;
}

/** A band of the distribution: a grade, or 未评级 (no recomputed grade: SPEC rule 9). */
export type BandKey = Grade | 'ungraded';

export const BANDS: readonly BandKey[] = [...GRADES, 'ungraded'];

export type Distribution = Readonly<Record<BandKey, Band>>;

/** The tables of one kind (projects, department-wide), each counted once. */
export interface Group {
  readonly count: number;
  readonly totals: { readonly budget: string; readonly executed: string; readonly executionRate: string | null };
  readonly distribution: { readonly recomputed: Distribution; readonly shown: Distribution };
  /** Mean total of the graded tables (recomputed; as shown), 2 decimals; null when none is graded. */
  readonly average: { readonly recomputed: string | null; readonly shown: string | null };
  readonly fullMarks: number;
}

export type SortKey = 'sheet' | 'total' | 'errors' | 'budget' | 'project';

/** The district report's sentence, or the 部门决算 template's (平均得分, 合格 / 不合格). */
export type SentenceForm = 'report' | 'final-accounts';

export interface Summary {
  readonly rows: SummaryRow[];
  readonly projects: Group;
  readonly departments: Group;
  /** Tables found more than once, counted once. */
  readonly duplicates: number;
  readonly form: SentenceForm;
  /** The sentence over the projects, by recomputed totals and by the tables' own. */
  readonly sentence: { readonly recomputed: string; readonly shown: string };
  /** The department-wide tables in a sentence, or null when there are none. */
  readonly departmentSentence: string | null;
  /** "其中满分且无扣分的项目 N 个…", or null when there are none. */
  readonly fullMarksSentence: string | null;
  /** The two distributions put projects in different bands. */
  readonly shownDiffers: boolean;
  readonly workbooks: readonly { readonly file: string; readonly status: WorkbookInput['status']; readonly detail?: string; readonly tables: number }[];
  /** Per 主管部门: tables, money, open errors, verified findings. */
  readonly byDepartment: readonly DepartmentCount[];
  /** The tables to send back: open errors, with their first findings. */
  readonly sendBack: readonly SendBack[];
}

const dec = (s: string | null): Decimal | null => (s === null ? null : new Decimal(s));
const sum = (rows: readonly SummaryRow[], pick: (r: SummaryRow) => string | null) => rows.reduce((a, r) => a.plus(dec(pick(r)) ?? 0), new Decimal(0));

function distribution(rows: readonly SummaryRow[], band: (r: SummaryRow) => BandKey): Distribution {
  const out = Object.fromEntries(BANDS.map((b) => [b, { count: 0, amount: new Decimal(0) }])) as Record<BandKey, { count: number; amount: Decimal }>;
  for (const r of rows) {
    const b = out[band(r)];
    b.count++;
    b.amount = b.amount.plus(dec(r.budget) ?? 0);
  }
  return Object.fromEntries(BANDS.map((b) => [b, { count: out[b].count, amount: fmt2(out[b].amount) }])) as Record<BandKey, Band>;
}

/** By the recomputed grade (null: 未评级); by the table's own total. */
const recomputedBand = (r: SummaryRow): BandKey => r.grade ?? 'ungraded';
const shownBand = (r: SummaryRow): BandKey => (r.shownTotal === null ? 'ungraded' : gradeFor(new Decimal(r.shownTotal)));

function average(rows: readonly SummaryRow[], pick: (r: SummaryRow) => string | null, graded: (r: SummaryRow) => boolean): string | null {
  const with_ = rows.filter((r) => graded(r) && pick(r) !== null);
  return with_.length ? fmt2(sum(with_, pick).div(with_.length)) : null;
}

function group(rows: readonly SummaryRow[]): Group {
  const budget = sum(rows, (r) => r.budget);
  const executed = sum(rows, (r) => r.executed);
  return {
    count: rows.length,
    totals: { budget: fmt2(budget), executed: fmt2(executed), executionRate: budget.isZero() ? null : fmt2(executed.div(budget).times(100)) },
    distribution: { recomputed: distribution(rows, recomputedBand), shown: distribution(rows, shownBand) },
    average: {
      recomputed: average(rows, (r) => r.total, (r) => r.grade !== null),
      shown: average(rows, (r) => r.shownTotal, (r) => r.shownTotal !== null),
    },
    fullMarks: rows.filter((r) => r.fullMarks).length,
  };
}

/** The sentence of the district report, or of the 部门决算 template, over one group's bands. */
function sentence(g: Group, d: Distribution, avg: string | null, form: SentenceForm, lang: Lang): string {
  const n = (b: BandKey) => d[b].count;
  const amount = g.totals.budget;
  if (form === 'final-accounts') {
    if (lang === 'en') {
      const none = n('ungraded') ? `; ${n('ungraded')} ungraded` : '';
      return `${g.count} projects self-evaluated, budget ${amount} (10k yuan), average score ${avg ?? '—'} (excellent ${n('优')}, good ${n('良')}, pass ${n('中')}, fail ${n('差')}${none}).`;
    }
    const none = n('ungraded') ? `，未评级${n('ungraded')}个` : '';
    return `开展绩效自评的项目${g.count}个，涉及预算金额${amount}万元，平均得分${avg ?? '—'}分（其中“优”${n('优')}个、“良”${n('良')}个、“合格”${n('中')}个、“不合格”${n('差')}个${none}）。`;
  }
  if (lang === 'en') {
    const none = n('ungraded') ? `, and ${n('ungraded')} ungraded` : '';
    return `${g.count} projects self-evaluated, ${amount} (10k yuan) in all: ${n('优')} scored 90–100, ${n('良')} scored 80–90, ${n('中')} scored 60–80, ${n('差')} below 60${none}.`;
  }
  const none = n('ungraded') ? `、未评级的${n('ungraded')}个` : '';
  return `单位自评项目${g.count}个，涉及金额${amount}万元，评价得分在90（含）-100分的${n('优')}个、在80（含）-90分的${n('良')}个、在60（含）-80分的${n('中')}个、60分以下的${n('差')}个${none}。`;
}

function departmentSentence(g: Group, lang: Lang): string | null {
  if (!g.count) return null;
  const d = g.distribution.recomputed;
  const bands = GRADES.filter((b) => d[b].count).map((b) => (lang === 'en' ? `${GRADE_EN[b]} ${d[b].count}` : `${b}${d[b].count}个`));
  if (d.ungraded.count) bands.push(lang === 'en' ? `ungraded ${d.ungraded.count}` : `未评级${d.ungraded.count}个`);
  return lang === 'en'
    ? `Department-wide self-evaluations: ${g.count}, ${g.totals.budget} (10k yuan) (${bands.join(', ')}); counted apart from the projects.`
    : `部门整体自评${g.count}个，涉及金额${g.totals.budget}万元（${bands.join('、')}），不计入项目数。`;
}

function fullMarksSentence(projects: Group, departments: Group, lang: Lang): string | null {
  const n = projects.fullMarks + departments.fullMarks;
  if (!n) return null;
  return lang === 'en'
    ? `${n} table(s) score full marks with no deduction at all: self-scores likely too generous, worth a second look.`
    : `满分且无扣分 ${n} 个：自评可能偏松，建议重点复核。`;
}

/** Two tables are the same when their kind, 项目名称 and amounts are (a table sent in two files). */
function sameTableKey(t: TableReport): string | null {
  const name = t.project.replace(/\s+/g, '');
  if (!name || t.budget === null) return null;
  return [t.kind, name, t.budget, t.executed ?? ''].join('\u0000');
}

/** The summary adds money in 万元: a table kept in 元 is converted (exactly; shown to 2 decimals). */
function inWan(t: TableReport): TableReport {
  if (t.unit === '万元') return t;
  const wan = (v: string | null) => (v === null ? null : new Decimal(v).div(10000).toString());
  return { ...t, unit: '万元', budget: wan(t.budget), executed: wan(t.executed) };
}

function fullMarks(t: TableReport): boolean {
  return t.grade !== null && t.total !== null && new Decimal(t.total).eq(100) && !t.findings.some((f) => f.code === 'SCORE_OVER_WEIGHT');
}

function compare(key: SortKey): (a: SummaryRow, b: SummaryRow) => number {
  const num = (s: string | null) => (s === null ? -Infinity : Number(s));
  switch (key) {
    case 'total':
      return (a, b) => num(b.total) - num(a.total);
    case 'errors':
      return (a, b) => b.errors - a.errors || b.warnings - a.warnings;
    case 'budget':
      return (a, b) => num(b.budget) - num(a.budget);
    case 'project':
      return (a, b) => a.project.localeCompare(b.project, 'zh-Hans-CN');
    case 'sheet':
      return () => 0;
  }
}

export interface SummaryOptions {
  readonly sort?: SortKey;
  readonly lang?: Lang;
  readonly sentence?: SentenceForm;
}

export function buildSummary(inputs: readonly WorkbookInput[], options: SummaryOptions = {}): Summary {
  const lang = options.lang ?? 'zh';
  const form = options.sentence ?? 'report';
  // Sheet order: files in the order given, sheets in workbook order, tables top to bottom. The first of
  // two same tables is the one counted.
  const firstOf = new Map<string, number>();
  const base = inputs.flatMap((w) => w.tables).map((t, i) => {
    const key = sameTableKey(t);
    const first = key === null ? undefined : firstOf.get(key);
    if (key !== null && first === undefined) firstOf.set(key, i);
    return {
      row: {
        ...inWan(t),
        index: 0,
        errors: t.findings.filter((f) => f.severity === 'error' && !f.verdict).length,
        warnings: t.findings.filter((f) => f.severity === 'warning' && !f.verdict).length,
        verified: t.findings.filter((f) => f.verdict).length,
        duplicateOf: null as number | null,
        fullMarks: fullMarks(t),
      },
      i,
      first,
    };
  });
  const order = [...base].sort((a, b) => compare(options.sort ?? 'sheet')(a.row, b.row) || a.i - b.i);
  const indexOf = new Map(order.map((x, k) => [x.i, k + 1]));
  const rows: SummaryRow[] = order.map((x) => ({ ...x.row, index: indexOf.get(x.i)!, duplicateOf: x.first === undefined ? null : indexOf.get(x.first)! }));

  const counted = rows.filter((r) => r.duplicateOf === null);
  const projects = group(counted.filter((r) => r.kind === 'project'));
  const departments = group(counted.filter((r) => r.kind === 'department'));
  const pd = projects.distribution;
  return {
    rows,
    projects,
    departments,
    duplicates: rows.length - counted.length,
    form,
    sentence: {
      recomputed: sentence(projects, pd.recomputed, projects.average.recomputed, form, lang),
      shown: sentence(projects, pd.shown, projects.average.shown, form, lang),
    },
    departmentSentence: departmentSentence(departments, lang),
    fullMarksSentence: fullMarksSentence(projects, departments, lang),
    shownDiffers: BANDS.some((b) => pd.recomputed[b].count !== pd.shown[b].count) || (form === 'final-accounts' && projects.average.recomputed !== projects.average.shown),
    workbooks: inputs.map((w) => ({ file: w.file, status: w.status, detail: w.detail, tables: w.tables.length })),
    byDepartment: countsByDepartment(rows),
    sendBack: tablesToSendBack(rows),
  };
}

/** The JSON of `selfeval summary --json`. */
export function summaryJson(s: Summary): unknown {
  const bands = (d: Distribution) => Object.fromEntries(BANDS.map((b) => [b === 'ungraded' ? '未评级' : b, d[b]]));
  const group = (g: Group) => ({
    count: g.count,
    totals: g.totals,
    distribution: { recomputed: bands(g.distribution.recomputed), shown: bands(g.distribution.shown) },
    average: g.average,
    fullMarks: g.fullMarks,
  });
  return {
    tables: s.rows.map(({ index, ...t }) => ({ index, ...t })),
    projects: group(s.projects),
    departments: group(s.departments),
    duplicates: s.duplicates,
    // The projects' figures again at the top, where scripts of earlier versions read them.
    totals: s.projects.totals,
    distribution: { recomputed: bands(s.projects.distribution.recomputed), shown: bands(s.projects.distribution.shown) },
    sentenceForm: s.form,
    sentence: s.sentence,
    departmentSentence: s.departmentSentence,
    fullMarksSentence: s.fullMarksSentence,
    workbooks: s.workbooks,
    byDepartment: s.byDepartment,
    sendBack: s.sendBack,
  };
}
