/**
 * What is wrong with a file that is no readable workbook, and what to do, in Chinese and English: one
 * catalogue for the command line and the task pane's 汇总多个文件 (both read workbooks through this
 * host). Pure: bytes in, never the file system.
 */
import type { Lang } from '../core/findings';
import { ZipError, ZipReader } from './package/zip';
import { BrokenPackage } from './package/broken';

/** Why a file or folder could not be read. */
export type Problem =
  | 'notFound'
  | 'notRegular'
  | 'unreadableFolder'
  | 'unreadable'
  | 'tooLarge'
  | 'bomb'
  | 'encrypted'
  | 'xls'
  | 'et'
  | 'ods'
  | 'notWorkbook'
  | 'corrupt'
  | 'convertFailed'
  | 'notDocument'
  | 'noDocumentPart'
  | 'doc'
  | 'wps'
  | 'xlsb'
  | 'htmlXls'
  | 'xml2003';

export const PROBLEM_TEXT: Readonly<Record<Lang, Readonly<Record<Problem, (detail?: string) => string>>>> = {
  zh: {
    notFound: () => '找不到该文件或文件夹',
    notRegular: () => '不是普通文件（管道、设备或特殊文件），已跳过',
    unreadableFolder: (d) => `无法读取该文件夹${d ? `（${d}）` : ''}，已跳过`,
    unreadable: (d) => `无法读取该文件${d ? `（${d}）` : ''}`,
    tooLarge: (d) => `文件过大（${d ?? ''}），不像是一份自评表，已跳过`,
    bomb: (d) => `工作簿解压后过大${d ? `（${d}）` : ''}，可能已损坏或是压缩炸弹，已跳过`,
    encrypted: () => '加密的工作簿：请先在 Excel 或 WPS 中取消密码并另存，再校验',
    xls: () => '旧版 .xls 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再校验（或安装 LibreOffice，本工具会自动转换）',
    et: () => 'WPS .et 工作簿：请在 WPS 中另存为 .xlsx 后再校验（或安装 LibreOffice，本工具会自动转换）',
    ods: () => 'OpenDocument 表格（.ods）：请另存为 .xlsx 后再校验（或安装 LibreOffice，本工具会自动转换）',
    notWorkbook: () => '不是 Excel 工作簿（.xlsx / .xlsm）',
    corrupt: (d) => `工作簿已损坏，无法读取${d ? `（${d}）` : ''}：请从原处重新复制或导出一份`,
    convertFailed: (d) => `LibreOffice 无法转换该文件${d ? `（${d}）` : ''}：请在 WPS 或 Excel 中另存为 .xlsx`,
    notDocument: () => '不是 Word 文档（.docx）：报告请另存为 .docx（或 .doc、.wps、纯文本 .txt）后再核对',
    noDocumentPart: (d) => `文档包中没有正文部分${d ? `（${d}）` : ''}：请在 Word 或 WPS 中重新另存为 .docx`,
    doc: () => '旧版 .doc 文档：请在 Word 或 WPS 中另存为 .docx 后再核对（或安装 LibreOffice，本工具会自动转换）',
    wps: () => 'WPS .wps 文档：请在 WPS 中另存为 .docx 后再核对（或安装 LibreOffice，本工具会自动转换）',
    xlsb: () => 'Excel 二进制工作簿（.xlsb）：请在 Excel 中另存为 .xlsx 后再校验（或安装 LibreOffice，本工具会自动转换）',
    htmlXls: () => '网页（HTML）格式的表格，扩展名为 .xls（许多系统如此导出）：请在 Excel 或 WPS 中另存为 .xlsx 后再校验（或安装 LibreOffice，本工具会自动转换）',
    xml2003: () => 'XML 电子表格 2003 格式的表格（许多系统导出为 .xls）：请在 Excel 或 WPS 中另存为 .xlsx 后再校验（或安装 LibreOffice，本工具会自动转换）',
  },
  en: {
    notFound: () => 'no such file or folder',
    notRegular: () => 'not a regular file (a pipe, a device or a special file); skipped',
    unreadableFolder: (d) => `this folder cannot be read${d ? ` (${d})` : ''}; skipped`,
    unreadable: (d) => `this file cannot be read${d ? ` (${d})` : ''}`,
    tooLarge: (d) => `the file is too large (${d ?? ''}) to be a self-evaluation; skipped`,
    bomb: (d) => `the workbook expands to too much${d ? ` (${d})` : ''}: damaged, or a zip bomb; skipped`,
    encrypted: () => 'an encrypted workbook: remove its password in Excel or WPS and save it again, then check it',
    xls: () => 'an old .xls workbook: save it as .xlsx in Excel or WPS (or install LibreOffice: it is then converted)',
    et: () => 'a WPS .et workbook: save it as .xlsx in WPS (or install LibreOffice: it is then converted)',
    ods: () => 'an OpenDocument spreadsheet (.ods): save it as .xlsx (or install LibreOffice: it is then converted)',
    notWorkbook: () => 'not an Excel workbook (.xlsx / .xlsm)',
    corrupt: (d) => `the workbook is damaged and cannot be read${d ? ` (${d})` : ''}: copy or export it again from where it came`,
    convertFailed: (d) => `LibreOffice could not convert it${d ? ` (${d})` : ''}: save it as .xlsx in WPS or Excel`,
    notDocument: () => 'not a Word document (.docx): save the report as .docx (or .doc, .wps, plain .txt) and check it again',
    noDocumentPart: (d) => `the package has no document part${d ? ` (${d})` : ''}: save it again as .docx in Word or WPS`,
    doc: () => 'an old .doc document: save it as .docx in Word or WPS (or install LibreOffice: it is then converted)',
    wps: () => 'a WPS .wps document: save it as .docx in WPS (or install LibreOffice: it is then converted)',
    xlsb: () => 'an Excel binary workbook (.xlsb): save it as .xlsx in Excel (or install LibreOffice: it is then converted)',
    htmlXls: () => 'a web page (HTML) table named .xls, as many systems export: save it as .xlsx in Excel or WPS (or install LibreOffice: it is then converted)',
    xml2003: () => 'an XML Spreadsheet 2003 table (many systems export it as .xls): save it as .xlsx in Excel or WPS (or install LibreOffice: it is then converted)',
  },
};

