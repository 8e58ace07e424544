/** office-js cell data → the engine's grid model. */
import type { CellValue } from '../core/grid';

/** Excel gives '' for an empty cell and the error's text for an error (valueTypes says which). */
export function fromExcel(v: unknown, type: string | undefined): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (type === 'Error' && typeof v === 'string') return { error: v };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Copies a loaded block (values, valueTypes, numberFormat) into absolute grid rows. */
export function copyBlock(
  block: Pick<Excel.Range, 'values' | 'valueTypes' | 'numberFormat'>,
  top: number,
  left: number,
  values: CellValue[][],
  formats: (string | undefined)[][],
  each?: (row: number, col: number, i: number, j: number) => void,
): void {
  block.values.forEach((row, i) => {
    const vals: CellValue[] = (values[top + i] = []);
    const fmts: (string | undefined)[] = (formats[top + i] = []);
    row.forEach((v, j) => {
      vals[left + j] = fromExcel(v, block.valueTypes[i]?.[j]);
      fmts[left + j] = block.numberFormat[i]?.[j] as string | undefined;
      each?.(top + i, left + j, i, j);
    });
  });
}

/** Fills the rows a sheet's used range skipped, so a grid has no holes. */
export function fillGaps(values: CellValue[][], formats: (string | undefined)[][]): void {
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    formats[r] ??= [];
  }
}
