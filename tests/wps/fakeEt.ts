/**
 * A strict fake of WPS 表格's object model (the subset src/wps/et.ts declares), over the same workbook
 * data as the office-js fake (FakeBook), so the two hosts can be compared cell for cell.
 *
 * Strict like the application: a member the model does not have throws when read or set (a typo is an
 * error, not undefined); text starting with "=" written into a cell not formatted "@" would become a
 * formula, and throws; adding a comment where one is throws; deleting a sheet while DisplayAlerts is on
 * would stop for the user's confirmation, and throws; a protected workbook takes no sheet. Every call is
 * counted.
 */
import { type CellRange, type CellValue, a1, isCellError, parseRangeA1 } from '../../src/core/grid';
import { FakeBook, type FakeCell, FakeSheet } from '../office/fakeExcel';

const ERROR_CODES: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

/** Pattern names of the office-js fake ↔ 表格's XlPattern numbers. */
const PATTERNS: Record<string, number> = { Solid: 1, Gray50: -4125, Gray75: -4126, Gray25: -4124, LightUp: -4163, LightDown: -4164 };
const PATTERN_NAMES = Object.fromEntries(Object.entries(PATTERNS).map(([k, v]) => [v, k]));

const bgr = (hex: string) => {
  const h = hex.replace('#', '');
  return (parseInt(h.slice(4, 6), 16) << 16) | (parseInt(h.slice(2, 4), 16) << 8) | parseInt(h.slice(0, 2), 16);
};
const hex = (n: number) => `#${[n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;

/** The merged areas of a sheet by the rows they cover (rebuilt when areas are added): the fake stays quick on a big sheet. */
const mergeIndex = new WeakMap<FakeSheet, { count: number; rows: Map<number, CellRange[]> }>();
function mergesOnRow(sheet: FakeSheet, r: number): CellRange[] {
  let index = mergeIndex.get(sheet);
  if (!index || index.count !== sheet.merges.length) {
    const rows = new Map<number, CellRange[]>();
    for (const m of sheet.merges) for (let i = m.top; i <= m.bottom; i++) rows.set(i, [...(rows.get(i) ?? []), m]);
    index = { count: sheet.merges.length, rows };
    mergeIndex.set(sheet, index);
  }
  return index.rows.get(r) ?? [];
}

export class EtCalls {
  count = 0;
}

/** Wraps a fake object so that reading or setting a member it does not define throws. */
function strict<T extends object>(target: T, what: string, calls: EtCalls): T {
  return new Proxy(target, {
    // Getters and setters run on the target, so that the fake's own work inside a member is not counted
    // as calls of the add-in: one member read or set, one method called, is one call.
    get(t, p) {
      if (typeof p === 'symbol' || p === 'then') return Reflect.get(t, p, t);
      if (!(p in t)) throw new Error(`WPS fake: ${what} has no member "${p}"`);
      const v = Reflect.get(t, p, t);
      if (typeof v === 'function') {
        return (...args: unknown[]) => {
          calls.count++;
          return v.apply(t, args);
        };
      }
      calls.count++;
      return v;
    },
    set(t, p, v) {
      if (typeof p === 'symbol' || !(p in t)) throw new Error(`WPS fake: ${what} has no member "${String(p)}" to set`);
      calls.count++;
      return Reflect.set(t, p, v, t);
    },
  });
}

class EtApp {
  DisplayAlerts = true;
  /** As on a machine without a printer driver: Worksheet.PageSetup throws (as Excel VBA's does). */
  noPrinter = false;
  private pluginItems = new Map<string, string>();
  readonly PluginStorage = {
    getItem: (k: string) => this.pluginItems.get(k) ?? null,
    setItem: (k: string, v: string) => void this.pluginItems.set(k, v),
  };
  readonly ApiEvent = {
    AddApiEventListener: (event: string, handler: () => void) => {
      if (event !== 'SheetActivate') throw new Error(`WPS fake: no event ${event}`);
      this.book.activatedHandlers.push(async () => handler());
    },
  };
  constructor(
    readonly book: FakeBook,
    readonly calls: EtCalls,
  ) {}
  get ActiveWorkbook(): EtBook {
    return strict(new EtBook(this), 'Workbook', this.calls);
  }
  get ActiveSheet(): EtSheet {
    return this.sheetObject(this.book.sheet(this.book.active)!);
  }
  sheetObject(s: FakeSheet): EtSheet {
    return strict(new EtSheet(this, s), 'Worksheet', this.calls);
  }
  /** Task panes by ID, with the address each was created at (a pane's page is not run here). */
  readonly panes = new Map<string, FakeTaskPane>();
  CreateTaskPane(url: string): FakeTaskPane {
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new Error(`WPS fake: CreateTaskPane needs the page's address, got ${String(url)}`);
    const pane = strict(new FakeTaskPane(`pane${this.panes.size + 1}`, url), 'TaskPane', this.calls);
    this.panes.set(pane.ID, pane);
    return pane;
  }
  GetTaskPane(id: string): FakeTaskPane {
    const pane = this.panes.get(id);
    if (!pane) throw new Error(`WPS fake: no task pane ${id}`);
    return pane;
  }
}

