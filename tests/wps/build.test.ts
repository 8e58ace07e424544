/**
 * The WPS 加载项 as `npm run build` writes it (dist-addin/wps/): the ribbon XML, the pages, the project file
 * wpsjs reads, the offline install list, the icons — and the built ribbon script itself, run in a sandbox
 * with the strict fake of WPS's object model: its buttons check, clear and summarise.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBundle } from '../bundle';
import vm from 'node:vm';
import { SaxesParser } from 'saxes';
import { FakeBook } from '../office/fakeExcel';
import { fakeEt } from './fakeEt';
import { fixturePath } from '../helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const WPS = path.join(ROOT, 'dist-addin', 'wps');


beforeAll(() => {
  ensureBundle();
}, 300_000);

interface Element {
  name: string;
  attributes: Record<string, string>;
}

function elements(xml: string): Element[] {
  const out: Element[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (t) => out.push({ name: t.name, attributes: t.attributes as Record<string, string> }));
  parser.write(xml).close();
  return out;
}

describe('the WPS add-in build', () => {
  it('ribbon.xml: a well-formed customUI tab with the eight buttons, calling the main page', () => {
    const els = elements(readFileSync(path.join(WPS, 'ribbon.xml'), 'utf8'));
    const root = els[0]!;
    expect(root).toMatchObject({ name: 'customUI', attributes: { xmlns: 'http://schemas.microsoft.com/office/2006/01/customui', onLoad: 'ribbon.OnAddinLoad' } });
    const buttons = els.filter((e) => e.name === 'button').map((e) => [e.attributes.id, e.attributes.label, e.attributes.onAction, e.attributes.getImage]);
    expect(buttons).toEqual([
      ['selfevalCheck', '校验本表', 'ribbon.OnAction', 'ribbon.GetImage'],
      ['selfevalClear', '清除标记', 'ribbon.OnAction', 'ribbon.GetImage'],
      ['selfevalCheckAll', '校验全部工作表', 'ribbon.OnAction', 'ribbon.GetImage'],
      ['selfevalClearAll', '清除标记（全部工作表）', 'ribbon.OnAction', 'ribbon.GetImage'],
      ['selfevalSummary', '生成汇总表', 'ribbon.OnAction', 'ribbon.GetImage'],
      ['selfevalFill', '填写计算值', 'ribbon.OnAction', 'ribbon.GetImage'],
      ['selfevalUndoFill', '撤销填写', 'ribbon.OnAction', 'ribbon.GetImage'],
      ['selfevalPane', '校验面板', 'ribbon.OnAction', 'ribbon.GetImage'],
    ]);
  });

  it('wpsjs debug reads the project file without failing (the offline publish.xml: offline.test.ts)', () => {
    const wpsjs = path.join(ROOT, 'node_modules', 'wpsjs', 'src', 'lib');
    const project = JSON.parse(readFileSync(path.join(WPS, 'package.json'), 'utf8')) as { name: string; addonType: string; version: string; scripts?: Record<string, string> };
    // wpsjs debug reads projCfg.scripts.dev (debug.js) on WPS versions before 16910: scripts must be there.
    expect(readFileSync(path.join(wpsjs, 'debug.js'), 'utf8')).toContain('projCfg.scripts.dev');
    expect(() => project.scripts!.dev).not.toThrow();
    expect(project.scripts).toEqual({});
  });

  it('the pages load their scripts; the project file is what wpsjs reads', () => {
    expect(readFileSync(path.join(WPS, 'index.html'), 'utf8')).toMatch(/<script[^>]+src="?ribbon\.js"?[ >]/);
    expect(readFileSync(path.join(WPS, 'taskpane.html'), 'utf8')).toMatch(/<script[^>]+src="?taskpane\.js"?[ >]/);
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(JSON.parse(readFileSync(path.join(WPS, 'package.json'), 'utf8'))).toMatchObject({ name: 'selfeval', version, addonType: 'et' });
    for (const icon of ['check', 'clear', 'summary', 'fill', 'undo', 'pane']) expect(existsSync(path.join(WPS, 'images', `${icon}.svg`))).toBe(true);
  });

  it('wps.EtApplication is a property: the ribbon script finds the application through it', async () => {
    const book = await FakeBook.fromXlsx(readFileSync(fixturePath('seed002.xlsx')));
    const { app } = fakeEt(book);
    const window: Record<string, unknown> = { location: { href: 'http://127.0.0.1:3889/wps/index.html' }, wps: { EtApplication: app }, navigator: { language: 'zh-CN' } };
    window.window = window;
    vm.runInContext(readFileSync(path.join(WPS, 'ribbon.js'), 'utf8'), vm.createContext(window));
    const ribbon = window.ribbon as { OnAction: (c: { Id: string }) => boolean };
    ribbon.OnAction({ Id: 'selfevalFill' });
    expect([...app.panes.values()].map((p) => p.url)).toEqual(['http://127.0.0.1:3889/wps/taskpane.html?action=fill']);
  });

  it('the built ribbon script, run as WPS runs it, checks, clears and summarises the open workbook', async () => {
    const book = await FakeBook.fromXlsx(readFileSync(fixturePath('seed002.xlsx')));
    book.active = '风险防控治理';
    const before = book.snapshot();
    const { app } = fakeEt(book);
    const said: string[] = [];
    const storage = new Map<string, string>();
    const window: Record<string, unknown> = {
      location: { href: 'http://127.0.0.1:3889/wps/index.html' },
      alert: (m: string) => said.push(m),
      localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
      Application: app,
      navigator: { language: 'zh-CN' },
    };
    window.window = window;
    window.self = window;
    const context = vm.createContext(window);
    vm.runInContext(readFileSync(path.join(WPS, 'ribbon.js'), 'utf8'), context);
    const ribbon = window.ribbon as { OnAddinLoad: (ui: unknown) => boolean; OnAction: (c: { Id: string }) => boolean; GetImage: (c: { Id: string }) => string };
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.GetImage({ Id: 'selfevalSummary' })).toBe('images/summary.svg');

    ribbon.OnAction({ Id: 'selfevalCheck' });
    await vi_waitFor(() => said.length === 1);
    expect(said[0]).toMatch(/^已校验 1 张表：错误 2，警告 6/);
    expect(book.sheet('风险防控治理')!.at('G20')!.fill!.color).toBe('#FFC7CE');

    ribbon.OnAction({ Id: 'selfevalClear' });
    await vi_waitFor(() => said.length === 2);
    expect(said[1]).toMatch(/^已清除 \d+ 个单元格的标记/);
    expect(book.snapshot()).toEqual(before);

    // 撤销填写 with nothing filled says so and writes nothing.
    expect(ribbon.GetImage({ Id: 'selfevalUndoFill' })).toBe('images/undo.svg');
    ribbon.OnAction({ Id: 'selfevalUndoFill' });
    await vi_waitFor(() => said.length === 3);
    expect(said[2]).toBe('本表没有可撤销的填写。');
    expect(book.snapshot()).toEqual(before);
    said.splice(2, 1);

    ribbon.OnAction({ Id: 'selfevalSummary' });
    await vi_waitFor(() => said.length === 3);
    expect(said[2]).toContain('单位自评项目10个');
    expect(book.sheets[0]!.name).toBe('绩效自评汇总');

    // 校验面板 opens the pane beside the main page, docked right, and hides it again.
    ribbon.OnAction({ Id: 'selfevalPane' });
    const panes = () => [...app.panes.values()].map((p) => [p.url, p.Visible, p.DockPosition]);
    expect(panes()).toEqual([['http://127.0.0.1:3889/wps/taskpane.html', true, 2]]);
    ribbon.OnAction({ Id: 'selfevalPane' });
    expect(panes()).toEqual([['http://127.0.0.1:3889/wps/taskpane.html', false, 2]]);
    // 填写计算值 shows that same pane (one pane, never a second one with a live page of its own) and leaves
    // it the action (fill) to start; it writes nothing by itself.
    const beforeFill = book.snapshot();
    ribbon.OnAction({ Id: 'selfevalFill' });
    expect(panes()).toEqual([['http://127.0.0.1:3889/wps/taskpane.html', true, 2]]);
    expect(app.PluginStorage.getItem('selfeval_pane_action')).toBe('fill');
    ribbon.OnAction({ Id: 'selfevalFill' });
    expect(app.panes.size).toBe(1);
    expect(book.snapshot()).toEqual(beforeFill);
    // 校验面板 then acts on that pane.
    ribbon.OnAction({ Id: 'selfevalPane' });
    expect(panes()[0]![1]).toBe(false);
  });
});

async function vi_waitFor(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}
