/**
 * 生成汇总表 in Excel (through the fake of office-js): every sheet read in a fixed number of round trips,
 * the summary sheet written (replaced, never duplicated) with links, red rows and a chart.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ExcelHost } from '../../src/office/excelHost';
import { defaultSettings } from '../../src/office/settings';
import { SUMMARY_SHEET } from '../../src/core/summary';
import { summariseBytes } from '../../src/xlsx/summaryInput';
import { FakeBook, FakeSheet, fakeRunner } from './fakeExcel';
import { fixturePath } from '../helpers';
import { edit, text } from '../xlsx/pkg';

async function book(name: string): Promise<FakeBook> {
  return FakeBook.fromXlsx(readFileSync(fixturePath(name)));
}

const zh = defaultSettings('zh-CN');

/** The list's header row (1-based): the last row whose A is 序号 (the send-back block above has one too). */
function listRow(ws: FakeSheet): number {
  let found = 0;
  for (let r = 1; r <= 400; r++) if (ws.at(`A${r}`)?.value === '序号') found = r;
  return found;
}

describe('生成汇总表 in Excel', () => {
  it('summarises every sheet of the open workbook into one summary sheet, first in the workbook', async () => {
    const b = await book('seed002.xlsx');
    const runner = fakeRunner(b);
    const host = new ExcelHost({ run: runner.run, supports: b.supports });
    const r = await host.summarise(zh);
    expect(r.summary.rows).toHaveLength(10);
    expect(r.summary.sentence.recomputed).toBe('单位自评项目10个，涉及金额834.29万元，评价得分在90（含）-100分的8个、在80（含）-90分的0个、在60（含）-80分的0个、60分以下的0个、未评级的2个。');
    expect(b.sheets[0]!.name).toBe(SUMMARY_SHEET);
    expect(b.active).toBe(SUMMARY_SHEET);
    const ws = b.sheets[0]!;
    const h = listRow(ws);
    expect(h).toBeGreaterThan(4);
    expect(ws.centred.has(`A${h}`)).toBe(true); // headers centred, like the grades beside right-aligned numbers
    expect(ws.at(`B${h + 1}`)!.value).toBe('巡查员工作经费');
    expect(ws.links.get(`A${h + 1}`)).toBe("'巡查员工作经费'!A1");
    // It prints as a reviewer files it: A4 landscape, one page wide (序号 … 备注), the list's header row on
    // its pages, the list from a page of its own, the unit above, 宋体, page numbers below.
    expect(ws.print).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      area: `A1:Q${ws.usedRange(true)!.bottom + 1}`,
      titleRows: `$${h}:$${h}`,
      titleColumns: '$A:$B',
      header: { left: '上海市闵行区吴泾镇人民政府(汇总)', center: '绩效自评汇总表' },
      footer: { center: '第 &P 页 共 &N 页', right: '&D' },
    });
    expect(ws.print.breaks).toContain(`A${h}`);
    expect(ws.fontNames.get('A1')).toBe('宋体');
    expect([...ws.rowHeights.keys()]).toContain(h - 1); // the wrapped header row
    // 风险防控治理 (the list's third row) has errors: its row is red.
    expect(ws.at(`B${h + 3}`)!.value).toBe('风险防控治理');
    expect(ws.at(`A${h + 3}`)!.fill!.color).toBe('#FFC7CE');
    expect(ws.at(`A${h + 1}`)!.fill).toBeNull();
    expect(ws.at(`E${h + 1}`)!.value).toBe(148.79);
    expect(ws.at(`E${h + 1}`)!.format).toBe('0.00');
    expect(ws.charts).toHaveLength(1);
    expect(ws.charts[0]).toMatchObject({ type: 'ColumnClustered', title: '等级分布（复核总分）', legend: false });
    // Nothing frozen: the list's header is below the report's blocks.
    expect(ws.frozenRows).toBe(0);
    expect(r.chart).toBe(true);
  });

  it('running it again replaces the summary: same sheet, not counted as a table', async () => {
    const b = await book('seed002.xlsx');
    const runner = fakeRunner(b);
    const host = new ExcelHost({ run: runner.run, supports: b.supports });
    await host.summarise(zh);
    const first = b.snapshot();
    const again = await host.summarise(zh);
    expect(again.summary.rows).toHaveLength(10);
    expect(b.sheets.filter((s) => s.name === SUMMARY_SHEET)).toHaveLength(1);
    expect(b.snapshot()).toEqual(first);
    expect(runner.syncs[1]).toBe(runner.syncs[0]);
  });

  it('reads the workbook in a constant number of round trips, whatever the number of tables', async () => {
    const small = await book('seed003.xlsx'); // one table
    const large = await book('seed002-stacked.xlsx'); // ten tables on one sheet
    const a = fakeRunner(small);
    const c = fakeRunner(large);
    await new ExcelHost({ run: a.run, supports: small.supports }).summarise(zh);
    await new ExcelHost({ run: c.run, supports: large.supports }).summarise(zh);
    expect(c.syncs).toEqual(a.syncs);
    expect(a.syncs[0]).toBeLessThanOrEqual(4);
  });

  it('marks left by 校验本表 are not read as data', async () => {
    const b = await book('seed002.xlsx');
    const runner = fakeRunner(b);
    const host = new ExcelHost({ run: runner.run, supports: b.supports });
    const before = (await host.summarise(zh)).summary.rows;
    b.active = '风险防控治理';
    await host.checkActiveSheet(zh);
    expect((await host.summarise(zh)).summary.rows).toEqual(before);
  });

  it('a workbook without tables still gets a summary that says so', async () => {
    const b = new FakeBook();
    b.sheets.push(new FakeSheet('通讯录'));
    b.sheets[0]!.ensure(0, 0).value = '姓名';
    b.active = '通讯录';
    const r = await new ExcelHost({ run: fakeRunner(b).run, supports: b.supports }).summarise(zh);
    expect(r.summary.rows).toEqual([]);
    expect(r.chart).toBe(false);
    expect(r.summary.sentence.recomputed).toBe('单位自评项目0个，涉及金额0.00万元，评价得分在90（含）-100分的0个、在80（含）-90分的0个、在60（含）-80分的0个、60分以下的0个。');
    expect(b.sheet(SUMMARY_SHEET)!.at('A2')!.value).toBe('共 0 张表');
  });

  it('sorts the rows as the user chose in the settings', async () => {
    const b = await book('seed002.xlsx');
    const host = new ExcelHost({ run: fakeRunner(b).run, supports: b.supports });
    const r = await host.summarise({ ...zh, summarySort: 'errors' });
    expect(r.summary.rows.slice(0, 3).map((x) => x.project)).toEqual(['风险防控治理', '安全宣传', '残保金抚恤金专项']);
    const ws = b.sheet(SUMMARY_SHEET)!;
    expect(ws.at(`B${listRow(ws) + 1}`)!.value).toBe('风险防控治理');
  });

  it('summarises picked workbooks (read in the browser) into the open workbook, with a file column', async () => {
    const b = await book('seed003.xlsx');
    const runner = fakeRunner(b);
    const host = new ExcelHost({ run: runner.run, supports: b.supports });
    const picked = await Promise.all(
      ['seed000.xlsx', 'seed001-excerpt.xlsx'].map((f) => summariseBytes(readFileSync(fixturePath(f)), f, 'zh')),
    );
    const r = await host.summarise(zh, picked);
    expect(r.summary.rows.map((x) => x.file)).toEqual([...Array(11).fill('seed000.xlsx'), 'seed001-excerpt.xlsx', 'seed001-excerpt.xlsx']);
    const ws = b.sheet(SUMMARY_SHEET)!;
    // 文件 last, right of the print area (序号 … 备注): on the screen only.
    const h = listRow(ws);
    expect(ws.at(`S${h}`)!.value).toBe('文件');
    expect(ws.at(`S${h + 1}`)!.value).toBe('seed000.xlsx');
    expect(ws.print.area).toMatch(/^A1:Q\d+$/);
    // Links to other workbooks cannot be followed from here: the sheet name is plain text.
    expect(ws.links.size).toBe(0);
  });

  it('names that look like formulas stay text: a project "=1+1", a file "=WEBSERVICE(…).xlsx"', async () => {
    const b = await book('seed003.xlsx');
    const runner = fakeRunner(b);
    const host = new ExcelHost({ run: runner.run, supports: b.supports });
    const named = await edit(readFileSync(fixturePath('seed003.xlsx')), async (zip) => {
      const sst = await text(zip, 'xl/sharedStrings.xml');
      zip.file('xl/sharedStrings.xml', sst.split('上街区应急管理局').join('=1+1'));
    });
    const file = '=WEBSERVICE("http://example.invalid/").xlsx';
    const picked = [await summariseBytes(named, file, 'zh')];
    // The fake, like Excel, turns a string that starts with "=" into a formula unless the cell is text.
    await host.summarise(zh, picked);
    const ws = b.sheet(SUMMARY_SHEET)!;
    const cells = [...ws.cells.values()];
    const project = cells.find((c) => c.value === '=1+1')!;
    expect(project).toBeDefined();
    expect(project.format).toBe('@');
    const f = cells.find((c) => c.value === file)!;
    expect(f.format).toBe('@');
  });
});

