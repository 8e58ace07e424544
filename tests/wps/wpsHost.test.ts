/**
 * The WPS 表格 host on the seeds' workbooks, through the strict fake of WPS's object model, against the
 * Excel host through the strict fake of office-js, on the same workbook data: the same findings, the same
 * marks, notes and 复核结果 cells, the same state; 清除标记 restores exactly; the same summary.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ExcelHost } from '../../src/office/excelHost';
import { WpsHost } from '../../src/wps/wpsHost';
import { defaultSettings } from '../../src/office/settings';
import type { CheckResponse } from '../../src/office/hostApi';
import { SUMMARY_SHEET } from '../../src/core/summary';
import type { EtApplication } from '../../src/wps/et';
import { FakeBook, fakeRunner } from '../office/fakeExcel';
import { fakeEt } from './fakeEt';
import { fixturePath } from '../helpers';
import { edit, text } from '../xlsx/pkg';
import { withFormulas } from '../xlsx/formulaBook';
import { shownBefore } from '../../src/core/annotate/fillIn';
import { heightRuns, writeSummaryPrint } from '../../src/wps/summaryPrint';
import type { SummaryLayout } from '../../src/core/summaryLayout';
import { PRINT_MARGINS } from '../../src/core/print';

const zh = defaultSettings('zh-CN');

async function twins(file: string | Uint8Array, active?: string): Promise<{ excelBook: FakeBook; wpsBook: FakeBook; excel: ExcelHost; wps: WpsHost; calls: { count: number } }> {
  const bytes = typeof file === 'string' ? readFileSync(fixturePath(file)) : file;
  const excelBook = await FakeBook.fromXlsx(bytes);
  const wpsBook = await FakeBook.fromXlsx(bytes);
  if (active) excelBook.active = wpsBook.active = active;
  const runner = fakeRunner(excelBook);
  const { app, calls } = fakeEt(wpsBook);
  return { excelBook, wpsBook, excel: new ExcelHost({ run: runner.run, supports: excelBook.supports }), wps: new WpsHost(app as unknown as EtApplication), calls };
}

/** The twins, with the WPS fake's application to change (a machine without a printer). */
async function twinsWithApp(file: string): Promise<Awaited<ReturnType<typeof twins>> & { app: ReturnType<typeof fakeEt>['app'] }> {
  const t = await twins(file);
  const { app, calls } = fakeEt(t.wpsBook);
  return { ...t, wps: new WpsHost(app as unknown as EtApplication), calls, app };
}

const found = (r: CheckResponse) => (r.kind === 'summarySheet' ? [] : r.tables.flatMap((t) => t.findings.map((f) => `${f.code}@${f.cell}`)));

