/** 中文: every finding's message and its short form for the 复核结果 column. */
import type { Catalogue } from './catalogue';
import { shorten } from './catalogue';

const FIELD = {
  budget: '全年预算数',
  executed: '全年执行数',
  initial: '年初预算数',
  execWeight: '执行率分值',
  execScore: '执行率得分',
  rate: '执行率',
  weight: '分值',
  score: '得分',
  total: '总分',
  totalWeight: '总分行分值',
} as const;

const COLUMN = { initial: '年初预算数', budget: '全年预算数', executed: '全年执行数' } as const;

const REASON = {
  target: '年度指标值无法解读',
  actual: '实际完成值无法解读',
  unitMismatch: '指标值与完成值的单位不一致',
  noRate: '预算数为 0，无法计算执行率',
  splitPart: '分项金额无法读取为数字，未核对分项合计',
} as const;

const ASKED = {
  project: '项目名称',
  department: '主管部门',
  implementer: '实施单位',
  goalTarget: '年度总体目标的预期目标',
  goalActual: '年度总体目标的实际完成情况',
  actual: '实际完成值',
} as const;

const REGION = {
  noFundsHeader: '有指标表头或项目名称，但找不到项目资金表头（预算数 / 执行数）',
  noIndicatorHeader: '有项目资金表头，但找不到绩效指标表头（一级指标 / 指标值 / 分值 / 得分）',
  noFundsTotal: '项目资金表头下没有资金总额行',
  noAmountColumns: '项目资金表头中没有预算数或执行数列',
  noHeaders: '有自评表标题，但找不到项目资金表头和绩效指标表头',
} as const;

const q = (s: string) => `「${shorten(s)}」`;

const WHAT = { amount: '金额', rate: '执行率', score: '得分', weight: '分值', grade: '等级' } as const;

/** A report's subject: the table's total, a breakdown row (基本支出), a 一级指标. */
const subjectZh = (subject: string, what: keyof typeof WHAT) => (subject === 'total' ? (what === 'amount' ? '资金总额' : what === 'score' ? '总分' : WHAT[what]) : `${subject}${what === 'amount' ? '' : WHAT[what]}`);

const CHECK = {
  parts: (p: { subject: string; expected: string; found: string; unit: string }) => `其中各项合计为 ${p.expected}${p.unit}，与所述总额 ${p.found}${p.unit}不符`,
  share: (p: { subject: string; expected: string; found: string; unit: string }) => `${p.subject}占比按所述金额应为 ${p.expected}%，报告写 ${p.found}%`,
  change: (p: { subject: string; expected: string; found: string; unit: string }) => `按所述金额和增减额，变动幅度应为 ${p.expected}%，报告写 ${p.found}%`,
  difference: (p: { subject: string; expected: string; found: string; unit: string }) => `按本年金额与所述上年金额，增减额应为 ${p.expected}${p.unit}，报告写 ${p.found}${p.unit}`,
  rate: (p: { subject: string; expected: string; found: string; unit: string }) =>
    p.subject === '执行率' ? `按所述预算数和执行数，执行率应为 ${p.expected}%，报告写 ${p.found}%` : `按所述两项金额，${p.subject}应为 ${p.expected}%，报告写 ${p.found}%`,
  grade: (p: { subject: string; expected: string; found: string }) => `所述得分 ${p.subject} 分对应等级为「${p.expected}」，报告写「${p.found}」`,
  count: (p: { subject: string; expected: string; found: string }) => `所列名称为 ${p.expected} 个（${p.subject}），报告写 ${p.found} 个`,
  twice: (p: { subject: string; expected: string; found: string; unit: string; paragraph?: number }) => `${p.subject}前文（第 ${p.paragraph ?? '?'} 段）为 ${p.expected}${p.unit}，此处为 ${p.found}${p.unit}`,
} as const;

