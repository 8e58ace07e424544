/**
 * Forms never seen (SPEC §2 "Forms never seen"), typed from the principles rather than from any fixture:
 * words read by their head word, amounts as label | value pairs with a 其中 breakdown, blocks that are
 * absent, funds sub-rows by source, the 执行率 scored as an indicator row, the 评价 framework with weights
 * at every level, and words a user adds. Each form is read again all as text and all stacked on one sheet,
 * and must give the same figures and findings. Figures worked out by hand in the comments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import { type CellValue, type Grid, a1, rangeA1 } from '../../src/core/grid';
import { fmt2 } from '../../src/core/numbers';
import { setUserWords } from '../../src/core/recognise/vocabulary';
import type { TableResult } from '../../src/core/check/result';
import { tableReport } from '../../src/core/report';
import { loadGrids } from '../helpers';
import { applyUserWords, loadSettings, saveSettings } from '../../src/office/settings';

const _ = null;
const grid = (rows: CellValue[][], name = 'Sheet1'): Grid => ({ name, values: rows, merges: [] });

const typed: { name: string; rows: CellValue[][]; result: TableResult }[] = [];

/** The one table of a form, nothing reported as unreadable; kept to be read again as text and stacked. */
function only(name: string, rows: CellValue[][]): TableResult {
  const r = checkSheet(grid(rows));
  expect(r.unrecognised.map((u) => `${u.reason}@${rangeA1(u.range)}`)).toEqual([]);
  expect(r.tables).toHaveLength(1);
  typed.push({ name, rows, result: r.tables[0]! });
  return r.tables[0]!;
}
const n2 = (d: { toFixed: (n: number) => string } | null) => (d === null ? null : fmt2(d as never));
const figures = (t: TableResult) => ({ rate: n2(t.executionRate), exec: n2(t.executionScore), total: n2(t.total), grade: t.grade });
const found = (t: TableResult) => t.findings.map((f) => `${f.code}@${f.cell}`).sort();

/** 中央对地方转移支付 form: 转移支付(项目)名称, 中央 / 地方主管部门, 资金使用单位, sub-rows by source, no scores. */
const TRANSFER: CellValue[][] = [
  ['2023年度中央对地方转移支付项目绩效自评表'],
  ['（2023年度）'],
  ['转移支付（项目）名称', '农业生产发展资金'],
  ['中央主管部门', '农业农村部', _, _, '地方主管部门', '某县农业农村局'],
  ['资金使用单位', '某县农业服务中心'],
  ['资金投入情况（万元）', _, '全年预算数（A）', '全年执行数（B）', '预算执行率（B/A）'],
  [_, '年度资金总额：', 1200, 1080, '90%'],
  [_, '其中：中央补助', 1000, 900, '90%'],
  [_, '省级补助', 150, 135, '90%'],
  [_, '市县资金', 50, 40, '80%'],
  ['年度总体目标', '预期目标', _, _, '实际完成情况'],
  [_, '支持农业社会化服务，提高农业生产效率', _, _, '全部完成'],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '全年实际值', '未完成原因分析'],
  [_, '产出指标', '数量指标', '社会化服务面积', '≥5万亩', '5.2万亩'],
  [_, _, '时效指标', '资金下达及时率', '100%', '100%'],
  [_, '效益指标', '经济效益指标', '亩均节本增效', '≥50元', '55元'],
  [_, '满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '93%'],
];

