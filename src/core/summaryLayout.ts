/**
 * The summary sheet, laid out once for every host (ExcelJS, office-js): cells with their number formats
 * and styles, links to the tables, the rows to make stand out, and where a chart goes.
 */
import type { CellRange } from './grid';
import type { Lang } from './findings';
import { GRADES, SUMMARY_SHEET, type Distribution, type Group, type Summary, type SummaryRow } from './summary';
import { GRADE_EN } from './findings/en';
import { departmentName } from './supervisors';
import { MIN_PRINT_PT, PRINT_FONT, type PrintSetup, blockBreaks, columnPoints, largestFitScale, leastFitScale, linesIn, pageNumberFooter, printSetup, printableHeight, rowHeightFor } from './print';
import { summaryPageHeader } from './summaryPrint';

export type CellStyle = 'title' | 'header' | 'text' | 'money' | 'rate' | 'score' | 'count' | 'share' | 'sentence' | 'section';

export interface LayoutCell {
  readonly value: string | number | null;
  readonly style: CellStyle;
  /** A totals row: bold, ruled above. */
  readonly total?: boolean;
  /** Centred (headers, grades, kinds): short words beside right-aligned numbers read as theirs otherwise. */
  readonly align?: 'center';
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
  readonly chart: {
    readonly title: string;
    readonly categories: CellRange;
    readonly values: CellRange;
    /** The cells it covers: inside its distribution's block, so it prints on one page with it. */
    readonly anchor: CellRange;
  } | null;
  /** Where the table of tables is (for a host's table formatting or filters). */
  readonly header: { readonly row: number; readonly columns: number };
  /**
   * How it prints: A4 landscape, one page wide at ≥ 8 pt (序号 … 备注), each block on a page of its own
   * when it would not fit the rest of one, the table of tables from a new page with its header row
   * repeated, the unit and year above, page numbers and the date below.
   */
  readonly print: PrintSetup;
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
        // Headers break where a reader would (全年 / 预算数 / （万元）), not a character short of their end.
    columns: ['序号', '文件', '工作表', '项目名称', '主管部门', '实施单位', '全年\n预算数\n（万元）', '全年\n执行数\n（万元）', '执行率\n(%)', '执行率\n得分', '指标\n得分', '复核\n总分', '表内\n总分', '复核\n等级', '表内\n等级', '错误数', '警告数', '类型', '备注'],
    total: '合计',
    projectsTotal: '项目合计',
    departmentsTotal: '部门整体合计',
    kind: { project: '项目', department: '部门整体' },
    grade: (g: string) => g,
    ungraded: '未评级',
    remark: {
      duplicate: (n: number) => `与序号 ${n} 为同一张表，只计一次`,
      fullMarks: '满分且无扣分：自评可能偏松',
      weights: '未评级：分值合计不为 100',
      noTotal: '未评级：总分无法计算',
    },
    departmentDistribution: '部门整体自评表等级分布（按复核总分）',
    distribution: (by: string) => `等级分布（按${by}）`,
    byRecomputed: '复核总分',
    byShown: '表内总分',
    distColumns: ['等级', '数量', '占比', '金额\n（万元）'],
    problems: '未能汇总的工作簿',
    status: { unreadable: '无法读取', empty: '空工作簿', noTables: '未找到绩效自评表', ok: '' },
    count: (n: number, projects: number, departments: number, duplicates: number) =>
      !n ? '共 0 张表' : `共 ${n} 张表：项目 ${projects} 个${departments ? `，部门整体 ${departments} 个` : ''}${duplicates ? `；重复 ${duplicates} 张，只计一次` : ''}`,
    chart: '等级分布（复核总分）',
    byDepartment: '按主管部门',
    departmentColumns: ['主管部门', '表数', '全年\n预算数\n（万元）', '未核实\n错误', '已核实'],
    sendBack: (n: number) => `需退回修改的表（有未核实错误）：${n} 张`,
    sendBackColumns: ['序号', '项目名称', '主管部门', '未核实\n错误'],
  },
  en: {
    title: 'Self-evaluation summary',
    // Broken between words, each line short enough for its column (no word split a letter from its end).
    columns: ['#', 'File', 'Sheet', 'Project', 'Department', 'Unit', 'Budget\n(10k\nyuan)', 'Spent\n(10k\nyuan)', 'Rate\n(%)', 'Rate\nscore', 'Ind.\nscore', 'Re-\ncalc.\ntotal', 'Shown\ntotal', 'Re-\ncalc.\ngrade', 'Shown\ngrade', 'Err.', 'Warn.', 'Kind', 'Remarks'],
    total: 'Total',
    projectsTotal: 'Projects',
    departmentsTotal: 'Department-wide',
    kind: { project: 'project', department: 'department-wide' },
    grade: (g: string) => (g in GRADE_EN ? `${GRADE_EN[g as keyof typeof GRADE_EN]} (${g})` : g),
    ungraded: 'ungraded',
    remark: {
      duplicate: (n: number) => `the same table as #${n}: counted once`,
      fullMarks: 'full marks, no deduction: self-score likely generous',
      weights: 'ungraded: weights do not add up to 100',
      noTotal: 'ungraded: no total can be computed',
    },
    departmentDistribution: 'Department-wide tables by grade (recomputed total)',
    distribution: (by: string) => `Grades (by ${by})`,
    byRecomputed: 'recomputed total',
    byShown: 'shown total',
    distColumns: ['Grade', 'Count', 'Share', 'Amount\n(10k\nyuan)'],
    problems: 'Workbooks not summarised',
    status: { unreadable: 'cannot be read', empty: 'empty workbook', noTables: 'no self-evaluation table', ok: '' },
    count: (n: number, projects: number, departments: number, duplicates: number) =>
      !n ? 'No table' : `${n} table(s): ${projects} project(s)${departments ? `, ${departments} department-wide` : ''}${duplicates ? `; ${duplicates} duplicate(s) counted once` : ''}`,
    chart: 'Grades (recomputed total)',
    byDepartment: 'By supervising department',
    departmentColumns: ['Department', 'Tables', 'Budget\n(10k\nyuan)', 'Open\nerrors', 'Verified'],
    sendBack: (n: number) => `Tables to send back (open errors): ${n}`,
    sendBackColumns: ['#', 'Project', 'Department', 'Open errors'],
  },
} as const;

