/**
 * Characters as recognition compares them: traditional forms (項目資金, 績效指標) made simplified through
 * OpenCC's maintained dictionaries (opencc-js), not a hand list. Each distinct text is converted once.
 */
import { Converter } from 'opencc-js/t2cn';

/** Hong Kong forms include the standard traditional ones and their variants (峯, 綫) as printed in the region. */
const toSimplified = Converter({ from: 'hk', to: 'cn' });

const SIMPLIFIED = new Map<string, string>();

/** Anything below the CJK blocks (digits, Latin, punctuation) has no traditional form: left as it is, unconverted. */
const MAY_BE_TRADITIONAL = /[\u3400-\u9fff\uf900-\ufaff]/;

export function simplified(text: string): string {
  if (!MAY_BE_TRADITIONAL.test(text)) return text;
  let s = SIMPLIFIED.get(text);
  if (s === undefined) {
    if (SIMPLIFIED.size > 100_000) SIMPLIFIED.clear();
    SIMPLIFIED.set(text, (s = toSimplified(text)));
  }
  return s;
}
