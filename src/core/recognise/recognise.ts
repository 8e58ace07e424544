/**
 * Table recognition: finds every self-evaluation table on a sheet by the meaning of its words, never by
 * position. A table is anchored on its funds header (预算数 / 执行数 / 执行率 …); its name rows are looked
 * for above, its indicator block below. Anything that looks like part of a table but cannot be read as
 * one is reported with a reason, and the other tables go on.
 */
import { type Grid, valueAt } from '../grid';
import { displayText, labelOf } from '../text';
import { numberKind, readNumber } from '../numbers';
import type { AmountUnit, AskedField, ColumnsRead, Field, FundsBlock, Framework, Indicator, StatedWeight, Table, TableKind, Unrecognised } from '../table';
import { type Header, readHeader } from './header';
import {
  type FundsMeaning,
  type HeaderField,
  type IndicatorMeaning,
  amountUnitOf,
  fundsMeaningOf,
  gradeInLabel,
  headerFieldOf,
  isAfterFundsLabel,
  isFundsRowLabel,
  isFundsTotalLabel,
  isGradeLabel,
  isPreamble,
  isTitle,
  isTotalLabel,
  parseColumnLabel,
  statedPoints,
  totalInLabel,
  withoutPoints,
} from './vocabulary';
import { SheetView, isNameRow } from './sheetView';
import { type FundsRead, pairsRead, readFunds, readPairs, readTasks } from './funds';
import { readIndicators } from './indicators';
import { type GoalCells, readGoals, valueCellRightOf } from './asked';

export interface SheetTables {
  readonly tables: Table[];
  readonly unrecognised: Unrecognised[];
}

/** How far above its first block a table's title and header lines may sit. */
const HEADER_LOOKBACK = 24;

/** Where a block is: its rows. The header itself is read again when needed (see SheetView.release). */
interface At {
  readonly top: number;
  readonly bottom: number;
}

/** A block a table may have: a funds header, funds written as label | value pairs, an indicator header. */
interface Anchor extends At {
  readonly kind: 'funds' | 'pairs' | 'indicators';
}

/** Rows findAnchors keeps its readings for above the row it is on (a header looks back and down a few dozen). */
const ANCHOR_WINDOW = 256;

