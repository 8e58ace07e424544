/**
 * 填写计算值: the values the rules compute, written into the computed cells where they are blank or
 * wrong — 执行率, 执行率得分, the 总分 row's 分值 and 得分, 评分等级 — and nothing else (never an amount, a
 * weight, an indicator's 得分 or a reason: those are the clerk's judgement). Pure: a sheet's check result
 * and grid in, the changes (cell, before, after) and what could not be filled out; the old values go into
 * the state, so that 撤销填写 puts them back, cell by cell, where a cell still holds what was written.
 */
import { type CellValue, type Grid, a1, formatAt, isBlank, mergeAt, valueAt } from '../grid';
import { Decimal, fmt2, formatIsPercent, showCell } from '../numbers';
import type { Lang } from '../findings';
import type { SheetResult } from '../engine';
import type { TableResult } from '../check/result';
import type { Field, FundsBlock } from '../table';

export type FillTarget = 'rate' | 'execScore' | 'totalWeight' | 'totalScore' | 'grade';

export interface ValueChange {
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly target: FillTarget;
  readonly project: string;
  readonly before: CellValue;
  /** The cell's number format before (a text value is written with the text format "@"). */
  readonly beforeFormat?: string;
  /** The formula the cell holds ("=SUM(H8:H20)"): the plan says so, and 撤销填写 puts it back. */
  readonly beforeFormula?: string;
  /** A number, or text written as text ("95.81%" into a cell with no percent format, "优"). */
  readonly after: number | string;
}

export type FillSkipReason = 'noRate' | 'noExecScore' | 'weightsNot100' | 'noTotal';

export interface FillSkip {
  readonly project: string;
  readonly cell: string;
  readonly target: FillTarget;
  readonly reason: FillSkipReason;
}

export interface FillPlan {
  readonly sheet: string;
  readonly changes: readonly ValueChange[];
  readonly skipped: readonly FillSkip[];
}

/** A cell the product filled: what it held before and what was written (for 撤销填写). */
export interface FilledCell {
  readonly cell: string;
  readonly before: CellValue;
  readonly beforeFormat?: string;
  /** The formula it held (its result is `before`). */
  readonly beforeFormula?: string;
  readonly wrote: number | string;
}

const TARGET_ZH: Record<FillTarget, string> = { rate: '执行率', execScore: '执行率得分', totalWeight: '总分行分值', totalScore: '总分', grade: '评分等级' };
const TARGET_EN: Record<FillTarget, string> = { rate: 'execution rate', execScore: 'rate score', totalWeight: 'total weight', totalScore: 'total', grade: 'grade' };
const REASON_ZH: Record<FillSkipReason, string> = {
  noRate: '缺少全年预算数或全年执行数，无法计算执行率，未填写',
  noExecScore: '缺少执行率或其分值，无法计算执行率得分，未填写',
  weightsNot100: '各项分值合计不为 100：请先调整分值，总分和等级未填写',
  noTotal: '有得分未填写或无法读取，无法计算总分，未填写',
};
const REASON_EN: Record<FillSkipReason, string> = {
  noRate: 'no budget or spent amount: the rate cannot be computed; not filled',
  noExecScore: 'no rate or no rate weight: the rate score cannot be computed; not filled',
  weightsNot100: 'the weights do not add up to 100: fix them first; the total and grade were not filled',
  noTotal: 'a score is blank or unreadable: the total cannot be computed; not filled',
};

export function targetName(t: FillTarget, lang: Lang): string {
  return (lang === 'en' ? TARGET_EN : TARGET_ZH)[t];
}

export function skipMessage(s: FillSkip, lang: Lang): string {
  return `${s.project} ${s.cell}：${(lang === 'en' ? REASON_EN : REASON_ZH)[s.reason]}`;
}

