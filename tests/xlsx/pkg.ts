/**
 * Helpers for tests of the .xlsx host: check and clear a package as the command line does, look at
 * the result through the package reader and through ExcelJS (an independent reader, to show the copy is
 * a workbook others read), and take packages apart or edit them (JSZip) to make the cases.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openWorkbook } from '../../src/xlsx/read';
import { checkAndAnnotate, clearMarks, type AnnotateOptions } from '../../src/xlsx/annotate';
import type { Fill } from '../../src/core/annotate/fill';

export async function checked(bytes: Uint8Array, options: AnnotateOptions = {}): Promise<Uint8Array> {
  const wb = await openWorkbook(bytes);
  await checkAndAnnotate(wb, options);
  return wb.save();
}

export async function cleared(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = await openWorkbook(bytes);
  await clearMarks(wb);
  return wb.save();
}

export interface Look {
  value: unknown;
  fill: Fill;
  note: string | null;
}

/** What a person sees in some cells of a sheet: value, fill, note. */
export async function look(bytes: Uint8Array, sheet: string, cells: readonly string[]): Promise<Record<string, Look>> {
  const wb = await openWorkbook(bytes);
  const s = await wb.readSheet(sheet);
  const out: Record<string, Look> = {};
  for (const cell of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    out[cell] = { value: s.grid.values[Number(m[2]) - 1]?.[col] ?? null, fill: wb.fillAt(s, cell), note: s.notes.get(cell) ?? null };
  }
  return out;
}

/** Every cell of every sheet with a value, a fill or a note: what a person could see. */
export async function everything(bytes: Uint8Array): Promise<Record<string, Record<string, Look>>> {
  const wb = await openWorkbook(bytes);
  const out: Record<string, Record<string, Look>> = {};
  for (const entry of wb.sheets) {
    const s = await wb.readSheet(entry.name);
    const cells: Record<string, Look> = {};
    const keys = new Set<string>(s.notes.keys());
    s.grid.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && keys.add(address(r, c))));
    s.xf.forEach((row, r) => row?.forEach((x, c) => x && keys.add(address(r, c))));
    for (const k of [...keys].sort()) {
      const m = /^([A-Z]+)(\d+)$/.exec(k)!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const l: Look = { value: s.grid.values[Number(m[2]) - 1]?.[col] ?? null, fill: wb.fillAt(s, k), note: s.notes.get(k) ?? null };
      if (l.value !== null || l.fill.kind !== 'none' || l.note !== null) cells[k] = l;
    }
    out[`${entry.name}:${entry.state}`] = cells;
  }
  return out;
}

function address(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

/** The package read by ExcelJS, a reader of its own. */
export async function exceljs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every part of a package, by name. */
export async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async('nodebuffer'));
  return out;
}

/** A package changed by hand (a renamed sheet, a deleted state sheet, a note the user rewrote …). */
export async function edit(bytes: Uint8Array, fn: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await fn(zip);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

export async function text(zip: JSZip, part: string): Promise<string> {
  return zip.file(part)!.async('string');
}
