/**
 * What to write on a sheet (SPEC §5), worked out once in the engine so that every host writes the same:
 * the cells to highlight with their notes, and the 复核结果 column just right of each table.
 */
import { type Grid, a1, isBlank, valueAt } from '../grid';
import { type Finding, type Lang, type Severity, GRADE_EN, SEVERITY_ORDER, findingMessage, inReviewColumn, shortMessage } from '../findings';
import type { SheetResult } from '../engine';
import type { TableResult } from '../check/result';
import { fmt2 } from '../numbers';
import { parseA1 } from '../grid';
import type { SheetState } from './state';

export interface CellMark {
  readonly row: number;
  readonly col: number;
  readonly cell: string;
  readonly severity: Exclude<Severity, 'info'>;
  /** The note (批注) text: every finding on the cell, one per line. */
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

export interface SheetPlan {
  readonly sheet: string;
  readonly marks: CellMark[];
  readonly column: ColumnCell[];
}

export interface PlanOptions {
  readonly lang?: Lang;
  /** Write notes on marked cells (hosts without notes keep the message in the column). */
  readonly notes?: boolean;
  /** Write the 复核结果 column. */
  readonly column?: boolean;
}

/** Notes the add-in writes end with this line, so they can be told from a user's. */
export const NOTE_SIGNATURE = '— 绩效自评校验';

export const FILLS: Record<CellMark['severity'], string> = {
  error: 'FFFFC7CE', // Excel's "Bad" red
  warning: 'FFFFEB9C', // Excel's "Neutral" amber
};

const SYMBOL: Record<Severity, string> = { error: '✗', warning: '⚠', info: 'ℹ' };

export function columnTitle(lang: Lang): string {
  return lang === 'en' ? 'Review' : '复核结果';
}

export function planSheet(grid: Grid, result: SheetResult, options: PlanOptions = {}, previous?: SheetState): SheetPlan {
  const lang = options.lang ?? 'zh';
  const marks = options.notes === false ? planMarks(result, lang, false) : planMarks(result, lang, true);
  const column: ColumnCell[] = [];
  if (options.column !== false) {
    const ours = new Set(previous?.written ?? []);
    const taken = new Set<string>();
    for (const t of result.tables) column.push(...planColumn(grid, t, lang, ours, taken));
  }
  return { sheet: result.sheet, marks, column };
}

function planMarks(result: SheetResult, lang: Lang, withNotes: boolean): CellMark[] {
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
    const lines = list.map((f) => `${SYMBOL[f.severity]} ${findingMessage(f, lang)} [${f.code}]`);
    marks.push({
      row: first.row,
      col: first.col,
      cell,
      severity: first.severity === 'error' ? 'error' : 'warning',
      note: withNotes ? [...lines, NOTE_SIGNATURE].join('\n') : '',
    });
  }
  return marks.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The first column right of the table whose cells beside it are all empty (or were ours). */
function freeColumn(grid: Grid, t: TableResult, ours: Set<string>, taken: Set<string>): number {
  const { top, bottom, right } = t.table.range;
  for (let c = right + 1; ; c++) {
    let free = true;
    for (let r = top; r <= bottom && free; r++) {
      const addr = a1(r, c);
      if (taken.has(addr)) free = false;
      else if (!ours.has(addr) && !isBlank(valueAt(grid, r, c))) free = false;
      else if (grid.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right)) free = false;
    }
    if (free) return c;
  }
}

function planColumn(grid: Grid, t: TableResult, lang: Lang, ours: Set<string>, taken: Set<string>): ColumnCell[] {
  const col = freeColumn(grid, t, ours, taken);
  const cells = new Map<number, ColumnCell>();
  const put = (row: number, value: string, kind: ColumnCellKind) => {
    const addr = a1(row, col);
    taken.add(addr);
    cells.set(row, { row, col, cell: addr, value, kind });
  };
  const table = t.table;
  put(table.funds.headerRow, columnTitle(lang), 'header');
  put(table.indicatorHeaderRow, columnTitle(lang), 'header');

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
    const value = list.map((f) => `${SYMBOL[f.severity]} ${shortMessage(f, lang)}`).join(lang === 'en' ? '; ' : '；');
    return { value, kind: list[0]!.severity };
  };

  const checkedRows = new Set<number>([table.funds.total.row, ...table.indicators.map((i) => i.row)]);
  for (const f of t.findings) if (inReviewColumn(f.code)) checkedRows.add(f.row);
  if (table.grade) checkedRows.add(table.grade.row);
  const totalRow = table.totalRow?.row ?? table.headerTotal?.row;
  for (const row of checkedRows) {
    if (row === totalRow || row < table.range.top || row > table.range.bottom) continue;
    const d = describe(row);
    put(row, d.value, d.kind);
  }
  if (totalRow !== undefined) {
    const d = describe(totalRow);
    put(totalRow, totalText(t, lang, d), d.kind === 'ok' ? 'total' : d.kind);
  }
  return [...cells.values()].sort((a, b) => a.row - b.row);
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


/** The cells a plan writes into the 复核结果 column, for the state. */
export function writtenCells(plan: SheetPlan): string[] {
  return plan.column.map((c) => c.cell);
}

export function position(cell: string): { row: number; col: number } {
  return parseA1(cell);
}
