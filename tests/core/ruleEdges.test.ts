/**
 * The rules at the edges the mutation run found unheld (README, Development: `npm run mutate`): the form
 * variants a rule branches on (a funds block with a reason column, the 执行率 scored as an indicator row, a
 * form with no 执行率 or 总分 分值), each finding compared whole — code, cell and every parameter.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../src/core/grid';
import { TABLE_RULES } from '../../src/core/check/rules';
import { tableWith, theTable } from './tableOf';

const _ = null;

/** Each finding as [code, cell, params], in the engine's order (by row, then column). */
const whole = (grid: Grid) => theTable(grid).findings.map((f) => [f.code, f.cell, f.params]);

/** The funds block without 分值, 执行率 and 得分 columns: the form's 执行率 has no points of its own. */
const FUNDS_UNSCORED: Record<string, CellValue> = Object.fromEntries(
  ['F', 'G', 'H'].flatMap((c) => [4, 5, 6, 7, 8].map((r) => [`${c}${r}`, _])),
);

/**
 * The 执行率 scored as an indicator row (SPEC §2): 预算执行率 ≥90% in 时效指标's row, worth 10, 95% done,
 * 9.5; 服务人次 worth 30 so that 产出 keeps its 50. Total 30 + 20 + 9.5 + 30 + 10 = 99.5.
 */
const AS_INDICATOR: Record<string, CellValue> = {
  ...FUNDS_UNSCORED,
  D12: '预算执行率',
  E12: '≥90%',
  F12: '95%',
  G12: 10,
  H12: 9.5,
  G10: 30,
  H10: 30,
};

/** 80 of 100 spent: 80%, below the 90% line. */
const SPENT_80 = { E5: 80, E6: 80 };

describe('the rules run in their order, each under its name', () => {
  it('the order some rules rely on (a rule stands back for a finding an earlier one raised)', () => {
    expect(TABLE_RULES.map((r) => r.name)).toEqual([
      'missingValues',
      'executionRate',
      'fundSplit',
      'indicatorScores',
      'reasons',
      'weights',
      'statedWeights',
      'level1Split',
      'total',
      'grade',
      'lowExecution',
      'actualNotNumber',
      'emptyIndicator',
      'level2Placement',
      'targetExceeded',
      'shortfall',
      'missingFields',
    ]);
  });
});

