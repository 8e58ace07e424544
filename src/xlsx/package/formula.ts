/**
 * A formula's text moved from one cell to another, as Excel moves it when it copies a formula: every
 * relative reference (A1, A$1, $A1, the ends of A1:B2, column ranges A:B and row ranges 1:2) shifted by
 * the distance, absolute parts ($A$1) kept, text in quotes ("…", '…'!) left alone; a reference moved off
 * the grid becomes #REF!. Used where a shared formula's dependents need a formula of their own.
 */

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A cell reference, a column range or a row range, with what may stand before it (not a name's letter). */
const REF =
  /(?<![A-Za-z0-9_.$])(?:(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(])|(\$?)(\d+):(\$?)(\d+)(?![A-Za-z0-9_(.])|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(.!]))/g;

function shiftPart(text: string, dRow: number, dCol: number): string {
  return text.replace(REF, (whole, ...g: (string | undefined)[]) => {
    const col = (abs: string | undefined, letters: string) => {
      const n = abs ? colNumber(letters) : colNumber(letters) + dCol;
      return n < 1 || n > MAX_COL ? null : `${abs ?? ''}${colLetters(n)}`;
    };
    const row = (abs: string | undefined, digits: string) => {
      const n = abs ? Number(digits) : Number(digits) + dRow;
      return n < 1 || n > MAX_ROW ? null : `${abs ?? ''}${n}`;
    };
    let parts: (string | null)[];
    if (g[1] !== undefined) parts = [col(g[0], g[1]), ':', col(g[2], g[3] ?? '')];
    else if (g[5] !== undefined) parts = [row(g[4], g[5]), ':', row(g[6], g[7] ?? '')];
    else if (g[9] !== undefined) parts = [col(g[8], g[9]), row(g[10], g[11] ?? '')];
    else return whole;
    return parts.some((p) => p === null) ? '#REF!' : parts.join('');
  });
}

/** The formula of a cell `dRow` rows and `dCol` columns away. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const q = formula.slice(i).search(/["']/);
    if (q < 0) {
      out += shiftPart(formula.slice(i), dRow, dCol);
      break;
    }
    out += shiftPart(formula.slice(i, i + q), dRow, dCol);
    const quote = formula[i + q] ?? '"';
    // A quoted run ends at a lone closing quote ("" and '' are the quote itself).
    let j = i + q + 1;
    for (; j < formula.length; j++) {
      if (formula[j] !== quote) continue;
      if (formula[j + 1] === quote) j++;
      else break;
    }
    out += formula.slice(i + q, j + 1);
    i = j + 1;
  }
  return out;
}
