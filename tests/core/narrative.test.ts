/**
 * A report's narrative checked against its table and itself. Seed 003's narrative is labelled by hand,
 * statement by statement (every figure whose words say what it is; the rest is not read); the checks of a
 * report against itself are each tried consistent and broken; what cannot be read for sure is not read.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkReport, readTextReport, type ReportDocument } from '../../src/core/narrative';
import { findingMessage } from '../../src/core/findings';
import { readDocx } from '../../src/docx/read';
import type { Grid } from '../../src/core/grid';
import { fixturePath } from '../helpers';

const seed003 = () => readTextReport(readFileSync(fixturePath('report003.txt'), 'utf8'));

/** [paragraph, kind, subject, figure stated, verdict, finding code] — read by hand from seed 003. */
const SEED003: readonly (readonly [number, string, string, string, string, string?])[] = [
  // 三、(一) "我单位部门整体绩效评价得分为 99.5 分，自评结果为优。" — the table's 自评得分 99.5, 自评结果 优.
  [45, 'score', 'total', '99.5', 'consistent'],
  [45, 'grade', 'total', '优', 'consistent'],
  // "一级指标预算执行率：…得分为 10 分。" — the 预算情况 block's 得分 10.
  [48, 'score', '预算执行率', '10', 'consistent'],
  // "一级指标投入管理指标：总分值 30 分…总得分 29.5 分。" — Σ 分值 30, Σ 得分 29.5 (离退休人员经费变动率 0.5 of 1).
  [49, 'weight', '投入管理', '30', 'consistent'],
  [49, 'score', '投入管理', '29.5', 'consistent'],
  [50, 'weight', '可持续性', '10', 'consistent'],
  [50, 'score', '可持续性', '10', 'consistent'],
  // "一级指标产出指标：总分值 30 分，…总得分 30。" (no 分 after the score: still read)
  [51, 'weight', '产出', '30', 'consistent'],
  [51, 'score', '产出', '30', 'consistent'],
  [52, 'weight', '效益', '20', 'consistent'],
  [52, 'score', '效益', '20', 'consistent'],
  // 四、(一): "2021年部门预算资金470.64万元" is the 年初预算数; "实际到位和支出金额为565.22万元" the 全年预算数 and 执行数;
  // "预算执行率为100%" each time (the whole, 基本支出, 项目支出: 479.36/479.36, 85.86/85.86).
  [55, 'amount', 'total', '470.64', 'consistent'],
  [55, 'amount', 'total', '565.22', 'consistent'],
  [55, 'rate', 'total', '100', 'consistent'],
  [55, 'rate', '基本支出', '100', 'consistent'],
  [55, 'rate', '项目支出', '100', 'consistent'],
  // "其中：基本支出557.53万元": the table's 基本支出 row shows 479.36 (557.53 is the 财政性资金 row).
  [55, 'amount', '基本支出', '557.53', 'inconsistent', 'REPORT_TABLE_MISMATCH'],
  [55, 'amount', '项目支出', '85.86', 'consistent'],
  // …and the two parts (557.53 + 85.86 = 643.39) exceed the total they are parts of (565.22).
  [55, 'parts', '其中', '565.22', 'inconsistent', 'REPORT_ARITHMETIC'],
  // "产出指标得分为 30 分", "效益指标得分为 20 分"; the "该项得分…" sentences name no 一级指标 and are not read.
  [66, 'score', '产出', '30', 'consistent'],
  [70, 'score', '效益', '20', 'consistent'],
];

