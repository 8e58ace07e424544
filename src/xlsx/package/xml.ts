/**
 * Small XML helpers for patching parts in place: escaping, the attributes of a start tag, finding
 * elements by name whatever their namespace prefix. Whole documents are read with saxes (sheet.ts);
 * these are for the few places the product edits, leaving every other byte of a part as it was.
 */

export function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these characters: they are dropped.
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e as 'lt'] ?? '';
  });
}

/** Attributes of a start tag's text ("<c r=\"A1\" s=\"3\">"), unescaped, keyed by qualified name. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out.set(m[1]!, unescapeXml(m[3] ?? m[4] ?? ''));
  return out;
}

/** Sets (or, with null, removes) an attribute in a start tag's text, keeping the rest of it as it was. */
export function setAttribute(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, value === null ? '' : ` ${name}="${escapeAttr(value)}"`);
  if (value === null) return tag;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escapeAttr(value)}"${tag.slice(close)}`;
}

/** The namespace prefix of a document's root element ("x:" for <x:worksheet>, "" for none). */
export function rootPrefix(xml: string): string {
  const m = /<([\w.-]+:)?([\w.-]+)[\s>/]/.exec(xml.replace(/^\uFEFF?(<\?[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/, ''));
  return m?.[1] ?? '';
}

export interface ElementSpan {
  /** Start of the element's start tag. */
  readonly start: number;
  /** End of the whole element (after its end tag, or after a self-closing start tag). */
  readonly end: number;
  /** The start tag's text. */
  readonly tag: string;
  /** Where its content lies (empty for a self-closing tag). */
  readonly inner: { readonly start: number; readonly end: number };
}

/**
 * Finds elements named `name` (with the document's prefix) in xml[from, to), at one level: an element
 * of the same name inside another is not expected in the parts patched here.
 */
export function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<ElementSpan> {
  const open = `<${name}`;
  let i = from;
  while (i < to) {
    const s = xml.indexOf(open, i);
    if (s < 0 || s >= to) return;
    const after = xml[s + open.length];
    if (after !== ' ' && after !== '>' && after !== '/' && after !== '\t' && after !== '\n' && after !== '\r') {
      i = s + open.length;
      continue;
    }
    const tagEnd = xml.indexOf('>', s);
    const tag = xml.slice(s, tagEnd + 1);
    if (tag.endsWith('/>')) {
      yield { start: s, end: tagEnd + 1, tag, inner: { start: tagEnd + 1, end: tagEnd + 1 } };
      i = tagEnd + 1;
      continue;
    }
    const close = `</${name}>`;
    const e = xml.indexOf(close, tagEnd);
    if (e < 0) return;
    yield { start: s, end: e + close.length, tag, inner: { start: tagEnd + 1, end: e } };
    i = e + close.length;
  }
}

export function firstElement(xml: string, name: string, from = 0, to = xml.length): ElementSpan | undefined {
  for (const e of elements(xml, name, from, to)) return e;
  return undefined;
}

/** Text content of an element's inner XML: every <t> run joined, phonetic runs (<rPh>) left out. */
export function runText(inner: string, prefix = ''): string {
  const withoutPhonetic = inner.replace(new RegExp(`<${prefix}rPh[\\s>][\\s\\S]*?</${prefix}rPh>`, 'g'), '');
  let out = '';
  const re = new RegExp(`<${prefix}t(?:\\s[^>]*)?>([\\s\\S]*?)</${prefix}t>|<${prefix}t(?:\\s[^>]*)?/>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(withoutPhonetic))) out += unescapeXml(m[1] ?? '');
  return decodeXstring(out);
}

/**
 * OOXML's escapes inside cell text (ST_Xstring): "_x000D_" is a carriage return as Excel writes it, "_x005F_" an
 * underscore that would otherwise start one. Left undecoded, "执行率_x000D_ (%)" is no label anyone knows.
 */
export function decodeXstring(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
