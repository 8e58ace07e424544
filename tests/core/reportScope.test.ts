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

  it('paired lists with 各 / 分别 are not read (their pairing is not checked yet)', () => {
    expect(read('paired-lists')).toEqual([]);
  });
});

describe('which table', () => {
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
