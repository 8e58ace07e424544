/**
 * The files Chinese offices send besides .xlsx: an .xls copy of the bundled sample (saved by LibreOffice
 * at test time) is checked and summarised through LibreOffice headless with the same findings and the
 * same sentence as the .xlsx. Skipped where LibreOffice is not installed (the message for that case is
 * tested in safety.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main';

const SAMPLE = path.resolve(__dirname, '..', '..', 'assets', 'sample.xlsx');
const soffice = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'soffice')).find((p) => {
  try {
    execFileSync(p, ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
});

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: () => undefined });
  return { code, out };
}

describe.skipIf(!soffice)('an .xls copy of the sample, through LibreOffice', () => {
  it('check and summary give what the .xlsx gives', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-xls-'));
    copyFileSync(SAMPLE, path.join(dir, 'sample.xlsx'));
    execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'xls', '--outdir', path.join(dir, 'xls'), path.join(dir, 'sample.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const xls = path.join(dir, 'xls', 'sample.xls');
    const findings = (file: string) =>
      (JSON.parse(readFileSync(file, 'utf8')) as { sheet: string; total: string; findings: { code: string; cell: string }[] }[]).map((t) => [t.sheet, t.total, t.findings.map((f) => `${f.code}@${f.cell}`)]);
    const a = await run(['check', path.join(dir, 'sample.xlsx'), '--json', path.join(dir, 'a.json')]);
    const b = await run(['check', xls, '--json', path.join(dir, 'b.json')]);
    expect(b.code).toBe(a.code);
    expect(b.out).toContain('（.xls 文件，已由 LibreOffice 转换为 .xlsx 读取）');
    expect(findings(path.join(dir, 'b.json'))).toEqual(findings(path.join(dir, 'a.json')));
    expect(findings(path.join(dir, 'a.json'))).toHaveLength(16);
    await run(['summary', path.join(dir, 'sample.xlsx'), '-o', path.join(dir, 's1.xlsx'), '--json', path.join(dir, 's1.json')]);
    await run(['summary', xls, '-o', path.join(dir, 's2.xlsx'), '--json', path.join(dir, 's2.json')]);
    const sentence = (f: string) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { sentence: unknown }).sentence;
    expect(sentence('s2.json')).toEqual(sentence('s1.json'));
  }, 240_000);
});
