/**
 * A package that is not what it says it is: a part it refers to is missing, two sheets share a name, a
 * part's bytes fail their checksum, its XML does not close what it opens, a cell lies outside Excel's
 * grid. Each is said as data (which part, which sheet, which cell), so that the command line can name
 * it in the user's language; such a workbook is reported as broken, never passed as clean.
 */

/** Excel's grid: 1,048,576 rows, 16,384 columns (A … XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export type Fault =
  /** A cell (or a row) outside Excel's grid; `cell` as written in the part. */
  | { readonly kind: 'beyondGrid'; readonly part: string; readonly sheet: string; readonly cell: string }
  /** A part the package refers to is not in it. */
  | { readonly kind: 'missingPart'; readonly part: string; readonly sheet?: string }
  /** A cell refers to a shared string the package does not have. */
  | { readonly kind: 'missingString'; readonly part: string; readonly sheet: string; readonly cell: string }
  /** The part's XML is not well formed (`detail` says where). */
  | { readonly kind: 'badXml'; readonly part: string; readonly sheet?: string; readonly detail: string }
  | { readonly kind: 'duplicateSheet'; readonly part: string; readonly sheet: string }
  | { readonly kind: 'duplicateEntry'; readonly part: string }
  /** The part's bytes do not match their checksum (CRC-32). */
  | { readonly kind: 'badCrc'; readonly part: string; readonly sheet?: string };

export class BrokenPackage extends Error {
  constructor(readonly fault: Fault) {
    super(describeFault(fault));
  }
}

/** A plain English description (for logs and tests; the command line says it in the user's language). */
function describeFault(f: Fault): string {
  const where = 'sheet' in f && f.sheet !== undefined ? `sheet ${f.sheet} (${f.part})` : f.part;
  switch (f.kind) {
    case 'beyondGrid':
      return `${where}: cell ${f.cell} is outside Excel's grid`;
    case 'missingPart':
      return `${where}: missing part`;
    case 'missingString':
      return `${where}: cell ${f.cell} refers to a shared string that is not there`;
    case 'badXml':
      return `${where}: ${f.detail}`;
    case 'duplicateSheet':
      return `two sheets are named ${f.sheet}`;
    case 'duplicateEntry':
      return `${f.part} is in the package twice`;
    case 'badCrc':
      return `${f.part}: checksum mismatch`;
  }
}

/** Text of a cell reference as found in a part, cut short and kept printable for a message. */
export function shownRef(ref: string): string {
  return ref.length > 24 ? `${ref.slice(0, 24)}…` : ref;
}
