/**
 * Editing the package's bookkeeping parts in place: relationships and content types. New entries go
 * before the closing tag, removed ones are cut out; the rest of each part stays as it was.
 */
import { attributes, elements, escapeAttr, rootPrefix } from './xml';
import { folderOf, isRelType } from './parts';

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export class RelsEditor {
  private xml: string;
  private readonly prefix: string;
  changed = false;

  constructor(xml: string | undefined) {
    this.xml = xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
    this.prefix = rootPrefix(this.xml);
  }

  private all(): { id: string; type: string; target: string; start: number; end: number }[] {
    return [...elements(this.xml, `${this.prefix}Relationship`)].map((e) => {
      const a = attributes(e.tag);
      return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', start: e.start, end: e.end };
    });
  }

  find(type: string): { id: string; target: string } | undefined {
    return this.all().find((r) => isRelType(r.type, type));
  }

  add(type: string, target: string): string {
    const ids = new Set(this.all().map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const close = `</${this.prefix}Relationships>`;
    const at = this.xml.lastIndexOf(close);
    const el = `<${this.prefix}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
    this.xml = at < 0 ? this.xml.replace(/<([\w:]*)Relationships([^>]*)\/>/, `<$1Relationships$2>${el}</$1Relationships>`) : this.xml.slice(0, at) + el + this.xml.slice(at);
    this.changed = true;
    return id;
  }

  remove(id: string): void {
    const r = this.all().find((x) => x.id === id);
    if (!r) return;
    this.xml = this.xml.slice(0, r.start) + this.xml.slice(r.end);
    this.changed = true;
  }

  get empty(): boolean {
    return this.all().length === 0;
  }

  toXml(): string {
    return this.xml;
  }
}

export class ContentTypesEditor {
  private xml: string;
  private readonly prefix: string;
  changed = false;
  /** What the part declares, read once; additions are kept apart and put in by toXml (thousands of sheets, each adding some, stay linear). */
  private defaults?: Set<string>;
  private overrides?: Set<string>;
  private added: string[] = [];

  constructor(xml: string) {
    this.xml = xml;
    this.prefix = rootPrefix(xml);
  }

  private insert(el: string): void {
    this.added.push(el);
    this.changed = true;
  }

  private flush(): void {
    if (!this.added.length) return;
    const close = `</${this.prefix}Types>`;
    const at = this.xml.lastIndexOf(close);
    this.xml = this.xml.slice(0, at) + this.added.join('') + this.xml.slice(at);
    this.added = [];
  }

  ensureDefault(extension: string, contentType: string): void {
    if (!this.defaults) {
      this.defaults = new Set();
      for (const e of elements(this.xml, `${this.prefix}Default`)) this.defaults.add((attributes(e.tag).get('Extension') ?? '').toLowerCase());
    }
    if (this.defaults.has(extension)) return;
    this.defaults.add(extension);
    this.insert(`<${this.prefix}Default Extension="${extension}" ContentType="${escapeAttr(contentType)}"/>`);
  }

  override(part: string, contentType: string): void {
    const name = `/${part}`;
    if (!this.overrides) {
      this.overrides = new Set();
      for (const e of elements(this.xml, `${this.prefix}Override`)) this.overrides.add(attributes(e.tag).get('PartName') ?? '');
    }
    if (this.overrides.has(name)) return;
    this.overrides.add(name);
    this.insert(`<${this.prefix}Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(contentType)}"/>`);
  }

  removeOverride(part: string): void {
    const name = `/${part}`;
    this.flush();
    this.overrides?.delete(name);
    for (const e of elements(this.xml, `${this.prefix}Override`)) {
      if (attributes(e.tag).get('PartName') !== name) continue;
      this.xml = this.xml.slice(0, e.start) + this.xml.slice(e.end);
      this.changed = true;
      return;
    }
  }

  toXml(): string {
    this.flush();
    return this.xml;
  }
}

/** A relationship target from one part to another, relative to the source's folder. */
export function relativeTarget(from: string, to: string): string {
  const a = folderOf(from).split('/').filter(Boolean);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** The first free name of the form prefix + n + suffix ("xl/comments3.xml"). */
export function freePartName(taken: (name: string) => boolean, prefix: string, suffix: string): string {
  for (let n = 1; ; n++) if (!taken(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
}
