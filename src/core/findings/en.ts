/** English: every finding's message and its short form for the review column. */
import type { Catalogue } from './catalogue';
import { shorten } from './catalogue';

const FIELD = {
  budget: 'full-year budget',
  executed: 'full-year spending',
  initial: 'initial budget',
  execWeight: 'execution-rate weight',
  execScore: 'execution-rate score',
  rate: 'execution rate',
  weight: 'weight',
  score: 'score',
  total: 'total score',
  totalWeight: 'total row weight',
} as const;

const COLUMN = { initial: 'initial budget', budget: 'full-year budget', executed: 'full-year spending' } as const;

const REASON = {
  target: 'the target cannot be interpreted',
  actual: 'the actual value cannot be interpreted',
  unitMismatch: 'target and actual are in different units',
  noRate: 'the budget is 0, so there is no execution rate',
  splitPart: 'a part of the split cannot be read as a number, so the parts were not added up',
} as const;

const ASKED = {
  project: 'project name (项目名称)',
  department: 'supervising department (主管部门)',
  implementer: 'implementing unit (实施单位)',
  goalTarget: "annual goal's expected result (预期目标)",
  goalActual: "annual goal's actual result (实际完成情况)",
  actual: 'actual value (实际完成值)',
} as const;

const REGION = {
  noFundsHeader: 'an indicator header or a project name, but no funds header (budget / spending columns)',
  noIndicatorHeader: 'a funds header, but no indicator header (level-1 / target / weight / score)',
  noFundsTotal: 'no total row under the funds header',
  noAmountColumns: 'the funds header has no budget or spending column',
  noHeaders: 'a self-evaluation title, but neither a funds header nor an indicator header under it',
} as const;

/** The rates between two amounts a report names, in English. */
const NAMED_RATES: Record<string, string> = { 到位率: 'rate of funds received', 拨付率: 'disbursement rate', 支付率: 'payment rate', 完成率: 'completion rate' };

/** The national framework's categories, and the grades, in English. */
const CATEGORY: Record<string, string> = {
  执行率: 'execution rate',
  预算执行率: 'budget execution',
  产出: 'outputs',
  效益: 'benefits',
  满意度: 'satisfaction',
  投入管理: 'input management',
  可持续性: 'sustainability',
  成本: 'costs',
};

export const GRADE_EN = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' } as const;

const split = (s: readonly { name: string; points: string }[]) => s.map((x) => `${CATEGORY[x.name] ?? x.name} ${x.points}`).join(' / ');
const unit = (u: '万元' | '元') => (u === '万元' ? '(10k yuan)' : 'yuan');
const q = (s: string) => `"${shorten(s)}"`;

const WHAT_EN = { amount: 'amount', rate: 'execution rate', score: 'score', weight: 'weight', grade: 'grade' } as const;

const subjectEn = (subject: string, what: keyof typeof WHAT_EN) =>
  subject === 'total' ? (what === 'amount' ? 'the total amount' : what === 'score' ? 'the total score' : `the ${WHAT_EN[what]}`) : `${subject}${what === 'amount' ? '' : ` ${WHAT_EN[what]}`}`;

type CheckParams = { subject: string; expected: string; found: string; unit: string; paragraph?: number };

const CHECK_EN = {
  parts: (p: CheckParams) => `the parts listed (其中) add up to ${p.expected} ${p.unit}, not the stated total ${p.found} ${p.unit}`,
  share: (p: CheckParams) => `${p.subject}'s share is ${p.expected}% by the amounts stated; the report says ${p.found}%`,
  change: (p: CheckParams) => `by the amounts stated the change is ${p.expected}%; the report says ${p.found}%`,
  difference: (p: CheckParams) => `by this year's amount and last year's stated the change is ${p.expected} ${p.unit}; the report says ${p.found} ${p.unit}`,
  rate: (p: CheckParams) =>
    p.subject === '执行率'
      ? `by the budget and spending stated the execution rate is ${p.expected}%; the report says ${p.found}%`
      : `by the two amounts stated the ${NAMED_RATES[p.subject] ?? p.subject} is ${p.expected}%; the report says ${p.found}%`,
  grade: (p: CheckParams) => `the score stated, ${p.subject}, gives the grade 「${p.expected}」; the report says 「${p.found}」`,
  count: (p: CheckParams) => `the names listed are ${p.expected} (${p.subject}); the report says ${p.found}`,
  twice: (p: CheckParams) => `${p.subject} is ${p.expected} ${p.unit} in paragraph ${p.paragraph ?? '?'} and ${p.found} ${p.unit} here`,
} as const;

