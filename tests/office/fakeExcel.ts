/**
 * A fake of the office-js objects the Excel host uses, as strict as Excel: a proxy knows which of its
 * properties were loaded and throws PropertyNotLoaded for any other; loaded values and null objects are
 * there only after context.sync(); every write and method call is queued and takes effect at the next
 * sync, in order; a run that ends with anything still queued fails; an API above ExcelApi 1.9 (the
 * manifest's requirement) throws unless the code asked isSetSupported for its set and got yes. Syncs
 * are counted. The workbook behind it is built from an .xlsx through the package reader, so the same
 * tables go through both hosts.
 */
import { type CellRange, type CellValue, a1, isCellError, parseA1, parseRangeA1 } from '../../src/core/grid';
import type { Fill } from '../../src/core/annotate/fill';
import { openWorkbook } from '../../src/xlsx/read';
import { PAYLOAD_LIMIT, type RealContext, measuringContext } from './officeJs';
import { mirrored } from './mirror';

/** Range.getMergedAreasOrNullObject fails when the range holds more than 512 merged areas. */
export const MERGED_AREAS_LIMIT = 512;

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string;
}

export interface FakeChange {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  /** ExcelApi 1.14: 'ThisLocalAddin' for the add-in's own writes; absent on older hosts. */
  triggerSource?: string;
  type: string;
}

export interface FakeCell {
  value: CellValue;
  format: string;
  fill: FakeFill | null;
  /** The cell's formula ("=…"); its result is `value` (the fake does not calculate). */
  formula?: string;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  notes = new Map<string, string>();
  /** Cells with a threaded comment. */
  threaded = new Set<string>();
  protected = false;
  visibility = 'Visible';
  charts: { type: string; source: string; title: string; legend: boolean; position?: [string, string] }[] = [];
  frozenRows = 0;
  links = new Map<string, string>();
  bold = new Set<string>();
  centred = new Set<string>();
  /** What worksheet.pageLayout was given (ExcelApi 1.9). */
  print: {
    orientation?: string;
    paperSize?: string;
    zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
    area?: string;
    breaks?: string[];
    header?: { left?: string; center?: string; right?: string };
    titleRows?: string;
    titleColumns?: string;
    footer?: { left?: string; center?: string; right?: string };
    margins?: number[];
  } = {};
  /** Font names given to ranges (by top-left cell), and row heights set. */
  fontNames = new Map<string, string>();
  rowHeights = new Map<number, number>();
  constructor(
    public name: string,
    public merges: CellRange[] = [],
  ) {}

