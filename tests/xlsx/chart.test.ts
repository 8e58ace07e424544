/**
 * The summary written by the command line carries a real bar chart of the grade distribution
 * (a DrawingML part, since ExcelJS writes none), wired into the package and readable again.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { fixturePath } from '../helpers';
import { exceljs } from './pkg';
import { SUMMARY_SHEET } from '../../src/core/summary';

describe('the summary chart in the .xlsx', () => {
  it('is a clustered column chart over the distribution, with the counts cached', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chart-'));
    const out = path.join(dir, 'summary.xlsx');
    const quiet = { print: () => undefined, printError: () => undefined };
    expect(await main(['summary', fixturePath('seed001-excerpt.xlsx'), fixturePath('seed002.xlsx'), '-o', out], quiet)).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    const wb = await exceljs(readFileSync(out));
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    // The categories are the 优/良/中/差/未评级 cells of the distribution table, the values their counts:
    // Wujing's 10 (8 优, 2 of 110 points 未评级) and Fengtai's 2 (良).
    // (in 项目名称's column B and the next: 序号's A is too narrow for a grade's name).
    const cat = /<c:cat><c:strRef><c:f>'绩效自评汇总'!\$B\$(\d+):\$B\$(\d+)<\/c:f>/.exec(chart)!;
    const rows = [Number(cat[1]), Number(cat[2])];
    expect([ws.getCell(rows[0]!, 2).value, ws.getCell(rows[1]!, 2).value]).toEqual(['优', '未评级']);
    expect(chart).toContain(`<c:val><c:numRef><c:f>'绩效自评汇总'!$C$${rows[0]}:$C$${rows[1]}</c:f>`);
    expect([...chart.matchAll(/<c:numCache>.*?<\/c:numCache>/g)][0]![0].match(/<c:v>(\d+)<\/c:v>/g)).toEqual(['<c:v>8</c:v>', '<c:v>2</c:v>', '<c:v>0</c:v>', '<c:v>0</c:v>', '<c:v>2</c:v>']);
    // Wired in: the sheet has its drawing, the drawing its chart, the package knows both parts.
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheet)![1];
    expect(await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string')).toContain(`Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
    expect(await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string')).toContain('Target="../charts/chart1.xml"');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml"');
    // The links of the sheet (its other relationships) are still there.
    let list = 0;
    ws.eachRow((row, r) => (row.getCell(1).value === '序号' ? (list = r) : undefined));
    expect((ws.getCell(list + 1, 1).value as { hyperlink: string }).hyperlink).toContain("#'2019年市级综合考核奖励经费'!A1");
  });
});
