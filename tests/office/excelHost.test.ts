/**
 * The Excel host on the real fixture tables, through the strict fake of office-js (load before read,
 * writes only at sync, nothing left unsynced, requirement sets checked): what it reads, what it writes,
 * how many round trips, idempotence, and 清除标记.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { OfficeMockObject } from 'office-addin-mock';
import { ExcelHost } from '../../src/office/excelHost';
import type { CheckResponse } from '../../src/office/hostApi';
import { defaultSettings } from '../../src/office/settings';
import { STATE_SHEET } from '../../src/core/annotate/state';
import { parseA1, parseRangeA1 } from '../../src/core/grid';
import { fixturePath } from '../helpers';
import { notesLeftMessage } from '../../src/office/outcome';
import { parseAreas } from '../../src/office/sheetRead';
import { FakeBook, FakeSheet, fakeRunner } from './fakeExcel';

async function book(name: string, active?: string): Promise<FakeBook> {
  const b = await FakeBook.fromXlsx(readFileSync(fixturePath(name)));
  if (active) b.active = active;
  return b;
}

function host(b: FakeBook, cellsPerRead?: number) {
  const runner = fakeRunner(b);
  return { host: new ExcelHost({ run: runner.run, supports: b.supports, cellsPerRead }), syncs: runner.syncs };
}

const zh = defaultSettings('zh-CN');

const tablesOf = (r: CheckResponse) => (r.kind === 'summarySheet' ? [] : r.tables);

describe('校验本表 in Excel', () => {
  it('reads the active sheet, checks it and writes marks, notes and the 复核结果 column', async () => {
    const b = await book('seed002.xlsx', '风险防控治理');
    const { host: h } = host(b);
    const r = await h.checkActiveSheet(zh);
    expect(r.kind).toBe('checked');
    expect(tablesOf(r).map((t) => t.project)).toEqual(['风险防控治理']);
    expect(tablesOf(r)[0]!.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      'OVER_EXECUTION@E6', 'LEVEL1_WEIGHT_DEVIATION@B13', 'EMPTY_INDICATOR@D14', 'EMPTY_INDICATOR@D15', 'EMPTY_INDICATOR@D16',
      'EMPTY_INDICATOR@D18', 'EMPTY_INDICATOR@D19', 'WEIGHT_SUM_NOT_100@G20', 'TOTAL_MISMATCH@H20',
    ]);
    const ws = b.sheet('风险防控治理')!;
    expect(ws.at('E6')!.fill).toEqual({ color: '#FFEB9C', pattern: 'Solid' });
    expect(ws.at('G20')!.fill).toEqual({ color: '#FFC7CE', pattern: 'Solid' });
    expect(ws.notes.get('G20')).toContain('✗ 各项分值（含执行率分值）合计为 110.00，应为 100\n');
    // A printed note is for people: no rule code at its end (the code is in the JSON and the pane's tooltip).
    expect(ws.notes.get('G20')).not.toMatch(/\[[A-Z_0-9]+\]/);
    expect(ws.at('J12')!.value).toBe('复核结果');
    expect(String(ws.at('J20')!.value)).toMatch(/^复核总分 110\.00 · 分值合计不为 100，不评等级；/);
    // Only this sheet was touched; the state is kept in a very hidden sheet.
    expect(b.sheet('走访')!.at('J12')).toBeUndefined();
    expect(b.sheet(STATE_SHEET)!.visibility).toBe('VeryHidden');
  });

  it('takes the same number of round trips for 30 stacked tables as for one', async () => {
    const one = await book('seed002.xlsx', '风险防控治理'); // one table, with marks (so its notes are read too)
    const thirty = await book('seed002-stacked.xlsx');
    // Three copies of the ten stacked tables, one under the other: 30 tables on one sheet.
    const src = thirty.sheets[0]!;
    const height = src.usedRange()!.bottom + 3;
    const big = new FakeSheet('三十张表', []);
    for (let k = 0; k < 3; k++) {
      for (const [key, cell] of src.cells) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        Object.assign(big.ensure(r + k * height, c), { ...cell });
      }
      big.merges.push(...src.merges.map((m) => ({ ...m, top: m.top + k * height, bottom: m.bottom + k * height })));
    }
    thirty.sheets.push(big);
    thirty.active = big.name;

    const a = host(one);
    const b = host(thirty);
    const ra = await a.host.checkActiveSheet(zh);
    const rb = await b.host.checkActiveSheet(zh);
    expect(tablesOf(ra)).toHaveLength(1);
    expect(tablesOf(rb)).toHaveLength(30);
    expect(b.syncs).toEqual(a.syncs);
    expect(a.syncs[0]).toBeLessThanOrEqual(4);
  });

  it('reads a huge sheet in payload-sized blocks and gets the same result', async () => {
    const whole = host(await book('seed002-stacked.xlsx'));
    const blocks = host(await book('seed002-stacked.xlsx'), 300);
    const r1 = await whole.host.checkActiveSheet(zh);
    const r2 = await blocks.host.checkActiveSheet(zh);
    expect(tablesOf(r2)).toEqual(tablesOf(r1));
    expect(blocks.syncs[0]).toBeGreaterThan(whole.syncs[0]!);
  });

  it('checking twice leaves the same state as once', async () => {
    const b = await book('seed002.xlsx', '残保金抚恤金专项');
    const { host: h } = host(b);
    await h.checkActiveSheet(zh);
    const once = b.snapshot();
    await h.checkActiveSheet(zh);
    expect(b.snapshot()).toEqual(once);
  });

  it('清除标记 brings back every original fill and removes exactly what it added', async () => {
    const b = await book('seed002.xlsx', '残保金抚恤金专项');
    const ws = b.sheet('残保金抚恤金专项')!;
    ws.at('D6')!.fill = { color: '#DDEBF7', pattern: 'Solid' }; // the user's own fill on a cell that gets marked
    ws.notes.set('E6', '已核对'); // and the user's own note
    const pristine = b.snapshot();
    const { host: h } = host(b);
    await h.checkActiveSheet(zh);
    expect(ws.at('D6')!.fill!.color).toBe('#FFC7CE');
    expect(ws.notes.get('E6')).toMatch(/^已核对\n\n✗ /);
    await h.checkActiveSheet(zh); // a second run must not lose the originals either
    const cleared = await h.clearActiveSheet();
    expect(cleared).toMatchObject({ kind: 'cleared', sheet: '残保金抚恤金专项' });
    expect(b.snapshot()).toEqual(pristine);
    expect(b.sheet(STATE_SHEET)).toBeUndefined();
  });

  it('a 复核结果 cell the user typed over is never cleared', async () => {
    const b = await book('seed002.xlsx', '走访');
    const { host: h } = host(b);
    await h.checkActiveSheet(zh);
    const ws = b.sheet('走访')!;
    ws.at('J14')!.value = '已与经办人核实';
    await h.checkActiveSheet(zh);
    expect(ws.at('J14')!.value).toBe('已与经办人核实');
    expect(ws.at('K12')!.value).toBe('复核结果');
    await h.clearActiveSheet();
    expect(ws.at('J14')!.value).toBe('已与经办人核实');
    expect(ws.at('K12')!.value).toBeNull();
  });

  it('clearing one sheet keeps the marks of another', async () => {
    const b = await book('seed002.xlsx', '风险防控治理');
    const { host: h } = host(b);
    await h.checkActiveSheet(zh);
    b.active = '安全宣传';
    await h.checkActiveSheet(zh);
    await h.clearActiveSheet();
    expect(b.sheet('安全宣传')!.at('G18')!.fill).toBeNull();
    expect(b.sheet('风险防控治理')!.at('G20')!.fill!.color).toBe('#FFC7CE');
    expect(b.sheet(STATE_SHEET)).toBeDefined();
  });

  it('a protected sheet is checked, and nothing at all is written', async () => {
    const b = await book('seed002.xlsx', '风险防控治理');
    b.sheet('风险防控治理')!.protected = true;
    const before = b.snapshot();
    const { host: h } = host(b);
    const r = await h.checkActiveSheet(zh);
    expect(r.kind).toBe('protected');
    expect(tablesOf(r)[0]!.findings.length).toBe(9);
    expect(b.snapshot()).toEqual(before);
    expect(b.writes).toBe(0);
    expect((await h.clearActiveSheet()).kind).toBe('protected');
  });

  it('without the notes API (before ExcelApi 1.18) the messages stay in the column', async () => {
    const b = await book('seed002.xlsx', '风险防控治理');
    b.supportedUpTo = '1.17';
    const { host: h } = host(b);
    const r = await h.checkActiveSheet(zh);
    expect(r.kind === 'checked' && r.notesWritten).toBe(false);
    expect(b.sheet('风险防控治理')!.notes.size).toBe(0);
    expect(String(b.sheet('风险防控治理')!.at('J20')!.value)).toContain('分值合计为 110.00，应为 100');
  });

  it('清除标记 on Excel without the notes API says which notes it could not remove', async () => {
    const b = await book('seed002.xlsx', '风险防控治理');
    const { host: full } = host(b);
    await full.checkActiveSheet(zh); // in Excel 365: marks and notes
    const noted = [...b.sheet('风险防控治理')!.notes.keys()].sort();
    expect(noted.length).toBeGreaterThan(0);
    b.supportedUpTo = '1.17'; // the same workbook opened in Office 2021
    const { host: old } = host(b);
    const r = await old.clearActiveSheet();
    if (r.kind !== 'cleared') throw new Error(r.kind);
    expect([...(r.notesLeft ?? [])].sort()).toEqual(noted);
    expect(b.sheet('风险防控治理')!.at('G20')!.fill).toBeNull();
    expect(notesLeftMessage(r.notesLeft, 'zh')).toContain(`以下单元格的校验批注未删除：${r.notesLeft!.join('、')}`);
    // Where notes can be removed, nothing is left to say.
    b.supportedUpTo = '1.18';
    await full.checkActiveSheet(zh);
    const again = await full.clearActiveSheet();
    expect(again.kind === 'cleared' && (again.notesLeft ?? [])).toEqual([]);
  });

  it('a sheet whose name has a comma: its merged areas are read right', async () => {
    const plain = await book('seed002.xlsx', '风险防控治理');
    const comma = await book('seed002.xlsx', '风险防控治理');
    comma.sheet('风险防控治理')!.name = "风险防控,治理's";
    comma.active = "风险防控,治理's";
    const a = await host(plain).host.checkActiveSheet(zh);
    const c = await host(comma).host.checkActiveSheet(zh);
    expect(tablesOf(c).map((t) => t.findings.map((f) => `${f.code}@${f.cell}`))).toEqual(tablesOf(a).map((t) => t.findings.map((f) => `${f.code}@${f.cell}`)));
    expect(parseAreas("'a,b''s'!A1:B2,'a,b''s'!C3:D4")).toEqual([parseRangeA1('A1:B2'), parseRangeA1('C3:D4')]);
  });

  it('settings: English, no column', async () => {
    const b = await book('seed002.xlsx', '风险防控治理');
    const { host: h } = host(b);
    const r = await h.checkActiveSheet({ ...defaultSettings('en-US'), column: false });
    expect(tablesOf(r)[0]!.findings[0]!.message).toBe('Spending 22.24 (10k yuan) exceeds the full-year budget 22.20 (10k yuan)');
    expect(b.sheet('风险防控治理')!.at('J12')).toBeUndefined();
    expect(b.sheet('风险防控治理')!.notes.get('E6')).toContain('Spending 22.24 (10k yuan) exceeds');
  });

  it('a department-wide table is found on its own sheet', async () => {
    const b = await book('seed003.xlsx');
    const { host: h } = host(b);
    const r = await h.checkActiveSheet(zh);
    expect(tablesOf(r).map((t) => [t.kind, t.total, t.grade])).toEqual([['department', '99.50', '优']]);
  });
});

describe('selecting a finding’s cell (office-addin-mock)', () => {
  it('activates the sheet and selects the cell in one round trip', async () => {
    const calls: string[] = [];
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getItem(name: string) {
              calls.push(`getItem ${name}`);
              return {
                activate: () => calls.push('activate'),
                getRange: (address: string) => ({ select: () => calls.push(`select ${address}`) }),
              };
            },
          },
        },
      },
      run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<void>) {
        await batch(this.context);
      },
    }) as unknown as { run: <T>(b: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>; context: { sync: () => Promise<void> } };
    let syncs = 0;
    const ctx = mock.context as { sync: () => Promise<void> };
    const sync = ctx.sync.bind(ctx);
    ctx.sync = async () => {
      syncs++;
      await sync();
    };
    const h = new ExcelHost({ run: (b) => mock.run(b), supports: () => true });
    await h.selectCell('风险防控治理', 'G20');
    expect(calls).toEqual(['getItem 风险防控治理', 'activate', 'select G20']);
    expect(syncs).toBe(1);
  });
});

describe('another sheet opened', () => {
  it('the pane is told through worksheets.onActivated, registered in one round trip, with the sheet’s name; opening the same sheet says nothing', async () => {
    const b = await book('seed002.xlsx', '风险防控治理');
    const { host: h, syncs } = host(b);
    const told: (string | undefined)[] = [];
    await h.onSheetActivated((sheet) => told.push(sheet));
    expect(syncs).toEqual([1]);
    b.activate('风险防控治理');
    b.activate('安全宣传');
    // The event names the sheet by id: its name is read in a round trip of its own.
    await vi.waitFor(() => expect(told).toEqual(['安全宣传']));
    // A click on a finding of another sheet activates it too.
    await h.selectCell('走访', 'A1');
    expect(b.active).toBe('走访');
    await vi.waitFor(() => expect(told).toEqual(['安全宣传', '走访']));
  });

  it('an Excel without ExcelApi 1.7 is not asked', async () => {
    const b = await book('seed003.xlsx');
    b.supportedUpTo = '1.6';
    const { host: h, syncs } = host(b);
    await h.onSheetActivated(() => undefined);
    expect(syncs).toEqual([]);
  });
});

describe('自动校验: checks that follow the typing', () => {
  async function watched(active: string, file = 'seed002.xlsx', excelApi = '1.18', ownWritesMs = 0, blank: string[] = []) {
    const b = await book(file, active);
    b.supportedUpTo = excelApi;
    const sheet = b.sheet(active);
    for (const a of blank) {
      const { row, col } = parseA1(a);
      if (sheet) sheet.ensure(row, col).value = null;
    }
    const runner = fakeRunner(b);
    const h = new ExcelHost({ run: runner.run, supports: b.supports, editDelayMs: 0, ownWritesMs });
    const results: CheckResponse[] = [];
    await h.checkActiveSheet(zh);
    const stop = await h.watchEdits(() => zh, (r) => results.push(r));
    const settle = async (n: number) => {
      for (let i = 0; i < 200 && results.length < n; i++) await new Promise((r) => setTimeout(r, 5));
    };
    return { b, h, runner, results, stop, settle };
  }

  /** 填写计算值 on 街面督查人员经费 with its 总分 得分 (H18) left blank: the total written, inside the table. */
  async function fillWritten(h: ExcelHost, b: FakeBook): Promise<void> {
    const plan = await h.planFill(zh);
    if (plan.kind !== 'plan') throw new Error(`no plan: ${plan.kind}`);
    expect(plan.plan.changes.map((c) => c.cell)).toContain('H18');
    const raised = b.ownChangesRaised;
    expect((await h.applyFill(zh, plan.plan)).written).toBeGreaterThan(0);
    expect(b.sheet('街面督查人员经费')?.at('H18')?.value).toEqual(expect.any(Number));
    // Excel raised onChanged for those writes, as it does for any: the guard had something to ignore.
    expect(b.ownChangesRaised).toBeGreaterThan(raised);
    await new Promise((r) => setTimeout(r, 60));
  }

  it("README: 自动校验 ignores the add-in's own writes (onChanged raised for them, triggerSource ThisLocalAddin)", async () => {
    const { b, h, results, settle } = await watched('街面督查人员经费', 'seed002.xlsx', '1.18', 0, ['H18']);
    await fillWritten(h, b);
    expect(results).toHaveLength(0);
    // Still watching: the clerk's own edit is followed.
    b.edit('街面督查人员经费', 'H17', 9);
    await settle(1);
    expect(results).toHaveLength(1);
  });

  it("README: 自动校验 ignores the add-in's own writes where Excel has no triggerSource (before ExcelApi 1.14): by their time", async () => {
    const { b, h, results } = await watched('街面督查人员经费', 'seed002.xlsx', '1.13', 1000, ['H18']);
    const raised = b.ownChangesRaised;
    await h.checkActiveSheet(zh);
    expect(b.ownChangesRaised).toBeGreaterThan(raised);
    await fillWritten(h, b);
    expect(results).toHaveLength(0);
  });

  it('an edited 得分 inside the table: its marks follow, in the round trips of one check', async () => {
    const { b, runner, results, settle } = await watched('街面督查人员经费');
    const checkSyncs = runner.syncs[0]!;
    expect(results).toHaveLength(0);
    // H17 (群众满意) scores 9 where its completion ratio gives 10: a warning, marked amber.
    expect(b.sheet('街面督查人员经费')!.at('H17')!.fill!.color).toBe('#FFEB9C');
    b.edit('街面督查人员经费', 'H17', 10);
    await settle(1);
    expect(results).toHaveLength(1);
    expect(tablesOf(results[0]!)[0]!.findings.map((f) => f.code)).not.toContain('QUANT_SCORE_MISMATCH');
    expect(b.sheet('街面督查人员经费')!.at('H17')!.fill).toBeNull();
    // The result says it was automatic, and which edit started it.
    const auto = results[0];
    expect(auto?.kind === 'checked' ? auto.changes : undefined).toMatchObject({ startedBy: 'H17', fixed: ['H17'] });
    // Registering took one round trip; the edit, the round trips of one check.
    expect(runner.syncs).toEqual([checkSyncs, 1, checkSyncs]);
  });

  it('whole rows or columns changed ("17:17", "H:H", a row inserted) inside a table check it again; rows outside do nothing', async () => {
    const { b, results, settle } = await watched('街面督查人员经费');
    b.sheet('街面督查人员经费')!.ensure(16, 7).value = 10; // H17, say by pasting a whole row
    b.changed('街面督查人员经费', '17:17');
    await settle(1);
    expect(results).toHaveLength(1);
    expect(b.sheet('街面督查人员经费')!.at('H17')!.fill).toBeNull();
    b.changed('街面督查人员经费', '$H:$H');
    await settle(2);
    expect(results).toHaveLength(2);
    b.changed('街面督查人员经费', '300:305');
    b.changed('街面督查人员经费', 'AA:AB');
    await new Promise((r) => setTimeout(r, 60));
    expect(results).toHaveLength(2);
  });

  it("on a sheet of ten stacked tables, an edit in one changes that table's marks and nothing else", async () => {
    const { b, settle } = await watched('自评表', 'seed002-stacked.xlsx');
    const cells = () => {
      const s = b.sheet('自评表')!;
      return new Map([...s.cells.entries()].map(([k, c]) => [k, JSON.stringify([c.value, c.fill])] as const).concat([...s.notes.entries()].map(([k, n]) => [`note ${k}`, JSON.stringify(n)] as const)));
    };
    const before = cells();
    expect(b.sheet('自评表')!.at('H177')!.fill!.color).toBe('#FFEB9C');
    b.edit('自评表', 'H177', 10);
    await settle(1);
    expect(b.sheet('自评表')!.at('H177')!.fill).toBeNull();
    const after = cells();
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    // 街面督查人员经费 is A161:I179 (its 复核结果 column beside it): every change is on its rows.
    const rows = changed.map((k) => (k.startsWith('note ') ? parseRangeA1(k.slice(5)).top : Number(k.split(',')[0])));
    expect(changed.length).toBeGreaterThan(1);
    expect(rows.every((r) => r >= 160 && r <= 178)).toBe(true);
  });

  it('typing quickly checks once; an edit outside every table does nothing; stopped, nothing follows', async () => {
    const { b, runner, results, stop, settle } = await watched('街面督查人员经费');
    b.edit('街面督查人员经费', 'H17', 9.5);
    b.edit('街面督查人员经费', 'H17', 10);
    await settle(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(results).toHaveLength(1);
    const runs = runner.syncs.length;
    b.edit('街面督查人员经费', 'Z99', 'a note of mine');
    await new Promise((r) => setTimeout(r, 30));
    expect(runner.syncs.length).toBe(runs);
    stop();
    b.edit('街面督查人员经费', 'H17', 9);
    await new Promise((r) => setTimeout(r, 30));
    expect(results).toHaveLength(1);
  });
});
