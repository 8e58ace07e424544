/**
 * The command line, end to end on real files: output, --json, --out, exit codes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCli } from '../cliBuild';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { fixturePath } from '../helpers';
import type { TableReport } from '../../src/core/report';

// These tests run bin/selfeval.js, i.e. dist/: rebuilt first when older than the sources.
beforeAll(ensureCli, 180_000);

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'selfeval-'));
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('selfeval check', () => {
  it('prints each table with its recomputed figures and findings, exit 1 on an error-level finding', async () => {
    const r = await run(['check', fixturePath('seed002.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[风险防控治理] A1:I21  风险防控治理');
    expect(r.out).toContain('执行率 100.18%  执行率得分 10.00  总分 110.00（表内 100.00）  等级 —（表内 优）');
    expect(r.out).toMatch(/✗ G20 +WEIGHT_SUM_NOT_100 +各项分值（含执行率分值）合计为 110.00，应为 100/);
    expect(r.out).toMatch(/⚠ E6 +OVER_EXECUTION/);
    expect(r.out).toContain('共 10 张表：错误 6，警告 24，提示 10');
  });

  it('exit 0 when there is no error-level finding; English on request', async () => {
    const r = await run(['check', fixturePath('seed000.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('rate 95.82%  rate score 9.58  total 99.58  grade excellent (优)');
    expect(r.out).toContain('11 table(s): 0 error(s), 1 warning(s), 12 info');
  });

  it('--json writes the SPEC §5 report: one object per table, with its file as given', async () => {
    const dir = tmp();
    const json = path.join(dir, 'report.json');
    await run(['check', fixturePath('seed002.xlsx'), fixturePath('seed003.xlsx'), '--json', json]);
    const report = JSON.parse(readFileSync(json, 'utf8')) as TableReport[];
    expect(report).toHaveLength(11);
    const t = report.find((x) => x.project === '残保金抚恤金专项')!;
    expect(t).toMatchObject({
      file: fixturePath('seed002.xlsx'), sheet: '残保金抚恤金专项', range: 'A1:I22', kind: 'project',
      department: '上海市闵行区吴泾镇人民政府(汇总)', implementer: '上海市闵行区吴泾镇城市运行管理中心', unit: '万元',
      budget: '3.52', executed: '3.52', executionRate: '100.00', executionScore: '10.00',
      indicatorWeight: '90.00', indicatorScore: '90.00', total: '100.00', grade: '优', shownTotal: '100.00', shownGrade: '优',
    });
    expect(t.findings[0]).toEqual({
      code: 'FUND_SPLIT_MISMATCH', severity: 'error', cell: 'D6', expected: '3.53', found: '3.52',
      message: '全年预算数：分项合计为 3.53 万元，与资金总额 3.52 万元不符',
    });
    expect(report.find((x) => x.kind === 'department')).toMatchObject({ file: fixturePath('seed003.xlsx'), total: '99.50', shownTotal: '99.50', grade: '优' });
  });

  it('--json - prints the report alone on standard output', async () => {
    const r = await run(['check', fixturePath('seed003.xlsx'), '--json', '-']);
    const report = JSON.parse(r.out) as TableReport[];
    expect(report.map((t) => [t.project, t.total, t.findings.length])).toEqual([['上街区应急管理局', '99.50', 2]]);
  });

  it('--out writes an annotated copy under the same name and leaves the input untouched', async () => {
    const dir = tmp();
    const input = path.join(dir, 'in.xlsx');
    copyFileSync(fixturePath('seed001-excerpt.xlsx'), input);
    const before = sha(input);
    const out = path.join(dir, 'checked');
    const r = await run(['check', input, '--out', out]);
    expect(r.code).toBe(0);
    expect(sha(input)).toBe(before);
    expect(existsSync(path.join(out, 'in.xlsx'))).toBe(true);
    const again = await run(['check', path.join(out, 'in.xlsx')]);
    expect(again.out.replace(/^.*\n/, '')).toBe(r.out.replace(/^.*\n/, ''));
  });

  it('refuses an --out folder that would overwrite the input', async () => {
    const dir = tmp();
    const input = path.join(dir, 'a.xlsx');
    copyFileSync(fixturePath('seed000.xlsx'), input);
    const before = sha(input);
    const r = await run(['check', input, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, 'a.xlsx')}：这是要读取的文件本身，写出会覆盖它；请换一个输出位置`);
    expect(r.err).toContain('未写出任何文件。');
    expect(sha(input)).toBe(before);
  });

  it('exit 2 for a file that cannot be read, named in the message; the other files are still checked', async () => {
    const dir = tmp();
    const broken = path.join(dir, '坏文件.xlsx');
    writeFileSync(broken, 'this is not a zip');
    const r = await run(['check', broken, fixturePath('seed003.xlsx'), path.join(dir, 'missing.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${broken}：不是 Excel 工作簿（.xlsx / .xlsm）`);
    expect(r.err).toContain(`${path.join(dir, 'missing.xlsx')}：找不到该文件或文件夹`);
    expect(r.out).toContain('2 个文件无法读取');
    expect(r.out).toContain('[上街区应急管理局]');
  });

  it('checks every workbook of a folder, recursively', async () => {
    const dir = tmp();
    copyFileSync(fixturePath('seed000.xlsx'), path.join(dir, 'a.xlsx'));
    copyFileSync(fixturePath('seed003.xlsx'), path.join(dir, 'b.xlsx'));
    const r = await run(['check', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('共 12 张表');
  });

  it('usage errors exit 2 with the help', async () => {
    const r = await run(['check']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法');
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['check', 'x.xlsx', '--lang', 'fr'])).code).toBe(2);
  });
});

describe('selfeval clear', () => {
  it('restores a checked copy to the original cells', async () => {
    const dir = tmp();
    const checked = path.join(dir, 'checked');
    const cleared = path.join(dir, 'cleared');
    await run(['check', fixturePath('seed002.xlsx'), '--out', checked]);
    const r = await run(['clear', path.join(checked, 'seed002.xlsx'), '--out', cleared]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已清除 10 个工作表的标记');
    const a = await run(['check', fixturePath('seed002.xlsx'), '--json', path.join(dir, 'a.json')]);
    const b = await run(['check', path.join(cleared, 'seed002.xlsx'), '--json', path.join(dir, 'b.json')]);
    expect(b.code).toBe(a.code);
    const withoutFile = (f: string) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as TableReport[]).map(({ file: _file, ...rest }) => rest);
    expect(withoutFile('b.json')).toEqual(withoutFile('a.json'));
  });
});

describe('the installed command', () => {
  it('runs as bin/selfeval.js (what `npx selfeval` calls)', () => {
    const root = path.resolve(__dirname, '..', '..');
    let code = 0;
    let out = '';
    try {
      out = execFileSync(process.execPath, [path.join(root, 'bin', 'selfeval.js'), 'check', fixturePath('seed000.xlsx')], { encoding: 'utf8' });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(0);
    expect(out).toContain('共 11 张表');
  });
});

describe('npm run demo (the README\'s first command)', () => {
  it('checks the bundled sample into out/demo: the annotated copy, the JSON report, the summary, named as typed', async () => {
    const root = path.resolve(__dirname, '..', '..');
    const r = await run(['demo']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('共 16 张表');
    for (const f of ['sample.xlsx', 'report.json', 'summary.xlsx', 'summary.json']) expect(existsSync(path.join(root, 'out', 'demo', f))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(root, 'out', 'demo', 'report.json'), 'utf8')) as TableReport[];
    expect(report).toHaveLength(16);
    // Run from the project (as npm runs it), the sample is "assets/sample.xlsx", not an absolute path.
    expect(process.cwd()).toBe(root);
    expect(new Set(report.map((t) => t.file))).toEqual(new Set(['assets/sample.xlsx']));
  });
});