/** What kind of file the bytes are, by their first bytes and a look inside. */
export type Sniffed = 'xlsx' | 'xlsb' | 'encrypted' | 'cfb' | 'ods' | 'htmlXls' | 'xml2003' | 'zip' | 'brokenZip' | 'other';

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    try {
      const zip = new ZipReader(bytes);
      // An .xlsb is a package too, its parts binary (xl/workbook.bin): no .xlsx reader sees anything in it.
      if (zip.has('[Content_Types].xml')) return zip.has('xl/workbook.bin') ? 'xlsb' : 'xlsx';
      if (zip.has('mimetype') && zip.has('content.xml')) return 'ods';
    } catch (e) {
      // A package whose parts disagree is said in detail when it is opened.
      if (e instanceof BrokenPackage) return 'xlsx';
      return 'brokenZip'; // a zip cut short or damaged: most likely a workbook that did not copy whole
    }
    return 'zip';
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An encrypted .xlsx is an OLE compound file holding an "EncryptionInfo" stream (its name in UTF-16).
    const name = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);
    return indexOf(bytes, name) >= 0 ? 'encrypted' : 'cfb';
  }
  return textSpreadsheet(bytes) ?? 'other';
}

/**
 * Tables many government systems export under the name .xls that are text: a web page (HTML) or Excel's XML
 * Spreadsheet 2003. Told by their start (after a byte order mark and white space), in UTF-8 or UTF-16.
 */
function textSpreadsheet(bytes: Uint8Array): 'htmlXls' | 'xml2003' | undefined {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(bytes.subarray(0, 4096));
  const start = head.replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (start.startsWith('<?xml') || start.startsWith('<workbook')) {
    return /urn:schemas-microsoft-com:office:spreadsheet|<\?mso-application\s+progid="excel\.sheet"/.test(start) ? 'xml2003' : undefined;
  }
  if (/^(<!doctype html|<html|<table|<meta|<head|<body)/.test(start)) return 'htmlXls';
  return undefined;
}

function indexOf(hay: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= Math.min(hay.length, 1 << 20); i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The problem of a file that is no .xlsx package, by what it is. */
export function problemOf(kind: Sniffed, file: string): Problem {
  if (kind === 'encrypted') return 'encrypted';
  if (kind === 'cfb') return /\.et$/i.test(file) ? 'et' : 'xls';
  if (kind === 'ods') return 'ods';
  if (kind === 'xlsb' || kind === 'htmlXls' || kind === 'xml2003') return kind;
  if (kind === 'brokenZip') return 'corrupt';
  return 'notWorkbook';
}

/** Why bytes that were taken for an .xlsx could not be opened: damaged, encrypted inside, or a bomb. */
export function openProblem(e: unknown): { readonly problem: Problem; readonly detail: string } {
  const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160);
  if (e instanceof ZipError) return { problem: e.reason === 'tooLarge' ? 'bomb' : e.reason === 'encryptedEntry' ? 'encrypted' : 'corrupt', detail };
  return { problem: 'corrupt', detail };
}
