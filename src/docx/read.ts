/**
 * A Word document (.docx) read from its package: the main document part (found through the package's
 * relationships, word/document.xml by default) streamed through the project's tokenizer, with the zip
 * reader's limits (a bomb is refused in bounded memory). Paragraphs come in order; each table becomes a
 * grid (w:gridSpan and w:vMerge as merges, w:gridBefore as leading empty cells); a table inside a cell is
 * a table of its own, and the outer cell keeps its other text. A table continued after a page break (the
 * next table with nothing but empty paragraphs between) is read as one grid, its repeated header rows
 * (w:tblHeader) dropped.
 */
import { type InflateRaw, type Limits, DEFAULT_LIMITS, ZipError, ZipReader } from '../xlsx/package/zip';
import { REL, isRelType, readRels, resolve } from '../xlsx/package/parts';
import { Scanner, attr } from '../xlsx/package/scan';
import type { ReportDocument } from '../core/narrative/document';
import { type RawTable, DocumentBuilder } from './build';

export interface DocxOptions {
  readonly inflate?: InflateRaw;
  readonly limits?: Limits;
}

/** Why bytes are not a readable Word document. */
export class DocxError extends Error {
  constructor(
    readonly reason: 'noDocumentPart',
    message: string,
  ) {
    super(message);
  }
}

/** Reads a .docx package. Throws ZipError (notZip, tooLarge, corrupt…) or DocxError (no document part). */
export async function readDocx(bytes: Uint8Array, options: DocxOptions = {}): Promise<ReportDocument> {
  const zip = new ZipReader(bytes, options.inflate, options.limits ?? DEFAULT_LIMITS);
  const part = await mainPart(zip);
  const reader = new BodyReader();
  const scanner = new Scanner(reader);
  const decoder = new TextDecoder('utf-8');
  await zip.stream(part, (chunk) => scanner.write(decoder.decode(chunk, { stream: true })));
  scanner.write(decoder.decode());
  scanner.close();
  return reader.builder.done();
}

async function mainPart(zip: ZipReader): Promise<string> {
  const rels = await readRels(zip, '');
  const office = rels.find((r) => isRelType(r.type, REL.officeDocument) && !r.external);
  const part = office ? resolve('', office.target) : 'word/document.xml';
  if (!zip.has(part)) throw new DocxError('noDocumentPart', `no document part (${part})`);
  return part;
}

export { ZipError };

interface Cell {
  col: number;
  span: number;
  vMerge: 'restart' | 'continue' | null;
  paragraphs: string[];
}

interface TableState {
  rows: { cells: Cell[]; header: boolean }[];
  row: { cells: Cell[]; header: boolean; before: number; col: number } | null;
  cell: Cell | null;
}

/** Elements whose text is not the document's: deleted text, field codes, paragraph properties (tab stops), fallbacks. */
const NOT_TEXT = new Set(['delText', 'instrText', 'del', 'pPr', 'Fallback']);

/** Follows the body's elements: paragraphs, runs' text, tables, rows, cells and their properties. */
class BodyReader {
  readonly builder = new DocumentBuilder();
  private tables: TableState[] = [];
  private para: string[] | null = null;
  private inText = false;
  /** Depth inside elements whose text is not the document's (deleted text, field codes). */
  private skip = 0;

  open(name: string, attrs: string, selfClosing: boolean): void {
    const local = name.slice(name.indexOf(':') + 1);
    const t = this.tables[this.tables.length - 1];
    if (NOT_TEXT.has(local)) {
      if (!selfClosing) this.skip++;
      return;
    }
    switch (local) {
      case 'p':
        if (!selfClosing) this.para = [];
        else this.endParagraph([]);
        return;
      case 't':
        if (!selfClosing && this.skip === 0) this.inText = true;
        return;
      case 'tab':
        if (this.para && this.skip === 0) this.para.push('\t');
        return;
      case 'br':
      case 'cr':
        if (this.para && this.skip === 0) this.para.push('\n');
        return;
      case 'tbl':
        if (!selfClosing) this.tables.push({ rows: [], row: null, cell: null });
        return;
      case 'tr':
        if (t && !selfClosing) t.row = { cells: [], header: false, before: 0, col: 0 };
        return;
      case 'tblHeader':
        if (t?.row && attr(attrs, 'w:val') !== '0' && attr(attrs, 'w:val') !== 'false') t.row.header = true;
        return;
      case 'gridBefore':
        if (t?.row) t.row.col = t.row.before = Number(attr(attrs, 'w:val') ?? 0) || 0;
        return;
      case 'tc':
        if (t?.row && !selfClosing) t.cell = { col: t.row.col, span: 1, vMerge: null, paragraphs: [] };
        return;
      case 'gridSpan':
        if (t?.cell) t.cell.span = Math.max(1, Number(attr(attrs, 'w:val') ?? 1) || 1);
        return;
      case 'vMerge':
        if (t?.cell) t.cell.vMerge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
        return;
    }
  }

  close(name: string): void {
    const local = name.slice(name.indexOf(':') + 1);
    const t = this.tables[this.tables.length - 1];
    if (NOT_TEXT.has(local)) {
      this.skip = Math.max(0, this.skip - 1);
      return;
    }
    switch (local) {
      case 't':
        this.inText = false;
        return;
      case 'p':
        if (this.para) this.endParagraph(this.para);
        this.para = null;
        return;
      case 'tc':
        if (t?.row && t.cell) {
          t.row.cells.push(t.cell);
          t.row.col = t.cell.col + t.cell.span;
          t.cell = null;
        }
        return;
      case 'tr':
        if (t?.row) t.rows.push({ cells: t.row.cells, header: t.row.header });
        if (t) t.row = null;
        return;
      case 'tbl':
        this.tables.pop();
        if (t) this.builder.table(t.rows as RawTable);
        return;
    }
  }

  text(text: string): void {
    if (this.inText && this.para && this.skip === 0) this.para.push(text);
  }

  private endParagraph(parts: string[]): void {
    const text = parts.join('');
    const t = this.tables[this.tables.length - 1];
    if (t) {
      if (t.cell) t.cell.paragraphs.push(text);
      return;
    }
    this.builder.paragraph(text);
  }
}
