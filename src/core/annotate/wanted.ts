/**
 * What a check wants on a sheet (SPEC §5), worked out once in the engine so that every host writes the
 * same: the cells to mark with their note blocks, and the 复核结果 column just right of each table, in the
 * first column whose cells beside the table are all empty.
 */
import { type CellRange, type Grid, a1, isBlank, parseA1, valueAt } from '../grid';
import { type Finding, type Lang, type Severity, GRADE_EN, SEVERITY_ORDER, findingMessage, inReviewColumn, shortMessage } from '../findings';
import type { SheetResult } from '../engine';
import type { TableResult } from '../check/result';
import { fmt2 } from '../numbers';
import type { MarkSeverity } from './fill';
import { noteBlock } from './note';
import { COLUMN_TITLES } from './own';
import { type Changes, changesSince, changesText, findingIds } from './changes';
import { type StoredVerdict, verdictsOf } from './verdicts';

export interface CellMark {
  readonly row: number;
  readonly col: number;
  readonly cell: string;
  readonly severity: MarkSeverity;
  /** The note block: every finding on the cell, one per line, then the signature. */
  readonly note: string;
}

export type ColumnCellKind = 'header' | 'ok' | 'error' | 'warning' | 'info' | 'total';

export interface ColumnCell {
  readonly row: number;
  readonly col: number;
  readonly cell: string;
  readonly value: string;
  readonly kind: ColumnCellKind;
}

/** A note the product adds to a cell it does not mark (the 复核结果 header's what-changed line). */
export interface CellNote {
  readonly row: number;
  readonly col: number;
  readonly cell: string;
  readonly note: string;
}

export interface Wanted {
  readonly sheet: string;
  readonly marks: readonly CellMark[];
  readonly column: readonly ColumnCell[];
  readonly notes?: readonly CellNote[];
  /** What changed since the last check (undefined on a first check). */
  readonly changes?: Changes;
  /** What the sheet's state keeps of this check: the verdicts still standing and its findings. */
  readonly review?: { readonly verdicts: readonly StoredVerdict[]; readonly last: readonly string[] };
}

export interface WantedOptions {
  readonly lang?: Lang;
  /** Write notes on marked cells (hosts without notes keep the message in the column). */
  readonly notes?: boolean;
  /** Write the 复核结果 column. */
  readonly column?: boolean;
  /** The last check's findings as code@cell (the sheet's state), to say what changed since. */
  readonly last?: readonly string[];
  /** The edited cell that started an automatic check (自动校验). */
  readonly startedBy?: string;
}

const SYMBOL: Record<Severity, string> = { error: '✗', warning: '⚠', info: 'ℹ' };

export function columnTitle(lang: Lang): string {
  return lang === 'en' ? COLUMN_TITLES[1] : COLUMN_TITLES[0];
}

/** `grid` is the sheet without the product's earlier column (own.ts: withoutColumn). */
export function wantedOn(grid: Grid, result: SheetResult, options: WantedOptions = {}): Wanted {
  const lang = options.lang ?? 'zh';
  const marks = wantedMarks(result, lang, options.notes !== false);
  const column: ColumnCell[] = [];
  const headers: { range: CellRange; header: ColumnCell }[] = [];
  if (options.column !== false) {
    const merged = mergedCells(grid.merges);
    const taken = new Set<string>();
    for (const t of result.tables) {
      const cells = wantedColumn(grid, merged, t, lang, taken);
      column.push(...cells);
      const header = cells.find((c) => c.kind === 'header');
      if (header) headers.push({ range: t.table.range, header });
    }
  }
  const findings = result.tables.flatMap((t) => t.findings);
  const last = findingIds(findings);
  const changes = changesSince(options.last, last, options.startedBy);
  const notes = changes && options.notes !== false ? changeNotes(changes, headers, lang) : [];
  return { sheet: result.sheet, marks, column, notes, ...(changes ? { changes } : {}), review: { verdicts: verdictsOf(findings, grid), last } };
}

/**
 * Each table's what-changed line in the note of its 复核结果 header, about the cells inside it (a cell in no
 * table now, its table gone, goes to the first). Only where something changed, or for an automatic check:
 * checking twice writes what checking once did.
 */
function changeNotes(changes: Changes, headers: readonly { range: CellRange; header: ColumnCell }[], lang: Lang): CellNote[] {
  const inside = (r: CellRange, cell: string) => {
    const { row, col } = parseA1(cell);
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  };
  const home = (cell: string) => headers.find((h) => inside(h.range, cell)) ?? headers[0];
  const notes: CellNote[] = [];
  for (const h of headers) {
    const mine = (cells: readonly string[]) => cells.filter((c) => home(c) === h);
    const own: Changes = { fixed: mine(changes.fixed), added: mine(changes.added), ...(changes.startedBy ? { startedBy: changes.startedBy } : {}) };
    const edited = changes.startedBy !== undefined && home(changes.startedBy) === h;
    if (!own.fixed.length && !own.added.length && !edited) continue;
    notes.push({ row: h.header.row, col: h.header.col, cell: h.header.cell, note: noteBlock([changesText(own, lang)]) });
  }
  return notes;
}

/** How a verdict reads beside its finding: "已核实：调整预算已批复（张三）". */
export function verdictText(f: Finding, lang: Lang): string {
  if (!f.verdict) return '';
  const by = f.verdict.by ? (lang === 'en' ? ` (${f.verdict.by})` : `（${f.verdict.by}）`) : '';
  return `${lang === 'en' ? 'Verified: ' : '已核实：'}${f.verdict.note}${by}`;
}