describe("seed 003's narrative, labelled by hand", () => {
  const r = checkReport(seed003());

  it('reads exactly the labelled statements, each with its verdict', () => {
    const got = r.statements.map((s) => [s.paragraph, s.kind, s.subject, s.found, s.verdict, s.finding?.code].filter((x) => x !== undefined));
    expect(got).toEqual(SEED003.map((s) => [...s]));
  });

  it('the 基本支出 sentence is REPORT_TABLE_MISMATCH naming 479.36 from the table', () => {
    const f = r.findings.find((x) => x.code === 'REPORT_TABLE_MISMATCH');
    expect(f).toMatchObject({ paragraph: 55, quote: '基本支出557.53万元', expected: '479.36', found: '557.53', severity: 'error' });
    expect(findingMessage(f!)).toBe('报告所写基本支出 557.53万元与「表1」不符：表内为 479.36万元');
    expect(findingMessage(f!, 'en')).toBe('the report states 基本支出 as 557.53 万元; "表1" shows 479.36 万元');
  });

  it('says how many statements were read and checked', () => {
    expect(r.counts).toEqual({ paragraphs: 92, statements: 21, checked: 21 });
  });

  it('its table is checked as in a workbook', () => {
    expect(r.sheets.flatMap((s) => s.tables.flatMap((t) => t.findings.map((f) => `${f.code} ${f.cell}`)))).toEqual(['QUANT_SCORE_MISMATCH H35', 'ACTUAL_NOT_NUMBER F48']);
  });

  it('a changed figure in the narrative is found, and only it', () => {
    const text = readFileSync(fixturePath('report003.txt'), 'utf8').replace('评价得分为 99.5 分，自评结果为优', '评价得分为 95.5 分，自评结果为良');
    const found = checkReport(readTextReport(text)).findings.map((f) => [f.paragraph, f.code, f.expected, f.found]);
    expect(found).toEqual([
      [45, 'REPORT_TABLE_MISMATCH', '99.50', '95.5'],
      [45, 'REPORT_TABLE_MISMATCH', '优', '良'],
      [55, 'REPORT_TABLE_MISMATCH', '479.36', '557.53'],
      [55, 'REPORT_ARITHMETIC', '643.39', '565.22'],
    ]);
  });
});

const doc = (...paragraphs: string[]): ReportDocument => ({ paragraphs: paragraphs.map((text, i) => ({ index: i + 1, text })), tables: [] });
const verdicts = (...paragraphs: string[]) => checkReport(doc(...paragraphs)).statements.map((s) => [s.kind, s.verdict, s.finding?.expected ?? null]);
/** Only the rate checks. */
const rates = (text: string) => verdicts(text).filter((v) => v[0] === 'rateOf');

