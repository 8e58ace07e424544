/**
 * One workbook's bytes → what the summary needs (its tables, or why there are none). Shared by the
 * command line (files on disk) and the task pane (files the user picks, read in the browser).
 */
import type ExcelJS from 'exceljs';
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import { checkWorkbook } from '../core/engine';
import { sheetReports } from '../core/report';
import { type WorkbookInput, SUMMARY_SHEET } from '../core/summary';
import { isBlank } from '../core/grid';
import { loadWorkbook, workbookToGrids } from './read';

/** Never throws: a workbook that cannot be read is reported as such. */
export async function summariseBytes(bytes: Uint8Array, display: string, lang: Lang, options: CheckOptions = {}): Promise<WorkbookInput> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    return { file: display, status: 'unreadable', detail: (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160), tables: [] };
  }
  return summariseWorkbook(wb, display, lang, options);
}

export function summariseWorkbook(wb: ExcelJS.Workbook, display: string, lang: Lang, options: CheckOptions = {}): WorkbookInput {
  // An earlier summary inside the workbook is not a table.
  const grids = workbookToGrids(wb).filter((g) => g.name !== SUMMARY_SHEET);
  const empty = grids.every((g) => g.values.every((row) => row.every((v) => isBlank(v ?? null))));
  if (empty) return { file: display, status: 'empty', tables: [] };
  const { tables } = sheetReports(display, checkWorkbook(grids, options), lang);
  return { file: display, status: tables.length ? 'ok' : 'noTables', tables, sheets: grids.map((g) => g.name) };
}
