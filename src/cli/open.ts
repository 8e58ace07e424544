/**
 * Opening a workbook file for the command line: its bytes read safely, what it is found out, the
 * package opened with Node's zlib and the limits; anything that is not a readable .xlsx gets a problem
 * that says what it is and what to do (never a stack trace, never a stop of the batch).
 */
import { XlsxWorkbook } from '../xlsx/workbook';
import { openProblem } from '../xlsx/problems';
import { type Problem } from './messages';
import { problemOf, readInput, sniff } from './files';
import { NODE_XLSX } from './zlib';
import { type Convertible, convertWithLibreOffice } from './convert';

export type Opened =
  | { readonly wb: XlsxWorkbook; readonly bytes: Uint8Array; readonly convertedFrom?: Convertible }
  | { readonly problem: Problem; readonly detail?: string };

export async function openWorkbookFile(file: string): Promise<Opened> {
  const read = await readInput(file);
  if (!('bytes' in read)) return read;
  let bytes = read.bytes;
  let convertedFrom: Convertible | undefined;
  const kind = sniff(bytes);
  if (kind === 'cfb' || kind === 'ods') {
    // An .xls, .et or .ods: converted by LibreOffice where it is installed (in a temporary folder).
    const from = problemOf(kind, file) as Convertible;
    const converted = await convertWithLibreOffice(from, bytes);
    if ('problem' in converted) return converted;
    bytes = converted.bytes;
    convertedFrom = from;
  } else if (kind !== 'xlsx') return { problem: problemOf(kind, file) };
  try {
    return { wb: await XlsxWorkbook.open(bytes, NODE_XLSX), bytes, convertedFrom };
  } catch (e) {
    return openProblem(e);
  }
}
