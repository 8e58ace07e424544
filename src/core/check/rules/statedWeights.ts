/**
 * Rule 4's labels: a label that states its weight — "产出指标(50分)", "绩效指标(90分)", "预算执行情况(10分)",
 * "得分(20分*执行率)" — equals the sum of the 分值 under it. A 一级 label repeated where the source broke a
 * page is one group, checked once at its first cell.
 */
import { Decimal, fmt2 } from '../../numbers';
import type { StatedWeight } from '../../table';
import { shownOf, statedFrames, statedGroup } from '../figures';
import { rule } from './rule';

export const statedWeights = rule('statedWeights', ['LABEL_WEIGHT_MISMATCH'], ({ table, figures, report }) => {
  const mismatch = (s: StatedWeight, expected: Decimal) => {
    if (!expected.eq(s.points)) report('LABEL_WEIGHT_MISMATCH', s.field, { subject: s.label, expected: fmt2(expected), found: s.points });
  };

  // The funds block: its label and its score header against the 执行率 分值 in use.
  const exec = figures.funds.weight;
  for (const s of [table.funds?.statedWeight, table.funds?.headerWeight]) {
    if (s && exec && s.field !== exec.field && !(s.field.row === exec.field.row && s.field.col === exec.field.col)) mismatch(s, exec.value);
  }

  const hasWeightColumn = table.columns.indicators.weight !== undefined;
  const groups = new Map<string, StatedWeight>();
  for (const s of table.level1Stated) if (s.level1 !== null && !groups.has(statedGroup(s))) groups.set(statedGroup(s), s);

  if (hasWeightColumn) {
    // Each 一级 label against the 分值 of the indicators under it.
    for (const [group, s] of groups) {
      const under = figures.indicators.filter((f) => f.group === group);
      if (!under.length || under.some((f) => f.weight.kind !== 'number')) continue;
      mismatch(s, under.reduce((a, f) => a.plus(shownOf(f.weight)!.value), new Decimal(0)));
    }
  }
  // Weights beside each 二级 label (a 分值 column at every level), against the 分值 under them.
  for (const s of table.level2Stated) {
    const group = statedGroup({ ...s, level1: s.level1 });
    const under = figures.indicators.filter((f) => f.group === group && f.indicator.level2 === s.level2);
    if (!under.length || under.some((f) => f.weight.kind !== 'number')) continue;
    mismatch(s, under.reduce((a, f) => a.plus(shownOf(f.weight)!.value), new Decimal(0)));
  }
  // The whole table's points ("总分(100分)") against the 执行率's and the indicators' together, where both are known.
  if (table.tableStated && figures.weightSum !== null) mismatch(table.tableStated, figures.weightSum);
  // A frame against the 分值 of the indicators it holds (or, with no 分值 column, the 一级 labels under it): one frame
  // holds them all; of several (年度绩效目标1 / 年度绩效目标2), each holds its own.
  const frames = statedFrames(table);
  for (const { stated, indicators } of frames) {
    const held = frames.length === 1 ? figures.indicators : figures.indicators.filter((f) => indicators.includes(f.indicator));
    if (hasWeightColumn) {
      if (frames.length === 1) {
        if (figures.indicatorWeight !== null) mismatch(stated, figures.indicatorWeight);
        continue;
      }
      // The 执行率 indicator's 分值 counts as the funds', never a frame's.
      const scored = held.filter((f) => f !== figures.executionIndicator);
      if (scored.length && scored.every((f) => f.weight.kind === 'number')) mismatch(stated, scored.reduce((a, f) => a.plus(shownOf(f.weight)!.value), new Decimal(0)));
    } else if (held.length && held.every((f) => groups.has(f.group))) {
      const seen = new Set(held.map((f) => f.group));
      mismatch(stated, [...seen].reduce((a, g) => a.plus(groups.get(g)!.points), new Decimal(0)));
    }
  }
});
