/**
 * A report's “三公” table (因公出国(境), 公务接待, 公务用车购置 / 运行: a fixed national breakdown) and the text's
 * figures of it: an amount named by its category is the table's figure of that category, measure (预算数 / 决算数)
 * and year; "完成预算的 p%" is the amount over the table's budget of its category; "比上年下降 p%" with no amount
 * of change is against the table's figure of the year before. A figure is compared only when exactly one cell
 * fits it; a category the words do not give for sure (several named, none named) is not read.
 */
import type { Grid, CellValue } from '../grid';
import type { Paragraph } from './document';
import { factsOf, type Fact } from './facts';
import { clauseWords, inParentheses } from './scope';
import { type Interval, type Shown, amountInterval, divide, overlaps, rateInterval, readNumber, scale, Decimal } from '../numbers';

export type Category = 'total' | 'abroad' | 'reception' | 'cars' | 'carPurchase' | 'carRunning';
type Measure = 'budget' | 'final';

interface Cell {
  readonly category: Category;
  readonly measure?: Measure;
  readonly year?: string;
  readonly shown: Shown;
}

export interface SangongTable {
  readonly name: string;
  readonly cells: readonly Cell[];
}

/** The category words name: one of the three funds (the cars' purchase, running or both), or the whole. */
export function categoryOf(words: string): Category | undefined {
  const w = words.replace(/\s+/g, '');
  const abroad = /出国/.test(w);
  const reception = /接待/.test(w);
  const car = /车/.test(w);
  if ([abroad, reception, car].filter(Boolean).length > 1) return undefined;
  if (abroad) return 'abroad';
  if (reception) return 'reception';
  if (car) {
    const buy = /购置|购车/.test(w);
    const run = /运行|维护/.test(w);
    return buy && run ? 'cars' : buy ? 'carPurchase' : run ? 'carRunning' : undefined;
  }
  return /三公/.test(w) ? 'total' : undefined;
}

function measureOf(words: string): Measure | undefined {
  const w = words.replace(/一般公共预算|政府性基金预算/g, '');
  if (/预算/.test(w)) return 'budget';
  if (/决算|支出|开支/.test(w)) return 'final';
  return undefined;
}

const GENERIC = /^(合计|小计|总计|预算数?|决算数?|年初预算数?|金额)$/;

const text = (v: CellValue | undefined): string => (typeof v === 'string' ? v.replace(/\s+/g, '') : '');

/** Every cell's text, a merged area's in each of its cells. */
function filled(grid: Grid): string[][] {
  const rows = grid.values.map((r) => r.map((v) => text(v)));
  for (const m of grid.merges) {
    const v = rows[m.top]?.[m.left] ?? '';
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (rows[r]) rows[r]![c] = v;
  }
  return rows;
}

const isNumberCell = (v: CellValue | undefined): boolean => readNumber(v ?? null).kind === 'number';

/** A grid read as a 三公 table, when its header names 出国 and 接待 columns. */
export function sangongTable(grid: Grid): SangongTable | undefined {
  const rows = filled(grid);
  const firstData = grid.values.findIndex((r) => r.filter((v) => isNumberCell(v)).length >= 2);
  if (firstData <= 0) return undefined;
  const width = Math.max(...grid.values.map((r) => r.length));
  const columns: { category?: Category; measure?: Measure }[] = [];
  for (let c = 0; c < width; c++) {
    const path = rows.slice(0, firstData).map((r) => r[c] ?? '');
    const measure = path.map((p) => (GENERIC.test(p) ? measureOf(p) : undefined)).find((m) => m !== undefined);
    const named = [...path].reverse().find((p) => p !== '' && !GENERIC.test(p));
    let category = named ? categoryOf(named) : undefined;
    if (!named && path.some((p) => /^(合计|总计)$/.test(p))) category = 'total';
    columns.push({ ...(category ? { category } : {}), ...(measure ? { measure } : {}) });
  }
  if (!columns.some((k) => k.category === 'abroad') || !columns.some((k) => k.category === 'reception')) return undefined;
  const cells: Cell[] = [];
  const dataRows = grid.values.slice(firstData);
  for (const row of dataRows) {
    const head = text(row[0]);
    if (/增减|%|％|比/.test(head)) continue; // a row of changes, not of amounts
    const year = /(\d{4})年/.exec(head)?.[1];
    if (!year && dataRows.length > 1) return undefined; // rows of unknown years: not read
    row.forEach((v, c) => {
      const k = columns[c];
      const r = readNumber(v ?? null);
      if (!k?.category || r.kind !== 'number') return;
      cells.push({ category: k.category, ...(k.measure ? { measure: k.measure } : {}), ...(year ? { year } : {}), shown: r.shown });
    });
  }
  return { name: grid.name, cells };
}

export interface SangongStatement {
  readonly paragraph: number;
  readonly quote: string;
  readonly kind: 'amount' | 'rate' | 'change';
  readonly subject: string;
  readonly found: string;
  /** null: consistent; else what the table gives. */
  readonly expected: string | null;
  readonly unit: string;
  readonly table: string;
}

const CATEGORY_WORDS: Record<Category, string> = {
  total: '“三公”经费',
  abroad: '因公出国(境)费',
  reception: '公务接待费',
  cars: '公务用车购置及运行费',
  carPurchase: '公务用车购置费',
  carRunning: '公务用车运行费',
};

const shownText = (s: Shown): string => s.value.toFixed(Math.max(0, s.decimals));

