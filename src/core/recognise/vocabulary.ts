/**
 * The vocabulary of the forms, in one place: every column word, label and synonym the provinces use,
 * each with what it means. Recognition reads this table and nothing else, so a new province's form is
 * a few entries here, not new code (SPEC §2).
 *
 * Everything is matched on normalised labels (text.ts: NFKC, no spaces or line breaks, no trailing
 * colon), so "年初预\n算数", "年初预算数：" and "年 初 预 算 数" are one word. Column words are matched on
 * their core, after the suffixes that qualify them are taken off (see parseColumnLabel):
 * "全年预算数(A)", "执行率(B/A)", "权重(%)", "项目资金(元)", "得分(20分*执行率)".
 */

import { normalizeLabel } from '../text';

const LISTENERS: (() => void)[] = [];

/** Caches of what labels mean are dropped when a user's words are added. */
export function onVocabularyChange(listener: () => void): void {
  LISTENERS.push(listener);
}

/** Labels repeat (every table has the same words): each predicate below reads a distinct label once. */
function memoised<T>(fn: (label: string) => T): (label: string) => T {
  const seen = new Map<string, T>();
  onVocabularyChange(() => seen.clear());
  return (label) => {
    let v = seen.get(label);
    if (v === undefined && !seen.has(label)) {
      if (seen.size > 50_000) seen.clear();
      seen.set(label, (v = fn(label)));
    }
    return v as T;
  };
}

/** What a column of the funds block (项目资金 / 预算执行情况 / 预算情况) holds. */
export type FundsMeaning = 'initial' | 'budget' | 'executed' | 'rate' | 'weight' | 'score' | 'reason';

/** What a column of the indicator block holds. The target may come split in three (指标性质 | 指标值 | 度量单位). */
export type IndicatorMeaning = 'level1' | 'level2' | 'level3' | 'nature' | 'target' | 'unit' | 'actual' | 'weight' | 'score' | 'reason';

interface Entry<M> {
  readonly meaning: M;
  /** Matched against the label's core (suffixes removed). */
  readonly words: RegExp;
  /** Lower ranks win when two columns of a header mean the same (全年预算数 over a bare 预算数). */
  readonly rank: number;
}

/** The words of a 分值 column and of a 得分 column, the same in the funds block and the indicator block. */
const WEIGHT_WORDS = /^(分值|分数|分数值|权重|权重分|权重分值|标准分|标准分值|指标分值|指标权重|单项分值|满分)$/;
const SCORE_WORDS = /^(得分|得分值|执行率得分|自评得分|自评分|评分|实际得分|评价得分|考核得分|单项得分|指标得分)$/;

export const FUNDS_WORDS: readonly Entry<FundsMeaning>[] = [
  // 年初预算数, 年初预算, 年初数, 年初批复数, 年初安排数
  { meaning: 'initial', words: /^年初(预算|批复|安排)?(安排)?(数|金额|资金|额)?$/, rank: 0 },
  // 全年预算数 (national), 调整后预算数 / 调整后预算 (Sichuan), 预算数(A) (Yunnan 保山), 全年 (truncated)
  { meaning: 'budget', words: /^(全年|调整后|调整|年度调整|本年|当年)(预算|批复)?(安排)?(数|金额|资金|额)?$/, rank: 0 },
  { meaning: 'budget', words: /^(预算|批复|全年预算|预算安排|预算批复)(数|金额|额)$/, rank: 1 },
  // 年度预算数 is a corner over 年初预算 | 调整后预算数 in Sichuan, and the budget itself where it stands alone
  { meaning: 'budget', words: /^(年度预算|预算资金|年度资金)(数|金额|额)?$/, rank: 2 },
  // 全年执行数 (national), 预算执行数 (Sichuan, department-wide), 执行数(B), 实际支出, 全年支出数
  { meaning: 'executed', words: /^(全年|预算|资金|实际|年度|全年实际|本年|当年)?(执行|支出|使用|拨付|决算)(数|金额|额|资金)?$/, rank: 0 },
  { meaning: 'executed', words: /^(实际支出|全年支出|实际执行)(数|金额|额)?$/, rank: 0 },
  // 截至12月31日执行数, 截止年底执行数
  { meaning: 'executed', words: /^截[至止].{1,10}(执行|支出)(数|金额|额)?$/, rank: 1 },
  // 执行率, 预算执行率, 资金执行率, 执行率(B/A), 执行率(%)
  { meaning: 'rate', words: /^(全年|预算|资金|项目)?执行率$/, rank: 0 },
  // 分值, 分数, 权重, 权重(%), 标准分值
  { meaning: 'weight', words: WEIGHT_WORDS, rank: 0 },
  // 得分, 得分(20分*执行率), 执行率得分, 自评得分, 考核得分
  { meaning: 'score', words: SCORE_WORDS, rank: 0 },
  // 原因 (Sichuan: 预算执行率未达到90%的需说明原因), 偏差原因, 未完成原因, 情况说明
  { meaning: 'reason', words: /原因|^偏差|情况说明$|^说明$/, rank: 0 },
];

