/**
 * Notes (批注) in the package: a sheet's comments part and the VML drawing that shows them. Both are
 * patched in place: a user's notes keep their text runs and formatting; the product's text is a run of
 * its own after them, taken away again on 清除标记. Threaded comments are only read (a cell that has one
 * gets no note).
 */
import { a1 } from '../../core/grid';
import { attributes, elements, escapeAttr, escapeText, rootPrefix, runText } from './xml';

export const COMMENT_AUTHOR = '绩效自评校验';

interface Entry {
  readonly ref: string;
  /** The element as it was, or as the product wrote it. */
  xml: string;
  text: string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export class CommentsEditor {
  private readonly entries: Entry[] = [];
  private readonly authors: string[] = [];
  private readonly prefix: string;
  private readonly head: string;
  private readonly tail: string;
  changed = false;

  constructor(xml?: string) {
    const source = xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
    this.prefix = rootPrefix(source);
    const p = this.prefix;
    const authors = [...elements(source, `${p}authors`)][0];
    if (authors) for (const a of elements(source, `${p}author`, authors.inner.start, authors.inner.end)) this.authors.push(runText(`<${p}t>${source.slice(a.inner.start, a.inner.end)}</${p}t>`, p));
    const list = [...elements(source, `${p}commentList`)][0];
    if (list) {
      for (const c of elements(source, `${p}comment`, list.inner.start, list.inner.end)) {
        const ref = attributes(c.tag).get('ref') ?? '';
        const text = [...elements(source, `${p}text`, c.inner.start, c.inner.end)][0];
        this.entries.push({ ref, xml: source.slice(c.start, c.end), text: text ? runText(source.slice(text.inner.start, text.inner.end), p) : '' });
      }
    }
    // Everything outside the authors and the list stays as it was.
    const from = authors?.start ?? list?.start ?? source.lastIndexOf('</');
    const to = list?.end ?? authors?.end ?? from;
    this.head = source.slice(0, from);
    this.tail = source.slice(to);
  }

  notes(): Map<string, string> {
    return new Map(this.entries.map((e) => [e.ref, e.text]));
  }

  get empty(): boolean {
    return this.entries.length === 0;
  }

  /** The entries by cell (a sheet of thousands of notes is not searched note by note for each). */
  private byRef?: Map<string, Entry>;

  private find(ref: string): Entry | undefined {
    if (!this.byRef) {
      this.byRef = new Map();
      for (const e of this.entries) if (!this.byRef.has(e.ref)) this.byRef.set(e.ref, e);
    }
    return this.byRef.get(ref);
  }

  has(ref: string): boolean {
    return this.find(ref) !== undefined;
  }

  /** Sets a cell's note (null: removes it). Returns whether a note was added or removed (the drawing then changes). */
  set(ref: string, text: string | null): 'added' | 'removed' | 'changed' | 'same' {
    const found = this.find(ref);
    const p = this.prefix;
    if (text === null) {
      if (!found) return 'same';
      this.entries.splice(this.entries.indexOf(found), 1);
      this.byRef = undefined;
      this.changed = true;
      return 'removed';
    }
    if (!found) {
      const entry = { ref, xml: `<${p}comment ref="${escapeAttr(ref)}" authorId="${this.authorId()}"><${p}text>${run(p, text)}</${p}text></${p}comment>`, text };
      this.entries.push(entry);
      this.byRef?.set(ref, entry);
      this.changed = true;
      return 'added';
    }
    const e = found;
    if (e.text === text) return 'same';
    e.xml = withText(e.xml, e.text, text, p);
    e.text = text;
    this.changed = true;
    return 'changed';
  }

  private authorId(): number {
    const i = this.authors.indexOf(COMMENT_AUTHOR);
    if (i >= 0) return i;
    this.authors.push(COMMENT_AUTHOR);
    return this.authors.length - 1;
  }

  toXml(): string {
    const p = this.prefix;
    // The product's author goes again when none of its notes is left (it was added last).
    const last = this.authors.length - 1;
    if (this.authors[last] === COMMENT_AUTHOR && !this.entries.some((e) => attributes(e.xml.slice(0, e.xml.indexOf('>') + 1)).get('authorId') === String(last))) {
      this.authors.pop();
    }
    const authors = `<${p}authors>${this.authors.map((a) => `<${p}author>${escapeText(a)}</${p}author>`).join('')}</${p}authors>`;
    return `${this.head}${authors}<${p}commentList>${this.entries.map((e) => e.xml).join('')}</${p}commentList>${this.tail}`;
  }
}

function run(p: string, text: string, rPr = ''): string {
  return `<${p}r>${rPr}<${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`;
}

/**
 * A comment with new text, keeping its runs where the change is at the end: text added after the user's
 * is a run of its own; text taken off the end drops the runs that held it. Otherwise one plain run.
 */
function withText(xml: string, oldText: string, newText: string, p: string): string {
  const text = [...elements(xml, `${p}text`)][0];
  if (!text) return xml;
  let inner = xml.slice(text.inner.start, text.inner.end);
  const runs = [...elements(inner, `${p}r`)];
  const lastRPr = runs.length ? ([...elements(inner, `${p}rPr`, runs[runs.length - 1]!.start, runs[runs.length - 1]!.end)][0] ?? null) : null;
  const rPr = lastRPr ? inner.slice(lastRPr.start, lastRPr.end) : '';
  if (newText.startsWith(oldText)) {
    if (!runs.length) {
      // A plain-text note (<text><t>…</t></text>): its text becomes a run, then ours follows.
      const t = [...elements(inner, `${p}t`)][0];
      if (t) inner = inner.slice(0, t.start) + `<${p}r>${inner.slice(t.start, t.end)}</${p}r>` + inner.slice(t.end);
    }
    inner += run(p, newText.slice(oldText.length), rPr);
  } else if (oldText.startsWith(newText) && runs.length) {
    let keep = runs.length;
    let kept = oldText;
    while (keep > 0 && kept.length > newText.length) {
      const r = runs[keep - 1]!;
      const t = runText(inner.slice(r.start, r.end), p);
      kept = kept.slice(0, kept.length - t.length);
      keep--;
    }
    if (kept === newText) inner = inner.slice(0, keep ? runs[keep - 1]!.end : runs[0]!.start) + inner.slice(runs[runs.length - 1]!.end);
    else inner = run(p, newText, rPr);
  } else inner = run(p, newText, rPr);
  return xml.slice(0, text.inner.start) + inner + xml.slice(text.inner.end);
}

/** The legacy (VML) drawing that shows notes: one hidden shape per note, anchored beside its cell. */
export class VmlEditor {
  private xml: string;
  changed = false;