describe('校验本表 in WPS 表格 gives what it gives in Excel', () => {
  it.each(['seed000.xlsx', 'seed002.xlsx', 'seed003.xlsx', 'seed002-stacked.xlsx', 'seed001-excerpt-text.xlsx'])('%s: every sheet, the same findings, marks, notes, column and state', async (file) => {
    const { excelBook, wpsBook, excel, wps } = await twins(file);
    const initial = excelBook.snapshot();
    for (const sheet of excelBook.sheets.map((s) => s.name)) {
      excelBook.active = wpsBook.active = sheet;
      const a = await excel.checkActiveSheet(zh);
      const b = await wps.checkActiveSheet(zh);
      expect(found(b)).toEqual(found(a));
      expect(b.kind).toBe(a.kind);
    }
    // Something was written (every seed has a 复核结果 column to write), and the same by both hosts.
    expect(excelBook.snapshot()).not.toEqual(initial);
    expect(wpsBook.snapshot()).toEqual(excelBook.snapshot());
  });

  it('marks what Excel marks on a real table with errors: red, amber, notes, the 复核结果 column', async () => {
    const { wpsBook, wps } = await twins('seed002.xlsx', '风险防控治理');
    const r = await wps.checkActiveSheet(zh);
    expect(found(r)).toContain('WEIGHT_SUM_NOT_100@G20');
    const ws = wpsBook.sheet('风险防控治理')!;
    expect(ws.at('G20')!.fill).toEqual({ color: '#FFC7CE', pattern: 'Solid' });
    expect(ws.at('E6')!.fill).toEqual({ color: '#FFEB9C', pattern: 'Solid' });
    expect(ws.notes.get('G20')).toMatch(/^✗ 各项分值（含执行率分值）合计为 110.00，应为 100/);
    expect(ws.at('J12')!.value).toBe('复核结果');
    expect(wpsBook.sheet('selfeval_state')!.visibility).toBe('VeryHidden');
    // Adding the state sheet does not leave the user on it.
    expect(wpsBook.active).toBe('风险防控治理');
  });

  it('checking again replaces the marks; 清除标记 restores the workbook exactly', async () => {
    const { wpsBook, wps } = await twins('seed002.xlsx', '风险防控治理');
    const before = wpsBook.snapshot();
    await wps.checkActiveSheet(zh);
    const once = wpsBook.snapshot();
    await wps.checkActiveSheet(zh);
    expect(wpsBook.snapshot()).toEqual(once);
    const r = await wps.clearActiveSheet();
    expect(r).toMatchObject({ kind: 'cleared' });
    expect(wpsBook.snapshot()).toEqual(before);
  });

  it('清除标记 gives the 复核结果 cells their format back: no "@" is left behind', async () => {
    const { wpsBook, wps } = await twins('seed002.xlsx', '风险防控治理');
    const ws = wpsBook.sheet('风险防控治理')!;
    const formats = () => new Map([...ws.cells.entries()].map(([k, c]) => [k, c.format]));
    const before = formats();
    await wps.checkActiveSheet(zh);
    expect(ws.at('J12')!.value).toBe('复核结果');
    expect(ws.at('J12')!.format).toBe('@');
    await wps.clearActiveSheet();
    expect(ws.at('J12')!.value).toBeNull();
    for (const [k, f] of formats()) expect([k, f]).toEqual([k, before.get(k) ?? 'General']);
  });

  it('a fill the user had on a marked cell comes back after 清除标记', async () => {
    const { wpsBook, wps } = await twins('seed002.xlsx', '风险防控治理');
    wpsBook.sheet('风险防控治理')!.ensure(19, 6).fill = { color: '#00B050', pattern: 'Gray50', patternColor: '#FFFF00' };
    const before = wpsBook.snapshot();
    await wps.checkActiveSheet(zh);
    expect(wpsBook.sheet('风险防控治理')!.at('G20')!.fill!.color).toBe('#FFC7CE');
    await wps.clearActiveSheet();
    expect(wpsBook.snapshot()).toEqual(before);
    expect(wpsBook.sheet('风险防控治理')!.at('G20')!.fill).toEqual({ color: '#00B050', pattern: 'Gray50', patternColor: '#FFFF00' });
  });

  it('a protected sheet is checked and nothing is written', async () => {
    const { wpsBook, wps } = await twins('seed002.xlsx', '风险防控治理');
    wpsBook.sheet('风险防控治理')!.protected = true;
    const before = wpsBook.snapshot();
    const r = await wps.checkActiveSheet(zh);
    expect(r.kind).toBe('protected');
    expect(found(r)).toContain('TOTAL_MISMATCH@H20');
    expect(wpsBook.snapshot()).toEqual(before);
  });
});