export const INDICATOR_WORDS: readonly Entry<IndicatorMeaning>[] = [
  { meaning: 'level1', words: /^一级(指标)?(名称)?$/, rank: 0 },
  { meaning: 'level2', words: /^二级(指标)?(名称)?$/, rank: 0 },
  { meaning: 'level3', words: /^三级(指标)?(名称)?$/, rank: 0 },
  { meaning: 'level3', words: /^(指标名称|具体指标|具体指标名称|绩效指标名称|指标内容)$/, rank: 1 },
  // 指标性质 (Yunnan, Sichuan: "≥" "=" "≤" "定性"), 指标方向
  { meaning: 'nature', words: /^(指标性质|性质|指标属性|指标方向|运算符号?|符号)$/, rank: 0 },
  // 实际完成指标值 is the actual, though it ends like a target: read before the target's words
  { meaning: 'actual', words: /^(全年|年度)?实际(完成|达成|实现)?(指标)?值$|^(实际)?(完成|达成|实现)指标值$/, rank: 0 },
  // 年度指标值, 指标值, 年初目标值(A), 目标值, 预期指标值, 年度目标值, 年度计划值, 预期值
  { meaning: 'target', words: /(指标值|目标值)$|^指标标准$|^(年度|全年)?(计划|预期)值$/, rank: 0 },
  // 度量单位, 计量单位, 单位
  { meaning: 'unit', words: /^(度量|计量|指标)?单位$/, rank: 0 },
  // 实际完成值(B), 完成值, 全年实际值, 实际值, 实际完成情况 (a column, unlike the 完成情况 frames below)
  { meaning: 'actual', words: /(完成值|实际值|完成数|完成情况值|达成值|实现值)$|^实际完成(情况)?$|^完成情况$/, rank: 0 },
  // 分值, 权重, 权重(%), 指标分值, 标准分值
  { meaning: 'weight', words: WEIGHT_WORDS, rank: 0 },
  // 得分, 单项得分, 自评得分, 考核得分
  { meaning: 'score', words: SCORE_WORDS, rank: 0 },
  // 偏差原因分析及改进措施, 未完成原因分析, 原因分析; a bare 备注 only where there is nothing better
  { meaning: 'reason', words: /原因|改进措施|^偏差/, rank: 0 },
  { meaning: 'reason', words: /^(备注|说明)$/, rank: 1 },
];

/**
 * Frames: a label over or beside the whole indicator block ("绩效指标", "年度绩效指标完成情况",
 * "年度绩效目标1 (80分)"). A frame may state the weight of every indicator under it. A label ending in
 * 完成情况 that names indicators or goals is a frame, not the 实际完成值 column.
 */
export const isIndicatorFrame = memoised(function isIndicatorFrame(core: string): boolean {
  return /^(年度|项目|部门|整体)*(绩效|评价)(指标|目标)\d*(完成情况)?$|^(年度)?指标完成情况$/.test(core);
});

/** Bands and corners over or beside the funds columns ("预算执行情况(万元)(20分)", "项目资金(元)", "年度金额"). */
export const isFundsBand = memoised(function isFundsBand(core: string): boolean {
  return /^(项目)?资金(情况|来源|使用情况)?$|^预算(执行)?情况$|^年度(预算)?(金额|资金)$|^资金使用情况$|^年度预算数?$|^预算执行$/.test(core);
});