  key(r: number, c: number): string {
    return `${r},${c}`;
  }
  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(this.key(r, c));
  }
  at(address: string): FakeCell | undefined {
    const { row, col } = parseA1(address);
    return this.get(row, col);
  }
  ensure(r: number, c: number): FakeCell {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: null, format: 'General', fill: null };
      this.cells.set(k, cell);
    }
    return cell;
  }
  /** Like Excel: formatted cells count too, unless only values are asked for. */
  usedRange(valuesOnly = false): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.cells) {
      if (cell.value === null && (valuesOnly || (!cell.fill && cell.format === 'General'))) continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export function fakeFillOf(f: Fill): FakeFill | null {
  if (f.kind === 'none') return null;
  if (f.kind === 'solid') return { color: `#${f.color.slice(-6).toUpperCase()}`, pattern: 'Solid' };
  if (f.excel) return { ...f.excel };
  return f.color ? { color: `#${f.color.slice(-6).toUpperCase()}`, pattern: 'Gray50' } : null;
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  active = '';
  selection: { sheet: string; address: string } | null = null;
  /** Writes carried out (at syncs). */
  writes = 0;
  /** The workbook's structure is protected: no sheet can be added or removed. */
  protected = false;
  /** The ExcelApi versions this "Excel" has, "1.N" (the manifest asks for 1.9). */
  supportedUpTo = '1.18';
  /** The versions the code asked about with isSetSupported, and got yes. */
  readonly granted = new Set<string>();
  /** The byte size of each request, as office.js serialized it, and of each response (see FakeContext). */
  readonly requests: number[] = [];
  readonly responses: number[] = [];
  /** The number of merged areas each getMergedAreasOrNullObject found. */
  readonly mergedAreaCalls: number[] = [];

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Handlers added with worksheets.onActivated.add (registered at a sync, like Excel). */
  readonly activatedHandlers: ((e: { worksheetId: string; type: string }) => Promise<unknown>)[] = [];

  /** Handlers added with worksheets.onChanged.add. */
  readonly changedHandlers: ((e: FakeChange) => Promise<unknown>)[] = [];

  /** The user types into a cell: the value changes, and Excel raises onChanged (source Local, by the user). */
  edit(sheet: string, address: string, value: CellValue): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`ItemNotFound: ${sheet}`);
    const { row, col } = parseA1(address);
    s.ensure(row, col).value = value;
    this.changed(sheet, address);
  }

  /** Excel raises onChanged for an address: a cell, a range, whole rows ("3:3") or columns ("A:A"). */
  changed(sheet: string, address: string): void {
    for (const h of this.changedHandlers) void h({ worksheetId: `{${sheet}}`, address, changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown', type: 'WorksheetChanged' });
  }

  /**
   * The add-in's own writes reach the sheet: Excel raises onChanged for them too, after the sync, as for any
   * edit (source Local), telling them apart only by triggerSource 'ThisLocalAddin' where ExcelApi 1.14 is there.
   */
  addinWrote(sheet: string, address: string): void {
    const triggerSource = minor(this.supportedUpTo) >= 14 ? 'ThisLocalAddin' : undefined;
    const e: FakeChange = { worksheetId: `{${sheet}}`, address, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged', ...(triggerSource ? { triggerSource } : {}) };
    this.ownChangesRaised++;
    setTimeout(() => {
      for (const h of this.changedHandlers) void h(e);
    }, 0);
  }

  /** How many onChanged events the add-in's own writes raised (a test's floor: the guard had something to do). */
  ownChangesRaised = 0;

  /** The user (or the code) opens another sheet: Excel raises onActivated. */
  activate(name: string): void {
    if (!this.sheet(name)) throw new Error(`ItemNotFound: ${name}`);
    const other = name !== this.active;
    this.active = name;
    if (other) for (const h of this.activatedHandlers) void h({ worksheetId: `{${name}}`, type: 'WorksheetActivated' });
  }

  /** Office.context.requirements.isSetSupported('ExcelApi', v), recording what was asked. */
  readonly supports = (version: string): boolean => {
    const ok = minor(version) <= minor(this.supportedUpTo);
    if (ok) this.granted.add(version);
    return ok;
  };

  requireSet(version: string, api: string): void {
    if (minor(version) <= 9) return;
    if (!this.granted.has(version)) throw new Error(`ApiNotAvailable: ${api} needs ExcelApi ${version}; the code did not check isSetSupported`);
  }

  /** The same workbook Excel would open: cells, formats, fills, notes, threaded comments, protection, merges. */
  static async fromXlsx(bytes: Uint8Array): Promise<FakeBook> {
    const wb = await openWorkbook(bytes);
    const book = new FakeBook();
    for (const entry of wb.sheets) {
      const s = await wb.readSheet(entry.name);
      const sheet = new FakeSheet(entry.name, [...s.grid.merges]);
      sheet.protected = s.protected;
      sheet.visibility = entry.state === 'veryHidden' ? 'VeryHidden' : entry.state === 'hidden' ? 'Hidden' : 'Visible';
      s.grid.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          const cell = sheet.ensure(r, c);
          cell.value = v;
          cell.format = s.grid.formats?.[r]?.[c] ?? 'General';
        }),
      );
      s.xf.forEach((row, r) =>
        row?.forEach((xf, c) => {
          if (!xf) return;
          const fill = fakeFillOf(wb.fillAt(s, a1(r, c)));
          if (fill) sheet.ensure(r, c).fill = fill;
        }),
      );
      for (const [cell, text] of s.notes) if (!s.threaded.has(cell)) sheet.notes.set(cell, text);
      for (const cell of s.threaded) sheet.threaded.add(cell);
      for (const [cell, f] of s.formulas) {
        const { row, col } = parseA1(cell);
        sheet.ensure(row, col).formula = f;
      }
      book.sheets.push(sheet);
    }
    book.active = book.sheets[0]!.name;
    return book;
  }

  /** Everything a person could see, for comparing states. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()]
        .filter(([, c]) => c.value !== null || c.fill !== null)
        .map(([k, c]) => [k, c.value, c.fill ? { ...c.fill } : null, ...(c.formula ? [c.formula] : [])])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      notes: [...s.notes.entries()].sort(),
    }));
  }
}

/** A sheet's name as Excel writes it before "!": quoted (quotes doubled) unless letters, digits and _ only. */
export function sheetPrefix(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "1.18" → 18: requirement sets are compared by their minor number (1.18 comes after 1.7). */
function minor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

class PropertyNotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }
}

