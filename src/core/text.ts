/**
 * Label normalisation. Real tables carry line breaks inside labels ("年初预\n算数"), full-width
 * punctuation, spaces and trailing colons; all of that must compare equal.
 */
import { type CellValue, isCellError } from './grid';

/** NFKC folds full-width ：（）＝＞ and digits to their ASCII forms; whitespace and trailing colons go. */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[:：]+$/, '');
}

/** The text of a cell as a label, '' for non-strings. */
export function labelOf(v: CellValue): string {
  if (typeof v !== 'string') return '';
  // Sheets repeat their labels (every table has the same header): each text is normalised once.
  let l = LABELS.get(v);
  if (l === undefined) {
    if (LABELS.size > 100_000) LABELS.clear();
    LABELS.set(v, (l = normalizeLabel(v)));
  }
  return l;
}

const LABELS = new Map<string, string>();

/** The text a person sees in the cell, for messages and names. */
export function displayText(v: CellValue): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  return String(v);
}

/** Dashes and slashes stand for "not applicable" in these tables. */
export function isNotApplicable(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const t = normalizeLabel(v);
  return /^[-—–―‐/\\]+$/.test(t);
}