const num = (s: string | null): number | null => (s === null ? null : Number(s));

/** 'Sheet name'!A1, quoted as Excel wants it in links. */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The 工作表 cell: the sheet's name (with the cell when the table does not start at A1). */
function sheetCell(sheet: string, cell: string): LayoutCell {
  return { value: cell === 'A1' ? sheet : `${sheet}!${cell}`, style: 'text' };
}

/**
 * The 序号 cell, linked to the table. The link is on the number, not on the sheet's name: a long name in
 * a linked cell does not wrap in every reader (LibreOffice prints it over the next column).
 */
function indexCell(index: number, sheet: string, cell: string, file: string | undefined): LayoutCell {
  return { value: index, style: 'count', link: { file, sheet, cell } };
}

export interface LayoutOptions {
  readonly lang?: Lang;
  /** Show the 文件 column (summaries over several workbooks). */
  readonly withFile?: boolean;
}

/** Rows the chart takes beside its distribution (its block is at least this tall: the chart is never cut). */
const CHART_ROWS = 16;

/** The columns of the table of tables in print order: what a reviewer reads first, 工作表 / 文件 last. */
const ORDER = [0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 2, 1] as const;

export function summaryLayout(s: Summary, options: LayoutOptions = {}): SummaryLayout {
  const lang = options.lang ?? 'zh';
  const t = T[lang];
  const withFile = options.withFile ?? false;
  const order = ORDER.filter((i) => withFile || i !== 1);
  const columns = order.map((i) => t.columns[i] ?? '');
  const width = columns.length;
  // Printed: 序号 … 备注; 工作表 (and 文件) stay on the screen only (序号 links to each table).
  const printed = order.indexOf(2);
  const rows: LayoutCell[][] = [];
  const merges: CellRange[] = [];
  const errorRows: number[] = [];
  const blocks: { top: number; bottom: number; newPage?: boolean }[] = [];
  const text = (value: string | number | null, style: CellStyle = 'text'): LayoutCell => ({ value, style });
  const total = (value: string | number | null, style: CellStyle = 'text'): LayoutCell => ({ value, style, total: true });
  const centred = (value: string | null): LayoutCell => ({ value, style: 'text', align: 'center' });
  const line = (cells: LayoutCell[]) => rows.push(cells);
  // A line of its own over the printed width (title, sentences, section titles): it wraps there, not in 序号.
  const wide = (cell: LayoutCell) => {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: printed - 1 });
    line([cell]);
  };
  const block = (write: () => void, least = 0) => {
    const top = rows.length;
    write();
    while (rows.length - top < least) line([]);
    blocks.push({ top, bottom: rows.length - 1 });
    line([]);
  };

  // What goes into the report first: the title, the count, the sentences, the distribution with its chart,
  // the counts by 主管部门 and the tables to send back, each a block on one page; the table of tables after
  // them, from a page of its own, its header row repeated over its pages only.
  wide(text(t.title, 'title'));
  const counted = (k: SummaryRow['kind']) => s.rows.filter((r) => r.kind === k && r.duplicateOf === null).length;
  wide(text(t.count(s.rows.length, counted('project'), counted('department'), s.duplicates)));
  line([]);
  block(() => {
    wide({ value: s.sentence.recomputed, style: 'sentence' });
    if (s.shownDiffers) wide({ value: `${t.byShown}：${s.sentence.shown}`, style: 'sentence' });
    if (s.departmentSentence) wide({ value: s.departmentSentence, style: 'sentence' });
    if (s.fullMarksSentence) wide({ value: s.fullMarksSentence, style: 'sentence' });
  });

  // A distribution in the columns 项目名称 … 实施单位 (序号 is too narrow for a grade's name).
  const distribution = (title: string, g: Group, d: Distribution): number => {
    wide(text(title, 'section'));
    line([text(null), ...t.distColumns.map((c) => text(c, 'header'))]);
    const first = rows.length;
    const n = g.count || 1;
    const band = (label: string, b: { count: number; amount: string }) => line([text(null), text(label), text(b.count, 'count'), text(b.count / n, 'share'), text(Number(b.amount), 'money')]);
    for (const b of GRADES) band(t.grade(b), d[b]);
    if (d.ungraded.count) band(t.ungraded, d.ungraded);
    line([text(null), total(t.total), total(g.count, 'count'), total(g.count ? 1 : 0, 'share'), total(Number(g.totals.budget), 'money')]);
    return first;
  };
  let chartFirst = -1;
  let chartTop = -1;
  if (s.projects.count) {
    block(() => {
      chartTop = rows.length;
      chartFirst = distribution(t.distribution(t.byRecomputed), s.projects, s.projects.distribution.recomputed);
    }, CHART_ROWS);
  }
  if (s.shownDiffers) block(() => distribution(t.distribution(t.byShown), s.projects, s.projects.distribution.shown));
  if (s.departments.count) block(() => distribution(t.departmentDistribution, s.departments, s.departments.distribution.recomputed));

  // For supervisors: counts by 主管部门, then the tables to send back with their first findings.
  if (s.byDepartment.length) {
    block(() => {
      wide(text(t.byDepartment, 'section'));
      // The department's name over 序号 … 主管部门: no name runs into its figures.
      const named = (cells: LayoutCell[]) => {
        merges.push({ top: rows.length, left: 0, bottom: rows.length, right: 2 });
        line([cells[0] ?? text(null), text(null), text(null), ...cells.slice(1)]);
      };
      named(t.departmentColumns.map((c) => text(c, 'header')));
      for (const d of s.byDepartment) {
        named([text(departmentName(d.department, lang)), text(d.tables, 'count'), text(Number(d.budget), 'money'), text(d.openErrors, 'count'), text(d.verified, 'count')]);
      }
    });
  }
  if (s.sendBack.length) {
    block(() => {
      wide(text(t.sendBack(s.sendBack.length), 'section'));
      line(t.sendBackColumns.map((c) => text(c, 'header')));
      // Each finding on a line of its own under its table, over 项目名称 … the last printed column.
      for (const b of s.sendBack) {
        const cell = b.range.split(':')[0] ?? 'A1';
        line([indexCell(b.index, b.sheet, cell, withFile ? b.file : undefined), text(b.project), text(departmentName(b.department, lang)), text(b.openErrors, 'count')]);
        for (const f of b.first) {
          merges.push({ top: rows.length, left: 1, bottom: rows.length, right: printed - 1 });
          line([text(null), text(f)]);
        }
      }
    });
  }
  const problems = s.workbooks.filter((w) => w.status !== 'ok');
  if (problems.length) {
    block(() => {
      wide(text(t.problems, 'section'));
      // Each workbook on a line over the printed width: a path in 序号 would wrap a character a line.
      for (const w of problems) wide(text(lang === 'en' ? `${w.file}: ${t.status[w.status]}${w.detail ? ` (${w.detail})` : ''}` : `${w.file}：${t.status[w.status]}${w.detail ? `（${w.detail}）` : ''}`));
    });
  }

  const headerRow = rows.length;
  blocks.push({ top: headerRow, bottom: headerRow, newPage: headerRow > 0 });
  line(columns.map((c) => ({ value: c, style: 'header', align: 'center' })));
  const remark = (r: SummaryRow): string => {
    if (r.duplicateOf !== null) return t.remark.duplicate(r.duplicateOf);
    if (r.fullMarks) return t.remark.fullMarks;
    if (r.grade === null) return r.findings.some((f) => f.code === 'WEIGHT_SUM_NOT_100') ? t.remark.weights : t.remark.noTotal;
    return '';
  };
  for (const r of s.rows) {
    if (r.errors > 0) errorRows.push(rows.length);
    const cell = r.range.split(':')[0] ?? 'A1';
    // In the order of T.columns; laid out in print order below.
    const cells: LayoutCell[] = [
      indexCell(r.index, r.sheet, cell, withFile ? r.file : undefined),
      text(r.file),
      sheetCell(r.sheet, cell),
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
      centred(r.grade === null ? t.ungraded : t.grade(r.grade)),
      centred(r.shownGrade),
      text(r.errors, 'count'),
      text(r.warnings, 'count'),
      centred(t.kind[r.kind]),
      text(remark(r)),
    ];
    line(order.map((i) => cells[i] ?? text(null)));
  }
  const moneyCol = order.indexOf(6);
  const totalRow = (label: string, g: Group) => {
    const cells: LayoutCell[] = Array.from({ length: width }, () => total(null));
    // The label over 序号 and 项目名称: "项目合计" in 序号 alone would wrap a character a line.
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: 1 });
    cells[0] = total(label);
    cells[moneyCol] = total(Number(g.totals.budget), 'money');
    cells[moneyCol + 1] = total(Number(g.totals.executed), 'money');
    cells[moneyCol + 2] = total(num(g.totals.executionRate), 'rate');
    line(cells);
  };
  // Projects and department-wide tables are added apart: a department's budget holds its projects'.
  totalRow(s.departments.count ? t.projectsTotal : t.total, s.projects);
  if (s.departments.count) totalRow(t.departmentsTotal, s.departments);

  const widths = columnWidths(columns);
  const heights = rowHeights(rows, widths, merges, printed);
  const print = { ...printSetup(widths.slice(0, printed), PRINT_FONT.size, 'landscape', { top: headerRow, bottom: headerRow }, heights) };
  const fitToWidth = leastFitScale(widths.slice(0, printed), 'landscape') * PRINT_FONT.size >= MIN_PRINT_PT * 100;
  return {
    name: SUMMARY_SHEET,
    rows,
    widths,
    errorRows,
    merges,
    // The bars: 优/良/中/差, and 未评级 when there are such tables; beside the distribution, in its block.
    chart:
      chartFirst >= 0
        ? (() => {
            const bottom = chartFirst + 3 + (s.projects.distribution.recomputed.ungraded.count ? 1 : 0);
            return {
              title: t.chart,
              categories: { top: chartFirst, left: 1, bottom, right: 1 },
              values: { top: chartFirst, left: 2, bottom, right: 2 },
              anchor: { top: chartTop, left: CHART_LEFT, bottom: chartTop + CHART_ROWS - 1, right: CHART_LEFT + 7 },
            };
          })()
        : null,
    header: { row: headerRow, columns: width },
    print: {
      ...print,
      // 序号 and 项目名称 at the left of every page the columns go on to (where they cannot fit one page wide).
      titleColumns: { left: 0, right: 1 },
      footer: pageNumberFooter(lang),
      header: summaryPageHeader(s, lang, t.title),
      fitToWidth,
      columns: printed,
      breaks: blockBreaks(blocks, (r) => heights.get(r) ?? rowHeightFor(1, PRINT_FONT.size), (printableHeight('landscape') * 100) / (fitToWidth ? largestFitScale(widths.slice(0, printed), 'landscape') : print.scale)),
    },
  };
}