/** What could not be filled, one line per table and reason: its cells together ("项目 E9、E10：…"). */
export function skipLines(skipped: readonly FillSkip[], lang: Lang): string[] {
  const groups = new Map<string, FillSkip[]>();
  for (const s of skipped) {
    const key = `${s.project}\u0000${s.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const sep = lang === 'en' ? ', ' : '、';
  return [...groups.values()].map((g) => {
    const first = g[0] as FillSkip;
    const cells = [...new Set(g.map((s) => s.cell))].join(sep);
    return `${first.project} ${cells}${lang === 'en' ? ': ' : '：'}${(lang === 'en' ? REASON_EN : REASON_ZH)[first.reason]}`;
  });
}

const round2 = (d: Decimal) => Number(fmt2(d));

/** `formulas`: the sheet's formula cells ("=…" by A1) where the host knows them: a change over one says so. */
export function planFill(result: SheetResult, grid: Grid, formulas?: ReadonlyMap<string, string>): FillPlan {
  const changes: ValueChange[] = [];
  const skipped: FillSkip[] = [];
  for (const t of result.tables) planTable(t, grid, changes, skipped);
  return { sheet: result.sheet, changes: formulas ? withFormulas(changes, formulas) : changes, skipped };
}

/** The changes with the formula each cell holds, for a host that reads the formulas of just these cells. */
export function withFormulas(changes: readonly ValueChange[], formulas: ReadonlyMap<string, string>): ValueChange[] {
  return changes.map((c) => {
    const f = formulas.get(c.cell);
    return f ? { ...c, beforeFormula: f } : c;
  });
}

/** What a cell holds before the fill, as the plan shows it: its value in its format, or its formula and result. */
export function shownBefore(c: Pick<ValueChange, 'before' | 'beforeFormat' | 'beforeFormula'>, lang: Lang): string {
  const v = showCell(c.before, c.beforeFormat) || (lang === 'en' ? '(blank)' : '（空）');
  if (!c.beforeFormula) return v;
  return lang === 'en' ? `formula ${c.beforeFormula} (shows ${v})` : `公式 ${c.beforeFormula}（结果 ${v}）`;
}

function anchorOf(grid: Grid, row: number, col: number): { row: number; col: number } {
  const m = mergeAt(grid, row, col);
  return m ? { row: m.top, col: m.left } : { row, col };
}

function planTable(t: TableResult, grid: Grid, changes: ValueChange[], skipped: FillSkip[]): void {
  const project = t.table.project || t.table.sheet;
  const flagged = (cell: string, ...codes: string[]) => t.findings.some((f) => f.cell === cell && codes.includes(f.code));
  const wants = (row: number, col: number, ...codes: string[]) => isBlank(valueAt(grid, row, col)) || flagged(a1(row, col), ...codes);
  const change = (at: number, atCol: number, target: FillTarget, after: number | string) => {
    // What is written goes into the top-left cell of its merged area: a covered cell shows nothing, on screen or paper.
    const { row, col } = anchorOf(grid, at, atCol);
    const before = valueAt(grid, row, col);
    if (before === after) return;
    changes.push({ cell: a1(row, col), row, col, target, project, before, beforeFormat: formatAt(grid, row, col), after });
  };
  const skip = (row: number, col: number, target: FillTarget, reason: FillSkipReason) => skipped.push({ project, cell: a1(row, col), target, reason });

  const funds = t.table.funds;
  if (funds) planFunds(t, funds, grid, wants, change, skip);
  planTotals(t, grid, wants, change, skip);
}

type Wants = (row: number, col: number, ...codes: string[]) => boolean;
type Change = (row: number, col: number, target: FillTarget, after: number | string) => void;
type SkipCell = (row: number, col: number, target: FillTarget, reason: FillSkipReason) => void;

/** 执行率 and 执行率得分 on the funds block's total row. */
function planFunds(t: TableResult, funds: FundsBlock, grid: Grid, wants: Wants, change: Change, skip: SkipCell): void {
  // Amounts as pairs over several lines keep their rate and score on lines of their own.
  const rateRow = funds.total.rate?.row ?? funds.total.row;
  const scoreRow = funds.total.score?.row ?? funds.total.row;
  const rateCol = funds.columns.rate;
  if (rateCol !== undefined && wants(rateRow, rateCol, 'EXEC_RATE_MISMATCH')) {
    if (t.executionRate === null) skip(rateRow, rateCol, 'rate', 'noRate');
    else {
      // A blank cell takes the convention of the rates beside it (sub-rows showing "100.0" are percent units).
      const unitsBeside = funds.groups.flat().some((r) => typeof r.rate?.value === 'number' && r.rate.value > 1.5 && !formatIsPercent(r.rate.format));
      change(rateRow, rateCol, 'rate', rateValue(t.executionRate, funds.total.rate, formatAt(grid, rateRow, rateCol), funds.ratePercentHeader || unitsBeside));
    }
  }
  const scoreCol = funds.columns.score;
  if (scoreCol !== undefined && wants(scoreRow, scoreCol, 'EXEC_SCORE_MISMATCH', 'MISSING_VALUE')) {
    if (t.executionScore === null) skip(scoreRow, scoreCol, 'execScore', 'noExecScore');
    else change(scoreRow, scoreCol, 'execScore', round2(t.executionScore));
  }
}

/** The 总分 row's 分值 and 得分, and the 评分等级: only from weights that add up to 100. */
function planTotals(t: TableResult, grid: Grid, wants: Wants, change: Change, skip: SkipCell): void {

  // The 总分 and 等级 follow only from weights that add up to 100: a total of 110 is no answer.
  const weightSum = t.executionWeight && t.indicatorWeight ? t.executionWeight.plus(t.indicatorWeight) : null;
  const off100 = weightSum !== null && !weightSum.eq(100);
  const tw = t.table.totalRow?.weight;
  const ts = t.table.totalRow?.score ?? t.table.headerTotal;
  const g = t.table.grade;
  // A value read out of a label cell ("项目总得分 99分") is the label's: nothing is written into it.
  const place = (f: Field | undefined) => (f && !f.inLabel ? { row: f.row, col: f.col } : undefined);
  const weightAt = place(tw);
  const scoreAt = place(ts);
  const gradeAt = place(g);
  if (off100) {
    for (const [at, target, codes] of [
      [weightAt, 'totalWeight', ['TOTAL_WEIGHT_MISMATCH', 'WEIGHT_SUM_NOT_100', 'MISSING_VALUE']],
      [scoreAt, 'totalScore', ['TOTAL_MISMATCH', 'MISSING_VALUE']],
      [gradeAt, 'grade', ['GRADE_MISMATCH']],
    ] as const) {
      if (at && wants(at.row, at.col, ...codes)) skip(at.row, at.col, target, 'weightsNot100');
    }
    return;
  }
  if (weightAt && weightSum !== null && wants(weightAt.row, weightAt.col, 'TOTAL_WEIGHT_MISMATCH', 'MISSING_VALUE')) change(weightAt.row, weightAt.col, 'totalWeight', 100);
  if (scoreAt && wants(scoreAt.row, scoreAt.col, 'TOTAL_MISMATCH', 'MISSING_VALUE')) {
    if (t.total === null) skip(scoreAt.row, scoreAt.col, 'totalScore', 'noTotal');
    else change(scoreAt.row, scoreAt.col, 'totalScore', round2(t.total));
  }
  if (gradeAt && wants(gradeAt.row, gradeAt.col, 'GRADE_MISMATCH')) {
    if (t.grade === null) skip(gradeAt.row, gradeAt.col, 'grade', 'noTotal');
    else change(gradeAt.row, gradeAt.col, 'grade', gradeText(valueAt(grid, gradeAt.row, gradeAt.col), t.grade));
  }
}

/** The grade as the cell holds it: alone, or after its label ("评分等级：良" → "评分等级：优"). */
function gradeText(before: CellValue, grade: string): string {
  const m = typeof before === 'string' ? /^(\s*[^:：]+[:：]\s*)/.exec(before) : null;
  return m ? m[1] + grade : grade;
}

/**
 * The rate as the cell shows rates: a fraction under a % format, percent units under an "(%)" header or
 * where the cell held percent units, text "95.81%" where the cell held text or nothing says which.
 */
function rateValue(rate: Decimal, field: Field | undefined, format: string | undefined, percentHeader: boolean): number | string {
  const v = field?.value ?? null;
  if (formatIsPercent(format)) return Number(rate.div(100).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString());
  if (typeof v === 'number') return v > 1.5 || percentHeader ? round2(rate) : Number(rate.div(100).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString());
  if (percentHeader && (v === null || isBlank(v))) return round2(rate);
  return `${fmt2(rate)}%`;
}

/** The filled cells to record: an earlier fill of the same cell keeps its original "before". */
export function withFilled(previous: readonly FilledCell[] | undefined, changes: readonly ValueChange[]): FilledCell[] {
  const out = new Map((previous ?? []).map((f) => [f.cell, f]));
  for (const c of changes) {
    const earlier = out.get(c.cell);
    const first = earlier ?? c;
    out.set(c.cell, {
      cell: c.cell,
      before: first.before,
      ...(first.beforeFormat !== undefined ? { beforeFormat: first.beforeFormat } : {}),
      ...(first.beforeFormula !== undefined ? { beforeFormula: first.beforeFormula } : {}),
      wrote: c.after,
    });
  }
  return [...out.values()];
}

/** A value write a host carries out: the value (null: empty), and the format to give the cell, if any. */
export interface ValueWrite {
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly format?: string;
  /**
   * 撤销填写 only: the cell's own formula from before the fill ("=…"), to be put back as a formula (`value`
   * is its result as it was). Nothing else the product writes is ever a formula.
   */
  readonly formula?: string;
}

/** The writes of a plan: text goes in as text (format "@"), numbers keep the cell's format. */
export function fillWrites(changes: readonly ValueChange[]): ValueWrite[] {
  return changes.map((c) => ({ cell: c.cell, row: c.row, col: c.col, value: c.after, ...(typeof c.after === 'string' ? { format: '@' } : {}) }));
}

const same = (a: CellValue, b: number | string) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);

function place(cell: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return undefined;
  const col = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** A filled cell the clerk has typed over since: theirs, left as it is. */
export interface KeptCell {
  readonly cell: string;
  /** What it holds now. */
  readonly now: CellValue;
}

/** 撤销填写, decided once for every host. */
export interface UndoFill {
  /** Each cell that still holds what was filled, given back what it held before (value and format). */
  readonly writes: readonly ValueWrite[];
  /** Filled cells changed since: the clerk's, not touched. */
  readonly kept: readonly KeptCell[];
}

/**
 * 撤销填写 (its own action; 清除标记 keeps filled values): each cell that still holds what 填写计算值 wrote
 * gets its value (and format) from before the fill back; a cell the clerk has changed since is theirs and
 * stays, and is named. After it the sheet's record of the fill is dropped.
 */
export function decideUndoFill(grid: Grid, filled: readonly FilledCell[] | undefined): UndoFill {
  const writes: ValueWrite[] = [];
  const kept: KeptCell[] = [];
  for (const f of filled ?? []) {
    const at = place(f.cell);
    if (!at) continue;
    const now = valueAt(grid, at.row, at.col);
    if (!same(now, f.wrote)) {
      kept.push({ cell: f.cell, now });
      continue;
    }
    writes.push({
      cell: f.cell,
      ...at,
      value: f.before,
      ...(typeof f.wrote === 'string' ? { format: f.beforeFormat ?? 'General' } : {}),
      ...(f.beforeFormula ? { formula: f.beforeFormula } : {}),
    });
  }
  return { writes, kept };
}

/** How many cells still hold what 填写计算值 wrote (清除标记 keeps them, and says how many). */
export function filledStill(grid: Grid, filled: readonly FilledCell[] | undefined): number {
  return decideUndoFill(grid, filled).writes.length;
}