export class FakeContext {
  syncs = 0;
  private queue: (() => void)[] = [];
  readonly workbook: FakeWorkbook;
  /** office.js's own context, doing every call the host makes (mirror.ts), to serialize each batch. */
  readonly real: RealContext;
  private requestBytes = 0;
  private responseBytes = 0;
  constructor(readonly book: FakeBook) {
    this.workbook = new FakeWorkbook(this);
    this.real = measuringContext((bytes) => (this.requestBytes = bytes));
  }
  /** Queues work for the next sync (loads and writes alike, in order). */
  later(fn: () => void): void {
    this.queue.push(fn);
  }
  /** Queues a write: it changes the workbook only at the next sync. */
  write(fn: () => void): void {
    this.queue.push(() => {
      fn();
      this.book.writes++;
    });
  }
  get pending(): number {
    return this.queue.length;
  }
  /**
   * A loaded property's value, as the response carries it: {"Results":[{"ActionIndex":n,"Value":{…}}]}
   * (its JSON, with the action's envelope).
   */
  answered(name: string, v: unknown): void {
    this.responseBytes += Buffer.byteLength(JSON.stringify({ [name]: v ?? null }), 'utf8') + 32;
  }
  /**
   * Like Excel on the web: the batch as office.js serialized it must be at most 5 MB, and so must the
   * answer; otherwise the whole batch fails and nothing of it is done.
   */
  async sync(): Promise<void> {
    this.syncs++;
    this.requestBytes = 0;
    await this.real.sync();
    this.book.requests.push(this.requestBytes);
    if (this.requestBytes > PAYLOAD_LIMIT) {
      this.queue = [];
      throw new Error(`RequestPayloadSizeLimitExceeded: the request is ${this.requestBytes} bytes (office.js), over 5 MB`);
    }
    const work = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    for (const fn of work) fn();
    this.book.responses.push(this.responseBytes);
    if (this.responseBytes > PAYLOAD_LIMIT) throw new Error(`ResponsePayloadSizeLimitExceeded: the response is ${this.responseBytes} bytes, over 5 MB`);
  }
}

