/**
 * The parts of an .xlsx package the product reads: content types, relationships, the workbook's sheet
 * list, styles (number formats, fills, cell formats), shared strings. Parsing is streamed through saxes.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ZipError, type ZipReader } from './zip';
import { BrokenPackage } from './broken';
import { elements, attributes, runText, rootPrefix, unescapeXml } from './xml';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = {
  officeDocument: `${REL_NS}/officeDocument`,
  worksheet: `${REL_NS}/worksheet`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  styles: `${REL_NS}/styles`,
  comments: `${REL_NS}/comments`,
  vmlDrawing: `${REL_NS}/vmlDrawing`,
  threadedComments: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
} as const;

/**
 * Whether a relationship is of a kind: the same type, or the same kind under Strict Open XML's URIs
 * ("http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings" for sharedStrings).
 */
export function isRelType(type: string, kind: string): boolean {
  return type === kind || type.slice(type.lastIndexOf('/')) === kind.slice(kind.lastIndexOf('/'));
}

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

/** Streams a part's text (UTF-8 decoded across chunks, a byte order mark dropped). */
export async function streamText(zip: ZipReader, part: string, onText: (text: string) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  await zip.stream(part, (chunk) => {
    let s = decoder.decode(chunk, { stream: true });
    if (first) {
      s = s.replace(/^\uFEFF/, '');
      first = false;
    }
    onText(s);
  });
  const rest = decoder.decode();
  if (rest) onText(rest);
}

