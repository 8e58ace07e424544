/**
 * The README's sentences about the command line that state a number or a behaviour, each held by a test
 * named after it, run through the sources (src/cli/main) as the command line runs them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, mkdirSync, mkdtempSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { setUserWords } from '../../src/core/recognise/vocabulary';
import type { TableReport } from '../../src/core/report';
import type { CellValue } from '../../src/core/grid';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'selfeval-claims-'));
const _ = null;

async function workbook(file: string, rows: readonly (readonly CellValue[])[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  for (const row of rows) ws.addRow([...row]);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A clean table whose 分值 column is headed 核定标准, a word no entry holds (the words tests' form). */
const FORM: readonly (readonly CellValue[])[] = [
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

describe('README: exit code 1 for "a region that could not be read"', () => {
  it('a workbook whose only content is an unreadable region exits 1; a clean table exits 0', async () => {
    const dir = tmp();
    const region = await workbook(path.join(dir, 'region.xlsx'), [['项目支出绩效自评表'], ['某某项目', _, '某某单位'], ['资金', 10, 9], ['指标', '完成']]);
    const r = await run(['check', region, '--json', '-']);
    const reports = JSON.parse(r.out) as { kind?: string; findings: { code: string }[] }[];
    // Nothing but the region: no table, no error-level finding of a table.
    expect(reports.map((x) => [x.kind, x.findings.map((f) => f.code)])).toEqual([['unrecognised', ['UNRECOGNISED_REGION']]]);
    expect(r.code).toBe(1);
    const clean = await workbook(path.join(dir, 'clean.xlsx'), FORM);
    expect((await run(['check', clean])).code).toBe(0);
  });
});

describe('README: the words files are read "in this order (later ones win on the same word)"', () => {
  const saved = process.env.XDG_CONFIG_HOME;
  let config: string;
  beforeAll(() => {
    config = mkdtempSync(path.join(os.tmpdir(), 'selfeval-config-'));
    process.env.XDG_CONFIG_HOME = config;
    mkdirSync(path.join(config, 'selfeval'), { recursive: true });
  });
  afterAll(() => {
    process.env.XDG_CONFIG_HOME = saved;
    setUserWords({});
  });

  const userWords = (meaning: string) => writeFileSync(path.join(config, 'selfeval', 'words.json'), JSON.stringify({ 指标: { 核定标准: meaning } }));
  const weightRead = async (argv: string[]) => {
    const r = await run(['check', ...argv, '--json', '-']);
    const [t] = JSON.parse(r.out) as TableReport[];
    return t?.indicatorWeight ?? null;
  };

  it("the user's file, then selfeval-words.json beside the workbook, then --words: the later one's meaning is used", async () => {
    const dir = tmp();
    const file = await workbook(path.join(dir, 'form.xlsx'), FORM);
    const beside = path.join(dir, 'selfeval-words.json');
    const given = path.join(dir, 'given.json');
    // Each alone is read: 核定标准 as 分值 gives the indicators' 90 points.
    userWords('分值');
    expect(await weightRead([file])).toBe('90.00');
    // The file beside the workbook wins over the user's …
    writeFileSync(beside, JSON.stringify({ 指标: { 核定标准: '偏差原因' } }));
    expect(await weightRead([file])).toBeNull();
    userWords('偏差原因');
    writeFileSync(beside, JSON.stringify({ 指标: { 核定标准: '分值' } }));
    expect(await weightRead([file])).toBe('90.00');
    // … and --words wins over both.
    writeFileSync(given, JSON.stringify({ 指标: { 核定标准: '偏差原因' } }));
    expect(await weightRead([file, '--words', given])).toBeNull();
    writeFileSync(beside, JSON.stringify({ 指标: { 核定标准: '偏差原因' } }));
    writeFileSync(given, JSON.stringify({ 指标: { 核定标准: '分值' } }));
    expect(await weightRead([file, '--words', given])).toBe('90.00');
  });
});

describe('README: "files over 512 MB … are refused in bounded memory"', () => {
  it('a workbook of 512 MB and one byte is refused unread (a sparse file: no disk used); the next file is checked', async () => {
    const dir = tmp();
    const big = path.join(dir, 'a-big.xlsx');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 512 * 1024 * 1024 + 1);
    closeSync(fd);
    await workbook(path.join(dir, 'b-form.xlsx'), FORM);
    const before = process.memoryUsage().rss;
    const r = await run(['check', dir]);
    // Not read into memory: far less than the file's 512 MB more.
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
    expect(r.err).toContain(`${big}：文件过大（512 MB）`);
    expect(r.out).toContain('河道保洁');
    expect(r.code).toBe(2);
  });
});