/** Words no entry holds, read by their head: 全年(调整)预算数, 执行率权重, 执行率得分(分), 参考分值, 评定得分; "150万". */
const HEAD_WORDS: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', '城市内涝治理'],
  ['主管部门', '某市住建局', _, _, '实施单位', '某市排水中心'],
  ['项目资金（万元）', _, '年初预算数', '全年（调整）预算数', '全年执行数', '执行率权重', '执行率', '执行率得分（分）'],
  [_, '年度资金总额', '150万', '200万', '190万', 10, '95%', 9.5],
  [_, '其中：财政拨款', '150万', '200万', '190万'],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '参考分值', '评定得分', '偏差原因分析及改进措施'],
  ['产出指标（50分）', '数量指标', '改造管网长度', '≥20公里', '20公里', 30, 30],
  [_, '质量指标', '工程验收合格率', '100%', '100%', 20, 20],
  ['效益指标（30分）', '社会效益指标', '内涝点消除数', '≥15处', '12处', 30, 24, '部分点位工程延期'],
  ['满意度指标（10分）', '服务对象满意度指标', '居民满意度', '≥90%', '91%', 10, 10],
  ['总分', _, _, _, _, 100, 93.5],
  ['评分等级', '优'],
];

/** Amounts as label | value pairs with a 其中 breakdown, the total in a line above, the 执行率 an indicator row. */
const PAIRS: CellValue[][] = [
  ['2023年度项目支出绩效自评表'],
  ['项目名称', '高标准农田建设'],
  ['项目总得分 97分'],
  ['计划投资额', 570, '实际到位资金', 570, '实际使用情况', 399],
  ['其中：中央', 300, '其中：中央', 300, '其中：中央', 200],
  ['省级', 170, '省级', 170, '省级', 120],
  ['市县', 100, '市县', 100, '市县', 79],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '新建高标准农田', '≥1万亩', '1万亩', 40, 40],
  [_, '时效指标', '预算执行率', '≥90%', '70%', 10, 7, '部分工程款年底未结算'],
  ['效益指标', '经济效益指标', '粮食产能提升', '≥50万公斤', '52万公斤', 40, 40],
  ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '95%', 10, 10],
];

/** The 评价 framework: 决策 / 过程 / 产出 / 效益 with 满意度 inside 效益, a 分值 beside every level, no funds block. */
const EVALUATION: CellValue[][] = [
  ['2023年度项目支出绩效评价表'],
  ['项目名称', '全民健身设施建设'],
  ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '指标值', '实际完成值', '得分', '偏差原因分析'],
  ['决策', 15, '项目立项', 5, '立项依据充分性', 5, '充分', '充分', 5],
  [_, _, '绩效目标', 5, '绩效目标合理性', 5, '合理', '合理', 5],
  [_, _, '资金投入', 5, '预算编制科学性', 5, '科学', '科学', 5],
  ['过程', 25, '资金管理', 15, '预算执行率', 10, '100%', '92%', 9.2, '部分资金结转下年'],
  [_, _, _, _, '资金使用合规性', 5, '合规', '合规', 5],
  [_, _, '组织实施', 12, '管理制度健全性', 10, '健全', '基本健全', 7, '制度有待完善'],
  ['产出', 40, '产出数量', 20, '新建健身路径', 20, '≥30处', '30处', 20],
  [_, _, '产出质量', 20, '验收合格率', 20, '100%', '100%', 20],
  ['效益', 20, '社会效益', 10, '群众健身参与率', 10, '≥60%', '65%', 10],
  [_, _, '满意度', 10, '群众满意度', 10, '≥90%', '94%', 10],
  ['合计', 100, _, _, _, 100, _, _, 96.2],
];

/** A funds block and nothing else: a table all the same. */
const FUNDS_ONLY: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', '老旧小区改造'],
  ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '执行率'],
  [_, '年度资金总额', 500, 520, 468, '90%'],
  [_, '其中：地方债券资金', 300, 300, 270, '90%'],
  [_, '中央财政资金', 200, 220, 198, '90%'],
];

