/**
 * The findings catalogue (SPEC §4). Codes and severities are a contract: reports, tests and users'
 * own filters rely on them, so they never change meaning.
 */
export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = {
  EXEC_RATE_MISMATCH: 'error',
  EXEC_SCORE_MISMATCH: 'error',
  OVER_EXECUTION: 'warning',
  FUND_SPLIT_MISMATCH: 'error',
  SCORE_OVER_WEIGHT: 'error',
  WEIGHT_SUM_NOT_100: 'error',
  TOTAL_WEIGHT_MISMATCH: 'error',
  TOTAL_MISMATCH: 'error',
  GRADE_MISMATCH: 'error',
  QUANT_SCORE_MISMATCH: 'warning',
  QUAL_BAND_MISMATCH: 'warning',
  MISSING_REASON: 'warning',
  MISSING_VALUE: 'error',
  UNPARSEABLE: 'info',
  LABEL_WEIGHT_MISMATCH: 'error',
  LEVEL1_WEIGHT_DEVIATION: 'info',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

export type Lang = 'zh' | 'en';

/** What a message is built from; `detail` names the field or explains, in the message's language. */
export interface FindingArgs {
  readonly expected?: string;
  readonly found?: string;
  /** The field a MISSING_VALUE / UNPARSEABLE is about, or the label of a labelled weight. */
  readonly field?: FieldName;
  /** Free detail: the indicator name, the fund column, the reason for skipping. */
  readonly subject?: string;
  readonly reason?: UnparseableReason;
}

export type FieldName =
  | 'budget'
  | 'executed'
  | 'initial'
  | 'execWeight'
  | 'execScore'
  | 'rate'
  | 'weight'
  | 'score'
  | 'total'
  | 'target'
  | 'actual';

export type UnparseableReason = 'target' | 'actual' | 'unitMismatch' | 'noRate';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** A1 address on its sheet. */
  readonly cell: string;
  /** 0-based position of that cell, for hosts that mark it. */
  readonly row: number;
  readonly col: number;
  readonly expected: string | null;
  readonly found: string | null;
  readonly args: FindingArgs;
}

const FIELD_ZH: Record<FieldName, string> = {
  budget: '全年预算数',
  executed: '全年执行数',
  initial: '年初预算数',
  execWeight: '执行率分值',
  execScore: '执行率得分',
  rate: '执行率',
  weight: '分值',
  score: '得分',
  total: '总分',
  target: '年度指标值',
  actual: '实际完成值',
};

const FIELD_EN: Record<FieldName, string> = {
  budget: 'full-year budget',
  executed: 'full-year spending',
  initial: 'initial budget',
  execWeight: 'execution-rate weight',
  execScore: 'execution-rate score',
  rate: 'execution rate',
  weight: 'weight',
  score: 'score',
  total: 'total score',
  target: 'target value',
  actual: 'actual value',
};

const REASON_ZH: Record<UnparseableReason, string> = {
  target: '年度指标值无法解读',
  actual: '实际完成值无法解读',
  unitMismatch: '指标值与完成值的单位不一致',
  noRate: '预算数为 0，无法计算执行率',
};

const REASON_EN: Record<UnparseableReason, string> = {
  target: 'the target cannot be interpreted',
  actual: 'the actual value cannot be interpreted',
  unitMismatch: 'target and actual are in different units',
  noRate: 'the budget is 0, so there is no execution rate',
};

type MessageFn = (a: FindingArgs) => string;

