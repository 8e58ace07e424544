/**
 * One behavioural test per finding code (SPEC §4): a small table in the national form, spoilt the way a clerk
 * spoils it, and the code at its cell. Each test's name starts with its code and a colon — the registry test
 * (registry.test.ts) checks that every code has such a test somewhere under tests/, so a new code comes with
 * its test named `CODE: …`.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import { sheetReports } from '../../src/core/report';
import { checkReport } from '../../src/core/narrative';
import type { CellValue, Grid } from '../../src/core/grid';
import { findingsOf, tableWith, theTable } from './tableOf';

const _ = null;

describe('each code, raised by its rule on a small table', () => {
  it('EXEC_RATE_MISMATCH: 95 of 100 shown as 90%', () => {
    expect(findingsOf(tableWith({ G5: '90%' }))).toEqual(['EXEC_RATE_MISMATCH@G5']);
  });

  it('EXEC_SCORE_MISMATCH: 10 × 95% shown as 9', () => {
    expect(findingsOf(tableWith({ H5: 9 }))).toEqual(['EXEC_SCORE_MISMATCH@H5']);
  });

  it('OVER_EXECUTION: 105 spent of 100, the score capped at 10', () => {
    expect(findingsOf(tableWith({ E5: 105, E6: 105, G5: '105%', H5: 10, H15: 100 }))).toEqual(['OVER_EXECUTION@E5']);
  });

  it('FUND_SPLIT_MISMATCH: 当年财政拨款 99 under a total of 100', () => {
    expect(findingsOf(tableWith({ D6: 99 }))).toEqual(['FUND_SPLIT_MISMATCH@D5']);
  });

  it('SCORE_OVER_WEIGHT: 21 of 20', () => {
    expect(findingsOf(tableWith({ H11: 21, H15: 100.5 }))).toEqual(['SCORE_OVER_WEIGHT@H11']);
  });

  it('WEIGHT_SUM_NOT_100: 分值 adding up to 105 under a 总分 of 100', () => {
    const grid = tableWith({ G11: 25, I11: '抽查不足', H15: 99.5 });
    expect(findingsOf(grid)).toContain('WEIGHT_SUM_NOT_100@G15');
    expect(theTable(grid).grade).toBeNull();
  });

  it('TOTAL_WEIGHT_MISMATCH: 总分 分值 90 where the 分值 add up to 100', () => {
    expect(findingsOf(tableWith({ G15: 90 }))).toEqual(['TOTAL_WEIGHT_MISMATCH@G15']);
  });

  it('TOTAL_MISMATCH: 总分 98 where the scores add up to 99.5', () => {
    expect(findingsOf(tableWith({ H15: 98 }))).toEqual(['TOTAL_MISMATCH@H15']);
  });

  it('GRADE_MISMATCH: 99.5 shown as 良', () => {
    expect(findingsOf(tableWith({ B16: '良' }))).toEqual(['GRADE_MISMATCH@B16']);
  });

  it('QUANT_SCORE_MISMATCH: 900 of ≥1000 scored 19 (20 × 0.9 = 18)', () => {
    expect(findingsOf(tableWith({ F10: '900人次', H10: 19, I10: '部分社区未开展', H15: 98.5 }))).toEqual(['QUANT_SCORE_MISMATCH@H10']);
  });

  it('QUAL_BAND_MISMATCH: 部分达成 scored 15 of 30 (its band is 18–24)', () => {
    const grid = tableWith({ F13: '部分达成', H13: 15, I13: '部分老人未覆盖', H15: 84.5, B16: '良' });
    expect(findingsOf(grid)).toEqual(['QUAL_BAND_MISMATCH@H13']);
  });

  it('MISSING_REASON: 18 of 20 with the reason blank', () => {
    expect(findingsOf(tableWith({ F10: '900人次', H10: 18, H15: 97.5 }))).toEqual(['MISSING_REASON@I10']);
  });

  it.each(['无', '同上', '/', '不适用'])('EMPTY_REASON: 18 of 20 with the reason "%s"', (filler) => {
    expect(findingsOf(tableWith({ F10: '900人次', H10: 18, I10: filler, H15: 97.5 }))).toEqual(['EMPTY_REASON@I10']);
  });

  it('EMPTY_REASON: a reason that says something is not filler', () => {
    expect(findingsOf(tableWith({ F10: '900人次', H10: 18, I10: '无法入户的老人未计入', H15: 97.5 }))).toEqual([]);
  });

  it('MISSING_VALUE: the 执行率 得分 left blank', () => {
    expect(findingsOf(tableWith({ H5: _ }))).toContain('MISSING_VALUE@H5');
  });

  it('UNPARSEABLE: a target that is neither a number nor a word (≥90或持平)', () => {
    expect(findingsOf(tableWith({ E11: '≥95%或持平' }))).toEqual(['UNPARSEABLE@E11']);
  });

  it('LABEL_WEIGHT_MISMATCH: 产出指标(60分) over 分值 adding up to 50', () => {
    expect(findingsOf(tableWith({ B10: '产出指标(60分)' }))).toEqual(['LABEL_WEIGHT_MISMATCH@B10']);
  });

  it('LEVEL1_WEIGHT_DEVIATION: 效益 25 and 满意度 15 against the default 30 / 10', () => {
    const grid = tableWith({ G13: 25, H13: 25, G14: 15, H14: 15 });
    expect(findingsOf(grid).map((f) => f.split('@')[0])).toEqual(['LEVEL1_WEIGHT_DEVIATION']);
  });

  it('LOW_EXECUTION_NO_REASON: 80 of 100 on a form with no reason cell', () => {
    expect(findingsOf(tableWith({ E5: 80, E6: 80, G5: '80%', H5: 8, H15: 98 }))).toEqual(['LOW_EXECUTION_NO_REASON@G5']);
  });

  it('ACTUAL_NOT_NUMBER: ≥1000人次 done "完成"', () => {
    expect(findingsOf(tableWith({ F10: '完成' }))).toEqual(['ACTUAL_NOT_NUMBER@F10']);
  });

  it('EMPTY_INDICATOR: 三级指标 and 年度指标值 both 无, weighted 10', () => {
    expect(findingsOf(tableWith({ D12: '无', E12: '无', F12: '无' }))).toContain('EMPTY_INDICATOR@D12');
  });

  it('LEVEL2_MISPLACED: 数量指标 under 满意度指标', () => {
    expect(findingsOf(tableWith({ C14: '数量指标' }))).toContain('LEVEL2_MISPLACED@C14');
  });

  it('TARGET_EXCEEDED: 1200 done of ≥1000 (120%)', () => {
    expect(findingsOf(tableWith({ F10: '1200人次' }))).toEqual(['TARGET_EXCEEDED@F10']);
    expect(findingsOf(tableWith({ F10: '1199人次' }))).toEqual([]);
  });
});

describe('each code raised outside the table rules', () => {
  it('UNRECOGNISED_REGION: a self-evaluation title over a block nothing can be read from', () => {
    const rows: CellValue[][] = [['项目支出绩效自评表'], ['某某项目', _, '某某单位'], ['资金', 10, 9], ['指标', '完成']];
    const grid: Grid = { name: 'Sheet1', values: rows, merges: [] };
    const { unrecognised } = sheetReports('a.xlsx', [checkSheet(grid)]);
    expect(unrecognised.flatMap((r) => r.findings.map((f) => `${f.code}@${f.cell}`))).toEqual(['UNRECOGNISED_REGION@A1']);
  });

  const report = (...paragraphs: string[]) =>
    checkReport({ paragraphs: paragraphs.map((text, i) => ({ index: i + 1, text })), tables: [tableWith()] });
  const codesOf = (r: ReturnType<typeof report>) => r.findings.map((f) => f.code);

  it('REPORT_TABLE_MISMATCH: the narrative says 90% where its table shows 95%', () => {
    expect(codesOf(report('项目预算执行率为95%。'))).toEqual([]);
    expect(codesOf(report('项目预算执行率为90%。'))).toEqual(['REPORT_TABLE_MISMATCH']);
  });

  it('REPORT_ARITHMETIC: a change that does not give its stated percent', () => {
    // 50 − 10 = 40 last year; 10 ÷ 40 = 25%, not 10%.
    expect(codesOf(report('“三公”经费支出50万元，比上年增加10万元，增长25%。'))).toEqual([]);
    expect(codesOf(report('“三公”经费支出50万元，比上年增加10万元，增长10%。'))).toEqual(['REPORT_ARITHMETIC']);
  });

  it('REPORT_UNMATCHED: a rate of a part the table does not hold', () => {
    expect(codesOf(report('其中：基本支出执行率为80%。'))).toEqual(['REPORT_UNMATCHED']);
  });
});

describe("each code's parameters, as the messages and the report give them", () => {
  const paramsOf = (grid: ReturnType<typeof tableWith>) => theTable(grid).findings.map((f) => [f.code, f.params]);

  it('GRADE_MISMATCH: the recomputed grade and the shown one', () => {
    expect(paramsOf(tableWith({ B16: '良' }))).toEqual([['GRADE_MISMATCH', { expected: '优', found: '良' }]]);
  });

  it('TOTAL_WEIGHT_MISMATCH and TOTAL_MISMATCH: the sum and the shown figure', () => {
    expect(paramsOf(tableWith({ G15: 90 }))).toEqual([['TOTAL_WEIGHT_MISMATCH', { expected: '100.00', found: '90.00' }]]);
    expect(paramsOf(tableWith({ H15: 98 }))).toEqual([['TOTAL_MISMATCH', { expected: '99.50', found: '98.00' }]]);
  });

  it('MISSING_REASON and EMPTY_REASON: the indicator, its weight and score, the filler word', () => {
    const missing = paramsOf(tableWith({ F10: '900人次', H10: 18, H15: 97.5 }));
    expect(missing).toEqual([['MISSING_REASON', { subject: expect.stringContaining('服务人次'), expected: '20.00', found: '18.00' }]]);
    const empty = paramsOf(tableWith({ F10: '900人次', H10: 18, I10: '同上', H15: 97.5 }));
    expect(empty).toEqual([['EMPTY_REASON', { subject: expect.stringContaining('服务人次'), found: '同上' }]]);
  });

  it('TARGET_EXCEEDED: the target, the actual and their ratio', () => {
    expect(paramsOf(tableWith({ F10: '1200人次' }))).toEqual([
      ['TARGET_EXCEEDED', { subject: expect.stringContaining('服务人次'), target: '≥1000人次', found: '1200人次', ratio: '120.00' }],
    ]);
  });

  it('a target in another unit than its actual is not compared', () => {
    expect(findingsOf(tableWith({ E10: '≥1000人次', F10: '1500户' }))).not.toContain('TARGET_EXCEEDED@F10');
  });
});