/** Streams a part through saxes; element names are given without their namespace prefix. */
export async function sax(
  zip: ZipReader,
  part: string,
  handlers: {
    open?: (name: string, attrs: Record<string, string>, selfClosing: boolean) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const local = (n: string) => {
    const i = n.indexOf(':');
    return i < 0 ? n : n.slice(i + 1);
  };
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (t: SaxesTagPlain) => open(local(t.name), t.attributes as Record<string, string>, t.isSelfClosing));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (t) => close(local(t.name)));
  }
  if (handlers.text) parser.on('text', handlers.text);
  try {
    await streamText(zip, part, (s) => parser.write(s));
    parser.close();
  } catch (e) {
    if (e instanceof BrokenPackage || e instanceof ZipError) throw e;
    throw new BrokenPackage({ kind: 'badXml', part, detail: (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 120) });
  }
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The folder of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
export function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** A relationship target, resolved against the folder of its source part. */
export function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (folderOf(from) ? folderOf(from).split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function relsPathOf(part: string): string {
  const dir = folderOf(part);
  const base = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ''}_rels/${base}.rels`;
}

export async function readRels(zip: ZipReader, part: string): Promise<Relationship[]> {
  const path = relsPathOf(part);
  if (!zip.has(path)) return [];
  const xml = await zip.text(path);
  const prefix = rootPrefix(xml);
  const out: Relationship[] = [];
  for (const e of elements(xml, `${prefix}Relationship`)) {
    const a = attributes(e.tag);
    out.push({ id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External' });
  }
  return out;
}

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly relId: string;
  readonly part: string;
}

export interface WorkbookInfo {
  readonly part: string;
  readonly xml: string;
  readonly rels: Relationship[];
  readonly sheets: SheetEntry[];
  readonly sharedStrings?: string;
  readonly styles?: string;
}

export async function readWorkbookInfo(zip: ZipReader): Promise<WorkbookInfo> {
  const root = await readRels(zip, '');
  const office = root.find((r) => isRelType(r.type, REL.officeDocument));
  const part = office ? resolve('', office.target) : 'xl/workbook.xml';
  if (!zip.has(part)) throw new BrokenPackage({ kind: 'missingPart', part });
  const xml = await zip.text(part);
  const rels = await readRels(zip, part);
  const prefix = rootPrefix(xml);
  const sheets: SheetEntry[] = [];
  for (const e of elements(xml, `${prefix}sheet`)) {
    const a = attributes(e.tag);
    const relId = [...a.entries()].find(([k]) => /(^|:)id$/.test(k))?.[1] ?? '';
    const rel = rels.find((r) => r.id === relId);
    if (!rel || !isRelType(rel.type, REL.worksheet)) continue; // chart sheets and dialog sheets hold no tables
    const state = a.get('state');
    sheets.push({
      name: a.get('name') ?? '',
      sheetId: a.get('sheetId') ?? '',
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      relId,
      part: resolve(part, rel.target),
    });
  }
  checkSheets(zip, sheets);
  const target = (type: string) => {
    const r = rels.find((x) => isRelType(x.type, type) && !x.external);
    if (!r) return undefined;
    const found = resolve(part, r.target);
    // Referred to and not there: the cells' strings or styles would be read as nothing.
    if (!zip.has(found)) throw new BrokenPackage({ kind: 'missingPart', part: found });
    return found;
  };
  return { part, xml, rels, sheets, sharedStrings: target(REL.sharedStrings), styles: target(REL.styles) };
}

/** Sheets of one name (Excel compares them ignoring case) or without their part make the workbook broken. */
function checkSheets(zip: ZipReader, sheets: readonly SheetEntry[]): void {
  const seen = new Set<string>();
  for (const s of sheets) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw new BrokenPackage({ kind: 'duplicateSheet', part: s.part, sheet: s.name });
    seen.add(key);
    if (!zip.has(s.part)) throw new BrokenPackage({ kind: 'missingPart', part: s.part, sheet: s.name });
  }
}

/** Excel's built-in number formats that matter for reading figures (ids 0–49). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  48: '##0.0E+0',
  49: '@',
};

export interface Styles {
  /** The number format of each cell format (xf), by index. */
  readonly formats: (string | undefined)[];
  /** The fill id of each cell format. */
  readonly xfFill: number[];
  /** Each fill's XML, by id. */
  readonly fills: string[];
  readonly xml: string;
  readonly prefix: string;
}

export async function readStyles(zip: ZipReader, part: string | undefined): Promise<Styles> {
  if (!part || !zip.has(part)) return { formats: ['General'], xfFill: [0], fills: [], xml: '', prefix: '' };
  const xml = await zip.text(part);
  const prefix = rootPrefix(xml);
  const custom = new Map<number, string>();
  for (const e of elements(xml, `${prefix}numFmt`)) {
    const a = attributes(e.tag);
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const fills: string[] = [];
  const fillsEl = [...elements(xml, `${prefix}fills`)][0];
  if (fillsEl) for (const f of elements(xml, `${prefix}fill`, fillsEl.inner.start, fillsEl.inner.end)) fills.push(xml.slice(f.start, f.end));
  const formats: (string | undefined)[] = [];
  const xfFill: number[] = [];
  const cellXfs = [...elements(xml, `${prefix}cellXfs`)][0];
  if (cellXfs) {
    for (const x of elements(xml, `${prefix}xf`, cellXfs.inner.start, cellXfs.inner.end)) {
      const a = attributes(x.tag);
      const id = Number(a.get('numFmtId') ?? 0);
      formats.push(custom.get(id) ?? BUILTIN_FORMATS[id]);
      xfFill.push(Number(a.get('fillId') ?? 0));
    }
  }
  return { formats, xfFill, fills, xml, prefix };
}

/** Shared strings, streamed: rich text runs joined, phonetic guides (<rPh>) left out. */
export async function readSharedStrings(zip: ZipReader, part: string | undefined): Promise<string[]> {
  if (!part || !zip.has(part)) return [];
  const out: string[] = [];
  let current = '';
  let inT = false;
  let phonetic = 0;
  await sax(zip, part, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close: (name) => {
      if (name === 'si') out.push(current);
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    text: (t) => {
      if (inT) current += t;
    },
  });
  return out;
}

export { runText, unescapeXml };
