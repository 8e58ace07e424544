import type { Decimal } from '../numbers';
import type { Finding, Skip } from '../findings';
import type { Grade } from '../recognise/vocabulary';
import type { Table } from '../table';

export type { Skip };

/** What the engine works out for one table; figures are null where they cannot be computed. */
export interface TableResult {
  readonly table: Table;
  readonly budget: Decimal | null;
  readonly executed: Decimal | null;
  /** In percent units (95.82 for 95.82%), unrounded. */
  readonly executionRate: Decimal | null;
  readonly executionWeight: Decimal | null;
  readonly executionScore: Decimal | null;
  readonly indicatorWeight: Decimal | null;
  readonly indicatorScore: Decimal | null;
  readonly total: Decimal | null;
  /** Null without a total, or when the weights are known and do not add up to 100 (rule 9). */
  readonly grade: Grade | null;
  readonly shownTotal: Decimal | null;
  readonly shownGrade: Grade | null;
  readonly findings: readonly Finding[];
  readonly skipped: readonly Skip[];
}

export type ReverseFormula = 'ratio' | 'deviation';

export interface CheckOptions {
  /**
   * How a reverse (≤ / <) quantitative indicator that misses its target is scored (SPEC §3 rule 6):
   * 'ratio' = 分值 × target ÷ actual (default); 'deviation' = 分值 × (1 − (actual − target) ÷ target).
   */
  readonly reverseFormula?: ReverseFormula;
}