describe('forms never seen, read by what their words mean', () => {
  it('the 转移支付 form: 转移支付(项目)名称, 地方主管部门 over 中央, sub-rows by source (中央 / 省级 / 市县)', () => {
    const t = only('transfer', TRANSFER);
    expect([t.table.project, t.table.department, t.table.implementer]).toEqual(['农业生产发展资金', '某县农业农村局', '某县农业服务中心']);
    // The title and header lines belong to the table: it starts at the title.
    expect(t.table.range.top).toBe(0);
    // 1080 ÷ 1200 = 90%; 900 + 135 + 40 = 1075, not the 1080 shown.
    expect(figures(t)).toEqual({ rate: '90.00', exec: null, total: null, grade: null });
    expect(found(t)).toEqual(['FUND_SPLIT_MISMATCH@D7']);
    expect(t.findings[0]!.expected).toBe('1075.00');
    expect(t.skipped).toEqual(expect.arrayContaining(['noExecWeight', 'noWeightColumn', 'noScoreColumn']));
  });

  it('head words: 全年(调整)预算数 over 年初预算数, 执行率权重 / 执行率得分(分), 参考分值 and 评定得分, "150万" as an amount', () => {
    const t = only('head words', HEAD_WORDS);
    // 190 ÷ 200 (the adjusted budget, not the initial 150) = 95%; 10 × 95% = 9.5; 9.5 + 30 + 20 + 24 + 10 = 93.5.
    expect(figures(t)).toEqual({ rate: '95.00', exec: '9.50', total: '93.50', grade: '优' });
    expect(n2(t.budget)).toBe('200.00');
    // With 参考分值 read as the 分值, the stated 一级 weights (50 / 30 / 10) hold: no LABEL_WEIGHT_MISMATCH.
    expect(found(t)).toEqual([]);
    expect(t.table.columns.funds).toMatchObject({ initial: 2, budget: 3, executed: 4, weight: 5, rate: 6, score: 7 });
    expect(t.table.columns.indicators).toMatchObject({ weight: 5, score: 6, reason: 7 });
  });

  it('amounts as label | value pairs with their 其中 breakdown, a total in a line, the 执行率 as an indicator row', () => {
    const t = only('pairs', PAIRS);
    expect(t.table.project).toBe('高标准农田建设');
    expect(t.table.funds?.pairs).toBe(true);
    // 399 ÷ 570 = 70%; the 预算执行率 row carries the 10 points: 10 × 70% = 7; 7 + 40 + 40 + 10 = 97, as the line says.
    expect(figures(t)).toEqual({ rate: '70.00', exec: '7.00', total: '97.00', grade: '优' });
    expect([n2(t.executionWeight), n2(t.indicatorWeight), n2(t.shownTotal)]).toEqual(['10.00', '90.00', '97.00']);
    // 300 + 170 + 100 = 570 and 200 + 120 + 79 = 399: the sub-rows add up; the deduction has its reason. The
    // 执行率 counts once, in its own place: 10 / 产出 40 / 效益 40 / 满意度 10 is off the default split (information).
    expect(found(t)).toEqual(['LEVEL1_WEIGHT_DEVIATION@A9']);
  });

  it('pairs whose breakdown does not add up, a rate row that does not follow its amounts, a shown total that is off', () => {
    const rows = PAIRS.map((r) => r.slice());
    rows[6]![5] = 80; // 市县 executed: 200 + 120 + 80 = 400, not 399
    rows[9]![4] = '75%'; // the 预算执行率 row shows 75% for 399 ÷ 570 = 70%
    rows[2]![0] = '项目总得分 99分';
    const r = checkSheet(grid(rows));
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(found(t)).toEqual(['EXEC_RATE_MISMATCH@E10', 'FUND_SPLIT_MISMATCH@F4', 'LEVEL1_WEIGHT_DEVIATION@A9', 'TOTAL_MISMATCH@A3']);
    expect(t.findings.find((f) => f.code === 'TOTAL_MISMATCH')!.expected).toBe('97.00');
  });

  it('the 评价 framework: 满意度 inside 效益, a weight at every level, each level its sum, 预算执行率 as the 执行率', () => {
    const t = only('evaluation', EVALUATION);
    expect(t.table.framework).toBe('evaluation');
    // The 三级 分值 is the indicators' own: 10 (预算执行率) + 90 = 100; 9.2 + 5 + 5 + 5 + 5 + 7 + 20 + 20 + 10 + 10 = 96.2.
    expect(figures(t)).toEqual({ rate: '92.00', exec: '9.20', total: '96.20', grade: '优' });
    expect(t.table.columns.indicators.weight).toBe(5);
    // 组织实施 states 12 over the 10 under it; 满意度 under 效益 is no misplacement in this framework.
    expect(found(t)).toEqual(['LABEL_WEIGHT_MISMATCH@D9']);
    expect(t.findings[0]!.expected).toBe('10.00');
  });

  it('the same, with the level weights named for their level and standing after the 三级 (一级分值 | 二级分值 | 指标分值)', () => {
    // Columns: 一级 二级 三级 | 一级分值 二级分值 指标分值 | 指标值 实际完成值 得分 偏差原因: the same table, moved.
    const order = [0, 2, 4, 1, 3, 5, 6, 7, 8, 9];
    const rows = EVALUATION.map((r, i) => (i < 2 ? r : order.map((c) => r[c] ?? null)));
    rows[2] = ['一级指标', '二级指标', '三级指标', '一级分值', '二级分值', '指标分值', '指标值', '实际完成值', '得分', '偏差原因分析'];
    const t = only('evaluation, named level weights', rows);
    expect(t.table.columns.indicators).toMatchObject({ level1: 0, level2: 1, level3: 2, weight: 5, target: 6, actual: 7, score: 8 });
    expect(figures(t)).toEqual({ rate: '92.00', exec: '9.20', total: '96.20', grade: '优' });
    expect(found(t)).toEqual(['LABEL_WEIGHT_MISMATCH@E9']);
  });

  it('the same 二级 满意度 under 效益 is misplaced in the 自评 framework', () => {
    const rows: CellValue[][] = [
      ['项目支出绩效自评表'],
      ['项目名称', '社区文化活动'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析'],
      ['产出指标', '数量指标', '活动场次', '≥12场', '12场', 60, 60],
      ['效益指标', '满意度', '群众满意度', '≥90%', '95%', 40, 40],
      ['总分', _, _, _, _, 100, 100],
    ];
    const t = only('self-evaluation, misplaced', rows);
    expect(t.table.framework).toBe('selfEvaluation');
    expect(found(t)).toEqual(['LEVEL2_MISPLACED@B5']);
  });

  it('a funds block with no indicator block is a table; what could not be checked is said once', () => {
    const t = only('funds only', FUNDS_ONLY);
    expect(t.table.indicators).toEqual([]);
    // 468 ÷ 520 = 90%; 270 + 198 = 468 (中央 and 地方债券 sources).
    expect(figures(t)).toEqual({ rate: '90.00', exec: null, total: null, grade: null });
    expect(t.skipped).toContain('noIndicators');
    expect(found(t)).toEqual([]);
  });

  it('a line between the title and the grid ("自评总分 | 98.5") and unknown header lines stay the table’s', () => {
    const rows: CellValue[][] = [
      ['市级专项资金绩效自评表'],
      ['专项名称', '乡村振兴衔接资金', _, _, '自评总分', 98.5],
      ['资金主管单位', '某市乡村振兴局', _, _, '自评结果', '优'],
      ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', 100, 100, 100, 10, '100%', 10],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '帮扶项目数', '≥10个', '10个', 50, 50],
      ['效益指标', '社会效益指标', '脱贫人口收入增长', '≥8%', '7.6%', 30, 28.5, '个别项目见效慢'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10, 10],
    ];
    const t = only('header lines', rows);
    expect([t.table.range.top, t.table.project]).toEqual([0, '乡村振兴衔接资金']);
    // 30 × 7.6 ÷ 8 = 28.5; 10 + 50 + 28.5 + 10 = 98.5, as 自评总分 says; 优 as 自评结果 says.
    expect(figures(t)).toEqual({ rate: '100.00', exec: '10.00', total: '98.50', grade: '优' });
    expect([n2(t.shownTotal), t.shownGrade]).toEqual(['98.50', '优']);
    expect(found(t)).toEqual([]);
  });

  it('pairs down the lines (预算 above 执行, 执行率 | 分值 | 得分 below), 一级绩效指标, a 自评总分 row closing the indicators', () => {
    const rows: CellValue[][] = [
      ['农村饮水安全工程项目绩效自评表'],
      ['项目名称', '农村饮水安全巩固提升'],
      ['全年预算数（万元）', 80],
      ['全年执行数（万元）', 72],
      ['执行率', '90%', '分值', 10, '得分', 9],
      ['一级绩效指标', '二级绩效指标', '三级指标名称', '预期指标值', '实际完成指标值', '分值', '得分', '扣分原因'],
      ['产出指标', '数量指标', '新建供水管网', '≥12公里', '12公里', 50, 50],
      ['效益指标', '社会效益指标', '受益人口', '≥5000人', '5200人', 30, 30],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '88%', 10, 9.78, '个别村水压不足'],
      ['自评总分', _, _, _, _, 100, 98.78],
    ];
    const t = only('vertical pairs', rows);
    expect(t.table.columns.indicators).toMatchObject({ level1: 0, level2: 1, level3: 2, target: 3, actual: 4, weight: 5, score: 6, reason: 7 });
    // 72 ÷ 80 = 90%; 10 × 90% = 9; 10 × 88 ÷ 90 = 9.78; 9 + 50 + 30 + 9.78 = 98.78.
    expect(figures(t)).toEqual({ rate: '90.00', exec: '9.00', total: '98.78', grade: '优' });
    expect(t.table.indicators).toHaveLength(3);
    expect(found(t)).toEqual([]);
  });

  it('a word read with the band over it: 预算数 under 年初 is the initial budget, under 全年 the budget', () => {
    const rows: CellValue[][] = [
      ['项目支出绩效自评表'],
      ['项目名称', '公共文化服务'],
      ['项目资金（万元）', _, '年初', '全年', _, '分值', '执行率', '得分'],
      [_, _, '预算数', '预算数', '执行数'],
      [_, '年度资金总额', 90, 100, 96, 10, '96%', 9.6],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '演出场次', '≥50场', '50场', 50, 50],
      ['效益指标', '社会效益指标', '观众人次', '≥1万人次', '1.1万人次', 30, 30],
      ['满意度指标', '服务对象满意度指标', '观众满意度', '≥90%', '96%', 10, 10],
      ['总分', _, _, _, _, 100, 99.6],
    ];
    // 全年 over 预算数 | 执行数; 分值, 执行率, 得分 merged down both header rows.
    const merges = [{ top: 2, left: 3, bottom: 2, right: 4 }, ...[0, 5, 6, 7].map((c) => ({ top: 2, left: c, bottom: 3, right: c }))];
    const r = checkSheet({ name: 'Sheet1', values: rows, merges });
    expect(r.unrecognised).toEqual([]);
    const t = r.tables[0]!;
    expect(t.table.columns.funds).toMatchObject({ initial: 2, budget: 3, executed: 4, weight: 5, rate: 6, score: 7 });
    // 96 ÷ 100 (not ÷ 90) = 96%; 10 × 96% = 9.6; 9.6 + 90 = 99.6.
    expect(figures(t)).toEqual({ rate: '96.00', exec: '9.60', total: '99.60', grade: '优' });
    expect(found(t)).toEqual([]);
  });

  it('indicators alone whose weights fall short of 100: the 执行率 points are elsewhere, nothing is guessed', () => {
    const rows: CellValue[][] = [
      ['项目支出绩效自评表'],
      ['项目名称', '校舍维修'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '维修校舍面积', '≥3000平方米', '3000平方米', 50, 50],
      ['效益指标', '社会效益指标', '安全隐患消除率', '100%', '100%', 30, 30],
      ['满意度指标', '服务对象满意度指标', '师生满意度', '≥90%', '95%', 10, 10],
      ['总分', _, _, _, _, 90, 90],
    ];
    const t = only('indicators short of 100', rows);
    expect([n2(t.indicatorWeight), t.total, t.grade]).toEqual(['90.00', null, null]);
    expect(t.skipped).toEqual(expect.arrayContaining(['noFunds', 'noExecWeight']));
    expect(found(t)).toEqual([]);
  });

  it('sub-rows by kind, then by source, each list adding up to the total on its own', () => {
    const rows: CellValue[][] = [
      ['项目支出绩效自评表'],
      ['项目名称', '义务教育薄弱环节改善'],
      ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '执行率'],
      [_, '年度资金总额', 300, 320, 304, '95%'],
      [_, '其中：当年财政拨款', 300, 300, 288, '96%'],
      [_, '上年结转资金', _, 20, 16, '80%'],
      [_, '其中：中央补助', 200, 200, 190, '95%'],
      [_, '省级补助', 60, 70, 66.5, '95%'],
      [_, '市县资金', 40, 50, 47.5, '95%'],
    ];
    expect(found(only('two lists', rows))).toEqual([]);
    // Without the second 其中 the lists still each add up; a list that does not is still an error.
    const unmarked = rows.map((r) => r.slice());
    unmarked[6]![1] = '中央补助';
    expect(found(checkSheet(grid(unmarked)).tables[0]!)).toEqual([]);
    unmarked[8]![4] = 45;
    expect(found(checkSheet(grid(unmarked)).tables[0]!)).toEqual(['EXEC_RATE_MISMATCH@F9', 'FUND_SPLIT_MISMATCH@E4']);
  });

  it('a header word read as nothing is named in the report', () => {
    const rows = HEAD_WORDS.map((r) => r.slice());
    rows[6]![7] = '备考栏目';
    const t = checkSheet(grid(rows)).tables[0]!;
    expect(t.table.columns.unread).toEqual([{ row: 6, col: 7, label: '备考栏目' }]);
    expect(tableReport('x.xlsx', t).columns.unread).toEqual(['H7 备考栏目']);
  });
});

