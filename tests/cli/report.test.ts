/**
 * Reports on the command line: `selfeval check REPORT.docx` (text and --json, which lists every statement
 * read with its verdict), .doc and .wps through LibreOffice, plain text, broken documents said so, and
 * `selfeval summary` over a folder holding reports and workbooks.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { findSoffice } from '../../src/cli/convert';
import { fixturePath } from '../helpers';
import type { NarrativeEntry } from '../../src/cli/document';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

const hasSoffice = Boolean(await findSoffice());
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'selfeval-report-'));
const report = (name: string) => fixturePath(`reports/${name}`);

describe('selfeval check on a report', () => {
  it('prints the tables, then the narrative: how many statements were read and checked, and each contradiction', async () => {
    const r = await run(['check', report('report003.docx')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[表1] A1:I61  上街区应急管理局');
    expect(r.out).toContain('报告正文：92 段，读到 21 处数字陈述，核对 21 处，不符 2 处');
    expect(r.out).toContain('核对所用表格：表1');
    expect(r.out).toMatch(/✗ 第55段 +REPORT_TABLE_MISMATCH +「基本支出557\.53万元」 报告所写基本支出 557\.53万元与「表1」不符：表内为 479\.36万元/);
    expect(r.out).toContain('共 1 张表：错误 2，警告 2，提示 0');
  });

  it('--json: the tables as a workbook\'s entries, then one narrative entry listing every statement read', async () => {
    const r = await run(['check', report('report003.docx'), '--json', '-']);
    const entries = JSON.parse(r.out) as ({ kind: string } & Record<string, unknown>)[];
    expect(entries.map((e) => e.kind)).toEqual(['department', 'narrative']);
    const n = entries[1] as unknown as NarrativeEntry;
    expect(n).toMatchObject({ file: report('report003.docx'), paragraphs: 92, statementsRead: 21, statementsChecked: 21, checkedAgainst: ['表1'] });
    expect(n.statements).toHaveLength(21);
    expect(n.statements.filter((s) => s.verdict === 'consistent')).toHaveLength(19);
    expect(n.statements.find((s) => s.code === 'REPORT_TABLE_MISMATCH')).toEqual({
      paragraph: 55,
      quote: '基本支出557.53万元',
      kind: 'amount',
      subject: '基本支出',
      found: '557.53',
      verdict: 'inconsistent',
      against: '表1',
      code: 'REPORT_TABLE_MISMATCH',
      expected: '479.36',
      message: '报告所写基本支出 557.53万元与「表1」不符：表内为 479.36万元',
    });
    expect(n.findings.map((f) => [f.code, f.severity, f.paragraph, f.expected, f.found])).toEqual([
      ['REPORT_TABLE_MISMATCH', 'error', 55, '479.36', '557.53'],
      ['REPORT_ARITHMETIC', 'error', 55, '643.39', '565.22'],
    ]);
  });

  it('--json: a statement not checked says why, in Chinese and English', async () => {
    const r = await run(['check', fixturePath('reports/scope/unchecked-why.txt'), '--json', '-']);
    const entries = JSON.parse(r.out) as ({ kind: string } & Record<string, unknown>)[];
    const n = entries.find((e) => e.kind === 'narrative') as unknown as NarrativeEntry;
    const grade = n.statements.find((s) => s.kind === 'grade' && s.paragraph === 2);
    expect(grade).toMatchObject({ verdict: 'unchecked', why: { zh: '文中未写总分，无从核对等级', en: 'no total score stated to grade' } });
    expect(n.statements.filter((s) => s.verdict === 'unchecked' && !s.why)).toEqual([]);
    expect(n.statements.filter((s) => s.verdict !== 'unchecked' && s.why)).toEqual([]);
  });

  it('reads a plain-text report (the seed as it is) as the .docx', async () => {
    const r = await run(['check', fixturePath('report003.txt')]);
    expect(r.out).toContain('报告正文：92 段，读到 21 处数字陈述，核对 21 处，不符 2 处');
  });

  it('broken documents get a clear message each, the others are checked, exit 2', async () => {
    const r = await run(['check', report('not-a-zip.docx'), report('no-document.docx'), report('bomb.docx'), report('merged.docx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not-a-zip.docx：不是 Word 文档（.docx）');
    expect(r.err).toContain('no-document.docx：文档包中没有正文部分');
    expect(r.err).toMatch(/bomb\.docx：.*解压后过大.*压缩炸弹/);
    expect(r.out).toContain('示例合并单元格项目');
    expect(r.out).toContain('3 个文件无法读取');
  });

  // Skipped (and said so) where LibreOffice is not installed: the conversion cannot run.
  it.skipIf(!hasSoffice)('.doc and .wps are converted by LibreOffice and read as the .docx', async () => {
    const dir = tmp();
    copyFileSync(report('report003.doc'), path.join(dir, 'report003.wps'));
    const r = await run(['check', report('report003.doc'), path.join(dir, 'report003.wps')]);
    expect(r.out).toContain('（.doc 文件，已由 LibreOffice 转换为 .docx 读取）');
    expect(r.out).toContain('（.wps 文件，已由 LibreOffice 转换为 .docx 读取）');
    expect(r.out.match(/报告正文：92 段，读到 21 处数字陈述，核对 21 处，不符 2 处/g)).toHaveLength(2);
  }, 240_000);
});

describe('selfeval summary over reports and workbooks', () => {
  it('counts the tables of the reports in a folder with the workbooks', async () => {
    const dir = tmp();
    copyFileSync(report('report001.docx'), path.join(dir, 'report001.docx'));
    copyFileSync(fixturePath('seed000.xlsx'), path.join(dir, 'seed000.xlsx'));
    const out = path.join(tmp(), 'summary.xlsx');
    const json = path.join(path.dirname(out), 'summary.json');
    const r = await run(['summary', dir, '-o', out, '--json', json]);
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(json, 'utf8')) as { tables: { file: string; sheet: string; project: string }[] };
    const fromReport = s.tables.filter((x) => x.file.endsWith('report001.docx'));
    expect(fromReport.map((x) => [x.sheet, x.project])).toEqual([
      ['表1', '2019年市级综合考核奖励经费'],
      ['表2', '2020年市级综合考核奖励经费'],
    ]);
    expect(s.tables.filter((x) => x.file.endsWith('seed000.xlsx')).length).toBeGreaterThan(0);
  });
});