export const ZH: Catalogue = {
  message: {
    EXEC_RATE_MISMATCH: (p) => `执行率应为 ${p.expected}（执行数 ÷ 预算数），表内为 ${p.found}`,
    EXEC_SCORE_MISMATCH: (p) => `执行率得分应为 ${p.expected}（分值 × 执行率，最高 100%），表内为 ${p.found}`,
    OVER_EXECUTION: (p) => `全年执行数 ${p.found} ${p.unit}超过全年预算数 ${p.expected} ${p.unit}（超预算执行）`,
    FUND_SPLIT_MISMATCH: (p) => `${p.group ? `${p.group} ` : ''}${COLUMN[p.column]}：分项合计为 ${p.expected} ${p.unit}，与资金总额 ${p.found} ${p.unit}不符`,
    SCORE_OVER_WEIGHT: (p) => `${q(p.subject)}得分 ${p.found} 超过分值 ${p.expected}`,
    WEIGHT_SUM_NOT_100: (p) => `各项分值（含执行率分值）合计为 ${p.found}，应为 100`,
    TOTAL_WEIGHT_MISMATCH: (p) => `总分行分值为 ${p.found}，各项分值合计为 ${p.expected}`,
    TOTAL_MISMATCH: (p) => `总分应为 ${p.expected}（执行率得分 + 各指标得分），表内为 ${p.found}`,
    GRADE_MISMATCH: (p) => `按复核总分，评分等级应为「${p.expected}」，表内为「${p.found}」`,
    QUANT_SCORE_MISMATCH: (p) => `定量指标${q(p.subject)}按完成比例得分应为 ${p.expected}，表内为 ${p.found}`,
    QUAL_BAND_MISMATCH: (p) => `定性指标${q(p.subject)}得分应在 ${p.expected} 之间，表内为 ${p.found}`,
    MISSING_REASON: (p) => `${q(p.subject)}扣分（${p.found}/${p.expected}）但未填写偏差原因`,
    MISSING_VALUE: (p) => (p.found ? `${FIELD[p.field]}「${p.found}」无法读取为数字` : `${FIELD[p.field]}未填写`),
    UNPARSEABLE: (p) => `${p.subject ? q(p.subject) : ''}${REASON[p.reason]}${p.found ? `（${p.found}）` : ''}，已跳过该项规则检查`,
    LABEL_WEIGHT_MISMATCH: (p) => `${q(p.subject)}标明 ${p.found} 分，其下分值合计为 ${p.expected}`,
    LEVEL1_WEIGHT_DEVIATION: (p) =>
      `一级指标分值为 ${p.found.map((s) => `${s.name} ${s.points}`).join(' / ')}，与默认分配 ${p.expected.map((s) => `${s.name} ${s.points}`).join(' / ')} 不同（仅提示）`,
    LOW_EXECUTION_NO_REASON: (p) => (p.noReasonCell ? `执行率 ${p.found} 低于 90%，本表没有填写原因的位置，请另附说明` : `执行率 ${p.found} 低于 90%，未说明原因`),
    EMPTY_REASON: (p) => `${q(p.subject)}扣分，偏差原因只写了「${p.found}」，等于未说明原因`,
    ACTUAL_NOT_NUMBER: (p) => `${q(p.subject)}的指标值是数值（${p.target}），实际完成值应填数值，表内为「${p.found}」`,
    EMPTY_INDICATOR: (p) => `${q(p.subject)}下的三级指标和指标值均为空或「无」，却占 ${p.weight} 分`,
    LEVEL2_MISPLACED: (p) => `二级指标「${p.level2}」应属于${p.expected}指标，却列在「${p.level1}」下，一级指标分值因此失真`,
    TARGET_EXCEEDED: (p) => `${q(p.subject)}实际完成 ${p.found}，达到指标值 ${p.target} 的 ${p.ratio}%，目标可能设定偏低（仅提示）`,
    SHORTFALL_NO_REASON: (p) =>
      `${q(p.subject)}实际完成 ${p.found}，未达到指标值 ${p.expected}，却得满分，${p.filler ? `偏差原因只写了「${p.filler}」` : '未填写偏差原因'}`,
    MISSING_FIELD: (p) => (p.field === 'actual' ? `${q(p.subject ?? '')}有得分，但实际完成值未填写` : `${ASKED[p.field]}未填写`),
    UNRECOGNISED_REGION: (p) => `${p.range} 像一张绩效自评表，但无法识别：${REGION[p.reason]}`,
    REPORT_TABLE_MISMATCH: (p) => `报告所写${subjectZh(p.subject, p.what)} ${p.found}${p.unit}与「${p.table}」不符：表内为 ${p.expected}${p.unit}`,
    REPORT_ARITHMETIC: (p) => CHECK[p.check](p),
    REPORT_UNMATCHED: (p) => `报告所写${subjectZh(p.subject, p.what)}在「${p.table}」中没有对应项，未核对（仅提示）`,
  },
  short: {
    EXEC_RATE_MISMATCH: (p) => `执行率有误（应为 ${p.expected}）`,
    EXEC_SCORE_MISMATCH: (p) => `执行率得分有误（应为 ${p.expected}）`,
    OVER_EXECUTION: () => '超预算执行',
    FUND_SPLIT_MISMATCH: (p) => `${p.group ? `${p.group} ` : ''}${COLUMN[p.column]}分项合计 ${p.expected}，与总额不符`,
    SCORE_OVER_WEIGHT: (p) => `得分超过分值（分值 ${p.expected}）`,
    WEIGHT_SUM_NOT_100: (p) => `分值合计为 ${p.found}，应为 100`,
    TOTAL_WEIGHT_MISMATCH: (p) => `总分行分值有误（应为 ${p.expected}）`,
    TOTAL_MISMATCH: (p) => `总分有误（应为 ${p.expected}）`,
    GRADE_MISMATCH: (p) => `评分等级有误（应为 ${p.expected}）`,
    QUANT_SCORE_MISMATCH: (p) => `得分与完成比例不符（应为 ${p.expected}）`,
    QUAL_BAND_MISMATCH: (p) => `定性指标得分超出档次（应在 ${p.expected}）`,
    MISSING_REASON: () => '扣分未说明原因',
    MISSING_VALUE: (p) => `${FIELD[p.field]}${p.found ? '无法读取' : '未填写'}`,
    UNPARSEABLE: () => '无法解读，未核对',
    LABEL_WEIGHT_MISMATCH: (p) => `标明分值与合计不符（合计 ${p.expected}）`,
    LEVEL1_WEIGHT_DEVIATION: () => '一级指标分值非默认',
    LOW_EXECUTION_NO_REASON: (p) => (p.noReasonCell ? '执行率低于 90%（表内无原因栏）' : '执行率低于 90% 未说明原因'),
    EMPTY_REASON: () => '偏差原因未实际说明',
    ACTUAL_NOT_NUMBER: () => '实际完成值应为数值',
    EMPTY_INDICATOR: () => '空指标占分值',
    LEVEL2_MISPLACED: (p) => `二级指标应属于${p.expected}指标`,
    TARGET_EXCEEDED: () => '目标可能偏低',
    SHORTFALL_NO_REASON: () => '未达目标却满分，未说明偏差原因',
    MISSING_FIELD: (p) => `${ASKED[p.field]}未填写`,
    UNRECOGNISED_REGION: () => '无法识别的表格',
    REPORT_TABLE_MISMATCH: (p) => `与表内不符（表内 ${p.expected}）`,
    REPORT_ARITHMETIC: (p) => `前后数字不符（应为 ${p.expected}）`,
    REPORT_UNMATCHED: () => '表中无对应项',
  },
  region: REGION,
  skipped: {
    noFunds: '无项目资金：未核对执行率及其得分',
    noIndicators: '无绩效指标：未核对指标分值与得分',
    noExecWeight: '无执行率分值：未计算执行率得分',
    noExecScoreColumn: '资金表有权重列而无得分列：未核对执行率得分',
    noWeightColumn: '无分值列：未核对单项指标的分值与得分',
    noScoreColumn: '无得分列：未核对得分、总分与等级',
    noTotalRow: '无总分行：未核对表内总分',
    noReasonColumn: '无偏差原因列：未核对扣分原因',
    weightsNot100: '分值合计不为 100：总分不在百分制上，不评等级',
    formulaNotComputed: '公式未计算：请在 Excel 中打开并保存；依赖这些单元格的核对已跳过',
  },
};