describe('LOW_EXECUTION_NO_REASON on the form variants', () => {
  const reasonColumn = { I4: '预算执行率未达到90%的需说明原因', ...SPENT_80, G5: '80%', H5: 8, H15: 98 };

  it('a funds block with a reason column: blank or filler is raised at the reason cell, a reason is not', () => {
    expect(whole(tableWith(reasonColumn))).toEqual([['LOW_EXECUTION_NO_REASON', 'I5', { found: '80.00%' }]]);
    expect(whole(tableWith({ ...reasonColumn, I5: '无' }))).toEqual([['LOW_EXECUTION_NO_REASON', 'I5', { found: '80.00%' }]]);
    expect(whole(tableWith({ ...reasonColumn, I5: '项目延期至次年实施' }))).toEqual([]);
  });

  it('a reason column left blank at 90% exactly is no finding', () => {
    expect(whole(tableWith({ ...reasonColumn, E5: 90, E6: 90, G5: '90%', H5: 9, H15: 99 }))).toEqual([]);
  });

  it('a form with no rate column: raised at the 执行数', () => {
    const grid = tableWith({ ...SPENT_80, G4: _, G5: _, G6: _, G7: _, G8: _, H5: 8, H15: 98 });
    expect(whole(grid)).toEqual([['LOW_EXECUTION_NO_REASON', 'E5', { found: '80.00%', noReasonCell: true }]]);
  });

  it('the 执行率 as an indicator: a blank reason is said once, as MISSING_REASON', () => {
    expect(whole(tableWith({ ...AS_INDICATOR, E5: 100, E6: 100, F12: '100%', H12: 10, H15: 100 }))).toEqual([]);
    const grid = tableWith({ ...AS_INDICATOR, ...SPENT_80, F12: '80%', H12: 8, H15: 98 });
    expect(whole(grid)).toEqual([['MISSING_REASON', 'I12', { subject: '预算执行率', expected: '10.00', found: '8.00' }]]);
  });

  it('the 执行率 as an indicator: a filler reason is an empty reason and a low rate without one', () => {
    const grid = tableWith({ ...AS_INDICATOR, ...SPENT_80, F12: '80%', H12: 8, H15: 98, I12: '无' });
    expect(whole(grid)).toEqual([
      ['EMPTY_REASON', 'I12', { subject: '预算执行率', found: '无' }],
      ['LOW_EXECUTION_NO_REASON', 'I12', { found: '80.00%' }],
    ]);
    expect(whole(tableWith({ ...AS_INDICATOR, ...SPENT_80, F12: '80%', H12: 8, H15: 98, I12: '项目延期' }))).toEqual([]);
  });

  it('a table with no funds block, its 执行率 an indicator at 80%, no reason column: raised at the rate', () => {
    const noFunds = Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].flatMap((c) => [2, 3, 4, 5, 6, 7, 8].map((r) => [`${c}${r}`, _])));
    const grid = tableWith({ ...noFunds, D12: '预算执行率', E12: '≥90%', F12: '80%', G12: 10, H12: 8, G10: 30, H10: 30, I9: _, H15: 98 });
    expect(whole(grid)).toEqual([['LOW_EXECUTION_NO_REASON', 'F12', { found: '80.00%', noReasonCell: true }]]);
  });

  it('the 执行率 as an indicator on a form with no reason column: raised at its actual', () => {
    const grid = tableWith({ ...AS_INDICATOR, ...SPENT_80, F12: '80%', H12: 8, H15: 98, I9: _ });
    expect(whole(grid)).toEqual([['LOW_EXECUTION_NO_REASON', 'F12', { found: '80.00%', noReasonCell: true }]]);
  });
});

describe('EMPTY_REASON: only a whole cell of filler', () => {
  const reason = (v: CellValue) => whole(tableWith({ F10: '900人次', H10: 18, I10: v, H15: 97.5 }));

  it('a reason that ends in 0 or 无 says something', () => {
    expect(reason('实际偏差为0')).toEqual([]);
    expect(reason('部分站点网络信号时有时无')).toEqual([]);
  });

  it('a number other than 0, or an error value, in the reason cell is not read as filler', () => {
    expect(reason(100)).toEqual([]);
    expect(reason({ error: '#N/A' })).toEqual([]);
  });

  it('a row that stops before its reason cell: MISSING_REASON at the reason column', () => {
    const full = tableWith({ F10: '900人次', H10: 18, H15: 97.5 });
    const grid = { ...full, values: full.values.map((r, i) => (i === 9 ? r.slice(0, 8) : r)) };
    expect(grid.values[9]).toHaveLength(8);
    expect(whole(grid)).toEqual([['MISSING_REASON', 'I10', { subject: '服务人次', expected: '20.00', found: '18.00' }]]);
  });

  it('filler with its punctuation doubled is still filler', () => {
    expect(reason('无。。')).toEqual([['EMPTY_REASON', 'I10', { subject: '服务人次', found: '无。。' }]]);
  });
});

describe('TARGET_EXCEEDED: only against a target it can be a multiple of', () => {
  it('a target of 0 is not exceeded by far (no ratio to it)', () => {
    expect(whole(tableWith({ E10: '≥0人次' }))).toEqual([]);
  });

  it('a target with no unit is compared with an actual that has one', () => {
    expect(whole(tableWith({ E10: '≥1000', F10: '1200人次' }))).toEqual([
      ['TARGET_EXCEEDED', 'F10', { subject: '服务人次', target: '≥1000', found: '1200人次', ratio: '120.00' }],
    ]);
  });
});

