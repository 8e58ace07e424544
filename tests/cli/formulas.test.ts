/**
 * 填写计算值 over formula cells, on a real table (seed002 巡查员工作经费) given formulas as clerks write
 * them: the sub-rows' 执行率 as one shared formula whose master is the 合计 row's cell (G6:G7, =E6/D6*100,
 * with a wrong cached result on G6), and the 总分 as a formula with a stale result. The plan says "公式"
 * and what each holds; the cells sharing the master keep a formula of their own (LibreOffice computes
 * them); 撤销填写 puts the formulas back, not constants.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { openWorkbook } from '../../src/xlsx/read';
import { withFormulas } from '../xlsx/formulaBook';
import { sofficePath } from '../print/pdf';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

const soffice = sofficePath;

async function sheetXml(file: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(file))).file('xl/worksheets/sheet1.xml')!.async('string');
}

const cellXml = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*(/>|>.*?</c>)`).exec(xml)?.[0];

describe('填写计算值 over formulas', () => {
  it('says "公式" in the plan, keeps the shared formula whole, and 撤销填写 puts the formulas back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-formulas-'));
    const input = path.join(dir, 'in', '吴泾镇.xlsx');
    mkdirSync(path.dirname(input));
    writeFileSync(input, await withFormulas());

    const r = await run(['fill', input, '--out', path.join(dir, 'filled')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\[巡查员工作经费\] G6 +巡查员工作经费 执行率：公式 =E6\/D6\*100（结果 50\.0） → 100\.0\n/);
    expect(r.out).toMatch(/\[巡查员工作经费\] H21 +巡查员工作经费 总分：公式 =H6\+SUM\(H12:H20\)（结果 90\.00） → 99\.00\n/);

    const filled = path.join(dir, 'filled', '吴泾镇.xlsx');
    const xml = await sheetXml(filled);
    // G6 holds the computed value; G7 keeps its formula as its own (and its result), not a dangling share.
    expect(cellXml(xml, 'G6')).toBe('<c r="G6" s="6"><v>100</v></c>');
    expect(cellXml(xml, 'G7')).toBe('<c r="G7" s="6"><f>E7/D7*100</f><v>100</v></c>');
    expect(xml).not.toContain('t="shared"');

    const undone = await run(['fill', '--undo', filled, '--out', path.join(dir, 'undone')]);
    expect(undone.out).toMatch(/已撤销填写，2 个单元格恢复为填写前的内容/);
    const back = await sheetXml(path.join(dir, 'undone', '吴泾镇.xlsx'));
    expect(cellXml(back, 'G6')).toBe('<c r="G6" s="6"><f>E6/D6*100</f><v>50</v></c>');
    expect(cellXml(back, 'H21')).toBe('<c r="H21" s="4"><f>H6+SUM(H12:H20)</f><v>90</v></c>');
    expect(cellXml(back, 'G7')).toBe('<c r="G7" s="6"><f>E7/D7*100</f><v>100</v></c>');
    // The reader sees the formulas again.
    const s = await (await openWorkbook(readFileSync(path.join(dir, 'undone', '吴泾镇.xlsx')))).readSheet('巡查员工作经费');
    expect([s.formulas.get('G6'), s.formulas.get('G7'), s.formulas.get('H21')]).toEqual(['=E6/D6*100', '=E7/D7*100', '=H6+SUM(H12:H20)']);
  });

  it.skipIf(!soffice)('LibreOffice computes every formula of the filled copy and of the undone one (none left blank)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-formulas-lo-'));
    const input = path.join(dir, 'in.xlsx');
    // Without cached results, so that what LibreOffice shows is what it computed.
    const zip = await JSZip.loadAsync(await withFormulas());
    const part = 'xl/worksheets/sheet1.xml';
    zip.file(part, (await zip.file(part)!.async('string')).replace('<f t="shared" si="0"/><v>100</v>', '<f t="shared" si="0"/>'));
    writeFileSync(input, await zip.generateAsync({ type: 'uint8array' }));
    await run(['fill', input, '--out', path.join(dir, 'filled')]);
    await run(['fill', '--undo', path.join(dir, 'filled', 'in.xlsx'), '--out', path.join(dir, 'undone')]);
    const shown = (file: string) => {
      const out = path.join(dir, `csv-${path.basename(path.dirname(file))}`);
      execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'csv', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
      return readFileSync(path.join(out, 'in.csv'), 'utf8').split('\n').map((l) => l.split(','));
    };
    const filled = shown(path.join(dir, 'filled', 'in.xlsx'));
    // G7 had no cached result: the 100 is LibreOffice's own computation of its formula E7/D7*100.
    expect([filled[5]![6], filled[6]![6], filled[20]![7]]).toEqual(['100', '100', '99']);
    const undone = shown(path.join(dir, 'undone', 'in.xlsx'));
    // G7 still computed; G6 and H21 are formulas again, shown by their results from before the fill.
    expect([undone[5]![6], undone[6]![6], undone[20]![7]]).toEqual(['50', '100', '90']);
  });
});