describe('words a user adds', () => {
  afterEach(() => setUserWords({}));

  it('a word with no known head is read once the user says what it means, and named as unread before', () => {
    const rows = HEAD_WORDS.map((r) => r.slice());
    rows[6]![5] = '核定标准'; // no head word of a 分值
    const before = checkSheet(grid(rows)).tables[0]!;
    expect(before.table.columns.indicators.weight).toBeUndefined();
    expect(before.table.columns.unread.map((u) => u.label)).toContain('核定标准');
    setUserWords({ indicators: { 核定标准: 'weight' } });
    const after = checkSheet(grid(rows)).tables[0]!;
    expect(after.table.columns.indicators.weight).toBe(5);
    expect(figures(after)).toEqual({ rate: '95.00', exec: '9.50', total: '93.50', grade: '优' });
  });
});

describe("words from the pane's settings", () => {
  afterEach(() => setUserWords({}));

  it('are applied when the settings are loaded and saved; a malformed text changes nothing', () => {
    const rows = HEAD_WORDS.map((r) => r.slice());
    rows[6]![5] = '核定标准';
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const settings = loadSettings(storage);
    expect(checkSheet(grid(rows)).tables[0]!.table.columns.indicators.weight).toBeUndefined();
    saveSettings(storage, { ...settings, words: JSON.stringify({ 指标: { 核定标准: '分值' } }) });
    setUserWords({});
    loadSettings(storage); // a new pane, the ribbon command: the words come with the settings
    expect(checkSheet(grid(rows)).tables[0]!.table.columns.indicators.weight).toBe(5);
    expect(applyUserWords('{ "指标": { "核定标准": "权数" } }')).toMatchObject({ problem: 'unknownMeaning', at: '指标 › 核定标准' });
    expect(checkSheet(grid(rows)).tables[0]!.table.columns.indicators.weight).toBe(5);
  });
});