describe('生成汇总表 in WPS 表格', () => {
  it('the same summary sheet as in Excel (without the chart), first in the workbook, replaced on a second run', async () => {
    const { excelBook, wpsBook, excel, wps } = await twins('seed002.xlsx');
    const a = await excel.summarise(zh);
    const b = await wps.summarise(zh);
    expect(b.summary.sentence).toEqual(a.summary.sentence);
    expect(b.chart).toBe(false);
    const cells = (book: FakeBook) => [...book.sheet(SUMMARY_SHEET)!.cells.entries()].filter(([, c]) => c.value !== null).map(([k, c]) => [k, c.value, c.fill?.color ?? null]).sort();
    expect(cells(wpsBook)).toEqual(cells(excelBook));
    expect(wpsBook.sheets[0]!.name).toBe(SUMMARY_SHEET);
    // 序号 1 of the list (under the report's blocks) links to its table.
    const list = Math.max(...[...wpsBook.sheet(SUMMARY_SHEET)!.cells.entries()].filter(([, c]) => c.value === '序号').map(([k]) => Number(k.split(',')[0])));
    const first = `A${list + 2}`;
    expect(wpsBook.sheet(SUMMARY_SHEET)!.links.get(first)).toBe("'巡查员工作经费'!A1");
    await wps.summarise(zh);
    expect(wpsBook.sheets.filter((s) => s.name === SUMMARY_SHEET)).toHaveLength(1);
    expect(cells(wpsBook)).toEqual(cells(excelBook));
  });

  it('prints as in Excel: the same page setup, breaks, font and row heights, set through PageSetup', async () => {
    const { excelBook, wpsBook, excel, wps, calls } = await twins('seed002.xlsx');
    await excel.summarise(zh);
    const before = calls.count;
    await wps.summarise(zh);
    const [a, b] = [excelBook.sheet(SUMMARY_SHEET)!, wpsBook.sheet(SUMMARY_SHEET)!];
    expect(b.print).toEqual(a.print);
    // Core's decision carried out, not merely copied: A4 landscape, one page wide, 序号 … 项目名称 on every
    // page, the page numbers below (Excel's codes, which WPS takes as they are).
    expect(b.print).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleColumns: '$A:$B', footer: { center: '第 &P 页 共 &N 页', right: '&D' } });
    expect(b.print.breaks?.length).toBeGreaterThan(0);
    expect(b.fontNames.get('A1')).toBe('宋体');
    expect(b.rowHeights.size).toBeGreaterThan(0);
    expect(new Map([...b.rowHeights].sort())).toEqual(new Map([...a.rowHeights].sort()));
    expect(calls.count - before).toBeGreaterThan(0);
  });

  it('without a printer (PageSetup throws) the summary is still written, in 宋体 with its row heights', async () => {
    const { excelBook, wpsBook, excel, wps, app } = await twinsWithApp('seed002.xlsx');
    app.noPrinter = true;
    await excel.summarise(zh);
    await wps.summarise(zh);
    const cells = (book: FakeBook) => [...book.sheet(SUMMARY_SHEET)!.cells.entries()].filter(([, c]) => c.value !== null).map(([k, c]) => [k, c.value]).sort();
    expect(cells(wpsBook)).toEqual(cells(excelBook));
    expect(wpsBook.sheet(SUMMARY_SHEET)!.print).toEqual({});
    expect(wpsBook.sheet(SUMMARY_SHEET)!.fontNames.get('A1')).toBe('宋体');
    expect(wpsBook.sheet(SUMMARY_SHEET)!.rowHeights.size).toBeGreaterThan(0);
  });

  it('a summary too wide for one page at 8 pt prints at the scale core gives, with Zoom on', async () => {
    const book = await FakeBook.fromXlsx(readFileSync(fixturePath('seed003.xlsx')));
    const { app } = fakeEt(book);
    const cell = { value: '项目', style: 'text' } as const;
    const layout: SummaryLayout = {
      name: SUMMARY_SHEET,
      rows: [[cell, cell], [cell, cell]],
      widths: [8, 30],
      errorRows: [],
      merges: [],
      chart: null,
      header: { row: 0, columns: 2 },
      print: { orientation: 'portrait', oneWide: false, scale: 73, rowHeights: new Map() },
    };
    writeSummaryPrint((app as unknown as EtApplication).ActiveSheet!, layout);
    expect(book.sheet(book.active)!.print).toEqual({ orientation: 'Portrait', paperSize: 'A4', zoom: { scale: 73 }, margins: [PRINT_MARGINS.left * 72, PRINT_MARGINS.right * 72] });
  });

  it('row heights go by runs of rows of one height: one call a run', () => {
    const runs = heightRuns(new Map([[7, 30], [3, 20], [4, 20], [5, 30], [6, 30], [9, 30]]));
    expect(runs).toEqual([
      { top: 3, bottom: 4, height: 20 },
      { top: 5, bottom: 7, height: 30 },
      { top: 9, bottom: 9, height: 30 },
    ]);
  });

  it('a project named "=1+1" stays text', async () => {
    const bytes = await edit(readFileSync(fixturePath('seed003.xlsx')), async (zip) => {
      zip.file('xl/sharedStrings.xml', (await text(zip, 'xl/sharedStrings.xml')).split('上街区应急管理局').join('=1+1'));
    });
    const { wpsBook, wps } = await twins(bytes);
    await wps.summarise(zh);
    const cell = [...wpsBook.sheet(SUMMARY_SHEET)!.cells.values()].find((c) => c.value === '=1+1')!;
    expect(cell.format).toBe('@');
  });
});

