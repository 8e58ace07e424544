/**
 * The .xlsx host on the package itself: a workbook opened from its bytes, read a sheet at a time
 * (cells, formats, merges, notes, protection), written back as the original package with only the
 * parts the product changes patched — the marked sheets, styles, comments and their drawings, the state
 * sheet, and the relationships and content types these need. Everything else is copied byte for byte.
 */
import type { CellValue, Grid } from '../core/grid';
import { parseA1 } from '../core/grid';
import type { ValueWrite } from '../core/annotate/fillIn';
import type { CellWrite } from '../core/annotate/decide';
import type { Fill } from '../core/annotate/fill';
import { type WorkbookState, EMPTY_STATE, STATE_SHEET, parseState, serializeState } from '../core/annotate/state';
import { type Crc32, type Deflated, type DeflateRaw, type InflateRaw, type Limits, ZipReader, crc32From, jsDeflateRaw, jsInflateRaw, writePackage, DEFAULT_LIMITS } from './package/zip';
import { CONTENT_TYPES, REL, isRelType, type SheetEntry, type Styles, type WorkbookInfo, readRels, readSharedStrings, readStyles, readWorkbookInfo, relsPathOf, resolve } from './package/parts';
import { readSheet } from './package/sheet';
import { StylesEditor } from './package/styles';
import { type CellEdit, patchSheetXml } from './package/sheetXml';
import { pageSetupFor, pageSetupOf, withPageSetup } from './package/pageSetup';
import { CommentsEditor, VmlEditor, idmapsOf, threadedRefs } from './package/comments';
import { ContentTypesEditor, RelsEditor, relativeTarget } from './package/edit';
import { attributes, elements, escapeAttr, escapeText, firstElement, rootPrefix, setAttribute } from './package/xml';

export interface XlsxOptions {
  readonly inflate?: InflateRaw;
  readonly deflate?: DeflateRaw;
  readonly limits?: Limits;
  readonly crc32?: Crc32;
}

export interface XlsxSheet {
  readonly name: string;
  readonly entry: SheetEntry;
  readonly grid: Grid;
  /** Each cell's format index. */
  readonly xf: readonly (readonly (number | undefined)[])[];
  readonly protected: boolean;
  /** Every note on the sheet, by cell. */
  readonly notes: ReadonlyMap<string, string>;
  readonly threaded: ReadonlySet<string>;
  /** Each formula cell's formula ("=…"), by cell. */
  readonly formulas: ReadonlyMap<string, string>;
}

