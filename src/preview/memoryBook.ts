/**
 * The preview's workbook, in memory: the sample read through the package reader, each sheet's cells,
 * fills, notes and merges, and the state. It carries out core's decisions the way Excel does, so the
 * preview shows what the add-in would write.
 */
import { type CellRange, type CellValue, type Grid, a1 } from '../core/grid';
import type { ValueWrite } from '../core/annotate/fillIn';
import type { CellWrite } from '../core/annotate/decide';
import type { Fill } from '../core/annotate/fill';
import { type WorkbookState, EMPTY_STATE, isStateSheet } from '../core/annotate/state';
import { MARK_COLORS } from '../core/annotate/fill';
import { NUMBER_FORMATS, type SummaryLayout } from '../core/summaryLayout';
import type { XlsxWorkbook } from '../xlsx/workbook';

export interface MemorySheet {
  readonly name: string;
  readonly values: CellValue[][];
  readonly formats: (string | undefined)[][];
  readonly merges: CellRange[];
  readonly fills: Map<string, Fill>;
  readonly notes: Map<string, string>;
  readonly protected: boolean;
  readonly hidden: boolean;
  /** Links inside the workbook (the summary's), by cell. */
  readonly links: Map<string, { readonly sheet: string; readonly cell: string }>;
  readonly bold: Set<string>;
}

export function gridOf(s: MemorySheet): Grid {
  return { name: s.name, values: s.values, formats: s.formats, merges: s.merges };
}

function put<T>(rows: T[][], row: number, col: number, v: T): void {
  const r = (rows[row] ??= []);
  r[col] = v;
  for (let i = 0; i < row; i++) rows[i] ??= [];
}

export class MemoryBook {
  state: WorkbookState = EMPTY_STATE;
  constructor(readonly sheets: MemorySheet[]) {}

  static async fromXlsx(wb: XlsxWorkbook): Promise<MemoryBook> {
    const sheets: MemorySheet[] = [];
    for (const entry of wb.sheets) {
      if (isStateSheet(entry.name)) continue;
      const s = await wb.readSheet(entry.name);
      const fills = new Map<string, Fill>();
      s.xf.forEach((row, r) =>
        row?.forEach((xf, c) => {
          if (!xf) return;
          const cell = a1(r, c);
          const f = wb.fillAt(s, cell);
          if (f.kind !== 'none') fills.set(cell, f);
        }),
      );
      sheets.push({
        name: s.name,
        values: s.grid.values.map((row) => [...row]),
        formats: (s.grid.formats ?? []).map((row) => [...row]),
        merges: [...s.grid.merges],
        fills,
        notes: new Map(s.notes),
        protected: s.protected,
        hidden: entry.state !== 'visible',
        links: new Map(),
        bold: new Set(),
      });
    }
    const book = new MemoryBook(sheets);
    book.state = await wb.readState();
    return book;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Values written by 填写计算值 (or put back by 清除标记), with their formats. */
  setValues(sheet: MemorySheet, writes: readonly ValueWrite[]): void {
    for (const w of writes) {
      put(sheet.values, w.row, w.col, w.value);
      if (w.format !== undefined) put(sheet.formats, w.row, w.col, w.format === 'General' ? undefined : w.format);
    }
  }

  /** Carries out a decision, as Excel would. */
  apply(sheet: MemorySheet, writes: readonly CellWrite[]): void {
    for (const w of writes) {
      if (w.value !== undefined) put(sheet.values, w.row, w.col, w.value);
      if (w.fill) {
        if (w.fill.kind === 'none') sheet.fills.delete(w.cell);
        else sheet.fills.set(w.cell, w.fill);
      }
      if (w.note !== undefined) {
        if (w.note === null) sheet.notes.delete(w.cell);
        else sheet.notes.set(w.cell, w.note);
      }
    }
  }

  /** The summary sheet, replacing an earlier one: values, formats, header and error fills, links. */
  writeSummary(layout: SummaryLayout): MemorySheet {
    const i = this.sheets.findIndex((s) => s.name === layout.name);
    if (i >= 0) this.sheets.splice(i, 1);
    const sheet: MemorySheet = { name: layout.name, values: [], formats: [], merges: [...layout.merges], fills: new Map(), notes: new Map(), protected: false, hidden: false, links: new Map(), bold: new Set() };
    const errorRows = new Set(layout.errorRows);
    layout.rows.forEach((row, r) => {
      row.forEach((c, col) => {
        const cell = a1(r, col);
        put(sheet.values, r, col, c.value);
        put(sheet.formats, r, col, typeof c.value === 'number' ? NUMBER_FORMATS[c.style] : undefined);
        if (c.style === 'header') sheet.fills.set(cell, { kind: 'solid', color: 'E7EEF7' });
        if (c.style === 'header' || c.style === 'title' || c.style === 'section' || c.total) sheet.bold.add(cell);
        if (c.link && !c.link.file) sheet.links.set(cell, { sheet: c.link.sheet, cell: c.link.cell });
      });
      if (errorRows.has(r)) for (let col = 0; col < layout.header.columns; col++) sheet.fills.set(a1(r, col), { kind: 'solid', color: MARK_COLORS.error });
    });
    this.sheets.unshift(sheet);
    return sheet;
  }
}