/** The one cell that fits: its category, measure (when both say) and year (when the table has years). */
function cellFor(table: SangongTable, category: Category, measure: Measure | undefined, year: string | undefined, reportYear: string | undefined): Cell | undefined {
  // A table of one row is of the report's year.
  const fits = table.cells.filter((c) => c.category === category && (!measure || !c.measure || c.measure === measure) && (c.year ?? reportYear) === year);
  return fits.length === 1 ? fits[0] : undefined;
}

const isAmount = (f: Fact): boolean => f.unit === '万元' || f.unit === '元';

const CHANGE_BY_PERCENT = /^\s*[，,]\s*(?:比|较|与)(上年|上年度|\d{4}年度?)[^，。；;\d]{0,8}?(下降|增长|减少|增加|上升|降低)了?\s*(\d+(?:\.\d+)?)\s*[%％]/;
const RATE_OF_BUDGET = /^\s*[，,]\s*完成(?:年初)?预算的?\s*(\d+(?:\.\d+)?)\s*[%％]/;

/** The text's 三公 figures against the report's 三公 table. */
export function sangongStatements(paragraphs: readonly Paragraph[], grids: readonly Grid[], reportYear: string | undefined): SangongStatement[] {
  const tables = grids.map(sangongTable).filter((t): t is SangongTable => t !== undefined);
  if (tables.length !== 1) return [];
  const table = tables[0]!;
  const out: SangongStatement[] = [];
  for (const p of paragraphs) {
    const facts = factsOf(p.text);
    for (const f of facts) {
      if (!isAmount(f) || f.unit !== '万元') continue;
      const words = clauseWords(p.text, f.start);
      if (/比|较|增加|减少|增长|下降|其他|占/.test(words)) continue;
      const category = categoryOf(words);
      if (!category) continue;
      const year = /(\d{4})年/.exec(words)?.[1] ?? reportYear;
      const measure = measureOf(words);
      const cell = cellFor(table, category, measure, year, reportYear);
      const base = { paragraph: p.index, subject: CATEGORY_WORDS[category], table: table.name };
      if (cell) {
        const same = overlaps(amountInterval(cell.shown), amountInterval(f.shown));
        out.push({ ...base, quote: p.text.slice(f.start - words.length, f.end).trim(), kind: 'amount', found: shownText(f.shown), expected: same ? null : shownText(cell.shown), unit: '万元' });
      }
      const after = p.text.slice(f.end).replace(/^[（(][^）)]*[）)]/, (m) => ' '.repeat(m.length));
      const rate = RATE_OF_BUDGET.exec(after);
      const budget = rate ? cellFor(table, category, 'budget', year, reportYear) : undefined;
      const percentFact = (value: string) => facts.find((g) => g.unit === '%' && g.start > f.end && p.text.slice(g.start).startsWith(value));
      if (rate && budget && !budget.shown.value.isZero() && (measure === 'final' || measure === undefined)) {
        const stated = percentFact(rate[1]!);
        if (stated) out.push(rateStatement(base, p.text, f, stated, budget));
      }
      const change = CHANGE_BY_PERCENT.exec(after);
      if (change && year && !inParentheses(p.text, f.start, 0)) {
        const before = /^\d{4}/.test(change[1]!) ? change[1]!.slice(0, 4) : String(Number(year) - 1);
        const last = cellFor(table, category, measure, before, reportYear);
        const stated = percentFact(change[3]!);
        if (last && stated && !last.shown.value.isZero()) out.push(changeStatement(base, p.text, f, stated, last, /增|上升/.test(change[2]!)));
      }
    }
  }
  return out;
}

type Base = Pick<SangongStatement, 'paragraph' | 'subject' | 'table'>;

function rateStatement(base: Base, paragraph: string, amount: Fact, stated: Fact, budget: Cell): SangongStatement {
  const rate = scale(divide(amountInterval(amount.shown), amountInterval(budget.shown)), new Decimal(100));
  return { ...base, quote: paragraph.slice(amount.labelStart, stated.end).trim(), kind: 'rate', found: shownText(stated.shown), expected: agree(rate, stated) ? null : asShown(rate, stated), unit: '%' };
}

function changeStatement(base: Base, paragraph: string, amount: Fact, stated: Fact, last: Cell, up: boolean): SangongStatement {
  const now = amountInterval(amount.shown);
  const was = amountInterval(last.shown);
  const diff: Interval = up ? { lo: now.lo.minus(was.hi), hi: now.hi.minus(was.lo) } : { lo: was.lo.minus(now.hi), hi: was.hi.minus(now.lo) };
  const quote = paragraph.slice(amount.labelStart, stated.end).trim();
  if (diff.hi.lt(0)) return { ...base, quote, kind: 'change', found: shownText(stated.shown), expected: null, unit: '%' }; // the word's direction is not the table's: not judged here
  const pct = scale(divide({ lo: Decimal.max(diff.lo, 0), hi: diff.hi }, was), new Decimal(100));
  return { ...base, quote, kind: 'change', found: shownText(stated.shown), expected: agree(pct, stated) ? null : asShown(pct, stated), unit: '%' };
}

const agree = (i: Interval, stated: Fact): boolean => overlaps(i, rateInterval(stated.shown));
const asShown = (i: Interval, stated: Fact): string => i.lo.plus(i.hi).div(2).toFixed(Math.max(0, stated.shown.decimals));
