/**
 * Column headers by meaning. A header is one row, or two: a band label over its sub-columns
 * ("年度指标值" over 指标性质 | 指标值 | 度量单位, "预算执行情况" over 预算数 | 执行数 | 执行率) with the other
 * columns merged down both rows. Each column takes the meaning of its lowest label that has one.
 */
import {
  type FundsMeaning,
  type IndicatorMeaning,
  amountUnitOf,
  fundsMeaningOf,
  indicatorMeaningOf,
  isFundsBand,
  isIndicatorFrame,
  isTargetBand,
  isTaskWord,
  onVocabularyChange,
  parseColumnLabel,
} from './vocabulary';
import type { SheetView } from './sheetView';
import { withLevelsByContent } from './levelsByContent';

export type HeaderKind = 'funds' | 'indicators';

type MeaningOf<K extends HeaderKind> = K extends 'funds' ? FundsMeaning : IndicatorMeaning;

export interface HeaderColumn<M extends string> {
  readonly meaning: M;
  readonly col: number;
  /** The label it was read from (normalised). */
  readonly label: string;
  /** "(%)" in the label: plain numbers under it are percents. */
  readonly percent: boolean;
  /** "得分(20分*执行率)": the weight the label states. */
  readonly points?: string;
  readonly row: number;
  readonly rank: number;
}

/** A label in the header rows that names no column: a frame, a band, a corner. */
export interface HeaderLabel {
  readonly row: number;
  readonly col: number;
  readonly label: string;
}

export interface Header<M extends string> {
  readonly top: number;
  /** The last header row: data starts below it. */
  readonly bottom: number;
  /** One column per meaning: the best-ranked, then the leftmost. */
  readonly columns: Partial<Record<M, HeaderColumn<M>>>;
  /** Every column read, in sheet order (a meaning may come twice: two funds blocks side by side). */
  readonly all: readonly HeaderColumn<M>[];
  readonly others: readonly HeaderLabel[];
  /** The unit of amounts a header label states ("项目资金(元)"). */
  readonly unit?: '万元' | '元';
  /** Header labels read as nothing: not a column, not a band or frame word. */
  readonly unread: readonly HeaderLabel[];
  /** A 分值 column beside the 一级 or the 二级 labels (weights at every level): those levels' own weights. */
  readonly levelWeights?: { readonly level1?: HeaderColumn<M>; readonly level2?: HeaderColumn<M> };
}

type Meaning<K extends HeaderKind> = { meaning: MeaningOf<K>; rank: number; percent: boolean; points?: string } | undefined;

/** What a label says to header recognition, worked out once per distinct label (tables repeat their headers). */
interface LabelInfo {
  readonly funds: Meaning<'funds'>;
  readonly indicators: Meaning<'indicators'>;
  /** A band, corner or frame label of this kind of header. */
  readonly fundsWord: boolean;
  readonly indicatorWord: boolean;
  /** A word of the department-wide 年度主要任务 header, or a 一级/二级/三级 label: never a funds header. */
  readonly notFunds: boolean;
}

const INFO = new Map<string, LabelInfo>();
const MAX_INFO = 50_000;
onVocabularyChange(() => INFO.clear());

function infoOf(label: string): LabelInfo {
  let info = INFO.get(label);
  if (info) return info;
  const parsed = parseColumnLabel(label);
  const f = fundsMeaningOf(parsed.core);
  const i = indicatorMeaningOf(parsed.core);
  info = {
    funds: f ? { meaning: f.meaning, rank: f.rank, percent: parsed.percent, points: parsed.points } : undefined,
    indicators: i ? { meaning: i.meaning, rank: i.rank, percent: parsed.percent, points: parsed.points } : undefined,
    fundsWord: isFundsBand(parsed.core) || amountUnitOf(label) !== undefined,
    indicatorWord: isIndicatorFrame(parsed.core) || isTargetBand(parsed.core),
    notFunds: isTaskWord(label) || /^[一二三]级指标/.test(label),
  };
  if (INFO.size > MAX_INFO) INFO.clear();
  INFO.set(label, info);
  return info;
}

function meaningOf<K extends HeaderKind>(kind: K, label: string): Meaning<K> {
  return infoOf(label)[kind] as Meaning<K>;
}

/** Labels that belong in a header row of this kind without naming a column. */
function isHeaderWord(kind: HeaderKind, label: string): boolean {
  const info = infoOf(label);
  return kind === 'funds' ? info.fundsWord : info.indicatorWord;
}

