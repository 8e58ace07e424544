/** What the pane says of a checked table: its counts, its order among the others, the keys that name it. */
import type { Severity } from '../../core/findings';
import type { FindingReport, TableReport, UnrecognisedReport } from '../../core/report';

/** The severity filter of the results: all findings, or one severity. */
export type Filter = 'all' | Severity;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Open findings of a severity: a reviewer's 已核实 takes a finding out of the counts, chips and filters. */
export const count = (t: TableReport, s: Severity): number => t.findings.filter((f) => f.severity === s && !f.verdict).length;

/** Findings a reviewer has verified (复核意见), counted apart. */
export const verifiedCount = (t: TableReport): number => t.findings.filter((f) => f.verdict).length;

/** Errors first, then warnings, then clean tables; the sheet's order within each. */
export function failingFirst(tables: readonly TableReport[]): TableReport[] {
  const rank = (t: TableReport) => (count(t, 'error') ? 0 : count(t, 'warning') ? 1 : 2);
  return tables
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
}

/** The tables a filter leaves on screen. */
export const filtered = (tables: readonly TableReport[], filter: Filter): readonly TableReport[] => (filter === 'all' ? tables : tables.filter((x) => count(x, filter) > 0));

export const findingKey = (t: TableReport, f: FindingReport): string => `${t.sheet}!${t.range}|${f.code}@${f.cell}`;

export const regionKey = (u: UnrecognisedReport): string => `${u.sheet}!${u.range}|UNRECOGNISED_REGION`;

/** The id of a table's card, for the table list to jump to. */
export const cardId = (t: TableReport): string => `card-${t.sheet}-${t.range}`.replace(/[^\w-]/g, '_');
