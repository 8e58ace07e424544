/**
 * Forms the product was not built from, typed in the way other provinces print them (the usual words,
 * other arrangements): a Hubei-style title and 分值 column, a Hunan-style 权重 / 本年财政拨款 / stated 一级
 * weights, a Hebei-style table in 元 with thousands separators and spaced labels, and a department-wide
 * table with 部门（单位）名称, units like 微克/立方米 and worded targets. Figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import type { CellValue, Grid } from '../../src/core/grid';
import { fmt2 } from '../../src/core/numbers';
import { findingMessage, shortMessage } from '../../src/core/findings';
import { planFill } from '../../src/core/annotate/fillIn';
import type { TableResult } from '../../src/core/check/result';

const _ = null;
const grid = (rows: CellValue[][]): Grid => ({ name: 'Sheet1', values: rows, formats: rows.map((r) => r.map(() => undefined)), merges: [] });

/** Every form read through only(), to be read again all as text and all stacked on one sheet (at the end). */
const typed: { rows: CellValue[][]; result: TableResult }[] = [];

function only(rows: CellValue[][]): TableResult {
  const r = checkSheet(grid(rows));
  if (r.tables.length === 1) typed.push({ rows, result: r.tables[0]! });
  expect(r.unrecognised).toEqual([]);
  expect(r.tables).toHaveLength(1);
  return r.tables[0]!;
}
const figures = (t: TableResult) => ({ rate: fmt2(t.executionRate!), exec: fmt2(t.executionScore!), total: fmt2(t.total!), grade: t.grade });
const found = (t: TableResult) => t.findings.map((f) => `${f.code}@${f.cell}`).sort();

