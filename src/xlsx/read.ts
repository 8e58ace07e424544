/**
 * The .xlsx host, reading side: an ExcelJS workbook → one Grid per worksheet.
 * Works on a Buffer / ArrayBuffer so that the CLI (Node) and the browser preview share it.
 */
import ExcelJS from 'exceljs';
import type { CellRange, CellValue, Grid } from '../core/grid';
import { type WorkbookState, EMPTY_STATE, STATE_SHEET, isStateSheet, maskWritten, parseState, sheetState } from '../core/annotate/state';

export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS types want a Node Buffer; a Uint8Array view works in both Node and the browser.
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** ExcelJS cell value → the engine's CellValue (formulas by their cached result). */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v && typeof (v as ExcelJS.CellErrorValue).error === 'string') return { error: (v as ExcelJS.CellErrorValue).error };
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  // ExcelJS keeps merges in a private map; its public `model` getter would serialise the whole sheet.
  const map = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  return Object.values(map).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

export function sheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vals: CellValue[] = [];
    const fmts: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // slave cells of a merge echo the master
      vals[colNumber - 1] = toCellValue(cell.value);
      fmts[colNumber - 1] = cell.numFmt || undefined;
    });
    values[r] = vals;
    formats[r] = fmts;
  });
  for (let r = 0; r < values.length; r++) {
    if (!values[r]) values[r] = [];
    if (!formats[r]) formats[r] = [];
  }
  return { name: ws.name, values, formats, merges: mergesOf(ws) };
}

/** The add-in's record of what it wrote (see core/annotate/state.ts). */
export function readState(wb: ExcelJS.Workbook): WorkbookState {
  const ws = wb.getWorksheet(STATE_SHEET);
  if (!ws) return EMPTY_STATE;
  const chunks: string[] = [];
  ws.getColumn(1).eachCell((cell) => {
    if (typeof cell.value === 'string') chunks.push(cell.value);
  });
  return parseState(chunks);
}

/**
 * Every worksheet a person works in (not the add-in's own state sheet), with the 复核结果 cells of an
 * earlier run read as empty, so that a checked copy gives the same results as the original.
 */
export function workbookToGrids(wb: ExcelJS.Workbook): Grid[] {
  const state = readState(wb);
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    if (isStateSheet(ws.name)) return;
    grids.push(maskWritten(sheetToGrid(ws), sheetState(state, ws.name)));
  });
  return grids;
}
