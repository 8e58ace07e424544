/**
 * Table recognition: finds every self-evaluation table on a sheet by the meaning of its words, never by
 * position. A table is anchored on its funds header (预算数 / 执行数 / 执行率 …); its name rows are looked
 * for above, its indicator block below. Anything that looks like part of a table but cannot be read as
 * one is reported with a reason, and the other tables go on.
 */
import { type Grid, valueAt } from '../grid';
import { displayText } from '../text';
import { readNumber } from '../numbers';
import type { AmountUnit, Field, FundsBlock, StatedWeight, Table, TableKind, Unrecognised } from '../table';
import { type Header, readHeader } from './header';
import {
  type FundsMeaning,
  type IndicatorMeaning,
  amountUnitOf,
  fundsMeaningOf,
  headerFieldOf,
  isFundsRowLabel,
  isPreamble,
  isTitle,
  parseColumnLabel,
  statedPoints,
  withoutPoints,
} from './vocabulary';
import { SheetView, isNameRow } from './sheetView';
import { readFunds, readTasks } from './funds';
import { readIndicators } from './indicators';

export interface SheetTables {
  readonly tables: Table[];
  readonly unrecognised: Unrecognised[];
}

/** How far above the funds header the name rows may sit. */
const HEADER_LOOKBACK = 12;

/** Where a header is: its rows. The header itself is read again when needed (see SheetView.release). */
interface At {
  readonly top: number;
  readonly bottom: number;
}

interface Headers {
  readonly funds: At[];
  readonly indicators: At[];
}

function findHeaders(view: SheetView): Headers {
  const funds: At[] = [];
  const indicators: At[] = [];
  for (let r = 0; r < view.rows; r++) {
    const ind = readHeader(view, r, 'indicators');
    if (ind) {
      indicators.push({ top: ind.top, bottom: ind.bottom });
      r = ind.bottom;
      continue;
    }
    const f = readHeader(view, r, 'funds');
    if (f) {
      funds.push({ top: f.top, bottom: f.bottom });
      r = f.bottom;
    }
  }
  // Only the positions are kept: a sheet of thousands of tables does not hold every header at once.
  view.forget();
  return { funds, indicators };
}

/** Rows already taken by a table or a reported region (a bitmap: sheets run to hundreds of thousands of rows). */
class Claims {
  private readonly rows: Uint8Array;
  constructor(n: number) {
    this.rows = new Uint8Array(n + 1);
  }
  take(top: number, bottom: number): void {
    this.rows.fill(1, Math.max(0, top), Math.min(this.rows.length, bottom + 1));
  }
  has(r: number): boolean {
    return this.rows[r] === 1;
  }
}

