/**
 * One workbook's bytes → what the summary needs (its tables, or why there are none). Shared by the
 * command line (files on disk) and the task pane (files the user picks, read in the browser). The
 * workbook is read through the package reader, a sheet at a time.
 */
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import { sheetReports } from '../core/report';
import type { WorkbookInput } from '../core/summary';
import { isBlank } from '../core/grid';
import { sheetState } from '../core/annotate/state';
import { checkAsItWas } from '../core/annotate/run';
import { type XlsxOptions, XlsxWorkbook } from './workbook';
import { workSheets } from './read';
import { PROBLEM_TEXT, openProblem, problemOf, sniff } from './problems';

/** Never throws: a workbook that cannot be read is reported as such. */
export async function summariseBytes(bytes: Uint8Array, display: string, lang: Lang, options: CheckOptions = {}, xlsx: XlsxOptions = {}): Promise<WorkbookInput> {
  try {
    return await summariseWorkbook(await XlsxWorkbook.open(bytes, xlsx), display, lang, options);
  } catch (e) {
    return { file: display, status: 'unreadable', detail: (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160), tables: [] };
  }
}

/**
 * A file the user picked (the task pane's 汇总多个文件): what it is found out first, and a file that is
 * no readable .xlsx is said as the command line says it ("工作簿已损坏…请从原处重新复制或导出一份"),
 * in the pane's language. Never throws.
 */
export async function summariseFile(bytes: Uint8Array, name: string, lang: Lang, options: CheckOptions = {}, xlsx: XlsxOptions = {}): Promise<WorkbookInput> {
  const say = PROBLEM_TEXT[lang];
  const kind = sniff(bytes);
  if (kind !== 'xlsx') return { file: name, status: 'unreadable', detail: say[problemOf(kind, name)](), tables: [] };
  let wb: XlsxWorkbook;
  try {
    wb = await XlsxWorkbook.open(bytes, xlsx);
  } catch (e) {
    const { problem, detail } = openProblem(e);
    return { file: name, status: 'unreadable', detail: say[problem](problem === 'corrupt' ? undefined : detail), tables: [] };
  }
  try {
    return await summariseWorkbook(wb, name, lang, options);
  } catch {
    return { file: name, status: 'unreadable', detail: say.corrupt(), tables: [] };
  }
}

export async function summariseWorkbook(wb: XlsxWorkbook, display: string, lang: Lang, options: CheckOptions = {}): Promise<WorkbookInput> {
  const state = await wb.readState();
  const names = workSheets(wb);
  let empty = true;
  const results = [];
  for (const name of names) {
    const sheet = await wb.readSheet(name, { styles: false });
    if (empty && sheet.grid.values.some((row) => row.some((v) => !isBlank(v ?? null)))) empty = false;
    results.push(checkAsItWas(sheet, sheetState(state, name), options));
  }
  if (empty) return { file: display, status: 'empty', tables: [] };
  const { tables } = sheetReports(display, results, lang);
  return { file: display, status: tables.length ? 'ok' : 'noTables', tables, sheets: names };
}
