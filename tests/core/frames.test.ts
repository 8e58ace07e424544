/**
 * Several indicator frames in one table (SPEC §2 "Shapes met since"): 年度绩效目标1 (40分) / 年度绩效目标2 (40分) are
 * together the indicator block, each frame's stated weight its own. Typed as printed: with a 分值 column and without
 * one (weights only in the labels), as numbers, as all text, and stacked under another table.
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

/** 90 of 100 spent: 90%, 20 × 90% = 18; frames 20 + 20 and 30 + 10 (weights 80, scores 80); total 98, 优. */
const NO_WEIGHT_COLUMN: CellValue[][] = [
  ['项目自评表'],
  ['项目名称', '乡村道路养护'],
  ['主管部门', '某县交通运输局', _, _, '实施单位', '某县公路站'],
  ['预算执行情况(万元)(20分)', _, '预算数(A)', '执行数(B)', '执行率(B/A)', '得分(20分*执行率)'],
  [_, '年度财政资金总额', 100, 90, '90%', 18],
  ['年度绩效目标1(40分)', '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
  [_, '产出指标', '数量指标', '养护里程', '≥100公里', '105公里', 20],
  [_, _, '质量指标', '路况优良率', '≥90%', '92%', 20],
  ['年度绩效目标2(40分)', '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
  [_, '效益指标', '社会效益指标', '群众出行条件', '改善', '达成', 30],
  [_, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '90%', 10],
  ['总分', _, 98],
];

/** The national columns with a 分值 column: 20 + 20 under frame 1, 30 + 10 under frame 2; 执行率 18 of 20; total 98, 优. */
const WEIGHT_COLUMN: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', '乡村道路养护'],
  ['主管部门', '某县交通运输局', _, _, '实施单位', '某县公路站'],
  ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [_, '年度资金总额', 100, 100, 90, 20, '90%', 18],
  ['年度绩效目标1(40分)', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  [_, '产出指标', '数量指标', '养护里程', '≥100公里', '105公里', 20, 20, _],
  [_, _, '质量指标', '路况优良率', '≥90%', '92%', 20, 20, _],
  ['年度绩效目标2(40分)', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  [_, '效益指标', '社会效益指标', '群众出行条件', '改善', '达成', 30, 30, _],
  [_, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '90%', 10, 10, _],
  ['总分', _, _, _, _, _, 100, 98, _],
];

const figures = (t: TableResult) => [t.budget, t.executed, t.executionScore, t.indicatorWeight, t.indicatorScore, t.total].map((d) => (d ? fmt2(d) : null));
const errors = (t: TableResult) => t.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`);

/** The typed table alone, and under the clean national table two blank rows above it. */
function readEach(rows: CellValue[][]): [string, TableResult][] {
  const alone = checkSheet(grid(rows));
  expect(alone.unrecognised).toEqual([]);
  expect(alone.tables).toHaveLength(1);
  const offset = CLEAN.length + 2;
  const stacked = checkSheet(grid([...CLEAN, [], [], ...rows]));
  expect(stacked.unrecognised).toEqual([]);
  expect(stacked.tables).toHaveLength(2);
  // The table above keeps its own reading: 95 of 100, total 99.5, 优, clean.
  const above = stacked.tables[0]!;
  expect([fmt2(above.total!), above.grade, errors(above)]).toEqual(['99.50', '优', []]);
  expect(stacked.tables[1]!.findings.every((f) => Number(/\d+$/.exec(f.cell)![0]) > offset)).toBe(true);
  return [['alone', alone.tables[0]!], ['stacked', stacked.tables[1]!]];
}

describe.each([
  ['as numbers', (r: CellValue[][]) => r],
  ['as all text', asText],
])('several indicator frames, %s', (_name, store) => {
  it('weights only in the labels: the frames add up with the funds to 100 and the table is graded', () => {
    for (const [, t] of readEach(store(NO_WEIGHT_COLUMN))) {
      expect(t.table.indicators).toHaveLength(4);
      expect(figures(t)).toEqual(['100.00', '90.00', '18.00', '80.00', '80.00', '98.00']);
      expect(t.grade).toBe('优');
      expect(errors(t)).toEqual([]);
    }
  });

  it('a 分值 column: each frame against the 分值 it holds, no mismatch on either', () => {
    for (const [, t] of readEach(store(WEIGHT_COLUMN))) {
      expect(t.table.indicators).toHaveLength(4);
      expect(figures(t)).toEqual(['100.00', '90.00', '18.00', '80.00', '80.00', '98.00']);
      expect(t.grade).toBe('优');
      expect(errors(t)).toEqual([]);
    }
  });
});

describe('a frame whose stated weight is not what it holds', () => {
  it('is named at its own label, the other frame left alone', () => {
    const rows = WEIGHT_COLUMN.map((r) => r.slice());
    rows[8]![0] = '年度绩效目标2(30分)';
    const t = checkSheet(grid(rows)).tables[0]!;
    const mismatch = t.findings.filter((f) => f.code === 'LABEL_WEIGHT_MISMATCH');
    expect(mismatch.map((f) => f.cell)).toEqual(['A9']);
    expect(mismatch[0]!.params).toMatchObject({ expected: '40.00', found: '30' });
  });

  it('without a 分值 column, frames stating 40 and 30 with the funds 20 make 90: WEIGHT_SUM_NOT_100', () => {
    const rows = NO_WEIGHT_COLUMN.map((r) => r.slice());
    rows[8]![0] = '年度绩效目标2(30分)';
    const t = checkSheet(grid(rows)).tables[0]!;
    expect(fmt2(t.indicatorWeight!)).toBe('70.00');
    expect(errors(t)).toContain('WEIGHT_SUM_NOT_100@F4');
  });
});

describe('one frame label repeated word for word (a header repeated where the source broke a page)', () => {
  it('is one frame over every indicator: its weight counts once', () => {
    const rows = NO_WEIGHT_COLUMN.map((r) => r.slice());
    rows[5]![0] = '绩效指标(80分)';
    rows[8]![0] = '绩效指标(80分)';
    const t = checkSheet(grid(rows)).tables[0]!;
    expect(figures(t)).toEqual(['100.00', '90.00', '18.00', '80.00', '80.00', '98.00']);
    expect(errors(t)).toEqual([]);
  });
});