function wantedMarks(result: SheetResult, lang: Lang, withNotes: boolean): CellMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const t of result.tables) {
    for (const f of t.findings) {
      if (f.severity === 'info') continue;
      const list = byCell.get(f.cell) ?? [];
      list.push(f);
      byCell.set(f.cell, list);
    }
  }
  const marks: CellMark[] = [];
  for (const [cell, list] of byCell) {
    list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    const first = list[0]!;
    marks.push({
      row: first.row,
      col: first.col,
      cell,
      severity: first.severity === 'error' ? 'error' : 'warning',
      // The message alone: a printed note is read by people; the code stays in the JSON and the pane's tooltip.
      note: withNotes ? noteBlock(list.flatMap((f) => [`${SYMBOL[f.severity]} ${findingMessage(f, lang)}`, ...(f.verdict ? [`✓ ${verdictText(f, lang)}`] : [])])) : '',
    });
  }
  return marks.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Merged cells by row, for the free-column test (a merged cell is never free). */
function mergedCells(merges: readonly CellRange[]): Map<number, CellRange[]> {
  const byRow = new Map<number, CellRange[]>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return byRow;
}

/** The first column right of the table whose cells beside it are all empty and unmerged. */
function freeColumn(grid: Grid, merged: Map<number, CellRange[]>, t: TableResult, taken: Set<string>): number {
  const { top, bottom, right } = t.table.range;
  for (let c = right + 1; ; c++) {
    let free = true;
    for (let r = top; r <= bottom && free; r++) {
      if (taken.has(a1(r, c)) || !isBlank(valueAt(grid, r, c))) free = false;
      else if (merged.get(r)?.some((m) => c >= m.left && c <= m.right)) free = false;
    }
    if (free) return c;
  }
}

function wantedColumn(grid: Grid, merged: Map<number, CellRange[]>, t: TableResult, lang: Lang, taken: Set<string>): ColumnCell[] {
  const col = freeColumn(grid, merged, t, taken);
  const cells = new Map<number, ColumnCell>();
  const put = (row: number, value: string, kind: ColumnCellKind) => {
    const addr = a1(row, col);
    taken.add(addr);
    cells.set(row, { row, col, cell: addr, value, kind });
  };
  const table = t.table;
  if (table.funds) put(table.funds.headerRow, columnTitle(lang), 'header');
  if (table.indicatorHeaderRow !== undefined) put(table.indicatorHeaderRow, columnTitle(lang), 'header');

  const findingsByRow = new Map<number, Finding[]>();
  for (const f of t.findings) {
    if (!inReviewColumn(f.code)) continue;
    const list = findingsByRow.get(f.row) ?? [];
    list.push(f);
    findingsByRow.set(f.row, list);
  }
  const describe = (row: number): { value: string; kind: ColumnCellKind } => {
    const list = (findingsByRow.get(row) ?? []).slice().sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    if (!list.length) return { value: '✓', kind: 'ok' };
    const value = list.map((f) => `${SYMBOL[f.severity]} ${shortMessage(f, lang)}${f.verdict ? ` · ${verdictText(f, lang)}` : ''}`).join(lang === 'en' ? '; ' : '；');
    return { value, kind: list[0]!.severity };
  };

  const checkedRows = new Set<number>([...(table.funds ? [table.funds.total.row] : []), ...table.indicators.map((i) => i.row)]);
  for (const row of findingsByRow.keys()) checkedRows.add(row);
  if (table.grade) checkedRows.add(table.grade.row);
  const totalRow = table.totalRow?.row ?? table.headerTotal?.row;
  for (const row of checkedRows) {
    if (row === totalRow || row < table.range.top || row > table.range.bottom) continue;
    const d = describe(row);
    // A grade that cannot be checked is not passed with a ✓ (rule 9: no grade when the weights are not 100).
    if (row === table.grade?.row && d.kind === 'ok' && !t.grade) put(row, ungradedText(t, lang), 'info');
    else put(row, d.value, d.kind);
  }
  if (totalRow !== undefined) {
    const d = describe(totalRow);
    put(totalRow, totalText(t, lang, d), d.kind === 'ok' ? 'total' : d.kind);
  }
  return [...cells.values()].sort((a, b) => a.row - b.row);
}

/** The grade row of a table without a recomputed grade: 未评级 when the weights are off the 100-point scale. */
function ungradedText(t: TableResult, lang: Lang): string {
  if (t.total !== null) return lang === 'en' ? 'ungraded (weights do not add up to 100)' : '未评级（分值合计不为 100）';
  return lang === 'en' ? 'grade not checked' : '未复核等级';
}

/** The 总分 row's cell: the recomputed total and grade, then what is wrong on the row. */
function totalText(t: TableResult, lang: Lang, d: { value: string; kind: ColumnCellKind }): string {
  const en = lang === 'en';
  let figure: string;
  if (!t.total) figure = en ? 'Total cannot be recomputed' : '无法复核总分';
  else if (!t.grade) figure = en ? `Recomputed total ${fmt2(t.total)} · no grade (weights not 100)` : `复核总分 ${fmt2(t.total)} · 分值合计不为 100，不评等级`;
  else figure = en ? `Recomputed total ${fmt2(t.total)} · ${GRADE_EN[t.grade]} (${t.grade})` : `复核总分 ${fmt2(t.total)} · ${t.grade}`;
  return d.kind === 'ok' ? figure : `${figure}${en ? '; ' : '；'}${d.value}`;
}
