/**
 * 复核意见 (SPEC §5): a reviewer's 已核实 on a finding, kept in the workbook's state. A verdict is keyed by
 * the finding as the cells it is about make it — its code, its cell, the value found there and the value the
 * other cells give (a changed 预算数 changes an 执行率 finding's expected value), its indicator — so a check
 * again keeps it while those cells hold the same values and drops it once they change (the finding is open
 * again, or gone).
 */
import type { Finding, FindingVerdict, Severity } from '../findings';
import type { TableResult } from '../check/result';
import { type Grid, parseA1, valueAt } from '../grid';

/** note: the reviewer's ("调整预算已批复，执行率按调整后计算"); by: the name from the settings ('' when not set). */
export type Verdict = FindingVerdict;

export interface StoredVerdict extends Verdict {
  /** findingKey of the finding it was given on. */
  readonly key: string;
}

/** A note is a short text: what a cell and a state stay readable with. */
export const VERDICT_NOTE_MAX = 200;

/** What a verdict is keyed by: a finding as the engine raises it, or as a report (the pane, the JSON) gives it. */
export interface KeyedFinding {
  readonly code: string;
  readonly cell: string;
  readonly expected: string | null;
  readonly found: string | null;
  readonly subject?: string;
}

/**
 * The finding as the cells it is about make it: its code, its cell and what that cell holds, the values
 * expected and found (what the other cells give), its subject. `grid`: the sheet as checked.
 */
export function findingKey(f: KeyedFinding, grid: Grid): string {
  const { row, col } = parseA1(f.cell);
  return JSON.stringify([f.code, f.cell, valueAt(grid, row, col), f.expected, f.found, f.subject ?? null]);
}

function keyOf(f: Finding, grid: Grid): string {
  return findingKey({ code: f.code, cell: f.cell, expected: f.expected, found: f.found, subject: 'subject' in f.params ? f.params.subject : undefined }, grid);
}

/** The table's findings with the verdicts that still apply to them. */
export function withVerdicts(result: TableResult, verdicts: readonly StoredVerdict[] | undefined, grid: Grid): TableResult {
  if (!verdicts?.length) return result;
  const byKey = new Map(verdicts.map((v) => [v.key, v]));
  let changed = false;
  const findings = result.findings.map((f) => {
    const v = byKey.get(keyOf(f, grid));
    if (!v) return f;
    changed = true;
    return { ...f, verdict: { note: v.note, by: v.by, at: v.at } };
  });
  return changed ? { ...result, findings } : result;
}

/** The verdicts a check keeps: those on a finding it still raises, unchanged. */
export function verdictsOf(findings: readonly Finding[], grid: Grid): StoredVerdict[] {
  return findings.flatMap((f) => (f.verdict ? [{ key: keyOf(f, grid), ...f.verdict }] : []));
}

/** A verdict given (or taken back, with null) on one finding, among a sheet's verdicts. */
export function givingVerdict(verdicts: readonly StoredVerdict[] | undefined, finding: KeyedFinding, grid: Grid, verdict: Verdict | null): StoredVerdict[] {
  const key = findingKey(finding, grid);
  const others = (verdicts ?? []).filter((v) => v.key !== key);
  if (!verdict) return others;
  const note = [...verdict.note.trim()].slice(0, VERDICT_NOTE_MAX).join('');
  return [...others, { key, note, by: verdict.by.trim(), at: verdict.at }];
}

/** Open findings (no verdict) and verified ones, counted apart per severity. */
export interface VerdictCounts {
  readonly open: Readonly<Record<Severity, number>>;
  readonly verified: number;
}

export function countVerdicts(findings: readonly Pick<Finding, 'severity' | 'verdict'>[]): VerdictCounts {
  const open: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let verified = 0;
  for (const f of findings) {
    if (f.verdict) verified++;
    else open[f.severity]++;
  }
  return { open, verified };
}

/** A stored verdict as the state holds it: anything else in a state reads as no verdict. */
export function isStoredVerdict(v: unknown): v is StoredVerdict {
  if (!v || typeof v !== 'object') return false;
  const x = v as Partial<StoredVerdict>;
  return typeof x.key === 'string' && typeof x.note === 'string' && typeof x.by === 'string' && typeof x.at === 'string' && x.note.length <= VERDICT_NOTE_MAX * 2;
}
