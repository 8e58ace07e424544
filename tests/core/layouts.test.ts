/**
 * Layouts described in SPEC §2 that the published fixtures do not cover: Sichuan's 部门预算项目支出绩效自评表
 * (target split over 指标性质 / 指标值 / 度量单位, 权重 for 分值, 合计 for 总分) and the national form with
 * local words (本年财政拨款, 自评等级, "产出指标(50分)", placeholder rows). Tables typed in as they are printed.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import type { CellValue, Grid } from '../../src/core/grid';
import { fmt2 } from '../../src/core/numbers';

const _ = null;

function grid(rows: CellValue[][]): Grid {
  return { name: 'Sheet1', values: rows, merges: [] };
}

const SICHUAN: CellValue[][] = [
  ['部门预算项目支出绩效自评表'],
  ['报表编号:510000_0013zp'],
  ['项目名称', '安全生产执法培训', _, _, _, _, _, _, _, _, _],
  ['主管部门', '某市应急管理局', _, _, _, '实施单位(盖章)', '某市应急管理局执法支队'],
  ['项目基本情况', '项目年度目标', _, _, _, '年度目标完成情况'],
  [_, '完成执法人员轮训', _, _, _, '已完成'],
  ['预算执行情况(10分)', '年度预算数(万元)', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'],
  [_, '总额', 100, 120, 114, '95%', 10, 9.5, _],
  [_, '其中:财政资金', 100, 120, 114, '95%', '/', '/', _],
  [_, '财政专户管理资金', _, _, _, _, '/', '/', _],
  [_, '单位资金', _, _, _, _, '/', '/', _],
  [_, '其他资金', _, _, _, _, '/', '/', _],
  ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
  [_, '产出指标', '数量指标', '培训人次', '≥', 100, '人次', 120, 30, 30, _],
  [_, _, '质量指标', '考试合格率', '=', 100, '%', 98, 20, 19.6, '两人补考'],
  [_, '效益指标', '社会效益指标', '执法规范化水平', '定性', '提升', _, '基本达成', 30, 21, '部分案卷不规范'],
  [_, '满意度指标', '服务对象满意度指标', '学员满意度', '≥', 90, '%', 95, 10, 10, _],
  ['合计', _, _, _, _, _, _, _, 100, 90.1],
  ['评价结论', '良好'],
];

describe('Sichuan 部门预算项目支出绩效自评表', () => {
  it('is recognised with its own words and checked by the same rules', () => {
    const r = checkSheet(grid(SICHUAN));
    expect(r.unrecognised).toEqual([]);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(t.table.project).toBe('安全生产执法培训');
    expect(t.table.implementer).toBe('某市应急管理局执法支队');
    expect(t.table.indicators).toHaveLength(4);
    // 114 ÷ 120 = 95%; 10 × 95% = 9.5; + 30 + 19.6 + 21 + 10.
    expect([fmt2(t.budget!), fmt2(t.executed!), fmt2(t.executionRate!), fmt2(t.executionScore!), fmt2(t.total!), t.grade]).toEqual([
      '120.00', '114.00', '95.00', '9.50', '90.10', '优',
    ]);
    // All consistent: the stated 10 and 90 points, the split, the rule-6 ratio 19.6, the 基本达成 band.
    // 培训人次 ≥100, 120 done: 120% of a ≥ target (rule 11, information only).
    expect(t.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(['TARGET_EXCEEDED@H14']);
  });

  it('a 合计 that does not add up, a stated frame weight that does not match', () => {
    const rows = SICHUAN.map((r) => r.slice());
    rows[12]![0] = '绩效指标(80分)';
    rows[17]![9] = 95;
    const t = checkSheet(grid(rows)).tables[0]!;
    expect(t.findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual(['LABEL_WEIGHT_MISMATCH@A13', 'TARGET_EXCEEDED@H14', 'TOTAL_MISMATCH@J18']);
  });

  it('a half-filled copy (blank 完成值 and 得分) reports each blank once', () => {
    const rows = SICHUAN.map((r) => r.slice());
    for (const i of [13, 14]) {
      rows[i]![7] = null;
      rows[i]![9] = null;
    }
    const t = checkSheet(grid(rows)).tables[0]!;
    expect(t.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`)).toEqual(['MISSING_VALUE@J14', 'MISSING_VALUE@J15']);
    expect(t.total).toBeNull();
  });
});

const ANHUI: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['（2023年度）'],
  ['项目名称', '农村饮水安全维修养护', _, _, _, _, _, _],
  ['主管部门', '某县水利局', _, _, '实施单位', '某县农村供水站'],
  ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [_, '年度资金总额', 50, 50, 48, 10, '96%', 9.6],
  [_, '其中：本年财政拨款', 50, 50, 48, '—', _, '—'],
  [_, '上年结转资金', _, _, _, '—', _, '—'],
  [_, '其他资金', _, _, _, '—', _, '—'],
  ['年度总体目标', '预期目标', _, _, '实际完成情况'],
  [_, '保障农村饮水工程正常运行', _, _, '已完成'],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标(50分)', '数量指标', '维修工程处数', '≥20处', '22处', 20, 20, _],
  [_, '质量指标', '工程验收合格率', '100%', '100%', 15, 15, _],
  [_, '时效指标', '完成时间', '年底前', '达成指标', 15, 15, _],
  ['效益指标（30分）', '经济效益指标', _, _, _, _, _, _],
  [_, '社会效益指标', '受益人口', '≥5000人', '5200人', 30, 30, _],
  ['满意度指标(10分)', '服务对象满意度指标', '群众满意度', '≥90%', '93%', 10, 10, _],
  ['总分', _, _, _, _, 100, 99.6, _],
  ['自评等级', _, _, _, _, '优'],
];

describe('the national form with local words', () => {
  it('reads 本年财政拨款, 自评等级 and stated 一级 weights; skips the empty template row', () => {
    const t = checkSheet(grid(ANHUI)).tables[0]!;
    expect(t.table.indicators.map((i) => i.level3)).toEqual(['维修工程处数', '工程验收合格率', '完成时间', '受益人口', '群众满意度']);
    expect([fmt2(t.total!), t.grade, t.shownGrade]).toEqual(['99.60', '优', '优']);
    expect(t.findings).toEqual([]);
  });

  it('a stated weight that does not match the 分值 under it → LABEL_WEIGHT_MISMATCH on the label', () => {
    const rows = ANHUI.map((r) => r.slice());
    rows[12]![0] = '产出指标(40分)';
    const t = checkSheet(grid(rows)).tables[0]!;
    expect(t.findings.map((f) => [f.code, f.cell, f.expected, f.found])).toEqual([['LABEL_WEIGHT_MISMATCH', 'A13', '50.00', '40']]);
  });

  it('a grade that does not follow the total → GRADE_MISMATCH', () => {
    const rows = ANHUI.map((r) => r.slice());
    rows[19]![5] = '良';
    expect(checkSheet(grid(rows)).tables[0]!.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(['GRADE_MISMATCH@F20']);
  });
});

describe('a table whose 项目名称 label was dropped in the export', () => {
  it('still gets its name from the lone value above the funds block', () => {
    const rows = ANHUI.map((r) => r.slice());
    rows[2] = [_, _, '农村饮水安全维修养护'];
    const t = checkSheet(grid(rows)).tables[0]!;
    expect(t.table.project).toBe('农村饮水安全维修养护');
    expect(t.findings).toEqual([]);
  });
});

describe('more ways real tables come', () => {
  /** The national form (财预〔2020〕10号 附件) as many provinces print it. */
  const NATIONAL = (name: string, executed: number, rate: CellValue, score: number, total: number): CellValue[][] => [
    ['项目支出绩效自评表'],
    ['（2022年度）'],
    ['项目名称', name, _, _, '主管部门', '某区教育局', _, _],
    ['实施单位', '某区第一中学', _, _, _, _, _, _],
    ['项目资金（万元）', _, '年初预算数', '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
    [_, '年度资金总额', 120, 120, executed, 10, rate, score],
    [_, '其中：当年财政拨款', 120, 120, executed, '—', _, '—'],
    [_, '上年结转资金', _, _, _, '—', _, '—'],
    [_, '其他资金', _, _, _, '—', _, '—'],
    ['年度总体目标', '预期目标', _, _, '实际完成情况'],
    [_, '改善办学条件', _, _, '已完成'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [_, '产出指标', '数量指标', '维修教室', '≥12间', '12间', 25, 25, _],
    [_, _, '质量指标', '验收合格率', '100%', '100%', 25, 25, _],
    [_, '效益指标', '社会效益指标', '师生安全', '有效保障', '达成预期指标', 30, 30, _],
    [_, '满意度指标', '服务对象满意度指标', '师生满意度', '≥90%', '96%', 10, 10, _],
    ['总分', _, _, _, _, _, 100, total, _],
  ];

  it('"(A)", "(B)", "(B/A)" headers and a rate kept as a fraction without a % format', () => {
    // 108 ÷ 120 = 90%: shown as 0.9 (General), score 9.
    const t = checkSheet(grid(NATIONAL('教学楼维修', 108, 0.9, 9, 99))).tables[0]!;
    expect([t.table.project, t.table.department, t.table.implementer]).toEqual(['教学楼维修', '某区教育局', '某区第一中学']);
    expect([fmt2(t.executionRate!), fmt2(t.executionScore!), fmt2(t.total!), t.grade]).toEqual(['90.00', '9.00', '99.00', '优']);
    expect(t.findings).toEqual([]);
  });

  it('the same with a wrong fractional rate is caught', () => {
    const t = checkSheet(grid(NATIONAL('教学楼维修', 108, 0.95, 9, 99))).tables[0]!;
    expect(t.findings.map((f) => [f.code, f.cell, f.expected, f.found])).toEqual([['EXEC_RATE_MISMATCH', 'G6', '90.00%', '95%']]);
  });

  it('tables stacked with no blank row between them, one of them broken, are each found or reported', () => {
    const broken = NATIONAL('食堂改造', 120, '100%', 10, 100).filter((_row, i) => i !== 11); // its indicator header is gone
    const rows = [...NATIONAL('教学楼维修', 108, '90%', 9, 99), ...broken, ...NATIONAL('操场翻新', 60, '50%', 5, 95)];
    const r = checkSheet(grid(rows));
    // 食堂改造 keeps its funds block; its indicator rows, under no header, are reported where they are.
    expect(r.tables.map((t) => t.table.project)).toEqual(['教学楼维修', '食堂改造', '操场翻新']);
    expect(r.tables[1]!.skipped).toContain('noIndicators');
    // 50%, and this form has no reason cell: rule 11 raises it at the shown rate.
    expect(r.tables[2]!.findings.map((f) => f.code)).toEqual(['LOW_EXECUTION_NO_REASON']);
    expect(r.unrecognised.map((u) => [u.reason, u.range.top + 1])).toEqual([['noIndicatorHeader', 29]]);
  });

  it('indicators named only in 二级 (no 三级) are still indicators', () => {
    const rows = NATIONAL('教学楼维修', 108, '90%', 9, 99).map((r) => r.slice());
    rows[12]![3] = null;
    const t = checkSheet(grid(rows)).tables[0]!;
    expect(t.table.indicators).toHaveLength(4);
    expect(t.findings).toEqual([]);
  });
});

describe('reasons for what cannot be read', () => {
  it('a funds block without its 年度资金总额 row: noFundsTotal over the funds rows, the indicators still read', () => {
    const rows = ANHUI.filter((_r, i) => i !== 5);
    const r = checkSheet(grid(rows));
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.skipped).toContain('noFunds');
    expect(r.unrecognised.map((u) => [u.reason, u.range.top])).toEqual([['noFundsTotal', 4]]);
  });
});
