/**
 * `selfeval summary` over folders of real workbooks, broken ones among them.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { fixturePath } from '../helpers';
import { exceljs } from '../xlsx/pkg';
import { SUMMARY_SHEET } from '../../src/core/summary';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

async function sheetValues(file: string): Promise<unknown[][]> {
  const wb = await exceljs(readFileSync(file));
  const ws = wb.getWorksheet(SUMMARY_SHEET)!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

describe('selfeval summary', () => {
  it('recurses into folders; a corrupt file, an empty workbook and one with no table are listed; exit 2 for the one it could not read', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'summary-'));
    mkdirSync(path.join(dir, '区县', '闵行'), { recursive: true });
    copyFileSync(fixturePath('seed002.xlsx'), path.join(dir, '区县', '闵行', '吴泾镇.xlsx'));
    copyFileSync(fixturePath('seed003.xlsx'), path.join(dir, '上街区.xlsx'));
    writeFileSync(path.join(dir, '损坏.xlsx'), 'PK\u0003\u0004 truncated');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    await empty.xlsx.writeFile(path.join(dir, '空白.xlsx'));
    const other = new ExcelJS.Workbook();
    other.addWorksheet('通讯录').addRow(['姓名', '电话']);
    await other.xlsx.writeFile(path.join(dir, '通讯录.xlsx'));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a workbook, not an .xlsx: skipped');

    const out = path.join(dir, 'out', 'summary.xlsx');
    const json = path.join(dir, 'out', 'summary.json');
    const r = await run(['summary', dir, '-o', out, '--json', json]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${path.join(dir, '损坏.xlsx')}：工作簿已损坏，无法读取`);
    // Wujing's 10 projects (two of 110 points: 未评级); Shangjie's department-wide table apart.
    expect(r.out).toContain('单位自评项目10个，涉及金额834.29万元，评价得分在90（含）-100分的8个、在80（含）-90分的0个、在60（含）-80分的0个、60分以下的0个、未评级的2个。');
    expect(r.out).toContain('部门整体自评1个，涉及金额565.22万元（优1个），不计入项目数。');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.tables).toHaveLength(11);
    expect(report.tables[0]).toMatchObject({ file: path.join(dir, '上街区.xlsx'), project: '上街区应急管理局', errors: 0, warnings: 2 });
    expect(report.distribution.recomputed['优']).toEqual({ count: 8, amount: '802.02' });
    expect(report.distribution.recomputed['未评级']).toEqual({ count: 2, amount: '32.27' });
    expect(report.departments.count).toBe(1);
    const byName = Object.fromEntries(report.workbooks.map((w: { file: string; status: string }) => [path.basename(w.file), w.status]));
    expect(byName).toEqual({ '上街区.xlsx': 'ok', '损坏.xlsx': 'unreadable', '空白.xlsx': 'empty', '通讯录.xlsx': 'noTables', '吴泾镇.xlsx': 'ok' });

    const rows = await sheetValues(out);
    const flat = rows.flat().map((v) => (v && typeof v === 'object' && 'text' in (v as object) ? (v as { text: string }).text : v));
    expect(flat).toContain('未能汇总的工作簿');
    // Each workbook on a line of its own over the printed width: its path, then why.
    const line = (end: string) => flat.some((v) => typeof v === 'string' && v.includes(end));
    expect(['损坏.xlsx：无法读取', '空白.xlsx：空工作簿', '通讯录.xlsx：未找到绩效自评表'].filter((end) => !line(end))).toEqual([]);
  });

  it('prints a progress line on long runs', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'summary-many-'));
    for (let i = 0; i < 24; i++) copyFileSync(fixturePath('seed003.xlsx'), path.join(dir, `单位${String(i).padStart(2, '0')}.xlsx`));
    const r = await run(['summary', dir, '-o', path.join(dir, 's.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/已读取 24\/24 个工作簿/);
    // 24 copies of one table: counted once.
    expect(r.out).toContain('部门整体自评1个');
    expect(r.out).toContain('另有 23 张表与前面的表相同（项目名称和金额一致），只计一次，已在汇总表备注中标出。');
  });

  it('the same workbooks twice give the same summary sheet; links point at the tables', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'summary-twice-'));
    const files = [fixturePath('seed001-excerpt-stacked.xlsx'), fixturePath('seed000.xlsx')];
    await run(['summary', ...files, '-o', path.join(dir, 'a.xlsx')]);
    await run(['summary', ...files, '-o', path.join(dir, 'b.xlsx')]);
    const a = await sheetValues(path.join(dir, 'a.xlsx'));
    expect(await sheetValues(path.join(dir, 'b.xlsx'))).toEqual(a);
    // The link is on the 序号 (a linked cell does not wrap in every reader); the sheet's name in 工作表,
    // right of the printed columns. The list is under the report's blocks: its header the last 序号 in A.
    const h = a.map((r) => r?.[0]).lastIndexOf('序号');
    const link = a[h + 1]![0] as { text: string; hyperlink: string };
    expect(link.text).toBe('1');
    expect(link.hyperlink).toMatch(/seed001-excerpt-stacked\.xlsx#'自评表'!A1$/);
    expect(a[h]![17]).toBe('工作表');
    expect(a[h + 1]![17]).toBe('自评表');
    expect(a[h + 2]![17]).toBe('自评表!A24');
    expect((a[h + 2]![0] as { hyperlink: string }).hyperlink).toMatch(/#'自评表'!A24$/);
  });

  it('a summary sheet already in a workbook is not counted as a table', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'summary-again-'));
    const out = path.join(dir, 'with-summary.xlsx');
    // A workbook that holds tables and, as its first sheet, an earlier summary of itself.
    await run(['summary', fixturePath('seed003.xlsx'), '-o', out]);
    const wb = await exceljs(readFileSync(out));
    const tables = await exceljs(readFileSync(fixturePath('seed003.xlsx')));
    const src = tables.worksheets[0]!;
    const copy = wb.addWorksheet(src.name);
    src.eachRow((row, r) => row.eachCell((c, col) => (copy.getCell(r, col).value = c.value)));
    await wb.xlsx.writeFile(out);
    const r = await run(['summary', out, '-o', path.join(dir, 's2.xlsx'), '--json', path.join(dir, 's2.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 's2.json'), 'utf8')).tables).toHaveLength(1);
  });

  it('needs an output', async () => {
    expect((await run(['summary', fixturePath('seed000.xlsx')])).code).toBe(2);
  });
});