/** The band over 指标性质 | 指标值 | 度量单位 ("年度指标值"): the target read in three cells. */
export const isTargetBand = memoised(function isTargetBand(core: string): boolean {
  return /^(年度)?指标值$|^年度(绩效)?目标值$/.test(core);
});

/** Department-wide 年度主要任务 headers share words with the funds block; their own words tell them apart. */
export const isTaskWord = memoised(function isTaskWord(label: string): boolean {
  return /^(任务名称|主要内容|任务完成情况|年度主要任务)$/.test(label);
});

/** A header-block field and its value cell ("项目名称 | 义务教育营养改善计划专项资金"). */
export type HeaderField = 'project' | 'department' | 'implementer' | 'organisation' | 'selfScore' | 'selfGrade';

export const headerFieldOf = memoised(function headerFieldOf(label: string): HeaderField | undefined {
  const user = USER_FIELDS.get(label);
  if (user) return user;
  if (/^(项目名称|项目\(?名称\)?)$/.test(label)) return 'project';
  if (/^(主管部门|主管单位|主管部门\(单位\)|预算部门|主管部门名称|主管部门及代码)$/.test(label)) return 'department';
  if (/^(实施单位|实施单位\(盖章\)|项目实施单位|项目单位|执行单位|预算单位)$/.test(label)) return 'implementer';
  if (/^(部门\(单位\)名称|部门名称|单位名称|部门\(单位\))$/.test(label)) return 'organisation';
  if (/^(自评得分|自评总分)$/.test(label)) return 'selfScore';
  if (/^(自评结果|自评等级)$/.test(label)) return 'selfGrade';
  return headFieldOf(label);
});

/**
 * Header fields by their head word: 转移支付(项目)名称 and 专项名称 name the project; 中央主管部门 and 地方主管部门
 * are 主管部门; 资金使用单位 and 项目承担单位 are the 实施单位; 项目总得分 and 综合得分 a shown total.
 */
function headFieldOf(label: string): HeaderField | undefined {
  const word = label.replace(/\((盖章|签章|公章)\)$/, '').replace(/[()]/g, '');
  if (word.length > 16) return undefined;
  if (/(项目|专项|转移支付|政策|专项资金|资金)名称$/.test(word)) return 'project';
  if (/主管(部门|单位)(名称)?$/.test(word)) return 'department';
  if (/(实施|执行|使用|承担|承办)单位(名称)?$/.test(word)) return 'implementer';
  if (/^(部门|单位|部门单位|预算单位)名称$/.test(word)) return 'organisation';
  if (/^(自评|项目|综合|评价|考核|绩效)(总分|总得分|得分|评分|分数)$|^(总得分|综合得分)$/.test(word)) return 'selfScore';
  if (/^(自评|评价|考核|绩效|综合)(结果|等级|等次|评级)$/.test(word)) return 'selfGrade';
  return undefined;
}

/** "项目总得分 99分", "自评总分：96.5": a shown total written in one cell with its label. */
export const totalInLabel = memoised(function totalInLabel(label: string): string | undefined {
  const m = /^(.{2,8}?)[:]?(\d+(?:\.\d+)?)分?$/.exec(label);
  return m && headFieldOf(m[1]!) === 'selfScore' ? m[2] : undefined;
});

export const isTitle = memoised(function isTitle(label: string): boolean {
  // "…绩效自评表", "…自评情况表", "…绩效评价表", and "…绩效目标完成情况表" where a province titles it so
  return /自评表|自评情况表|自评结果表|评价表$|绩效目标完成情况表$/.test(label) && label.length <= 48;
});

/**
 * Lines above a table that are not part of its content: a year, 报表编号, 单位名称 / 填报日期 / 部门 written
 * as "key:value" in one cell, "公开14表", "金额单位:万元", "(单位:元)".
 */
