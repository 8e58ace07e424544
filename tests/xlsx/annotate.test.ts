/**
 * The .xlsx host writing on the package: marks, notes and the 复核结果 column on the real tables; the copy
 * read back by the package reader and by ExcelJS (a reader of its own); checking twice writes what
 * checking once did; 清除标记 gives the original back part for part; nothing a user typed is overwritten;
 * protected sheets are left alone.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../helpers';
import { MARK_COLORS } from '../../src/core/annotate/fill';
import { NOTE_SIGNATURE } from '../../src/core/annotate/note';
import { STATE_SHEET } from '../../src/core/annotate/state';
import { checkXlsx, openWorkbook } from '../../src/xlsx/read';
import { checkAndAnnotate } from '../../src/xlsx/annotate';
import { checked, cleared, edit, everything, exceljs, look, parts, text } from './pkg';

const seed = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
const solid = (severity: 'error' | 'warning') => ({ kind: 'solid', color: MARK_COLORS[severity] });

describe('checking a workbook writes its marks into a copy', () => {
  it('marks the cells of findings, with notes, and writes the 复核结果 column beside each table', async () => {
    const out = await checked(seed('seed002.xlsx'));
    const l = await look(out, '风险防控治理', ['E6', 'G20', 'J5', 'J12', 'J13', 'J14', 'J6', 'J20', 'J21']);
    // OVER_EXECUTION at E6 is a warning; WEIGHT_SUM_NOT_100 / TOTAL_MISMATCH on the total row are errors.
    expect(l.E6!.fill).toEqual(solid('warning'));
    expect(l.G20!.fill).toEqual(solid('error'));
    expect(l.G20!.note).toBe(`✗ 各项分值（含执行率分值）合计为 110.00，应为 100\n${NOTE_SIGNATURE}`);
    // The table spans A:I, so the column is J.
    expect([l.J5!.value, l.J12!.value]).toEqual(['复核结果', '复核结果']);
    expect(l.J13!.value).toBe('✓'); // information stays out of the column
    expect(l.J14!.value).toBe('⚠ 空指标占分值');
    expect(l.J6!.value).toBe('⚠ 超预算执行');
    expect(l.J20!.value).toBe('复核总分 110.00 · 分值合计不为 100，不评等级；✗ 分值合计为 110.00，应为 100；✗ 总分有误（应为 110.00）');
    expect(l.J21!.value).toBe('未评级（分值合计不为 100）');
    expect((await look(out, '巡查员工作经费', ['J21'])).J21!.value).toBe('复核总分 99.00 · 优');
  });

  it('is a workbook other readers open: ExcelJS sees the same marks, notes, texts and the very hidden state', async () => {
    const wb = await exceljs(await checked(seed('seed002.xlsx')));
    const ws = wb.getWorksheet('风险防控治理')!;
    expect(ws.getCell('G20').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: `FF${MARK_COLORS.error}` } });
    expect(JSON.stringify(ws.getCell('G20').note)).toContain('合计为 110.00，应为 100');
    expect(ws.getCell('J12').value).toBe('复核结果');
    expect(wb.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
  });

  it('never overwrites a cell a user typed: the column moves to the first free one', async () => {
    const input = await edit(seed('seed002.xlsx'), async (zip) => {
      // 走访 (sheet2): the user's remark at J14, and something at K3.
      const x = await text(zip, 'xl/worksheets/sheet2.xml');
      zip.file(
        'xl/worksheets/sheet2.xml',
        x.replace(/(<row r="14"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="J14" t="inlineStr"><is><t>经办人备注</t></is></c>$2').replace(/(<row r="3"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="K3" t="inlineStr"><is><t>x</t></is></c>$2'),
      );
    });
    const l = await look(await checked(input), '走访', ['J14', 'K3', 'L12', 'J12']);
    expect([l.J14!.value, l.K3!.value, l.L12!.value, l.J12!.value]).toEqual(['经办人备注', 'x', '复核结果', null]);
  });

  it('checking twice writes what checking once did, part for part', async () => {
    const once = await checked(seed('seed002-stacked.xlsx'));
    const twice = await checked(once);
    expect(await parts(twice)).toEqual(await parts(once));
  });

  it('a checked copy reports what the original reports: its own column is not read as data', async () => {
    const report = async (bytes: Uint8Array) => (await checkXlsx(await openWorkbook(bytes))).map((s) => s.tables.map((t) => [t.table.range, t.findings]));
    expect(await report(await checked(seed('seed001-excerpt.xlsx')))).toEqual(await report(seed('seed001-excerpt.xlsx')));
  });

  it('清除标记 gives back every part as it was (the styles part keeps the formats it gained)', async () => {
    const original = seed('seed002.xlsx');
    const back = await parts(await cleared(await checked(original)));
    const before = await parts(original);
    expect([...back.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) if (name !== 'xl/styles.xml') expect({ name, same: back.get(name)!.equals(bytes) }).toEqual({ name, same: true });
  });

  it('writes nothing on a protected sheet, and still checks it', async () => {
    const input = await edit(seed('seed002.xlsx'), async (zip) => {
      const x = await text(zip, 'xl/worksheets/sheet3.xml');
      zip.file('xl/worksheets/sheet3.xml', x.replace('<mergeCells', '<sheetProtection sheet="1" objects="1" scenarios="1"/><mergeCells'));
    });
    const wb = await openWorkbook(input);
    const outcomes = await checkAndAnnotate(wb);
    const locked = outcomes.find((o) => o.result.sheet === '风险防控治理')!;
    expect(locked.written).toBe(false);
    expect(locked.result.tables[0]!.findings.length).toBeGreaterThan(0);
    const out = wb.save();
    expect((await parts(out)).get('xl/worksheets/sheet3.xml')).toEqual((await parts(input)).get('xl/worksheets/sheet3.xml'));
  });

  it('a user note on a marked cell keeps its text and its formatting, with the product note after it', async () => {
    const rich = seed('rich/rich.xlsx');
    const out = await checked(rich);
    const note = (await look(out, '风险防控治理', ['G20'])).G20!.note!;
    expect(note.startsWith('王会计:\n分值按局里口径填报\n\n✗ 各项分值')).toBe(true);
    const xml = (await parts(out)).get('xl/comments9.xml')!.toString('utf8');
    expect(xml).toContain('<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>王会计:</t></r>');
    expect((await look(await cleared(out), '风险防控治理', ['G20'])).G20!.note).toBe('王会计:\n分值按局里口径填报');
  });

  it('a cell with a threaded comment gets its mark but no note (Excel allows only one of the two)', async () => {
    const out = await checked(seed('rich/rich.xlsx'));
    const l = await look(out, '风险防控治理', ['E6']);
    expect(l.E6!.fill).toEqual(solid('warning'));
    expect(l.E6!.note).not.toContain(NOTE_SIGNATURE);
  });

  it('English: notes, column and messages in English', async () => {
    const out = await checked(seed('seed002.xlsx'), { lang: 'en' });
    const l = await look(out, '风险防控治理', ['J12', 'E6', 'J20']);
    expect(l.J12!.value).toBe('Review');
    expect(l.E6!.note).toContain('Spending 22.24 (10k yuan) exceeds the full-year budget 22.20 (10k yuan)');
    expect(String(l.J20!.value)).toMatch(/^Recomputed total 110\.00 · no grade \(weights not 100\); ✗ weights add up to 110\.00, not 100/);
  });

  it('everything a person sees in a checked and cleared workbook is the original', async () => {
    const original = seed('seed002-stacked.xlsx');
    expect(await everything(await cleared(await checked(original)))).toEqual(await everything(original));
  });
});