describe('every typed form, all as text and all stacked on one sheet, reads the same', () => {
  const asText = (rows: CellValue[][]) => rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : v)));
  const key = (t: TableResult) => ({ project: t.table.project, ...figures(t), findings: t.findings.map((f) => f.code).sort() });

  it('as text', () => {
    expect(typed.length).toBeGreaterThanOrEqual(7);
    for (const { rows, result } of typed) {
      const r = checkSheet(grid(asText(rows)));
      expect(r.unrecognised).toEqual([]);
      expect(r.tables.map(key)).toEqual([key(result)]);
    }
  });

  it('stacked, with a blank row between them, and with none', () => {
    for (const gap of [[[]], []] as CellValue[][][]) {
      const rows = typed.flatMap(({ rows }) => [...rows, ...gap]);
      const r = checkSheet(grid(rows));
      expect(r.unrecognised).toEqual([]);
      expect(r.tables.map(key)).toEqual(typed.map(({ result }) => key(result)));
    }
  });

  it('each finding of a stacked form sits at its own cell, moved down with its table', () => {
    let offset = 0;
    const rows: CellValue[][] = [];
    const expected: string[] = [];
    for (const { rows: form, result } of typed) {
      for (const f of result.findings) expected.push(`${f.code}@${a1(f.row + offset, f.col)}`);
      rows.push(...form, []);
      offset += form.length + 1;
    }
    const got = checkSheet(grid(rows)).tables.flatMap((t) => t.findings.map((f) => `${f.code}@${f.cell}`));
    expect(got.sort()).toEqual(expected.sort());
  });
});

