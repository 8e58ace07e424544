/**
 * Real tables made wrong on purpose, one thing at a time: each change raises exactly the finding it
 * should, at the cell it should, and nothing else changes.
 */
import { describe, expect, it } from 'vitest';
import { loadGrids } from '../helpers';
import { checkSheet } from '../../src/core/engine';
import { type CellValue, type Grid, parseA1 } from '../../src/core/grid';
import { fmt2 } from '../../src/core/numbers';

function withCells(grid: Grid, cells: Record<string, CellValue>): Grid {
  const values = grid.values.map((r) => r.slice());
  for (const [addr, v] of Object.entries(cells)) {
    const { row, col } = parseA1(addr);
    values[row] ??= [];
    values[row]![col] = v;
  }
  return { ...grid, values };
}

function keys(grid: Grid): string[] {
  return checkSheet(grid).tables.flatMap((t) => t.findings.map((f) => `${f.code}@${f.cell}`));
}

/** Findings the change added (the baseline's own findings stay as they were). */
function added(base: Grid, changed: Grid): string[] {
  const before = keys(base);
  const after = keys(changed);
  expect(after).toEqual(expect.arrayContaining(before));
  return after.filter((k) => !before.includes(k));
}

describe('tables made wrong on purpose', async () => {
  // 援滇干部工作经费: F/G indicator columns, total F19/G19, grade F20, funds D6 (budget) H6 (score).
  const grid = (await loadGrids('seed000.xlsx'))[0]!;

  it('the untouched table has no error or warning', () => {
    const t = checkSheet(grid).tables[0]!;
    expect(t.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a score above its weight → SCORE_OVER_WEIGHT', () => {
    expect(added(grid, withCells(grid, { G14: 16, G19: 100.58 }))).toEqual(['SCORE_OVER_WEIGHT@G14']);
  });

  it('weights summing to 110 → WEIGHT_SUM_NOT_100 on the total row', () => {
    expect(added(grid, withCells(grid, { F14: 25, G14: 25, G19: 109.58 }))).toEqual(['WEIGHT_SUM_NOT_100@F19']);
  });

  it('a total row weight that is not the sum → TOTAL_WEIGHT_MISMATCH', () => {
    expect(added(grid, withCells(grid, { F19: 90 }))).toEqual(['TOTAL_WEIGHT_MISMATCH@F19']);
  });

  it('a wrong grade → GRADE_MISMATCH', () => {
    expect(added(grid, withCells(grid, { F20: '良' }))).toEqual(['GRADE_MISMATCH@F20']);
  });

  it('a wrong 执行率得分 → EXEC_SCORE_MISMATCH', () => {
    expect(added(grid, withCells(grid, { H6: 10 }))).toEqual(['EXEC_SCORE_MISMATCH@H6']);
  });

  it('a total built on the wrong 执行率得分 is wrong too, against the one recomputed total', () => {
    const changed = withCells(grid, { H6: 10, G19: 100 });
    expect(added(grid, changed).sort()).toEqual(['EXEC_SCORE_MISMATCH@H6', 'TOTAL_MISMATCH@G19']);
    const t = checkSheet(changed).tables[0]!;
    const total = t.findings.find((f) => f.code === 'TOTAL_MISMATCH')!;
    expect([total.expected, fmt2(t.total!)]).toEqual(['99.58', '99.58']);
  });

  it('a wrong 执行率 → EXEC_RATE_MISMATCH', () => {
    expect(added(grid, withCells(grid, { G6: 96.1 }))).toEqual(['EXEC_RATE_MISMATCH@G6']);
  });

  it('a wrong total → TOTAL_MISMATCH', () => {
    expect(added(grid, withCells(grid, { G19: 99.7 }))).toEqual(['TOTAL_MISMATCH@G19']);
  });

  it('a total within the rounding of seven shown figures is accepted', () => {
    // 9.58 + 6 × 15.00, each known to ±0.005: 99.6 could be their true sum.
    expect(added(grid, withCells(grid, { G19: 99.6 }))).toEqual([]);
  });

  it('a blank 预算数 → MISSING_VALUE, and nothing computed from it', () => {
    const changed = withCells(grid, { D6: null });
    expect(added(grid, changed)).toEqual(['MISSING_VALUE@D6']);
    const t = checkSheet(changed).tables[0]!;
    expect([t.executionRate, t.executionScore, t.total, t.grade]).toEqual([null, null, null, null]);
  });

  it('a #REF! in a score cell → MISSING_VALUE at that cell, the total check stops', () => {
    const changed = withCells(grid, { G15: { error: '#REF!' } });
    expect(added(grid, changed)).toEqual(['MISSING_VALUE@G15']);
    const f = checkSheet(changed).tables[0]!.findings.find((x) => x.code === 'MISSING_VALUE')!;
    expect(f.found).toBe('#REF!');
  });

  it('a deduction without a reason → MISSING_REASON at the reason cell', () => {
    expect(added(grid, withCells(grid, { G14: 13, G19: 97.58 }))).toEqual(['MISSING_REASON@H14']);
  });

  it('a deduction with a reason is accepted', () => {
    expect(added(grid, withCells(grid, { G14: 13, G19: 97.58, H14: '质量抽检有两项未达标' }))).toEqual([]);
  });

  it('a qualitative score below its band → QUAL_BAND_MISMATCH (with the missing reason)', () => {
    expect(added(grid, withCells(grid, { G14: 9, G19: 93.58 })).sort()).toEqual(['MISSING_REASON@H14', 'QUAL_BAND_MISMATCH@G14']);
  });

  it('over-execution → OVER_EXECUTION, the capped 100% rate accepted', () => {
    const changed = withCells(grid, { E6: 25, E7: 25, G6: 100, G7: 100, H6: 10, G19: 100 });
    expect(added(grid, changed)).toEqual(['OVER_EXECUTION@E6']);
  });

  it('sub-rows that do not add up → FUND_SPLIT_MISMATCH on the total of that column', () => {
    expect(added(grid, withCells(grid, { C8: 1 }))).toEqual(['FUND_SPLIT_MISMATCH@C6']);
  });

  it('a target that cannot be read → UNPARSEABLE, the rule skipped', () => {
    expect(added(grid, withCells(grid, { D13: '按计划推进??' }))).toEqual(['UNPARSEABLE@D13']);
  });
});

describe('SPEC §3 rounding examples', () => {
  const base = (async () => (await loadGrids('seed000.xlsx'))[0]!)();

  it('执行率 96.1% with 得分 10 is an error (the score must be 9.61)', async () => {
    const g = await base;
    // 96.1% needs amounts that give it: 96.1 of 100.
    const changed = withCells(g, { D6: 100, D7: 100, E6: 96.1, E7: 96.1, G6: '96.1%', G7: '96.1%', H6: 10, G19: 99.61 });
    const t = checkSheet(changed).tables[0]!;
    expect(t.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.cell, f.expected])).toEqual([
      ['EXEC_SCORE_MISMATCH', 'H6', '9.61'],
    ]);
  });

  it('执行数 69.98 of 预算数 70 with 得分 9.99 is an error (9.9971 rounds to 10.00)', async () => {
    const g = await base;
    const changed = withCells(g, { D6: 70, D7: 70, E6: 69.98, E7: 69.98, G6: 99.97, G7: 99.97, H6: 9.99, G19: 99.99 });
    const t = checkSheet(changed).tables[0]!;
    expect(t.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.cell, f.expected])).toEqual([
      ['EXEC_SCORE_MISMATCH', 'H6', '10.00'],
    ]);
  });
});

