/**
 * The engine's front door: grids in, recognised tables with recomputed figures and findings out.
 */
import type { Grid } from './grid';
import { recogniseSheet } from './recognise/recognise';
import { checkTable } from './check/table';
import type { CheckOptions, TableResult } from './check/result';
import type { Unrecognised } from './table';

export interface SheetResult {
  readonly sheet: string;
  readonly tables: readonly TableResult[];
  readonly unrecognised: readonly Unrecognised[];
}

export function checkSheet(grid: Grid, options: CheckOptions = {}): SheetResult {
  const { tables, unrecognised } = recogniseSheet(grid);
  return { sheet: grid.name, tables: tables.map((t) => checkTable(t, options)), unrecognised };
}

export function checkWorkbook(grids: readonly Grid[], options: CheckOptions = {}): SheetResult[] {
  return grids.map((g) => checkSheet(g, options));
}