/** The load list of a proxy: "a,b", ["a","b"], "items/content", "protection/protected". */
function names(props: string | string[] | { select?: string } | undefined): string[] {
  if (!props) return [];
  const list = typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : (props.select ?? '').split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

/** A proxy's loaded properties: values captured at the sync after load(). */
class Loaded {
  private readonly values = new Map<string, unknown>();
  constructor(
    private readonly what: string,
    private readonly ctx?: FakeContext,
  ) {}
  set(name: string, v: unknown): void {
    this.values.set(name, v);
    this.ctx?.answered(name, v);
  }
  get<T>(name: string): T {
    if (!this.values.has(name)) throw new PropertyNotLoaded(`${this.what}.${name}`);
    return this.values.get(name) as T;
  }
}

/** A proxy whose null-ness (for *OrNullObject) is known after the next sync. */
class Nullable {
  private known: boolean | undefined;
  constructor(ctx: FakeContext, isNull: () => boolean) {
    ctx.later(() => (this.known = isNull()));
  }
  get isNullObject(): boolean {
    if (this.known === undefined) throw new PropertyNotLoaded('isNullObject');
    return this.known;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
  }
  get protection(): { load: (p: string) => void; readonly protected: boolean } {
    const ctx = this.ctx;
    const loaded = new Loaded('workbook.protection', ctx);
    return {
      load: (p: string) => {
        for (const n of names(p)) ctx.later(() => loaded.set(n, n === 'protected' ? ctx.book.protected : undefined));
      },
      get protected() {
        return loaded.get<boolean>('protected');
      },
    };
  }
}

class FakeWorksheets {
  private items_: FakeWorksheet[] | undefined;
  private wanted: string[] = [];
  constructor(private readonly ctx: FakeContext) {}
  load(props: string): void {
    this.wanted = names(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.later(() => {
      this.items_ = this.ctx.book.sheets.map((sheet) => {
        const ws = new FakeWorksheet(this.ctx, () => sheet);
        ws.capture(this.wanted);
        return ws;
      });
    });
  }
  get items(): FakeWorksheet[] {
    if (!this.items_) throw new PropertyNotLoaded('worksheets.items');
    return this.items_;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(this.ctx.book.active) ?? null);
  }
  /** ExcelApi 1.9 (the collection's onChanged): registered at the next sync. */
  get onChanged(): { add: (h: (e: FakeChange) => Promise<unknown>) => { remove: () => void } } {
    const ctx = this.ctx;
    ctx.book.requireSet('1.9', 'worksheets.onChanged');
    return {
      add: (h) => {
        ctx.later(() => ctx.book.changedHandlers.push(h));
        return { remove: () => ctx.later(() => ctx.book.changedHandlers.splice(ctx.book.changedHandlers.indexOf(h), 1)) };
      },
    };
  }
  /** ExcelApi 1.7: the handler is registered at the next sync, as Excel does. */
  get onActivated(): { add: (h: (e: { worksheetId: string; type: string }) => Promise<unknown>) => { remove: () => void } } {
    const ctx = this.ctx;
    return {
      add: (h) => {
        ctx.later(() => ctx.book.activatedHandlers.push(h));
        return { remove: () => ctx.later(() => ctx.book.activatedHandlers.splice(ctx.book.activatedHandlers.indexOf(h), 1)) };
      },
    };
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? null, true);
  }
  add(name: string): FakeWorksheet {
    const book = this.ctx.book;
    let created: FakeSheet | null = null;
    this.ctx.write(() => {
      if (book.protected) throw new Error('AccessDenied: the workbook structure is protected');
      if (book.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
      created = new FakeSheet(name);
      book.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => created);
  }
}

class FakeWorksheet {
  private readonly loaded: Loaded;
  private readonly nullable?: Nullable;
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => FakeSheet | null,
    orNull = false,
  ) {
    this.loaded = new Loaded('worksheet', ctx);
    if (orNull) this.nullable = new Nullable(ctx, () => resolve() === null);
  }
  /** The sheet, when a queued command runs: Excel reports a missing one at the sync. */
  private get sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new Error('ItemNotFound: worksheet');
    return s;
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.nullable.isNullObject;
  }
  capture(props: string[]): void {
    const s = this.resolve();
    for (const p of props) this.loaded.set(p, s ? (p === 'name' ? s.name : p === 'id' ? `{${s.name}}` : p === 'visibility' ? s.visibility : p === 'protection/protected' ? s.protected : undefined) : undefined);
  }
  load(props: string): void {
    const wanted = names(props);
    this.ctx.later(() => this.capture(wanted));
  }
  get name(): string {
    return this.loaded.get<string>('name');
  }
  get id(): string {
    return this.loaded.get<string>('id');
  }
  get visibility(): string {
    return this.loaded.get<string>('visibility');
  }
  set visibility(v: string) {
    this.ctx.write(() => (this.sheet.visibility = v));
  }
  get protection(): { readonly protected: boolean } {
    const loaded = this.loaded;
    return {
      get protected() {
        return loaded.get<boolean>('protection/protected');
      },
    };
  }
  set position(p: number) {
    this.ctx.write(() => {
      const s = this.sheet;
      const rest = this.ctx.book.sheets.filter((x) => x !== s);
      rest.splice(p, 0, s);
      this.ctx.book.sheets = rest;
    });
  }
  get notes(): FakeNotes {
    this.ctx.book.requireSet('1.18', 'worksheet.notes');
    return new FakeNotes(this.ctx, () => this.sheet);
  }
  get comments(): FakeComments {
    this.ctx.book.requireSet('1.10', 'worksheet.comments');
    return new FakeComments(this.ctx, () => this.sheet);
  }
  get charts() {
    const ctx = this.ctx;
    return {
      add: (type: string, source: FakeRange, _by: string) => {
        const chart = { type, source: '', title: '', legend: true, position: undefined as [string, string] | undefined };
        ctx.write(() => {
          chart.source = source.addressNow();
          this.sheet.charts.push(chart);
        });
        return {
          title: { set text(t: string) { ctx.write(() => (chart.title = t)); } },
          legend: { set visible(v: boolean) { ctx.write(() => (chart.legend = v)); } },
          setPosition: (a: string, b: string) => ctx.write(() => (chart.position = [a, b])),
        };
      },
    };
  }
  /** worksheet.horizontalPageBreaks (ExcelApi 1.9): a break above the row of the cell given. */
  get horizontalPageBreaks() {
    return Object.preventExtensions({
      add: (cell: string) => {
        if (!/^[A-Z]{1,3}\d+$/.test(cell)) throw new Error(`InvalidArgument: page break ${cell}`);
        this.ctx.write(() => (this.sheet.print.breaks = [...(this.sheet.print.breaks ?? []), cell]));
      },
    });
  }
  get freezePanes() {
    return { freezeRows: (n: number) => this.ctx.write(() => (this.sheet.frozenRows = n)) };
  }
  /** worksheet.pageLayout (ExcelApi 1.9): what the summary sets, checked as Excel checks it. */
  get pageLayout(): unknown {
    const ctx = this.ctx;
    const print = () => this.sheet.print;
    const layout = {
      set orientation(v: string) {
        if (!['Portrait', 'Landscape'].includes(v)) throw new Error(`InvalidArgument: orientation ${v}`);
        ctx.write(() => (print().orientation = v));
      },
      set paperSize(v: string) {
        if (!['A4', 'A3', 'Letter', 'Legal'].includes(v)) throw new Error(`fake: paperSize ${v} is not modelled`);
        ctx.write(() => (print().paperSize = v));
      },
      set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
        if (v.scale !== undefined && (v.scale < 10 || v.scale > 400)) throw new Error(`InvalidArgument: zoom.scale ${v.scale}`);
        // A scale or a fit, not both; pages as whole numbers (0: as many as it takes).
        const pages = [v.horizontalFitToPages, v.verticalFitToPages].filter((n) => n !== undefined);
        if (pages.some((n) => !Number.isInteger(n) || n! < 0) || (pages.length && v.scale !== undefined)) throw new Error(`InvalidArgument: zoom ${JSON.stringify(v)}`);
        ctx.write(() => (print().zoom = { ...v }));
      },
      set leftMargin(v: number) {
        ctx.write(() => (print().margins = [...(print().margins ?? []), v]));
      },
      set rightMargin(v: number) {
        ctx.write(() => (print().margins = [...(print().margins ?? []), v]));
      },
      setPrintArea(area: string) {
        if (!/^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+$/.test(area)) throw new Error(`InvalidArgument: print area ${area}`);
        ctx.write(() => (print().area = area));
      },
      setPrintTitleRows(rows: string) {
        if (!/^\$\d+:\$\d+$/.test(rows)) throw new Error(`InvalidArgument: print title rows ${rows}`);
        ctx.write(() => (print().titleRows = rows));
      },
      setPrintTitleColumns(columns: string) {
        if (!/^\$[A-Z]{1,3}:\$[A-Z]{1,3}$/.test(columns)) throw new Error(`InvalidArgument: print title columns ${columns}`);
        ctx.write(() => (print().titleColumns = columns));
      },
      /** headersFooters.defaultForAllPages (ExcelApi 1.9): the footer's three sections; Excel takes at most 255 characters. */
      get headersFooters(): unknown {
        const section = (key: 'left' | 'center' | 'right') => (v: string) => {
          if (typeof v !== 'string' || v.length > 255) throw new Error(`InvalidArgument: ${key}Footer`);
          ctx.write(() => (print().footer = { ...print().footer, [key]: v }));
        };
        const above = (key: 'left' | 'center' | 'right') => (v: string) => {
          if (typeof v !== 'string' || v.length > 255) throw new Error(`InvalidArgument: ${key}Header`);
          ctx.write(() => (print().header = { ...print().header, [key]: v }));
        };
        const page = Object.preventExtensions({
          set leftHeader(v: string) {
            above('left')(v);
          },
          set centerHeader(v: string) {
            above('center')(v);
          },
          set rightHeader(v: string) {
            above('right')(v);
          },
          set leftFooter(v: string) {
            section('left')(v);
          },
          set centerFooter(v: string) {
            section('center')(v);
          },
          set rightFooter(v: string) {
            section('right')(v);
          },
        });
        return Object.preventExtensions({ defaultForAllPages: page });
      },
    };
    return Object.preventExtensions(layout);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      return s ? { sheet: s, range: s.usedRange(valuesOnly) } : { sheet: null, range: null };
    }, true);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet, range: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }));
  }
  getRange(address: string): FakeRange {
    const r = parseRangeA1(address);
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet, range: r }));
  }
  activate(): void {
    this.ctx.later(() => this.ctx.book.activate(this.sheet.name));
  }
  delete(): void {
    this.ctx.write(() => {
      const s = this.sheet;
      if (this.ctx.book.protected) throw new Error('AccessDenied: the workbook structure is protected');
      this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
    });
  }
}

