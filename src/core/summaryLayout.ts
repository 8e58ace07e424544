/**
 * The summary sheet, laid out once for every host (ExcelJS, office-js): cells with their number formats
 * and styles, links to the tables, the rows to make stand out, and where a chart goes.
 */
import type { CellRange } from './grid';
import type { Lang } from './findings';
import { GRADES, SUMMARY_SHEET, type Distribution, type Group, type Summary, type SummaryRow } from './summary';
import { GRADE_EN } from './findings/en';
import { departmentName } from './supervisors';
import { PRINT_FONT, type PrintSetup, columnPoints, linesIn, pageNumberFooter, printSetup, rowHeightFor } from './print';

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
  readonly chart: { readonly title: string; readonly categories: CellRange; readonly values: CellRange } | null;
  /** Where the table of tables is (for a host's table formatting or filters). */
  readonly header: { readonly row: number; readonly columns: number };
  /** How it prints: A4 landscape, the header row on every page, 序号 … 项目名称 at the left of each, ≥ 8 pt on paper, page numbers and the date below. */
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
    columns: ['序号', '文件', '工作表', '项目名称', '主管部门', '实施单位', '全年预算数（万元）', '全年执行数（万元）', '执行率(%)', '执行率得分', '指标得分', '复核总分', '表内总分', '复核等级', '表内等级', '错误数', '警告数', '类型', '备注'],
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
    distColumns: ['等级', '数量', '占比', '金额（万元）'],
    problems: '未能汇总的工作簿',
    status: { unreadable: '无法读取', empty: '空工作簿', noTables: '未找到绩效自评表', ok: '' },
    count: (n: number, projects: number, departments: number, duplicates: number) =>
      !n ? '共 0 张表' : `共 ${n} 张表：项目 ${projects} 个${departments ? `，部门整体 ${departments} 个` : ''}${duplicates ? `；重复 ${duplicates} 张，只计一次` : ''}`,
    chart: '等级分布（复核总分）',
    byDepartment: '按主管部门',
    departmentColumns: ['主管部门', '表数', '全年预算数（万元）', '未核实错误', '已核实'],
    sendBack: (n: number) => `需退回修改的表（有未核实错误）：${n} 张`,
    sendBackColumns: ['序号', '工作表', '项目名称', '主管部门', '未核实错误'],
  },
  en: {
    title: 'Self-evaluation summary',
    columns: ['#', 'File', 'Sheet', 'Project', 'Department', 'Unit', 'Budget (10k yuan)', 'Spent (10k yuan)', 'Rate (%)', 'Rate score', 'Indicator score', 'Recomputed total', 'Shown total', 'Recomputed grade', 'Shown grade', 'Errors', 'Warnings', 'Kind', 'Remarks'],
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
    distColumns: ['Grade', 'Count', 'Share', 'Amount (10k yuan)'],
    problems: 'Workbooks not summarised',
    status: { unreadable: 'cannot be read', empty: 'empty workbook', noTables: 'no self-evaluation table', ok: '' },
    count: (n: number, projects: number, departments: number, duplicates: number) =>
      !n ? 'No table' : `${n} table(s): ${projects} project(s)${departments ? `, ${departments} department-wide` : ''}${duplicates ? `; ${duplicates} duplicate(s) counted once` : ''}`,
    chart: 'Grades (recomputed total)',
    byDepartment: 'By supervising department',
    departmentColumns: ['Department', 'Tables', 'Budget (10k yuan)', 'Open errors', 'Verified'],
    sendBack: (n: number) => `Tables to send back (open errors): ${n}`,
    sendBackColumns: ['#', 'Sheet', 'Project', 'Department', 'Open errors'],
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
  const centred = (value: string | null): LayoutCell => ({ value, style: 'text', align: 'center' });
  const line = (cells: LayoutCell[]) => rows.push(cells);

  // 序号 … 项目名称: printed at the left of every page the columns go on to.
  const titleRight = Math.max(0, columns.findIndex((c) => /项目名称|Project/.test(c)));
  line([text(t.title, 'title')]);
  merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
  const counted = (k: SummaryRow['kind']) => s.rows.filter((r) => r.kind === k && r.duplicateOf === null).length;
  line([text(t.count(s.rows.length, counted('project'), counted('department'), s.duplicates))]);
  line([]);
  const headerRow = rows.length;
  line(columns.map((c) => ({ value: c, style: 'header', align: 'center' })));
  const remark = (r: SummaryRow): string => {
    if (r.duplicateOf !== null) return t.remark.duplicate(r.duplicateOf);
    if (r.fullMarks) return t.remark.fullMarks;
    if (r.grade === null) return r.findings.some((f) => f.code === 'WEIGHT_SUM_NOT_100') ? t.remark.weights : t.remark.noTotal;
    return '';
  };
  for (const r of s.rows) {
    if (r.errors > 0) errorRows.push(rows.length);
    const cells: LayoutCell[] = [
      indexCell(r.index, r.sheet, r.range.split(':')[0]!, withFile ? r.file : undefined),
      ...(withFile ? [text(r.file)] : []),
      sheetCell(r.sheet, r.range.split(':')[0]!),
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
    line(cells);
  }
  const moneyCol = withFile ? 6 : 5;
  const totalRow = (label: string, g: Group) => {
    const cells: LayoutCell[] = Array.from({ length: width }, () => total(null));
    cells[0] = total(label);
    cells[moneyCol] = total(Number(g.totals.budget), 'money');
    cells[moneyCol + 1] = total(Number(g.totals.executed), 'money');
    cells[moneyCol + 2] = total(num(g.totals.executionRate), 'rate');
    line(cells);
  };
  // Projects and department-wide tables are added apart: a department's budget holds its projects'.
  totalRow(s.departments.count ? t.projectsTotal : t.total, s.projects);
  if (s.departments.count) totalRow(t.departmentsTotal, s.departments);
  line([]);

  // The sentence for the report first, right under the table; the distribution (and its chart) below.
  const sentenceRow = (text: string) => {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: width - 1 });
    line([{ value: text, style: 'sentence' }]);
  };
  sentenceRow(s.sentence.recomputed);
  if (s.shownDiffers) sentenceRow(`${t.byShown}：${s.sentence.shown}`);
  if (s.departmentSentence) sentenceRow(s.departmentSentence);
  if (s.fullMarksSentence) sentenceRow(s.fullMarksSentence);
  line([]);

  const distribution = (title: string, g: Group, d: Distribution): { first: number } => {
    line([text(title, 'section')]);
    line(t.distColumns.map((c) => text(c, 'header')));
    const first = rows.length;
    const n = g.count || 1;
    for (const b of GRADES) line([text(t.grade(b)), text(d[b].count, 'count'), text(d[b].count / n, 'share'), text(Number(d[b].amount), 'money')]);
    if (d.ungraded.count) line([text(t.ungraded), text(d.ungraded.count, 'count'), text(d.ungraded.count / n, 'share'), text(Number(d.ungraded.amount), 'money')]);
    line([total(t.total), total(g.count, 'count'), total(g.count ? 1 : 0, 'share'), total(Number(g.totals.budget), 'money')]);
    line([]);
    return { first };
  };
  const recomputed = distribution(t.distribution(t.byRecomputed), s.projects, s.projects.distribution.recomputed);
  if (s.shownDiffers) distribution(t.distribution(t.byShown), s.projects, s.projects.distribution.shown);
  if (s.departments.count) distribution(t.departmentDistribution, s.departments, s.departments.distribution.recomputed);

  // For supervisors: counts by 主管部门, then the tables to send back with their first findings.
  if (s.byDepartment.length) {
    line([text(t.byDepartment, 'section')]);
    // The department's name over the first three columns (序号 is narrow): no name runs into its figures.
    const named = (cells: LayoutCell[]) => {
      merges.push({ top: rows.length, left: 0, bottom: rows.length, right: 2 });
      line([cells[0] ?? text(null), text(null), text(null), ...cells.slice(1)]);
    };
    named(t.departmentColumns.map((c) => text(c, 'header')));
    for (const d of s.byDepartment) {
      named([text(departmentName(d.department, options.lang ?? 'zh')), text(d.tables, 'count'), text(Number(d.budget), 'money'), text(d.openErrors, 'count'), text(d.verified, 'count')]);
    }
    line([]);
  }
  if (s.sendBack.length) {
    line([text(t.sendBack(s.sendBack.length), 'section')]);
    line(t.sendBackColumns.map((c) => text(c, 'header')));
    // Each finding on a line of its own under its table, merged over the columns that print on every page
    // (序号 … 项目名称): a text merged across a page's edge is cut, or printed over its neighbours.
    const findingsRight = Math.max(2, titleRight);
    for (const b of s.sendBack) {
      const cell = b.range.split(':')[0] ?? 'A1';
      line([indexCell(b.index, b.sheet, cell, withFile ? b.file : undefined), sheetCell(b.sheet, cell), text(b.project), text(departmentName(b.department, options.lang ?? 'zh')), text(b.openErrors, 'count')]);
      for (const f of b.first) {
        merges.push({ top: rows.length, left: 1, bottom: rows.length, right: findingsRight });
        line([text(null), text(f)]);
      }
    }
    line([]);
  }

  const problems = s.workbooks.filter((w) => w.status !== 'ok');
  if (problems.length) {
    line([]);
    line([text(t.problems, 'section')]);
    for (const w of problems) line([text(w.file), text(t.status[w.status]), text(w.detail ?? '')]);
  }

  // Narrow enough that one landscape page holds every column at a readable size: names, units and remarks
  // wrap within their cells (headers too), figures fit in 8.
  const widths = columns.map((c, i) => {
    if (i === 0) return 5;
    if (/项目|Project/.test(c)) return 22;
    if (/备注|Remarks/.test(c)) return 20;
    if (/部门|单位|Department|Unit|文件|File/.test(c)) return 15;
    if (/工作表|Sheet/.test(c)) return 13;
    return 8;
  });
  return {
    name: SUMMARY_SHEET,
    rows,
    widths,
    errorRows,
    merges,
    // The bars: 优/良/中/差, and 未评级 when there are such tables.
    chart: s.projects.count
      ? (() => {
          const bottom = recomputed.first + 3 + (s.projects.distribution.recomputed.ungraded.count ? 1 : 0);
          return { title: t.chart, categories: { top: recomputed.first, left: 0, bottom, right: 0 }, values: { top: recomputed.first, left: 1, bottom, right: 1 } };
        })()
      : null,
    header: { row: headerRow, columns: width },
    print: {
      ...printSetup(widths, PRINT_FONT.size, 'landscape', { top: headerRow, bottom: headerRow }, wrappedHeights(rows, widths, merges, headerRow)),
      // 序号 … 项目名称 at the left of every page the columns go on to.
      titleColumns: { left: 0, right: titleRight },
      footer: pageNumberFooter(options.lang ?? 'zh'),
    },
  };
}

/** The rows whose text wraps onto more than one line (in a merged cell: over its width), with their heights. */
function wrappedHeights(rows: readonly LayoutCell[][], widths: readonly number[], merges: readonly CellRange[], header: number): Map<number, number> {
  const out = new Map<number, number>();
  rows.forEach((row, r) => {
    let lines = 1;
    row.forEach((c, col) => {
      // Only what wraps: the header, the table's texts and the sentences (a line above the table runs on).
      if (typeof c.value !== 'string' || r < header || c.style === 'title') return;
      const m = merges.find((x) => x.top === r && x.left === col);
      const width = widths.slice(col, (m ? m.right : col) + 1).reduce((a, w) => a + columnPoints(w), 0);
      lines = Math.max(lines, linesIn(c.value, width, c.style === 'header' ? PRINT_FONT.size + 0.5 : PRINT_FONT.size));
    });
    if (lines > 1) out.set(r, rowHeightFor(lines, PRINT_FONT.size));
  });
  return out;
}