export class FakeTaskPane {
  Visible = false;
  DockPosition = 0;
  constructor(
    readonly ID: string,
    readonly url: string,
  ) {}
}

class EtBook {
  constructor(private readonly app: EtApp) {}
  get Name(): string {
    return 'book.xlsx';
  }
  get ProtectStructure(): boolean {
    return this.app.book.protected;
  }
  get Worksheets(): EtSheets {
    return strict(new EtSheets(this.app), 'Worksheets', this.app.calls);
  }
}

class EtSheets {
  constructor(private readonly app: EtApp) {}
  get Count(): number {
    return this.app.book.sheets.length;
  }
  Item(key: number | string): EtSheet {
    const s = typeof key === 'number' ? this.app.book.sheets[key - 1] : this.app.book.sheet(key);
    if (!s) throw new Error(`WPS fake: 下标越界 (no sheet ${key})`);
    return this.app.sheetObject(s);
  }
  Add(before?: EtSheet, after?: EtSheet): EtSheet {
    const book = this.app.book;
    if (book.protected) throw new Error('WPS fake: the workbook structure is protected');
    let n = book.sheets.length + 1;
    while (book.sheet(`Sheet${n}`)) n++;
    const s = new FakeSheet(`Sheet${n}`);
    const at = before ? book.sheets.indexOf(before.fakeSheet) : after ? book.sheets.indexOf(after.fakeSheet) + 1 : book.sheets.indexOf(book.sheet(book.active)!);
    book.sheets.splice(at, 0, s);
    // Like the application: a new sheet is the active one.
    book.activate(s.name);
    return this.app.sheetObject(s);
  }
}

