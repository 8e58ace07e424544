/**
 * The findings catalogue (SPEC §4): codes, severities, and the typed parameters of each code. Codes and
 * severities are a contract: reports, tests and users' own filters rely on them, so they never change
 * meaning. A finding is data; its message is built from these parameters by each language's catalogue.
 */
import type { Grade } from '../recognise/vocabulary';
import type { AmountUnit, AskedName, UnrecognisedReason } from '../table';

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = {
  EXEC_RATE_MISMATCH: 'error',
  EXEC_SCORE_MISMATCH: 'error',
  OVER_EXECUTION: 'warning',
  FUND_SPLIT_MISMATCH: 'error',
  SCORE_OVER_WEIGHT: 'error',
  WEIGHT_SUM_NOT_100: 'error',
  TOTAL_WEIGHT_MISMATCH: 'error',
  TOTAL_MISMATCH: 'error',
  GRADE_MISMATCH: 'error',
  QUANT_SCORE_MISMATCH: 'warning',
  QUAL_BAND_MISMATCH: 'warning',
  MISSING_REASON: 'warning',
  MISSING_VALUE: 'error',
  UNPARSEABLE: 'info',
  LABEL_WEIGHT_MISMATCH: 'error',
  LEVEL1_WEIGHT_DEVIATION: 'info',
  LOW_EXECUTION_NO_REASON: 'warning',
  EMPTY_REASON: 'warning',
  ACTUAL_NOT_NUMBER: 'warning',
  EMPTY_INDICATOR: 'warning',
  LEVEL2_MISPLACED: 'warning',
  TARGET_EXCEEDED: 'info',
  SHORTFALL_NO_REASON: 'warning',
  MISSING_FIELD: 'warning',
  UNRECOGNISED_REGION: 'warning',
  REPORT_TABLE_MISMATCH: 'error',
  REPORT_ARITHMETIC: 'error',
  REPORT_UNMATCHED: 'info',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

export const ALL_CODES = Object.keys(FINDING_CODES) as FindingCode[];

export type Lang = 'zh' | 'en';

/** Cells a MISSING_VALUE may be about. */
export type FieldName =
  | 'budget'
  | 'executed'
  | 'initial'
  | 'execWeight'
  | 'execScore'
  | 'rate'
  | 'weight'
  | 'score'
  | 'total'
  | 'totalWeight';

/** A field MISSING_FIELD can be about: the table's own, or an indicator's 实际完成值. */
export type MissingFieldName = AskedName | 'actual';

export type UnparseableReason = 'target' | 'actual' | 'unitMismatch' | 'noRate' | 'splitPart';

/** The columns of the funds block a FUND_SPLIT_MISMATCH can be about. */
export type SplitColumn = 'initial' | 'budget' | 'executed';

/** 一级 weights by category ("执行率 10 / 产出 50 …"), for LEVEL1_WEIGHT_DEVIATION. */
export interface Split {
  readonly name: string;
  readonly points: string;
}

/** Amounts carry their table's unit so that messages can say 万元 or 元. */
interface Amounts {
  readonly expected: string;
  readonly found: string;
  readonly unit: AmountUnit;
}

interface Scores {
  readonly expected: string;
  readonly found: string;
}

/** What a report's statement states (REPORT_TABLE_MISMATCH, REPORT_UNMATCHED). */
export type ReportWhat = 'amount' | 'rate' | 'score' | 'weight' | 'grade';

/** Which of a report's own sums a REPORT_ARITHMETIC is about. */
export type ReportCheck = 'parts' | 'share' | 'change' | 'difference' | 'rate' | 'twice' | 'grade' | 'count';

/** Every code's parameters; numbers are decimal strings. */
export interface FindingParams {
  EXEC_RATE_MISMATCH: Scores;
  EXEC_SCORE_MISMATCH: Scores;
  OVER_EXECUTION: Amounts;
  FUND_SPLIT_MISMATCH: Amounts & { readonly column: SplitColumn; readonly group?: string };
  SCORE_OVER_WEIGHT: Scores & { readonly subject: string };
  WEIGHT_SUM_NOT_100: { readonly found: string };
  TOTAL_WEIGHT_MISMATCH: Scores;
  TOTAL_MISMATCH: Scores;
  GRADE_MISMATCH: { readonly expected: Grade; readonly found: Grade };
  QUANT_SCORE_MISMATCH: Scores & { readonly subject: string };
  /** expected: the band, "8.00–10.00". */
  QUAL_BAND_MISMATCH: Scores & { readonly subject: string };
  /** expected: the weight, found: the score. */
  MISSING_REASON: Scores & { readonly subject: string };
  MISSING_VALUE: { readonly field: FieldName; readonly found?: string };
  UNPARSEABLE: { readonly reason: UnparseableReason; readonly subject?: string; readonly found?: string };
  LABEL_WEIGHT_MISMATCH: Scores & { readonly subject: string };
  LEVEL1_WEIGHT_DEVIATION: { readonly expected: readonly Split[]; readonly found: readonly Split[] };
  /** noReasonCell: the form has no cell for the reason (raised at the rate, or the 执行数). */
  LOW_EXECUTION_NO_REASON: { readonly found: string; readonly noReasonCell?: boolean };
  EMPTY_REASON: { readonly subject: string; readonly found: string };
  ACTUAL_NOT_NUMBER: { readonly subject: string; readonly target: string; readonly found: string };
  EMPTY_INDICATOR: { readonly subject: string; readonly weight: string };
  LEVEL2_MISPLACED: { readonly level2: string; readonly level1: string; readonly expected: string };
  /** ratio: actual ÷ target in percent. */
  TARGET_EXCEEDED: { readonly subject: string; readonly target: string; readonly found: string; readonly ratio: string };
  /** expected: the target, found: the actual; found '' with reason 'filler' names the filler word in `filler`. */
  SHORTFALL_NO_REASON: { readonly subject: string; readonly expected: string; readonly found: string; readonly filler?: string };
  /** field: what the form asks for; subject: the indicator, for an 实际完成值. */
  MISSING_FIELD: { readonly field: MissingFieldName; readonly subject?: string };
  UNRECOGNISED_REGION: { readonly reason: UnrecognisedReason; readonly range: string };
  /** subject: 'total' or a breakdown / 一级指标 name; unit: 万元, 元, %, 分 or '' (a grade). */
  REPORT_TABLE_MISMATCH: Scores & { readonly what: ReportWhat; readonly subject: string; readonly table: string; readonly unit: string };
  /** expected: what the report's other figures give; found: the figure stated; paragraph: where the figure was first stated (twice). */
  REPORT_ARITHMETIC: Scores & { readonly check: ReportCheck; readonly subject: string; readonly unit: string; readonly paragraph?: number };
  REPORT_UNMATCHED: { readonly what: ReportWhat; readonly subject: string; readonly table: string };
}

export interface FindingOf<C extends FindingCode> {
  readonly code: C;
  readonly severity: (typeof FINDING_CODES)[C];
  /** A1 address on its sheet. */
  readonly cell: string;
  /** 0-based position of that cell, for hosts that mark it. */
  readonly row: number;
  readonly col: number;
  /** What the rules expect and what the table shows, as the report gives them (decimal strings). */
  readonly expected: string | null;
  readonly found: string | null;
  readonly params: FindingParams[C];
  /** The reviewer's 已核实 (复核意见), where one was given and the cells it is about are unchanged. */
  readonly verdict?: FindingVerdict;
}

/** A reviewer's verdict on a finding: a short note, who, when (ISO 8601). */
export interface FindingVerdict {
  readonly note: string;
  readonly by: string;
  readonly at: string;
}

export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

/** A check that could not run on a table, and why (said once per table, not per row). */
export type Skip =
  | 'noFunds'
  | 'noIndicators'
  | 'noExecWeight'
  | 'noExecScoreColumn'
  | 'noWeightColumn'
  | 'noScoreColumn'
  | 'noTotalRow'
  | 'noReasonColumn'
  | 'weightsNot100'
  | 'formulaNotComputed';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The report's expected / found of a finding, from its parameters. */
export function reportedValues<C extends FindingCode>(code: C, p: FindingParams[C]): { expected: string | null; found: string | null } {
  const any = p as Partial<Record<'expected' | 'found', unknown>>;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  switch (code) {
    case 'WEIGHT_SUM_NOT_100':
      return { expected: '100.00', found: str(any.found) };
    case 'LEVEL1_WEIGHT_DEVIATION': {
      const q = p as FindingParams['LEVEL1_WEIGHT_DEVIATION'];
      const show = (s: readonly Split[]) => s.map((x) => `${x.name} ${x.points}`).join(' / ');
      return { expected: show(q.expected), found: show(q.found) };
    }
    case 'ACTUAL_NOT_NUMBER':
      return { expected: null, found: str(any.found) };
    case 'TARGET_EXCEEDED': {
      const q = p as FindingParams['TARGET_EXCEEDED'];
      return { expected: q.target, found: q.found };
    }
    case 'EMPTY_INDICATOR':
    case 'MISSING_FIELD':
    case 'UNRECOGNISED_REGION':
    case 'REPORT_UNMATCHED':
      return { expected: null, found: null };
    case 'LEVEL2_MISPLACED':
      return { expected: (p as FindingParams['LEVEL2_MISPLACED']).expected, found: (p as FindingParams['LEVEL2_MISPLACED']).level1 };
    default:
      return { expected: str(any.expected), found: str(any.found) };
  }
}