export const EN: Catalogue = {
  message: {
    EXEC_RATE_MISMATCH: (p) => `Execution rate should be ${p.expected} (spent ÷ budget); the table shows ${p.found}`,
    EXEC_SCORE_MISMATCH: (p) => `Execution-rate score should be ${p.expected} (weight × rate, capped at 100%); the table shows ${p.found}`,
    OVER_EXECUTION: (p) => `Spending ${p.found} ${unit(p.unit)} exceeds the full-year budget ${p.expected} ${unit(p.unit)}`,
    FUND_SPLIT_MISMATCH: (p) =>
      `${p.group ? `${p.group} ` : ''}${COLUMN[p.column]}: the sub-rows add up to ${p.expected} ${unit(p.unit)}, not the total ${p.found} ${unit(p.unit)}`,
    SCORE_OVER_WEIGHT: (p) => `${q(p.subject)}: score ${p.found} exceeds its weight ${p.expected}`,
    WEIGHT_SUM_NOT_100: (p) => `Weights (with the execution-rate weight) add up to ${p.found}, not 100`,
    TOTAL_WEIGHT_MISMATCH: (p) => `The total row's weight is ${p.found}; the weights add up to ${p.expected}`,
    TOTAL_MISMATCH: (p) => `Total should be ${p.expected} (execution-rate score + indicator scores); the table shows ${p.found}`,
    GRADE_MISMATCH: (p) => `By the recomputed total the grade should be ${GRADE_EN[p.expected]} (${p.expected}); the table shows ${GRADE_EN[p.found]} (${p.found})`,
    QUANT_SCORE_MISMATCH: (p) => `Quantitative indicator ${q(p.subject)} should score ${p.expected} by its completion ratio; the table shows ${p.found}`,
    QUAL_BAND_MISMATCH: (p) => `Qualitative indicator ${q(p.subject)} should score within ${p.expected}; the table shows ${p.found}`,
    MISSING_REASON: (p) => `${q(p.subject)} lost points (${p.found}/${p.expected}) but gives no reason`,
    MISSING_VALUE: (p) => (p.found ? `The ${FIELD[p.field]} "${p.found}" is not a number` : `The ${FIELD[p.field]} is blank`),
    UNPARSEABLE: (p) => `${p.subject ? `${q(p.subject)}: ` : ''}${REASON[p.reason]}${p.found ? ` (${p.found})` : ''}; the rule check was skipped`,
    LABEL_WEIGHT_MISMATCH: (p) => `${q(p.subject)} states ${p.found} points; the weights under it add up to ${p.expected}`,
    LEVEL1_WEIGHT_DEVIATION: (p) => `Level-1 weights are ${split(p.found)}, not the default split ${split(p.expected)} (information)`,
    LOW_EXECUTION_NO_REASON: (p) =>
      p.noReasonCell ? `Execution rate ${p.found} is below 90%; the form has no cell for the reason: attach one` : `Execution rate ${p.found} is below 90% and no reason is given`,
    EMPTY_REASON: (p) => `${q(p.subject)} lost points; its reason only says "${p.found}", which explains nothing`,
    ACTUAL_NOT_NUMBER: (p) => `${q(p.subject)} has a number target (${p.target}); its actual value must be a number, not "${p.found}"`,
    EMPTY_INDICATOR: (p) => `An indicator under ${q(p.subject)} has no name and no target (blank or 无) yet carries ${p.weight} points`,
    LEVEL2_MISPLACED: (p) =>
      `Level-2 "${p.level2}" belongs under ${CATEGORY[p.expected] ?? p.expected}, not under "${p.level1}"; the level-1 weights mislead`,
    TARGET_EXCEEDED: (p) => `${q(p.subject)}: actual ${p.found} is ${p.ratio}% of the target ${p.target}; the target was likely set too low (information)`,
    SHORTFALL_NO_REASON: (p) =>
      `${q(p.subject)}: actual ${p.found} falls short of the target ${p.expected} yet scores in full; ${p.filler ? `its reason only says "${p.filler}"` : 'no reason for the shortfall is given'}`,
    MISSING_FIELD: (p) => (p.field === 'actual' ? `${q(p.subject ?? '')} has a score but its actual value is blank` : `The ${ASKED[p.field]} is blank`),
    UNRECOGNISED_REGION: (p) => `${p.range} looks like a self-evaluation table but cannot be read: ${REGION[p.reason]}`,
    REPORT_TABLE_MISMATCH: (p) => `the report states ${subjectEn(p.subject, p.what)} as ${p.found}${p.unit === '%' ? '' : ' '}${p.unit}; "${p.table}" shows ${p.expected}${p.unit === '%' ? '' : ' '}${p.unit}`,
    REPORT_ARITHMETIC: (p) => CHECK_EN[p.check](p),
    REPORT_UNMATCHED: (p) => `the report states ${subjectEn(p.subject, p.what)}, which "${p.table}" does not hold (not checked; information)`,
  },
  short: {
    EXEC_RATE_MISMATCH: (p) => `wrong execution rate (expected ${p.expected})`,
    EXEC_SCORE_MISMATCH: (p) => `wrong execution-rate score (expected ${p.expected})`,
    OVER_EXECUTION: () => 'over-execution',
    FUND_SPLIT_MISMATCH: (p) => `${COLUMN[p.column]} sub-rows${p.group ? ` (${p.group})` : ''} add up to ${p.expected}, not the total`,
    SCORE_OVER_WEIGHT: (p) => `score above weight (weight ${p.expected})`,
    WEIGHT_SUM_NOT_100: (p) => `weights add up to ${p.found}, not 100`,
    TOTAL_WEIGHT_MISMATCH: (p) => `wrong total weight (expected ${p.expected})`,
    TOTAL_MISMATCH: (p) => `wrong total (expected ${p.expected})`,
    GRADE_MISMATCH: (p) => `wrong grade (expected ${GRADE_EN[p.expected]})`,
    QUANT_SCORE_MISMATCH: (p) => `score off the completion ratio (expected ${p.expected})`,
    QUAL_BAND_MISMATCH: (p) => `score outside its band (${p.expected})`,
    MISSING_REASON: () => 'deduction without a reason',
    MISSING_VALUE: (p) => `${FIELD[p.field]} ${p.found ? 'unreadable' : 'blank'}`,
    UNPARSEABLE: () => 'cannot interpret, not checked',
    LABEL_WEIGHT_MISMATCH: (p) => `stated weight does not match (sum ${p.expected})`,
    LEVEL1_WEIGHT_DEVIATION: () => 'non-default level-1 weights',
    LOW_EXECUTION_NO_REASON: (p) => (p.noReasonCell ? 'rate below 90% (no reason cell on the form)' : 'rate below 90% without a reason'),
    EMPTY_REASON: () => 'reason says nothing',
    ACTUAL_NOT_NUMBER: () => 'actual should be a number',
    EMPTY_INDICATOR: () => 'empty indicator carries weight',
    LEVEL2_MISPLACED: (p) => `level-2 belongs under ${CATEGORY[p.expected] ?? p.expected}`,
    TARGET_EXCEEDED: () => 'target likely too low',
    SHORTFALL_NO_REASON: () => 'short of target, full score, no reason',
    MISSING_FIELD: (p) => `${ASKED[p.field]} blank`,
    UNRECOGNISED_REGION: () => 'unreadable table',
    REPORT_TABLE_MISMATCH: (p) => `differs from the table (${p.expected})`,
    REPORT_ARITHMETIC: (p) => `figures disagree (expected ${p.expected})`,
    REPORT_UNMATCHED: () => 'not in the table',
  },
  region: REGION,
  skipped: {
    noFunds: 'no funds block: the execution rate and its score not checked',
    noIndicators: 'no indicator block: indicator weights and scores not checked',
    noExecWeight: 'no execution-rate weight: its score is not computed',
    noExecScoreColumn: 'the funds block has a weight column but no score column: the execution-rate score is not checked',
    noWeightColumn: 'no weight column: indicator weights and scores not checked',
    noScoreColumn: 'no score column: scores, total and grade not checked',
    noTotalRow: 'no total row: the shown total not checked',
    noReasonColumn: 'no reason column: reasons for deductions not checked',
    weightsNot100: 'weights do not add up to 100: the total is not on the 100-point scale, so no grade',
    formulaNotComputed: 'formulas not computed: open and save the workbook in Excel; the checks that need them were skipped',
  },
};
