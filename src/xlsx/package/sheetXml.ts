/**
 * A worksheet part, patched in place: the cells the product writes get their format index or their text
 * (always an inline string: text stays text, never a formula — but for a formula 撤销填写 puts back, the
 * cell's own); rows and cells it needs are added in their order. Every other row, cell and element —
 * formulas, validations, conditional formats, hyperlinks, sparklines, protection — is kept as it was, byte
 * for byte, except that when a value is written over the master cell of a shared formula, the cells that
 * share it get the formula as their own (moved as Excel moves it), so that none is left without one.
 */
import { type CellValue, a1 } from '../../core/grid';
import { escapeText, setAttribute, attributes, unescapeXml } from './xml';
import { shiftFormula } from './formula';

export interface CellEdit {
  /** New format index (0: the default). */
  readonly xf?: number;
  /** Text to write, or null to empty the cell. */
  readonly value?: string | null;
  /** A number to write (the cell keeps its style, and so its number format). */
  readonly number?: number;
  /** A formula to write (without "="), with its result as it was. */
  readonly formula?: string;
  readonly cached?: CellValue;
}

/** The cell content of a formula and its result: the result typed as Excel types it. */
function formulaCell(tag: string, p: string, formula: string, cached: CellValue | undefined): { tag: string; content: string } {
  const f = `<${p}f>${escapeText(formula)}</${p}f>`;
  let t: string | null = null;
  let v = '';
  if (typeof cached === 'number' && Number.isFinite(cached)) v = String(cached);
  else if (typeof cached === 'string') [t, v] = ['str', escapeText(cached)];
  else if (typeof cached === 'boolean') [t, v] = ['b', cached ? '1' : '0'];
  else if (cached && typeof cached === 'object') [t, v] = ['e', escapeText(cached.error)];
  const out = setAttribute(setAttribute(tag, 't', t), 'cm', null);
  return { tag: out, content: v ? `${f}<${p}v>${v}</${p}v>` : f };
}

/** "AB12" → [row, col], 0-based. */
function refOf(r: string): [number, number] | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(r);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

interface Span {
  start: number;
  end: number;
}

/** The cells of a row's inner XML, with their column and where they are. */
function cellsOf(inner: string, p: string): { col: number; span: Span; tag: string; content: string; selfClosing: boolean }[] {
  const out: { col: number; span: Span; tag: string; content: string; selfClosing: boolean }[] = [];
  const open = `<${p}c`;
  const close = `</${p}c>`;
  let i = 0;
  let col = -1;
  while (i < inner.length) {
    const s = inner.indexOf(open, i);
    if (s < 0) break;
    const next = inner[s + open.length];
    if (next !== ' ' && next !== '>' && next !== '/' && next !== '\n' && next !== '\t' && next !== '\r') {
      i = s + open.length;
      continue;
    }
    const tagEnd = inner.indexOf('>', s);
    const tag = inner.slice(s, tagEnd + 1);
    const ref = attributes(tag).get('r');
    col = ref ? (refOf(ref)?.[1] ?? col + 1) : col + 1;
    if (tag.endsWith('/>')) {
      out.push({ col, span: { start: s, end: tagEnd + 1 }, tag, content: '', selfClosing: true });
      i = tagEnd + 1;
    } else {
      const e = inner.indexOf(close, tagEnd);
      out.push({ col, span: { start: s, end: e + close.length }, tag, content: inner.slice(tagEnd + 1, e), selfClosing: false });
      i = e + close.length;
    }
  }
  return out;
}

function newCell(p: string, row: number, col: number, edit: CellEdit, oldTag?: string, oldContent = ''): string {
  let tag = oldTag ?? `<${p}c r="${a1(row, col)}">`;
  if (tag.endsWith('/>')) tag = `${tag.slice(0, -2)}>`;
  if (edit.xf !== undefined) tag = setAttribute(tag, 's', edit.xf === 0 ? null : String(edit.xf));
  let content = oldContent;
  if (edit.value !== undefined) {
    tag = setAttribute(tag, 't', edit.value === null ? null : 'inlineStr');
    tag = setAttribute(tag, 'cm', null);
    content = edit.value === null ? '' : `<${p}is><${p}t xml:space="preserve">${escapeText(edit.value)}</${p}t></${p}is>`;
  } else if (edit.formula !== undefined) {
    ({ tag, content } = formulaCell(tag, p, edit.formula, edit.cached));
  } else if (edit.number !== undefined && Number.isFinite(edit.number)) {
    tag = setAttribute(tag, 't', null);
    tag = setAttribute(tag, 'cm', null);
    content = `<${p}v>${String(edit.number)}</${p}v>`;
  }
  if (!content && [...attributes(tag).keys()].every((k) => k === 'r')) return ''; // an empty, unstyled cell is no cell
  return content ? `${tag}${content}</${p}c>` : `${tag.slice(0, -1)}/>`;
}

function patchRow(rowTag: string, inner: string, close: string, row: number, edits: Map<number, CellEdit>, p: string): string {
  const cells = cellsOf(inner, p);
  let out = '';
  let pos = 0;
  const pending = [...edits.entries()].sort((a, b) => a[0] - b[0]);
  let k = 0;
  for (const c of cells) {
    while (k < pending.length && pending[k]![0] < c.col) {
      out += inner.slice(pos, c.span.start) + newCell(p, row, pending[k]![0], pending[k]![1]);
      pos = c.span.start;
      k++;
    }
    if (k < pending.length && pending[k]![0] === c.col) {
      out += inner.slice(pos, c.span.start) + newCell(p, row, c.col, pending[k]![1], c.tag, c.content);
      pos = c.span.end;
      k++;
    }
  }
  out += inner.slice(pos);
  // Cells after the last one, in place of a row's whitespace tail.
  for (; k < pending.length; k++) out += newCell(p, row, pending[k]![0], pending[k]![1]);
  // spans and <dimension> are hints Excel recomputes on save: they are left as they were, so that
  // 清除标记 gives back the part exactly.
  const tag = rowTag.endsWith('/>') ? `${rowTag.slice(0, -2)}>` : rowTag;
  // A row left with no cell and nothing of its own (height, style) is no row: the product's rows go on clearing.
  if (!out.includes(`<${p}c`) && [...attributes(tag).keys()].every((k) => k === 'r' || k === 'spans')) return '';
  return `${tag}${out}${close}`;
}