class EtSheet {
  constructor(
    private readonly app: EtApp,
    readonly fakeSheet: FakeSheet,
  ) {}
  get Name(): string {
    return this.fakeSheet.name;
  }
  set Name(v: string) {
    if (this.app.book.sheet(v) && v !== this.fakeSheet.name) throw new Error(`WPS fake: a sheet named ${v} exists`);
    if (this.app.book.active === this.fakeSheet.name) this.app.book.active = v;
    this.fakeSheet.name = v;
  }
  get Visible(): number {
    return this.fakeSheet.visibility === 'VeryHidden' ? 2 : this.fakeSheet.visibility === 'Hidden' ? 0 : -1;
  }
  set Visible(v: number) {
    if (![-1, 0, 2].includes(v)) throw new Error(`WPS fake: Visible ${v}`);
    this.fakeSheet.visibility = v === 2 ? 'VeryHidden' : v === 0 ? 'Hidden' : 'Visible';
  }
  get ProtectContents(): boolean {
    return this.fakeSheet.protected;
  }
  get UsedRange(): EtRangeFake {
    const u = this.fakeSheet.usedRange(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    return this.range(u);
  }
  get Cells(): EtRangeFake {
    return this.range({ top: 0, left: 0, bottom: 1048575, right: 16383 });
  }
  Range(address: string): EtRangeFake {
    return this.range(parseRangeA1(address.replace(/\$/g, '')));
  }
  range(r: CellRange): EtRangeFake {
    return strict(new EtRangeFake(this.app, this.fakeSheet, r), 'Range', this.app.calls);
  }
  get Comments(): { Count: number; Item: (i: number) => EtCommentFake } {
    const keys = [...this.fakeSheet.notes.keys()].sort((a, b) => {
      const p = parseRangeA1(a);
      const q = parseRangeA1(b);
      return p.top - q.top || p.left - q.left;
    });
    return strict(
      {
        Count: keys.length,
        Item: (i: number) => {
          const k = keys[i - 1];
          if (!k) throw new Error('WPS fake: comment index out of range');
          return strict(new EtCommentFake(this.app, this.fakeSheet, k), 'Comment', this.app.calls);
        },
      },
      'Comments',
      this.app.calls,
    );
  }
  get Hyperlinks(): { Add: (anchor: EtRangeFake, address: string, sub?: string, tip?: string, text?: string) => void } {
    return strict(
      {
        Add: (anchor: EtRangeFake, _address: string, sub?: string, _tip?: string, text?: string) => {
          const at = a1(anchor.range.top, anchor.range.left);
          this.fakeSheet.links.set(at, sub ?? '');
          if (text !== undefined) this.fakeSheet.ensure(anchor.range.top, anchor.range.left).value = text;
        },
      },
      'Hyperlinks',
      this.app.calls,
    );
  }
  get PageSetup(): EtPageSetupFake {
    if (this.app.noPrinter) throw new Error('WPS fake: 无法获取 PageSetup (no printer installed)');
    return strict(new EtPageSetupFake(this.fakeSheet), 'PageSetup', this.app.calls);
  }
  /** A manual break above the row of the range given, recorded as the office-js fake records it (its top-left cell). */
  get HPageBreaks(): { Add: (before: EtRangeFake) => void } {
    const sheet = this.fakeSheet;
    return strict(
      {
        Add: (before: EtRangeFake) => {
          if (!isFakeRange(before)) throw new Error('WPS fake: HPageBreaks.Add takes a Range');
          sheet.print.breaks = [...(sheet.print.breaks ?? []), a1(before.range.top, 0)];
        },
      },
      'HPageBreaks',
      this.app.calls,
    );
  }
  Activate(): void {
    this.app.book.activate(this.fakeSheet.name);
  }
  Delete(): void {
    if (this.app.DisplayAlerts) throw new Error('WPS fake: deleting a sheet with DisplayAlerts on would wait for the user to confirm');
    if (this.app.book.protected) throw new Error('WPS fake: the workbook structure is protected');
    const book = this.app.book;
    const i = book.sheets.indexOf(this.fakeSheet);
    book.sheets.splice(i, 1);
    if (book.active === this.fakeSheet.name) book.active = book.sheets[Math.max(0, i - 1)]!.name;
  }
}

class EtCommentFake {
  constructor(
    private readonly app: EtApp,
    private readonly sheet: FakeSheet,
    private readonly at: string,
  ) {}
  Text(text?: string): string {
    if (text !== undefined) this.sheet.notes.set(this.at, text);
    return this.sheet.notes.get(this.at) ?? '';
  }
  Delete(): void {
    this.sheet.notes.delete(this.at);
  }
  get Parent(): EtRangeFake {
    return strict(new EtRangeFake(this.app, this.sheet, parseRangeA1(this.at)), 'Range', this.app.calls);
  }
}

class EtRangeFake {
  constructor(
    private readonly app: EtApp,
    private readonly sheet: FakeSheet,
    readonly range: CellRange,
  ) {}
  private sub(r: CellRange): EtRangeFake {
    return strict(new EtRangeFake(this.app, this.sheet, r), 'Range', this.app.calls);
  }
  private get single(): boolean {
    return this.range.top === this.range.bottom && this.range.left === this.range.right;
  }
  private each(fn: (cell: FakeCell, r: number, c: number) => void): void {
    for (let r = this.range.top; r <= this.range.bottom; r++) for (let c = this.range.left; c <= this.range.right; c++) fn(this.sheet.ensure(r, c), r, c);
  }
  private peek(r: number, c: number): FakeCell | undefined {
    return this.sheet.get(r, c);
  }
  get Row(): number {
    return this.range.top + 1;
  }
  get Column(): number {
    return this.range.left + 1;
  }
  get Rows(): { Count: number } {
    return strict({ Count: this.range.bottom - this.range.top + 1 }, 'Rows', this.app.calls);
  }
  get Columns(): { Count: number; Item: (i: number) => EtRangeFake } {
    return strict(
      {
        Count: this.range.right - this.range.left + 1,
        Item: (i: number) => this.sub({ ...this.range, left: this.range.left + i - 1, right: this.range.left + i - 1 }),
      },
      'Columns',
      this.app.calls,
    );
  }
  Item(row: number, col: number): EtRangeFake {
    const r = this.range.top + row - 1;
    const c = this.range.left + col - 1;
    return this.sub({ top: r, left: c, bottom: r, right: c });
  }
  private valueOf(r: number, c: number): unknown {
    const v = this.peek(r, c)?.value ?? null;
    if (v === null) return undefined;
    if (isCellError(v)) return ERROR_CODES[v.error] ?? v.error;
    return v;
  }
  get Value2(): unknown {
    if (this.single) return this.valueOf(this.range.top, this.range.left);
    const out: unknown[][] = [];
    for (let r = this.range.top; r <= this.range.bottom; r++) {
      const row: unknown[] = [];
      for (let c = this.range.left; c <= this.range.right; c++) row.push(this.valueOf(r, c));
      out.push(row);
    }
    return out;
  }
  /** One value for every cell, or (like the application) an array of rows, one value a cell. */
  set Value2(v: unknown) {
    const rows = Array.isArray(v) ? (v as unknown[][]) : null;
    if (rows && (rows.length !== this.range.bottom - this.range.top + 1 || rows.some((row) => !Array.isArray(row) || row.length !== this.range.right - this.range.left + 1))) {
      throw new Error('WPS fake: Value2 set with an array that is not the shape of the range');
    }
    this.each((cell, r, c) => {
      const x = rows ? rows[r - this.range.top]![c - this.range.left] : v;
      if (typeof x === 'string' && /^=/.test(x) && cell.format !== '@') throw new Error(`WPS fake: ${x} would become a formula`);
      cell.value = x === undefined || x === '' ? null : (x as CellValue);
      delete cell.formula;
    });
  }
  get Formula(): string {
    const cell = this.peek(this.range.top, this.range.left);
    if (cell?.formula) return cell.formula;
    const v = this.valueOf(this.range.top, this.range.left);
    return v === undefined ? '' : String(v);
  }
  set Formula(f: string) {
    if (!f.startsWith('=')) throw new Error(`WPS fake: Formula set to a constant (${f}) is not modelled`);
    this.each((cell) => (cell.formula = f));
  }
  get NumberFormat(): string | null {
    const seen = new Set<string>();
    for (let r = this.range.top; r <= this.range.bottom; r++) for (let c = this.range.left; c <= this.range.right; c++) seen.add(this.peek(r, c)?.format ?? 'General');
    return seen.size === 1 ? [...seen][0]! : null;
  }
  set NumberFormat(f: string | null) {
    this.each((cell) => (cell.format = f ?? 'General'));
  }
  private mergeOf(r: number, c: number): CellRange | undefined {
    return mergesOnRow(this.sheet, r).find((m) => c >= m.left && c <= m.right);
  }
  get MergeCells(): boolean | null {
    if (this.single) return !!this.mergeOf(this.range.top, this.range.left);
    let any = false;
    for (let r = this.range.top; r <= this.range.bottom && !any; r++) any = mergesOnRow(this.sheet, r).some((m) => m.left <= this.range.right && m.right >= this.range.left);
    return any ? null : false;
  }
  get MergeArea(): EtRangeFake {
    return this.sub(this.mergeOf(this.range.top, this.range.left) ?? this.range);
  }
  Merge(): void {
    this.sheet.merges.push({ ...this.range });
  }
  Address(_rowAbsolute = true, _colAbsolute = true): string {
    const a = a1(this.range.top, this.range.left);
    const abs = (s: string) => (_rowAbsolute || _colAbsolute ? s.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2') : s);
    return this.single ? abs(a) : `${abs(a)}:${abs(a1(this.range.bottom, this.range.right))}`;
  }
  get Interior(): EtInteriorFake {
    return strict(new EtInteriorFake(this.app, this.sheet, this.range), 'Interior', this.app.calls);
  }
  get Comment(): EtCommentFake | null {
    const at = a1(this.range.top, this.range.left);
    return this.sheet.notes.has(at) ? strict(new EtCommentFake(this.app, this.sheet, at), 'Comment', this.app.calls) : null;
  }
  AddComment(text: string): EtCommentFake {
    const at = a1(this.range.top, this.range.left);
    if (this.sheet.notes.has(at)) throw new Error(`WPS fake: ${at} already has a comment`);
    this.sheet.notes.set(at, text);
    return strict(new EtCommentFake(this.app, this.sheet, at), 'Comment', this.app.calls);
  }
  ClearComments(): void {
    for (let r = this.range.top; r <= this.range.bottom; r++) for (let c = this.range.left; c <= this.range.right; c++) this.sheet.notes.delete(a1(r, c));
  }
  ClearContents(): void {
    this.each((cell) => {
      cell.value = null;
      delete cell.formula;
    });
  }
  Select(): void {
    this.app.book.selection = { sheet: this.sheet.name, address: a1(this.range.top, this.range.left) };
  }
  get Font(): { Bold: boolean; Size: number; Name: string } {
    const sheet = this.sheet;
    const at = a1(this.range.top, this.range.left);
    return strict(
      {
        get Bold() {
          return sheet.bold.has(at);
        },
        set Bold(v: boolean) {
          if (v) sheet.bold.add(at);
          else sheet.bold.delete(at);
        },
        Size: 11,
        get Name() {
          return sheet.fontNames.get(at) ?? 'Calibri';
        },
        set Name(v: string) {
          if (typeof v !== 'string' || !v) throw new Error('WPS fake: Font.Name takes a font name');
          sheet.fontNames.set(at, v);
        },
      },
      'Font',
      this.app.calls,
    );
  }
  set WrapText(_v: boolean) {}
  get WrapText(): boolean {
    return false;
  }
  set HorizontalAlignment(v: number) {
    if (v === -4108) this.sheet.centred.add(a1(this.range.top, this.range.left));
  }
  get HorizontalAlignment(): number {
    return this.sheet.centred.has(a1(this.range.top, this.range.left)) ? -4108 : 1;
  }
  /** xlTop, xlCenter, xlBottom, xlJustify, xlDistributed. */
  set VerticalAlignment(v: number) {
    if (![-4160, -4108, -4107, -4130, -4117].includes(v)) throw new Error(`WPS fake: VerticalAlignment ${v}`);
  }
  get VerticalAlignment(): number {
    return -4107;
  }
  /** In points, 0 … 409 as in the application; recorded a row at a time as the office-js fake records it. */
  set RowHeight(v: number) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 409)) throw new Error(`WPS fake: RowHeight ${v}`);
    for (let r = this.range.top; r <= this.range.bottom; r++) this.sheet.rowHeights.set(r, v);
  }
  get RowHeight(): number {
    return this.sheet.rowHeights.get(this.range.top) ?? 13.5;
  }
  set ColumnWidth(_v: number) {}
  get ColumnWidth(): number {
    return 8.43;
  }
}

