/**
 * Formulas whose result the file does not hold, worked out from the sheet (fast-formula-parser, MIT: the
 * arithmetic and the functions these forms use, SUM, ROUND, IF …). Writers that do not calculate (openpyxl) store
 * no result; XlsxWriter stores 0 and asks Excel to recalculate on load (fullCalcOnLoad). A formula that cannot be
 * worked out here (another sheet, a function the library lacks, a loop) is left blank: the engine then knows it
 * as not computed and says so instead of calling the cell missing.
 */
import FormulaParser from 'fast-formula-parser';
import { type CellValue, type Grid, isBlank, isCellError, parseA1 } from '../core/grid';

class NotHere extends Error {}

type Plain = number | string | boolean | null;

/**
 * The grid with every formula that needs it evaluated: those with no stored result, or all of them where the
 * workbook asks for a full recalculation on load (its stored results are then not to be trusted).
 */
export function computeFormulas(grid: Grid, recalculateAll: boolean): Grid {
  const formulas = grid.formulas;
  if (!formulas?.size) return grid;
  const pending = new Map<string, string>();
  for (const [address, formula] of formulas) {
    const { row, col } = parseA1(address);
    if (recalculateAll || isBlank(grid.values[row]?.[col] ?? null)) pending.set(`${row},${col}`, formula);
  }
  if (!pending.size) return grid;
  const values = grid.values.map((row) => [...row]);
  const done = new Map<string, CellValue>();
  const busy = new Set<string>();

  const valueOf = (row: number, col: number): Plain => {
    const key = `${row},${col}`;
    const formula = pending.get(key);
    const v = formula === undefined ? (values[row]?.[col] ?? null) : evaluate(key, row, col, formula);
    if (v === null || isCellError(v)) {
      if (v !== null) throw new NotHere();
      return null;
    }
    return v;
  };
  const parser = new FormulaParser({
    onCell: ({ sheet, row, col }) => {
      if (sheet !== grid.name) throw new NotHere();
      return valueOf(row - 1, col - 1);
    },
    onRange: ({ sheet, from, to }) => {
      if (sheet !== grid.name) throw new NotHere();
      const bottom = Math.min(to.row, values.length);
      const out: Plain[][] = [];
      for (let r = from.row; r <= bottom; r++) {
        const line: Plain[] = [];
        const right = Math.min(to.col, Math.max(values[r - 1]?.length ?? 0, from.col));
        for (let c = from.col; c <= right; c++) line.push(valueOf(r - 1, c - 1));
        out.push(line);
      }
      return out;
    },
  });

  function evaluate(key: string, row: number, col: number, formula: string): CellValue {
    const known = done.get(key);
    if (known !== undefined) return known;
    if (busy.has(key)) throw new NotHere(); // a loop: Excel would not settle it either
    busy.add(key);
    let result: CellValue = null;
    try {
      result = resultOf(parser.parse(formula.replace(/^=/, ''), { sheet: grid.name, row: row + 1, col: col + 1 }));
    } catch {
      result = null;
    } finally {
      busy.delete(key);
    }
    done.set(key, result);
    return result;
  }

  for (const [key, formula] of pending) {
    const [row, col] = key.split(',').map(Number) as [number, number];
    (values[row] ??= [])[col] = evaluate(key, row, col, formula);
  }
  return { ...grid, values };
}

/** The parser's answer as a cell holds it: a number to Excel's 15 significant digits, an error as an error value. */
function resultOf(v: unknown): CellValue {
  if (typeof v === 'number') return Number.isFinite(v) ? Number(v.toPrecision(15)) : { error: '#NUM!' };
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v;
  if (v && typeof v === 'object' && '_error' in v) return { error: String((v as { _error: unknown })._error) };
  return null;
}