describe('a report against itself', () => {
  it('parts against their stated total, and their shares (部门决算)', () => {
    const ok = '本年支出合计4880.31万元。其中：基本支出2664.08万元，占支出合计的54.59%；项目支出2216.23万元，占支出合计的45.41%。';
    expect(verdicts(ok)).toEqual([
      ['share', 'consistent', null],
      ['share', 'consistent', null],
      ['parts', 'consistent', null],
    ]);
    expect(verdicts(ok.replace('2216.23', '2226.23').replace('45.41', '45.62'))).toEqual([
      ['share', 'consistent', null],
      ['share', 'consistent', null],
      ['parts', 'inconsistent', '4890.31'],
    ]);
    expect(verdicts(ok.replace('54.59%', '55.59%'))).toEqual([
      ['share', 'inconsistent', '54.59'],
      ['share', 'consistent', null],
      ['parts', 'consistent', null],
    ]);
  });

  it('a partial list (not 基本/项目, no 其他, no shares) is only wrong when its parts exceed the total', () => {
    expect(verdicts('本年收入合计500万元，其中：财政拨款收入300万元；事业收入100万元。')).toEqual([['parts', 'unchecked', null]]);
    expect(verdicts('本年收入合计500万元，其中：财政拨款收入300万元；事业收入300万元。')).toEqual([['parts', 'inconsistent', '600.00']]);
  });

  it('a change and its percent', () => {
    expect(verdicts('因公出国（境）费用决算2.01万元，比年初预算增加1万元，增长99%。')).toEqual([['change', 'consistent', null]]);
    expect(verdicts('公务接待费决算3万元，比上年减少1万元，下降25%。')).toEqual([['change', 'consistent', null]]);
    expect(verdicts('公务接待费决算3万元，比上年减少1万元，下降33%。')).toEqual([['change', 'inconsistent', '25']]);
    // The two words disagree: not read.
    expect(verdicts('公务接待费决算3万元，比上年减少1万元，增长33%。')).toEqual([]);
  });

  it('a rate from its budget and spending; an over-spent budget may show 100%', () => {
    // Without a table, the rate is kept to be compared with a later statement of it; the amounts are not
    // (a report on several projects states each one's).
    expect(verdicts('全年预算数14.28万元，全年执行数11.59万元，预算执行率为81.16%。')).toEqual([
      ['rate', 'unchecked', null],
      ['rateOf', 'consistent', null],
    ]);
    expect(rates('全年预算数14.28万元，全年执行数11.59万元，预算执行率为81.16%。')).toEqual([['rateOf', 'consistent', null]]);
    expect(rates('全年预算数14.28万元，全年执行数11.59万元，预算执行率为85%。')).toEqual([['rateOf', 'inconsistent', '81']]);
    expect(rates('年初预算数12万元，全年预算数14.28万元，全年执行数11.59万元，执行率为81.16%。')).toEqual([['rateOf', 'consistent', null]]);
    expect(rates('年初预算数12万元，全年预算数14.28万元，全年执行数11.59万元，执行率为96.58%。')).toEqual([['rateOf', 'inconsistent', '81.16']]);
    expect(rates('全年预算数10万元，全年执行数10.5万元，预算执行率为100%。')).toEqual([['rateOf', 'consistent', null]]);
  });

  it('the same figure stated twice', () => {
    expect(verdicts('部门整体绩效评价得分为98分。', '综上，部门整体绩效评价得分为96分。')).toEqual([
      ['score', 'unchecked', null],
      ['score', 'inconsistent', '98'],
    ]);
    expect(verdicts('部门整体绩效评价得分为98分。', '综上，部门整体绩效评价得分为98.00分。')).toEqual([
      ['score', 'unchecked', null],
      ['score', 'consistent', null],
    ]);
  });

  it('部门决算 wording: lists with their shares, changes of the 三公 funds', () => {
    expect(verdicts('本年收入合计1000万元，其中：财政拨款收入900万元，占90%；事业收入50万元，占5%；其他收入50万元，占5%。')).toEqual([
      ['share', 'consistent', null],
      ['share', 'consistent', null],
      ['share', 'consistent', null],
      ['parts', 'consistent', null],
    ]);
    expect(verdicts('本年收入合计1000万元，其中：财政拨款收入900万元；事业收入50万元；其他收入40万元。')).toEqual([['parts', 'inconsistent', '990.00']]);
    expect(verdicts('公务接待费支出决算为2万元，比上年减少0.5万元，下降20%。')).toEqual([['change', 'consistent', null]]);
    expect(verdicts('公务用车运行维护费0.8万元，比上年增加0.3万元，增长60%。')).toEqual([['change', 'consistent', null]]);
    // A share of something else than the list's total is not read as one.
    expect(verdicts('本年支出合计1000万元，其中：基本支出800万元，占年初预算的70%；项目支出200万元。')).toEqual([['parts', 'consistent', null]]);
    // A rate or a share between the amount and its change is of the same subject: the change is still the amount's.
    expect(verdicts('“三公”经费支出决算为10万元，完成预算的80%，比上年减少2万元，下降16.67%。')).toEqual([['change', 'consistent', null]]);
    expect(verdicts('“三公”经费支出决算为10万元，完成预算的80%，比上年减少2万元，下降20%。')).toEqual([['change', 'inconsistent', '17']]);
  });

  it('a list nested in a list: each only checked not to exceed its whole', () => {
    expect(verdicts('支出合计100万元，其中：基本支出60万元，其中人员经费50万元；项目支出40万元。')).toEqual([
      ['parts', 'unchecked', null],
      ['parts', 'unchecked', null],
    ]);
  });

  it('does not read what it cannot be sure of', () => {
    // approximate figures, words, nested lists, figures named by something else, scores of "该项".
    expect(
      verdicts(
        '涉及资金约6260.7468万元，罚款38.9万元。',
        '调查率和质检率均达到百分之百。',
        '根据评价标准，该项得分为29.5分。',
        '全区共检查各类生产经营单位5000余家次，整改率100%。',
        '社会效益良好，受益人群满意度100%。',
      ),
    ).toEqual([]);
  });
});

