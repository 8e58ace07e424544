/**
 * Table recognition: finds every self-evaluation table on a sheet by its labels, never by position.
 * A table is anchored on its funds header (年初预算数 / 全年预算数 / 全年执行数 …); its name rows are
 * looked for above, its indicator block below. Anything that looks like part of a table but cannot
 * be read as one is reported with a reason, and the other tables go on.
 */
import { type Grid, isBlank, valueAt } from '../grid';
import { displayText } from '../text';
import { readNumber } from '../numbers';
import type { Field, FundsBlock, Indicator, StatedWeight, Table, TableKind, Unrecognised } from '../table';
import {
  type IndicatorColumn,
  fundsColumnOf,
  headerFieldOf,
  indicatorColumnOf,
  isClosingLabel,
  isFundsRowLabel,
  isGradeLabel,
  isTitle,
  isTotalLabel,
  statedPoints,
  withoutPoints,
} from './labels';
import { SheetView, isFundsHeader, isIndicatorHeader, isNameRow } from './sheetView';
import { readFunds, readTasks } from './funds';

export interface SheetTables {
  readonly tables: Table[];
  readonly unrecognised: Unrecognised[];
}

/** How far above the funds header the name rows may sit. */
const HEADER_LOOKBACK = 10;

export function recogniseSheet(grid: Grid): SheetTables {
  const view = new SheetView(grid);
  const tables: Table[] = [];
  const unrecognised: Unrecognised[] = [];

  const fundsHeaders: number[] = [];
  const indicatorHeaders: number[] = [];
  for (let r = 0; r < view.rows; r++) {
    if (isFundsHeader(view, r)) fundsHeaders.push(r);
    else if (isIndicatorHeader(view, r)) indicatorHeaders.push(r);
  }

  let upper = 0; // first row not yet claimed by a table
  for (let k = 0; k < fundsHeaders.length; k++) {
    const fundsRow = fundsHeaders[k]!;
    const nextFunds = fundsHeaders[k + 1] ?? view.rows;
    const start = tableStart(view, fundsRow, upper);
    // Fragments between the previous table and this one: an indicator header with no funds block.
    reportOrphans(view, indicatorHeaders, upper, start - 1, unrecognised);

    const read = readFunds(view, fundsRow, nextFunds);
    const funds = 'block' in read ? read.block : undefined;
    const indicatorHeader = indicatorHeaders.find((r) => r > fundsRow && r < nextFunds);
    if (!funds || indicatorHeader === undefined) {
      const end = lastUsedRowBefore(view, nextFunds, start);
      unrecognised.push({
        sheet: grid.name,
        range: { top: start, left: 0, bottom: end, right: view.rightmostUsed(start, end) },
        reason: 'reason' in read ? read.reason : 'noIndicatorHeader',
      });
      upper = end + 1;
      continue;
    }
    const table = readTable(view, start, funds, indicatorHeader, nextFunds);
    tables.push(table);
    upper = table.range.bottom + 1;
  }
  reportOrphans(view, indicatorHeaders, upper, view.rows - 1, unrecognised);
  reportOrphanNames(view, tables, unrecognised);
  return { tables, unrecognised };
}

/** The table begins at its title or name rows above the funds header, never above `upper`. */
function tableStart(view: SheetView, fundsRow: number, upper: number): number {
  let start = fundsRow;
  for (let r = fundsRow - 1; r >= Math.max(upper, fundsRow - HEADER_LOOKBACK); r--) {
    if (isFundsHeader(view, r) || isIndicatorHeader(view, r)) break;
    if (isNameRow(view, r) || view.rowHasLabel(r, (l) => headerFieldOf(l) !== undefined)) start = r;
  }
  // Title and year rows directly above the name rows, and a name that lost its 项目名称 label.
  let nameless = !isNameRow(view, start);
  for (let r = start - 1; r >= Math.max(upper, start - 4); r--) {
    if (view.rowBlank(r)) continue;
    if (view.rowHasLabel(r, (l) => isTitle(l) || /年度\)?$|^\(?\d{4}年度/.test(l) || /^单位:|^填表人|^报表编号|^金额单位/.test(l))) start = r;
    else if (nameless && view.labelCols(r).length === 1 && !view.rowHasLabel(r, (l) => /^注/.test(l))) {
      start = r;
      nameless = false;
    } else break;
  }
  return start;
}

function lastUsedRowBefore(view: SheetView, limit: number, floor: number): number {
  let end = Math.min(limit, view.rows) - 1;
  while (end > floor && view.rowBlank(end)) end--;
  // Do not swallow the next table's title and name rows.
  let r = end;
  while (r > floor && (view.rowBlank(r) || isNameRow(view, r) || view.rowHasLabel(r, isTitle) || view.rowHasLabel(r, (l) => headerFieldOf(l) !== undefined))) r--;
  return Math.max(floor, r < end ? r : end);
}

