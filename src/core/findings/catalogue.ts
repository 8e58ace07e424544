/**
 * The shape of a language's catalogue: a message and a short form for every code, typed per code, so
 * that a missing message or a new language fails to compile rather than falling back silently.
 */
import type { FindingCode, FindingParams, Skip } from './codes';
import type { UnrecognisedReason } from '../table';

export interface Catalogue {
  readonly message: { readonly [C in FindingCode]: (p: FindingParams[C]) => string };
  /** For the 复核结果 column: a few words and the expected value. */
  readonly short: { readonly [C in FindingCode]: (p: FindingParams[C]) => string };
  readonly region: Readonly<Record<UnrecognisedReason, string>>;
  /** What could not be checked on a table, said once. */
  readonly skipped: Readonly<Record<Skip, string>>;
}

/** Indicator names run long ("完成安全生产月咨询日宣传，主管生产领导教育学习。"); messages quote the start. */
export function shorten(s: string, max = 16): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
