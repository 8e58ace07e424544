/**
 * Builds a ReportDocument from what a document reader finds, in order: paragraphs, and tables as rows of
 * cells placed on the table's grid columns. Vertical merges become merges; a table that follows another
 * with only empty paragraphs between is the same table continued (a page break), its repeated header
 * rows dropped.
 */
import type { CellRange, CellValue, Grid } from '../core/grid';
import { type Paragraph, type ReportDocument, tableName } from '../core/narrative/document';

export interface RawCell {
  readonly col: number;
  readonly span: number;
  readonly vMerge: 'restart' | 'continue' | null;
  readonly paragraphs: readonly string[];
}

export type RawTable = readonly { readonly cells: readonly RawCell[]; readonly header: boolean }[];

interface Pending {
  rows: { cells: readonly RawCell[]; header: boolean }[];
  /** Paragraphs seen since the table ended (only empty ones keep it open for a continuation). */
}

export class DocumentBuilder {
  private readonly paragraphs: Paragraph[] = [];
  private readonly tables: Grid[] = [];
  private pending: Pending | null = null;

  paragraph(text: string): void {
    const t = text.replace(/\u00a0/g, ' ').trim();
    if (t === '') return; // an empty paragraph does not end a table split over pages
    this.flush();
    this.paragraphs.push({ index: this.paragraphs.length + 1, text: t });
  }

  table(rows: RawTable): void {
    if (!rows.length) return;
    if (this.pending && continues(this.pending.rows, rows)) {
      const repeated = leadingHeaders(rows);
      const first = this.pending.rows.slice(0, repeated.length);
      const same = repeated.length > 0 && repeated.every((r, i) => first[i] && rowText(first[i]!) === rowText(r));
      this.pending.rows.push(...(same ? rows.slice(repeated.length) : rows));
      return;
    }
    this.flush();
    this.pending = { rows: [...rows] };
  }

  done(): ReportDocument {
    this.flush();
    return { paragraphs: this.paragraphs, tables: this.tables };
  }

  private flush(): void {
    if (!this.pending) return;
    this.tables.push(toGrid(tableName(this.tables.length), this.pending.rows));
    this.pending = null;
  }
}

function width(rows: RawTable): number {
  let w = 0;
  for (const r of rows) for (const c of r.cells) w = Math.max(w, c.col + c.span);
  return w;
}

/** The next table continues the last one when they have the same width on the grid. */
function continues(last: RawTable, next: RawTable): boolean {
  return width(last) === width(next);
}

function leadingHeaders(rows: RawTable): RawTable {
  let n = 0;
  while (n < rows.length && rows[n]!.header) n++;
  return rows.slice(0, n);
}

function rowText(r: RawTable[number]): string {
  return r.cells.map((c) => c.paragraphs.join('\n')).join('\t');
}

function cellValue(c: RawCell): CellValue {
  const t = c.paragraphs.join('\n').replace(/\u00a0/g, ' ').trim();
  return t === '' ? null : t;
}

/** Rows of cells → a grid: values in the top-left cell of each merged area. */
export function toGrid(name: string, rows: RawTable): Grid {
  const values: CellValue[][] = [];
  const merges: CellRange[] = [];
  /** The open vertical merge of each column: index into merges. */
  const open = new Map<number, number>();
  rows.forEach((r, y) => {
    const line: CellValue[] = [];
    const touched = new Set<number>();
    for (const c of r.cells) {
      touched.add(c.col);
      const openIdx = open.get(c.col);
      if (c.vMerge === 'continue' && openIdx !== undefined && merges[openIdx]!.right === c.col + c.span - 1) {
        const m = merges[openIdx]!;
        merges[openIdx] = { ...m, bottom: y };
        continue;
      }
      line[c.col] = cellValue(c);
      open.delete(c.col);
      if (c.vMerge === 'restart' || c.span > 1) {
        merges.push({ top: y, left: c.col, bottom: y, right: c.col + c.span - 1 });
        if (c.vMerge === 'restart') open.set(c.col, merges.length - 1);
      }
    }
    for (const col of [...open.keys()]) if (!touched.has(col)) open.delete(col);
    for (let x = 0; x < line.length; x++) if (line[x] === undefined) line[x] = null;
    values.push(line);
  });
  return { name, values, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left) };
}