class FakeNotes {
  private items_: FakeNote[] | undefined;
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  load(props: string): void {
    const wanted = names(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.later(() => {
      this.items_ = [...this.sheet().notes.keys()].map((address) => {
        const n = new FakeNote(this.ctx, this.sheet, address);
        n.capture(wanted);
        return n;
      });
    });
  }
  get items(): FakeNote[] {
    if (!this.items_) throw new PropertyNotLoaded('notes.items');
    return this.items_;
  }
  getItem(address: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, address);
  }
  /** The number of notes, known after the next sync. */
  getCount(): { readonly value: number } {
    let n: number | undefined;
    this.ctx.later(() => {
      n = this.sheet().notes.size;
      this.ctx.answered('value', n);
    });
    return {
      get value(): number {
        if (n === undefined) throw new PropertyNotLoaded('notes.getCount().value');
        return n;
      },
    };
  }
  /** The note at an index (in the sheet's order), resolved at the sync. */
  getItemAt(index: number): FakeNote {
    return new FakeNote(this.ctx, this.sheet, () => {
      const at = [...this.sheet().notes.keys()][index];
      if (at === undefined) throw new Error(`ItemNotFound: note ${index}`);
      return at;
    });
  }
  add(address: string, content: string): FakeNote {
    this.ctx.write(() => {
      const s = this.sheet();
      if (s.protected) throw new Error('AccessDenied: the sheet is protected');
      if (s.notes.has(address)) throw new Error(`InvalidArgument: ${address} already has a note`);
      if (s.threaded.has(address)) throw new Error(`InvalidOperation: ${address} has a threaded comment`);
      s.notes.set(address, content);
    });
    return new FakeNote(this.ctx, this.sheet, address);
  }
}