interface RowRead<M extends string> {
  readonly columns: HeaderColumn<M>[];
  /** A label that rules the row out as a funds header (a task word, a level word). */
  readonly notFunds: boolean;
  readonly others: HeaderLabel[];
  /** Labelled cells that are neither columns nor header words. */
  readonly strangers: number;
  readonly numbers: number;
}

function readRow<K extends HeaderKind>(view: SheetView, r: number, kind: K): RowRead<MeaningOf<K>> {
  return view.memo(kind === 'funds' ? 'row:funds' : 'row:indicators', r, () => rowAt(view, r, kind));
}

const NOTHING: RowRead<never> = { columns: [], others: [], strangers: 0, numbers: 0, notFunds: false };

function rowAt<K extends HeaderKind>(view: SheetView, r: number, kind: K): RowRead<MeaningOf<K>> {
  // Most rows (indicator rows, names, goals) name no column at all: they are passed over without building anything.
  const { cols, labels, used } = view.labelsOf(r);
  let any = false;
  for (const label of labels) {
    const info = infoOf(label);
    if (info[kind] || info.notFunds) {
      any = true;
      break;
    }
  }
  if (!any) return NOTHING;
  const columns: HeaderColumn<MeaningOf<K>>[] = [];
  const others: HeaderLabel[] = [];
  let strangers = 0;
  let notFunds = false;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    const label = labels[i]!;
    if (infoOf(label).notFunds) notFunds = true;
    const m = meaningOf(kind, label);
    if (m) columns.push({ meaning: m.meaning, col: c, label, percent: m.percent, points: m.points, row: r, rank: m.rank });
    else {
      others.push({ row: r, col: c, label });
      if (!isHeaderWord(kind, label)) strangers++;
    }
  }
  const numbers = used - cols.length;
  return { columns, others, strangers, numbers, notFunds };
}

function pick<M extends string>(all: readonly HeaderColumn<M>[]): Partial<Record<M, HeaderColumn<M>>> {
  const out: Partial<Record<M, HeaderColumn<M>>> = {};
  for (const h of all) {
    const prev = out[h.meaning];
    if (!prev || h.rank < prev.rank) out[h.meaning] = h;
  }
  return out;
}

function unitOf(view: SheetView, rows: readonly number[]): '万元' | '元' | undefined {
  for (const r of rows) for (const c of view.labelCols(r)) {
    const u = amountUnitOf(view.label(r, c));
    if (u) return u;
  }
  return undefined;
}

function isValid(kind: HeaderKind, columns: Partial<Record<string, unknown>>, count: number): boolean {
  if (kind === 'funds') return !!columns.executed && !!(columns.budget || columns.initial) && count >= 2;
  const level = columns.level1 || columns.level2 || columns.level3;
  return !!level && !!(columns.target || columns.actual || columns.weight || columns.score);
}

/** A header row reads as one: few strangers and no figures among its labels. */
function headerLike(read: RowRead<string>): boolean {
  return read.numbers === 0 && read.strangers <= Math.max(1, Math.floor((read.columns.length + read.others.length) / 3));
}

/**
 * The header starting at row r, one row or two, or undefined. A two-row header is taken when the row
 * below also reads as a header: its labels then win over the band labels above them.
 */
export function readHeader<K extends HeaderKind>(view: SheetView, r: number, kind: K): Header<MeaningOf<K>> | undefined {
  return view.memo(kind === 'funds' ? 'header:funds' : 'header:indicators', r, () => headerAt(view, r, kind));
}

function headerAt<K extends HeaderKind>(view: SheetView, r: number, kind: K): Header<MeaningOf<K>> | undefined {
  type M = MeaningOf<K>;
  const top = readRow(view, r, kind);
  if (kind === 'funds' && top.notFunds) return undefined;
  if (top.columns.length === 0 && top.others.length === 0) return undefined;

  const below = r + 1 < view.rows ? readRow(view, r + 1, kind) : undefined;
  if (below && below.columns.length >= 2 && headerLike(below) && headerLike(top)) {
    const combined = combine(view, r, kind);
    const columns = pick(combined);
    if (isValid(kind, columns, combined.length)) {
      const others = [...top.others, ...below.others].filter((o) => !combined.some((h) => h.col === o.col && h.row === o.row));
      return assign(view, kind, { top: r, bottom: r + 1, columns, all: combined, others, unread: unreadOf(kind, others, combined), unit: unitOf(view, [r, r + 1]) });
    }
  }
  const columns = pick<M>(top.columns);
  if (!isValid(kind, columns, top.columns.length) || top.numbers > 0 && kind === 'indicators') return undefined;
  if (!headerLike(top) && top.columns.length < 3) return undefined;
  return assign(view, kind, { top: r, bottom: r, columns, all: top.columns, others: top.others, unread: unreadOf(kind, top.others, top.columns), unit: unitOf(view, [r]) });
}

