/**
 * Numbering rows and columns: budget systems number a form's columns (列次 | 0 1 2 … 7 under the funds header)
 * and rows (a 行次 column 1 2 3 …). Their figures are positions, never amounts: a numbering row read as a funds row
 * gives a 600% 执行率. Found by principle — a run of consecutive whole numbers from 0 or 1 standing alone, or
 * under / beside a 行次 · 列次 · 栏次 label — not by any form's place.
 */
import { type CellValue, forEachCell, isBlank } from '../grid';

const NUMBERING_LABEL = /^(行次|列次|栏次|行号|列号|栏号)$/;

/** At least this many consecutive numbers make a numbering run (1 2 could be two amounts). */
const MIN_RUN = 3;

function wholeNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.normalize('NFKC').trim();
  return /^\d{1,3}$/.test(t) ? Number(t) : undefined;
}

function isNumberingLabel(v: CellValue): boolean {
  return typeof v === 'string' && NUMBERING_LABEL.test(v.normalize('NFKC').replace(/[\s\u00a0\u3000:：]+/g, ''));
}

/** Whether the numbers, in their order, count up by one from 0 or 1. */
function counts(numbers: readonly number[]): boolean {
  if (numbers.length < MIN_RUN || (numbers[0] !== 0 && numbers[0] !== 1)) return false;
  return numbers.every((n, i) => n === (numbers[0] ?? 0) + i);
}

/**
 * A numbering row: its cells hold a counting run and at most a numbering label ("列次") or words before the run
 * that a budget system prints there ("栏次" under a label column); nothing else.
 */
export function isNumberingRow(row: readonly CellValue[] | undefined): boolean {
  const numbers: number[] = [];
  let labelled = false;
  let other = false;
  forEachCell(row, (v) => {
    if (isBlank(v)) return;
    const n = wholeNumber(v);
    if (n !== undefined) numbers.push(n);
    else if (isNumberingLabel(v) && numbers.length === 0) labelled = true;
    else other = true;
  });
  if (other) return false;
  // Unlabelled, a run must be long enough to be no row of small amounts: the whole row counts from 0 or 1.
  return counts(numbers) && (labelled || numbers.length >= MIN_RUN + 1);
}

/**
 * The cells of a numbering column: under a 行次 / 栏次 label, the counting run below it (down to the first cell
 * that does not go on counting). Returns the rows it covers.
 */
export function numberingColumnRows(rowsOf: { readonly length: number; row(r: number): readonly CellValue[] | undefined }, labelRow: number, col: number): number[] {
  const rows: number[] = [];
  let expected: number | undefined;
  for (let r = labelRow + 1; r < rowsOf.length; r++) {
    const v = rowsOf.row(r)?.[col] ?? null;
    if (isBlank(v)) {
      if (r > (rows[rows.length - 1] ?? labelRow) + 3) break; // a numbering column runs on, row after row
      continue;
    }
    const n = wholeNumber(v);
    if (n === undefined || (expected !== undefined && n !== expected) || (expected === undefined && n !== 0 && n !== 1)) break;
    rows.push(r);
    expected = n + 1;
  }
  return rows.length >= MIN_RUN ? rows : [];
}

export { isNumberingLabel };
