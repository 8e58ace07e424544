/**
 * The summary sheet, laid out once for every host (ExcelJS, office-js): cells with their number formats
 * and styles, links to the tables, the rows to make stand out, and where a chart goes.
 */
import type { CellRange } from './grid';
import type { Lang } from './findings';
import { GRADES, SUMMARY_SHEET, type Distribution, type Summary } from './summary';

export type CellStyle = 'title' | 'header' | 'text' | 'money' | 'rate' | 'score' | 'count' | 'share' | 'sentence' | 'section';

export interface LayoutCell {
  readonly value: string | number | null;
  readonly style: CellStyle;
  /** A totals row: bold, ruled above. */
  readonly total?: boolean;
  /** A link to a table: its sheet and top-left cell, in `file` when it is another workbook. */
  readonly link?: { readonly file?: string; readonly sheet: string; readonly cell: string };
}

export interface SummaryLayout {
  readonly name: string;
  readonly rows: LayoutCell[][];
  readonly widths: number[];
  /** 0-based rows of tables with error-level findings: they stand out. */
  readonly errorRows: number[];
  readonly merges: CellRange[];
  /** The distribution as a bar chart, where the host can draw one. */
  readonly chart: { readonly title: string; readonly categories: CellRange; readonly values: CellRange } | null;
  /** Where the table of tables is (for a host's table formatting or filters). */
  readonly header: { readonly row: number; readonly columns: number };
}

export const NUMBER_FORMATS: Record<CellStyle, string | undefined> = {
  title: undefined,
  header: undefined,
  text: undefined,
  money: '0.00',
  rate: '0.00',
  score: '0.00',
  count: '0',
  share: '0.0%',
  sentence: undefined,
  section: undefined,
};

const T = {
  zh: {
    title: '绩效自评汇总表',
    columns: ['序号', '文件', '工作表', '项目名称', '主管部门', '实施单位', '全年预算数（万元）', '全年执行数（万元）', '执行率(%)', '执行率得分', '指标得分', '复核总分', '表内总分', '复核等级', '表内等级', '错误数', '警告数'],
    total: '合计',
    distribution: (by: string) => `等级分布（按${by}）`,
    byRecomputed: '复核总分',
    byShown: '表内总分',
    distColumns: ['等级', '数量', '占比', '金额（万元）'],
    none: '无法计算总分',
    problems: '未能汇总的工作簿',
    status: { unreadable: '无法读取', empty: '空工作簿', noTables: '未找到绩效自评表', ok: '' },
    count: (n: number) => `共 ${n} 张表`,
    chart: '等级分布（复核总分）',
  },
  en: {
    title: 'Self-evaluation summary',
    columns: ['#', 'File', 'Sheet', 'Project', 'Department', 'Unit', 'Budget (10k yuan)', 'Spent (10k yuan)', 'Rate (%)', 'Rate score', 'Indicator score', 'Recomputed total', 'Shown total', 'Recomputed grade', 'Shown grade', 'Errors', 'Warnings'],
    total: 'Total',
    distribution: (by: string) => `Grades (by ${by})`,
    byRecomputed: 'recomputed total',
    byShown: 'shown total',
    distColumns: ['Grade', 'Count', 'Share', 'Amount (10k yuan)'],
    none: 'No total',
    problems: 'Workbooks not summarised',
    status: { unreadable: 'cannot be read', empty: 'empty workbook', noTables: 'no self-evaluation table', ok: '' },
    count: (n: number) => `${n} table(s)`,
    chart: 'Grades (recomputed total)',
  },
} as const;

const num = (s: string | null): number | null => (s === null ? null : Number(s));

/** 'Sheet name'!A1, quoted as Excel wants it in links. */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The 工作表 cell: the sheet's name (with the cell when the table does not start at A1), linked. */
function linkCell(sheet: string, cell: string, file: string | undefined): LayoutCell {
  return { value: cell === 'A1' ? sheet : `${sheet}!${cell}`, style: 'text', link: { file, sheet, cell } };
}

export interface LayoutOptions {
  readonly lang?: Lang;
  /** Show the 文件 column (summaries over several workbooks). */
  readonly withFile?: boolean;
}