export const isPreamble = memoised(function isPreamble(label: string): boolean {
  return (
    /年度\)?$|^\(?\d{4}年度?\)?$|^\(\d{4}年度\)$/.test(label) ||
    /^(报表编号|单位名称|填报单位|填报日期|部门|单位|金额单位|填表人|编制单位|填报部门|预算单位|表号|编号|主管部门|评价年度)(\([^)]*\))?[:：]/.test(label) ||
    /^\(?(金额)?单位[:：]?(万元|元)\)?$/.test(label) ||
    /^(公开|附件|附表|表)\d+(表|-\d+)?$/.test(label)
  );
});

/** The unit of amounts a label states: "项目资金(元)", "(单位:元)", "预算执行情况(万元)", "金额单位:万元". */
export const amountUnitOf = memoised(function amountUnitOf(label: string): '万元' | '元' | undefined {
  const m = /(?:^|[(:：])(?:金额)?(?:单位[:：]?)?(万元|元)\)?$/.exec(label) ?? /\((?:单位[:：])?(万元|元)\)/.exec(label);
  return m ? (m[1] as '万元' | '元') : undefined;
});

export const isTotalLabel = memoised(function isTotalLabel(label: string): boolean {
  return /^(总分|合计|总计|综合得分|总得分|得分合计|总评分|合计得分|总分值)$/.test(label);
});

export const isGradeLabel = memoised(function isGradeLabel(label: string): boolean {
  return /^(评分等级|自评等级|等级|评价等级|绩效等级|评价结果|自评结果|评定等级|综合评价等级|综合评级|考核等级|等次|评价等次|自评等次|绩效评级|评级)$/.test(label);
});

/** Rows that close the indicator block without being part of it. */
export const isClosingLabel = memoised(function isClosingLabel(label: string): boolean {
  return /^注[:.、]?|^(评价结论|存在问题|改进措施|项目负责人|财务负责人|填表人|审核人|单位负责人|偏差大或|主要问题|结果应用|联系人|联系电话|填报人)/.test(label);
});

/** Rows inside the indicator block that are notes, not indicators ("其他需要说明事项 | 无"). */
export const isAsideLabel = memoised(function isAsideLabel(label: string): boolean {
  return /^其他(需要)?说明(的)?(事项|问题|情况)?$/.test(label);
});

/** Labels of funds rows, when a row has no number yet (all blank in a half-filled copy). */
export const isFundsRowLabel = memoised(function isFundsRowLabel(label: string): boolean {
  return /资金总额|^总额|预算总额|^合计$|^总计$|财政拨款|结转|其他资金|财政资金|财政性资金|财政专户|单位资金|自有资金|基本支出|项目支出|资金来源|资金结构|^其中|上级补助|本级资金|社会资金|一般公共预算|政府性基金|国有资本|^按.{1,6}分$|中央|省级|省本级|自治区|市县|市级|县级|区级|地方|债券|补助资金|配套资金|^自筹/.test(
    label,
  );
});

/** The first row of a funds block is its total ("年度资金总额", "总额", "年度财政资金总额", "部门预算总额"). */
export const isFundsTotalLabel = memoised(function isFundsTotalLabel(label: string): boolean {
  return /资金总额|^总额|预算总额|^合计$|^总计$|资金合计|^年度资金$/.test(label);
});

/** Labels that end the funds block. */
export const isAfterFundsLabel = memoised(function isAfterFundsLabel(label: string): boolean {
  return /总体目标|^一级指标|^绩效指标|项目基本情况|年度主要任务|^预期目标|^年度绩效目标|绩效指标完成情况$/.test(label);
});

/** A new group of fund sub-rows begins ("1、资金来源", "2、资金结构", "按收入性质分：", "按支出性质分："). */
export function startsFundsGroup(label: string): boolean {
  return /^\d+[、.]|^按.{1,6}分$/.test(label);
}

/**
 * Template prompt rows left in ("指标1:", "指标2:", "……", "/", "—"): with no 分值 and no 得分 they are
 * placeholders, like an empty row. Returns the text after a prompt ("指标1:完成改造" → "完成改造").
 */
export function withoutPrompt(label: string): string {
  return label.replace(/^(指标|目标)\d+[:：.、]?/, '');
}

export const isPromptText = memoised(function isPromptText(label: string): boolean {
  const t = withoutPrompt(label);
  return t === '' || /^([.…。·]+|[-—–―‐/\\]+|无|暂无)$/.test(t);
});

