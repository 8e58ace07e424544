/**
 * A report as the engine sees it: its paragraphs in order (numbered from 1, as a reader counts them, empty
 * ones not counted) and its tables, each a grid of its own (merged cells as merges, the value in the
 * top-left cell), named "表1", "表2"… in document order.
 */
import type { Grid } from '../grid';

export interface Paragraph {
  /** 1-based, counting the document's non-empty paragraphs outside tables. */
  readonly index: number;
  readonly text: string;
}

export interface ReportDocument {
  readonly paragraphs: readonly Paragraph[];
  readonly tables: readonly Grid[];
}

/** The name a document's n-th table (0-based) is reported under. */
export function tableName(n: number): string {
  return `表${n + 1}`;
}