const isFakeRange = (x: unknown): x is EtRangeFake => typeof x === 'object' && x !== null && 'range' in x;

const ORIENTATIONS: Record<number, string> = { 1: 'Portrait', 2: 'Landscape' };
const PAPERS: Record<number, string> = { 9: 'A4', 8: 'A3', 1: 'Letter', 5: 'Legal' };

/**
 * Worksheet.PageSetup, strict as the application is: orientation and paper by their Xl numbers, Zoom a
 * percent of 10 … 400 or false, the fit to pages only once Zoom is off (else the application ignores it),
 * header and footer sections of at most 255 characters. What is set is recorded in the office-js fake's
 * shape (FakeSheet.print), so that the two hosts' setups compare as they are.
 */
class EtPageSetupFake {
  constructor(private readonly sheet: FakeSheet) {}
  private get print(): FakeSheet['print'] {
    return this.sheet.print;
  }
  set Orientation(v: number) {
    const name = ORIENTATIONS[v];
    if (!name) throw new Error(`WPS fake: Orientation ${v}`);
    this.print.orientation = name;
  }
  get Orientation(): number {
    return this.print.orientation === 'Landscape' ? 2 : 1;
  }
  set PaperSize(v: number) {
    const name = PAPERS[v];
    if (!name) throw new Error(`WPS fake: PaperSize ${v} is not modelled`);
    this.print.paperSize = name;
  }
  get PaperSize(): number {
    return 9;
  }
  set Zoom(v: number | false) {
    if (v !== false && !(typeof v === 'number' && Number.isInteger(v) && v >= 10 && v <= 400)) throw new Error(`WPS fake: Zoom ${String(v)}`);
    this.print.zoom = v === false ? { horizontalFitToPages: 0, verticalFitToPages: 0 } : { scale: v };
  }
  get Zoom(): number | false {
    return this.print.zoom?.scale ?? (this.print.zoom ? false : 100);
  }
  private fit(key: 'horizontalFitToPages' | 'verticalFitToPages', v: number | false): void {
    const zoom = this.print.zoom;
    if (!zoom || zoom.scale !== undefined) throw new Error('WPS fake: fitting to pages while Zoom is on is ignored (set Zoom = false first)');
    if (v !== false && !(Number.isInteger(v) && v >= 1)) throw new Error(`WPS fake: fit to ${String(v)} pages`);
    this.print.zoom = { ...zoom, [key]: v === false ? 0 : v };
  }
  set FitToPagesWide(v: number | false) {
    this.fit('horizontalFitToPages', v);
  }
  get FitToPagesWide(): number | false {
    return this.print.zoom?.horizontalFitToPages || false;
  }
  set FitToPagesTall(v: number | false) {
    this.fit('verticalFitToPages', v);
  }
  get FitToPagesTall(): number | false {
    return this.print.zoom?.verticalFitToPages || false;
  }
  set LeftMargin(v: number) {
    this.margin(v);
  }
  get LeftMargin(): number {
    return this.print.margins?.[0] ?? 50.4;
  }
  set RightMargin(v: number) {
    this.margin(v);
  }
  get RightMargin(): number {
    return this.print.margins?.[1] ?? 50.4;
  }
  private margin(v: number): void {
    if (typeof v !== 'number' || !(v >= 0)) throw new Error(`WPS fake: margin ${v}`);
    this.print.margins = [...(this.print.margins ?? []), v];
  }
  set PrintArea(v: string) {
    if (!/^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(v)) throw new Error(`WPS fake: PrintArea ${v}`);
    this.print.area = v.replace(/\$/g, '');
  }
  get PrintArea(): string {
    return this.print.area ?? '';
  }
  set PrintTitleRows(v: string) {
    if (!/^\$\d+:\$\d+$/.test(v)) throw new Error(`WPS fake: PrintTitleRows ${v}`);
    this.print.titleRows = v;
  }
  get PrintTitleRows(): string {
    return this.print.titleRows ?? '';
  }
  set PrintTitleColumns(v: string) {
    if (!/^\$[A-Z]{1,3}:\$[A-Z]{1,3}$/.test(v)) throw new Error(`WPS fake: PrintTitleColumns ${v}`);
    this.print.titleColumns = v;
  }
  get PrintTitleColumns(): string {
    return this.print.titleColumns ?? '';
  }
  private section(where: 'header' | 'footer', key: 'left' | 'center' | 'right', v: string): void {
    if (typeof v !== 'string' || v.length > 255) throw new Error(`WPS fake: ${key} ${where} of more than 255 characters`);
    this.print[where] = { ...this.print[where], [key]: v };
  }
  set LeftHeader(v: string) {
    this.section('header', 'left', v);
  }
  get LeftHeader(): string {
    return this.print.header?.left ?? '';
  }
  set CenterHeader(v: string) {
    this.section('header', 'center', v);
  }
  get CenterHeader(): string {
    return this.print.header?.center ?? '';
  }
  set RightHeader(v: string) {
    this.section('header', 'right', v);
  }
  get RightHeader(): string {
    return this.print.header?.right ?? '';
  }
  set LeftFooter(v: string) {
    this.section('footer', 'left', v);
  }
  get LeftFooter(): string {
    return this.print.footer?.left ?? '';
  }
  set CenterFooter(v: string) {
    this.section('footer', 'center', v);
  }
  get CenterFooter(): string {
    return this.print.footer?.center ?? '';
  }
  set RightFooter(v: string) {
    this.section('footer', 'right', v);
  }
  get RightFooter(): string {
    return this.print.footer?.right ?? '';
  }
}