function reportOrphans(view: SheetView, headers: number[], from: number, to: number, out: Unrecognised[]): void {
  for (const h of headers) {
    if (h < from || h > to) continue;
    let end = h;
    while (end + 1 <= to && !view.rowBlank(end + 1)) end++;
    out.push({ sheet: view.grid.name, range: { top: h, left: 0, bottom: end, right: view.rightmostUsed(h, end) }, reason: 'noFundsHeader' });
  }
}

/** A 项目名称 row that no table claimed: a table whose funds block is missing. */
function reportOrphanNames(view: SheetView, tables: Table[], out: Unrecognised[]): void {
  for (let r = 0; r < view.rows; r++) {
    if (!isNameRow(view, r)) continue;
    if (tables.some((t) => r >= t.range.top && r <= t.range.bottom)) continue;
    if (out.some((u) => r >= u.range.top && r <= u.range.bottom)) continue;
    let end = r;
    while (end + 1 < view.rows && !view.rowBlank(end + 1) && !isNameRow(view, end + 1)) end++;
    out.push({ sheet: view.grid.name, range: { top: r, left: 0, bottom: end, right: view.rightmostUsed(r, end) }, reason: 'noFundsHeader' });
  }
}

function readTable(view: SheetView, start: number, funds: FundsBlock, headerRow: number, limit: number): Table {
  const grid = view.grid;
  // Header fields (项目名称, 主管部门, 实施单位 / 部门(单位)名称, 自评得分, 自评结果).
  const header: Partial<Record<string, Field>> = {};
  let title = '';
  for (let r = start; r < funds.headerRow; r++) {
    for (const c of view.labelCols(r)) {
      const label = view.label(r, c);
      if (!title && isTitle(label)) title = displayText(valueAt(grid, r, c));
      const f = headerFieldOf(label);
      if (f && !header[f]) {
        const v = view.valueRightOf(r, c);
        if (v) header[f] = v;
      }
    }
  }
  const organisation = header.organisation ? displayText(header.organisation.value) : '';
  const kind: TableKind = /部门整体/.test(title) || header.organisation ? 'department' : 'project';

  // Indicator columns.
  const cols: Partial<Record<IndicatorColumn, number>> = {};
  for (const c of view.labelCols(headerRow)) {
    const kind = indicatorColumnOf(view.label(headerRow, c));
    if (kind && cols[kind] === undefined) cols[kind] = c;
  }

  const indicators: Indicator[] = [];
  let level1 = '';
  let level1Cell: Field | undefined;
  let level2 = '';
  let totalRow: Table['totalRow'];
  let grade: Field | undefined;
  let end = headerRow;
  let blankRun = 0;
  for (let r = headerRow + 1; r < limit; r++) {
    if (view.rowBlank(r)) {
      if (++blankRun >= 2 && (indicators.length || totalRow)) break;
      continue;
    }
    blankRun = 0;
    const labels = view.labelCols(r).map((c) => ({ c, l: view.label(r, c) }));
    if (labels.some(({ l }) => isTitle(l)) || isNameRow(view, r)) break;
    const totalAt = labels.find(({ l }) => isTotalLabel(l));
    if (totalAt && !totalRow) {
      totalRow = readTotalRow(view, r, totalAt.c, cols.weight, cols.score);
      end = r;
      continue;
    }
    const gradeAt = labels.find(({ l }) => isGradeLabel(l));
    if (gradeAt) {
      grade = gradeValue(view, r, gradeAt.c);
      end = r;
      break;
    }
    if (labels.some(({ l }) => isClosingLabel(l))) {
      if (labels.some(({ l }) => /^注/.test(l))) end = r;
      break;
    }
    if (totalRow) break; // anything after the total row that is not a grade or a note ends the table
    const pick = (k: IndicatorColumn): Field | undefined => (cols[k] === undefined ? undefined : view.field(r, cols[k]!));
    const l1 = pick('level1');
    if (l1 && !isBlank(l1.value)) {
      level1 = displayText(l1.value);
      level1Cell = l1;
      level2 = '';
    }
    const l2 = pick('level2');
    if (l2 && !isBlank(l2.value)) level2 = displayText(l2.value);
    const l3 = pick('level3');
    const ind: Indicator = {
      row: r,
      level1,
      level1Cell,
      level2,
      level3: l3 ? displayText(l3.value) : '',
      level3Cell: l3,
      target: pick('target'),
      nature: pick('nature'),
      unit: pick('unit'),
      actual: pick('actual'),
      weight: pick('weight'),
      score: pick('score'),
      reason: pick('reason'),
      reasonCol: cols.reason,
    };
    end = r;
    if (isPlaceholder(ind)) continue;
    indicators.push(ind);
  }
  // A grade row may follow the total row after a blank; a footer note may follow both.
  if (!grade) {
    for (let r = end + 1; r < Math.min(limit, end + 3); r++) {
      const at = view.labelCols(r).find((c) => isGradeLabel(view.label(r, c)));
      if (at !== undefined) {
        grade = gradeValue(view, r, at);
        end = r;
        break;
      }
      if (!view.rowBlank(r)) break;
    }
  }
  for (let r = end + 1; r < Math.min(limit, end + 3); r++) {
    if (view.rowBlank(r)) continue;
    if (view.rowHasLabel(r, (l) => /^注/.test(l))) end = r;
    break;
  }
  if (!grade && header.selfGrade) grade = header.selfGrade;

  const level1Stated = statedWeights(view, start, headerRow, end, cols.level1);
  const fundsStated = level1Stated.find((s) => /预算执行|执行率|项目资金|预算情况/.test(s.label));
  const tableLevel1Stated = level1Stated.filter((s) => s !== fundsStated);

  return {
    tasks: kind === 'department' ? readTasks(view, start, funds.headerRow) : undefined,
    sheet: grid.name,
    kind,
    range: { top: start, left: 0, bottom: end, right: view.rightmostUsed(start, end) },
    title,
    project: header.project ? displayText(header.project.value) : organisation || unlabelledName(view, start, funds.headerRow),
    department: header.department ? displayText(header.department.value) : organisation,
    unit: header.unit ? displayText(header.unit.value) : organisation,
    funds: fundsStated ? { ...funds, statedWeight: fundsStated } : funds,
    indicatorHeaderRow: headerRow,
    indicators,
    level1Stated: tableLevel1Stated,
    totalRow,
    grade,
    headerTotal: header.selfScore,
  };
}

