/**
 * The engine's front door: grids in, recognised tables with recomputed figures and findings out.
 */
import type { Grid } from './grid';
import { recogniseSheet } from './recognise/recognise';
import { checkTable } from './check/table';
import type { CheckOptions, TableResult } from './check/result';
import type { Unrecognised } from './table';
import { SUMMARY_SHEET } from './summary';
import { STATE_SHEET } from './annotate/state';

export interface SheetResult {
  readonly sheet: string;
  readonly tables: readonly TableResult[];
  readonly unrecognised: readonly Unrecognised[];
}

/**
 * Recognises and checks every table of a sheet. With `each`, each table's result is handed over as soon
 * as it is known and not kept (the result's `tables` is then empty): memory stays that of one table.
 */
export function checkSheet(grid: Grid, options: CheckOptions = {}, each?: (result: TableResult) => void): SheetResult {
  if (each) {
    const { unrecognised } = recogniseSheet(grid, (t) => each(checkTable(t, options)));
    return { sheet: grid.name, tables: [], unrecognised };
  }
  const { tables, unrecognised } = recogniseSheet(grid);
  return { sheet: grid.name, tables: tables.map((t) => checkTable(t, options)), unrecognised };
}

/** The sheets the product writes itself (its summary, its state) are never checked as tables. */
export function isProductSheet(name: string): boolean {
  return name === SUMMARY_SHEET || name === STATE_SHEET;
}

export function checkWorkbook(grids: readonly Grid[], options: CheckOptions = {}): SheetResult[] {
  return grids.filter((g) => !isProductSheet(g.name)).map((g) => checkSheet(g, options));
}