describe('WEIGHT_SUM_NOT_100: where it is said', () => {
  // 服务合格率 weighted 25 and met (96% of ≥95%): the 分值 add up to 105, the total 104.5 (产出 55 is also a LEVEL1_WEIGHT_DEVIATION, not compared here).
  const sums = (grid: Grid) => whole(grid).filter(([code]) => code !== 'LEVEL1_WEIGHT_DEVIATION');

  it('at the 总分 分值 when there is one', () => {
    expect(sums(tableWith({ G11: 25, H11: 25, H15: 104.5 }))).toEqual([['WEIGHT_SUM_NOT_100', 'G15', { found: '105.00' }]]);
  });

  it('a form whose 执行率 has no points, its indicators worth 100, with no 总分 分值: nothing to say', () => {
    const grid = tableWith({ ...FUNDS_UNSCORED, G10: 30, H10: 30, H15: 100, G15: _ });
    expect(whole(grid)).toEqual([]);
    expect(theTable(grid).skipped).toEqual(['noExecWeight']);
  });

  it('at the 执行率 分值 when the 总分 row shows none', () => {
    expect(sums(tableWith({ G11: 25, H11: 25, H15: 104.5, G15: _ }))).toEqual([['WEIGHT_SUM_NOT_100', 'F5', { found: '105.00' }]]);
  });
});

describe('the funds row: each finding with its parameters', () => {
  it('OVER_EXECUTION: the budget, the spent and the unit', () => {
    const grid = tableWith({ E5: 105, E6: 105, G5: '100%', H5: 10, H15: 100 });
    expect(whole(grid)).toEqual([['OVER_EXECUTION', 'E5', { expected: '100.00', found: '105.00', unit: '万元' }]]);
  });

  it('a budget of 0: no rate can be had (UNPARSEABLE), and nothing spent is not over it', () => {
    const grid = tableWith({ C5: 0, D5: 0, C6: 0, D6: 0, E5: 0, E6: 0, G5: _, H5: 0, H15: 90, B16: '优' });
    expect(whole(grid).filter(([code]) => code === 'UNPARSEABLE' || code === 'OVER_EXECUTION')).toEqual([['UNPARSEABLE', 'D5', { reason: 'noRate' }]]);
  });

  it('EXEC_RATE_MISMATCH: the exact rate and the rate as shown, a fraction shown as a percent', () => {
    expect(whole(tableWith({ G5: '90.5%' }))).toEqual([['EXEC_RATE_MISMATCH', 'G5', { expected: '95.00%', found: '90.5%' }]]);
    // 0.90 shown with two decimals is 90% to ±0.5%; 0.9 shown as General is 90% to ±5%, which holds 95%.
    expect(whole(tableWith({ G5: 0.9 }, { G5: '0.00' }))).toEqual([['EXEC_RATE_MISMATCH', 'G5', { expected: '95.00%', found: '90%' }]]);
    expect(whole(tableWith({ G5: 0.9 }))).toEqual([]);
    expect(whole(tableWith({ G5: 0.95 }, { G5: '0.00' }))).toEqual([]);
  });

  it('EXEC_SCORE_MISMATCH: the recomputed score and the shown one', () => {
    expect(whole(tableWith({ H5: 9 }))).toEqual([['EXEC_SCORE_MISMATCH', 'H5', { expected: '9.50', found: '9.00' }]]);
    expect(whole(tableWith({ H5: 9.49 }))).toEqual([['EXEC_SCORE_MISMATCH', 'H5', { expected: '9.50', found: '9.49' }]]);
  });

  it('a sub-row that shows its own rate is checked against its own amounts', () => {
    expect(whole(tableWith({ G6: '95%' }))).toEqual([]);
    expect(whole(tableWith({ G6: '90%' }))).toEqual([['EXEC_RATE_MISMATCH', 'G6', { expected: '95.00%', found: '90%' }]]);
  });

  it('MISSING_VALUE: an unreadable amount says what it holds', () => {
    expect(whole(tableWith({ D5: '待定' })).filter(([code]) => code === 'MISSING_VALUE')).toEqual([['MISSING_VALUE', 'D5', { field: 'budget', found: '待定' }]]);
    expect(whole(tableWith({ G5: '约95%' }))).toEqual([['MISSING_VALUE', 'G5', { field: 'rate', found: '约95%' }]]);
  });
});

