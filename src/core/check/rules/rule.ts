/**
 * A rule: one check of SPEC §3, declaring the codes it may raise. `report` only takes those codes, so a
 * rule cannot raise a finding it does not declare (the registry test relies on the declarations).
 */
import type { FindingCode, FindingParams } from '../../findings';
import type { Field, Table } from '../../table';
import type { TableFigures } from '../figures';
import type { ReverseFormula } from '../result';

export interface RuleContext<C extends FindingCode> {
  readonly table: Table;
  readonly figures: TableFigures;
  readonly reverseFormula: ReverseFormula;
  readonly report: <K extends C>(code: K, at: Pick<Field, 'row' | 'col'>, params: FindingParams[K]) => void;
  /** Whether a finding was already raised on this table (some rules stand back for another's finding). */
  readonly raised: (code: FindingCode, at?: Pick<Field, 'row' | 'col'>) => boolean;
}

export interface Rule<C extends FindingCode = FindingCode> {
  readonly name: string;
  readonly codes: readonly C[];
  readonly check: (ctx: RuleContext<C>) => void;
}

export function rule<C extends FindingCode>(name: string, codes: readonly C[], check: (ctx: RuleContext<C>) => void): Rule<C> {
  return { name, codes, check };
}