class FakeNote {
  private readonly loaded: Loaded;
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly at: string | (() => string),
  ) {
    this.loaded = new Loaded('note', ctx);
  }
  private get address(): string {
    return typeof this.at === 'string' ? this.at : this.at();
  }
  capture(props: string[]): void {
    for (const p of props) this.loaded.set(p, p === 'content' ? this.sheet().notes.get(this.address) : undefined);
  }
  load(props: string): void {
    const wanted = names(props);
    this.ctx.later(() => {
      if (!this.sheet().notes.has(this.address)) throw new Error(`ItemNotFound: note ${this.address}`);
      this.capture(wanted);
    });
  }
  get content(): string {
    return this.loaded.get<string>('content');
  }
  set content(text: string) {
    this.ctx.write(() => {
      const s = this.sheet();
      if (!s.notes.has(this.address)) throw new Error(`ItemNotFound: note ${this.address}`);
      if (s.protected) throw new Error('AccessDenied: the sheet is protected');
      s.notes.set(this.address, text);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), range: parseRangeA1(this.address) }));
  }
  delete(): void {
    this.ctx.write(() => {
      const s = this.sheet();
      if (!s.notes.has(this.address)) throw new Error(`ItemNotFound: note ${this.address}`);
      if (s.protected) throw new Error('AccessDenied: the sheet is protected');
      s.notes.delete(this.address);
    });
  }
}

class FakeComments {
  private items_: { getLocation: () => FakeRange; readonly id: string }[] | undefined;
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  load(_props: string): void {
    this.ctx.later(() => {
      this.items_ = [...this.sheet().threaded].map((address) => ({
        id: address,
        getLocation: () => new FakeRange(this.ctx, () => ({ sheet: this.sheet(), range: parseRangeA1(address) })),
      }));
    });
  }
  get items() {
    if (!this.items_) throw new PropertyNotLoaded('comments.items');
    return this.items_;
  }
}

type Target = { sheet: FakeSheet | null; range: CellRange | null };