describe('the indicator rows: each finding with its parameters', () => {
  it('ACTUAL_NOT_NUMBER: the indicator, its target and the words done', () => {
    expect(whole(tableWith({ F10: '完成' }))).toEqual([['ACTUAL_NOT_NUMBER', 'F10', { subject: '服务人次', target: '≥1000人次', found: '完成' }]]);
  });

  it('EMPTY_INDICATOR: named by its 二级指标, with its weight; one weighted 0 is not raised', () => {
    const empty = { D12: '无', E12: '无', F12: '无' };
    expect(whole(tableWith(empty)).filter(([code]) => code === 'EMPTY_INDICATOR')).toEqual([['EMPTY_INDICATOR', 'D12', { subject: '时效指标', weight: '10.00' }]]);
    const unweighted = tableWith({ ...empty, G12: 0, H12: 0, G10: 30, H10: 30 });
    expect(whole(unweighted).filter(([code]) => code === 'EMPTY_INDICATOR')).toEqual([]);
  });

  it('LEVEL2_MISPLACED: the 二级, the 一级 it stands under and where it belongs', () => {
    expect(whole(tableWith({ C14: '数量指标' })).filter(([code]) => code === 'LEVEL2_MISPLACED')).toEqual([
      ['LEVEL2_MISPLACED', 'C14', { level2: '数量指标', level1: '满意度指标', expected: '产出' }],
    ]);
  });

  it('MISSING_FIELD: a positive score over a blank 实际完成值; a score of 0 credits nothing', () => {
    expect(whole(tableWith({ F11: _ }))).toEqual([['MISSING_FIELD', 'F11', { field: 'actual', subject: '服务合格率' }]]);
    expect(whole(tableWith({ F11: _, H11: 0, I11: '未开展检查', H15: 79.5, B16: '中' })).filter(([code]) => code === 'MISSING_FIELD')).toEqual([]);
  });
});

describe('FUND_SPLIT_MISMATCH: the column, the sum and the total', () => {
  it('60 under a 全年预算数 of 100, in 万元', () => {
    expect(whole(tableWith({ D6: 60 }))).toEqual([['FUND_SPLIT_MISMATCH', 'D5', { column: 'budget', expected: '60.00', found: '100.00', unit: '万元' }]]);
  });

  it('two lists one after the other, each adding up to the total, are no mismatch; one that does not is', () => {
    // 当年财政拨款 100 (by kind), then 上年结转 60 + 其他 40 (by source): 100 and 100.
    expect(whole(tableWith({ D6: 100, D7: 60, D8: 40 }))).toEqual([]);
    expect(whole(tableWith({ D6: 100, D7: 60, D8: 30 }))).toEqual([['FUND_SPLIT_MISMATCH', 'D5', { column: 'budget', expected: '190.00', found: '100.00', unit: '万元' }]]);
  });
});

describe('LEVEL1_WEIGHT_DEVIATION: only where every 一级 has a default', () => {
  it('a 成本指标 row (no default for it) stops the comparison', () => {
    const cost = { B14: '成本指标', C14: '经济成本指标', D14: '人均补贴成本', E14: '≤500元', F14: '480元', G13: 25, H13: 25, G14: 15, H14: 15 };
    expect(whole(tableWith(cost))).toEqual([]);
  });

  it('each 一级 weight found, against the default', () => {
    const grid = tableWith({ G13: 25, H13: 25, G14: 15, H14: 15 });
    const points = (list: [string, number][]) => list.map(([name, p]) => ({ name, points: String(p) }));
    expect(whole(grid)).toEqual([
      [
        'LEVEL1_WEIGHT_DEVIATION',
        'B10',
        {
          expected: points([['执行率', 10], ['产出', 50], ['效益', 30], ['满意度', 10]]),
          found: points([['执行率', 10], ['产出', 50], ['效益', 25], ['满意度', 15]]),
        },
      ],
    ]);
  });
});