describe('a real table exported without its 项目名称 label (as the Wujing source prints it)', () => {
  it('is still named, and checked the same', async () => {
    const grid = (await loadGrids('seed002.xlsx'))[0]!; // 巡查员工作经费
    const changed = withCells(grid, { A3: null });
    const t = checkSheet(changed).tables[0]!;
    expect(t.table.project).toBe('巡查员工作经费');
    expect(t.findings.map((f) => f.code)).toEqual(checkSheet(grid).tables[0]!.findings.map((f) => f.code));
  });
});

describe('department-wide 年度主要任务', () => {
  it('each task’s 预算执行率 is held to 预算执行数 ÷ 预算资金', async () => {
    const grid = (await loadGrids('seed003.xlsx'))[0]!;
    expect(checkSheet(grid).tables[0]!.table.tasks!.map((t) => t.label)).toEqual([
      '对个人和家庭的补助支出支付退休人员工资福利费', '一般商品和服务支出支付局机关日常运转费', '防震减灾工作切实履行好防震减灾工作职责,全力推动防震减灾各项工作。', '基本工资福利支出发放工资福利费', '安全生产监管完善安全生产监督体系、推进小微企业双重预防体系建设。',
    ]);
    // 26.22 spent of 26.22 shown as 90%: wrong.
    expect(added(grid, withCells(grid, { I8: 0.9 }))).toEqual(['EXEC_RATE_MISMATCH@I8']);
  });
});
