/**
 * The supervisors' summary (SPEC §5 汇总表): one row per table, money totals, the grade distribution
 * (count, share, 万元 — by the recomputed total and by each table's own), and the report sentence:
 * "单位自评项目28个，涉及金额2447.27万元，评价得分在90（含）-100分的20个、…、60分以下的1个。"
 * Pure: report objects in, a summary (and a host-neutral sheet layout, see summaryLayout.ts) out.
 */
import { Decimal, fmt2 } from './numbers';
import type { Lang } from './findings';
import type { TableReport } from './report';
import type { Grade } from './recognise/vocabulary';
import { gradeFor } from './check/table';

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
  readonly errors: number;
  readonly warnings: number;
}

export interface Band {
  readonly count: number;
  /** 万元, 2 decimals. */
  readonly amount: string;
}

export type Distribution = Record<Grade, Band> & { readonly none: Band };

export type SortKey = 'sheet' | 'total' | 'errors' | 'budget' | 'project';

/** The district report's sentence, or the 部门决算 template's (平均得分, 合格 / 不合格). */
export type SentenceForm = 'report' | 'final-accounts';

export interface Summary {
  readonly rows: SummaryRow[];
  readonly totals: { readonly budget: string; readonly executed: string; readonly executionRate: string | null };
  readonly distribution: { readonly recomputed: Distribution; readonly shown: Distribution };
  readonly sentence: { readonly recomputed: string; readonly shown: string };
  /** The two distributions put tables in different bands. */
  readonly shownDiffers: boolean;
  readonly workbooks: readonly { readonly file: string; readonly status: WorkbookInput['status']; readonly detail?: string; readonly tables: number }[];
}

const dec = (s: string | null): Decimal | null => (s === null ? null : new Decimal(s));

function distribution(rows: readonly SummaryRow[], pick: (r: SummaryRow) => string | null): Distribution {
  const count: Record<Grade | 'none', number> = { 优: 0, 良: 0, 中: 0, 差: 0, none: 0 };
  const amount: Record<Grade | 'none', Decimal> = { 优: new Decimal(0), 良: new Decimal(0), 中: new Decimal(0), 差: new Decimal(0), none: new Decimal(0) };
  for (const r of rows) {
    const total = dec(pick(r));
    const band = total === null ? 'none' : gradeFor(total);
    count[band]++;
    amount[band] = amount[band].plus(dec(r.budget) ?? 0);
  }
  const band = (k: Grade | 'none'): Band => ({ count: count[k], amount: fmt2(amount[k]) });
  return { 优: band('优'), 良: band('良'), 中: band('中'), 差: band('差'), none: band('none') };
}

function sentence(rows: readonly SummaryRow[], d: Distribution, lang: Lang): string {
  const amount = fmt2(rows.reduce((a, r) => a.plus(dec(r.budget) ?? 0), new Decimal(0)));
  if (lang === 'en') {
    const none = d.none.count ? `, and ${d.none.count} without a computable total` : '';
    return `${rows.length} projects self-evaluated, ${amount} (10k yuan) in all: ${d['优'].count} scored 90–100, ${d['良'].count} scored 80–90, ${d['中'].count} scored 60–80, ${d['差'].count} below 60${none}.`;
  }
  const none = d.none.count ? `、无法计算总分的${d.none.count}个` : '';
  return `单位自评项目${rows.length}个，涉及金额${amount}万元，评价得分在90（含）-100分的${d['优'].count}个、在80（含）-90分的${d['良'].count}个、在60（含）-80分的${d['中'].count}个、60分以下的${d['差'].count}个${none}。`;
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

export function buildSummary(inputs: readonly WorkbookInput[], options: { sort?: SortKey; lang?: Lang; sentence?: SentenceForm } = {}): Summary {
  const lang = options.lang ?? 'zh';
  // Sheet order: files in the order given, sheets in workbook order, tables top to bottom.
  const ordered: TableReport[] = [];
  for (const w of inputs) ordered.push(...w.tables);
  const base = ordered.map((t) => ({
    ...t,
    index: 0,
    errors: t.findings.filter((f) => f.severity === 'error').length,
    warnings: t.findings.filter((f) => f.severity === 'warning').length,
  }));
  const sorted = base
    .map((r, i) => ({ r, i }))
    .sort((a, b) => compare(options.sort ?? 'sheet')(a.r, b.r) || a.i - b.i)
    .map(({ r }, i) => ({ ...r, index: i + 1 }));

  const budget = sorted.reduce((a, r) => a.plus(dec(r.budget) ?? 0), new Decimal(0));
  const executed = sorted.reduce((a, r) => a.plus(dec(r.executed) ?? 0), new Decimal(0));
  const recomputed = distribution(sorted, (r) => r.total);
  const shown = distribution(sorted, (r) => r.shownTotal);
  return {
    rows: sorted,
    totals: {
      budget: fmt2(budget),
      executed: fmt2(executed),
      executionRate: budget.isZero() ? null : fmt2(executed.div(budget).times(100)),
    },
    distribution: { recomputed, shown },
    sentence: { recomputed: sentence(sorted, recomputed, lang), shown: sentence(sorted, shown, lang) },
    shownDiffers: [...GRADES, 'none' as const].some((g) => recomputed[g].count !== shown[g].count),
    workbooks: inputs.map((w) => ({ file: w.file, status: w.status, detail: w.detail, tables: w.tables.length })),
  };
}

/** The JSON of `selfeval summary --json`. */
export function summaryJson(s: Summary): unknown {
  const bands = (d: Distribution) => Object.fromEntries(GRADES.map((g) => [g, { count: d[g].count, amount: d[g].amount }]));
  return {
    tables: s.rows.map(({ index: _index, ...t }) => t),
    totals: s.totals,
    distribution: { recomputed: bands(s.distribution.recomputed), shown: bands(s.distribution.shown) },
    sentence: s.sentence,
    workbooks: s.workbooks,
  };
}
