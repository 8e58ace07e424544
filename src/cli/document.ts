/**
 * Reports on the command line: a .docx read from its package (Node's zlib, the zip reader's limits), a
 * .doc or .wps converted by LibreOffice first (as .xls is), a .txt read as text (UTF-8, or GB18030 as
 * Chinese Windows saves it). Its tables are checked as a workbook's sheets; its narrative's statements are
 * listed with their verdicts. A file that cannot be read gets a problem that says what to do.
 */
import type { Lang } from '../core/findings';
import { findingMessage } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import { type ReportDocument, type ReportResult, type Statement, type Why, checkReport, readTextReport } from '../core/narrative';
import { Reports, type ReportEntry } from '../core/report';
import { DocxError, readDocx } from '../docx/read';
import { ZipError } from '../xlsx/package/zip';
import type { Problem } from './messages';
import { readInput, short, sniff } from './files';
import { nodeInflateRaw } from './zlib';
import { type Convertible, convertWithLibreOffice } from './convert';

/** Files checked as reports, by their extension. */
export const DOCUMENT = /\.(docx|doc|wps|txt)$/i;

export function isDocumentPath(file: string): boolean {
  return DOCUMENT.test(file);
}

export type OpenedDocument =
  | { readonly doc: ReportDocument; readonly convertedFrom?: Convertible }
  | { readonly problem: Problem; readonly detail?: string };

function decodeText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes('\ufffd')) return utf8;
  try {
    return new TextDecoder('gb18030').decode(bytes);
  } catch {
    return utf8;
  }
}

export async function openDocumentFile(file: string): Promise<OpenedDocument> {
  const read = await readInput(file);
  if (!('bytes' in read)) return read;
  let bytes = read.bytes;
  if (/\.txt$/i.test(file)) return { doc: readTextReport(decodeText(bytes)) };
  let convertedFrom: Convertible | undefined;
  const kind = sniff(bytes);
  if (kind === 'cfb' || kind === 'encrypted') {
    if (kind === 'encrypted') return { problem: 'encrypted' };
    const from: Convertible = /\.wps$/i.test(file) ? 'wps' : 'doc';
    const converted = await convertWithLibreOffice(from, bytes);
    if ('problem' in converted) return converted.problem === from ? { problem: from } : converted;
    bytes = converted.bytes;
    convertedFrom = from;
  }
  try {
    return { doc: await readDocx(bytes, { inflate: nodeInflateRaw }), convertedFrom };
  } catch (e) {
    return documentProblem(e);
  }
}

export function documentProblem(e: unknown): { problem: Problem; detail?: string } {
  if (e instanceof DocxError) return { problem: 'noDocumentPart', detail: e.message };
  if (e instanceof ZipError) {
    if (e.reason === 'notZip') return { problem: 'notDocument' };
    if (e.reason === 'tooLarge') return { problem: 'bomb', detail: e.message };
    if (e.reason === 'encryptedEntry') return { problem: 'encrypted' };
    return { problem: 'corrupt', detail: e.message };
  }
  return { problem: 'corrupt', detail: short(e) };
}

/** A statement as the JSON lists it: where, the words, what was read, the verdict and its finding. */
export interface StatementReport {
  readonly paragraph: number;
  readonly quote: string;
  readonly kind: Statement['kind'];
  readonly subject: string;
  readonly found: string;
  readonly verdict: Statement['verdict'];
  readonly against: string | null;
  readonly code?: string;
  readonly expected?: string | null;
  readonly message?: string;
  /** Why an unchecked statement was not checked (zh and en). */
  readonly why?: Why;
}

/** The narrative of a report, as one entry of the JSON report. */
export interface NarrativeEntry {
  readonly file: string;
  readonly kind: 'narrative';
  readonly paragraphs: number;
  /** Statements read (every figure whose words were understood), and those checked against a table or the text. */
  readonly statementsRead: number;
  readonly statementsChecked: number;
  /** The tables the statements were checked against (a 部门整体 report: its department's table only). */
  readonly checkedAgainst: readonly string[];
  readonly statements: readonly StatementReport[];
  readonly findings: readonly {
    readonly code: string;
    readonly severity: string;
    readonly paragraph: number;
    readonly quote: string;
    readonly expected: string | null;
    readonly found: string | null;
    readonly message: string;
  }[];
}

export function narrativeEntry(file: string, r: ReportResult, lang: Lang): NarrativeEntry {
  const statements = r.statements.map((s): StatementReport => {
    const base = { paragraph: s.paragraph, quote: s.quote, kind: s.kind, subject: s.subject, found: s.found, verdict: s.verdict, against: s.against, ...(s.why ? { why: s.why } : {}) };
    if (!s.finding) return base;
    return { ...base, code: s.finding.code, expected: s.finding.expected, message: findingMessage(s.finding, lang) };
  });
  return {
    file,
    kind: 'narrative',
    paragraphs: r.counts.paragraphs,
    statementsRead: r.counts.statements,
    statementsChecked: r.counts.checked,
    checkedAgainst: [...new Set(r.statements.map((s) => s.against).filter((a): a is string => a !== null && a !== 'text'))],
    statements,
    findings: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      paragraph: f.paragraph,
      quote: f.quote,
      expected: f.expected,
      found: f.found,
      message: findingMessage(f, lang),
    })),
  };
}

/** A report checked: its tables' entries (as a workbook's), then its narrative's. */
export function documentEntries(file: string, doc: ReportDocument, lang: Lang, options: CheckOptions): { tables: ReportEntry[]; narrative: NarrativeEntry } {
  const r = checkReport(doc, options);
  const reports = new Reports(file, lang);
  for (const s of r.sheets) reports.sheetDone(s);
  return { tables: reports.entries, narrative: narrativeEntry(file, r, lang) };
}

const SYMBOL = { error: '✗', warning: '⚠', info: 'ℹ' } as const;

const TEXT = {
  zh: {
    counts: (p: number, s: number, c: number, bad: number) => `  报告正文：${p} 段，读到 ${s} 处数字陈述，核对 ${c} 处，不符 ${bad} 处`,
    against: (tables: readonly string[]) => `  核对所用表格：${tables.length ? tables.join('、') : '无（只核对正文自身）'}`,
    at: (n: number) => `第${n}段`,
    none: '    ✓ 正文与表格、前后文一致',
  },
  en: {
    counts: (p: number, s: number, c: number, bad: number) => `  narrative: ${p} paragraph(s), ${s} statement(s) read, ${c} checked, ${bad} inconsistent`,
    against: (tables: readonly string[]) => `  checked against: ${tables.length ? tables.join(', ') : 'no table (the text against itself only)'}`,
    at: (n: number) => `¶${n}`,
    none: '    ✓ the narrative agrees with the tables and itself',
  },
} as const;

export function formatNarrative(n: NarrativeEntry, lang: Lang): string {
  const t = TEXT[lang];
  const bad = n.findings.filter((f) => f.severity === 'error').length;
  const lines = [t.counts(n.paragraphs, n.statementsRead, n.statementsChecked, bad), t.against(n.checkedAgainst)];
  if (!n.findings.length) lines.push(t.none);
  for (const f of n.findings) {
    lines.push(`    ${SYMBOL[f.severity as keyof typeof SYMBOL]} ${t.at(f.paragraph).padEnd(5)} ${f.code}  「${f.quote.length > 60 ? `${f.quote.slice(0, 59)}…` : f.quote}」 ${f.message}`);
  }
  return lines.join('\n');
}