describe('a report against its tables', () => {
  const withTables = async (file: string, ...paragraphs: string[]) => {
    const { tables } = await readDocx(readFileSync(fixturePath(`reports/${file}`)));
    return { ...doc(...paragraphs), tables };
  };
  const read = (d: ReportDocument) => checkReport(d).statements.map((s) => [s.kind, s.subject, s.verdict, s.against, s.finding?.expected ?? null]);

  it("a figure named after its project is checked against that project's table, or not read", async () => {
    const d = await withTables(
      'report001.docx',
      '2019年市级综合考核奖励经费项目预算执行率为100%，2020年市级综合考核奖励经费项目全年执行数11.59万元。',
      '2020年市级综合考核奖励经费项目自评得分为85分。',
      '安全生产宣传培训项目预算执行率为50%。',
    );
    expect(read(d)).toEqual([
      ['rate', 'total', 'consistent', '表1', null],
      ['amount', 'total', 'consistent', '表2', null],
      ['score', 'total', 'inconsistent', '表2', '82.24'],
    ]);
  });

  it("a figure of another year than the report's is not compared; nor a figure of the whole after 其中", async () => {
    const d = await withTables(
      'merged.docx',
      '2021年度示例合并单元格项目绩效自评报告',
      '2020年预算资金80万元。2021年预算资金100万元。',
      '其中：财政拨款100万元，执行80万元。',
    );
    expect(read(d)).toEqual([
      ['amount', 'total', 'unchecked', null, null],
      ['amount', 'total', 'consistent', '表1', null],
      // The one part named (执行80万元 only says what is measured) does not exceed the whole it follows.
      ['parts', '其中', 'consistent', 'text', null],
      ['amount', '财政拨款', 'consistent', '表1', null],
    ]);
  });

  it("a department's whole is not a project table's total", async () => {
    const d = await withTables('merged.docx', '部门预算资金500万元，项目预算资金100万元。', '部门整体绩效评价得分为95分。');
    // Read, and kept to be compared with the same figure stated again; not checked against the project's table.
    expect(read(d)).toEqual([
      ['amount', '部门预算资金', 'unchecked', null, null],
      ['amount', 'total', 'consistent', '表1', null],
      ['score', '总分', 'unchecked', null, null],
    ]);
  });

  it('a label before a colon: 评价得分：99分', async () => {
    const d = await withTables('merged.docx', '自评得分：99分；评价等级：优。', '自评得分：95分。');
    expect(read(d)).toEqual([
      ['score', 'total', 'consistent', '表1', null],
      ['grade', 'total', 'consistent', '表1', null],
      ['score', 'total', 'inconsistent', '表1', '99.00'],
    ]);
  });

  it('a 其中 with no colon, a list ending in 其他', () => {
    expect(verdicts('全年执行数100万元，其中财政拨款60万元，其他资金40万元。')).toEqual([['parts', 'consistent', null]]);
    expect(verdicts('全年执行数100万元，其中财政拨款60万元，其他资金30万元。')).toEqual([['parts', 'inconsistent', '90.00']]);
  });

  it('a table in 元 against a narrative in 万元, every digit kept', async () => {
    const d = await withTables('merged.docx', '项目年度资金总额100万元，全年执行数90万元。', '全年执行数90.01万元。');
    const [g] = d.tables as Grid[];
    const values = g!.values.map((r) => [...r]);
    values[2]![0] = '项目资金（元）';
    for (const row of [3, 4]) values[row]!.splice(2, 3, '1000000', '1000000', '900049');
    const inYuan: ReportDocument = { ...d, tables: [{ ...g!, values }] };
    expect(read(inYuan)).toEqual([
      ['amount', 'total', 'consistent', '表1', null],
      ['amount', 'total', 'consistent', '表1', null],
      ['amount', 'total', 'inconsistent', '表1', '90.00'],
    ]);
  });
});
