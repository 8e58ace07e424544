/** The findings catalogue's public surface: codes, severities, and messages in each language. */
import type { Finding, FindingCode, FindingParams, Lang, Skip } from './codes';
import type { Catalogue } from './catalogue';
import type { UnrecognisedReason } from '../table';
import { ZH } from './zh';
import { EN } from './en';

export * from './codes';
export { GRADE_EN } from './en';
export { shorten } from './catalogue';

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { zh: ZH, en: EN };

type Message = <C extends FindingCode>(code: C, params: FindingParams[C]) => string;

function message(kind: 'message' | 'short', lang: Lang): Message {
  return (code, params) => (CATALOGUES[lang][kind][code] as (p: typeof params) => string)(params);
}

/** The one-line message a finance clerk reads. */
export function findingMessage(f: Pick<Finding, 'code' | 'params'>, lang: Lang = 'zh'): string {
  return message('message', lang)(f.code, f.params);
}

/** A short form for the 复核结果 column. */
export function shortMessage(f: Pick<Finding, 'code' | 'params'>, lang: Lang = 'zh'): string {
  return message('short', lang)(f.code, f.params);
}

export function skippedMessage(skip: Skip, lang: Lang = 'zh'): string {
  return CATALOGUES[lang].skipped[skip];
}

export function unrecognisedMessage(reason: UnrecognisedReason, lang: Lang = 'zh'): string {
  return CATALOGUES[lang].region[reason];
}

/**
 * Information that belongs in the pane and the report, not in the 复核结果 column: the 一级 split and a
 * target set low are no faults of the row.
 */
export function inReviewColumn(code: FindingCode): boolean {
  return code !== 'LEVEL1_WEIGHT_DEVIATION' && code !== 'TARGET_EXCEEDED';
}