const ZH: Record<FindingCode, MessageFn> = {
  EXEC_RATE_MISMATCH: (a) => `执行率应为 ${a.expected}（执行数 ÷ 预算数），表内为 ${a.found}`,
  EXEC_SCORE_MISMATCH: (a) => `执行率得分应为 ${a.expected}（分值 × 执行率，最高 100%），表内为 ${a.found}`,
  OVER_EXECUTION: (a) => `全年执行数 ${a.found} 超过全年预算数 ${a.expected}（超预算执行）`,
  FUND_SPLIT_MISMATCH: (a) => `${a.subject ?? ''}：分项合计为 ${a.expected}，与资金总额 ${a.found} 不符`,
  SCORE_OVER_WEIGHT: (a) => `得分 ${a.found} 超过分值 ${a.expected}`,
  WEIGHT_SUM_NOT_100: (a) => `各项分值（含执行率分值）合计为 ${a.found}，应为 100`,
  TOTAL_WEIGHT_MISMATCH: (a) => `总分行分值为 ${a.found}，各项分值合计为 ${a.expected}`,
  TOTAL_MISMATCH: (a) => `总分应为 ${a.expected}（执行率得分 + 各指标得分），表内为 ${a.found}`,
  GRADE_MISMATCH: (a) => `按复核总分，评分等级应为「${a.expected}」，表内为「${a.found}」`,
  QUANT_SCORE_MISMATCH: (a) => `定量指标「${a.subject ?? ''}」按完成比例得分应为 ${a.expected}，表内为 ${a.found}`,
  QUAL_BAND_MISMATCH: (a) => `定性指标「${a.subject ?? ''}」得分应在 ${a.expected} 之间，表内为 ${a.found}`,
  MISSING_REASON: (a) => `「${a.subject ?? ''}」扣分（${a.found}/${a.expected}）但未填写偏差原因`,
  MISSING_VALUE: (a) =>
    a.found ? `${FIELD_ZH[a.field ?? 'score']}「${a.found}」无法读取为数字` : `${FIELD_ZH[a.field ?? 'score']}未填写`,
  UNPARSEABLE: (a) =>
    `${a.subject ? `「${a.subject}」` : ''}${REASON_ZH[a.reason ?? 'target']}${a.found ? `（${a.found}）` : ''}，已跳过该项规则检查`,
  LABEL_WEIGHT_MISMATCH: (a) => `「${a.subject ?? ''}」标明 ${a.found} 分，其下分值合计为 ${a.expected}`,
  LEVEL1_WEIGHT_DEVIATION: (a) => `一级指标分值为 ${a.found}，与默认分配 ${a.expected} 不同（仅提示）`,
};

const EN: Record<FindingCode, MessageFn> = {
  EXEC_RATE_MISMATCH: (a) => `Execution rate should be ${a.expected} (spent ÷ budget); the table shows ${a.found}`,
  EXEC_SCORE_MISMATCH: (a) =>
    `Execution-rate score should be ${a.expected} (weight × rate, capped at 100%); the table shows ${a.found}`,
  OVER_EXECUTION: (a) => `Spending ${a.found} exceeds the full-year budget ${a.expected}`,
  FUND_SPLIT_MISMATCH: (a) => `${a.subject ?? ''}: the sub-rows add up to ${a.expected}, not the total ${a.found}`,
  SCORE_OVER_WEIGHT: (a) => `Score ${a.found} exceeds its weight ${a.expected}`,
  WEIGHT_SUM_NOT_100: (a) => `Weights (with the execution-rate weight) add up to ${a.found}, not 100`,
  TOTAL_WEIGHT_MISMATCH: (a) => `The total row's weight is ${a.found}; the weights add up to ${a.expected}`,
  TOTAL_MISMATCH: (a) =>
    `Total should be ${a.expected} (execution-rate score + indicator scores); the table shows ${a.found}`,
  GRADE_MISMATCH: (a) => `By the recomputed total the grade should be ${a.expected}; the table shows ${a.found}`,
  QUANT_SCORE_MISMATCH: (a) =>
    `Quantitative indicator "${a.subject ?? ''}" should score ${a.expected} by its completion ratio; the table shows ${a.found}`,
  QUAL_BAND_MISMATCH: (a) =>
    `Qualitative indicator "${a.subject ?? ''}" should score within ${a.expected}; the table shows ${a.found}`,
  MISSING_REASON: (a) => `"${a.subject ?? ''}" lost points (${a.found}/${a.expected}) but gives no reason`,
  MISSING_VALUE: (a) =>
    a.found
      ? `The ${FIELD_EN[a.field ?? 'score']} "${a.found}" is not a number`
      : `The ${FIELD_EN[a.field ?? 'score']} is blank`,
  UNPARSEABLE: (a) =>
    `${a.subject ? `"${a.subject}": ` : ''}${REASON_EN[a.reason ?? 'target']}${a.found ? ` (${a.found})` : ''}; the rule check was skipped`,
  LABEL_WEIGHT_MISMATCH: (a) => `"${a.subject ?? ''}" states ${a.found} points; the weights under it add up to ${a.expected}`,
  LEVEL1_WEIGHT_DEVIATION: (a) =>
    `Level-1 weights are ${level1En(a.found)}, not the default split ${level1En(a.expected)} (information)`,
};

