/**
 * A small table in the national 项目支出绩效自评表 form, checked clean, and its variants: each test changes a
 * few cells (by A1 address, as a clerk would) and says what the engine must find. The figures are worked out
 * by hand in each test's comment.
 */
import { expect } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import { type CellValue, type Grid, parseA1, parseRangeA1 } from '../../src/core/grid';
import type { TableResult } from '../../src/core/check/result';

const _ = null;

/** 100 万元 budgeted, 95 spent (95%, 9.5 of 10); five indicators met in full; total 99.5, 优. */
export const CLEAN: readonly (readonly CellValue[])[] = [
  ['项目支出绩效自评表'],
  ['项目名称', '社区养老服务补贴'],
  ['主管部门', '某区民政局', _, _, '实施单位', '某街道社区服务中心'],
  ['项目资金(万元)', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [_, '年度资金总额', 100, 100, 95, 10, '95%', 9.5],
  [_, '其中:当年财政拨款', 100, 100, 95, '—', '—', '—'],
  [_, '上年结转资金', _, _, _, '—', '—', '—'],
  [_, '其他资金', _, _, _, '—', '—', '—'],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  [_, '产出指标', '数量指标', '服务人次', '≥1000人次', '1000人次', 20, 20, _],
  [_, _, '质量指标', '服务合格率', '≥95%', '96%', 20, 20, _],
  [_, _, '时效指标', '补贴发放及时率', '=100%', '100%', 10, 10, _],
  [_, '效益指标', '社会效益指标', '老年人生活质量', '提高', '达成', 30, 30, _],
  [_, '满意度指标', '服务对象满意度指标', '老年人满意度', '≥90%', '92%', 10, 10, _],
  ['总分', _, _, _, _, _, 100, 99.5, _],
  ['自评等级', '优'],
];

const MERGES = ['A4:A8', 'A9:A14', 'B10:B12'];

/** The clean table with some cells changed: `{ H5: 9, F10: '524.5人次' }`. */
export function tableWith(changes: Record<string, CellValue> = {}, formats: Record<string, string> = {}): Grid {
  const values = CLEAN.map((r) => r.slice());
  for (const [a1, v] of Object.entries(changes)) {
    const { row, col } = parseA1(a1);
    const line = values[row] ?? (values[row] = []);
    line[col] = v;
  }
  const fmts = values.map((r) => r.map((): string | undefined => undefined));
  for (const [a1, f] of Object.entries(formats)) {
    const { row, col } = parseA1(a1);
    const line = fmts[row];
    if (line) line[col] = f;
  }
  return { name: '自评表', values, formats: fmts, merges: MERGES.map(parseRangeA1) };
}

/** The one table of a grid, read whole. */
export function theTable(grid: Grid): TableResult {
  const r = checkSheet(grid);
  expect(r.unrecognised).toEqual([]);
  expect(r.tables).toHaveLength(1);
  const t = r.tables[0];
  if (!t) throw new Error('no table');
  return t;
}

/** Every finding as code@cell, info included, sorted: a test states all the engine says, not a part. */
export function findingsOf(grid: Grid): string[] {
  return theTable(grid).findings.map((f) => `${f.code}@${f.cell}`).sort();
}
