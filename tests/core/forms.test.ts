/**
 * SPEC §2's list of how the same content comes in other shapes, each feature the three public provincial
 * forms do not show typed in as a table of its own, the way the forms print it. Figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import { type CellValue, type Grid, parseRangeA1 } from '../../src/core/grid';
import { fmt2 } from '../../src/core/numbers';
import type { TableResult } from '../../src/core/check/result';
import { fundsOf } from '../helpers';

const _ = null;

function sheet(rows: CellValue[][], merges: string[] = [], formats: Record<string, string> = {}): Grid {
  const fmts: (string | undefined)[][] = rows.map((r) => r.map(() => undefined));
  for (const [a1, f] of Object.entries(formats)) {
    const { top, left } = parseRangeA1(a1);
    fmts[top]![left] = f;
  }
  return { name: 'Sheet1', values: rows, formats: fmts, merges: merges.map(parseRangeA1) };
}

const codes = (t: TableResult, withInfo = false) =>
  t.findings.filter((f) => withInfo || f.severity !== 'info').map((f) => `${f.code}@${f.cell}`).sort();

function only(g: Grid): TableResult {
  const r = checkSheet(g);
  expect(r.unrecognised).toEqual([]);
  expect(r.tables).toHaveLength(1);
  return r.tables[0]!;
}

/**
 * Two-row headers in both blocks (band labels over their sub-columns, 分值 / 得分 merged down), 指标性质 |
 * 指标值 | 度量单位, 权重(%) and 单项得分, weights written as "20%", full-width and kin operators
 * (≧ ＞ ＝), spaced-out labels, no title: the table opens with 报表编号 and "(单位:元)" lines.
 */
const TWO_ROW: CellValue[][] = [
  ['报表编号:420000_0017', _, _, _, _, _, _, '填报日期:2023年3月1日'],
  ['(单位:元)'],
  ['项目名称', '乡村道路养护'],
  ['主管部门', '某县交通运输局', _, _, '实施单位', '某县公路养护站'],
  ['预算执行情况', _, '年度金额', _, '资金使用情况', _, '分值', '得分'],
  [_, _, '年初预算数', '全年预算数', '全年执行数', '执行率'],
  [_, '年度资金总额', 1000000, 1200000, 1080000, '90%', 10, 9],
  [_, '其中:财政拨款', 1000000, 1200000, 1080000, _, '—', '—'],
  [_, '其他资金', _, _, _, _, '—', '—'],
  ['绩 效 指 标', '一 级 指 标', '二级指标', '三级指标', '年度指标值', _, _, '实际完成值', '权重(%)', '单项得分', '偏差原因分析及改进措施'],
  [_, _, _, _, '指标性质', '指标值', '度量单位'],
  [_, '产 出 指 标(50分)', '数量指标', '养护里程', '≧', 120, '公里', 126, '20%', 20, _],
  [_, _, '质量指标', '路面优良率', '＞', 85, '%', 0.8, '20%', 18.82, '雨季路面损毁'],
  [_, _, '时效指标', '完工及时率', '＝', 100, '%', '100%', '10%', 10, _],
  [_, '效 益 指 标(30分)', '社会效益指标', '群众出行便利度', '定性', '提高', _, '达成', '30%', 27, '部分路段仍待改善'],
  [_, '满意度指标(10分)', '服务对象满意度指标', '群众满意度', '≧', 90, '%', 95, '10%', 10, _],
  ['合计', _, _, _, _, _, _, _, 100, 94.82, _],
  ['自评等级', '优'],
];
const TWO_ROW_MERGES = ['A5:A9', 'C5:D5', 'E5:F5', 'G5:G6', 'H5:H6', 'A10:A16', 'B10:B11', 'C10:C11', 'D10:D11', 'E10:G10', 'H10:H11', 'I10:I11', 'J10:J11', 'K10:K11', 'B12:B14'];