describe('renaming known headers to head-word variants changes nothing (property over the real tables)', () => {
  /** Each known column word and a variant no entry holds, made the way provinces make them: a qualifier before the head. */
  const VARIANTS: Record<string, string> = {
    分值: '考评分值',
    权重: '参考权重',
    得分: '评定得分',
    全年预算数: '全年(调整)预算数',
    调整后预算数: '调整后全年预算数',
    全年执行数: '全年实际执行数',
    预算执行数: '全年预算执行数',
    实际完成值: '年度实际完成值',
    完成值: '实际完成值',
    年度指标值: '年度预期指标值',
    偏差原因分析及改进措施: '偏差原因及整改措施',
    未完成原因分析: '未完成原因及改进措施',
  };
  const rename = (g: Grid, pick: (word: string) => boolean): Grid => ({
    ...g,
    values: g.values.map((row) =>
      row.map((v) => {
        if (typeof v !== 'string') return v;
        const word = v.normalize('NFKC').replace(/\s+/g, '');
        return VARIANTS[word] !== undefined && pick(word) ? VARIANTS[word] : v;
      }),
    ),
  });
  const key = (t: TableResult) => [t.table.project, n2(t.executionRate), n2(t.executionScore), n2(t.total), t.grade, ...t.findings.map((f) => `${f.code}@${f.cell}`).sort()];

  const FILES = ['seed000.xlsx', 'seed001-excerpt.xlsx', 'seed002.xlsx', 'seed003.xlsx', 'prov/ah-tianchang.xlsx', 'prov/yn-shidian.xlsx', 'prov/yn-yongde.xlsx'];

  it('every variant at once, and each half of them, on every sheet of the seeds and the provincial forms', async () => {
    const words = Object.keys(VARIANTS);
    const picks: ((w: string) => boolean)[] = [() => true, (w) => words.indexOf(w) % 2 === 0, (w) => words.indexOf(w) % 2 === 1];
    let tables = 0;
    for (const file of FILES) {
      for (const g of await loadGrids(file)) {
        const before = checkSheet(g);
        for (const pickWords of picks) {
          const after = checkSheet(rename(g, pickWords));
          expect(after.unrecognised.length, `${file} ${g.name}`).toBe(before.unrecognised.length);
          expect(after.tables.map(key), `${file} ${g.name}`).toEqual(before.tables.map(key));
        }
        tables += before.tables.length;
      }
    }
    expect(tables).toBeGreaterThanOrEqual(20);
  });
});