export type Grade = '优' | '良' | '中' | '差';

const GRADE_WORDS: Record<string, Grade> = {
  优: '优',
  优秀: '优',
  良: '良',
  良好: '良',
  中: '中',
  中等: '中',
  合格: '中',
  及格: '中',
  一般: '中',
  差: '差',
  较差: '差',
  不合格: '差',
  不及格: '差',
};

export const gradeOf = memoised(function gradeOf(label: string): Grade | undefined {
  return GRADE_WORDS[label];
});

/** "评分等级:良" in one cell (text forms, single-column footers): the label and the grade it holds, if any. */
export const gradeInLabel = memoised(function gradeInLabel(label: string): { grade: Grade | undefined } | undefined {
  const m = /^([^:]+):(.*)$/.exec(label);
  if (!m || !isGradeLabel(m[1]!)) return undefined;
  return { grade: gradeOf(m[2]!) };
});

/** The shown grade of a cell: "良", or the grade written after its label ("评分等级：良"). */
export function shownGradeOf(label: string): Grade | undefined {
  return gradeOf(label) ?? gradeInLabel(label)?.grade;
}

/** "产出指标(50分)" → 50; "绩效指标（90分）" → 90; "年度绩效目标1 (80分)" → 80 (labels are normalised). */
export const statedPoints = memoised(function statedPoints(label: string): string | undefined {
  const m = /\((\d+(?:\.\d+)?)分\)$/.exec(label);
  return m ? m[1] : undefined;
});

/** Strips a stated weight: "产出指标(50分)" → "产出指标". */
export function withoutPoints(label: string): string {
  return label.replace(/\(\d+(?:\.\d+)?分\)$/, '');
}

/** A column label taken apart: its core word and what its suffixes say. */
export interface ColumnLabel {
  readonly core: string;
  /** "(%)": plain numbers under it are percents. */
  readonly percent: boolean;
  readonly unit?: '万元' | '元';
  /** "得分(20分*执行率)": the weight the header states. */
  readonly points?: string;
}

/**
 * "全年预算数(A)" → 全年预算数; "执行率(B/A)" → 执行率; "执行率(%)" → 执行率, percent; "项目资金(元)" →
 * 项目资金, 元; "得分(20分*执行率)" → 得分, 20 points; "预算执行情况(万元)(20分)" → 预算执行情况, 万元, 20.
 */
export function parseColumnLabel(label: string): ColumnLabel {
  let core = label;
  let percent = false;
  let unit: '万元' | '元' | undefined;
  let points: string | undefined;
  for (;;) {
    const m = /\(([^()]*)\)$/.exec(core);
    if (!m || m.index === 0) break;
    const inner = m[1]!;
    const p = /^(\d+(?:\.\d+)?)分(?:[*×x].*)?$/.exec(inner) ?? /^满分(\d+(?:\.\d+)?)分?$/.exec(inner);
    if (p) points ??= p[1];
    else if (/^%$|^百分比$/.test(inner)) percent = true;
    else if (/^(单位[:：])?(万元|元)$/.test(inner)) unit ??= inner.endsWith('万元') ? '万元' : '元';
    // Anything else in brackets qualifies the word ("(A)", "(B/A)", "(调整后)") and is dropped.
    core = core.slice(0, m.index);
  }
  core = core.replace(/^\d+[、.]/, '');
  return { core, percent, unit, points };
}

function classify<M>(entries: readonly Entry<M>[], core: string): { meaning: M; rank: number } | undefined {
  if (core === '' || core.length > 24) return undefined;
  for (const e of entries) if (e.words.test(core)) return { meaning: e.meaning, rank: e.rank };
  return undefined;
}

/** How a meaning was found: an exact entry (the user's or ours), or the label's head word. */
export type MeaningSource = 'exact' | 'head';

export interface ColumnMeaning<M> {
  readonly meaning: M;
  /** Lower ranks win; a head-word match ranks below every exact entry. */
  readonly rank: number;
  readonly source: MeaningSource;
}

/** Head-word matches rank below every exact entry of the same meaning. */
const HEAD_RANK = 10;