describe('two-row headers, the target in three cells, weights as percentages, amounts in 元', () => {
  const grid = sheet(TWO_ROW, TWO_ROW_MERGES, { H13: '0%' });

  it('reads every column by meaning and checks it clean', () => {
    const t = only(grid);
    // 1080000 ÷ 1200000 = 90%, 10 × 90% = 9; 路面优良率 >85% at 80%: 20 × 80 ÷ 85 = 18.82; 9 + 94 − 9 + … = 94.82.
    expect([t.table.project, t.table.amountUnit, fmt2(t.budget!), fmt2(t.executionRate!), fmt2(t.executionScore!)]).toEqual([
      '乡村道路养护', '元', '1200000.00', '90.00', '9.00',
    ]);
    expect([fmt2(t.indicatorWeight!), fmt2(t.total!), t.grade, t.shownGrade]).toEqual(['90.00', '94.82', '优', '优']);
    expect(t.table.indicators.map((i) => i.level1)).toEqual(['产出指标(50分)', '产出指标(50分)', '产出指标(50分)', '效益指标(30分)', '满意度指标(10分)']);
    expect(t.table.range).toEqual({ top: 0, left: 0, bottom: 17, right: 10 });
    expect(codes(t, true)).toEqual([]);
  });

  it('a score off its ratio under ＞, a band missed, a stated weight that does not add up', () => {
    const rows = TWO_ROW.map((r) => r.slice());
    rows[12]![9] = 20; // 路面优良率: 18.82 by the ratio
    rows[14]![9] = 22; // 达成 band: 24–30
    rows[11]![1] = '产 出 指 标(60分)'; // its 分值 add up to 50
    rows[16]![9] = 91; // 9 + 20 + 20 + 10 + 22 + 10
    const t = only(sheet(rows, TWO_ROW_MERGES, { H13: '0%' }));
    expect(codes(t)).toEqual(['LABEL_WEIGHT_MISMATCH@B12', 'QUAL_BAND_MISMATCH@J15', 'QUANT_SCORE_MISMATCH@J13']);
  });
});

/** No score columns at all (预算数 / 执行数 / 执行率, targets and actuals only), the unit inside the cells. */
const NO_SCORES: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', '防汛物资储备'],
  ['主管部门', '某市应急管理局', '实施单位', '某市物资储备中心'],
  ['项目资金', _, '预算数', '执行数', '执行率'],
  [_, '年度资金总额', '109.8万元', '98.82万元', '90%'],
  [_, '其中:财政拨款', '109.8万元', '98.82万元', _],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '全年实际值', '偏差原因'],
  ['产出指标', '数量指标', '储备点数量', '≥5个', '5个', _],
  [_, '质量指标', '物资完好率', '≥95%', '97%', _],
  ['效益指标', '社会效益指标', '应急保障能力', '提高', '有效提高', _],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '≥85%', '90%', _],
];

describe('a form with no score columns', () => {
  it('is a table: its 执行率 checked, what cannot be scored said once', () => {
    const t = only(sheet(NO_SCORES));
    expect([t.table.amountUnit, fmt2(t.budget!), fmt2(t.executed!), fmt2(t.executionRate!)]).toEqual(['万元', '109.80', '98.82', '90.00']);
    expect([t.executionScore, t.total, t.grade]).toEqual([null, null, null]);
    expect(t.table.indicators).toHaveLength(4);
    expect(t.skipped).toEqual(['noExecWeight', 'noWeightColumn', 'noScoreColumn']);
    expect(codes(t, true)).toEqual([]);
  });

  it('a wrong rate is still caught; a number target with a word actual too', () => {
    const rows = NO_SCORES.map((r) => r.slice());
    rows[4]![4] = '80%';
    rows[8]![4] = '完成';
    const t = only(sheet(rows));
    expect(codes(t)).toEqual(['ACTUAL_NOT_NUMBER@E9', 'EXEC_RATE_MISMATCH@E5']);
  });
});

/** Weights stated only in labels: no 分值 column, "产出指标(60分)" and the funds block's "(10分)". */
const LABEL_WEIGHTS: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', '农田水利设施维护'],
  ['主管部门', '某县水利局', _, '实施单位', '某县灌溉站'],
  ['预算执行情况(万元)(10分)', '全年预算数', '全年执行数', '执行率', '得分'],
  ['年度资金总额', 40, 38, '95%', 9.5],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
  ['产出指标(60分)', '数量指标', '维护渠道长度', '≥20公里', '21公里', 30, _],
  [_, '质量指标', '验收合格率', '100%', '100%', 30, _],
  ['效益指标(20分)', '经济效益指标', '灌溉面积增加', '≥500亩', '520亩', 20, _],
  ['满意度指标(10分)', '服务对象满意度指标', '农户满意度', '≥90%', '92%', 9, '个别农户反映放水不及时'],
  ['总分', _, _, _, _, 98.5, _],
];

describe('weights stated only in labels', () => {
  it('the labels are the weights: they add up to 100 with the 执行率 分值', () => {
    const t = only(sheet(LABEL_WEIGHTS));
    expect([fmt2(t.executionWeight!), fmt2(t.indicatorWeight!), fmt2(t.executionScore!), fmt2(t.total!), t.grade]).toEqual([
      '10.00', '90.00', '9.50', '98.50', '优',
    ]);
    expect(t.skipped).toEqual(['noWeightColumn']);
    expect(codes(t, true)).toEqual([]);
  });

  it('labels that add up to 110: WEIGHT_SUM_NOT_100 at the funds label, no grade', () => {
    const rows = LABEL_WEIGHTS.map((r) => r.slice());
    rows[6]![0] = '产出指标(70分)';
    const t = only(sheet(rows));
    expect(codes(t)).toEqual(['WEIGHT_SUM_NOT_100@A4']);
    expect([fmt2(t.total!), t.grade]).toEqual(['98.50', null]);
  });
});

