/**
 * The JSON report (SPEC §5): one object per table, numbers as decimal strings with 2 decimals.
 */
import { rangeA1 } from './grid';
import { type Lang, type Severity, findingMessage } from './findings';
import type { SheetResult } from './engine';
import type { TableResult } from './check/result';
import type { TableKind, UnrecognisedReason } from './table';
import { type Decimal, fmt2 } from './numbers';

export interface FindingReport {
  readonly code: string;
  readonly severity: Severity;
  readonly cell: string;
  readonly expected: string | null;
  readonly found: string | null;
  readonly message: string;
}

export interface TableReport {
  readonly file: string;
  readonly sheet: string;
  readonly range: string;
  readonly kind: TableKind;
  readonly project: string;
  readonly department: string;
  readonly unit: string;
  readonly budget: string | null;
  readonly executed: string | null;
  readonly executionRate: string | null;
  readonly executionScore: string | null;
  readonly indicatorWeight: string | null;
  readonly indicatorScore: string | null;
  readonly total: string | null;
  readonly grade: string | null;
  readonly shownTotal: string | null;
  readonly shownGrade: string | null;
  readonly findings: FindingReport[];
}

export interface UnrecognisedReport {
  readonly file: string;
  readonly sheet: string;
  readonly range: string;
  readonly reason: UnrecognisedReason;
  readonly message: string;
}

const n = (d: Decimal | null): string | null => (d === null ? null : fmt2(d));

export function tableReport(file: string, t: TableResult, lang: Lang = 'zh'): TableReport {
  return {
    file,
    sheet: t.table.sheet,
    range: rangeA1(t.table.range),
    kind: t.table.kind,
    project: t.table.project,
    department: t.table.department,
    unit: t.table.unit,
    budget: n(t.budget),
    executed: n(t.executed),
    executionRate: n(t.executionRate),
    executionScore: n(t.executionScore),
    indicatorWeight: n(t.indicatorWeight),
    indicatorScore: n(t.indicatorScore),
    total: n(t.total),
    grade: t.grade,
    shownTotal: n(t.shownTotal),
    shownGrade: t.shownGrade,
    findings: t.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cell: f.cell,
      expected: f.expected,
      found: f.found,
      message: findingMessage(f, lang),
    })),
  };
}

const UNRECOGNISED_ZH: Record<UnrecognisedReason, string> = {
  noFundsHeader: '有指标表头或项目名称，但找不到项目资金表头（年初预算数 / 全年预算数 / 全年执行数）',
  noIndicatorHeader: '有项目资金表头，但找不到指标表头（一级指标 / 分值 / 得分）',
  noFundsTotal: '项目资金表头下没有资金总额行',
  noAmountColumns: '项目资金表头中没有预算数或执行数列',
};
const UNRECOGNISED_EN: Record<UnrecognisedReason, string> = {
  noFundsHeader: 'indicator header or project name found, but no funds header (budget / spending columns)',
  noIndicatorHeader: 'funds header found, but no indicator header (level-1 / weight / score)',
  noFundsTotal: 'no total row under the funds header',
  noAmountColumns: 'the funds header has no budget or spending column',
};

export function unrecognisedMessage(reason: UnrecognisedReason, lang: Lang = 'zh'): string {
  return (lang === 'en' ? UNRECOGNISED_EN : UNRECOGNISED_ZH)[reason];
}

export function sheetReports(file: string, results: readonly SheetResult[], lang: Lang = 'zh'): {
  tables: TableReport[];
  unrecognised: UnrecognisedReport[];
} {
  const tables: TableReport[] = [];
  const unrecognised: UnrecognisedReport[] = [];
  for (const s of results) {
    for (const t of s.tables) tables.push(tableReport(file, t, lang));
    for (const u of s.unrecognised) {
      unrecognised.push({ file, sheet: u.sheet, range: rangeA1(u.range), reason: u.reason, message: unrecognisedMessage(u.reason, lang) });
    }
  }
  return { tables, unrecognised };
}
