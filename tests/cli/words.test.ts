/**
 * Words a user adds without code, through the command line as a user runs it: a selfeval-words.json beside
 * the workbooks, the user's own words file, --words FILE, and a malformed file said clearly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { setUserWords } from '../../src/core/recognise/vocabulary';
import type { TableReport } from '../../src/core/report';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

const _ = null;
/** A form whose 分值 column is headed 核定标准: no entry holds it and its head word is no 分值's. */
const ROWS = [
  ['项目支出绩效自评表'],
  ['项目名称', '河道保洁'],
  ['项目资金（万元）', _, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [_, '年度资金总额', 100, 100, 95, 10, '95%', 9.5],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '核定标准', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '保洁河道长度', '≥30公里', '30公里', 50, 50],
  ['效益指标', '生态效益指标', '水质达标率', '≥90%', '92%', 30, 30],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10, 10],
  ['总分', _, _, _, _, 100, 99.5],
];

async function workbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  for (const row of ROWS) ws.addRow(row);
  const file = path.join(dir, 'form.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const report = async (argv: string[]) => {
  const r = await run(argv);
  return { ...r, tables: r.code === 2 ? [] : (JSON.parse(r.out) as TableReport[]) };
};

describe('selfeval check with words a user added', () => {
  const saved = process.env.XDG_CONFIG_HOME;
  let config: string;
  beforeAll(() => {
    config = mkdtempSync(path.join(os.tmpdir(), 'selfeval-config-'));
    process.env.XDG_CONFIG_HOME = config;
  });
  afterAll(() => {
    process.env.XDG_CONFIG_HOME = saved;
    setUserWords({});
  });

  it('without the words the column is named as unread and the weights go unchecked; with them it is read', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-words-'));
    const file = await workbook(dir);
    const before = await report(['check', file, '--json', '-']);
    expect(before.tables[0]!.columns.unread).toEqual(['F5 核定标准']);
    expect(before.tables[0]!.indicatorWeight).toBeNull();

    writeFileSync(path.join(dir, 'selfeval-words.json'), JSON.stringify({ 指标: { 核定标准: '分值' } }));
    const after = await report(['check', file, '--json', '-']);
    expect(after.code).toBe(0);
    expect(after.tables[0]).toMatchObject({ indicatorWeight: '90.00', total: '99.50', grade: '优', columns: { unread: [] } });
    expect(after.tables[0]!.columns.indicators.weight).toBe('F');
  });

  it("the user's own file and --words are read too", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-words-'));
    const file = await workbook(dir);
    mkdirSync(path.join(config, 'selfeval'), { recursive: true });
    writeFileSync(path.join(config, 'selfeval', 'words.json'), JSON.stringify({ indicators: { 核定标准: 'weight' } }));
    expect((await report(['check', file, '--json', '-'])).tables[0]!.indicatorWeight).toBe('90.00');
    writeFileSync(path.join(config, 'selfeval', 'words.json'), '{}');
    const words = path.join(dir, 'mine.json');
    writeFileSync(words, JSON.stringify({ 指标: { 核定标准: '分值' } }));
    expect((await report(['check', file, '--json', '-', '--words', words])).tables[0]!.indicatorWeight).toBe('90.00');
  });

  it('a malformed entry stops the run with a message naming the file, the entry and what is allowed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-words-'));
    const file = await workbook(dir);
    const words = path.join(dir, 'selfeval-words.json');
    writeFileSync(words, JSON.stringify({ 指标: { 核定标准: '权数' } }));
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`词表 ${words} “指标 › 核定标准”：未知的含义，可用：`);
    expect(r.err).toContain('分值');
    writeFileSync(words, '{ "指标": { "核定标准": "分值", } }');
    const en = await run(['check', file, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/Vocabulary .*selfeval-words\.json is not valid JSON/);
    writeFileSync(words, '{}');
    const missing = await run(['check', file, '--words', path.join(dir, 'nope.json')]);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('无法读取词表')]);
  });
});
