/**
 * The WPS ribbon's 校验全部工作表 and 清除标记（全部工作表） (runAction, as ribbon.OnAction calls it), through the
 * strict fake of WPS's object model: every work sheet marked, the outcome said by sheet, all taken back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { FakeBook } from '../office/fakeExcel';
import { fakeEt } from './fakeEt';
import { WpsHost } from '../../src/wps/wpsHost';
import type { EtApplication } from '../../src/wps/et';
import { fixturePath } from '../helpers';

afterEach(() => vi.unstubAllGlobals());

async function ribbonScript(): Promise<typeof import('../../src/wps/ribbon')> {
  vi.stubGlobal('window', { location: { href: 'http://127.0.0.1:3889/wps/index.html' }, localStorage: undefined });
  vi.stubGlobal('navigator', { language: 'zh-CN' });
  vi.resetModules();
  return import('../../src/wps/ribbon');
}

describe('WPS ribbon: the whole workbook', () => {
  it('selfevalCheckAll marks every sheet and says so by sheet; selfevalClearAll gives the workbook back', async () => {
    const { runAction } = await ribbonScript();
    const book = await FakeBook.fromXlsx(readFileSync(fixturePath('seed002.xlsx')));
    const before = book.snapshot();
    const { app } = fakeEt(book);
    const host = new WpsHost(app as unknown as EtApplication);
    const said: string[] = [];
    await runAction('selfevalCheckAll', host, (t) => said.push(t));
    const names = book.sheets.map((s) => s.name).filter((n) => n !== 'selfeval_state');
    expect(said[0]).toMatch(new RegExp(`^已校验 ${names.length} 张工作表：错误 \\d+ 张，警告 \\d+ 张，通过 \\d+ 张，无自评表 \\d+ 张。\n有错误的工作表：.*「风险防控治理」`));
    expect(book.sheet('风险防控治理')?.at('G20')?.fill?.color).toBe('#FFC7CE');
    for (const n of names) expect([...(book.sheet(n)?.cells.values() ?? [])].some((c) => c.value === '复核结果')).toBe(true);
    await runAction('selfevalClearAll', host, (t) => said.push(t));
    expect(said[1]).toMatch(new RegExp(`^已清除 ${names.length} 张工作表上 \\d+ 个单元格的标记；复核意见保留。$`));
    expect(book.snapshot()).toEqual(before);
  });

  it('a protected sheet is named as checked, not marked', async () => {
    const { runAction } = await ribbonScript();
    const book = await FakeBook.fromXlsx(readFileSync(fixturePath('seed002.xlsx')));
    const locked = book.sheet('风险防控治理');
    if (!locked) throw new Error('seed002');
    locked.protected = true;
    const { app } = fakeEt(book);
    const said: string[] = [];
    await runAction('selfevalCheckAll', new WpsHost(app as unknown as EtApplication), (t) => said.push(t));
    expect(said[0]).toContain('受保护、已校验但未写入标记：「风险防控治理」。');
    expect(locked.at('G20')?.fill ?? null).toBeNull();
  });
});