describe('the fake is as strict as the application', () => {
  it('a member the object model does not have throws; text that would become a formula throws', async () => {
    const { app } = fakeEt(await FakeBook.fromXlsx(readFileSync(fixturePath('seed003.xlsx'))));
    const ws = app.ActiveSheet as unknown as Record<string, unknown>;
    expect(() => ws.UsedRnage).toThrow(/no member "UsedRnage"/);
    const range = (app.ActiveSheet as unknown as { Range: (a: string) => { Value2: unknown; NumberFormat: string } }).Range('Z1');
    expect(() => (range.Value2 = '=1+1')).toThrow(/would become a formula/);
    range.NumberFormat = '@';
    range.Value2 = '=1+1';
    expect(range.Value2).toBe('=1+1');
  });

  it('PageSetup: an unknown member throws, the fit to pages only once Zoom is off, Excel\'s numbers only', async () => {
    const { app } = fakeEt(await FakeBook.fromXlsx(readFileSync(fixturePath('seed003.xlsx'))));
    const page = app.ActiveSheet.PageSetup as unknown as Record<string, unknown>;
    expect(() => (page.FitToPageWide = 1)).toThrow(/no member "FitToPageWide"/);
    expect(() => (page.FitToPagesWide = 1)).toThrow(/Zoom = false first/);
    expect(() => (page.Orientation = 'landscape')).toThrow(/Orientation/);
    expect(() => (page.CenterFooter = 'x'.repeat(256))).toThrow(/255/);
    page.Zoom = false;
    page.FitToPagesWide = 1;
    expect(page.FitToPagesWide).toBe(1);
  });

  it('another sheet opened is told through ApiEvent "SheetActivate"', async () => {
    const { wpsBook, wps } = await twins('seed002.xlsx', '风险防控治理');
    let told = 0;
    const names: (string | undefined)[] = [];
    await wps.onSheetActivated((sheet) => {
      told++;
      names.push(sheet);
    });
    wpsBook.activate('走访');
    expect(told).toBe(1);
    expect(names).toEqual(['走访']);
  });
});