function findAnchors(view: SheetView): Anchor[] {
  const anchors: Anchor[] = [];
  // Amounts as pairs stand above a table's grid, never among its indicator rows: those are passed over
  // until another table may begin (a title or name line, or two blank rows).
  let inIndicators = false;
  let blanks = 0;
  for (let r = 0; r < view.rows; r++) {
    // What was read far above is not asked again in this pass.
    if ((r & 63) === 0 && r > ANCHOR_WINDOW) view.forgetAbove(r - ANCHOR_WINDOW);
    const ind = readHeader(view, r, 'indicators');
    if (ind) {
      anchors.push({ kind: 'indicators', top: ind.top, bottom: ind.bottom });
      r = ind.bottom;
      inIndicators = true;
      continue;
    }
    const f = readHeader(view, r, 'funds');
    if (f) {
      anchors.push({ kind: 'funds', top: f.top, bottom: f.bottom });
      r = f.bottom;
      inIndicators = false;
      continue;
    }
    blanks = view.rowBlank(r) ? blanks + 1 : 0;
    if (inIndicators && (blanks >= 2 || isNameRow(view, r) || view.rowHasLabel(r, isTitle))) inIndicators = false;
    if (inIndicators) continue;
    const p = view.memo('pairs', r, () => readPairs(view, r));
    if (p) anchors.push({ kind: 'pairs', top: p.headerTop, bottom: p.headerRow });
  }
  // Only the positions are kept: a sheet of thousands of tables does not hold every header at once.
  view.forget();
  return anchors;
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

/**
 * Every table of a sheet and every region that could not be read. With `each`, each table is handed
 * over as soon as it is read and not kept (a sheet of ten thousand tables then never holds them all).
 *
 * A table is its title or project header with whatever it has of a funds block (under a header, or as
 * label | value pairs), an indicator block and a total (SPEC §2): blocks are optional, and the lines above
 * the first block belong to the table.
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
  const anchors = findAnchors(view);
  const nextOf = nextByKind(anchors);

  let upper = 0; // first row not yet claimed by a table
  for (let k = 0; k < anchors.length; k++) {
    const anchor = anchors[k]!;
    if (anchor.top < upper) continue; // inside the table before (a header repeated at a page break)
    // Amounts as pairs in the header lines of a table whose funds header follows: those lines are its header.
    if (anchor.kind === 'pairs' && anchors[k + 1]?.kind === 'funds' && !startsTableBetween(view, anchor.bottom + 1, anchors[k + 1]!.top)) continue;
    const start = tableStart(view, anchor.top, upper);
    // The next funds block begins the next table; amounts as pairs do so only under a title or name row of their own.
    let nextFunds = anchors[nextOf.funds[k]!]?.top ?? view.rows;
    for (let p = nextOf.pairs[k]!; p < anchors.length && anchors[p]!.top < nextFunds; p = nextOf.pairs[p]!) {
      if (startsTableBetween(view, anchor.bottom + 1, anchors[p]!.top)) nextFunds = anchors[p]!.top;
    }
    const outcome = anchor.kind === 'indicators' ? withoutFunds(view, start, anchor, nextFunds) : withFunds(view, start, anchor, anchors, k, nextFunds);
    for (const u of outcome.regions) {
      region(u);
      upper = Math.max(upper, u.range.bottom + 1);
    }
    const table = outcome.table;
    if (table) {
      if (each) each(table);
      else tables.push(table);
      claims.take(table.range.top, table.range.bottom);
      upper = Math.max(upper, table.range.bottom + 1);
      view.release(table.range.top);
    }
  }
  reportOrphanNames(view, claims, region);
  reportOrphanTitles(view, claims, region);
  return { tables, unrecognised: unrecognised.sort((a, b) => a.range.top - b.range.top) };
}

/** For each anchor, the index of the next funds header and of the next pairs after it (anchors.length if none). */
function nextByKind(anchors: readonly Anchor[]): { funds: Int32Array; pairs: Int32Array } {
  const funds = new Int32Array(anchors.length);
  const pairs = new Int32Array(anchors.length);
  let f = anchors.length;
  let p = anchors.length;
  for (let i = anchors.length - 1; i >= 0; i--) {
    funds[i] = f;
    pairs[i] = p;
    if (anchors[i]!.kind === 'funds') f = i;
    if (anchors[i]!.kind === 'pairs') p = i;
  }
  return { funds, pairs };
}

/** The first anchor after the k-th that satisfies `test` (found without copying: sheets hold thousands). */
function after(anchors: readonly Anchor[], k: number, test: (a: Anchor) => boolean): Anchor | undefined {
  for (let i = k + 1; i < anchors.length; i++) if (test(anchors[i]!)) return anchors[i];
  return undefined;
}

interface Outcome {
  readonly table?: Table;
  /** Parts of the table that look like a block but cannot be read (rows of figures under no header). */
  readonly regions: readonly Unrecognised[];
}

/** A table anchored on its funds block, with the indicator header below it if it has one. */
function withFunds(view: SheetView, start: number, anchor: Anchor, anchors: readonly Anchor[], k: number, nextFunds: number): Outcome {
  const fundsHeader = anchor.kind === 'funds' ? readHeader(view, anchor.top, 'funds') : undefined;
  const read: FundsRead = fundsHeader ? readFunds(view, fundsHeader, nextFunds) : pairsRead(view, anchor.top);
  const fundsEnd = 'block' in read ? lastFundsRow(read.block) : anchor.bottom;
  const candidate = after(anchors, k, (a) => a.top > fundsEnd);
  const indicatorHeader =
    candidate?.kind === 'indicators' && candidate.top < nextFunds && !startsTableBetween(view, fundsEnd + 1, candidate.top)
      ? readHeader(view, candidate.top, 'indicators')
      : undefined;
  const sheet = view.grid.name;
  if (!('block' in read) && !indicatorHeader) {
    const end = lastUsedRowBefore(view, nextFunds, start);
    return { regions: [{ sheet, range: { top: start, left: 0, bottom: end, right: view.rightmostUsed(start, end) }, reason: read.reason }] };
  }
  const funds = 'block' in read ? read.block : undefined;
  if (indicatorHeader) {
    const table = readTable(view, start, funds, fundsHeader, indicatorHeader, nextFunds, fundsEnd);
    if ('block' in read) return { table, regions: [] };
    // A funds header whose rows cannot be read (no 年度资金总额 row): those rows are reported, the indicators read.
    let bottom = anchor.bottom;
    while (bottom + 1 < indicatorHeader.top && !view.rowBlank(bottom + 1) && !view.rowHasLabel(bottom + 1, isAfterFundsLabel)) bottom++;
    return { table, regions: [{ sheet, range: { top: anchor.top, left: 0, bottom, right: view.rightmostUsed(anchor.top, bottom) }, reason: read.reason }] };
  }
  // No indicator header: rows of figures below the funds block are indicators whose header could not be read.
  const limit = Math.min(nextFunds, nextTableStart(view, fundsEnd + 1, nextFunds));
  const orphan = figureRows(view, fundsEnd + 1, limit, () => true);
  const table = readTable(view, start, funds, fundsHeader, undefined, orphan ? orphan.top : limit, fundsEnd);
  return { table, regions: orphan ? [{ sheet, range: { ...orphan, left: 0, right: view.rightmostUsed(orphan.top, orphan.bottom) }, reason: 'noIndicatorHeader' }] : [] };
}

/** A table with no funds block: its indicator header and what is above it. */
function withoutFunds(view: SheetView, start: number, anchor: Anchor, nextFunds: number): Outcome {
  const header = readHeader(view, anchor.top, 'indicators');
  if (!header) throw new Error(`indicator header lost at row ${anchor.top}`);
  const table = readTable(view, start, undefined, undefined, header, nextFunds, anchor.top - 1);
  // Funds rows (年度资金总额 | 100 | 90 …) above the indicators with no header over them cannot be read.
  const orphan = figureRows(view, start, anchor.top, (r) => view.rowHasLabel(r, isFundsTotalLabel));
  const sheet = view.grid.name;
  return { table, regions: orphan ? [{ sheet, range: { ...orphan, left: 0, right: view.rightmostUsed(orphan.top, orphan.bottom) }, reason: 'noFundsHeader' }] : [] };
}

/**
 * Rows holding two figures or more, from the first that `opens` to the last of the run: figures that no
 * header explains. Two such rows at least, so that a lone line of figures is not taken for a block.
 */
function figureRows(view: SheetView, from: number, to: number, opens: (r: number) => boolean): { top: number; bottom: number } | undefined {
  const figures = (r: number) => view.usedCount(r) - view.labelCols(r).length >= 2;
  for (let r = from; r < to; r++) {
    if (!figures(r) || !opens(r)) continue;
    let bottom = r;
    for (let s = r + 1; s < to && (figures(s) || (view.rowBlank(s) && s + 1 < to && figures(s + 1))); s++) if (figures(s)) bottom = s;
    return bottom > r ? { top: r, bottom } : undefined;
  }
  return undefined;
}

function lastFundsRow(funds: FundsBlock): number {
  return Math.max(funds.headerRow, funds.total.row, ...funds.groups.flat().map((r) => r.row));
}

/**
 * A table's title, or its name line: a few label | value pairs (项目名称 | …), not a header of many columns
 * that happens to hold a 项目名称 column (a department's 重点项目 list).
 */
function startsTable(view: SheetView, r: number): boolean {
  return (isNameRow(view, r) && view.labelCols(r).length <= 6) || view.rowHasLabel(r, isTitle);
}

/** A title or a project name row between two blocks: the second belongs to another table. */
function startsTableBetween(view: SheetView, from: number, to: number): boolean {
  for (let r = from; r < to; r++) if (startsTable(view, r)) return true;
  return false;
}

/** The first row at or below `from` where another table begins (its title or name row), or `limit`. */
function nextTableStart(view: SheetView, from: number, limit: number): number {
  for (let r = from; r < limit; r++) if (startsTable(view, r)) return r;
  return limit;
}

/** Rows above a table that belong to it without being its content: title, year, 报表编号, "单位名称:…". */
function isTitleOrPreamble(view: SheetView, r: number): boolean {
  const { labels } = view.labelsOf(r);
  return labels.length > 0 && labels.every((l) => isTitle(l) || isPreamble(l));
}

/** The last lines of a table: its 总分, 评分等级, a note, the signatures. A table above ends there. */
function closesTable(view: SheetView, r: number): boolean {
  // 自评得分 / 自评结果 stand in a department-wide table's header as well as under a table.
  const closing = (l: string) => isTotalLabel(l) || isGradeLabel(l) || gradeInLabel(l) !== undefined;
  if (view.rowHasLabel(r, (l) => headerFieldOf(l) !== undefined)) return false;
  return view.rowHasLabel(r, (l) => closing(l) || /^注[:.、]|^(填表人|审核人|填报人|单位负责人|填表日期|审核日期)/.test(l));
}

/**
 * The table begins at its title: every line above its first block (name rows, label | value lines such as
 * "项目总得分 99分", goals) up to the title and the preamble above it, never above `upper` or past two blank
 * rows, the last lines of a table above, or another header.
 */
function tableStart(view: SheetView, blockTop: number, upper: number): number {
  let start = blockTop;
  let blanks = 0;
  for (let r = blockTop - 1; r >= Math.max(upper, blockTop - HEADER_LOOKBACK); r--) {
    if (view.rowBlank(r)) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    if (readHeader(view, r, 'funds') || readHeader(view, r, 'indicators') || closesTable(view, r)) break;
    start = r;
    if (view.rowHasLabel(r, isTitle)) {
      for (let p = r - 1; p >= Math.max(upper, r - 4); p--) {
        if (view.rowBlank(p)) continue;
        if (!isTitleOrPreamble(view, p)) break;
        start = p;
      }
      break;
    }
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

/** A 项目名称 row that no table claimed: a table with no block that could be read. */
function reportOrphanNames(view: SheetView, claims: Claims, region: (u: Unrecognised) => void): void {
  for (let r = 0; r < view.rows; r++) {
    if (claims.has(r) || !isNameRow(view, r)) continue;
    let end = r;
    while (end + 1 < view.rows && !claims.has(end + 1) && !view.rowBlank(end + 1) && !isNameRow(view, end + 1)) end++;
    region({ sheet: view.grid.name, range: { top: r, left: 0, bottom: end, right: view.rightmostUsed(r, end) }, reason: 'noFundsHeader' });
    r = end;
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

type HeaderFields = Partial<Record<HeaderField, Field>>;

/**
 * 项目名称, 主管部门, 实施单位 / 部门(单位)名称, 自评得分, 自评结果, and the title: each a label with its value
 * to the right ("自评总分 | 99") or inside the same cell ("项目总得分 99分", "自评结果：优").
 */
function readHeaderFields(view: SheetView, start: number, end: number): { fields: HeaderFields; blanks: HeaderFields; title: string } {
  const fields: HeaderFields = {};
  /** Where a label's value was left blank (kept only when no other label of that field has a value). */
  const blanks: HeaderFields = {};
  const labels: Partial<Record<HeaderField, string>> = {};
  let title = '';
  for (let r = start; r < end; r++) {
    for (const c of view.labelCols(r)) {
      const label = view.label(r, c);
      if (!title && isTitle(label)) title = displayText(valueAt(view.grid, r, c));
      const inCell = totalInLabel(label);
      if (inCell !== undefined) {
        fields.selfScore ??= { ...view.field(r, c), value: inCell, inLabel: true };
        continue;
      }
      const grade = gradeInLabel(label);
      if (grade) {
        fields.selfGrade ??= view.field(r, c);
        continue;
      }
      const f = headerFieldOf(label);
      if (!f) continue;
      // 中央主管部门 beside 地方主管部门: the local one is the table's.
      if (fields[f] && !(f === 'department' && /^中央/.test(labels[f] ?? ''))) continue;
      const v = view.valueRightOf(r, c);
      if (v && (f !== 'selfScore' || numberKind(v.value) === 'number')) {
        fields[f] = v;
        labels[f] = label;
      } else if (!v) blanks[f] ??= valueCellRightOf(view, r, c);
    }
  }
  return { fields, blanks, title };
}

/** The unit of the amounts: said by the funds header, a line above the table, or the amounts themselves. */
function amountUnit(view: SheetView, start: number, funds: FundsBlock | undefined, headerUnit: AmountUnit | undefined): AmountUnit {
  if (headerUnit) return headerUnit;
  if (!funds) return '万元';
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

/** 决策 / 过程 (管理) / 产出 / 效益: the 评价 framework, where 满意度 sits inside 效益. */
function frameworkOf(indicators: readonly Indicator[]): Framework {
  return indicators.some((i) => /^(\(?[一二三四五六七八九十\d]{1,3}[)、.．]?)?(决策|过程)(指标)?/.test(labelOf(i.level1))) ? 'evaluation' : 'selfEvaluation';
}

function readTable(
  view: SheetView,
  start: number,
  funds: FundsBlock | undefined,
  fundsHeader: Header<FundsMeaning> | undefined,
  indicatorHeader: Header<IndicatorMeaning> | undefined,
  limit: number,
  fundsEnd: number,
): Table {
  const firstBlock = funds?.headerTop ?? indicatorHeader?.top ?? fundsEnd + 1;
  const { fields, blanks, title } = readHeaderFields(view, start, firstBlock);
  const organisation = fields.organisation ? displayText(fields.organisation.value) : '';
  const kind: TableKind = /部门整体|整体支出/.test(title) || (fields.organisation && !fields.project) ? 'department' : 'project';
  const block = indicatorHeader ? readIndicators(view, indicatorHeader, limit) : { indicators: [], end: lastUsedRowBefore(view, limit, fundsEnd) };
  const grade = block.grade ?? fields.selfGrade;
  const end = Math.max(block.end, fundsEnd);

  const stated = statedWeights(view, start, funds, indicatorHeader, end);
  const indicatorColumns: Partial<Record<IndicatorMeaning, number>> = {};
  for (const [meaning, h] of Object.entries(indicatorHeader?.columns ?? {}) as [IndicatorMeaning, { col: number }][]) indicatorColumns[meaning] = h.col;
  const levels = indicatorHeader ? levelWeights(view, indicatorHeader, block.indicators) : { level1: [], level2: [] };

  return {
    tasks: kind === 'department' ? readTasks(view, start, funds?.headerTop ?? firstBlock) : undefined,
    sheet: view.grid.name,
    kind,
    range: { top: start, left: 0, bottom: end, right: view.rightmostUsed(start, end) },
    title,
    project: fields.project ? displayText(fields.project.value) : organisation || unlabelledName(view, start, firstBlock),
    department: fields.department ? displayText(fields.department.value) : organisation,
    implementer: fields.implementer ? displayText(fields.implementer.value) : organisation,
    amountUnit: amountUnit(view, start, funds, fundsHeader?.unit),
    funds: funds && stated.funds ? { ...funds, statedWeight: stated.funds } : funds,
    indicatorHeaderRow: indicatorHeader?.bottom,
    indicators: block.indicators,
    columns: {
      funds: funds?.columns ?? {},
      indicators: indicatorColumns,
      unread: withFiguresUnderNoWord(unreadCells(view, [fundsHeader, indicatorHeader]), figuresUnderNoWord(view, funds, indicatorHeader ? indicatorColumns : undefined, block.indicators)),
    },
    level1Stated: [...stated.indicators, ...levels.level1],
    ...(stated.table ? { tableStated: stated.table } : {}),
    level2Stated: levels.level2,
    framework: frameworkOf(block.indicators),
    totalRow: block.totalRow,
    grade,
    headerTotal: fields.selfScore,
    asked: askedFields(fields, blanks, readGoals(view, start, indicatorHeader?.top ?? firstBlock)),
  };
}

/** 项目名称, 主管部门, 实施单位 and the 年度总体目标's two texts, where the form has them (filled or blank). */
function askedFields(fields: HeaderFields, blanks: HeaderFields, goals: GoalCells | undefined): AskedField[] {
  const asked: AskedField[] = [];
  for (const name of ['project', 'department', 'implementer'] as const) {
    const cell = fields[name] ?? blanks[name];
    if (cell) asked.push({ name, cell });
  }
  if (goals) asked.push({ name: 'goalTarget', cell: goals.target }, { name: 'goalActual', cell: goals.actual });
  return asked;
}

/** The header cells of the table's blocks that were read as nothing. */
function unreadCells(view: SheetView, headers: readonly (Header<string> | undefined)[]): ColumnsRead['unread'] {
  return headers.flatMap((h) => h?.unread ?? []).map((u) => ({ row: u.row, col: u.col, label: displayText(valueAt(view.grid, u.row, u.col)) }));
}

/** A column whose header word is already named unread is not named again by its figure. */
function withFiguresUnderNoWord(headers: ColumnsRead['unread'], figures: ColumnsRead['unread']): ColumnsRead['unread'] {
  return [...headers, ...figures.filter((f) => !headers.some((h) => h.col === f.col))];
}

/**
 * Never silent: a figure on the funds' total row, or a figure or text on the first indicator row, standing in a
 * column no header word explains (the word lost, a header cell blank) is named as unread, not passed over.
 */
function figuresUnderNoWord(
  view: SheetView,
  funds: FundsBlock | undefined,
  indicatorColumns: Partial<Record<IndicatorMeaning, number>> | undefined,
  indicators: readonly Indicator[],
): ColumnsRead['unread'] {
  const out: { row: number; col: number; label: string }[] = [];
  const check = (row: number, read: readonly (number | undefined)[], texts: boolean) => {
    const known = new Set(read.filter((c): c is number => c !== undefined));
    const right = Math.max(...known);
    for (let c = 0; c < view.cols; c++) {
      if (known.has(c)) continue;
      // Left of the last indicator column read, a text is as unread as a figure ("100人次" under a lost 指标值, a
      // 一级 name under a lost 一级指标 that is not one of the framework's words).
      const text = texts && c < right && !view.blank(row, c) && !coveredBy(view, row, c);
      if (!text && view.grid.numberAt(row, c).kind !== 'number') continue;
      // A number inside a label's own cell ("年度金额(提前下达): 208万元" stays a pair) or left of the labels is no column.
      if (view.label(row, c) && headerFieldOf(view.label(row, c))) continue;
      out.push({ row, col: c, label: displayText(valueAt(view.grid, row, c)) });
    }
  };
  if (funds && !funds.pairs) check(funds.total.row, Object.values(funds.columns), false);
  const first = indicators[0];
  if (indicatorColumns && first) check(first.row, Object.values(indicatorColumns), true);
  return out;
}

/** A cell inside a merged area that starts left of or above it: its value is the area's, already read there. */
function coveredBy(view: SheetView, r: number, c: number): boolean {
  const m = view.mergeAt(r, c);
  return !!m && (m.top < r || m.left < c);
}

/** Weights beside the 一级 and 二级 labels (a 分值 column at every level), one per label cell. */
function levelWeights(
  view: SheetView,
  header: Header<IndicatorMeaning>,
  indicators: readonly Indicator[],
): { level1: (StatedWeight & { level1: string })[]; level2: Table['level2Stated'][number][] } {
  const level1: (StatedWeight & { level1: string })[] = [];
  const level2: Table['level2Stated'][number][] = [];
  const seen = new Set<string>();
  const weightAt = (cell: Field | undefined, col: number | undefined): StatedWeight | undefined => {
    if (!cell || col === undefined || seen.has(`${cell.row}:${col}`)) return undefined;
    seen.add(`${cell.row}:${col}`);
    const field = view.field(cell.row, col);
    const n = readNumber(field.value, field.format);
    return n.kind === 'number' ? { field, label: displayText(cell.value), points: n.shown.value.toFixed() } : undefined;
  };
  for (const ind of indicators) {
    const w1 = weightAt(ind.level1Cell, header.levelWeights?.level1?.col);
    if (w1) level1.push({ ...w1, level1: ind.level1 });
    const w2 = weightAt(ind.level2Cell, header.levelWeights?.level2?.col);
    if (w2) level2.push({ ...w2, level1: ind.level1, level2: ind.level2 });
  }
  return { level1, level2 };
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
  funds: FundsBlock | undefined,
  header: Header<IndicatorMeaning> | undefined,
  end: number,
): { funds?: StatedWeight; table?: StatedWeight; indicators: (StatedWeight & { level1: string | null })[] } {
  const level1Col = header?.columns.level1?.col;
  const fundsEnd = funds ? lastFundsRow(funds) : -1;
  let fundsStated: StatedWeight | undefined;
  let tableStated: StatedWeight | undefined;
  const indicators: (StatedWeight & { level1: string | null })[] = [];
  for (let r = start; r <= end; r++) {
    for (const c of view.labelCols(r)) {
      const label = view.label(r, c);
      const points = statedPoints(label);
      if (!points) continue;
      const stated = { field: view.field(r, c), label, points };
      if (funds && r >= funds.headerTop && r <= fundsEnd) fundsStated ??= stated;
      else if (!header) continue;
      // "总分(100分)" states the whole table's points (执行率 and indicators), no frame over the indicators alone.
      else if (isTotalLabel(withoutPoints(label))) tableStated ??= stated;
      else if (r > header.bottom && c === level1Col) indicators.push({ ...stated, level1: withoutPoints(label) });
      else if (r >= header.top) indicators.push({ ...stated, level1: null });
    }
  }
  return { funds: fundsStated, ...(tableStated ? { table: tableStated } : {}), indicators };
}
