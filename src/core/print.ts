/**
 * How a sheet the product writes is set up to print, decided once for every host (ExcelJS, office-js,
 * the .xlsx patcher): A4, its header rows repeated on every page, a CJK font named, and a size a person
 * can read — at least 8 pt on paper. All columns go on one page wide only where the scale that takes
 * keeps the text at 8 pt or more; otherwise the sheet prints at the scale that does, its columns split
 * over pages. The scale is given as such (not as "fit to one page wide"), worked out from Excel's
 * measure of a column: where a reader's fonts are wider (LibreOffice without Calibri), the columns go on
 * over pages at the same readable size instead of shrinking below it.
 */

/** The smallest text, in points on paper, that a reviewer reads without a loupe. */
export const MIN_PRINT_PT = 8;

/** The font named for printed sheets: 宋体 (SimSun), with the GB2312 charset so that a reader without it picks a Chinese font. */
export const PRINT_FONT = { name: '宋体', size: 11, charset: 134 } as const;

/** A4 in points (portrait). */
const A4 = { width: 595.28, height: 841.89 } as const;

/** Page margins in inches (Excel's "narrow" sides, room for a page number below). */
export const PRINT_MARGINS = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 } as const;

export type Orientation = 'landscape' | 'portrait';

export interface PrintSetup {
  readonly orientation: Orientation;
  /** Rows (0-based, inclusive) printed at the top of every page. */
  readonly titleRows?: { readonly top: number; readonly bottom: number };
  /**
   * Columns (0-based, inclusive) printed at the left of every page where the columns go on over pages:
   * what names a row (序号, 项目名称), so that "错误数 2" on a later page still says whose it is.
   */
  readonly titleColumns?: { readonly left: number; readonly right: number };
  /** The page footer, in Excel's header/footer codes (&P page, &N pages, &D date); every host writes it as is. */
  readonly footer?: PageFooter;
  /** The page header (the unit and the year), in the same codes. */
  readonly header?: PageFooter;
  /**
   * Fit to one page wide, as many pages tall as it takes (fitToPage, fitToHeight 0 / 自动): each reader
   * works out the scale from its own measure of the columns, which were chosen narrow enough that the
   * widest reader's scale still keeps 8 pt. `scale` stays the one for hosts that cannot fit.
   */
  readonly fitToWidth?: boolean;
  /** The columns printed (0 … columns - 1): what lies right of them is for the screen only. */
  readonly columns?: number;
  /** 0-based rows a page starts at (manual breaks): a block that would not fit the rest of a page starts the next. */
  readonly breaks?: readonly number[];
  /** Every column fits one page wide at `scale`, in every reader; else they go on over pages. */
  readonly oneWide: boolean;
  /** The print scale in percent: the one that fits every column on a page wide, never below 8 pt on paper. */
  readonly scale: number;
  /** Row heights in points (0-based rows; absent: the reader's own), for rows whose text wraps. */
  readonly rowHeights: ReadonlyMap<number, number>;
}

export type PageSide = 'left' | 'center' | 'right';
export type PagePart = 'header' | 'footer';

/** The header and footer sections that hold text: every host writes each under its own name for it. */
export function pageTexts(p: PrintSetup): { readonly side: PageSide; readonly part: PagePart; readonly text: string }[] {
  const out: { side: PageSide; part: PagePart; text: string }[] = [];
  for (const part of ['header', 'footer'] as const)
    for (const side of ['left', 'center', 'right'] as const) {
      const text = p[part]?.[side];
      if (text) out.push({ side, part, text });
    }
  return out;
}

