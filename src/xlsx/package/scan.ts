/**
 * A streaming XML tokenizer for worksheet parts: start tags (with their raw attribute text), end tags and
 * text (entities decoded), fed chunk by chunk as the part inflates. Worksheets are most of a package's
 * bytes and a handful of element kinds; a tokenizer made for them reads several times faster than a
 * general SAX parser and holds no more than one chunk. Comments, processing instructions, CDATA and
 * doctype are understood and skipped (CDATA as text). Names keep their prefix; handlers strip it.
 */
import { unescapeXml } from './xml';

export interface ScanHandlers {
  /** A start tag: its name, the text of its attributes, whether it closes itself. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

export class Scanner {
  private carry = '';
  /** The elements open so far: an end tag must close the last of them, and the document all of them. */
  private readonly open: string[] = [];

  constructor(private readonly on: ScanHandlers) {}

  write(chunk: string): void {
    const s = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    const done = this.scan(s, false);
    if (done < s.length) this.carry = s.slice(done);
  }

  close(): void {
    const s = this.carry;
    this.carry = '';
    const done = this.scan(s, true);
    if (done < s.length) throw new Error('XML ends inside a tag');
    const unclosed = this.open[this.open.length - 1];
    if (unclosed !== undefined) throw new Error(`XML ends before </${unclosed}>`);
  }

  /**
   * The end tag in s[from, end): it must close the last element open. Compared in place, and the name
   * open handed on, not a copy cut from the text (end tags are half of a worksheet's tags).
   */
  private closing(s: string, from: number, end: number): void {
    const expected = this.open.pop();
    let b = from;
    let e = end;
    while (b < e && isSpace(s.charCodeAt(b))) b++;
    while (e > b && isSpace(s.charCodeAt(e - 1))) e--;
    if (expected === undefined || e - b !== expected.length || !s.startsWith(expected, b)) {
      // The rare end tag the quick comparison does not settle (other spaces around the name) is cut and trimmed.
      const name = s.slice(from, end).trim();
      if (expected !== name) throw new Error(expected === undefined ? `</${name}> closes nothing` : `</${name}> where </${expected}> was expected`);
    }
    this.on.close(expected);
  }

  /** Tokenizes s; returns where the incomplete tail starts (s.length when none). */
  private scan(s: string, last: boolean): number {
    const on = this.on;
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text up to the end: wait for the rest of it, unless the document is over.
        if (!last) return i;
        const rest = s.slice(i);
        if (rest.trim()) on.text(unescapeXml(rest));
        return n;
      }
      if (lt > i) on.text(unescapeXml(s.slice(i, lt)));
      i = lt;
      const c = s.charCodeAt(i + 1);
      if (c === 33 /* ! */) {
        if (s.startsWith('<!--', i)) {
          const e = s.indexOf('-->', i + 4);
          if (e < 0) return last ? fail('comment') : i;
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', i)) {
          const e = s.indexOf(']]>', i + 9);
          if (e < 0) return last ? fail('CDATA') : i;
          on.text(s.slice(i + 9, e));
          i = e + 3;
        } else {
          const e = s.indexOf('>', i);
          if (e < 0) return last ? fail('declaration') : i;
          i = e + 1;
        }
        continue;
      }
      if (c === 63 /* ? */) {
        const e = s.indexOf('?>', i + 2);
        if (e < 0) return last ? fail('processing instruction') : i;
        i = e + 2;
        continue;
      }
      const e = tagEnd(s, i + 1);
      if (e < 0) return last ? fail('tag') : i;
      if (c === 47 /* / */) {
        this.closing(s, i + 2, e);
        i = e + 1;
        continue;
      }
      const selfClosing = s.charCodeAt(e - 1) === 47;
      const inner = s.slice(i + 1, selfClosing ? e - 1 : e);
      let k = 0;
      while (k < inner.length && !isSpace(inner.charCodeAt(k))) k++;
      const name = inner.slice(0, k);
      on.open(name, inner.slice(k), selfClosing);
      if (selfClosing) on.close(name);
      else this.open.push(name);
      i = e + 1;
    }
    return n;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The '>' that ends a tag begun at `from`, skipping any inside quoted attribute values. */
function tagEnd(s: string, from: number): number {
  let q = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (q) {
      if (c === q) q = 0;
    } else if (c === 34 || c === 39) q = c;
    else if (c === 62) return i;
  }
  return -1;
}

function fail(what: string): never {
  throw new Error(`XML ends inside a ${what}`);
}

/** One attribute's value from a tag's attribute text (" r=\"A1\" s=\"3\""), decoded; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  let i = 0;
  for (;;) {
    i = attrs.indexOf(name, i);
    if (i < 0) return undefined;
    const before = i === 0 ? 32 : attrs.charCodeAt(i - 1);
    let j = i + name.length;
    while (isSpace(attrs.charCodeAt(j))) j++;
    if (isSpace(before) && attrs.charCodeAt(j) === 61 /* = */) {
      j++;
      while (isSpace(attrs.charCodeAt(j))) j++;
      const q = attrs.charCodeAt(j);
      if (q === 34 || q === 39) {
        const end = attrs.indexOf(q === 34 ? '"' : "'", j + 1);
        const v = attrs.slice(j + 1, end);
        return v.includes('&') ? unescapeXml(v) : v;
      }
    }
    i += name.length;
  }
}
