/**
 * Finding the product's own marks on a sheet: from its state where the sheet still holds what the state
 * says, and by what they are where it does not (a LibreOffice or WPS save, a renamed sheet, a deleted
 * state sheet): the 复核结果 column by its title and its texts, notes by their signature. Nothing else is
 * ever taken for the product's.
 */
import { type CellValue, type Grid, a1, forEachCell, parseA1, valueAt } from '../grid';
import type { SheetState } from './state';
import { type Fill, NO_FILL } from './fill';
import { hasOurNote } from './note';

/** What a host can tell of a sheet before anything is written. */
export interface SheetNow {
  readonly grid: Grid;
  /** Every note (批注) on the sheet, by A1 address. */
  readonly notes: ReadonlyMap<string, string>;
  /** Cells that carry a threaded comment: a note cannot be added there. */
  readonly threaded?: ReadonlySet<string>;
}

export interface OwnMarks {
  /** 复核结果 cells that still hold what the product wrote, with that text. */
  readonly column: ReadonlyMap<string, string>;
  /** Cells the product may have filled, and the fill to give back if they still carry its mark. */
  readonly fills: ReadonlyMap<string, Fill>;
  /** Cells whose note holds the product's block (with the block as written, where the state has it). */
  readonly notes: ReadonlyMap<string, string | undefined>;
}

export const COLUMN_TITLES = ['复核结果', 'Review'] as const;

/** The texts the product writes in its column. */
const REVIEW_TEXT = /^(✓$|[✗⚠ℹ] |复核总分 |无法复核总分$|未复核等级$|未评级（分值合计不为 100）$|Recomputed total |Total cannot be recomputed$|grade not checked$|ungraded \(weights do not add up to 100\)$)/;

/** A text the product writes in its column (a title, a ✓, a finding, a total). */
export function isReviewText(t: string): boolean {
  return COLUMN_TITLES.includes(t as (typeof COLUMN_TITLES)[number]) || REVIEW_TEXT.test(t);
}

/** How many blank rows a column of the product's may have between two of its cells (the goals rows). */
const MAX_GAP = 12;

function text(v: CellValue): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The product's columns, by their title and the texts under it. */
function columnsByWhatTheyAre(grid: Grid): Map<string, string> {
  const out = new Map<string, string>();
  grid.values.forEach((row, r) => {
    forEachCell(row, (v, c) => {
      if (!COLUMN_TITLES.includes(v as (typeof COLUMN_TITLES)[number])) return;
      out.set(a1(r, c), v as string);
      let gap = 0;
      for (let k = r + 1; k < grid.values.length && gap <= MAX_GAP; k++) {
        const t = text(valueAt(grid, k, c));
        if (t === undefined || t.trim() === '') {
          if (valueAt(grid, k, c) !== null) break;
          gap++;
          continue;
        }
        if (COLUMN_TITLES.includes(t as (typeof COLUMN_TITLES)[number])) {
          out.set(a1(k, c), t);
          gap = 0;
          continue;
        }
        if (!REVIEW_TEXT.test(t)) break;
        out.set(a1(k, c), t);
        gap = 0;
      }
    });
  });
  return out;
}

export function findOwn(now: SheetNow, state?: SheetState): OwnMarks {
  const column = new Map<string, string>();
  const fills = new Map<string, Fill>();
  const notes = new Map<string, string | undefined>();
  const valueOf = (cell: string) => {
    const { row, col } = parseA1(cell);
    return valueAt(now.grid, row, col);
  };
  // What the state says, where the sheet still agrees.
  if (state) {
    // A cell is the product's only while it holds a text the product writes: a stale or hand-made
    // state that names a project's name or an amount erases nothing.
    state.written.forEach((cell, i) => {
      const t = state.texts[i]!;
      if (valueOf(cell) === t && isReviewText(t)) column.set(cell, t);
    });
    for (const m of state.marked) {
      fills.set(m.cell, m.fill);
      if (hasOurNote(now.notes.get(m.cell))) notes.set(m.cell, m.block);
    }
  }
  // What is the product's by what it is.
  for (const [cell, t] of columnsByWhatTheyAre(now.grid)) {
    column.set(cell, t);
    if (!fills.has(cell)) fills.set(cell, NO_FILL);
  }
  for (const [cell, note] of now.notes) {
    if (!hasOurNote(note)) continue;
    if (!notes.has(cell)) notes.set(cell, undefined);
    if (!fills.has(cell)) fills.set(cell, NO_FILL);
  }
  return { column, fills, notes };
}

/** The grid as it was before the product wrote its column: its cells read as empty. */
export function withoutColumn(grid: Grid, own: OwnMarks): Grid {
  if (own.column.size === 0) return grid;
  const values = grid.values.map((row) => row.slice()) as CellValue[][];
  for (const cell of own.column.keys()) {
    const { row, col } = parseA1(cell);
    if (values[row] && col < values[row]!.length) values[row]![col] = null;
  }
  return { ...grid, values };
}
