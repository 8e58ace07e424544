/**
 * The scope rules of a report's statements, each with sentences of its own (tests/fixtures/reports/scope/*.txt,
 * of the shapes real reports use, other figures): a consistent text raises nothing, its copy with one slip raises
 * exactly that slip with the value the arithmetic gives; what cannot be read for sure is not read.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { UNCHECKED_WHY, checkReport, readTextReport } from '../../src/core/narrative';
import { openWorkbook, workbookGrids } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/engine';
import { PAIRING_WHY, subjectsOf } from '../../src/core/narrative/paired';
import { fixturePath } from '../helpers';

const report = (name: string) => checkReport(readTextReport(readFileSync(fixturePath(`reports/scope/${name}.txt`), 'utf8')));
const found = (name: string) => report(name).findings.map((f) => [f.paragraph, f.code, f.found, f.expected]);
const read = (name: string) => report(name).statements.map((s) => [s.paragraph, s.kind, s.verdict]);

describe('scope rules, each on its own text', () => {
  it('parallel clauses own their figures: two subjects’ rates are not one rate stated twice', () => {
    expect(found('parallel-clauses')).toEqual([]);
  });

  it('人员经费 and 公用经费 are all of 基本支出 only: under a department’s 支出总计 they need not add up to it', () => {
    // 900 + 600 of a 2,400 total is a list not known complete (the rest is 项目支出): checked only not to exceed it;
    // 900 + 650 against the 基本支出 of 1,500 they make up all of is a slip.
    expect(found('staff-and-running')).toEqual([[3, 'REPORT_ARITHMETIC', '1500', '1550.00']]);
  });

  it('a reason clause is no whole for the next 其中: the parts are of the year’s income', () => {
    expect(read('reason-clause')).toEqual([
      [1, 'share', 'consistent'],
      [1, 'share', 'consistent'],
      [1, 'parts', 'consistent'],
    ]);
    expect(found('reason-clause-slip')).toEqual([[1, 'REPORT_ARITHMETIC', '860', '850.00']]);
  });

  it('a list across paragraphs ends at its whole’s sibling; a whole never stated is the sum of 基本 and 项目', () => {
    expect(found('list-across-paragraphs')).toEqual([]);
    expect(read('list-across-paragraphs').filter(([, kind]) => kind === 'parts')).toEqual([[2, 'parts', 'consistent']]);
    expect(found('list-across-paragraphs-slip')).toEqual([[5, 'REPORT_ARITHMETIC', '25', '20']]);
  });

  it('changes: a subject with a colon and its change in the next sentence, 元 with spaces, a stated base', () => {
    expect(read('change-shapes')).toEqual([
      [1, 'change', 'consistent'],
      [2, 'change', 'consistent'],
      [3, 'change', 'consistent'],
      [3, 'difference', 'consistent'],
      [4, 'change', 'consistent'],
    ]);
    expect(found('change-shapes-slip')).toEqual([
      [1, 'REPORT_ARITHMETIC', '13.8', '12.8'],
      [2, 'REPORT_ARITHMETIC', '5', '6'],
      [2, 'REPORT_ARITHMETIC', '90', '80.00'],
    ]);
  });

  it('numbered items across paragraphs are the parts; an item’s own 其中 is its breakdown', () => {
    expect(read('numbered-items')).toEqual([
      [1, 'parts', 'consistent'],
      [4, 'parts', 'consistent'],
    ]);
    expect(found('numbered-items-slip')).toEqual([[4, 'REPORT_ARITHMETIC', '500', '510.00']]);
  });

  it('a grade against the score the text states', () => {
    expect(read('grade-score')).toEqual([
      [1, 'score', 'unchecked'],
      [1, 'grade', 'consistent'],
    ]);
    expect(found('grade-score-slip')).toEqual([[1, 'REPORT_ARITHMETIC', '优秀', '良']]);
  });

  it('a grade beside a second score the text does not read as the total (复评后得分) is not checked', () => {
    const grade = report('grade-two-scores').statements.filter((s) => s.kind === 'grade');
    expect(grade.map((s) => [s.verdict, s.why])).toEqual([['unchecked', UNCHECKED_WHY.severalScores]]);
    expect(found('grade-two-scores')).toEqual([]);
  });

  it('a count against the names listed (in brackets, after 即, before 二类); a rank or a list with 等 is no list', () => {
    expect(read('counts')).toEqual([
      [1, 'count', 'consistent'],
      [2, 'count', 'consistent'],
      [4, 'count', 'inconsistent'],
    ]);
    expect(found('counts')).toEqual([[4, 'REPORT_ARITHMETIC', '4', '3']]);
  });

  it('到位率, 拨付率, 支付率, 完成率 between the two amounts their sentence names; three amounts or none are not read', () => {
    expect(report('named-rates').statements.map((s) => [s.paragraph, s.kind, s.subject, s.verdict])).toEqual([
      [1, 'rateOf', '到位率', 'consistent'],
      [2, 'rateOf', '拨付率', 'consistent'],
      [3, 'rateOf', '完成率', 'consistent'],
      [4, 'rateOf', '支付率', 'consistent'],
    ]);
    expect(found('named-rates-slip')).toEqual([
      [1, 'REPORT_ARITHMETIC', '92', '95'],
      [3, 'REPORT_ARITHMETIC', '85', '80'],
    ]);
  });

  it('every statement not checked says why, in both languages', () => {
    const why = report('unchecked-why').statements.map((s) => [s.paragraph, s.kind, s.verdict, s.why]);
    expect(why).toEqual([
      [1, 'amount', 'unchecked', UNCHECKED_WHY.statedOnce],
      [1, 'parts', 'unchecked', UNCHECKED_WHY.partsShort],
      [2, 'grade', 'unchecked', UNCHECKED_WHY.noScore],
      [3, 'score', 'unchecked', UNCHECKED_WHY.statedOnce],
      [4, 'score', 'inconsistent', undefined],
      [4, 'grade', 'unchecked', UNCHECKED_WHY.severalScores],
    ]);
    const names = readdirSync(fixturePath('reports/scope')).map((f) => f.replace(/\.txt$/, ''));
    const silent = names.flatMap((n) => report(n).statements.filter((s) => s.verdict === 'unchecked' && !(s.why?.zh && s.why.en)));
    expect(silent).toEqual([]);
  });

  it('paired lists with 各 / 分别: subjects, amounts and rates paired one to one, each pair its own statement', () => {
    const subjects = (name: string) => report(name).statements.map((s) => [s.paragraph, s.kind, s.subject, s.verdict]);
    expect(subjects('paired-lists')).toEqual([
      // 收、支总计各1250万元, then 各减少120万元，各下降8.76%: one figure given to each subject.
      [1, 'change', '收入总计', 'consistent'],
      [1, 'change', '支出总计', 'consistent'],
      // Each change is of its subject's amount stated in the sentence before.
      [2, 'change', '本年收入', 'consistent'],
      [2, 'change', '支出', 'consistent'],
      // 其中…分别为: parts of the whole before 其中, each share of it.
      [3, 'parts', '其中', 'consistent'],
      [3, 'share', '基本支出', 'consistent'],
      [3, 'share', '项目支出', 'consistent'],
      // Signs per item: 增加20.5万元、减少9.5万元，增长4.77%、下降5.97%.
      [4, 'change', '人员经费', 'consistent'],
      [4, 'change', '公用经费', 'consistent'],
      // 分别占本年收入合计的…: the whole named, the parts stated earlier.
      [5, 'share', '财政拨款收入', 'consistent'],
      [5, 'share', '其他收入', 'consistent'],
      [6, 'unpaired', '分别', 'unchecked'],
      [7, 'unpaired', '分别', 'unchecked'],
      // 基本支出500万元、项目支出300万元，分别占…: subjects with their own amounts; the whole is their sum.
      [8, 'share', '基本支出', 'consistent'],
      [8, 'share', '项目支出', 'consistent'],
      // The same after 其中: parts and shares of the whole before it.
      [9, 'parts', '其中', 'consistent'],
      [9, 'share', '基本支出', 'consistent'],
      [9, 'share', '项目支出', 'consistent'],
    ]);
    // A suffix the last subject carries for all, only where every subject can carry it.
    expect(subjectsOf('收、支总计')).toEqual(['收入总计', '支出总计']);
    expect(subjectsOf('中央和省级资金')).toEqual(['中央资金', '省级资金']);
    expect(subjectsOf('教育和卫生健康支出')).toEqual(['教育', '卫生健康支出']);
    const why = report('paired-lists').statements.filter((s) => s.kind === 'unpaired').map((s) => s.why);
    expect(why).toEqual([PAIRING_WHY.counts, PAIRING_WHY.noSubjects]);
    expect(found('paired-lists-slip')).toEqual([
      [2, 'REPORT_ARITHMETIC', '6.80', '6.50'],
      [3, 'REPORT_ARITHMETIC', '62', '60'],
      [4, 'REPORT_ARITHMETIC', '5.97', '4.66'],
      [8, 'REPORT_ARITHMETIC', '35.5', '37.5'],
      [9, 'REPORT_ARITHMETIC', '800', '810.00'],
      [9, 'REPORT_ARITHMETIC', '37.5', '38.8'],
    ]);
  });
});

describe('a list announced by …情况如下： / 明细如下：', () => {
  it('its items are the following paragraphs: numbered ones, or ones each led by an amount', () => {
    expect(read('items-as-follows')).toEqual([
      [1, 'parts', 'consistent'],
      [5, 'parts', 'consistent'],
    ]);
    // 173.06 for 163.06: the items exceed their whole; 10.5 for 20.5: a list whose last item is 其他… is all of it.
    expect(found('items-as-follows-slip')).toEqual([
      [1, 'REPORT_ARITHMETIC', '463.06', '473.06'],
      [5, 'REPORT_ARITHMETIC', '58.5', '48.50'],
    ]);
  });
});

describe('a signed 其中: a change broken down by parts that each carry their direction', () => {
  it('adds the parts with their signs when they are all of the change; a list not known complete is not read', () => {
    expect(read('signed-parts').filter(([, kind]) => kind === 'signedParts')).toEqual([
      [1, 'signedParts', 'consistent'],
      [2, 'signedParts', 'consistent'],
    ]);
    expect(found('signed-parts')).toEqual([]);
    // −30 + 190 is 160, not the 150 stated; −0 − 1.5 + 0.5 is −1.0, not the 1.2 decrease stated.
    expect(found('signed-parts-slip')).toEqual([
      [1, 'REPORT_ARITHMETIC', '150', '160.00'],
      [2, 'REPORT_ARITHMETIC', '1.2', '-1.00'],
    ]);
  });
});

describe('a share of a whole named in short (占年筹资总额的p%)', () => {
  it('is of the one total the text states with those words (共需筹集资金), before or after it', () => {
    expect(read('share-named-total')).toEqual([
      [1, 'share', 'consistent'],
      [2, 'parts', 'consistent'],
    ]);
    expect(found('share-named-total-slip')).toEqual([[1, 'REPORT_ARITHMETIC', '75', '70']]);
  });

  it('two such totals of different values: the whole is not unique, the share is not read', () => {
    expect(read('share-named-total-two').filter(([, kind]) => kind === 'share')).toEqual([]);
  });
});

describe('precision: consistent sentences of the kinds real reports carry raise nothing', () => {
  it('决算 income and spending lines, 三公, 同比, rates, counts, grades, lists across paragraphs, 元 beside 万元, rounding', () => {
    // 41 paragraphs typed in the shapes of 部门决算 and 自评 texts (own figures): shares of a third (33.33%), a sum
    // 0.01 off its parts' rounding, 亿元 beside 万元, a department's and a project's 执行率 in one text.
    const r = report('consistent-shapes');
    expect(r.findings.map((f) => [f.paragraph, f.code, f.quote])).toEqual([]);
    expect(r.statements.filter((s) => s.verdict === 'consistent').length).toBeGreaterThanOrEqual(30);
  });

  it('paired lists of other measures, rates listed with 分别, signed parts, 年初 beside 全年 budgets', () => {
    // 24 paragraphs: lists whose pairing is not a statement of ours (到位, 下达 and 支出 in one sentence), a rate
    // list's first item (执行率分别为95%、100%) never taken for the whole's rate, 年初预算 parts of the 年初 whole only.
    const r = report('consistent-shapes-2');
    expect(r.findings.map((f) => [f.paragraph, f.code, f.quote])).toEqual([]);
    expect(r.statements.filter((s) => s.verdict === 'consistent').map((s) => [s.paragraph, s.kind])).toEqual([
      [7, 'signedParts'],
      [11, 'parts'],
      [12, 'share'],
      [12, 'share'],
      [17, 'change'],
      [17, 'change'],
      [22, 'rateOf'],
      [22, 'parts'],
      [24, 'grade'],
    ]);
  });
});

describe('which table', () => {
  const withSeed003 = (name: string) =>
    checkReport(readTextReport(`${readFileSync(fixturePath('report003.txt'), 'utf8')}\n${readFileSync(fixturePath(`reports/scope/${name}.txt`), 'utf8')}`));

  it('a bare measure (全年支出, 执行数, 执行率) is of the breakdown its sentence named; a paired list’s rows are each checked', () => {
    // Eight paragraphs after seed 003's report, consistent with its table: 基本支出年初预算457.9万元，全年支出479.36万元
    // is 基本支出's spending (not the whole's 565.22); 基本支出和项目支出分别为… each against its row.
    const own = (r: ReturnType<typeof withSeed003>) => r.findings.filter((f) => f.paragraph > 90).map((f) => [f.paragraph, f.code, f.found, f.expected]);
    const r = withSeed003('department-against-table');
    expect(own(r)).toEqual([]);
    expect(r.statements.filter((s) => s.paragraph > 90 && s.against === '表1').map((s) => [s.paragraph, s.subject])).toEqual([
      [93, 'total'],
      [93, 'total'],
      [93, 'total'],
      [94, '财政拨款'],
      [94, '其他资金'],
      [95, '基本支出'],
      [95, '项目支出'],
      [96, '基本支出'],
      [96, '基本支出'],
      [96, '基本支出'],
      [97, '项目支出'],
      [97, '项目支出'],
      [97, '项目支出'],
      [97, '项目支出'],
      [98, 'total'],
      [99, '财政拨款'],
      [99, '其他资金'],
    ]);
    expect(own(withSeed003('department-against-table-slip'))).toEqual([
      [95, 'REPORT_TABLE_MISMATCH', '58.86', '85.86'],
      // With 58.86 the shares of the two amounts' sum no longer fit either: the text contradicts itself too.
      [95, 'REPORT_ARITHMETIC', '84.81', '89.06'],
      [95, 'REPORT_ARITHMETIC', '15.19', '10.94'],
      [96, 'REPORT_TABLE_MISMATCH', '497.36', '479.36'],
    ]);
  });

  it("seed 003's report beside the 16-table sample is checked against 上街区应急管理局's table only", async () => {
    const grids = await workbookGrids(await openWorkbook(readFileSync(fixturePath('../../assets/sample.xlsx'))));
    const tables = checkWorkbook(grids, {}).flatMap((s) => s.tables);
    expect(tables.length).toBe(16);
    const r = checkReport(readTextReport(readFileSync(fixturePath('report003.txt'), 'utf8')), {}, tables);
    const against = new Set(r.statements.map((s) => s.against).filter((a) => a !== null && a !== 'text'));
    expect([...against]).toEqual(['上街区应急管理局']);
    // The same two slips as against its own table: 基本支出 557.53 (the table's 479.36) and the parts over their whole.
    expect(r.findings.map((f) => [f.paragraph, f.code, f.found])).toEqual([
      [55, 'REPORT_TABLE_MISMATCH', '557.53'],
      [55, 'REPORT_ARITHMETIC', '565.22'],
    ]);
  });
});
