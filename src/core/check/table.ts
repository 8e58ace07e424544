/**
 * One table, all rules: funds, indicators, weights, totals, grade (SPEC §3, §4).
 */
import { Decimal, type Interval, amountInterval, add, fmt2, overlaps, point, readNumber } from '../numbers';
import type { Table, Field } from '../table';
import { type Grade, gradeOf } from '../recognise/labels';
import { labelOf } from '../text';
import { FindingList } from './findingsList';
import { checkFunds, checkRowRates } from './funds';
import { checkIndicator } from './indicators';
import type { CheckOptions, TableResult } from './result';

const HUNDRED = new Decimal(100);

/** Rule 9: 90–100 优, 80–90 良, 60–80 中, below 60 差. */
export function gradeFor(total: Decimal): Grade {
  if (total.gte(90)) return '优';
  if (total.gte(80)) return '良';
  if (total.gte(60)) return '中';
  return '差';
}

/** Rule 10: the national default split of 一级 weights ("原则上"). */
const DEFAULT_SPLIT = {
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
} as const;

function categoryOf(level1: string, kind: Table['kind']): string | undefined {
  const l = labelOf(level1);
  if (/满意度/.test(l)) return kind === 'project' ? '满意度' : '效益';
  if (/产出/.test(l)) return '产出';
  if (/效益/.test(l)) return '效益';
  if (/投入/.test(l)) return kind === 'department' ? '投入管理' : undefined;
  if (/可持续/.test(l)) return kind === 'department' ? '可持续性' : undefined;
  return undefined;
}

export function checkTable(table: Table, options: CheckOptions = {}): TableResult {
  const out = new FindingList();
  const funds = checkFunds(table.funds, out);
  if (table.tasks) checkRowRates(table.tasks, false, out);

  let weightsKnown = funds.weightKnown;
  let scoresKnown = funds.score !== null || funds.shownScore !== null;
  let indicatorWeight = new Decimal(0);
  let indicatorScore = new Decimal(0);
  let scoreSum: Interval = point(new Decimal(0));
  const perIndicator: { weight: Decimal | null }[] = [];
  for (const ind of table.indicators) {
    const { weight, score } = checkIndicator(ind, options.reverseFormula ?? 'ratio', out);
    perIndicator.push({ weight: weight?.value ?? null });
    if (weight) indicatorWeight = indicatorWeight.plus(weight.value);
    else weightsKnown = false;
    if (score) {
      indicatorScore = indicatorScore.plus(score.value);
      scoreSum = add(scoreSum, amountInterval(score));
    } else scoresKnown = false;
  }
  const allIndicatorWeights = perIndicator.every((p) => p.weight !== null);

  // Weights (rule 4): indicators + 执行率 = 100; the total row's 分值 equals that sum.
  const totalWeightField = table.totalRow?.weight;
  const totalWeightRead = totalWeightField ? readNumber(totalWeightField.value, totalWeightField.format) : undefined;
  if (totalWeightRead?.kind === 'unreadable' && totalWeightField) {
    out.add('MISSING_VALUE', totalWeightField, { field: 'weight', found: totalWeightRead.text });
  }
  const shownTotalWeight = totalWeightRead?.kind === 'number' ? totalWeightRead.shown.value : null;
  if (weightsKnown && funds.weight) {
    const sum = indicatorWeight.plus(funds.weight);
    const at: Field | undefined =
      totalWeightField && shownTotalWeight !== null ? totalWeightField : table.funds.total.weight;
    if (!sum.eq(HUNDRED) && at) out.add('WEIGHT_SUM_NOT_100', at, { expected: '100.00', found: fmt2(sum) });
    if (shownTotalWeight !== null && totalWeightField && !shownTotalWeight.eq(sum) && !(shownTotalWeight.eq(HUNDRED) && !sum.eq(HUNDRED))) {
      out.add('TOTAL_WEIGHT_MISMATCH', totalWeightField, { expected: fmt2(sum), found: fmt2(shownTotalWeight) });
    }
  }
  checkStatedWeights(table, perIndicator, allIndicatorWeights, out);
  if (weightsKnown && funds.weight) checkLevel1Split(table, perIndicator, funds.weight, out);

  // Totals (rule 5) and grade (rule 9).
  const totalField = table.totalRow?.score ?? table.headerTotal;
  let shownTotal: Decimal | null = null;
  if (totalField) {
    const r = readNumber(totalField.value, totalField.format);
    if (r.kind === 'number') shownTotal = r.shown.value;
    else out.add('MISSING_VALUE', totalField, { field: 'total', found: r.kind === 'unreadable' ? r.text : undefined });
    if (r.kind === 'number' && scoresKnown && funds.scoreInterval && funds.weightKnown) {
      const expectedI = add(funds.scoreInterval, scoreSum);
      if (!overlaps(expectedI, amountInterval(r.shown))) {
        const execPart = funds.shownScore ? funds.shownScore.value : funds.score!;
        out.add('TOTAL_MISMATCH', totalField, { expected: fmt2(execPart.plus(indicatorScore)), found: fmt2(r.shown.value) });
      }
    }
  }
  const total = scoresKnown && funds.score !== null ? funds.score.toDecimalPlaces(2).plus(indicatorScore) : null;
  const grade = total ? gradeFor(total) : null;
  const shownGrade = table.grade ? (gradeOf(labelOf(table.grade.value)) ?? null) : null;
  if (grade && shownGrade && table.grade && grade !== shownGrade) {
    out.add('GRADE_MISMATCH', table.grade, { expected: grade, found: shownGrade });
  }

  return {
    table,
    budget: funds.budget,
    executed: funds.executed,
    executionRate: funds.rate,
    executionWeight: funds.weight,
    executionScore: funds.score,
    indicatorWeight: allIndicatorWeights ? indicatorWeight : null,
    indicatorScore: scoresKnown ? indicatorScore : null,
    total,
    grade,
    shownTotal,
    shownGrade,
    findings: [...out.items].sort((a, b) => a.row - b.row || a.col - b.col),
  };
}