/**
 * Chinese labels are head-final compounds: the last noun says what a column is, what stands before it
 * qualifies it (参考分值 is a 分值, 全年(调整)预算数 a 预算数, 执行率得分(分) a 得分). A label no entry holds is
 * read by its head word; its qualifiers only choose among the head's meanings (年初 → the initial budget;
 * 调整 / 全年 / 调整后 → the budget in force, preferred over a bare one; 实际 / 完成 → the actual, not the target).
 */
interface Head<M> {
  readonly head: RegExp;
  readonly meaning: (qualifier: string) => M | undefined;
  /** Rank among head-word matches of the same meaning (a bare head word is less sure than a qualified one). */
  readonly rank?: (qualifier: string) => number;
}

const WEIGHT_HEAD = /(分值|分数|权重|权数|满分|标准分|分数值)$/;
const SCORE_HEAD = /(得分|评分|自评分|得分值|分数得分)$/;
const REASON_HEAD = /(原因|原因分析|改进措施|情况说明|整改措施|措施|说明)$/;

const FUNDS_HEADS: readonly Head<FundsMeaning>[] = [
  { head: SCORE_HEAD, meaning: () => 'score' },
  { head: WEIGHT_HEAD, meaning: () => 'weight' },
  { head: REASON_HEAD, meaning: () => 'reason' },
  { head: /(执行率|支出率|使用率|完成率)$/, meaning: () => 'rate' },
  {
    head: /(执行数|支出数|执行金额|支出金额|执行额|支出额|使用数|使用金额|使用额|使用情况|使用资金|支出资金|执行资金|决算数|拨付数|执行|支出)$/,
    meaning: (q) => (/到位|下达/.test(q) ? undefined : 'executed'),
    rank: (q) => (/实际|全年|本年|当年|预算/.test(q) ? 0 : 1),
  },
  {
    head: /(预算数|预算额|预算金额|预算资金|预算|批复数|批复金额|安排数|安排金额|预算安排|投资额|投资|计划数|计划金额)$/,
    meaning: (q) => (/年初/.test(q) && !/调整/.test(q) ? 'initial' : /执行|支出|使用|决算/.test(q) ? undefined : 'budget'),
    rank: (q) => (/调整|全年|本年|当年|计划/.test(q) ? 0 : 1),
  },
];

const INDICATOR_HEADS: readonly Head<IndicatorMeaning>[] = [
  { head: SCORE_HEAD, meaning: () => 'score' },
  { head: WEIGHT_HEAD, meaning: () => 'weight' },
  { head: /(原因|原因分析|改进措施|整改措施|偏差说明)$/, meaning: () => 'reason' },
  { head: /(计量单位|度量单位|单位)$/, meaning: () => 'unit' },
  { head: /(性质|方向|符号)$/, meaning: () => 'nature' },
  {
    head: /(指标值|目标值|计划值|预期值|标准值|预期目标|年度目标|目标)$/,
    meaning: (q) => (/实际|完成|达成|实现/.test(q) ? 'actual' : 'target'),
  },
  { head: /(完成值|实际值|完成数|实现值|达成值|完成情况|实际完成|完成结果|实际情况|执行情况)$/, meaning: () => 'actual' },
];

function byHead<M>(heads: readonly Head<M>[], core: string): ColumnMeaning<M> | undefined {
  // Qualifiers in brackets inside the word ("全年(调整)预算数") are qualifiers like any other.
  const word = core.replace(/[()]/g, '');
  if (word.length < 2 || word.length > 24) return undefined;
  for (const h of heads) {
    const m = h.head.exec(word);
    if (!m) continue;
    const qualifier = word.slice(0, m.index);
    const meaning = h.meaning(qualifier);
    if (meaning === undefined) return undefined;
    return { meaning, rank: HEAD_RANK + (h.rank?.(qualifier) ?? 0), source: 'head' };
  }
  return undefined;
}

/** Words a user added (a vocabulary file, the pane's settings): exact entries, ranked above ours. */
const USER_WORDS = { funds: new Map<string, FundsMeaning>(), indicators: new Map<string, IndicatorMeaning>() };
const USER_FIELDS = new Map<string, HeaderField>();

export interface UserWords {
  readonly funds?: Readonly<Record<string, FundsMeaning>>;
  readonly indicators?: Readonly<Record<string, IndicatorMeaning>>;
  readonly fields?: Readonly<Record<string, HeaderField>>;
}

