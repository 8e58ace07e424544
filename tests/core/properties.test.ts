/**
 * Property-based tests: recognition and checking never throw, on random grids and on real tables
 * mutated at random (rows deleted, columns swapped, cells emptied or filled with junk); every place
 * that looks like a table is either a table or reported as unrecognised with a reason.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadGrids } from '../helpers';
import { checkSheet } from '../../src/core/engine';
import type { CellValue, Grid } from '../../src/core/grid';
import { normalizeLabel } from '../../src/core/text';

const VOCAB = [
  '项目名称', '主管部门', '实施单位', '项目资金（万元）', '年初预算数', '全年预算数', '全年', '全年执行数', '分值', '分数',
  '执行率', '执行率(%)', '得分', '年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金', '一级指标', '二级指标',
  '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '产出指标', '效益指标(30分)', '满意度指标', '总分',
  '评分等级', '优', '良', '差', '达成指标', '基本达到预期指标', '=100.00(%)', '≥90%', '≤20%', '完成率', '—', '-', '无',
  '部门(单位)名称', '自评得分', '预算情况', '部门整体绩效自评表', '财政项目支出绩效自评表', '注：格式以系统导出为准',
  // Words read by their head, pairs, totals in a line, the 评价 framework (forms never seen)
  '计划投资额', '实际使用情况', '其中：中央', '省级', '项目总得分 99分', '自评总分', '自评结果', '参考分值', '评定得分',
  '全年(调整)预算数', '一级分值', '二级分值', '预算执行率', '决策', '过程', '转移支付(项目)名称', '年初', '预算数', '执行数',
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...VOCAB) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 10, 100, 0.5, 1e300, -0) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#DIV/0!' }, true, false, '96.1%', '1e5', '١٢') },
);

const gridArb: fc.Arbitrary<Grid> = fc
  .array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 40 })
  .map((values) => ({ name: 'random', values, merges: [] }));

/** Rows that look like part of a table. */
function anchorRows(grid: Grid): number[] {
  const rows: number[] = [];
  grid.values.forEach((row, r) => {
    const labels = row.map((v) => (typeof v === 'string' ? normalizeLabel(v) : ''));
    if (labels.some((l) => l === '项目名称' || l === '部门(单位)名称')) rows.push(r);
  });
  return rows;
}

function assertCovered(grid: Grid): void {
  const result = checkSheet(grid);
  const regions = [...result.tables.map((t) => t.table.range), ...result.unrecognised.map((u) => u.range)];
  for (const u of result.unrecognised) expect(['noFundsHeader', 'noIndicatorHeader', 'noFundsTotal', 'noAmountColumns', 'noHeaders']).toContain(u.reason);
  for (const r of anchorRows(grid)) {
    expect(regions.some((g) => r >= g.top && r <= g.bottom), `row ${r + 1} of ${grid.name} is neither a table nor reported`).toBe(true);
  }
  for (const t of result.tables) {
    for (const f of t.findings) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
  }
}

describe('recognition on random grids', () => {
  it('never throws, and accounts for every 项目名称', () => {
    fc.assert(fc.property(gridArb, (grid) => assertCovered(grid)), { numRuns: Number(process.env.FUZZ_RUNS ?? 400) });
  });
});

type Mutation =
  | { kind: 'deleteRow'; at: number }
  | { kind: 'swapCols'; a: number; b: number }
  | { kind: 'empty'; row: number; col: number }
  | { kind: 'junk'; row: number; col: number; value: CellValue };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('deleteRow' as const), at: fc.nat(300) }),
  fc.record({ kind: fc.constant('swapCols' as const), a: fc.nat(9), b: fc.nat(9) }),
  fc.record({ kind: fc.constant('empty' as const), row: fc.nat(300), col: fc.nat(9) }),
  fc.record({ kind: fc.constant('junk' as const), row: fc.nat(300), col: fc.nat(9), value: cellArb }),
);

function mutate(grid: Grid, mutations: Mutation[]): Grid {
  let values = grid.values.map((r) => r.slice());
  for (const m of mutations) {
    const n = values.length;
    if (n === 0) break;
    if (m.kind === 'deleteRow') values = values.filter((_, i) => i !== m.at % n);
    else if (m.kind === 'swapCols') {
      values = values.map((row) => {
        const r = row.slice();
        const t = r[m.a] ?? null;
        r[m.a] = r[m.b] ?? null;
        r[m.b] = t;
        return r;
      });
    } else {
      const row = values[m.row % n]!;
      row[m.col] = m.kind === 'empty' ? null : m.value;
    }
  }
  // Merges refer to the original layout; dropping them is itself a realistic corruption.
  return { ...grid, values, merges: [] };
}

describe('recognition on mutated real tables', async () => {
  const sources = [
    ...(await loadGrids('seed002-stacked.xlsx')),
    ...(await loadGrids('seed001-excerpt-text.xlsx')),
    ...(await loadGrids('seed003.xlsx')),
    (await loadGrids('seed000.xlsx'))[0]!,
  ];

  it('never throws, and every table-like place is a table or reported with a reason', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(mutationArb, { minLength: 1, maxLength: 12 }), (grid, ms) => {
        assertCovered(mutate(grid, ms));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('deleting the funds header: the indicators are still read, the funds rows reported as unreadable', () => {
    const grid = sources.find((g) => g.name === '上街区应急管理局')!;
    const headerRow = grid.values.findIndex((r) => r.some((v) => v === '年初预算数'));
    const broken = { ...grid, values: grid.values.filter((_, i) => i !== headerRow), merges: [] };
    const result = checkSheet(broken);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]!.table.funds).toBeUndefined();
    // The 部门预算总额 row and its sub-rows: figures under no header.
    const funds = result.unrecognised.find((u) => u.reason === 'noFundsHeader');
    expect(broken.values[funds!.range.top]!.some((v) => v === '部门预算总额')).toBe(true);
  });

  it('a broken table does not stop the others on its sheet', () => {
    const stacked = sources.find((g) => g.name === '自评表')!; // seed002 stacked: 10 tables
    const firstIndicatorHeader = stacked.values.findIndex((r) => r.some((v) => v === '一级指标'));
    const broken = { ...stacked, values: stacked.values.filter((_, i) => i !== firstIndicatorHeader), merges: [] };
    const result = checkSheet(broken);
    // The first table keeps its funds block; its indicator rows, under no header, are reported.
    expect(result.tables).toHaveLength(10);
    expect(result.tables[0]!.skipped).toContain('noIndicators');
    expect(result.unrecognised.map((u) => u.reason)).toEqual(['noIndicatorHeader']);
    expect(result.unrecognised[0]!.range.top).toBe(firstIndicatorHeader);
  });
});