/** "产出指标(50分)" and "绩效指标(90分)": a stated weight equals the 分值 under it. */
function checkStatedWeights(
  table: Table,
  perIndicator: { weight: Decimal | null }[],
  allKnown: boolean,
  out: FindingList,
): void {
  for (const stated of table.level1Stated) {
    let sum = new Decimal(0);
    let complete = true;
    let any = false;
    table.indicators.forEach((ind, i) => {
      const under = stated.level1 === null || (ind.level1Cell?.row === stated.field.row && ind.level1Cell.col === stated.field.col);
      if (!under) return;
      any = true;
      const w = perIndicator[i]!.weight;
      if (w === null) complete = false;
      else sum = sum.plus(w);
    });
    if (!any || !complete || (stated.level1 === null && !allKnown)) continue;
    if (!sum.eq(stated.points)) {
      out.add('LABEL_WEIGHT_MISMATCH', stated.field, { subject: stated.label, expected: fmt2(sum), found: stated.points });
    }
  }
}

function checkLevel1Split(table: Table, perIndicator: { weight: Decimal | null }[], execWeight: Decimal, out: FindingList): void {
  const split = DEFAULT_SPLIT[table.kind];
  const sums = new Map<string, Decimal>(split.map(([name]) => [name, new Decimal(0)]));
  sums.set(split[0][0], execWeight);
  let unknown = false;
  table.indicators.forEach((ind, i) => {
    const cat = categoryOf(ind.level1, table.kind);
    if (!cat) unknown = true;
    else sums.set(cat, sums.get(cat)!.plus(perIndicator[i]!.weight ?? 0));
  });
  if (unknown) return; // 成本指标 and other newer 一级 have no default to compare with
  const differs = split.some(([name, w]) => !sums.get(name)!.eq(w));
  if (!differs) return;
  const first = table.indicators.find((i) => i.level1Cell)?.level1Cell;
  if (!first) return;
  const show = (get: (name: string, w: number) => Decimal | number) =>
    split.map(([name, w]) => `${name} ${new Decimal(get(name, w)).toFixed()}`).join(' / ');
  out.add('LEVEL1_WEIGHT_DEVIATION', first, {
    expected: show((_n, w) => w),
    found: show((n) => sums.get(n)!),
  });
}
