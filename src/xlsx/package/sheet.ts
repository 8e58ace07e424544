/**
 * A worksheet part, read in one streamed pass (scan.ts) into the engine's grid: values (formulas by
 * their cached result), number formats, merged areas, protection, and for the writer each cell's format
 * index and formula (a shared formula's dependents by their own text, moved from the master's).
 */
import type { CellRange, CellValue, Grid } from '../../core/grid';
import { a1, columnLetters, parseRangeA1 } from '../../core/grid';
import { ZipError, type ZipReader } from './zip';
import { Scanner, attr } from './scan';
import { streamText } from './parts';
import { BrokenPackage, MAX_COLS, MAX_ROWS, shownRef } from './broken';
import { shiftFormula } from './formula';
import { decodeXstring } from './xml';

export interface SheetRead {
  readonly grid: Grid;
  /** xf[row][col]: the cell's format index (absent: 0). */
  readonly xf: (number | undefined)[][];
  readonly protected: boolean;
  /** Each formula cell's formula, "=…", by A1 address (kept with the styles, for the writer). */
  readonly formulas: ReadonlyMap<string, string>;
}

/** "AB12" → 0-based column 27, row 11. */
function cellRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return undefined;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 ? { row: row - 1, col: col - 1 } : undefined;
}

/** Every row of a sheet without cells shares this one (a sheet of one cell at row 1,048,576 holds no million arrays). */
const NO_CELLS: readonly CellValue[] = Object.freeze([]);