export function summaryLayout(s: Summary, options: LayoutOptions = {}): SummaryLayout {
  const t = T[options.lang ?? 'zh'];
  const withFile = options.withFile ?? false;
  const columns = t.columns.filter((_, i) => withFile || i !== 1);
  const width = columns.length;
  const rows: LayoutCell[][] = [];
  const merges: CellRange[] = [];
  const errorRows: number[] = [];
  const text = (value: string | number | null, style: CellStyle = 'text'): LayoutCell => ({ value, style });
  const total = (value: string | number | null, style: CellStyle = 'text'): LayoutCell => ({ value, style, total: true });
  const line = (cells: LayoutCell[]) => rows.push(cells);

  line([text(t.title, 'title')]);
  merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
  line([text(t.count(s.rows.length))]);
  line([]);
  const headerRow = rows.length;
  line(columns.map((c) => text(c, 'header')));
  for (const r of s.rows) {
    if (r.errors > 0) errorRows.push(rows.length);
    const cells: LayoutCell[] = [
      text(r.index, 'count'),
      ...(withFile ? [text(r.file)] : []),
      linkCell(r.sheet, r.range.split(':')[0]!, withFile ? r.file : undefined),
      text(r.project),
      text(r.department),
      text(r.implementer),
      text(num(r.budget), 'money'),
      text(num(r.executed), 'money'),
      text(num(r.executionRate), 'rate'),
      text(num(r.executionScore), 'score'),
      text(num(r.indicatorScore), 'score'),
      text(num(r.total), 'score'),
      text(num(r.shownTotal), 'score'),
      text(r.grade),
      text(r.shownGrade),
      text(r.errors, 'count'),
      text(r.warnings, 'count'),
    ];
    line(cells);
  }
  const moneyCol = withFile ? 6 : 5;
  const totalRow: LayoutCell[] = Array.from({ length: width }, () => total(null));
  totalRow[0] = total(t.total);
  totalRow[moneyCol] = total(Number(s.totals.budget), 'money');
  totalRow[moneyCol + 1] = total(Number(s.totals.executed), 'money');
  totalRow[moneyCol + 2] = total(num(s.totals.executionRate), 'rate');
  line(totalRow);
  line([]);

  // The sentence for the report first, right under the table; the distribution (and its chart) below.
  const sentenceRow = (text: string) => {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: width - 1 });
    line([{ value: text, style: 'sentence' }]);
  };
  sentenceRow(s.sentence.recomputed);
  if (s.shownDiffers) sentenceRow(`${t.byShown}：${s.sentence.shown}`);
  line([]);

  const distribution = (d: Distribution, by: string): { first: number } => {
    line([text(t.distribution(by), 'section')]);
    line(t.distColumns.map((c) => text(c, 'header')));
    const first = rows.length;
    const n = s.rows.length || 1;
    for (const g of GRADES) line([text(g), text(d[g].count, 'count'), text(d[g].count / n, 'share'), text(Number(d[g].amount), 'money')]);
    if (d.none.count) line([text(t.none), text(d.none.count, 'count'), text(d.none.count / n, 'share'), text(Number(d.none.amount), 'money')]);
    line([total(t.total), total(s.rows.length, 'count'), total(s.rows.length ? 1 : 0, 'share'), total(Number(s.totals.budget), 'money')]);
    line([]);
    return { first };
  };
  const recomputed = distribution(s.distribution.recomputed, t.byRecomputed);
  if (s.shownDiffers) distribution(s.distribution.shown, t.byShown);

  const problems = s.workbooks.filter((w) => w.status !== 'ok');
  if (problems.length) {
    line([]);
    line([text(t.problems, 'section')]);
    for (const w of problems) line([text(w.file), text(t.status[w.status]), text(w.detail ?? '')]);
  }

  const widths = columns.map((c, i) => {
    if (i === 0) return 6;
    if (/项目|Project/.test(c)) return 28;
    if (/部门|单位|Department|Unit|文件|File/.test(c)) return 24;
    if (/工作表|Sheet/.test(c)) return 20;
    return 12;
  });
  return {
    name: SUMMARY_SHEET,
    rows,
    widths,
    errorRows,
    merges,
    chart: s.rows.length
      ? { title: t.chart, categories: { top: recomputed.first, left: 0, bottom: recomputed.first + 3, right: 0 }, values: { top: recomputed.first, left: 1, bottom: recomputed.first + 3, right: 1 } }
      : null,
    header: { row: headerRow, columns: width },
  };
}