const encoder = new TextEncoder();
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export class XlsxWorkbook {
  /** Parts changed so far, as text. */
  private readonly changed = new Map<string, string>();
  /** Large changed parts (marked sheets, their notes), deflated at once: a copy holds its sheets compressed, one sheet as text at a time. */
  private readonly packed = new Map<string, Deflated>();
  private readonly removed = new Set<string>();
  private stylesEditor?: StylesEditor;
  private contentTypes?: ContentTypesEditor;

  private constructor(
    private readonly zip: ZipReader,
    private readonly info: WorkbookInfo,
    private readonly sharedStrings: string[],
    private readonly styles: Styles,
    private readonly options: XlsxOptions,
  ) {}

  static async open(bytes: Uint8Array, options: XlsxOptions = {}): Promise<XlsxWorkbook> {
    const zip = new ZipReader(bytes, options.inflate ?? jsInflateRaw, options.limits ?? DEFAULT_LIMITS, options.crc32 ?? crc32From);
    const info = await readWorkbookInfo(zip);
    const [sharedStrings, styles] = await Promise.all([readSharedStrings(zip, info.sharedStrings), readStyles(zip, info.styles)]);
    return new XlsxWorkbook(zip, info, sharedStrings, styles, options);
  }

  /** Every worksheet, in workbook order (the product's state sheet included). */
  get sheets(): readonly SheetEntry[] {
    return this.info.sheets;
  }

  private async text(part: string): Promise<string | undefined> {
    const c = this.changed.get(part);
    if (c !== undefined) return c;
    const p = this.packed.get(part);
    if (p) return this.unpack(p);
    if (this.removed.has(part) || !this.zip.has(part)) return undefined;
    return this.zip.text(part);
  }

  private has(part: string): boolean {
    return !this.removed.has(part) && (this.changed.has(part) || this.packed.has(part) || this.zip.has(part));
  }

  /** The next number free for each kind of new part: counted on, not searched from 1 for each sheet. */
  private readonly nextFree = new Map<string, number>();

  /** A name no part has, of the form prefix + n + suffix ("xl/comments3.xml"). */
  private freeName(prefix: string, suffix: string): string {
    const key = `${prefix}\u0000${suffix}`;
    for (let n = this.nextFree.get(key) ?? 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (this.has(name)) continue;
      this.nextFree.set(key, n + 1);
      return name;
    }
  }

  /** Deflates a changed part that is large, and lets go of its text. */
  private pack(part: string): void {
    const text = this.changed.get(part);
    if (text === undefined || text.length < 2048) return;
    const bytes = encoder.encode(text);
    const crc = (this.options.crc32 ?? crc32From)(bytes, 0);
    this.packed.set(part, { deflated: (this.options.deflate ?? jsDeflateRaw)(bytes), size: bytes.length, crc });
    this.changed.delete(part);
  }

  private async unpack(p: Deflated): Promise<string> {
    const chunks: Uint8Array[] = [];
    await (this.options.inflate ?? jsInflateRaw)(p.deflated, (c) => chunks.push(c.slice()), p.size);
    const decoder = new TextDecoder('utf-8');
    return chunks.map((c, i) => decoder.decode(c, { stream: i < chunks.length - 1 })).join('');
  }

  /** The workbook asks Excel to recalculate every formula on load (XlsxWriter's): its stored results are not the shown ones. */
  private get recalculatesOnLoad(): boolean {
    return /<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(this.info.xml);
  }

  /** A sheet's cells, merges, notes and protection; `styles: false` leaves out each cell's format index (a check needs none). */
  async readSheet(name: string, options: { readonly styles?: boolean } = {}): Promise<XlsxSheet> {
    const entry = this.info.sheets.find((s) => s.name === name);
    if (!entry) throw new Error(`no sheet named ${name}`);
    const read = await readSheet(this.zip, entry.part, name, this.sharedStrings, this.styles.formats, options.styles !== false);
    const rels = await readRels(this.zip, entry.part);
    const commentsRel = rels.find((r) => isRelType(r.type, REL.comments));
    const notes = commentsRel && this.zip.has(resolve(entry.part, commentsRel.target)) ? new CommentsEditor(await this.zip.text(resolve(entry.part, commentsRel.target))).notes() : new Map<string, string>();
    const threaded = new Set<string>();
    for (const r of rels.filter((x) => isRelType(x.type, REL.threadedComments))) {
      const part = resolve(entry.part, r.target);
      if (this.zip.has(part)) for (const ref of threadedRefs(await this.zip.text(part))) threaded.add(ref);
    }
    // The formula library is loaded only for a sheet with formulas (loading it is about 180 ms of CPU, which
    // most checks never need). Eager for webpack: in the same chunk, no file fetched later.
    const grid = read.grid.formulas?.size
      ? (await import(/* webpackMode: "eager" */ './evaluate')).computeFormulas(read.grid, this.recalculatesOnLoad)
      : read.grid;
    return { name, entry, grid, xf: read.xf, protected: read.protected, notes, threaded, formulas: read.formulas };
  }

  private stylesOf(): StylesEditor {
    this.stylesEditor ??= this.styles.xml ? new StylesEditor(this.styles.xml, this.styles.prefix) : new StylesEditor(MINIMAL_STYLES, '');
    return this.stylesEditor;
  }

  /** The styles part made for a workbook that had none (its cells all in the default format), once a mark needs one. */
  private addedStyles?: string;

  private async ensureStylesPart(): Promise<void> {
    if (this.info.styles || this.addedStyles || !this.stylesEditor?.changed) return;
    const part = this.freeName('xl/styles', '.xml');
    const relsPath = relsPathOf(this.info.part);
    const rels = new RelsEditor(await this.text(relsPath));
    rels.add(REL.styles, relativeTarget(this.info.part, part));
    this.changed.set(relsPath, rels.toXml());
    (await this.types()).override(part, CONTENT_TYPES.styles);
    this.addedStyles = part;
  }

  /** A cell's fill, host-neutral. */
  fillAt(sheet: XlsxSheet, cell: string): Fill {
    const { row, col } = parseA1(cell);
    return this.stylesOf().fillOf(sheet.xf[row]?.[col] ?? 0);
  }

  async readState(): Promise<WorkbookState> {
    const entry = this.info.sheets.find((s) => s.name === STATE_SHEET);
    if (!entry || !this.zip.has(entry.part)) return EMPTY_STATE;
    const read = await readSheet(this.zip, entry.part, STATE_SHEET, this.sharedStrings, this.styles.formats);
    const chunks = read.grid.values.map((row) => (typeof row[0] === 'string' ? row[0] : null));
    this.foreignState = !isOurState(read.grid.values, chunks);
    return this.foreignState ? EMPTY_STATE : parseState(chunks);
  }

  /**
   * A sheet of the user's that happens to be named selfeval_state (not the product's state: its cells are
   * no state). It is checked as any other sheet and never replaced; the product then keeps no state, and
   * finds its marks by what they are. Known once readState has run.
   */
  foreignState = false;

  private async types(): Promise<ContentTypesEditor> {
    this.contentTypes ??= new ContentTypesEditor((await this.text('[Content_Types].xml')) ?? '');
    return this.contentTypes;
  }

  /** Carries out the decided writes on one sheet (in memory until save). */
  async apply(sheet: XlsxSheet, writes: readonly CellWrite[]): Promise<void> {
    if (!writes.length) return;
    const styles = this.stylesOf();
    const edits = new Map<number, Map<number, CellEdit>>();
    const edit = (row: number, col: number): { xf?: number; value?: string | null } => {
      let r = edits.get(row);
      if (!r) edits.set(row, (r = new Map()));
      let e = r.get(col) as { xf?: number; value?: string | null } | undefined;
      if (!e) r.set(col, (e = {}));
      return e;
    };
    const notes: CellWrite[] = [];
    for (const w of writes) {
      if (w.fill) edit(w.row, w.col).xf = styles.withFill(sheet.xf[w.row]?.[w.col] ?? 0, w.fill);
      if (w.value !== undefined) edit(w.row, w.col).value = w.value;
      if (w.note !== undefined) notes.push(w);
    }
    await this.ensureStylesPart();
    let xml = (await this.text(sheet.entry.part))!;
    const prefix = rootPrefix(xml);
    if (notes.length) xml = await this.applyNotes(sheet, xml, prefix, notes);
    this.changed.set(sheet.entry.part, patchSheetXml(xml, edits, prefix));
    this.pack(sheet.entry.part);
  }

  /**
   * Values 填写计算值 writes, or 撤销填写 puts back: numbers keep the cell's style (its number format), text
   * goes in as an inline string (text, never a formula) without touching the style; a formula the cell
   * held before the fill goes back as that formula, with its result as it was.
   */
  async setValues(sheet: XlsxSheet, writes: readonly ValueWrite[]): Promise<void> {
    if (!writes.length) return;
    const edits = new Map<number, Map<number, CellEdit>>();
    for (const w of writes) {
      let r = edits.get(w.row);
      if (!r) edits.set(w.row, (r = new Map()));
      const v = w.value;
      if (w.formula !== undefined) r.set(w.col, { formula: w.formula.replace(/^=/, ''), cached: v });
      else r.set(w.col, typeof v === 'number' ? { number: v } : { value: v === null ? null : typeof v === 'object' ? v.error : String(v) });
    }
    const xml = (await this.text(sheet.entry.part))!;
    this.changed.set(sheet.entry.part, patchSheetXml(xml, edits, rootPrefix(xml)));
    this.pack(sheet.entry.part);
  }

  /**
   * The sheet set up to print its columns up to `last` (the 复核结果 column) on the same pages (see
   * package/pageSetup.ts). Returns the <pageSetup> element it had ('' for none), for 清除标记.
   */
  async printWith(sheet: XlsxSheet, last: number): Promise<string> {
    const xml = (await this.text(sheet.entry.part))!;
    const p = rootPrefix(xml);
    const before = pageSetupOf(xml, p);
    this.changed.set(sheet.entry.part, withPageSetup(xml, p, pageSetupFor(xml, p, last, this.stylesOf().smallestFontPt())));
    return before;
  }

  /** The sheet's <pageSetup> put back as it was before the product's ('' : none). */
  async restorePrint(sheet: XlsxSheet, element: string): Promise<void> {
    const xml = (await this.text(sheet.entry.part))!;
    const next = withPageSetup(xml, rootPrefix(xml), element);
    if (next !== xml) this.changed.set(sheet.entry.part, next);
  }

  /** Notes go into the sheet's comments part and its VML drawing, created when the sheet has none. */
  private async applyNotes(sheet: XlsxSheet, sheetXml: string, prefix: string, writes: readonly CellWrite[]): Promise<string> {
    const relsPath = relsPathOf(sheet.entry.part);
    const rels = new RelsEditor(await this.text(relsPath));
    const types = await this.types();
    const commentsRel = rels.find(REL.comments);
    const commentsPart = commentsRel ? resolve(sheet.entry.part, commentsRel.target) : this.freeName('xl/comments', '.xml');
    const comments = new CommentsEditor(commentsRel ? await this.text(commentsPart) : undefined);

    const legacy = [...elements(sheetXml, `${prefix}legacyDrawing`)][0];
    const vmlRelId = legacy ? [...attributes(legacy.tag).entries()].find(([k]) => /(^|:)id$/.test(k))?.[1] : undefined;
    const vmlTarget = vmlRelId ? (await readRels(this.zip, sheet.entry.part)).find((r) => r.id === vmlRelId)?.target : undefined;
    const vmlPart = vmlTarget ? resolve(sheet.entry.part, vmlTarget) : this.freeName('xl/drawings/vmlDrawing', '.vml');
    const vml = new VmlEditor(vmlTarget ? await this.text(vmlPart) : undefined, vmlTarget ? 0 : await this.freeIdmap());

    for (const w of writes) {
      const result = comments.set(w.cell, w.note ?? null);
      if (result === 'added') vml.add(w.row, w.col, (w.note ?? '').split('\n').length);
      else if (result === 'removed') vml.remove(w.cell);
    }

    let xml = sheetXml;
    if (comments.empty) {
      if (commentsRel) {
        rels.remove(commentsRel.id);
        this.remove(commentsPart);
        types.removeOverride(commentsPart);
      }
    } else {
      this.changed.set(commentsPart, comments.toXml());
      this.pack(commentsPart);
      if (!commentsRel) {
        rels.add(REL.comments, relativeTarget(sheet.entry.part, commentsPart));
        types.override(commentsPart, CONTENT_TYPES.comments);
      }
    }
    if (vml.hasShapes || vmlTarget) {
      if (!vml.hasShapes && vmlTarget && legacy && vmlRelId) {
        // The drawing held only the product's notes: it goes with them.
        rels.remove(vmlRelId);
        this.remove(vmlPart);
        xml = xml.slice(0, legacy.start) + xml.slice(legacy.end);
      } else if (vml.changed || !vmlTarget) {
        this.changed.set(vmlPart, vml.toXml());
        this.pack(vmlPart);
        if (!vmlTarget) {
          const id = rels.add(REL.vmlDrawing, relativeTarget(sheet.entry.part, vmlPart));
          types.ensureDefault('vml', CONTENT_TYPES.vml);
          xml = insertLegacyDrawing(xml, prefix, id);
        }
      }
    }
    if (rels.changed) {
      if (rels.empty) this.remove(relsPath);
      else this.changed.set(relsPath, rels.toXml());
    }
    return xml;
  }

  private remove(part: string): void {
    this.changed.delete(part);
    this.packed.delete(part);
    this.removed.add(part);
  }

  /** The highest VML idmap in use: found once over the package, then counted up (per sheet, a search is quadratic). */
  private lastIdmap?: number;

  /** A VML idmap no other drawing of the workbook uses (shape ids must not clash). */
  private async freeIdmap(): Promise<number> {
    if (this.lastIdmap === undefined) {
      let max = 0;
      for (const e of this.zip.entries) {
        if (!e.name.endsWith('.vml')) continue;
        const text = (await this.text(e.name)) ?? '';
        for (const n of idmapsOf(text)) max = Math.max(max, n);
      }
      for (const [name, text] of this.changed) if (name.endsWith('.vml')) for (const n of idmapsOf(text)) max = Math.max(max, n);
      this.lastIdmap = max;
    }
    this.lastIdmap++;
    return this.lastIdmap;
  }

  /** The workbook's structure is protected: sheets can be neither added nor removed (as in Excel). */
  get structureProtected(): boolean {
    const p = firstElement(this.info.xml, `${rootPrefix(this.info.xml)}workbookProtection`);
    const lock = p ? attributes(p.tag).get('lockStructure') : undefined;
    return lock === '1' || lock === 'true';
  }

  /**
   * Keeps the state in its very hidden sheet, adding the sheet when there is none. A workbook whose
   * structure is protected takes no new sheet and loses none: its marks are then found by what they are.
   */
  async writeState(state: WorkbookState): Promise<void> {
    const chunks = state.sheets.length ? serializeState(state) : [];
    const entry = this.info.sheets.find((s) => s.name === STATE_SHEET);
    if ((this.structureProtected && !entry) || this.foreignState) return;
    const rows = chunks.map((c, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeText(c)}</t></is></c></row>`).join('');
    const sheetXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    if (entry) {
      const last = this.info.sheets[this.info.sheets.length - 1] === entry;
      if (!chunks.length && last && !this.structureProtected) {
        await this.removeSheet(entry);
        return;
      }
      this.changed.set(entry.part, sheetXml);
      this.setWorkbookXml(setSheetState((await this.text(this.info.part))!, STATE_SHEET));
      return;
    }
    if (!chunks.length) return;
    const part = this.freeName('xl/worksheets/sheet', '.xml');
    this.changed.set(part, sheetXml);
    const relsPath = relsPathOf(this.info.part);
    const rels = new RelsEditor(await this.text(relsPath));
    const id = rels.add(REL.worksheet, relativeTarget(this.info.part, part));
    this.changed.set(relsPath, rels.toXml());
    (await this.types()).override(part, CONTENT_TYPES.worksheet);
    const wb = (await this.text(this.info.part))!;
    const ids = this.info.sheets.map((s) => Number(s.sheetId)).filter(Number.isFinite);
    this.setWorkbookXml(addSheet(wb, STATE_SHEET, Math.max(0, ...ids) + 1, id));
  }

  /** Takes the state sheet out again (only when it is the last sheet: no sheet index after it shifts). */
  private async removeSheet(entry: SheetEntry): Promise<void> {
    const wb = (await this.text(this.info.part))!;
    const p = rootPrefix(wb);
    const el = [...elements(wb, `${p}sheet`)].find((e) => attributes(e.tag).get('name') === entry.name);
    if (el) this.setWorkbookXml(wb.slice(0, el.start) + wb.slice(el.end));
    const relsPath = relsPathOf(this.info.part);
    const rels = new RelsEditor(await this.text(relsPath));
    rels.remove(entry.relId);
    this.changed.set(relsPath, rels.toXml());
    (await this.types()).removeOverride(entry.part);
    this.remove(entry.part);
  }

  private setWorkbookXml(xml: string): void {
    this.changed.set(this.info.part, xml);
  }

  /** The package again: the original with the changed parts patched in. */
  save(): Uint8Array {
    if (this.contentTypes?.changed) this.changed.set('[Content_Types].xml', this.contentTypes.toXml());
    const stylesPart = this.info.styles ?? this.addedStyles;
    if (this.stylesEditor?.changed && stylesPart) this.changed.set(stylesPart, this.stylesEditor.toXml());
    const replaced = new Map<string, Uint8Array | Deflated>(this.packed);
    for (const [name, text] of this.changed) replaced.set(name, encoder.encode(text));
    return writePackage(this.zip, replaced, this.removed, this.options.deflate ?? jsDeflateRaw);
  }

  /** Whether anything would be written. */
  get modified(): boolean {
    return this.changed.size > 0 || this.packed.size > 0 || this.removed.size > 0 || !!this.contentTypes?.changed || !!this.stylesEditor?.changed;
  }
}

/** The stylesheet of a workbook that had none: Excel's defaults, to which the marks' fills are added. */
const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The product's state: text in column A only, which joined is the state's JSON (an empty sheet holds nothing of anyone's). */
function isOurState(values: readonly (readonly CellValue[])[], chunks: readonly (string | null)[]): boolean {
  let other = false;
  values.forEach((row) => row.forEach((v, c) => (other ||= v !== null && (c > 0 || typeof v !== 'string'))));
  if (other) return false;
  const json = chunks.filter((c): c is string => c !== null).join('');
  if (!json) return true;
  try {
    const s = JSON.parse(json) as { version?: unknown; sheets?: unknown };
    return typeof s === 'object' && s !== null && typeof s.version === 'number' && Array.isArray(s.sheets);
  } catch {
    return false;
  }
}

/** <legacyDrawing r:id/> goes where the schema wants it: before the header/footer drawings, controls, tables and extensions. */
function insertLegacyDrawing(xml: string, p: string, id: string): string {
  const el = `<${p}legacyDrawing xmlns:r="${REL_NS}" r:id="${escapeAttr(id)}"/>`;
  for (const name of ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']) {
    const at = xml.indexOf(`<${p}${name}`);
    if (at >= 0) return xml.slice(0, at) + el + xml.slice(at);
  }
  const close = xml.lastIndexOf(`</${p}worksheet>`);
  return xml.slice(0, close) + el + xml.slice(close);
}

function addSheet(wb: string, name: string, sheetId: number, relId: string): string {
  const p = rootPrefix(wb);
  const close = wb.indexOf(`</${p}sheets>`);
  const el = `<${p}sheet xmlns:r="${REL_NS}" name="${escapeAttr(name)}" sheetId="${sheetId}" state="veryHidden" r:id="${escapeAttr(relId)}"/>`;
  return wb.slice(0, close) + el + wb.slice(close);
}

/** The state sheet stays very hidden, whatever another application made of it. */
function setSheetState(wb: string, name: string): string {
  const p = rootPrefix(wb);
  for (const e of elements(wb, `${p}sheet`)) {
    if (attributes(e.tag).get('name') !== name) continue;
    if (attributes(e.tag).get('state') === 'veryHidden') return wb;
    return wb.slice(0, e.start) + setAttribute(e.tag, 'state', 'veryHidden') + wb.slice(e.end);
  }
  return wb;
}