export async function readSheet(
  zip: ZipReader,
  part: string,
  name: string,
  sharedStrings: readonly string[],
  formats: readonly (string | undefined)[],
  /** Keep each cell's format index (the writer and fills need it; a check alone does not). */
  keepStyles = true,
): Promise<SheetRead> {
  const values: CellValue[][] = [];
  const fmts: (string | undefined)[][] = [];
  const xf: (number | undefined)[][] = [];
  const merges: CellRange[] = [];
  let isProtected = false;
  const formulas = new Map<string, string>();
  /** Shared formulas by their index: the master's text and place. */
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let formula: { shared?: string; text: string } | null = null;

  let row = -1;
  let col = -1;
  let type = 'n';
  let style = 0;
  let text = '';
  /** Which text is being gathered: the value <v>, an inline string's <t>, a formula <f>, or none. */
  let into: 'v' | 't' | 'f' | null = null;
  let inInline = false;
  let phonetic = 0;
  let hasValue = false;

  const sheetName = name;
  const beyond = (cell: string): never => {
    throw new BrokenPackage({ kind: 'beyondGrid', part, sheet: sheetName, cell: shownRef(cell) });
  };
  let cellsInRow = 0;
  const put = (v: CellValue) => {
    cellsInRow++;
    const r = (values[row] ??= []);
    r[col] = v;
  };

  /** A formula read: its own text, or a shared one's moved from its master. */
  const endFormula = () => {
    const f = formula;
    formula = null;
    if (!f) return;
    let own = f.text;
    if (f.shared !== undefined) {
      const m = masters.get(f.shared);
      if (own) masters.set(f.shared, { text: own, row, col });
      else if (m) own = shiftFormula(m.text, row - m.row, col - m.col);
    }
    if (own) formulas.set(`${columnLetters(col)}${row + 1}`, `=${own}`);
  };

  const local = (n: string) => {
    const i = n.indexOf(':');
    return i < 0 ? n : n.slice(i + 1);
  };
  const scanner = new Scanner({
    open: (name, a, selfClosing) => {
      const el = local(name);
      switch (el) {
        case 'row': {
          const ra = attr(a, 'r');
          const r = ra ? Number(ra) - 1 : row + 1;
          row = Number.isInteger(r) && r >= 0 ? r : row + 1;
          if (row >= MAX_ROWS) beyond(ra ?? String(row + 1));
          col = -1;
          break;
        }
        case 'c': {
          const ra = attr(a, 'r');
          const ref = ra ? cellRef(ra) : undefined;
          if (ref) {
            row = ref.row;
            col = ref.col;
          } else col++;
          if (row >= MAX_ROWS || col >= MAX_COLS) beyond(ra ?? `R${row + 1}C${col + 1}`);
          if (row < 0) row = 0;
          type = attr(a, 't') ?? 'n';
          const sa = attr(a, 's');
          style = sa ? Number(sa) : 0;
          text = '';
          hasValue = false;
          if (style && keepStyles) (xf[row] ??= [])[col] = style;
          if (selfClosing) type = 'n';
          break;
        }
        case 'v':
          into = 'v';
          text = '';
          break;
        case 'f':
          if (!keepStyles) break;
          formula = { text: '', ...(attr(a, 't') === 'shared' && attr(a, 'si') !== undefined ? { shared: attr(a, 'si') } : {}) };
          into = selfClosing ? null : 'f';
          if (selfClosing) endFormula();
          break;
        case 'is':
          inInline = true;
          text = '';
          break;
        case 't':
          if (inInline && phonetic === 0) into = 't';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'mergeCell': {
          const ref = attr(a, 'ref');
          if (ref) {
            const m = parseRangeA1(ref);
            if (m.bottom >= MAX_ROWS || m.right >= MAX_COLS) beyond(ref);
            merges.push(m);
          }
          break;
        }
        case 'sheetProtection': {
          // Excel writes sheet="1"; LibreOffice writes sheet="true". Absent means not protected.
          const sheet = attr(a, 'sheet');
          isProtected = sheet === '1' || sheet === 'true';
          break;
        }
      }
    },
    close: (name) => {
      switch (local(name)) {
        case 'row': {
          // A row's arrays grew cell by cell; copied once at their size, a sheet of 200,000 rows takes half the memory.
          // A sparse row (a cell at XFD) is kept as it is: a copy would hold every column up to the last.
          const done = values[row];
          const dense = cellsInRow * 4 >= (done?.length ?? 0);
          if (done && dense) values[row] = done.slice();
          const f = fmts[row];
          if (f && dense) fmts[row] = f.slice();
          cellsInRow = 0;
          break;
        }
        case 'v':
          into = null;
          hasValue = true;
          break;
        case 'f':
          if (into === 'f') {
            into = null;
            endFormula();
          }
          break;
        case 't':
          if (into === 't') into = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inInline = false;
          hasValue = true;
          break;
        case 'c': {
          const v = hasValue ? cellValue(type, text, sharedStrings) : null;
          if (v === MISSING) throw new BrokenPackage({ kind: 'missingString', part, sheet: sheetName, cell: a1(row, col) });
          if (hasValue) put(v);
          // A number format says something only of a number (its decimals, a percent), or of an empty cell
          // that a fill may give one (a blank 执行率 under "0.00%" takes a fraction): kept for those alone.
          if ((v === null || typeof v === 'number') && style) {
            const f = formats[style];
            if (f !== undefined && f !== 'General') (fmts[row] ??= [])[col] = f;
          }
          break;
        }
      }
    },
    text: (t) => {
      if (into === 'f' && formula) formula.text += t;
      else if (into) text += t;
    },
  });
  await scanPart(zip, part, name, scanner);
  for (let r = 0; r < values.length; r++) values[r] ??= NO_CELLS as CellValue[];
  return { grid: { name, values, formats: fmts, merges, ...(formulas.size ? { formulas } : {}) }, xf, protected: isProtected, formulas };
}

/** The part streamed through the scanner; what is not well formed is said with the part and the sheet. */
async function scanPart(zip: ZipReader, part: string, sheet: string, scanner: Scanner): Promise<void> {
  try {
    await streamText(zip, part, (t) => scanner.write(t));
    scanner.close();
  } catch (e) {
    if (e instanceof BrokenPackage && e.fault.kind === 'badCrc') throw new BrokenPackage({ ...e.fault, sheet });
    if (e instanceof BrokenPackage || e instanceof ZipError) throw e;
    throw new BrokenPackage({ kind: 'badXml', part, sheet, detail: e instanceof Error ? e.message : String(e) });
  }
}

/** A shared string index the package does not have. */
const MISSING = Symbol('missing shared string');

function cellValue(type: string, text: string, sharedStrings: readonly string[]): CellValue | typeof MISSING {
  switch (type) {
    case 's': {
      if (text.trim() === '') return null;
      const s = sharedStrings[Number(text)];
      if (s === undefined) return MISSING;
      return s === '' ? null : s;
    }
    case 'inlineStr':
    case 'str':
      return text === '' ? null : decodeXstring(text);
    case 'b':
      return text === '1' || text === 'true';
    case 'e':
      return { error: text };
    case 'd':
      return text || null;
    default: {
      if (text === '') return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
  }
}