/**
 * Some exports drop the 项目名称 label and keep its value: a row above the funds block holding one
 * short text that is no label, title or year.
 */
function unlabelledName(view: SheetView, start: number, fundsRow: number): string {
  for (let r = start; r < fundsRow; r++) {
    const cols = view.labelCols(r);
    if (cols.length !== 1) continue;
    const label = view.label(r, cols[0]!);
    if (isTitle(label) || headerFieldOf(label) || /年度\)?$|^\(?\d{4}年度|^单位|^报表编号|^填表人|^金额单位/.test(label)) continue;
    if (label.length > 40 || fundsColumnOf(label) || isFundsRowLabel(label)) continue;
    return displayText(valueAt(view.grid, r, cols[0]!));
  }
  return '';
}

/** Template rows kept empty ("经济效益指标" with nothing in it) are neither indicators nor findings. */
function isPlaceholder(ind: Indicator): boolean {
  const filled = (f: Field | undefined) => !!f && !isBlank(f.value);
  return !ind.level3.trim() && !filled(ind.target) && !filled(ind.actual) && !filled(ind.weight) && !filled(ind.score);
}

function readTotalRow(
  view: SheetView,
  r: number,
  labelCol: number,
  weightCol: number | undefined,
  scoreCol: number | undefined,
): Table['totalRow'] {
  const weight = weightCol === undefined ? undefined : view.field(r, weightCol);
  const score = scoreCol === undefined ? undefined : view.field(r, scoreCol);
  if ((weight && !isBlank(weight.value)) || (score && !isBlank(score.value))) return { row: r, weight, score };
  // Misaligned exports put the two figures elsewhere on the row: take the last two numbers.
  const numbers: Field[] = [];
  for (let c = labelCol + 1; c < view.cols; c++) {
    const f = view.field(r, c);
    if (readNumber(f.value, f.format).kind === 'number') numbers.push(f);
  }
  if (numbers.length >= 2) return { row: r, weight: numbers[numbers.length - 2], score: numbers[numbers.length - 1] };
  return { row: r, weight, score };
}

function gradeValue(view: SheetView, r: number, labelCol: number): Field | undefined {
  for (let c = labelCol + 1; c < view.cols; c++) {
    if (!view.blank(r, c)) return view.field(r, c);
  }
  return { row: r, col: labelCol + 1, value: null };
}

/** Labels that state their weight: the 一级 labels, the 绩效指标 frame, the 预算执行情况 label. */
function statedWeights(
  view: SheetView,
  start: number,
  headerRow: number,
  end: number,
  level1Col: number | undefined,
): (StatedWeight & { level1: string | null })[] {
  const out: (StatedWeight & { level1: string | null })[] = [];
  for (let r = start; r <= end; r++) {
    for (const c of view.labelCols(r)) {
      const label = view.label(r, c);
      const points = statedPoints(label);
      if (!points) continue;
      const isLevel1 = r > headerRow && c === level1Col;
      out.push({ field: view.field(r, c), label, points, level1: isLevel1 ? withoutPoints(label) : null });
    }
  }
  return out;
}