describe('forms never seen, read by their words', () => {
  it('Hubei-style: 分值 in the funds block, a time indicator scored by its ratio', () => {
    const t = only([
      ['2023年度项目支出绩效自评表'],
      ['（2023年度）'],
      ['项目名称', '社区养老服务补助'],
      ['主管部门', '某区民政局', _, _, '实施单位', '某区民政局'],
      ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', '200', '200', '180', '10', '90%', '9'],
      [_, '其中：当年财政拨款', '200', '200', '180', '—', '—', '—'],
      [_, '上年结转资金', _, _, _, '—', '—', '—'],
      [_, '其他资金', _, _, _, '—', '—', '—'],
      ['年度总体目标', '预期目标', _, _, '实际完成情况'],
      [_, '为辖区老年人提供服务', _, _, '已完成'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '服务人次', '≥1000人次', '1200人次', '20', '20'],
      [_, '质量指标', '服务合格率', '≥95%', '96%', '15', '15'],
      [_, '时效指标', '按时完成率', '100%', '90%', '15', '13.5', '部分服务延期'],
      ['效益指标', '社会效益指标', '老年人生活质量', '有效提升', '有效提升', '30', '30'],
      ['满意度指标', '服务对象满意度指标', '老年人满意度', '≥90%', '92%', '10', '10'],
      ['总分', _, _, _, _, '100', '97.5'],
    ]);
    expect(t.table.project).toBe('社区养老服务补助');
    // 180 ÷ 200 = 90%, 10 × 90% = 9; 9 + 20 + 15 + 13.5 + 30 + 10 = 97.5.
    expect(figures(t)).toEqual({ rate: '90.00', exec: '9.00', total: '97.50', grade: '优' });
    // 1200 of ≥1000 is 120%: the target was likely low (information).
    expect(found(t)).toEqual(['TARGET_EXCEEDED@E13']);
  });

  it('Hunan-style: 权重, 本年财政拨款, 一级 labels with their weights, 自评等级', () => {
    const t = only([
      ['项目支出绩效自评表'],
      ['填报单位：某县教育局', _, _, _, _, _, _, _, '单位：万元'],
      ['项目名称', '农村义务教育营养改善计划'],
      ['主管部门', '某县教育局', _, _, '实施单位', '某县教育局'],
      ['项目资金', _, '年初预算数', '全年预算数', '全年执行数', '权重', '执行率', '得分'],
      [_, '年度资金总额：', '500.00', '520.00', '468.00', '10', '90.00%', '9.00'],
      [_, '其中：本年财政拨款', '500.00', '520.00', '468.00'],
      [_, '上年结转资金'],
      [_, '其他资金'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '权重', '得分', '偏差原因分析及改进措施'],
      [_, '产出指标(50分)', '数量指标', '受益学生人数', '≥8000人', '8200人', '20', '20'],
      [_, _, '质量指标', '食品安全事故', '=0起', '0起', '15', '15'],
      [_, _, '时效指标', '资金拨付及时率', '100%', '100%', '15', '15'],
      [_, '效益指标(30分)', '社会效益指标', '学生营养状况', '逐步改善', '基本达成', '30', '20'],
      [_, '满意度指标(10分)', '服务对象满意度指标', '家长满意度', '≥90%', '95%', '10', '10'],
      ['总分', _, _, _, _, _, '100', '89.00'],
      ['自评等级', '良'],
    ]);
    // 468 ÷ 520 = 90%; 9 + 20 + 15 + 15 + 20 + 10 = 89 → 良. 基本达成 puts 20 of 30 inside 18–24.
    expect(figures(t)).toEqual({ rate: '90.00', exec: '9.00', total: '89.00', grade: '良' });
    expect(found(t)).toEqual(['MISSING_REASON@I14']);
  });

  it('Hebei-style: amounts in 元 with thousands separators, spaced 一级 labels, a reverse cost indicator', () => {
    const t = only([
      ['2023年度部门预算项目支出绩效自评表'],
      ['项目名称', '乡村道路养护'],
      ['主管部门', '某县交通运输局', _, _, '实施单位', '某县公路站'],
      ['项目资金（元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', '1,000,000.00', '1,000,000.00', '950,000.00', '10', '95.00%', '9.50'],
      [_, '其中：财政拨款', '1,000,000.00', '1,000,000.00', '950,000.00'],
      [_, '其他资金'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产 出 指 标', '数量指标', '养护里程', '≥120公里', '100公里', '20', '16.67', '资金不足'],
      [_, '质量指标', '路况优良率', '≥85%', '88%', '20', '20'],
      [_, '成本指标', '每公里养护成本', '≤8000元', '9500元', '10', '8.42', '材料涨价'],
      ['效 益 指 标', '社会效益指标', '群众出行条件', '明显改善', '明显改善', '30', '30'],
      ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '93%', '10', '10'],
      ['总分', _, _, _, _, '100', '94.09'],
      ['评分等级', '优'],
    ]);
    expect(t.table.amountUnit).toBe('元');
    expect(fmt2(t.budget!)).toBe('1000000.00');
    // 20 × 100 ÷ 120 = 16.67; 10 × 8000 ÷ 9500 = 8.42; 9.50 + 16.67 + 20 + 8.42 + 30 + 10 = 94.59, shown 94.09.
    expect(figures(t)).toEqual({ rate: '95.00', exec: '9.50', total: '94.59', grade: '优' });
    expect(found(t)).toEqual(['TOTAL_MISMATCH@G14']);
  });

  it('a department-wide table: 部门（单位）名称, 微克/立方米, a worded target met in part (基本健全)', () => {
    const t = only([
      ['2023年度部门整体支出绩效自评表'],
      ['部门（单位）名称', '某市生态环境局'],
      ['年度预算申请（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', '3000', '3200', '3040', '10', '95%', '9.5'],
      [_, '其中：一般公共预算', '3000', '3200', '3040'],
      [_, '其他资金'],
      ['年度总体目标', '预期目标', _, _, '实际完成情况'],
      [_, '改善环境质量', _, _, '基本完成'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '监测站点数', '=30个', '30个', '20', '20'],
      [_, '质量指标', '数据有效率', '≥90%', '85%', '20', '18.89', '设备故障'],
      [_, '时效指标', '按期完成率', '100%', '100%', '10', '10'],
      ['效益指标', '生态效益指标', 'PM2.5平均浓度', '≤35微克/立方米', '38微克/立方米', '20', '18.42', '气象条件不利'],
      [_, '可持续影响指标', '长效机制', '健全', '基本健全', '10', '7', '仍需完善'],
      ['满意度指标', '服务对象满意度指标', '公众满意度', '≥85%', '88%', '10', '10'],
      ['总分', _, _, _, _, '100', '93.81'],
    ]);
    expect(t.table.kind).toBe('department');
    expect(t.table.department).toBe('某市生态环境局');
    // 20 × 85 ÷ 90 = 18.89; 20 × 35 ÷ 38 = 18.42; 基本健全: 6–8 of 10, 7 inside.
    expect(figures(t)).toEqual({ rate: '95.00', exec: '9.50', total: '93.81', grade: '优' });
    expect(found(t).filter((f) => !f.startsWith('LEVEL1_WEIGHT_DEVIATION'))).toEqual([]);
  });

  it('the same department-wide table with a score outside its worded band is caught', () => {
    const t = only([
      ['部门整体支出绩效自评表'],
      ['部门（单位）名称', '某市生态环境局'],
      ['年度预算申请（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', '3000', '3200', '3040', '10', '95%', '9.5'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '监测站点数', '=30个', '30个', '50', '50'],
      ['效益指标', '可持续影响指标', '长效机制', '健全', '未健全', '40', '40', '仍需完善'],
      ['总分', _, _, _, _, '100', '99.5'],
    ]);
    // 未健全: below 60% of 40 (24); 40 shown.
    expect(found(t)).toContain('QUAL_BAND_MISMATCH@G7');
  });

  it('the national department form: sub-rows 按收入性质分 and 按支出性质分 each add up to the total', () => {
    const rows = (projectExecuted: number): CellValue[][] => [
      ['部门整体支出绩效自评表'],
      ['（2023年度）'],
      ['部门（单位）名称', '某市生态环境局'],
      ['年度预算执行情况（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', 1000, 1100, 1045, 10, '95%', 9.5],
      [_, '按收入性质分：'],
      [_, '一般公共预算', 900, 1000, 950],
      [_, '政府性基金预算', 100, 100, 95],
      [_, '按支出性质分：'],
      [_, '基本支出', 600, 650, 640],
      [_, '项目支出', 400, 450, projectExecuted],
      ['年度总体目标', '预期目标', _, _, '实际完成情况'],
      [_, '改善环境质量', _, _, '已完成'],
      ['年度绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成指标值', '分值', '得分', '偏差原因分析及改进措施'],
      [_, '产出指标', '数量指标', '监测站点数', '≥20个', '22个', 20, 20],
      [_, _, '质量指标', '数据有效率', '≥95%', '98%', 20, 20],
      [_, '效益指标', '生态效益指标', 'PM2.5浓度', '≤35微克/立方米', '33微克/立方米', 30, 30],
      [_, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '93%', 20, 20],
      ['总分', _, _, _, _, _, 100, 99.5],
    ];
    const clean = only(rows(405));
    // 1045 ÷ 1100 = 95%; 950 + 95 = 640 + 405 = 1045 (and 1000 / 1100 alike).
    expect(figures(clean)).toEqual({ rate: '95.00', exec: '9.50', total: '99.50', grade: '优' });
    expect(found(clean)).toEqual(['LEVEL1_WEIGHT_DEVIATION@B15']);
    // 640 + 400 = 1040 ≠ 1045: the 按支出性质分 group is short; the income group still adds up.
    const short = only(rows(400));
    expect(found(short)).toEqual(['FUND_SPLIT_MISMATCH@E5', 'LEVEL1_WEIGHT_DEVIATION@B15']);
    const split = short.findings.find((f) => f.code === 'FUND_SPLIT_MISMATCH')!;
    expect(findingMessage(split)).toContain('按支出性质分');
    // The 复核结果 cell names the group too.
    expect(shortMessage(split)).toBe('按支出性质分 全年执行数分项合计 1040.00，与总额不符');
    expect(shortMessage(split, 'en')).toContain('(按支出性质分)');
  });

  it('the 部门决算 form: 按支出性质分 listed beside 按收入性质分, under 分值 / 执行率 / 得分, is no rate or score', () => {
    const t = only([
      ['部门整体支出绩效自评表'],
      ['部门（单位）名称', '某市生态环境局'],
      ['年度预算执行情况（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', 1000, 1100, 1045, 10, '95%', 9.5],
      [_, '按收入性质分', _, _, _, '按支出性质分'],
      [_, '其中：一般公共预算：', 900, 1000, 950, '其中：基本支出：', 640],
      [_, '政府性基金预算：', 100, 100, 95, '项目支出：', 405],
      [_, '国有资本经营预算：', _, _, _, _],
      ['年度总体目标', '预期目标', _, _, '实际完成情况'],
      [_, '改善环境质量', _, _, '已完成'],
      ['年度绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      [_, '产出指标', '数量指标', '监测站点数', '≥20个', '22个', 30, 30],
      [_, '效益指标', '生态效益指标', 'PM2.5浓度', '≤35微克/立方米', '33微克/立方米', 40, 40],
      [_, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '93%', 20, 20],
      ['总分', _, _, _, _, _, 100, 99.5],
    ]);
    // 640 and 405 are amounts of the list beside, not rates of 640% and 405%; 950 + 95 = 1045.
    expect(figures(t)).toEqual({ rate: '95.00', exec: '9.50', total: '99.50', grade: '优' });
    expect(found(t).filter((f) => !f.startsWith('LEVEL1_WEIGHT_DEVIATION'))).toEqual([]);
  });

  it('words of other forms: 年初预算安排 | 本年预算数 | 本年执行数, 实际完成指标值, targets worded around their number', () => {
    const t = only([
      ['项目支出绩效自评表'],
      ['项目名称', '乡村道路养护'],
      ['主管部门', '某县交通运输局', _, _, '实施单位', '某县公路事务中心'],
      ['项目资金（万元）', _, '年初预算安排', '本年预算数', '本年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', 60, 50, 45, 10, '90%', 9],
      [_, '其中：财政拨款', 60, 50, 45],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成指标值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '养护里程', '达到120公里以上', '125公里', 20, 20],
      [_, '质量指标', '路况优良率', '≥85%', '80%', 20, 18.82, '部分路段病害未及时处治'],
      [_, '时效指标', '病害处置时限', '5天以内', '4天', 10, 10],
      [_, _, '完工时间', '12月底前', '按时完成', 10, 10],
      ['效益指标', '社会效益指标', '通行条件', '有效改善', '有效改善', 20, 20],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '93%', 10, 10],
      ['总分', _, _, _, _, 100, 97.82],
    ]);
    // 45 ÷ 50 = 90% → 9; 20 × 80 ÷ 85 = 18.82; 9 + 20 + 18.82 + 10 + 10 + 20 + 10 = 97.82.
    expect(figures(t)).toEqual({ rate: '90.00', exec: '9.00', total: '97.82', grade: '优' });
    expect(t.table.columns.indicators.actual).toBe(4);
    expect(t.table.columns.indicators.target).toBe(3);
    // 产出 60 / 效益 20 against the national 50 / 30: information only; nothing else.
    expect(found(t)).toEqual(['LEVEL1_WEIGHT_DEVIATION@A8']);
  });

  it('more of the usual words: a title ending 绩效目标完成情况表, 主管部门及代码, 预算单位, 具体指标名称, 标准分值, 考核得分, 综合评级', () => {
    const t = only([
      ['2023年度项目支出绩效目标完成情况表'],
      ['项目名称', '基层医疗机构设备购置'],
      ['主管部门及代码', '某县卫生健康局（301）', _, _, '预算单位', '某县人民医院'],
      ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '标准分值', '执行率', '考核得分'],
      [_, '年度资金总额', 120, 120, 96, 10, '80%', 8],
      ['一级指标', '二级指标', '具体指标名称', '年度指标值', '实际完成值', '标准分值', '考核得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '购置设备数量', '≥12台', '10台', 50, 41.67, '两台设备延期到货'],
      ['效益指标', '社会效益指标', '基层诊疗能力', '明显提升', '明显提升', 30, 30],
      ['满意度指标', '服务对象满意度指标', '患者满意度', '≥90%', '92%', 10, 10],
      ['总分', _, _, _, _, 100, 89.67],
      ['综合评级', '良'],
    ]);
    expect([t.table.title, t.table.department, t.table.implementer]).toEqual(['2023年度项目支出绩效目标完成情况表', '某县卫生健康局（301）', '某县人民医院']);
    expect(t.table.range.top).toBe(0);
    // 96 ÷ 120 = 80% → 8; 50 × 10 ÷ 12 = 41.67; 8 + 41.67 + 30 + 10 = 89.67 → 良. 执行率 below 90% with no
    // reason column in the funds block: raised at the shown rate, saying the form has no place for it (rule 11).
    expect(figures(t)).toEqual({ rate: '80.00', exec: '8.00', total: '89.67', grade: '良' });
    expect(found(t)).toEqual(['LOW_EXECUTION_NO_REASON@G5']);
    const low = t.findings.find((f) => f.code === 'LOW_EXECUTION_NO_REASON');
    expect(low && findingMessage(low)).toBe('执行率 80.00% 低于 90%，本表没有填写原因的位置，请另附说明');
    expect(low && findingMessage(low, 'en')).toBe('Execution rate 80.00% is below 90%; the form has no cell for the reason: attach one');
  });

  it('一级 and 二级 labels with outline numbers (一、产出指标, （二）社会效益指标) keep their meaning', () => {
    const t = only([
      ['项目支出绩效自评表'],
      ['项目名称', '公共文化服务'],
      ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', 50, 50, 50, 10, '100%', 10],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['一、产出指标', '（一）数量指标', '送戏下乡场次', '≥20场', '22场', 30, 30],
      [_, '（二）社会效益指标', '群众文化参与', '明显提升', '明显提升', 20, 20],
      ['二、效益指标', '（一）可持续影响指标', '长效机制', '健全', '健全', 30, 30],
      ['三、满意度指标', '（一）服务对象满意度指标', '群众满意度', '≥90%', '95%', 10, 10],
      ['总分', _, _, _, _, 100, 100],
    ]);
    // 社会效益 belongs under 效益, not 产出; the split is read as 产出 50 / 效益 30 / 满意度 10 (the national one).
    expect(found(t)).toEqual(['LEVEL2_MISPLACED@B7']);
  });

  it('an indicator table with no funds block is a table: its indicators carry the 100 points', () => {
    const r = checkSheet(
      grid([
        ['部门整体支出绩效自评表'],
        ['部门名称', '某区司法局'],
        ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因分析'],
        ['产出', '数量', '法律援助案件数', '≥300件', '320件', 90, 90],
        ['满意度', '满意度', '服务对象满意度', '≥90%', '92%', 10, 10],
        ['总分', _, _, _, _, 100, 100],
      ]),
    );
    expect(r.unrecognised).toEqual([]);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect([t.table.range.top, t.table.range.bottom, t.table.kind, t.table.project]).toEqual([0, 5, 'department', '某区司法局']);
    // 90 + 10 = 100 without an 执行率: the total is the indicators' 100, graded 优.
    expect([fmt2(t.indicatorWeight!), fmt2(t.total!), t.grade]).toEqual(['100.00', '100.00', '优']);
    expect(t.skipped).toContain('noFunds');
    expect(t.findings).toEqual([]);
  });

  it('a grade written after its label in one cell ("评分等级：良") is read, and filled keeping the label', () => {
    const g = grid([
      ['项目支出绩效自评表'],
      ['项目名称', '城乡环卫一体化'],
      ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [_, '年度资金总额', 80, 80, 76, 10, '95%', 9.5],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '清扫面积', '≥50万平方米', '52万平方米', 50, 50],
      ['效益指标', '社会效益指标', '市容环境改善', '明显改善', '明显改善', 30, 30],
      ['满意度指标', '服务对象满意度指标', '居民满意度', '≥85%', '88%', 10, 10],
      ['总分', _, _, _, _, 100, 99.5],
      ['评分等级：良'],
    ]);
    const r = checkSheet(g);
    expect(r.tables[0]!.shownGrade).toBe('良');
    expect(found(r.tables[0]!)).toEqual(['GRADE_MISMATCH@A10']);
    expect(planFill(r, g).changes.map((c) => [c.cell, c.after])).toEqual([['A10', '评分等级：优']]);
  });
});