/** Applies cell edits (row → col → edit, 0-based) to a worksheet's XML. */
export function patchSheetXml(xml: string, edits: ReadonlyMap<number, ReadonlyMap<number, CellEdit>>, prefix: string): string {
  if (edits.size === 0) return xml;
  const p = prefix;
  let dataStart = xml.indexOf(`<${p}sheetData`);
  if (dataStart < 0) throw new Error('worksheet without sheetData');
  let tagEnd = xml.indexOf('>', dataStart);
  if (xml[tagEnd - 1] === '/') {
    xml = `${xml.slice(0, tagEnd - 1)}></${p}sheetData>${xml.slice(tagEnd + 1)}`;
    dataStart = xml.indexOf(`<${p}sheetData`);
    tagEnd = xml.indexOf('>', dataStart);
  }
  const innerStart = tagEnd + 1;
  const innerEnd = xml.indexOf(`</${p}sheetData>`, innerStart);
  let inner = xml.slice(innerStart, innerEnd);
  const masters = sharedMastersHit(inner, edits, p);
  if (masters.size) inner = formulasOfTheirOwn(inner, masters, p);

  const pending = [...edits.entries()].sort((a, b) => a[0] - b[0]);
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  let out = '';
  let pos = 0;
  let k = 0;
  let i = 0;
  let row = -1;
  const newRow = (r: number, cells: ReadonlyMap<number, CellEdit>) => patchRow(`<${p}row r="${r + 1}">`, '', rowClose, r, new Map(cells), p);
  while (i < inner.length) {
    const s = inner.indexOf(rowOpen, i);
    if (s < 0) break;
    const next = inner[s + rowOpen.length];
    if (next !== ' ' && next !== '>' && next !== '/' && next !== '\n' && next !== '\t' && next !== '\r') {
      i = s + rowOpen.length;
      continue;
    }
    const te = inner.indexOf('>', s);
    const tag = inner.slice(s, te + 1);
    const r = attributes(tag).get('r');
    row = r ? Number(r) - 1 : row + 1;
    const selfClosing = tag.endsWith('/>');
    const end = selfClosing ? te + 1 : inner.indexOf(rowClose, te) + rowClose.length;
    while (k < pending.length && pending[k]![0] < row) {
      out += inner.slice(pos, s) + newRow(pending[k]![0], pending[k]![1]);
      pos = s;
      k++;
    }
    if (k < pending.length && pending[k]![0] === row) {
      const rowInner = selfClosing ? '' : inner.slice(te + 1, end - rowClose.length);
      out += inner.slice(pos, s) + patchRow(tag, rowInner, rowClose, row, new Map(pending[k]![1]), p);
      pos = end;
      k++;
    }
    i = end;
  }
  out += inner.slice(pos);
  for (; k < pending.length; k++) out += newRow(pending[k]![0], pending[k]![1]);
  return xml.slice(0, innerStart) + out + xml.slice(innerEnd);
}

interface Master {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

/** The cell (row, col) a position in sheetData lies in, by the r of the cell tag before it. */
function cellAt(inner: string, at: number, p: string): [number, number] | undefined {
  const start = inner.lastIndexOf(`<${p}c `, at);
  if (start < 0) return undefined;
  const ref = attributes(inner.slice(start, inner.indexOf('>', start) + 1)).get('r');
  return ref ? refOf(ref) : undefined;
}

/** Shared formulas whose master cell an edit writes a value into, by their index. */
function sharedMastersHit(inner: string, edits: ReadonlyMap<number, ReadonlyMap<number, CellEdit>>, p: string): Map<string, Master> {
  const out = new Map<string, Master>();
  const writesContent = (e: CellEdit | undefined) => !!e && (e.value !== undefined || e.number !== undefined || e.formula !== undefined);
  if (![...edits.values()].some((r) => [...r.values()].some(writesContent))) return out;
  const re = new RegExp(`<${p}f\\b([^>]*[^/])>([^<]+)</${p}f>`, 'g');
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    const a = attributes(`<f ${m[1] ?? ''}>`);
    const si = a.get('si');
    if (a.get('t') !== 'shared' || si === undefined) continue;
    const at = cellAt(inner, m.index, p);
    if (at && writesContent(edits.get(at[0])?.get(at[1]))) out.set(si, { text: unescapeXml(m[2] ?? ''), row: at[0], col: at[1] });
  }
  return out;
}

/** Each cell sharing one of `masters`' formulas gets that formula as its own, moved to where it is. */
function formulasOfTheirOwn(inner: string, masters: ReadonlyMap<string, Master>, p: string): string {
  const re = new RegExp(`<${p}f\\b([^>]*?)(?:/>|></${p}f>)`, 'g');
  return inner.replace(re, (whole: string, attrs: string, offset: number) => {
    const a = attributes(`<f ${attrs}>`);
    const m = a.get('t') === 'shared' ? masters.get(a.get('si') ?? '') : undefined;
    const at = m ? cellAt(inner, offset, p) : undefined;
    if (!m || !at) return whole;
    return `<${p}f>${escapeText(shiftFormula(m.text, at[0] - m.row, at[1] - m.col))}</${p}f>`;
  });
}