describe('LABEL_WEIGHT_MISMATCH: a label that states its points', () => {
  it('the frame 绩效指标(90分) holds the indicators’ 90; (80分) does not', () => {
    expect(whole(tableWith({ A9: '绩效指标(90分)' }))).toEqual([]);
    expect(whole(tableWith({ A9: '绩效指标(80分)' }))).toEqual([['LABEL_WEIGHT_MISMATCH', 'A9', { subject: '绩效指标(80分)', expected: '90.00', found: '80' }]]);
  });

  it('总分(90分) against the 执行率 and the indicators together (100)', () => {
    expect(whole(tableWith({ A15: '总分(90分)' }))).toEqual([['LABEL_WEIGHT_MISMATCH', 'A15', { subject: '总分(90分)', expected: '100.00', found: '90' }]]);
    expect(whole(tableWith({ A15: '总分(100分)' }))).toEqual([]);
  });

  it('a 一级 label against the 分值 under it', () => {
    expect(whole(tableWith({ B10: '产出指标(50分)' }))).toEqual([]);
  });
});

describe('SHORTFALL_NO_REASON: short of the target for every true value the shown one may stand for', () => {
  const short = (subject: string, cell: string, expected: string, found: string) => ['SHORTFALL_NO_REASON', cell, { subject, expected, found }];
  const scoreOff = (cell: string, expected: string, found: string, subject: string) => ['QUANT_SCORE_MISMATCH', cell, { subject, expected, found }];

  it('999 of ≥1000 scored in full: the shortfall, and with a filler reason the filler said', () => {
    expect(whole(tableWith({ F10: '999人次', H10: 19.98, H15: 99.48 }))).toEqual([['MISSING_REASON', 'I10', { subject: '服务人次', expected: '20.00', found: '19.98' }]]);
    expect(whole(tableWith({ F10: '999人次', I10: '无' }))).toEqual([
      scoreOff('H10', '19.98', '20.00', '服务人次'),
      ['SHORTFALL_NO_REASON', 'I10', { subject: '服务人次', expected: '≥1000人次', found: '999人次', filler: '无' }],
    ]);
    expect(whole(tableWith({ F10: '999人次', I10: '个别老人外出' }))).toEqual([scoreOff('H10', '19.98', '20.00', '服务人次')]);
  });

  it('≥95.5% done 95% (at most 95.4999…) is short', () => {
    expect(whole(tableWith({ E11: '≥95.5%', F11: '95%' }))).toEqual([scoreOff('H11', '19.90', '20.00', '服务合格率'), short('服务合格率', 'I11', '≥95.5%', '95%')]);
  });

  it('≤2.05% done 2.1% (as low as 2.05) is not certain to be short; <2% done 2.005% is', () => {
    const complaints = { D12: '投诉率' };
    expect(whole(tableWith({ ...complaints, E12: '≤2.05%', F12: '2.1%' }))).toEqual([scoreOff('H12', '9.76', '10.00', '投诉率')]);
    expect(whole(tableWith({ ...complaints, E12: '<2%', F12: '2.005%' }))).toEqual([scoreOff('H12', '9.98', '10.00', '投诉率'), short('投诉率', 'I12', '<2%', '2.005%')]);
    expect(whole(tableWith({ ...complaints, E12: '<2%', F12: '2.00%' }))).toEqual([]);
  });

  it('基本达成 of a qualitative target scored in full, without a reason', () => {
    expect(whole(tableWith({ F13: '基本达成' }))).toEqual([
      ['QUAL_BAND_MISMATCH', 'H13', { subject: '老年人生活质量', expected: '18.00–24.00', found: '30.00' }],
      short('老年人生活质量', 'I13', '提高', '基本达成'),
    ]);
  });
});

