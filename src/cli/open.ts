/**
 * Opening a workbook file for the command line: its bytes read safely, what it is found out, the
 * package opened with Node's zlib and the limits; anything that is not a readable .xlsx gets a problem
 * that says what it is and what to do (never a stack trace, never a stop of the batch).
 */
import type { Lang } from '../core/findings';
import { XlsxWorkbook } from '../xlsx/workbook';
import { ZipError } from '../xlsx/package/zip';
import { BrokenPackage } from '../xlsx/package/broken';
import { CLI_TEXT, type Problem } from './messages';
import { code, problemOf, readInput, short, sniff } from './files';
import { NODE_XLSX } from './zlib';
import { type Convertible, convertWithLibreOffice } from './convert';

export type Opened =
  | { readonly wb: XlsxWorkbook; readonly bytes: Uint8Array; readonly convertedFrom?: Convertible }
  | { readonly problem: Problem; readonly detail?: string };

/**
 * Why reading a workbook failed, in words: a bomb, an encrypted part, what is broken in it (part, sheet,
 * cell), or a failure of the system (the disk, memory) that says nothing against the file.
 */
export function readFailure(e: unknown, lang: Lang): { problem: Problem; detail?: string } {
  const t = CLI_TEXT[lang];
  if (e instanceof BrokenPackage) return { problem: 'corrupt', detail: t.fault(e.fault) };
  if (e instanceof ZipError) return { problem: e.reason === 'tooLarge' ? 'bomb' : e.reason === 'encryptedEntry' ? 'encrypted' : 'corrupt', detail: e.message };
  // ENOSPC, EIO, ENOMEM …: the file may be whole; it is said as unreadable, with the cause.
  if (code(e)) return { problem: 'unreadable', detail: short(e) };
  return { problem: 'corrupt', detail: short(e) };
}

export async function openWorkbookFile(file: string, lang: Lang = 'zh'): Promise<Opened> {
  const read = await readInput(file);
  if (!('bytes' in read)) return read;
  let bytes = read.bytes;
  let convertedFrom: Convertible | undefined;
  const kind = sniff(bytes);
  if (kind === 'cfb' || kind === 'ods' || kind === 'xlsb' || kind === 'htmlXls' || kind === 'xml2003') {
    // An .xls, .et, .ods, .xlsb, or a web page / XML 2003 table named .xls: converted by LibreOffice where it is
    // installed (in a temporary folder), refused in words naming what it is where it is not.
    const from = problemOf(kind, file) as Convertible;
    const converted = await convertWithLibreOffice(from, bytes);
    if ('problem' in converted) return converted;
    bytes = converted.bytes;
    convertedFrom = from;
  } else if (kind !== 'xlsx') return { problem: problemOf(kind, file) };
  try {
    return { wb: await XlsxWorkbook.open(bytes, NODE_XLSX), bytes, convertedFrom };
  } catch (e) {
    return readFailure(e, lang);
  }
}
