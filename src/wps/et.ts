/**
 * The part of WPS 表格's JavaScript object model (JSAPI) the add-in uses, typed.
 *
 * Sources: WPS 开放平台, "WPS 加载项开发 / JSAPI 参考 / 表格 (ET)" (open.wps.cn, the 表格 object model,
 * which follows the Excel VBA object model member for member: Application.ActiveSheet, Worksheet.UsedRange,
 * Range.Value2 / NumberFormat / Formula / MergeCells / MergeArea / Interior / Comment / AddComment, Worksheets.Add,
 * Worksheet.Visible with xlSheetVeryHidden, Hyperlinks.Add, Application.CreateTaskPane,
 * Application.ApiEvent.AddApiEventListener), and the project template `wpsjs create` writes (ribbon.js:
 * OnAddinLoad, OnAction, GetImage; taskpane creation and PluginStorage). This machine has no network, so
 * these were not re-read here: every call below that the templates do not show is used so that it
 * degrades gracefully (a try, and the check goes on without it), as noted where it is made.
 */

/** A Range of 表格: one cell or many. Value2 of many cells is an array of rows. */
export interface EtRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number; Item(i: number): EtRange };
  Value2: unknown;
  /** One format, or null when the cells' formats differ. */
  NumberFormat: string | null;
  /** A cell's formula ("=…"), or its value as text when it holds none. */
  Formula: string;
  /** True, false, or null when some cells are merged and some not. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Interior: EtInterior;
  readonly Comment: EtComment | null;
  AddComment(text: string): EtComment;
  ClearComments(): void;
  ClearContents(): void;
  Item(row: number, col: number): EtRange;
  Select(): void;
  readonly Font: { Bold: boolean; Size: number; Name: string };
  WrapText: boolean;
  HorizontalAlignment: number;
  /** xlTop (-4160), xlCenter (-4108), xlBottom (-4107). */
  VerticalAlignment: number;
  ColumnWidth: number;
  /** In points. */
  RowHeight: number;
  Merge(): void;
}

export interface EtInterior {
  /** BGR as a number: 0xBBGGRR. */
  Color: number;
  /** xlPatternNone (-4142), xlSolid (1), or another pattern. */
  Pattern: number;
  PatternColor: number;
  ColorIndex: number;
}

export interface EtComment {
  Text(text?: string): string;
  Delete(): void;
  readonly Parent: EtRange;
}

/**
 * Worksheet.PageSetup, as in Excel VBA: margins in points; Zoom a percent, or false so that
 * FitToPagesWide / FitToPagesTall decide (false there: as many pages as it takes). Header and footer
 * sections take Excel's codes (&P page, &N pages, &D date).
 */
export interface EtPageSetup {
  /** xlPortrait (1), xlLandscape (2). */
  Orientation: number;
  /** xlPaperA4 (9). */
  PaperSize: number;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  LeftMargin: number;
  RightMargin: number;
  /** An A1 address ("A1:Q40"). */
  PrintArea: string;
  /** Rows ("$5:$5") and columns ("$A:$B") printed on every page. */
  PrintTitleRows: string;
  PrintTitleColumns: string;
  LeftHeader: string;
  CenterHeader: string;
  RightHeader: string;
  LeftFooter: string;
  CenterFooter: string;
  RightFooter: string;
}

export interface EtWorksheet {
  Name: string;
  /** xlSheetVisible (-1), xlSheetHidden (0), xlSheetVeryHidden (2). */
  Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  Range(address: string): EtRange;
  readonly Comments: { readonly Count: number; Item(i: number): EtComment };
  readonly PageSetup: EtPageSetup;
  /** A manual page break above the row of the cell given. */
  readonly HPageBreaks: { Add(before: EtRange): unknown };
  readonly Hyperlinks: { Add(anchor: EtRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown };
  Activate(): void;
  Delete(): void;
}

export interface EtWorksheets {
  readonly Count: number;
  Item(indexOrName: number | string): EtWorksheet;
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
  readonly ProtectStructure: boolean;
  readonly Name: string;
}

export interface EtTaskPane {
  readonly ID: string;
  Visible: boolean;
  DockPosition: number;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  DisplayAlerts: boolean;
  CreateTaskPane(url: string): EtTaskPane;
  GetTaskPane(id: string): EtTaskPane;
  readonly PluginStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  readonly ApiEvent?: { AddApiEventListener(event: string, handler: (...args: unknown[]) => void): void };
}

export const XL = {
  sheetVisible: -1,
  sheetVeryHidden: 2,
  patternNone: -4142,
  solid: 1,
  colorIndexNone: -4142,
  center: -4108,
  top: -4160,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  dockRight: 2,
} as const;

/** PluginStorage key: an action (fill) the ribbon asks of the task pane already open. */
export const PANE_ACTION_KEY = 'selfeval_pane_action';

/**
 * The application object WPS gives the add-in's pages: window.Application, or the property
 * wps.EtApplication (a property, as the wpsjs templates use it; a build that made it a function is
 * called), or wps.Application.
 */
export function etApplication(): EtApplication | undefined {
  const w = globalThis as unknown as { Application?: EtApplication; wps?: { EtApplication?: EtApplication | (() => EtApplication); Application?: EtApplication } };
  const et = w.wps?.EtApplication;
  return w.Application ?? (typeof et === 'function' ? et() : et) ?? w.wps?.Application;
}

/** RRGGBB ↔ 表格's BGR number. */
export function bgrOf(rgb: string): number {
  const hex = rgb.replace(/^#/, '').slice(-6);
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  return (b << 16) | (g << 8) | r;
}

export function rgbOf(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return [r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
}
