/**
 * The JSON report (SPEC §5): one object per table, numbers as decimal strings with 2 decimals, in the
 * table's own unit (`unit`: 万元 or 元). Each table says what was read (`columns`) and what could not be
 * checked (`skipped`). A region that looks like a table but cannot be read is an object of its own, of
 * kind "unrecognised", with its UNRECOGNISED_REGION finding.
 */
import { a1, columnLetters, rangeA1 } from './grid';
import { type Lang, type Severity, findingMessage, skippedMessage, unrecognisedMessage } from './findings';
import type { SheetResult } from './engine';
import type { TableResult } from './check/result';
import type { AmountUnit, TableKind, Unrecognised, UnrecognisedReason } from './table';
import type { Grade } from './recognise/vocabulary';
import { type Decimal, fmt2 } from './numbers';

export interface FindingReport {
  readonly code: string;
  readonly severity: Severity;
  readonly cell: string;
  readonly expected: string | null;
  readonly found: string | null;
  readonly message: string;
  /** The indicator the finding is about, in full (messages quote the start of long names). */
  readonly subject?: string;
  /** The reviewer's 已核实 (复核意见): the finding is verified, no longer open. */
  readonly verdict?: { readonly note: string; readonly by: string; readonly at: string };
}

export interface TableReport {
  readonly file: string;
  readonly sheet: string;
  readonly range: string;
  readonly kind: TableKind;
  readonly project: string;
  readonly department: string;
  /** 实施单位. */
  readonly implementer: string;
  /** The unit of the table's amounts. */
  readonly unit: AmountUnit;
  readonly budget: string | null;
  readonly executed: string | null;
  readonly executionRate: string | null;
  readonly executionScore: string | null;
  readonly indicatorWeight: string | null;
  readonly indicatorScore: string | null;
  readonly total: string | null;
  readonly grade: Grade | null;
  readonly shownTotal: string | null;
  readonly shownGrade: string | null;
  /** Which sheet column was read as what, per block ("budget": "E"). */
  readonly columns: {
    readonly funds: Record<string, string>;
    readonly indicators: Record<string, string>;
    /** Header cells read as nothing ("H7 备考栏目"): what the product did not understand. */
    readonly unread: string[];
  };
  /** The checks that could not run, and why. */
  readonly skipped: string[];
  readonly findings: FindingReport[];
}

/** A region that looks like a table but cannot be read (UNRECOGNISED_REGION), as the report lists it. */
export interface UnrecognisedReport {
  readonly file: string;
  readonly sheet: string;
  readonly range: string;
  readonly kind: 'unrecognised';
  readonly reason: UnrecognisedReason;
  readonly message: string;
  readonly findings: FindingReport[];
}

const n = (d: Decimal | null): string | null => (d === null ? null : fmt2(d));

function letters(cols: Readonly<Record<string, number | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, c] of Object.entries(cols)) if (c !== undefined) out[k] = columnLetters(c);
  return out;
}

export function tableReport(file: string, t: TableResult, lang: Lang = 'zh'): TableReport {
  return {
    file,
    sheet: t.table.sheet,
    range: rangeA1(t.table.range),
    kind: t.table.kind,
    project: t.table.project,
    department: t.table.department,
    implementer: t.table.implementer,
    unit: t.table.amountUnit,
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
    columns: {
      funds: letters(t.table.columns.funds),
      indicators: letters(t.table.columns.indicators),
      unread: t.table.columns.unread.map((u) => `${a1(u.row, u.col)} ${u.label}`),
    },
    skipped: t.skipped.map((s) => skippedMessage(s, lang)),
    findings: t.findings.map((f) => {
      const subject = 'subject' in f.params ? f.params.subject : undefined;
      return {
        code: f.code,
        severity: f.severity,
        cell: f.cell,
        expected: f.expected,
        found: f.found,
        message: findingMessage(f, lang),
        ...(subject ? { subject } : {}),
        ...(f.verdict ? { verdict: f.verdict } : {}),
      };
    }),
  };
}

export function unrecognisedReport(file: string, u: Unrecognised, lang: Lang = 'zh'): UnrecognisedReport {
  const range = rangeA1(u.range);
  const finding = { code: 'UNRECOGNISED_REGION', params: { reason: u.reason, range } } as const;
  return {
    file,
    sheet: u.sheet,
    range,
    kind: 'unrecognised',
    reason: u.reason,
    message: unrecognisedMessage(u.reason, lang),
    findings: [
      {
        code: finding.code,
        severity: 'warning',
        cell: range.split(':')[0]!,
        expected: null,
        found: null,
        message: findingMessage(finding, lang),
      },
    ],
  };
}

export type ReportEntry = TableReport | UnrecognisedReport;

/**
 * A workbook's reports, gathered table by table: its tables, its unreadable regions, and both in reading
 * order (sheet by sheet, top to bottom) as `--json` writes them.
 */
export class Reports {
  readonly tables: TableReport[] = [];
  readonly unrecognised: UnrecognisedReport[] = [];
  readonly entries: ReportEntry[] = [];
  private sheet: { top: number; entry: ReportEntry }[] = [];

  constructor(
    private readonly file: string,
    private readonly lang: Lang = 'zh',
  ) {}

  /** A table of the sheet being read. */
  table(t: TableResult): void {
    const r = tableReport(this.file, t, this.lang);
    this.tables.push(r);
    this.sheet.push({ top: t.table.range.top, entry: r });
  }

  /** The end of a sheet: its tables not yet given, its regions; its entries go in reading order. */
  sheetDone(s: SheetResult): void {
    for (const t of s.tables) this.table(t);
    for (const u of s.unrecognised) {
      const r = unrecognisedReport(this.file, u, this.lang);
      this.unrecognised.push(r);
      this.sheet.push({ top: u.range.top, entry: r });
    }
    this.entries.push(...this.sheet.sort((a, b) => a.top - b.top).map((x) => x.entry));
    this.sheet = [];
  }
}

/** A sheet's tables and unreadable regions, as reported in one language. */
export interface ReportsInLang {
  readonly tables: TableReport[];
  readonly unrecognised: UnrecognisedReport[];
}

/**
 * The same reports in every language the product speaks: a pane whose language is switched shows the
 * results it holds in the new one at once, without checking (and writing) again.
 */
export function reportsByLang(file: string, results: readonly SheetResult[]): Record<Lang, ReportsInLang> {
  const of = (lang: Lang): ReportsInLang => {
    const { tables, unrecognised } = sheetReports(file, results, lang);
    return { tables, unrecognised };
  };
  return { zh: of('zh'), en: of('en') };
}

/** A workbook's reports from its sheets' results. */
export function sheetReports(file: string, results: readonly SheetResult[], lang: Lang = 'zh'): {
  tables: TableReport[];
  unrecognised: UnrecognisedReport[];
  entries: ReportEntry[];
} {
  const reports = new Reports(file, lang);
  for (const s of results) reports.sheetDone(s);
  return reports;
}