describe('填写计算值 in WPS 表格', () => {
  it('fills what the Excel host fills; 清除标记 keeps the values, 撤销填写 puts the old ones back, as in Excel', async () => {
    const { excelBook, wpsBook, excel, wps } = await twins('seed002.xlsx', '巡查员工作经费');
    for (const b of [excelBook, wpsBook]) {
      const ws = b.sheet('巡查员工作经费')!;
      ws.ensure(5, 6).value = null; // G6 执行率
      ws.ensure(5, 7).value = 0; // H6 执行率得分
      ws.ensure(20, 7).value = null; // H21 总分
      ws.ensure(21, 6).value = '差'; // G22 评分等级
    }
    const before = wpsBook.snapshot();
    const a = await excel.planFill(zh);
    const b = await wps.planFill(zh);
    expect(b).toEqual(a);
    if (b.kind !== 'plan' || a.kind !== 'plan') throw new Error('no plan');
    expect(b.plan.changes.map((c) => `${c.cell}=${String(c.after)}`)).toEqual(['G6=100', 'H6=10', 'H21=99', 'G22=优']);
    await excel.applyFill(zh, a.plan);
    await wps.applyFill(zh, b.plan);
    expect(wpsBook.snapshot()).toEqual(excelBook.snapshot());
    const filled = wpsBook.snapshot();
    const cleared = await wps.clearActiveSheet();
    expect(cleared).toEqual(await excel.clearActiveSheet());
    expect(cleared).toEqual({ kind: 'cleared', sheet: '巡查员工作经费', cells: 0, filledKept: 4 });
    expect(wpsBook.snapshot()).toEqual(filled);
    // The clerk types over H21 in both; 撤销填写 gives back the other three and names H21.
    excelBook.sheet('巡查员工作经费')!.ensure(20, 7).value = 97;
    wpsBook.sheet('巡查员工作经费')!.ensure(20, 7).value = 97;
    const undone = await wps.undoFill();
    expect(undone).toEqual(await excel.undoFill());
    expect(undone).toEqual({ kind: 'undone', sheet: '巡查员工作经费', restored: 3, kept: ['H21'] });
    expect(wpsBook.snapshot()).toEqual(excelBook.snapshot());
    wpsBook.sheet('巡查员工作经费')!.ensure(20, 7).value = null;
    expect(wpsBook.snapshot()).toEqual(before);
  });
});

describe('填写计算值 over formulas, in Excel and in WPS alike', () => {
  it('the plan says which cells hold a formula; 撤销填写 puts each formula back', async () => {
    const bytes = await withFormulas();
    const excelBook = await FakeBook.fromXlsx(bytes);
    const wpsBook = await FakeBook.fromXlsx(bytes);
    for (const b of [excelBook, wpsBook]) b.active = '巡查员工作经费';
    const excel = new ExcelHost({ run: fakeRunner(excelBook).run, supports: excelBook.supports });
    const wps = new WpsHost(fakeEt(wpsBook).app);
    const a = await excel.planFill(zh);
    const b = await wps.planFill(zh);
    if (a.kind !== 'plan' || b.kind !== 'plan') throw new Error('no plan');
    const formulas = (p: typeof a.plan) => p.changes.map((c) => [c.cell, c.beforeFormula ?? null, shownBefore(c, 'zh')]);
    expect(formulas(a.plan)).toEqual([
      ['G6', '=E6/D6*100', '公式 =E6/D6*100（结果 50.0）'],
      ['H21', '=H6+SUM(H12:H20)', '公式 =H6+SUM(H12:H20)（结果 90.00）'],
    ]);
    expect(formulas(b.plan)).toEqual(formulas(a.plan));
    await excel.applyFill(zh, a.plan);
    await wps.applyFill(zh, b.plan);
    const ws = (book: FakeBook) => book.sheet('巡查员工作经费')!;
    for (const book of [excelBook, wpsBook]) {
      expect([ws(book).at('G6')!.value, ws(book).at('G6')!.formula]).toEqual([100, undefined]);
      expect(ws(book).at('G7')!.formula).toBe('=E7/D7*100');
    }
    expect(await wps.undoFill()).toEqual(await excel.undoFill());
    for (const book of [excelBook, wpsBook]) {
      expect([ws(book).at('G6')!.formula, ws(book).at('H21')!.formula]).toEqual(['=E6/D6*100', '=H6+SUM(H12:H20)']);
    }
    expect(wpsBook.snapshot()).toEqual(excelBook.snapshot());
  });
});