describe('checkTable: the figures worked out and what could not be checked, on each form variant', () => {
  const blank = (cols: string, rows: number[]) => Object.fromEntries([...cols].flatMap((c) => rows.map((r) => [`${c}${r}`, _])));
  /** budget, executed, rate, 执行率 分值 and 得分, indicators' 分值 and 得分, total, grade, shown total and grade. */
  const figures = (grid: Grid) => {
    const t = theTable(grid);
    const list = [t.budget, t.executed, t.executionRate, t.executionWeight, t.executionScore, t.indicatorWeight, t.indicatorScore, t.total, t.grade, t.shownTotal, t.shownGrade];
    return { figures: list.map((v) => (v === null ? null : String(v))), skipped: t.skipped, findings: t.findings.map((f) => `${f.code}@${f.cell}`) };
  };
  const CLEAN_FIGURES = ['100', '95', '95', '10', '9.5', '90', '90', '99.5', '优', '99.5', '优'];

  it.each<[string, Record<string, CellValue>, (string | null)[], string[]]>([
    ['the clean table', {}, CLEAN_FIGURES, []],
    ['no reason column', { I9: _ }, CLEAN_FIGURES, ['noReasonColumn']],
    ['no 得分 column', blank('H', [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]), ['100', '95', '95', '10', '9.5', '90', null, null, null, null, '优'], ['noExecScoreColumn', 'noScoreColumn']],
    ['no 分值 column under the indicators', blank('G', [9, 10, 11, 12, 13, 14, 15]), ['100', '95', '95', '10', '9.5', null, '90', '99.5', '优', '99.5', '优'], ['noWeightColumn']],
    ['no 总分 row', { A15: _, G15: _, H15: _ }, ['100', '95', '95', '10', '9.5', '90', '90', '99.5', '优', null, '优'], ['noTotalRow']],
    ['no indicators', blank('ABCDEFGHI', [9, 10, 11, 12, 13, 14]), ['100', '95', '95', '10', '9.5', null, null, null, null, null, null], ['noIndicators']],
    ['no funds block', blank('ABCDEFGH', [2, 3, 4, 5, 6, 7, 8]), [null, null, null, null, null, '90', '90', null, null, '99.5', '优'], ['noFunds', 'noExecWeight']],
    ['分值 adding up to 105', { G11: 25, H11: 25, H15: 104.5 }, ['100', '95', '95', '10', '9.5', '95', '95', '104.5', null, '104.5', '优'], ['weightsNot100']],
  ])('%s', (_name, changes, expected, skipped) => {
    const t = figures(tableWith(changes));
    expect([t.figures, t.skipped]).toEqual([expected, skipped]);
  });

  it('a 总分 formula with no stored result: not computed, not missing', () => {
    const grid: Grid = { ...tableWith({ H15: _ }), formulas: new Map([['H15', '=SUM(H10:H14)+H5']]) };
    expect(figures(grid)).toEqual({ figures: ['100', '95', '95', '10', '9.5', '90', '90', '99.5', '优', null, '优'], skipped: ['formulaNotComputed'], findings: [] });
  });

  it('amounts left blank: no rate, no 执行率得分, no total; each blank said', () => {
    expect(figures(tableWith({ D5: _, E5: _ }))).toEqual({
      figures: [null, null, null, '10', null, '90', '90', null, null, '99.5', '优'],
      skipped: [],
      findings: ['MISSING_VALUE@D5', 'MISSING_VALUE@E5'],
    });
  });
});

describe('one finding per code and cell, each rule on its own ground', () => {
  it('the 执行率 indicator’s blank 得分 is one MISSING_VALUE, as the 执行率得分', () => {
    const grid = tableWith({ ...AS_INDICATOR, H12: _ });
    expect(whole(grid)).toEqual([['MISSING_VALUE', 'H12', { field: 'execScore' }]]);
  });

  it('a fraction shown as General, 0.8, is 80% to ±5%: shown as 80% against 95%', () => {
    expect(whole(tableWith({ G5: 0.8 }))).toEqual([['EXEC_RATE_MISMATCH', 'G5', { expected: '95.00%', found: '80%' }]]);
  });

  it('LEVEL2_MISPLACED: a 数量指标 under 成本指标 is not misplaced (成本 holds any 二级)', () => {
    expect(whole(tableWith({ B14: '成本指标', C14: '数量指标', D14: '人均补贴成本', E14: '≤500元', F14: '480元' }))).toEqual([]);
  });

  it('MISSING_FIELD: a header field the form asks for, left blank', () => {
    expect(whole(tableWith({ B2: _ }))).toEqual([['MISSING_FIELD', 'B2', { field: 'project' }]]);
    expect(whole(tableWith({ F3: _ }))).toEqual([['MISSING_FIELD', 'F3', { field: 'implementer' }]]);
  });
});