let current: UserWords = {};

/** The words a user added, as last set (a Web Worker running the engine is handed them with each sheet). */
export function userWords(): UserWords {
  return current;
}

/**
 * Sets the words a user added (replacing those set before). Words are matched as labels are: normalised
 * (no spaces, full-width folded), on the column word's core ("参考分值(分)" is 参考分值).
 */
export function setUserWords(words: UserWords): void {
  current = words;
  USER_WORDS.funds.clear();
  USER_WORDS.indicators.clear();
  USER_FIELDS.clear();
  const core = (w: string) => parseColumnLabel(normalizeLabel(w)).core;
  for (const [w, m] of Object.entries(words.funds ?? {})) USER_WORDS.funds.set(core(w), m);
  for (const [w, m] of Object.entries(words.indicators ?? {})) USER_WORDS.indicators.set(core(w), m);
  for (const [w, m] of Object.entries(words.fields ?? {})) USER_FIELDS.set(normalizeLabel(w), m);
  for (const listener of LISTENERS) listener();
}


export const fundsMeaningOf = memoised(function fundsMeaningOf(core: string): ColumnMeaning<FundsMeaning> | undefined {
  const user = USER_WORDS.funds.get(core);
  if (user) return { meaning: user, rank: -1, source: 'exact' };
  const exact = classify(FUNDS_WORDS, core);
  if (exact) return { ...exact, source: 'exact' };
  if (isFundsBand(core) || isTaskWord(core) || isIndicatorFrame(core)) return undefined;
  return byHead(FUNDS_HEADS, core);
});

export const indicatorMeaningOf = memoised(function indicatorMeaningOf(core: string): ColumnMeaning<IndicatorMeaning> | undefined {
  const user = USER_WORDS.indicators.get(core);
  if (user) return { meaning: user, rank: -1, source: 'exact' };
  if (isIndicatorFrame(core)) return undefined;
  const exact = classify(INDICATOR_WORDS, core);
  if (exact) return { ...exact, source: 'exact' };
  if (isTargetBand(core) || isFundsBand(core)) return undefined;
  const head = byHead(INDICATOR_HEADS, core);
  // 一级指标分值 is a 分值; 一级绩效指标, 二级指标名称, 三级指标(具体指标) are levels: the level word leads them.
  if (head && (head.meaning === 'weight' || head.meaning === 'score')) return head;
  const level = /^([一二三])级.{0,6}$/.exec(core.replace(/[()]/g, ''));
  if (level) return { meaning: (['level1', 'level2', 'level3'] as const)['一二三'.indexOf(level[1]!)]!, rank: HEAD_RANK, source: 'head' };
  return head;
});

/** The 一级 categories of the national framework (rule 10, 11), from a 一级 or 二级 label. */
export type Category = '产出' | '效益' | '满意度' | '投入管理' | '可持续性' | '成本';

/** "一、产出指标", "（二）社会效益指标", "2.质量指标": the outline number is no part of the name. */
function withoutOutlineNumber(label: string): string {
  return label.replace(/^(\(?[一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十\d]{1,3}[、.．])/, '');
}

export function level1Category(label: string): Category | undefined {
  label = withoutOutlineNumber(label);
  if (/满意/.test(label)) return '满意度';
  if (/产出/.test(label)) return '产出';
  if (/效益|效果/.test(label)) return '效益';
  if (/投入|过程|管理/.test(label)) return '投入管理';
  if (/可持续/.test(label)) return '可持续性';
  if (/^成本指标/.test(label)) return '成本';
  return undefined;
}

/** Where a 二级 belongs in the national framework: 数量/质量/时效/成本 under 产出, and so on (rule 11). */
export function level2Category(label: string): Category | undefined {
  label = withoutOutlineNumber(label);
  if (/满意/.test(label)) return '满意度';
  if (/^(数量|质量|时效|成本)(指标)?$/.test(label)) return '产出';
  if (/^(经济|社会|生态|环境)效益(指标)?$|^可持续(影响|发展)?(指标)?$/.test(label)) return '效益';
  return undefined;
}
