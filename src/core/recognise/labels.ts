/**
 * The vocabulary of the tables. Everything is matched on normalised labels (see text.ts), so
 * "年初预\n算数", "年初预算数：" and "年初预算数" are one label. Regional words map onto the national
 * form's (SPEC §2: 调整后预算数 = 全年预算数, 权重 = 分值, 合计 = 总分 …).
 */

export type FundsColumn = 'initial' | 'annual' | 'executed' | 'weight' | 'rate' | 'score';

/** Classifies a cell of a funds header row. "全年" alone is a truncated 全年预算数. */
export function fundsColumnOf(label: string): FundsColumn | undefined {
  if (label === '' || label.length > 16) return undefined;
  if (/^年初预?算?数?$|^年初预算/.test(label)) return 'initial';
  if (/调整后预算|全年预算|^全年$|^预算数$/.test(label)) return 'annual';
  if (/执行数|^实际支出|^全年支出/.test(label)) return 'executed';
  if (/执行率/.test(label)) return 'rate';
  if (/^(分值|分数|权重)/.test(label)) return 'weight';
  if (/^得分/.test(label)) return 'score';
  return undefined;
}

export type IndicatorColumn =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'target'
  | 'nature'
  | 'unit'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason';

export function indicatorColumnOf(label: string): IndicatorColumn | undefined {
  if (label === '' || label.length > 24) return undefined;
  if (/^一级指?标?/.test(label)) return 'level1';
  if (/^二级指?标?/.test(label)) return 'level2';
  if (/^三级指?标?/.test(label)) return 'level3';
  if (/指标性质/.test(label)) return 'nature';
  if (/度量单位|计量单位|^单位$/.test(label)) return 'unit';
  if (/完成值|实际完成|完成情况$/.test(label)) return 'actual';
  if (/指标值|目标值/.test(label)) return 'target';
  if (/^(分值|权重|分数|标准分|指标分值|指标权重|权重分)/.test(label)) return 'weight';
  if (/^(得分|自评得分|评分|实际得分|评价得分|自评分)$/.test(label)) return 'score';
  if (/原因|改进措施|偏差/.test(label)) return 'reason';
  return undefined;
}

export type HeaderField = 'project' | 'department' | 'unit' | 'organisation' | 'selfScore' | 'selfGrade';

export function headerFieldOf(label: string): HeaderField | undefined {
  if (/^项目名称$/.test(label)) return 'project';
  if (/^(主管部门|主管单位|主管部门\(单位\))$/.test(label)) return 'department';
  if (/^(实施单位|实施单位\(盖章\)|项目实施单位)$/.test(label)) return 'unit';
  if (/^(部门\(单位\)名称|部门名称|单位名称|部门\(单位\))$/.test(label)) return 'organisation';
  if (/^(自评得分|自评总分)$/.test(label)) return 'selfScore';
  if (/^(自评结果|自评等级)$/.test(label)) return 'selfGrade';
  return undefined;
}

export function isTitle(label: string): boolean {
  return /自评表/.test(label) && label.length <= 40;
}

export function isTotalLabel(label: string): boolean {
  return /^(总分|合计|总计|综合得分|总得分)$/.test(label);
}

export function isGradeLabel(label: string): boolean {
  return /^(评分等级|自评等级|等级|评价等级|绩效等级|评价结果)$/.test(label);
}

/** Rows that close the indicator block without being part of it. */
export function isClosingLabel(label: string): boolean {
  return /^注[:.、]?|^(评价结论|存在问题|改进措施|项目负责人|财务负责人|填表人|审核人|单位负责人)/.test(label);
}

/** Labels of funds rows, when a row has no number yet (all blank in a half-filled copy). */
export function isFundsRowLabel(label: string): boolean {
  return /资金总额|^总额|预算总额|^合计$|财政拨款|结转|其他资金|财政资金|财政性资金|财政专户|单位资金|基本支出|项目支出|资金来源|资金结构|^其中/.test(
    label,
  );
}

/** Labels that end the funds block. */
export function isAfterFundsLabel(label: string): boolean {
  return /总体目标|^一级指标|^绩效指标|项目基本情况|年度主要任务|^预期目标/.test(label);
}

/** A new group of fund sub-rows begins ("1、资金来源", "2、资金结构"). */
export function startsFundsGroup(label: string): boolean {
  return /^\d+[、.]/.test(label);
}

const GRADE_WORDS: Record<string, Grade> = {
  优: '优',
  优秀: '优',
  良: '良',
  良好: '良',
  中: '中',
  中等: '中',
  合格: '中',
  及格: '中',
  差: '差',
  较差: '差',
  不合格: '差',
  不及格: '差',
};

export type Grade = '优' | '良' | '中' | '差';

export function gradeOf(label: string): Grade | undefined {
  return GRADE_WORDS[label];
}

/** "产出指标(50分)" → 50; "绩效指标（90分）" → 90 (labels are normalised, so brackets are ASCII). */
export function statedPoints(label: string): string | undefined {
  const m = /\((\d+(?:\.\d+)?)分\)$/.exec(label);
  return m ? m[1] : undefined;
}

/** Strips a stated weight: "产出指标(50分)" → "产出指标". */
export function withoutPoints(label: string): string {
  return label.replace(/\(\d+(?:\.\d+)?分\)$/, '');
}