/** A footer's three parts (Excel's &L, &C, &R sections). */
export interface PageFooter {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/** 第 X 页 共 Y 页 in the middle, the date it was printed on the right: a filed page says where it is and when. */
export function pageNumberFooter(lang: 'zh' | 'en'): PageFooter {
  return { center: lang === 'en' ? 'Page &P of &N' : '第 &P 页 共 &N 页', right: '&D' };
}

/** A text as it goes into a header or footer: a literal & doubled, so that it is not read as a code. */
export function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** The footer as one Excel header/footer string (&L…&C…&R…). */
export function footerCodes(f: PageFooter): string {
  return `${f.left ? `&L${f.left}` : ''}${f.center ? `&C${f.center}` : ''}${f.right ? `&R${f.right}` : ''}`;
}

/**
 * A column's width on paper at 100 %, in points: Excel's width unit is the widest digit of the default
 * font (Calibri 11: 7 px) plus 5 px of padding, at 96 px to the inch.
 */
export function columnPoints(width: number): number {
  return (Math.trunc(width * 7 + 0.5) + 5) * 0.75;
}

/** The printable width of an A4 page in points, between side margins of `sidesIn` inches together. */
export function printableWidth(orientation: Orientation, sidesIn: number = PRINT_MARGINS.left + PRINT_MARGINS.right): number {
  const page = orientation === 'landscape' ? A4.height : A4.width;
  return page - sidesIn * 72;
}

/**
 * A width unit as the widest reader lays it out, in points at 100 %: LibreOffice without Calibri takes
 * the digit of DejaVu Sans 11 pt (7 pt) and adds no padding (measured from its PDF: a column of 8 is
 * 56 pt where Excel makes it 45.75).
 */
export const WIDE_READER_UNIT_PT = 7;

/**
 * The scale, in percent, at which these columns fill one page wide in the reader that lays them out
 * widest (Excel's measure or the wide reader's, whichever is wider): a fit-to-width page is at least this.
 */
export function leastFitScale(widths: readonly number[], orientation: Orientation): number {
  const excel = widths.reduce((a, w) => a + columnPoints(w), 0);
  const wide = widths.reduce((a, w) => a + w * WIDE_READER_UNIT_PT, 0);
  return Math.min(100, Math.floor((printableWidth(orientation) / Math.max(excel, wide, 1)) * 100));
}

/** The printable height of an A4 page in points at 100 %, between the top and bottom margins. */
export function printableHeight(orientation: Orientation): number {
  const page = orientation === 'landscape' ? A4.width : A4.height;
  return page - (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * 72;
}

/**
 * The rows each block of rows starts a page at: a block that does not fit what is left of the page (with
 * the blank rows before it) goes to the next. `pageHeight` is the page at the largest scale a reader takes
 * (at a smaller one more fits: the manual breaks still come first, and no block straddles one the reader
 * adds). A block taller than a page starts one and runs on.
 */
export function blockBreaks(blocks: readonly { readonly top: number; readonly bottom: number; readonly newPage?: boolean }[], heightOf: (row: number) => number, pageHeight: number): number[] {
  const breaks: number[] = [];
  const sum = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += heightOf(r);
    return h;
  };
  let used = 0;
  let row = 0;
  for (const b of blocks) {
    const gap = sum(row, b.top - 1);
    const height = sum(b.top, b.bottom);
    if (b.top > 0 && (b.newPage || used + gap + height > pageHeight)) {
      breaks.push(b.top);
      used = height % pageHeight;
    } else used += gap + height;
    row = b.bottom + 1;
  }
  return breaks;
}

/** The scale, in percent, at which these columns fill one page wide in Excel's measure (the narrowest reader): no reader prints them larger. */
export function largestFitScale(widths: readonly number[], orientation: Orientation): number {
  const excel = widths.reduce((a, w) => a + columnPoints(w), 0);
  return Math.min(100, Math.floor((printableWidth(orientation) / Math.max(excel, 1)) * 100));
}

/**
 * How much wider than Excel a reader may lay the same columns out: LibreOffice without Calibri measures a
 * width unit in DejaVu Sans, about 1.4 times Excel's. The scale is chosen so that the columns fit one page
 * wide in such a reader too, wherever that keeps 8 pt.
 */
export const READER_SLACK = 1.4;

/**
 * The setup for columns of these widths whose smallest text is `fontPt` at 100 %: the scale that fits
 * them on one page wide in every reader (READER_SLACK), but never less than the one that keeps 8 pt —
 * then the columns go on over pages, at that readable size.
 */
export function printSetup(
  widths: readonly number[],
  fontPt: number,
  orientation: Orientation,
  titleRows?: PrintSetup['titleRows'],
  rowHeights: ReadonlyMap<number, number> = new Map(),
  sidesIn?: number,
): PrintSetup {
  const total = widths.reduce((a, w) => a + (w > 0 ? columnPoints(w) : 0), 0) * READER_SLACK;
  const fit = Math.min(100, Math.floor((printableWidth(orientation, sidesIn) / Math.max(total, 1)) * 100));
  const least = Math.min(100, Math.ceil((MIN_PRINT_PT / fontPt) * 100));
  return { orientation, oneWide: fit >= least, scale: Math.max(fit, least), rowHeights, ...(titleRows ? { titleRows } : {}) };
}

/** A text's width in points at `fontPt`: CJK and full-width characters an em, others (Latin, digits) 0.62 em. */
export function textPoints(text: string, fontPt: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(ch) ? 1 : 0.62;
  return em * fontPt;
}

/** How many lines a text takes wrapped in a cell `widthPt` wide (its explicit line breaks counted). */
export function linesIn(text: string, widthPt: number, fontPt: number): number {
  const room = Math.max(widthPt - 4, fontPt);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textPoints(line, fontPt) / room)), 0);
}

/** A row's height for this many lines of text, with the line spacing of CJK fonts (1.5 em). */
export function rowHeightFor(lines: number, fontPt: number): number {
  return Math.ceil(lines * fontPt * 1.5 + 3);
}