/** Labels of a header that are neither a column nor a word of its kind (a band over columns that were read). */
function unreadOf<M extends string>(kind: HeaderKind, others: readonly HeaderLabel[], columns: readonly HeaderColumn<M>[]): HeaderLabel[] {
  return others.filter((o) => !isHeaderWord(kind, o.label) && !columns.some((h) => h.col === o.col));
}

/**
 * The header as a whole decides what each column is. A 分值 column standing right of a 一级 or 二级 label
 * column (weights at every level: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值) is that level's weight;
 * the indicators' own 分值 is the one that stands elsewhere (after the 三级, the target or the actual).
 */
function assign<K extends HeaderKind>(view: SheetView, kind: K, read: Header<MeaningOf<K>>): Header<MeaningOf<K>> {
  if (kind !== 'indicators') return read;
  const header = withLevelsByContent(view, read as Header<IndicatorMeaning>) as Header<MeaningOf<K>>;
  const all = header.all as readonly HeaderColumn<IndicatorMeaning>[];
  const weights = all.filter((h) => h.meaning === 'weight');
  if (weights.length < 2) return header;
  const leftOf = (w: HeaderColumn<IndicatorMeaning>) =>
    all.filter((h) => h.meaning !== 'weight' && h.col < w.col).reduce<HeaderColumn<IndicatorMeaning> | undefined>((a, h) => (!a || h.col > a.col ? h : a), undefined);
  let level1: HeaderColumn<IndicatorMeaning> | undefined;
  let level2: HeaderColumn<IndicatorMeaning> | undefined;
  const own: HeaderColumn<IndicatorMeaning>[] = [];
  for (const w of weights) {
    // A weight named for its level (一级指标分值, 二级分值) is that level's; otherwise the level it stands beside.
    const named = /^([一二三])级/.exec(w.label)?.[1];
    const before = named ? (['level1', 'level2', 'level3'] as const)['一二三'.indexOf(named)] : leftOf(w)?.meaning;
    if (before === 'level1' && !level1) level1 = w;
    else if (before === 'level2' && !level2) level2 = w;
    else own.push(w);
  }
  if (!level1 && !level2) return header;
  const weight = own[own.length - 1];
  if (!weight) return header;
  const columns = { ...(header.columns as Partial<Record<IndicatorMeaning, HeaderColumn<IndicatorMeaning>>>), weight };
  return { ...header, columns, levelWeights: { level1, level2 } } as unknown as Header<MeaningOf<K>>;
}

/**
 * A sub-column's word read with the band over it: under a band 年初 | 全年 (or 调整后), two columns headed
 * 预算数 are the initial and the full-year budget. The band's qualifier is taken where it makes the word surer.
 */
function qualifiedByBand<K extends HeaderKind>(view: SheetView, r: number, c: number, kind: K, label: string): Meaning<K> {
  const own = meaningOf(kind, label);
  const band = view.coveringLabel(r, c);
  if (!own || !band || band === label || band.length > 6) return own;
  const qualified = meaningOf(kind, parseColumnLabel(band).core + label);
  return qualified && qualified.rank < own.rank ? qualified : own;
}

/** Column by column over rows r and r+1: the lower label's meaning, else the one above (a band or a cell merged down). */
function combine<K extends HeaderKind>(view: SheetView, r: number, kind: K): HeaderColumn<MeaningOf<K>>[] {
  const out: HeaderColumn<MeaningOf<K>>[] = [];
  for (let c = 0; c < view.cols; c++) {
    for (const row of [r + 1, r]) {
      // A merged label counts once, at its left column (a band spans its sub-columns, a cell merged down both rows).
      const merge = view.mergeAt(row, c);
      if (merge && merge.left !== c) continue;
      const label = view.coveringLabel(row, c);
      if (!label) continue;
      const m = row === r + 1 ? qualifiedByBand(view, r, c, kind, label) : meaningOf(kind, label);
      if (m) {
        out.push({ meaning: m.meaning, col: c, label, percent: m.percent, points: m.points, row, rank: m.rank });
        break;
      }
      // A label in the lower row that names nothing is not overridden by the band above it.
      if (row === r + 1) break;
    }
  }
  return out;
}
