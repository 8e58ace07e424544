/**
 * Words a user adds to the vocabulary, without code: a province's IT person writes what a word of their
 * form means, in a small JSON file (the command line) or in the pane's settings. The meanings are named
 * the way the national form names them (预算数, 分值, 项目名称 …), in Chinese or in English:
 *
 *   { "资金": { "核定数": "预算数", "实付数": "执行数" },
 *     "指标": { "考核分": "分值", "评定分": "得分" },
 *     "表头": { "资金名称": "项目名称" } }
 *
 * A malformed entry is an error naming the entry and what is allowed; nothing of a malformed file is used.
 */
import type { FundsMeaning, HeaderField, IndicatorMeaning, UserWords } from './vocabulary';

const FUNDS: Record<string, FundsMeaning> = {
  年初预算数: 'initial',
  预算数: 'budget',
  全年预算数: 'budget',
  执行数: 'executed',
  全年执行数: 'executed',
  执行率: 'rate',
  分值: 'weight',
  得分: 'score',
  原因: 'reason',
  initial: 'initial',
  budget: 'budget',
  executed: 'executed',
  rate: 'rate',
  weight: 'weight',
  score: 'score',
  reason: 'reason',
};

const INDICATORS: Record<string, IndicatorMeaning> = {
  一级指标: 'level1',
  二级指标: 'level2',
  三级指标: 'level3',
  指标性质: 'nature',
  指标值: 'target',
  年度指标值: 'target',
  度量单位: 'unit',
  实际完成值: 'actual',
  分值: 'weight',
  得分: 'score',
  偏差原因: 'reason',
  偏差原因分析及改进措施: 'reason',
  level1: 'level1',
  level2: 'level2',
  level3: 'level3',
  nature: 'nature',
  target: 'target',
  unit: 'unit',
  actual: 'actual',
  weight: 'weight',
  score: 'score',
  reason: 'reason',
};

const FIELDS: Record<string, HeaderField> = {
  项目名称: 'project',
  主管部门: 'department',
  实施单位: 'implementer',
  单位名称: 'organisation',
  部门名称: 'organisation',
  自评得分: 'selfScore',
  自评总分: 'selfScore',
  自评结果: 'selfGrade',
  自评等级: 'selfGrade',
  project: 'project',
  department: 'department',
  implementer: 'implementer',
  organisation: 'organisation',
  selfScore: 'selfScore',
  selfGrade: 'selfGrade',
};

const SECTIONS = {
  funds: FUNDS,
  indicators: INDICATORS,
  fields: FIELDS,
} as const;

type Section = keyof typeof SECTIONS;

const SECTION_NAMES: Record<string, Section> = { 资金: 'funds', 项目资金: 'funds', funds: 'funds', 指标: 'indicators', 绩效指标: 'indicators', indicators: 'indicators', 表头: 'fields', fields: 'fields' };

/** What is wrong with an entry: its place ("指标 › 考核分") and what is allowed there. */
export interface UserWordsError {
  readonly at: string;
  readonly problem: 'notJson' | 'notObject' | 'unknownSection' | 'notText' | 'unknownMeaning' | 'emptyWord';
  readonly allowed?: readonly string[];
}

export type UserWordsRead = { readonly words: UserWords; readonly count: number } | { readonly error: UserWordsError };

/** Reads the text of a words file (or of the pane's setting). An empty text is no words. */
export function parseUserWords(text: string): UserWordsRead {
  if (text.trim() === '') return { words: {}, count: 0 };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: { at: e instanceof Error ? e.message : '', problem: 'notJson' } };
  }
  return readUserWords(data);
}

export function readUserWords(data: unknown): UserWordsRead {
  if (!isRecord(data)) return { error: { at: '', problem: 'notObject' } };
  const out: { funds: Record<string, FundsMeaning>; indicators: Record<string, IndicatorMeaning>; fields: Record<string, HeaderField> } = {
    funds: {},
    indicators: {},
    fields: {},
  };
  let count = 0;
  for (const [sectionName, entries] of Object.entries(data)) {
    const section = SECTION_NAMES[sectionName];
    if (!section) return { error: { at: sectionName, problem: 'unknownSection', allowed: ['资金', '指标', '表头'] } };
    if (!isRecord(entries)) return { error: { at: sectionName, problem: 'notObject' } };
    const meanings: Record<string, string> = SECTIONS[section];
    for (const [word, meaning] of Object.entries(entries)) {
      const at = `${sectionName} › ${word}`;
      if (word.trim() === '') return { error: { at, problem: 'emptyWord' } };
      if (typeof meaning !== 'string') return { error: { at, problem: 'notText' } };
      const m = meanings[meaning.trim()];
      if (!m) return { error: { at, problem: 'unknownMeaning', allowed: Object.keys(meanings).filter((k) => /[\u4e00-\u9fff]/.test(k)) } };
      (out[section] as Record<string, string>)[word] = m;
      count++;
    }
  }
  return { words: out, count };
}

/** Two sources of words together (a user's file, a folder's); the later wins on the same word. */
export function mergeUserWords(a: UserWords, b: UserWords): UserWords {
  return { funds: { ...a.funds, ...b.funds }, indicators: { ...a.indicators, ...b.indicators }, fields: { ...a.fields, ...b.fields } };
}

/** The error as a user reads it, in Chinese or English. */
export function userWordsMessage(source: string, e: UserWordsError, lang: 'zh' | 'en'): string {
  const allowed = e.allowed?.join(lang === 'zh' ? '、' : ', ') ?? '';
  if (lang === 'en') {
    const what = {
      notJson: `is not valid JSON (${e.at})`,
      notObject: e.at ? `"${e.at}" must be a list of word: meaning` : 'must be a JSON object of sections (资金, 指标, 表头)',
      unknownSection: `has an unknown section "${e.at}"; allowed: ${allowed}`,
      notText: `"${e.at}": the meaning must be text`,
      unknownMeaning: `"${e.at}": unknown meaning; allowed: ${allowed}`,
      emptyWord: `"${e.at}": the word is empty`,
    }[e.problem];
    return `Vocabulary ${source} ${what}. Nothing of it was used.`;
  }
  const what = {
    notJson: `不是有效的 JSON（${e.at}）`,
    notObject: e.at ? `“${e.at}”应为“词: 含义”的列表` : '应为按“资金”“指标”“表头”分节的 JSON 对象',
    unknownSection: `有未知的分节“${e.at}”，可用：${allowed}`,
    notText: `“${e.at}”：含义应为文字`,
    unknownMeaning: `“${e.at}”：未知的含义，可用：${allowed}`,
    emptyWord: `“${e.at}”：词为空`,
  }[e.problem];
  return `词表 ${source} ${what}。该词表未被使用。`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
