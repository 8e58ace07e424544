/**
 * The .xlsx host, reading side: a workbook's sheets, one at a time, as the engine's grids — the
 * product's own sheets (state, summary) left out, and each sheet as it was before the product's marks.
 */
import type { Grid } from '../core/grid';
import { isProductSheet, type SheetResult } from '../core/engine';
import type { CheckOptions, TableResult } from '../core/check/result';
import { isStateSheet, sheetState } from '../core/annotate/state';
import { checkAsItWas } from '../core/annotate/run';
import { withoutColumn, findOwn } from '../core/annotate/own';
import { type XlsxOptions, XlsxWorkbook, type XlsxSheet } from './workbook';

export { XlsxWorkbook };
export type { XlsxSheet, XlsxOptions };

export function openWorkbook(bytes: Uint8Array | ArrayBuffer, options: XlsxOptions = {}): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), options);
}

/** The sheets a person works in, in workbook order (a sheet of theirs named like the state included, once readState knows it). */
export function workSheets(wb: XlsxWorkbook): string[] {
  return wb.sheets.filter((s) => !isProductSheet(s.name) || (wb.foreignState && isStateSheet(s.name))).map((s) => s.name);
}

/**
 * Checks every sheet, one at a time, handing over each table's result as soon as it is known and each
 * sheet's unreadable regions at its end; nothing is kept (a sheet's cells are let go before the next is
 * read, a table's figures once it is handed over), so memory stays that of one sheet's cells.
 */
export async function checkEachTable(
  wb: XlsxWorkbook,
  sink: { readonly table: (sheet: string, result: TableResult) => void; readonly sheet?: (result: SheetResult) => void },
  options: CheckOptions = {},
): Promise<void> {
  const state = await wb.readState();
  for (const name of workSheets(wb)) {
    const sheet = await wb.readSheet(name, { styles: false });
    const done = checkAsItWas(sheet, sheetState(state, name), options, (t) => sink.table(name, t));
    sink.sheet?.(done);
  }
}

/** Checks every sheet, one at a time: each sheet's result goes to `each` (with its tables). */
export async function checkEachSheet(wb: XlsxWorkbook, each: (result: SheetResult) => void, options: CheckOptions = {}): Promise<void> {
  const state = await wb.readState();
  for (const name of workSheets(wb)) {
    const sheet = await wb.readSheet(name, { styles: false });
    each(checkAsItWas(sheet, sheetState(state, name), options));
  }
}

export async function checkXlsx(wb: XlsxWorkbook, options: CheckOptions = {}): Promise<SheetResult[]> {
  const out: SheetResult[] = [];
  await checkEachSheet(wb, (r) => out.push(r), options);
  return out;
}

/** Every work sheet's grid, as it was before the product's column (for the preview and tests). */
export async function workbookGrids(wb: XlsxWorkbook): Promise<Grid[]> {
  const state = await wb.readState();
  const grids: Grid[] = [];
  for (const name of workSheets(wb)) {
    const sheet: XlsxSheet = await wb.readSheet(name);
    grids.push(withoutColumn(sheet.grid, findOwn(sheet, sheetState(state, name))));
  }
  return grids;
}