/** Two funds blocks side by side: where the money comes from on the left, how it was used on the right. */
const SIDE_BY_SIDE: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', '社区卫生服务补助', _, _, '主管部门', '某区卫生健康委'],
  ['实施单位', '某社区卫生服务中心'],
  ['项目资金(万元)', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '资金使用情况', '金额'],
  [_, '年度资金总额', 50, 50, 48, 10, '96%', 9.6, '人员经费', 30],
  [_, '其中：当年财政拨款', 50, 50, 48, '—', _, '—', '公用经费', 18],
  [_, '上年结转资金', _, _, _, '—', _, '—', '设备购置', 0],
  [_, '其他资金', _, _, _, '—', _, '—'],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '签约服务人数', '≥3000人', '3120人', 50, 50, _],
  ['效益指标', '社会效益指标', '慢病规范管理率', '≥60%', '65%', 30, 30, _],
  ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '93%', 10, 10, _],
  ['总分', _, _, _, _, 100, 99.6, _],
];

describe('two funds blocks side by side', () => {
  it('the budget block is read; the block beside it does not disturb it', () => {
    const t = only(sheet(SIDE_BY_SIDE));
    expect([fmt2(t.budget!), fmt2(t.executed!), fmt2(t.executionRate!), fmt2(t.executionScore!), fmt2(t.total!)]).toEqual([
      '50.00', '48.00', '96.00', '9.60', '99.60',
    ]);
    expect(fundsOf(t.table).groups.flat().map((r) => r.label)).toEqual(['其中:当年财政拨款', '上年结转资金', '其他资金']);
    expect(codes(t, true)).toEqual([]);
  });
});

/** Where the source broke a page: the indicator header and the 一级 label come again. */
const PAGE_BREAK: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['（2023年度）'],
  ['项目名称', '中小学校舍维修'],
  ['主管部门', '某区教育局', _, _, '实施单位', '某区教育局'],
  ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [_, '年度资金总额', 200, 200, 200, 10, '100%', 10],
  [_, '其中：本年财政拨款', 200, 200, 200, '—', _, '—'],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标(50分)', '数量指标', '维修校舍面积', '≥8000平方米', '8200平方米', 20, 20, _],
  [_, '质量指标', '验收合格率', '=100%', '100%', 15, 15, _],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标(50分)', '时效指标', '按期完工率', '≥95%', '100%', 15, 15, _],
  ['效益指标(30分)', '社会效益指标', '消除安全隐患', '有效消除', '达成', 30, 30, _],
  ['满意度指标(10分)', '服务对象满意度指标', '师生满意度', '≥90%', '96%', 10, 10, _],
  ['总分', _, _, _, _, 100, 100, _],
  ['自评等级', _, _, _, _, '优'],
];

describe('a header and a 一级 label repeated where the source broke a page', () => {
  it('one table; the 产出 group is one group whose 分值 add up to its 50', () => {
    const t = only(sheet(PAGE_BREAK));
    expect(t.table.indicators.map((i) => i.level3)).toEqual(['维修校舍面积', '验收合格率', '按期完工率', '消除安全隐患', '师生满意度']);
    expect([fmt2(t.total!), t.grade]).toEqual(['100.00', '优']);
    expect(codes(t, true)).toEqual([]);
  });
});

describe('every shape stacked on one sheet, with no blank row between two of them', () => {
  it('each table is found with its own figures and findings', () => {
    const rows = [...TWO_ROW, [], [], ...NO_SCORES, ...LABEL_WEIGHTS, [], ...PAGE_BREAK];
    const merges = TWO_ROW_MERGES;
    const r = checkSheet(sheet(rows, merges, { H13: '0%' }));
    expect(r.unrecognised).toEqual([]);
    expect(r.tables.map((t) => [t.table.project, t.total === null ? null : fmt2(t.total), codes(t, true).length])).toEqual([
      ['乡村道路养护', '94.82', 0],
      ['防汛物资储备', null, 0],
      ['农田水利设施维护', '98.50', 0],
      ['中小学校舍维修', '100.00', 0],
    ]);
  });
});

describe('nothing unread goes unsaid', () => {
  it('a self-evaluation title with nothing readable under it is an unrecognised region', () => {
    const r = checkSheet(sheet([['项目支出绩效自评表'], ['某某项目', _, '某某单位'], ['资金', 10, 9], ['指标', '完成']]));
    expect(r.tables).toEqual([]);
    expect(r.unrecognised.map((u) => [u.reason, u.range])).toEqual([['noHeaders', { top: 0, left: 0, bottom: 3, right: 2 }]]);
  });

  it('a lone heading line is no table', () => {
    expect(checkSheet(sheet([['项目支出绩效自评表'], [], [], ['备注']])).unrecognised).toEqual([]);
  });
});