/** The chart's first column: right of the distribution (项目名称 … 执行数), clear of its figures. */
const CHART_LEFT = 6;

/**
 * Narrow enough that one landscape page holds 序号 … 备注 at 8 pt or more in the widest reader: names,
 * units and remarks wrap within their cells, headers break where their text says (全年 / 预算数 / （万元）),
 * figures fit in 8.
 */
function columnWidths(columns: readonly string[]): number[] {
  return columns.map((c, i) => {
    if (i === 0) return 5;
    if (/项目名称|Project/.test(c)) return 18;
    if (/备注|Remarks/.test(c)) return 16;
    if (/部门|单位|Department|Unit|文件|File/.test(c)) return 11;
    if (/工作表|Sheet/.test(c)) return 13;
    if (/万元|10k/.test(c)) return 9;
    if (/等级|grade|错误|警告|Err\.|Warn\./.test(c)) return 7;
    if (/类型|Kind/.test(c)) return 6;
    return 8;
  });
}

/** Every row's height in points: the lines its printed texts take wrapped in their cells (a merged cell's over its width). */
function rowHeights(rows: readonly LayoutCell[][], widths: readonly number[], merges: readonly CellRange[], printed: number): Map<number, number> {
  const out = new Map<number, number>();
  rows.forEach((row, r) => {
    let lines = 1;
    row.forEach((c, col) => {
      // 工作表 and 文件 (screen only) do not wrap: a path would make every row three lines tall.
      if (typeof c.value !== 'string' || c.style === 'title' || col >= printed) return;
      const m = merges.find((x) => x.top === r && x.left === col);
      const width = widths.slice(col, (m ? m.right : col) + 1).reduce((a, w) => a + columnPoints(w), 0);
      lines = Math.max(lines, linesIn(c.value, width, c.style === 'header' || c.style === 'section' || c.total ? PRINT_FONT.size + 0.5 : PRINT_FONT.size));
    });
    out.set(r, r === 0 ? rowHeightFor(1, 14) : rowHeightFor(lines, PRINT_FONT.size));
  });
  return out;
}

