/**
 * Funds shapes of SPEC §2 "Shapes met since", typed as printed: funds by source across (中央 | 省级 | 市县 | 合计,
 * rows 预算数 / 执行数 / 执行率: the 合计 column is the total) and a funds block whose one value row carries no row
 * label (that row is the total). Each as numbers, as all text, and stacked under another table.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import type { CellValue, Grid } from '../../src/core/grid';
import { fmt2 } from '../../src/core/numbers';
import type { TableResult } from '../../src/core/check/result';
import { CLEAN } from './tableOf';

const _ = null;

function grid(rows: readonly (readonly CellValue[])[]): Grid {
  return { name: 'Sheet1', values: rows.map((r) => r.slice()), merges: [] };
}

const asText = (rows: readonly (readonly CellValue[])[]): CellValue[][] => rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : v)));

const HEAD: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', '乡村道路养护', _, _, _, _, _, _],
  ['主管部门', '某县交通运输局', _, _, '实施单位', '某县公路站'],
];

/** 40 + 30 + 10 + 9 = 89 of 90; with the 执行率 9 of 10, total 98, 优. */
const INDICATORS: CellValue[][] = [
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '养护里程', '≥100公里', '105公里', 40, 40, _],
  [_, '质量指标', '路况优良率', '≥90%', '92%', 30, 30, _],
  ['效益指标', '社会效益指标', '群众出行条件', '改善', '达成', 10, 10, _],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '90%', 10, 9, '个别路段施工影响'],
  ['总分', _, _, _, _, 100, 98, _],
  ['自评等级', _, _, _, _, '优'],
];

/**
 * 80 budgeted by source 50 + 20 + 10, 72 spent 45 + 18 + 9: 90% in each column and in 合计. The form states no
 * 执行率 分值 (the check that needs it is skipped): no 执行率 score, no total.
 */
const ACROSS: CellValue[][] = [
  ...HEAD,
  ['项目资金（万元）', '中央', '省级', '市县', '合计'],
  ['预算数', 50, 20, 10, 80],
  ['执行数', 45, 18, 9, 72],
  ['执行率', '90%', '90%', '90%', '90%'],
  ...INDICATORS,
];

/** The national columns with the one value row under them and no 年度资金总额 label: 80 budgeted, 72 spent, 9 of 10. */
const ONE_ROW: CellValue[][] = [
  ...HEAD,
  ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [_, _, 80, 80, 72, 10, '90%', 9],
  ...INDICATORS,
];

const figures = (t: TableResult) => [t.budget, t.executed, t.executionRate, t.executionScore, t.total].map((d) => (d ? fmt2(d) : null));
const errors = (t: TableResult) => t.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`);

/** The typed table alone, and under the clean national table two blank rows above it. */
function readEach(rows: CellValue[][]): TableResult[] {
  const alone = checkSheet(grid(rows));
  expect(alone.unrecognised).toEqual([]);
  expect(alone.tables).toHaveLength(1);
  const stacked = checkSheet(grid([...CLEAN, [], [], ...rows]));
  expect(stacked.unrecognised).toEqual([]);
  expect(stacked.tables).toHaveLength(2);
  // The table above keeps its own reading: 95 of 100, total 99.5, 优, clean.
  const above = stacked.tables[0]!;
  expect([fmt2(above.total!), above.grade, errors(above)]).toEqual(['99.50', '优', []]);
  return [alone.tables[0]!, stacked.tables[1]!];
}

describe.each([
  ['as numbers', (r: CellValue[][]) => r],
  ['as all text', asText],
])('funds shapes, %s', (_name, store) => {
  it('funds by source across: the 合计 column is the total', () => {
    for (const t of readEach(store(ACROSS))) {
      expect(figures(t)).toEqual(['80.00', '72.00', '90.00', null, null]);
      expect(t.table.indicators).toHaveLength(4);
      expect(fmt2(t.indicatorScore!)).toBe('89.00');
      expect(t.skipped).toContain('noExecWeight');
      expect(errors(t)).toEqual([]);
    }
  });

  it('one value row with no row label: that row is the total', () => {
    for (const t of readEach(store(ONE_ROW))) {
      expect(figures(t)).toEqual(['80.00', '72.00', '90.00', '9.00', '98.00']);
      expect(t.grade).toBe('优');
      expect(errors(t)).toEqual([]);
    }
  });
});

describe('funds by source across, checked in the 合计 column', () => {
  it('a 合计 rate that is not 执行数 ÷ 预算数 is named at its cell', () => {
    const rows = ACROSS.map((r) => r.slice());
    rows[6]![4] = '95%';
    const t = checkSheet(grid(rows)).tables[0]!;
    expect(t.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toContain('E7');
  });

  it('sources that do not add up to 合计 are a FUND_SPLIT_MISMATCH at the 合计 cell of that row, per row', () => {
    const rows = ACROSS.map((r) => r.slice());
    rows[4]![3] = 15; // 市县 budget 15: 50 + 20 + 15 = 85, not 80
    const t = checkSheet(grid(rows)).tables[0]!;
    const split = t.findings.filter((f) => f.code === 'FUND_SPLIT_MISMATCH');
    expect(split.map((f) => [f.cell, f.params])).toEqual([['E5', expect.objectContaining({ column: 'budget', expected: '85.00', found: '80.00' })]]);
    // 市县's own rate 9 ÷ 15 = 60% is not the 90% shown beside it.
    expect(errors(t)).toContain('EXEC_RATE_MISMATCH@D7');
  });

  it('a source cell that cannot be read leaves that row unchecked and says so: no split finding from a guess', () => {
    const rows = ACROSS.map((r) => r.slice());
    rows[5]![2] = 'abc'; // 省级 执行数
    rows[4]![3] = 15;
    const t = checkSheet(grid(rows)).tables[0]!;
    const split = t.findings.filter((f) => f.code === 'FUND_SPLIT_MISMATCH').map((f) => f.cell);
    expect(split).toEqual(['E5']); // the budget row, every cell read, is still checked; the executed row is not
    expect(t.findings.filter((f) => f.code === 'UNPARSEABLE').map((f) => [f.cell, f.severity])).toEqual([['C6', 'info']]); // and says why
  });

  it('with no 合计 column no source is read as the total (中央 50 is not the budget): the funds are not read', () => {
    const rows = ACROSS.map((r) => r.slice(0, 4));
    const t = checkSheet(grid(rows)).tables[0]!;
    expect([t.budget, t.executed]).toEqual([null, null]);
    expect(t.skipped).toContain('noFunds');
    expect(errors(t)).toEqual([]);
  });
});
