/**
 * A checked copy's print setup, patched into the worksheet part the checker already rewrites: the
 * sheet's columns up to the 复核结果 column (read from <cols>) decide the scale (core/print.ts) at which the
 * column prints on the same pages as its table's rows, A4 landscape, never below 8 pt. The element as it
 * was is kept (in the state) so that 清除标记 puts it back byte for byte.
 */
import { columnPoints, printSetup } from '../../core/print';
import { attributes, elements, setAttribute } from './xml';

/** Column widths (Excel units) of columns 0..last, from <cols> and the sheet's default width. */
export function columnWidths(xml: string, p: string, last: number): number[] {
  const format = [...elements(xml, `${p}sheetFormatPr`)][0];
  const fa = format ? attributes(format.tag) : new Map<string, string>();
  const base = Number(fa.get('defaultColWidth') ?? (Number(fa.get('baseColWidth') ?? 8) + 0.43));
  const widths = Array.from({ length: last + 1 }, () => base);
  const cols = [...elements(xml, `${p}cols`)][0];
  if (cols) {
    for (const c of elements(xml, `${p}col`, cols.inner.start, cols.inner.end)) {
      const a = attributes(c.tag);
      const width = Number(a.get('width'));
      const hidden = a.get('hidden') === '1' || a.get('hidden') === 'true';
      for (let i = Number(a.get('min') ?? 1) - 1; i < Math.min(Number(a.get('max') ?? 0), last + 1); i++) widths[i] = hidden ? 0 : Number.isFinite(width) ? width : base;
    }
  }
  return widths;
}

/** The elements a worksheet has after <pageSetup>, in their order (ECMA-376 CT_Worksheet). */
const AFTER = ['headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** The sheet's <pageSetup> element as it is ('' when it has none). */
export function pageSetupOf(xml: string, p: string): string {
  const el = [...elements(xml, `${p}pageSetup`)][0];
  return el ? xml.slice(el.start, el.end) : '';
}

/** Whether the sheet prints fitted to pages (sheetPr/pageSetUpPr fitToPage). */
function fitsToPage(xml: string, p: string): boolean {
  const el = [...elements(xml, `${p}pageSetUpPr`)][0];
  const v = el ? attributes(el.tag).get('fitToPage') : undefined;
  return v === '1' || v === 'true';
}

/** Puts `element` in place of the sheet's <pageSetup> (removing it when ''), or where one goes. */
export function withPageSetup(xml: string, p: string, element: string): string {
  const el = [...elements(xml, `${p}pageSetup`)][0];
  if (el) return xml.slice(0, el.start) + element + xml.slice(el.end);
  if (!element) return xml;
  const margins = [...elements(xml, `${p}pageMargins`)][0];
  if (margins) return xml.slice(0, margins.end) + element + xml.slice(margins.end);
  for (const name of AFTER) {
    const next = [...elements(xml, `${p}${name}`)][0];
    if (next) return xml.slice(0, next.start) + element + xml.slice(next.start);
  }
  const end = xml.lastIndexOf(`</${p}worksheet>`);
  return xml.slice(0, end) + element + xml.slice(end);
}

/**
 * The <pageSetup> that prints columns 0..`last` (the 复核结果 column the last) on pages together, at
 * `fontPt` as the smallest text: A4 landscape at the scale core decides (one page wide in every reader
 * where that keeps 8 pt).
 */
export function pageSetupFor(xml: string, p: string, last: number, fontPt: number): string {
  const margins = [...elements(xml, `${p}pageMargins`)][0];
  const ma = margins ? attributes(margins.tag) : new Map<string, string>();
  const sides = Number(ma.get('left') ?? 0.7) + Number(ma.get('right') ?? 0.7);
  const plan = printSetup(columnWidths(xml, p, last), fontPt, 'landscape', undefined, undefined, Number.isFinite(sides) ? sides : 1.4);
  const old = pageSetupOf(xml, p);
  const open = old.slice(0, old.indexOf('>') + 1);
  let tag = !old ? `<${p}pageSetup/>` : open.endsWith('/>') ? open : `${open.slice(0, -1)}/>`;
  tag = setAttribute(tag, 'paperSize', '9');
  tag = setAttribute(tag, 'orientation', 'landscape');
  // A sheet fitted to pages would shrink its text to fit the column too: it keeps its fit only where one
  // page wide stays at 8 pt or more, else it prints at the scale.
  if (fitsToPage(xml, p) && plan.oneWide) {
    tag = setAttribute(tag, 'fitToWidth', '1');
    tag = setAttribute(tag, 'fitToHeight', '0');
  }
  return setAttribute(tag, 'scale', String(plan.scale));
}

/** The total width in points of columns 0..last (for tests and the bench). */
export function widthPoints(xml: string, p: string, last: number): number {
  return columnWidths(xml, p, last).reduce((a, w) => a + (w ? columnPoints(w) : 0), 0);
}