/** A range: geometry, values, types, formats, address and fill — each readable only once loaded and synced. */
class FakeRange {
  private readonly loaded: Loaded;
  private readonly nullable?: Nullable;
  readonly format: {
    fill: FakeFillProxy;
    font: { bold: boolean; size: number; name: string };
    wrapText: boolean;
    columnWidth: number;
    rowHeight: number;
    horizontalAlignment: string;
    verticalAlignment: string;
  };
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Target,
    orNull = false,
  ) {
    this.loaded = new Loaded('range', ctx);
    if (orNull) this.nullable = new Nullable(ctx, () => resolve().range === null);
    const self = this;
    this.format = {
      fill: new FakeFillProxy(ctx, () => this.cells()),
      font: {
        set bold(v: boolean) {
          ctx.write(() => {
            const { sheet, range } = self.resolve();
            if (v && sheet && range) sheet.bold.add(a1(range.top, range.left));
          });
        },
        set size(_v: number) {
          ctx.write(() => undefined);
        },
        set name(v: string) {
          ctx.write(() => {
            const { sheet, range } = self.resolve();
            if (sheet && range) sheet.fontNames.set(a1(range.top, range.left), v);
          });
        },
      } as unknown as { bold: boolean; size: number; name: string },
      set wrapText(_v: boolean) {
        ctx.write(() => undefined);
      },
      set columnWidth(_v: number) {
        ctx.write(() => undefined);
      },
      set rowHeight(v: number) {
        ctx.write(() => {
          const { sheet, range } = self.resolve();
          if (sheet && range) for (let r = range.top; r <= range.bottom; r++) sheet.rowHeights.set(r, v);
        });
      },
      set verticalAlignment(v: string) {
        if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(v)) throw new Error(`InvalidArgument: verticalAlignment ${v}`);
        ctx.write(() => undefined);
      },
      set horizontalAlignment(v: string) {
        if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(v)) throw new Error(`InvalidArgument: horizontalAlignment ${v}`);
        ctx.write(() => {
          const { sheet, range } = self.resolve();
          if (sheet && range) sheet.centred.add(a1(range.top, range.left));
        });
      },
    } as unknown as FakeRange['format'];
    // Like the real proxy: a member it does not have cannot be set (a typo is an error, not a no-op).
    Object.preventExtensions(this.format);
  }

  /** The cells of the range, created as needed (for writes, at sync). */
  private cells(): { sheet: FakeSheet; cells: FakeCell[]; range: CellRange } {
    const { sheet, range } = this.resolve();
    if (!sheet || !range) throw new Error('InvalidReference');
    const cells: FakeCell[] = [];
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) cells.push(sheet.ensure(r, c));
    return { sheet, cells, range };
  }

  private writeCells(fn: (sheet: FakeSheet, range: CellRange) => void): void {
    this.ctx.write(() => {
      const { sheet, range } = this.resolve();
      if (!sheet || !range) throw new Error('InvalidReference');
      if (sheet.protected) throw new Error('AccessDenied: the sheet is protected');
      fn(sheet, range);
      this.ctx.book.addinWrote(sheet.name, `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`);
    });
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.nullable.isNullObject;
  }

  load(props: string): void {
    const wanted = names(props);
    this.ctx.later(() => {
      const { sheet, range } = this.resolve();
      if (!sheet || !range) return; // a null object loads nothing
      for (const p of wanted) this.loaded.set(p, this.read(p, sheet, range));
    });
  }

  private read(p: string, sheet: FakeSheet, range: CellRange): unknown {
    const grid = <T>(fn: (cell: FakeCell | undefined) => T): T[][] => {
      const out: T[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: T[] = [];
        for (let c = range.left; c <= range.right; c++) row.push(fn(sheet.get(r, c)));
        out.push(row);
      }
      return out;
    };
    switch (p) {
      case 'rowIndex':
        return range.top;
      case 'columnIndex':
        return range.left;
      case 'rowCount':
        return range.bottom - range.top + 1;
      case 'columnCount':
        return range.right - range.left + 1;
      case 'address':
        return `${sheetPrefix(sheet.name)}!${a1(range.top, range.left)}${range.bottom > range.top || range.right > range.left ? `:${a1(range.bottom, range.right)}` : ''}`;
      case 'values':
        return grid((c) => {
          const v = c?.value ?? null;
          return v === null ? '' : isCellError(v) ? v.error : v;
        });
      case 'valueTypes':
        return grid((c) => {
          const v = c?.value ?? null;
          return v === null ? 'Empty' : isCellError(v) ? 'Error' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      case 'numberFormat':
        return grid((c) => c?.format ?? 'General');
      case 'formulas':
        // As Excel gives them: the formula of a formula cell, the value of any other.
        return grid((c) => {
          if (c?.formula) return c.formula;
          const v = c?.value ?? null;
          return v === null ? '' : isCellError(v) ? v.error : v;
        });
      default:
        throw new Error(`fake: loading range.${p} is not modelled`);
    }
  }

  get rowIndex(): number {
    return this.loaded.get('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded.get('columnIndex');
  }
  get rowCount(): number {
    return this.loaded.get('rowCount');
  }
  get columnCount(): number {
    return this.loaded.get('columnCount');
  }
  get address(): string {
    return this.loaded.get('address');
  }
  get values(): unknown[][] {
    return this.loaded.get('values');
  }
  set values(v: unknown[][]) {
    this.writeCells((sheet, range) =>
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const cell = sheet.ensure(range.top + i, range.left + j);
          // Like Excel: text that starts with "=" becomes a formula unless the cell is formatted as text.
          if (typeof x === 'string' && /^=/.test(x) && cell.format !== '@') throw new Error(`fake: ${x} would become a formula`);
          cell.value = x === '' ? null : typeof x === 'string' && x.startsWith("'") ? x.slice(1) : (x as CellValue);
          delete cell.formula;
        }),
      ),
    );
  }
  get formulas(): unknown[][] {
    return this.loaded.get('formulas');
  }
  /** A formula is kept as written; its result stays what the cell shows (the fake does not calculate). */
  set formulas(v: unknown[][]) {
    this.writeCells((sheet, range) =>
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const cell = sheet.ensure(range.top + i, range.left + j);
          if (typeof x === 'string' && x.startsWith('=')) cell.formula = x;
          else throw new Error(`fake: range.formulas set to a constant (${String(x)}) is not modelled`);
        }),
      ),
    );
  }
  get valueTypes(): string[][] {
    return this.loaded.get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.loaded.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.writeCells((sheet, range) => v.forEach((row, i) => row.forEach((f, j) => (sheet.ensure(range.top + i, range.left + j).format = f))));
  }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.writeCells((sheet, range) => sheet.links.set(a1(range.top, range.left), h.documentReference ?? h.address ?? ''));
  }
  merge(_across?: boolean): void {
    this.writeCells((sheet, range) => sheet.merges.push(range));
  }
  /** The address as known when a queued command runs (for fakes of methods that take a range). */
  addressNow(): string {
    const { range } = this.resolve();
    return `${a1(range!.top, range!.left)}:${a1(range!.bottom, range!.right)}`;
  }
  /**
   * Like Excel: the merged areas whose top-left cell is in the range (office-js issue #3611), each whole;
   * more than 512 of them and the batch fails.
   */
  getMergedAreasOrNullObject(): FakeRange {
    this.ctx.book.requireSet('1.13', 'range.getMergedAreasOrNullObject');
    let inside: CellRange[] = [];
    const merged = new FakeRange(
      this.ctx,
      () => {
        const { sheet, range } = this.resolve();
        inside = sheet && range ? sheet.merges.filter((m) => m.top >= range.top && m.top <= range.bottom && m.left >= range.left && m.left <= range.right) : [];
        this.ctx.book.mergedAreaCalls.push(inside.length);
        if (inside.length > MERGED_AREAS_LIMIT) throw new Error(`GeneralException: getMergedAreasOrNullObject over ${inside.length} merged areas (at most ${MERGED_AREAS_LIMIT})`);
        return { sheet, range: inside.length ? inside[0]! : null };
      },
      true,
    );
    const load = merged.load.bind(merged);
    merged.load = (props: string) => {
      load(props);
      this.ctx.later(() => {
        const { sheet } = this.resolve();
        if (inside.length) merged.loaded.set('address', inside.map((m) => `${sheetPrefix(sheet!.name)}!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(','));
      });
    };
    return merged;
  }
  clear(what?: string): void {
    this.writeCells((sheet, range) => {
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) {
          const cell = sheet.get(r, c);
          if (!cell) continue;
          cell.value = null;
          delete cell.formula;
          if (what !== 'Contents') {
            cell.fill = null;
            cell.format = 'General';
          }
        }
      }
    });
  }
  select(): void {
    this.ctx.later(() => {
      const { sheet, range } = this.resolve();
      this.ctx.book.selection = { sheet: sheet!.name, address: a1(range!.top, range!.left) };
    });
  }
}

class FakeFillProxy {
  private readonly loaded: Loaded;
  constructor(
    private readonly ctx: FakeContext,
    private readonly cells: () => { sheet: FakeSheet; cells: FakeCell[]; range: CellRange },
  ) {
    this.loaded = new Loaded('format.fill', ctx);
  }
  load(props: string): void {
    const wanted = names(props);
    this.ctx.later(() => {
      const { cells } = this.cells();
      const f = cells[0]?.fill ?? null;
      for (const p of wanted) this.loaded.set(p, p === 'color' ? (f?.color ?? '#FFFFFF') : p === 'pattern' ? (f?.pattern ?? 'None') : p === 'patternColor' ? (f?.patternColor ?? '#000000') : undefined);
    });
  }
  private set(fn: (cell: FakeCell) => void): void {
    this.ctx.write(() => {
      const { sheet, cells } = this.cells();
      if (sheet.protected) throw new Error('AccessDenied: the sheet is protected');
      cells.forEach(fn);
    });
  }
  get color(): string {
    return this.loaded.get('color');
  }
  set color(v: string) {
    this.set((cell) => (cell.fill = { color: v.toUpperCase(), pattern: cell.fill && cell.fill.pattern !== 'Solid' ? cell.fill.pattern : 'Solid', ...(cell.fill?.patternColor ? { patternColor: cell.fill.patternColor } : {}) }));
  }
  get pattern(): string {
    return this.loaded.get('pattern');
  }
  set pattern(v: string) {
    this.set((cell) => (cell.fill = { color: cell.fill?.color ?? '#FFFFFF', pattern: v, ...(cell.fill?.patternColor ? { patternColor: cell.fill.patternColor } : {}) }));
  }
  get patternColor(): string {
    return this.loaded.get('patternColor');
  }
  set patternColor(v: string) {
    this.set((cell) => {
      if (cell.fill) cell.fill.patternColor = v;
    });
  }
  clear(): void {
    this.set((cell) => (cell.fill = null));
  }
}

/** Excel.run over the fake, counting the syncs of each run; a run that leaves work unsynced fails. */
export function fakeRunner(book: FakeBook): { run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>; syncs: number[] } {
  const syncs: number[] = [];
  return {
    syncs,
    run: async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const ctx = new FakeContext(book);
      let result: T;
      try {
        result = await batch(mirrored(ctx, ctx.real) as unknown as Excel.RequestContext);
      } finally {
        syncs.push(ctx.syncs);
      }
      if (ctx.pending) throw new Error(`fake: Excel.run ended with ${ctx.pending} queued command(s) never synced`);
      return result;
    },
  };
}