class EtInteriorFake {
  constructor(
    private readonly app: EtApp,
    private readonly sheet: FakeSheet,
    private readonly range: CellRange,
  ) {}
  private first(): FakeCell | undefined {
    return this.sheet.get(this.range.top, this.range.left);
  }
  private each(fn: (cell: FakeCell) => void): void {
    for (let r = this.range.top; r <= this.range.bottom; r++) for (let c = this.range.left; c <= this.range.right; c++) fn(this.sheet.ensure(r, c));
  }
  get Pattern(): number {
    const f = this.first()?.fill;
    return f ? (PATTERNS[f.pattern] ?? 9) : -4142;
  }
  set Pattern(v: number) {
    this.each((cell) => {
      if (v === -4142) cell.fill = null;
      else cell.fill = { color: cell.fill?.color ?? '#FFFFFF', pattern: PATTERN_NAMES[v] ?? `Pattern${v}`, ...(cell.fill?.patternColor ? { patternColor: cell.fill.patternColor } : {}) };
    });
  }
  get Color(): number {
    return bgr(this.first()?.fill?.color ?? '#FFFFFF');
  }
  set Color(v: number) {
    this.each((cell) => (cell.fill = { color: hex(v), pattern: cell.fill && cell.fill.pattern !== 'Solid' ? cell.fill.pattern : 'Solid', ...(cell.fill?.patternColor ? { patternColor: cell.fill.patternColor } : {}) }));
  }
  get PatternColor(): number {
    return bgr(this.first()?.fill?.patternColor ?? '#000000');
  }
  set PatternColor(v: number) {
    this.each((cell) => {
      if (cell.fill) cell.fill = { ...cell.fill, patternColor: hex(v) };
    });
  }
  get ColorIndex(): number {
    return this.first()?.fill ? 1 : -4142;
  }
  set ColorIndex(v: number) {
    if (v !== -4142) throw new Error('WPS fake: only xlColorIndexNone is used');
    this.each((cell) => (cell.fill = null));
  }
}

/** The application object over a workbook, and the count of calls made on it. */
export function fakeEt(book: FakeBook): { app: EtApp; calls: EtCalls } {
  const calls = new EtCalls();
  return { app: strict(new EtApp(book, calls), 'Application', calls), calls };
}