/** The first header at or below row `r` (headers are found top to bottom). */
function firstFrom<H extends { top: number }>(headers: readonly H[], r: number): number {
  let lo = 0;
  let hi = headers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headers[mid]!.top < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every table of a sheet and every region that could not be read. With `each`, each table is handed
 * over as soon as it is read and not kept (a sheet of ten thousand tables then never holds them all).
 */
export function recogniseSheet(grid: Grid, each?: (table: Table) => void): SheetTables {
  const view = new SheetView(grid);
  const tables: Table[] = [];
  const unrecognised: Unrecognised[] = [];
  const claims = new Claims(view.rows);
  const region = (u: Unrecognised) => {
    unrecognised.push(u);
    claims.take(u.range.top, u.range.bottom);
  };
  const headers = findHeaders(view);

  let upper = 0; // first row not yet claimed by a table
  for (let k = 0; k < headers.funds.length; k++) {
    const fundsHeader = readHeader(view, headers.funds[k]!.top, 'funds')!;
    const nextFunds = headers.funds[k + 1]?.top ?? view.rows;
    const start = tableStart(view, fundsHeader.top, upper);
    // Fragments between the previous table and this one: an indicator header with no funds block.
    reportOrphans(view, headers.indicators, upper, start - 1, claims, region);

    const read = readFunds(view, fundsHeader, nextFunds);
    const candidate = headers.indicators[firstFrom(headers.indicators, fundsHeader.bottom + 1)];
    const indicatorHeader = candidate && candidate.top < nextFunds ? readHeader(view, candidate.top, 'indicators') : undefined;
    if (!('block' in read) || indicatorHeader === undefined) {
      const end = lastUsedRowBefore(view, nextFunds, start);
      region({
        sheet: grid.name,
        range: { top: start, left: 0, bottom: end, right: view.rightmostUsed(start, end) },
        reason: 'reason' in read ? read.reason : 'noIndicatorHeader',
      });
      upper = end + 1;
      continue;
    }
    const table = readTable(view, start, read.block, fundsHeader, indicatorHeader, nextFunds);
    if (each) each(table);
    else tables.push(table);
    claims.take(table.range.top, table.range.bottom);
    upper = table.range.bottom + 1;
    view.release(table.range.top);
  }
  reportOrphans(view, headers.indicators, upper, view.rows - 1, claims, region);
  reportOrphanNames(view, claims, region);
  reportOrphanTitles(view, claims, region);
  return { tables, unrecognised: unrecognised.sort((a, b) => a.range.top - b.range.top) };
}

/** Rows above a table that belong to it without being its content: title, year, 报表编号, "单位名称:…". */
function isTitleOrPreamble(view: SheetView, r: number): boolean {
  const labels = view.labelCols(r).map((c) => view.label(r, c));
  return labels.length > 0 && labels.every((l) => isTitle(l) || isPreamble(l));
}

/** The table begins at its title, preamble or name rows above the funds header, never above `upper`. */
function tableStart(view: SheetView, fundsTop: number, upper: number): number {
  let start = fundsTop;
  for (let r = fundsTop - 1; r >= Math.max(upper, fundsTop - HEADER_LOOKBACK); r--) {
    if (readHeader(view, r, 'funds') || readHeader(view, r, 'indicators')) break;
    if (view.rowHasLabel(r, (l) => headerFieldOf(l) !== undefined)) start = r;
  }
  // Title and preamble rows directly above the name rows, and a name that lost its 项目名称 label.
  let nameless = !isNameRow(view, start);
  for (let r = start - 1; r >= Math.max(upper, start - 5); r--) {
    if (view.rowBlank(r)) continue;
    if (isTitleOrPreamble(view, r)) start = r;
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
  while (r > floor && (view.rowBlank(r) || isNameRow(view, r) || isTitleOrPreamble(view, r) || view.rowHasLabel(r, (l) => headerFieldOf(l) !== undefined))) r--;
  return Math.max(floor, r < end ? r : end);
}

function reportOrphans(
  view: SheetView,
  headers: readonly At[],
  from: number,
  to: number,
  claims: Claims,
  region: (u: Unrecognised) => void,
): void {
  for (let i = firstFrom(headers, from); i < headers.length && headers[i]!.top <= to; i++) {
    const h = headers[i]!;
    if (claims.has(h.top)) continue;
    let end = h.bottom;
    while (end + 1 <= to && !view.rowBlank(end + 1)) end++;
    // The region is the whole fragment: its title and name rows too, reported once.
    let top = tableStart(view, h.top, from);
    while (top < h.top && claims.has(top)) top++;
    region({ sheet: view.grid.name, range: { top, left: 0, bottom: end, right: view.rightmostUsed(top, end) }, reason: 'noFundsHeader' });
  }
}

/** A 项目名称 row that no table claimed: a table whose funds block is missing. */
function reportOrphanNames(view: SheetView, claims: Claims, region: (u: Unrecognised) => void): void {
  for (let r = 0; r < view.rows; r++) {
    if (claims.has(r) || !isNameRow(view, r)) continue;
    let end = r;
    while (end + 1 < view.rows && !view.rowBlank(end + 1) && !isNameRow(view, end + 1)) end++;
    region({ sheet: view.grid.name, range: { top: r, left: 0, bottom: end, right: view.rightmostUsed(r, end) }, reason: 'noFundsHeader' });
  }
}

/** A self-evaluation title with nothing readable under it: a table whose headers could not be read. */
function reportOrphanTitles(view: SheetView, claims: Claims, region: (u: Unrecognised) => void): void {
  for (let r = 0; r < view.rows; r++) {
    if (claims.has(r) || !view.rowHasLabel(r, isTitle)) continue;
    let end = r;
    while (end + 1 < view.rows && !claims.has(end + 1) && !view.rowHasLabel(end + 1, isTitle) && !(view.rowBlank(end + 1) && view.rowBlank(end + 2))) end++;
    if (end === r) continue; // a lone title line is a heading, not a table
    region({ sheet: view.grid.name, range: { top: r, left: 0, bottom: end, right: view.rightmostUsed(r, end) }, reason: 'noHeaders' });
    r = end;
  }
}

type HeaderFields = Partial<Record<NonNullable<ReturnType<typeof headerFieldOf>>, Field>>;

/** 项目名称, 主管部门, 实施单位 / 部门(单位)名称, 自评得分, 自评结果, and the title. */
function readHeaderFields(view: SheetView, start: number, end: number): { fields: HeaderFields; title: string } {
  const fields: HeaderFields = {};
  let title = '';
  for (let r = start; r < end; r++) {
    for (const c of view.labelCols(r)) {
      const label = view.label(r, c);
      if (!title && isTitle(label)) title = displayText(valueAt(view.grid, r, c));
      const f = headerFieldOf(label);
      if (f && !fields[f]) {
        const v = view.valueRightOf(r, c);
        if (v) fields[f] = v;
      }
    }
  }
  return { fields, title };
}

/** The unit of the amounts: said by the funds header, a line above the table, or the amounts themselves. */
function amountUnit(view: SheetView, start: number, funds: FundsBlock, fundsHeader: Header<FundsMeaning>): AmountUnit {
  if (fundsHeader.unit) return fundsHeader.unit;
  for (let r = start; r <= funds.headerRow; r++) {
    for (const c of view.labelCols(r)) {
      const u = amountUnitOf(view.label(r, c));
      if (u) return u;
    }
  }
  for (const f of [funds.total.budget, funds.total.executed, funds.total.initial]) {
    const n = f ? readNumber(f.value, f.format) : undefined;
    if (n?.kind === 'number' && n.shown.unit) return n.shown.unit;
  }
  return '万元';
}

function readTable(
  view: SheetView,
  start: number,
  funds: FundsBlock,
  fundsHeader: Header<FundsMeaning>,
  indicatorHeader: Header<IndicatorMeaning>,
  limit: number,
): Table {
  const { fields, title } = readHeaderFields(view, start, funds.headerTop);
  const organisation = fields.organisation ? displayText(fields.organisation.value) : '';
  const kind: TableKind = /部门整体|整体支出/.test(title) || (fields.organisation && !fields.project) ? 'department' : 'project';
  const block = readIndicators(view, indicatorHeader, limit);
  const grade = block.grade ?? fields.selfGrade;
  const end = block.end;

  const stated = statedWeights(view, start, funds, indicatorHeader, end);
  const indicatorColumns: Partial<Record<IndicatorMeaning, number>> = {};
  for (const [meaning, h] of Object.entries(indicatorHeader.columns) as [IndicatorMeaning, { col: number }][]) indicatorColumns[meaning] = h.col;

  return {
    tasks: kind === 'department' ? readTasks(view, start, funds.headerTop) : undefined,
    sheet: view.grid.name,
    kind,
    range: { top: start, left: 0, bottom: end, right: view.rightmostUsed(start, end) },
    title,
    project: fields.project ? displayText(fields.project.value) : organisation || unlabelledName(view, start, funds.headerTop),
    department: fields.department ? displayText(fields.department.value) : organisation,
    implementer: fields.implementer ? displayText(fields.implementer.value) : organisation,
    amountUnit: amountUnit(view, start, funds, fundsHeader),
    funds: stated.funds ? { ...funds, statedWeight: stated.funds } : funds,
    indicatorHeaderRow: indicatorHeader.bottom,
    indicators: block.indicators,
    columns: { funds: funds.columns, indicators: indicatorColumns },
    level1Stated: stated.indicators,
    totalRow: block.totalRow,
    grade,
    headerTotal: fields.selfScore,
  };
}

/**
 * Some exports drop the 项目名称 label and keep its value: a row above the funds block holding one
 * short text that is no label, title or year.
 */
function unlabelledName(view: SheetView, start: number, fundsTop: number): string {
  for (let r = start; r < fundsTop; r++) {
    const cols = view.labelCols(r);
    if (cols.length !== 1) continue;
    const label = view.label(r, cols[0]!);
    if (isTitle(label) || isPreamble(label) || headerFieldOf(label)) continue;
    if (label.length > 40 || fundsMeaningOf(parseColumnLabel(label).core) || isFundsRowLabel(label)) continue;
    return displayText(valueAt(view.grid, r, cols[0]!));
  }
  return '';
}

/**
 * Labels that state their weight: the funds block's ("预算执行情况(万元)(20分)"), the 一级 labels
 * ("产出指标(50分)") and frames over every indicator ("绩效指标(90分)", "年度绩效目标1 (80分)").
 */
function statedWeights(
  view: SheetView,
  start: number,
  funds: FundsBlock,
  header: Header<IndicatorMeaning>,
  end: number,
): { funds?: StatedWeight; indicators: (StatedWeight & { level1: string | null })[] } {
  const level1Col = header.columns.level1?.col;
  const fundsEnd = Math.max(funds.total.row, ...funds.groups.flat().map((r) => r.row));
  let fundsStated: StatedWeight | undefined;
  const indicators: (StatedWeight & { level1: string | null })[] = [];
  for (let r = start; r <= end; r++) {
    for (const c of view.labelCols(r)) {
      const label = view.label(r, c);
      const points = statedPoints(label);
      if (!points) continue;
      const stated = { field: view.field(r, c), label, points };
      if (r >= funds.headerTop && r <= fundsEnd) fundsStated ??= stated;
      else if (r > header.bottom && c === level1Col) indicators.push({ ...stated, level1: withoutPoints(label) });
      else if (r >= header.top) indicators.push({ ...stated, level1: null });
    }
  }
  return { funds: fundsStated, indicators };
}