const LEVEL1_EN: [RegExp, string][] = [
  [/预算执行率/g, 'budget execution'],
  [/执行率/g, 'execution rate'],
  [/投入管理/g, 'input management'],
  [/可持续性/g, 'sustainability'],
  [/产出/g, 'outputs'],
  [/效益/g, 'benefits'],
  [/满意度/g, 'satisfaction'],
];

function level1En(s: string | undefined): string {
  return LEVEL1_EN.reduce((t, [re, en]) => t.replace(re, en), s ?? '');
}

export function findingMessage(f: Pick<Finding, 'code' | 'args'>, lang: Lang = 'zh'): string {
  return (lang === 'en' ? EN : ZH)[f.code](f.args);
}

/** A short form for the 复核结果 column. */
export function shortMessage(f: Pick<Finding, 'code' | 'expected' | 'severity'>, lang: Lang = 'zh'): string {
  const names = lang === 'en' ? SHORT_EN : SHORT_ZH;
  const exp = f.expected !== null && f.severity !== 'info' && f.code !== 'MISSING_REASON' && f.code !== 'OVER_EXECUTION'
    ? (lang === 'en' ? ` (expected ${f.expected})` : `（应为 ${f.expected}）`)
    : '';
  return `${names[f.code]}${exp}`;
}

const SHORT_ZH: Record<FindingCode, string> = {
  EXEC_RATE_MISMATCH: '执行率有误',
  EXEC_SCORE_MISMATCH: '执行率得分有误',
  OVER_EXECUTION: '超预算执行',
  FUND_SPLIT_MISMATCH: '资金分项合计不符',
  SCORE_OVER_WEIGHT: '得分超过分值',
  WEIGHT_SUM_NOT_100: '分值合计不为 100',
  TOTAL_WEIGHT_MISMATCH: '总分行分值不符',
  TOTAL_MISMATCH: '总分有误',
  GRADE_MISMATCH: '评分等级有误',
  QUANT_SCORE_MISMATCH: '定量指标得分与完成比例不符',
  QUAL_BAND_MISMATCH: '定性指标得分超出档次',
  MISSING_REASON: '扣分未说明原因',
  MISSING_VALUE: '缺少数值',
  UNPARSEABLE: '无法解读，已跳过',
  LABEL_WEIGHT_MISMATCH: '标明分值与合计不符',
  LEVEL1_WEIGHT_DEVIATION: '一级指标分值非默认',
};

const SHORT_EN: Record<FindingCode, string> = {
  EXEC_RATE_MISMATCH: 'wrong execution rate',
  EXEC_SCORE_MISMATCH: 'wrong execution-rate score',
  OVER_EXECUTION: 'over-execution',
  FUND_SPLIT_MISMATCH: 'fund sub-rows do not add up',
  SCORE_OVER_WEIGHT: 'score above weight',
  WEIGHT_SUM_NOT_100: 'weights do not add up to 100',
  TOTAL_WEIGHT_MISMATCH: 'wrong total weight',
  TOTAL_MISMATCH: 'wrong total',
  GRADE_MISMATCH: 'wrong grade',
  QUANT_SCORE_MISMATCH: 'score off the completion ratio',
  QUAL_BAND_MISMATCH: 'score outside its band',
  MISSING_REASON: 'deduction without a reason',
  MISSING_VALUE: 'missing value',
  UNPARSEABLE: 'cannot interpret, skipped',
  LABEL_WEIGHT_MISMATCH: 'stated weight does not match',
  LEVEL1_WEIGHT_DEVIATION: 'non-default level-1 weights',
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
