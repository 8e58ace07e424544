/**
 * xl/styles.xml, patched in place: fills and cell formats the product needs are added at the end of their
 * lists (existing ones are reused), every other byte — named styles, fonts, borders, dxfs, extensions —
 * stays as it was.
 */
import type { Fill } from '../../core/annotate/fill';
import { normalColor } from '../../core/annotate/fill';
import { attributes, elements, escapeAttr, setAttribute } from './xml';

/** Whitespace between tags does not make two fills or formats different. */
const squeeze = (xml: string) => xml.replace(/>\s+</g, '><').trim();

export class StylesEditor {
  private readonly fills: string[] = [];
  private readonly xfs: string[] = [];
  private readonly baseFills: number;
  private readonly baseXfs: number;
  private readonly found = new Map<string, number>();
  private readonly fillsSpan?: { start: number; end: number; tag: string; inner: { start: number; end: number } };
  private readonly xfsSpan?: { start: number; end: number; tag: string; inner: { start: number; end: number } };

  constructor(
    private readonly xml: string,
    private readonly prefix: string,
  ) {
    this.fillsSpan = [...elements(xml, `${prefix}fills`)][0];
    if (this.fillsSpan) for (const f of elements(xml, `${prefix}fill`, this.fillsSpan.inner.start, this.fillsSpan.inner.end)) this.fills.push(xml.slice(f.start, f.end));
    this.xfsSpan = [...elements(xml, `${prefix}cellXfs`)][0];
    if (this.xfsSpan) for (const x of elements(xml, `${prefix}xf`, this.xfsSpan.inner.start, this.xfsSpan.inner.end)) this.xfs.push(xml.slice(x.start, x.end));
    this.baseFills = this.fills.length;
    this.baseXfs = this.xfs.length;
  }

  get changed(): boolean {
    return this.fills.length !== this.baseFills || this.xfs.length !== this.baseXfs;
  }

  /** The smallest font size the workbook's fonts name, in points (11 where none is named). */
  smallestFontPt(): number {
    const fonts = [...elements(this.xml, `${this.prefix}fonts`)][0];
    if (!fonts) return 11;
    const sizes = [...elements(this.xml, `${this.prefix}sz`, fonts.inner.start, fonts.inner.end)].map((e) => Number(attributes(e.tag).get('val'))).filter((n) => Number.isFinite(n) && n > 0);
    return sizes.length ? Math.min(...sizes) : 11;
  }

  /** The fill of a cell format, host-neutral. */
  fillOf(xf: number): Fill {
    const x = this.xfs[xf];
    const fillId = x ? Number(attributes(x.slice(0, x.indexOf('>') + 1)).get('fillId') ?? 0) : 0;
    return parseFill(this.fills[fillId], this.prefix);
  }

  /** The format a cell gets when only its fill changes: an existing one where there is one (the cell's original), else a new one. */
  withFill(xf: number, fill: Fill): number {
    const fillId = this.fillId(fill);
    const current = this.xfs[xf] ?? this.xfs[0] ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const key = (x: string) => squeeze(setAttribute(setAttribute(openTag(x), 'fillId', null), 'applyFill', null)) + squeeze(x.slice(openTag(x).length));
    const want = `${key(current)}|${fillId}`;
    const cached = this.found.get(want);
    if (cached !== undefined) return cached;
    for (let i = 0; i < this.xfs.length; i++) {
      const x = this.xfs[i]!;
      if (Number(attributes(openTag(x)).get('fillId') ?? 0) === fillId && `${key(x)}|${fillId}` === want) {
        this.found.set(want, i);
        return i;
      }
    }
    let tag = setAttribute(openTag(current), 'fillId', String(fillId));
    tag = setAttribute(tag, 'applyFill', fillId === 0 ? null : '1');
    this.xfs.push(tag + current.slice(openTag(current).length));
    this.found.set(want, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  private fillId(fill: Fill): number {
    const xml = fillXml(fill, this.prefix);
    const want = squeeze(xml);
    const found = this.fills.findIndex((f) => squeeze(f) === want);
    if (found >= 0) return found;
    if (fill.kind === 'none') {
      const none = this.fills.findIndex((f) => parseFill(f, this.prefix).kind === 'none');
      if (none >= 0) return none;
    }
    this.fills.push(xml);
    return this.fills.length - 1;
  }

  /** The styles part with the added fills and formats (and their counts). */
  toXml(): string {
    if (!this.changed) return this.xml;
    const edits: { start: number; end: number; text: string }[] = [];
    const list = (span: typeof this.fillsSpan, items: string[], base: number) => {
      if (!span || items.length === base) return;
      const added = items.slice(base).join('');
      const tag = setAttribute(span.tag.replace(/\/>$/, '>'), 'count', String(items.length));
      const inner = this.xml.slice(span.inner.start, span.inner.end);
      const close = span.tag.endsWith('/>') ? `</${span.tag.slice(1).split(/[\s/>]/)[0]}>` : this.xml.slice(span.inner.end, span.end);
      edits.push({ start: span.start, end: span.end, text: tag + inner + added + close });
    };
    list(this.fillsSpan, this.fills, this.baseFills);
    list(this.xfsSpan, this.xfs, this.baseXfs);
    let out = this.xml;
    for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }
}

function openTag(x: string): string {
  return x.slice(0, x.indexOf('>') + 1);
}

export function fillXml(fill: Fill, prefix = ''): string {
  const p = prefix;
  if (fill.kind === 'other' && fill.xlsx) return fill.xlsx;
  if (fill.kind === 'none') return `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`;
  const color = fill.kind === 'solid' ? fill.color : (fill.color ?? 'FFFFFF');
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${escapeAttr(normalColor(color))}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

/** A fill's XML → a host-neutral fill: none, a solid RGB colour, or the XML itself. */
export function parseFill(xml: string | undefined, prefix = ''): Fill {
  if (!xml) return { kind: 'none' };
  const pattern = [...elements(xml, `${prefix}patternFill`)][0];
  if (!pattern) return { kind: 'other', xlsx: xml };
  const type = attributes(pattern.tag).get('patternType') ?? 'none';
  if (type === 'none') return { kind: 'none' };
  const fg = [...elements(xml, `${prefix}fgColor`)][0];
  const rgb = fg ? attributes(fg.tag).get('rgb') : undefined;
  if (type === 'solid' && rgb && fg && attributes(fg.tag).size === 1) return { kind: 'solid', color: normalColor(rgb) };
  return { kind: 'other', xlsx: xml, ...(rgb ? { color: normalColor(rgb) } : {}) };
}