  constructor(
    xml: string | undefined,
    private readonly idmap: number,
  ) {
    this.xml =
      xml ??
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>
 <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
</xml>`;
  }

  /** Shapes of notes, by cell. */
  private noteShapes(): { cell: string; start: number; end: number }[] {
    const out: { cell: string; start: number; end: number }[] = [];
    const re = /<v:shape[\s>][\s\S]*?<\/v:shape>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.xml))) {
      const s = m[0];
      if (!/ObjectType\s*=\s*"Note"/.test(s)) continue;
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(s);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(s);
      if (row && col) out.push({ cell: a1(Number(row[1]), Number(col[1])), start: m.index, end: m.index + s.length });
    }
    return out;
  }

  /** The note cells and the highest shape id, found once; shapes added are kept apart until the text is needed (hundreds of notes on a sheet stay linear). */
  private known?: { cells: Set<string>; maxId: number };
  private pending: string[] = [];

  private flush(): void {
    if (!this.pending.length) return;
    const end = this.xml.lastIndexOf('</xml>');
    this.xml = this.xml.slice(0, end) + this.pending.join('') + this.xml.slice(end);
    this.pending = [];
  }

  private index(): { cells: Set<string>; maxId: number } {
    if (!this.known) {
      this.flush();
      const ids = [...this.xml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
      this.known = { cells: new Set(this.noteShapes().map((s) => s.cell)), maxId: Math.max(this.idmap * 1024, ...ids) };
    }
    return this.known;
  }

  get hasShapes(): boolean {
    return this.pending.length > 0 || /<v:shape[\s>]/.test(this.xml);
  }

  add(row: number, col: number, lines: number): void {
    const known = this.index();
    if (known.cells.has(a1(row, col))) return;
    const id = known.maxId + 1;
    known.maxId = id;
    known.cells.add(a1(row, col));
    const height = Math.min(16, 2 + lines * 2);
    const shape = `\n<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:260pt;height:${height * 14}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 5}, 15, ${row + height}, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
    this.pending.push(shape);
    this.changed = true;
  }

  remove(cell: string): void {
    this.flush();
    const s = this.noteShapes().find((x) => x.cell === cell);
    if (!s) return;
    const start = this.xml[s.start - 1] === '\n' ? s.start - 1 : s.start;
    this.xml = this.xml.slice(0, start) + this.xml.slice(s.end);
    this.known?.cells.delete(cell);
    this.changed = true;
  }

  toXml(): string {
    this.flush();
    return this.xml;
  }
}

/** The idmap a VML drawing declares ("<o:idmap v:ext="edit" data="1"/>"). */
export function idmapsOf(vml: string): number[] {
  return [...vml.matchAll(/<o:idmap[^>]*data="([\d,\s]+)"/g)].flatMap((m) => m[1]!.split(/[,\s]+/).filter(Boolean).map(Number));
}

/** Cells that carry a threaded comment. */
export function threadedRefs(xml: string): Set<string> {
  const p = rootPrefix(xml);
  const out = new Set<string>();
  for (const e of elements(xml, `${p}threadedComment`)) {
    const ref = attributes(e.tag).get('ref');
    if (ref) out.add(ref);
  }
  return out;
}
