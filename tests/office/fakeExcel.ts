/**
 * An honest fake of the office-js objects the Excel host uses. Like office-js, a loaded property can
 * only be read after a context.sync(), null objects say so only after a sync, and every sync is
 * counted. Writes land in an in-memory workbook that tests inspect.
 */
import type ExcelJS from 'exceljs';
import { type CellRange, type CellValue, a1, isCellError, parseA1, parseRangeA1 } from '../../src/core/grid';
import { sheetToGrid } from '../../src/xlsx/read';

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string;
}

export interface FakeCell {
  value: CellValue;
  format: string;
  fill: FakeFill | null;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  notes = new Map<string, string>();
  protected = false;
  visibility = 'Visible';
  charts: { type: string; source: string; title: string; legend: boolean; position?: [string, string] }[] = [];
  frozenRows = 0;
  links = new Map<string, string>();
  bold = new Set<string>();
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

export class FakeBook {
  sheets: FakeSheet[] = [];
  active = '';
  selection: { sheet: string; address: string } | null = null;
  writes = 0;

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  static fromExcelJS(wb: ExcelJS.Workbook): FakeBook {
    const book = new FakeBook();
    wb.eachSheet((ws) => {
      const grid = sheetToGrid(ws);
      const sheet = new FakeSheet(ws.name, [...grid.merges]);
      grid.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          const cell = sheet.ensure(r, c);
          cell.value = v;
          cell.format = grid.formats?.[r]?.[c] ?? 'General';
        }),
      );
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (c) => {
          const f = c.style?.fill as ExcelJS.FillPattern | undefined;
          if (f && f.type === 'pattern' && f.pattern === 'solid' && f.fgColor?.argb) {
            sheet.ensure(Number(c.row) - 1, Number(c.col) - 1).fill = { color: `#${f.fgColor.argb.slice(-6)}`, pattern: 'Solid' };
          }
        }),
      );
      book.sheets.push(sheet);
    });
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
        .map(([k, c]) => [k, c.value, c.fill ? { ...c.fill } : null])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      notes: [...s.notes.entries()].sort(),
    }));
  }
}

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before context.sync()`);
  }
}

export class FakeContext {
  syncs = 0;
  private pending: (() => void)[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly book: FakeBook) {
    this.workbook = new FakeWorkbook(this);
  }
  defer(fn: () => void): void {
    this.pending.push(fn);
  }
  async sync(): Promise<void> {
    this.syncs++;
    const work = this.pending;
    this.pending = [];
    for (const fn of work) fn();
  }
}

/** A value that becomes readable at the next sync. */
class Later<T> {
  private ready = false;
  private v!: T;
  constructor(
    private readonly ctx: FakeContext,
    private readonly what: string,
    compute: () => T,
  ) {
    ctx.defer(() => {
      this.v = compute();
      this.ready = true;
    });
  }
  get value(): T {
    if (!this.ready) throw new NotLoaded(this.what);
    return this.v;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
  }
}

class FakeWorksheets {
  private loadedItems: Later<FakeWorksheet[]> | null = null;
  constructor(private readonly ctx: FakeContext) {}
  load(props: string): void {
    this.loadedItems = new Later(this.ctx, 'worksheets.items', () =>
      this.ctx.book.sheets.map((sheet) => {
        const ws = new FakeWorksheet(this.ctx, () => sheet);
        ws.loadNow(props);
        return ws;
      }),
    );
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new NotLoaded('worksheets.items');
    return this.loadedItems.value;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(this.ctx.book.active) ?? null);
  }
  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? null);
    if (!this.ctx.book.sheet(name)) throw new Error(`ItemNotFound: ${name}`);
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? null);
  }
  add(name: string): FakeWorksheet {
    const sheet = new FakeSheet(name);
    this.ctx.book.sheets.push(sheet);
    this.ctx.book.writes++;
    return new FakeWorksheet(this.ctx, () => sheet);
  }
}

class FakeWorksheet {
  private readonly nullState: Later<boolean>;
  private loadedName: Later<string> | null = null;
  readonly protection: { load: (p: string) => void; readonly protected: boolean };
  readonly notes: FakeNotes;
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => FakeSheet | null,
  ) {
    this.nullState = new Later(ctx, 'isNullObject', () => resolve() === null);
    let prot: Later<boolean> | null = null;
    this.protection = {
      load: () => {
        prot = new Later(ctx, 'protection.protected', () => this.sheet.protected);
      },
      get protected() {
        if (!prot) throw new NotLoaded('protection.protected');
        return prot.value;
      },
    };
    this.notes = new FakeNotes(ctx, () => this.sheet);
  }
  private get sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new Error('ItemNotFound: worksheet');
    return s;
  }
  get isNullObject(): boolean {
    return this.nullState.value;
  }
  load(props: string): void {
    const wanted = props.split(',').map((p) => p.trim());
    if (wanted.includes('name')) this.loadedName = new Later(this.ctx, 'name', () => this.resolve()?.name ?? '');
    if (wanted.includes('protection/protected')) this.protection.load('protected');
  }
  get name(): string {
    if (this.loadedProps.includes('name')) return this.sheet.name;
    if (!this.loadedName) throw new NotLoaded('worksheet.name');
    return this.loadedName.value;
  }
  /** For collection items loaded with the collection: their properties are there with it. */
  loadNow(props: string): void {
    this.loadedProps = props;
  }
  private loadedProps = '';
  get visibility(): string {
    if (!this.loadedProps.includes('visibility')) throw new NotLoaded('worksheet.visibility');
    return this.sheet.visibility;
  }
  set visibility(v: string) {
    this.sheet.visibility = v;
    this.ctx.book.writes++;
  }
  set position(p: number) {
    const s = this.sheet;
    const rest = this.ctx.book.sheets.filter((x) => x !== s);
    rest.splice(p, 0, s);
    this.ctx.book.sheets = rest;
  }
  get charts() {
    const sheet = this.sheet;
    const book = this.ctx.book;
    return {
      add: (type: string, source: FakeRange, _by: string) => {
        const chart = { type, source: source.addressNow(), title: '', legend: true, position: undefined as [string, string] | undefined };
        sheet.charts.push(chart);
        book.writes++;
        return {
          title: { set text(t: string) { chart.title = t; } },
          legend: { set visible(v: boolean) { chart.legend = v; } },
          setPosition: (a: string, b: string) => (chart.position = [a, b]),
        };
      },
    };
  }
  get freezePanes() {
    const sheet = this.sheet;
    return { freezeRows: (n: number) => (sheet.frozenRows = n) };
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      return s ? { sheet: s, range: s.usedRange(valuesOnly) } : { sheet: null, range: null };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet, range: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }));
  }
  getRange(address: string): FakeRange {
    const r = parseRangeA1(address);
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet, range: r }));
  }
  activate(): void {
    this.ctx.book.active = this.sheet.name;
  }
  delete(): void {
    const s = this.sheet;
    this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
    this.ctx.book.writes++;
  }
}

class FakeNotes {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, address);
  }
  getItem(address: string): FakeNote {
    if (!this.sheet().notes.has(address)) throw new Error(`ItemNotFound: note ${address}`);
    return new FakeNote(this.ctx, this.sheet, address);
  }
  add(address: string, content: string): void {
    const s = this.sheet();
    if (s.notes.has(address)) throw new Error(`InvalidArgument: ${address} already has a note`);
    s.notes.set(address, content);
    this.ctx.book.writes++;
  }
}

class FakeNote {
  private readonly state: Later<string | null>;
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly address: string,
  ) {
    this.state = new Later(ctx, 'note', () => sheet().notes.get(address) ?? null);
  }
  load(): void {}
  get isNullObject(): boolean {
    return this.state.value === null;
  }
  get content(): string {
    const v = this.state.value;
    if (v === null) throw new Error('note is a null object');
    return v;
  }
  delete(): void {
    this.sheet().notes.delete(this.address);
    this.ctx.book.writes++;
  }
}

type Target = { sheet: FakeSheet | null; range: CellRange | null };

class FakeRange {
  private target: Later<Target>;
  private snap: Later<{ values: unknown[][]; valueTypes: string[][]; numberFormat: string[][] }> | null = null;
  readonly format: {
    fill: { color: string; pattern: string; patternColor: string; clear: () => void };
    font: { bold: boolean; size: number };
    wrapText: boolean;
    columnWidth: number;
  };
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Target,
  ) {
    this.target = new Later(ctx, 'range', resolve);
    const each = (fn: (cell: FakeCell) => void) => {
      const { sheet, range } = this.resolve();
      if (!sheet || !range) throw new Error('InvalidReference');
      if (sheet.protected) throw new Error('AccessDenied: the sheet is protected');
      for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) fn(sheet.ensure(r, c));
      ctx.book.writes++;
    };
    // Like office-js: the fill of a range's top-left cell can be loaded and read after a sync.
    let loaded: Later<FakeFill | null> | null = null;
    const read = (what: 'color' | 'pattern' | 'patternColor') => {
      if (!loaded) throw new NotLoaded(`format.fill.${what}`);
      const f = loaded.value;
      if (what === 'color') return f?.color ?? '#FFFFFF';
      if (what === 'pattern') return f?.pattern ?? 'None';
      return f?.patternColor ?? '#000000';
    };
    this.format = {
      fill: {
        load: () => {
          loaded = new Later(ctx, 'format.fill', () => {
            const { sheet, range } = this.resolve();
            const f = sheet && range ? sheet.get(range.top, range.left)?.fill : null;
            return f ? { ...f } : null;
          });
        },
        get color() {
          return read('color');
        },
        set color(v: string) {
          each((cell) => (cell.fill = { color: v.toUpperCase(), pattern: 'Solid' }));
        },
        get pattern() {
          return read('pattern');
        },
        set pattern(v: string) {
          each((cell) => (cell.fill = { color: cell.fill?.color ?? '#FFFFFF', pattern: v }));
        },
        get patternColor() {
          return read('patternColor');
        },
        set patternColor(v: string) {
          each((cell) => cell.fill && (cell.fill.patternColor = v));
        },
        clear: () => each((cell) => (cell.fill = null)),
      } as unknown as { color: string; pattern: string; patternColor: string; clear: () => void },
      font: {
        set bold(v: boolean) {
          const { sheet, range } = resolve();
          if (v && sheet && range) sheet.bold.add(a1(range.top, range.left));
        },
        set size(_v: number) {},
      } as unknown as { bold: boolean; size: number },
      wrapText: false,
      columnWidth: 0,
    };
  }
  get isNullObject(): boolean {
    return this.target.value.range === null;
  }
  private get bounds(): CellRange {
    const r = this.target.value.range;
    if (!r) throw new Error('null object');
    return r;
  }
  get rowIndex(): number {
    return this.bounds.top;
  }
  get columnIndex(): number {
    return this.bounds.left;
  }
  get rowCount(): number {
    return this.bounds.bottom - this.bounds.top + 1;
  }
  get columnCount(): number {
    return this.bounds.right - this.bounds.left + 1;
  }
  get address(): string {
    if (this.mergedAddress !== null) return this.mergedAddress;
    return `${a1(this.bounds.top, this.bounds.left)}:${a1(this.bounds.bottom, this.bounds.right)}`;
  }
  private mergedAddress: string | null = null;
  load(): void {
    this.snap = new Later(this.ctx, 'range values', () => {
      const { sheet, range } = this.resolve();
      const values: unknown[][] = [];
      const valueTypes: string[][] = [];
      const numberFormat: string[][] = [];
      if (sheet && range) {
        for (let r = range.top; r <= range.bottom; r++) {
          const vs: unknown[] = [];
          const ts: string[] = [];
          const fs: string[] = [];
          for (let c = range.left; c <= range.right; c++) {
            const cell = sheet.get(r, c);
            const v = cell?.value ?? null;
            vs.push(v === null ? '' : isCellError(v) ? v.error : v);
            ts.push(v === null ? 'Empty' : isCellError(v) ? 'Error' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
            fs.push(cell?.format ?? 'General');
          }
          values.push(vs);
          valueTypes.push(ts);
          numberFormat.push(fs);
        }
      }
      return { values, valueTypes, numberFormat };
    });
  }
  get values(): unknown[][] {
    if (!this.snap) throw new NotLoaded('range.values');
    return this.snap.value.values;
  }
  set values(v: unknown[][]) {
    const { sheet, range } = this.resolve();
    if (!sheet || !range) throw new Error('InvalidReference');
    if (sheet.protected) throw new Error('AccessDenied: the sheet is protected');
    v.forEach((row, i) => row.forEach((x, j) => (sheet.ensure(range.top + i, range.left + j).value = x === '' ? null : (x as CellValue))));
    this.ctx.book.writes++;
  }
  get valueTypes(): string[][] {
    if (!this.snap) throw new NotLoaded('range.valueTypes');
    return this.snap.value.valueTypes;
  }
  get numberFormat(): string[][] {
    if (!this.snap) throw new NotLoaded('range.numberFormat');
    return this.snap.value.numberFormat;
  }
  set numberFormat(v: string[][]) {
    const { sheet, range } = this.resolve();
    if (!sheet || !range) throw new Error('InvalidReference');
    v.forEach((row, i) => row.forEach((f, j) => (sheet.ensure(range.top + i, range.left + j).format = f)));
  }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    const { sheet, range } = this.resolve();
    sheet!.links.set(a1(range!.top, range!.left), h.documentReference ?? h.address ?? '');
  }
  merge(): void {
    const { sheet, range } = this.resolve();
    sheet!.merges.push(range!);
  }
  /** The address as known now (for fakes of methods that take a range). */
  addressNow(): string {
    const { range } = this.resolve();
    return `${a1(range!.top, range!.left)}:${a1(range!.bottom, range!.right)}`;
  }
  getMergedAreasOrNullObject(): FakeRange {
    const merged = new FakeRange(this.ctx, () => {
      const { sheet, range } = this.resolve();
      const inside = sheet && range ? sheet.merges.filter((m) => m.top >= range.top && m.bottom <= range.bottom && m.left >= range.left && m.right <= range.right) : [];
      merged.mergedAddress = inside.map((m) => `${sheet!.name}!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(', ');
      return { sheet, range: inside.length ? inside[0]! : null };
    });
    return merged;
  }
  clear(): void {
    const { sheet, range } = this.resolve();
    if (!sheet || !range) throw new Error('InvalidReference');
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) {
      const cell = sheet.get(r, c);
      if (cell) cell.value = null;
    }
    this.ctx.book.writes++;
  }
  select(): void {
    const { sheet, range } = this.resolve();
    this.ctx.book.selection = { sheet: sheet!.name, address: a1(range!.top, range!.left) };
  }
}

/** Excel.run over the fake, counting the syncs of each run. */
export function fakeRunner(book: FakeBook): { run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>; syncs: number[] } {
  const syncs: number[] = [];
  return {
    syncs,
    run: async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const ctx = new FakeContext(book);
      try {
        return await batch(ctx as unknown as Excel.RequestContext);
      } finally {
        syncs.push(ctx.syncs);
      }
    },
  };
}
