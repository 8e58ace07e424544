/**
 * Rule 11: a 二级 under the wrong 一级 of the national framework (数量/质量/时效/成本 under 产出; 经济/社会/
 * 生态效益 and 可持续影响 under 效益; 满意度 under 满意度): the weight split then misleads. Project tables
 * only: the department-wide framework has its own 二级; the 评价 framework puts 满意度 under 效益.
 */
import { level1Category, level2Category } from '../../recognise/vocabulary';
import { labelOf } from '../../text';
import { rule } from './rule';

export const level2Placement = rule('level2Placement', ['LEVEL2_MISPLACED'], ({ table, figures, report }) => {
  if (table.kind !== 'project') return;
  for (const f of figures.indicators) {
    const ind = f.indicator;
    if (!ind.level2Cell) continue;
    const under = level1Category(labelOf(ind.level1));
    const belongs = level2Category(labelOf(ind.level2));
    if (!under || !belongs || under === belongs || under === '成本' || under === '投入管理' || under === '可持续性') continue;
    // The 评价 framework (决策 / 过程 / 产出 / 效益) puts 满意度 inside 效益.
    if (table.framework === 'evaluation' && under === '效益' && belongs === '满意度') continue;
    report('LEVEL2_MISPLACED', ind.level2Cell, { level2: ind.level2, level1: ind.level1, expected: belongs });
  }
});
