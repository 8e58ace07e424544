/**
 * Rule 10: the default split of 一级 weights (执行率 10 / 产出 50 / 效益 30 / 满意度 10; department-wide
 * 预算执行率 10 / 投入管理 30 / 可持续性 10 / 产出 30 / 效益 20). "原则上": a difference is information only.
 */
import { Decimal } from '../../numbers';
import { type Category, level1Category, level2Category } from '../../recognise/vocabulary';
import { labelOf } from '../../text';
import type { Table, TableKind } from '../../table';
import { shownOf } from '../figures';
import { rule } from './rule';

const DEFAULT_SPLIT: Record<TableKind, readonly (readonly [string, number])[]> = {
  project: [
    ['执行率', 10],
    ['产出', 50],
    ['效益', 30],
    ['满意度', 10],
  ],
  department: [
    ['预算执行率', 10],
    ['投入管理', 30],
    ['可持续性', 10],
    ['产出', 30],
    ['效益', 20],
  ],
};

/** The 一级 category an indicator counts in; an unnamed "(50分)" 一级 is known by its 二级. */
export function categoryOf(ind: Table['indicators'][number], kind: TableKind): Category | undefined {
  const c = level1Category(labelOf(ind.level1)) ?? level2Category(labelOf(ind.level2));
  if (kind === 'department') return c === '满意度' ? '效益' : c;
  return c === '投入管理' || c === '可持续性' ? undefined : c;
}

export const level1Split = rule('level1Split', ['LEVEL1_WEIGHT_DEVIATION'], ({ table, figures, report }) => {
  const exec = figures.funds.weight;
  // The default split is the 自评 framework's (rule 10); the 评价 framework sets its own.
  if (!exec || figures.indicatorWeightSource !== 'column' || table.framework === 'evaluation') return;
  const split = DEFAULT_SPLIT[table.kind];
  const sums = new Map<string, Decimal>(split.map(([name]) => [name, new Decimal(0)]));
  sums.set(split[0]![0], exec.value);
  for (const f of figures.indicators) {
    if (f === figures.executionIndicator) continue; // counted as the 执行率 already
    const cat = categoryOf(f.indicator, table.kind);
    // 成本指标 and other newer 一级 have no default to compare with.
    if (!cat || !sums.has(cat)) return;
    sums.set(cat, sums.get(cat)!.plus(shownOf(f.weight)!.value));
  }
  if (split.every(([name, w]) => sums.get(name)!.eq(w))) return;
  const first = table.indicators.find((i) => i.level1Cell)?.level1Cell;
  if (!first) return;
  report('LEVEL1_WEIGHT_DEVIATION', first, {
    expected: split.map(([name, w]) => ({ name, points: String(w) })),
    found: split.map(([name]) => ({ name, points: sums.get(name)!.toFixed() })),
  });
});