/** "G13" → "G20" for a table moved down by 7 rows. */
const shifted = (cell: string, rows: number) => cell.replace(/\d+$/, (n) => String(Number(n) + rows));

describe('the same forms in the other two shapes', () => {
  it('all text (a sheet pasted from a PDF): the same figures and findings', () => {
    expect(typed.length).toBeGreaterThan(5);
    for (const { rows, result } of typed.slice()) {
      const text = rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : v)));
      const read = checkSheet(grid(text));
      expect(read.tables).toHaveLength(1);
      const again = read.tables[0]!;
      expect([again.table.project, figures(again), found(again)]).toEqual([result.table.project, figures(result), found(result)]);
    }
  });

  it('stacked on one sheet, two blank rows apart: each table found, with its own figures and findings', () => {
    const forms = typed.slice();
    const sheet: CellValue[][] = [];
    const offsets: number[] = [];
    for (const { rows } of forms) {
      offsets.push(sheet.length);
      sheet.push(...rows, [], []);
    }
    const r = checkSheet(grid(sheet));
    expect(r.unrecognised).toEqual([]);
    expect(r.tables).toHaveLength(forms.length);
    r.tables.forEach((t, i) => {
      const { result } = forms[i]!;
      expect([t.table.project, figures(t), found(t)]).toEqual([result.table.project, figures(result), found(result).map((f) => f.replace(/@(.*)$/, (_m, c: string) => `@${shifted(c, offsets[i]!)}`)).sort()]);
    });
  });
});
