/**
 * The ribbon's 校验本表 (ExecuteFunction): registered under the name the manifest gives, checks the
 * active sheet without the pane, completes the event, and always says what came of it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { FakeBook, fakeRunner } from './fakeExcel';
import { ExcelHost } from '../../src/office/excelHost';
import { defaultSettings } from '../../src/office/settings';
import { fixturePath } from '../helpers';

type Handler = (event: { completed: () => void }) => Promise<void>;

async function setup(sheet: string, protect = false) {
  const book = await FakeBook.fromXlsx(readFileSync(fixturePath('seed002.xlsx')));
  book.active = sheet;
  book.sheet(sheet)!.protected = protect;
  const handlers = new Map<string, Handler>();
  const dialogs: string[] = [];
  // The dialog Office gives the command: its handlers, and whether the command closed it.
  const dialog = { handlers: new Map<string, (arg: unknown) => void>(), closed: 0 };
  vi.stubGlobal('Office', {
    onReady: (cb: () => void) => cb(),
    actions: { associate: (name: string, fn: Handler) => handlers.set(name, fn) },
    context: {
      displayLanguage: 'zh-CN',
      requirements: { isSetSupported: (_set: string, v: string) => book.supports(v) },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          dialogs.push(url);
          cb({ status: 'succeeded', value: { addEventHandler: (type: string, h: (arg: unknown) => void) => dialog.handlers.set(type, h), close: () => dialog.closed++ } });
        },
      },
    },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  });
  vi.stubGlobal('Excel', { run: fakeRunner(book).run });
  vi.stubGlobal('window', { location: { href: 'https://localhost:3000/commands.html' }, localStorage: undefined });
  vi.resetModules();
  await import('../../src/commands/commands');
  return { book, handlers, dialogs, dialog };
}

afterEach(() => vi.unstubAllGlobals());

describe('ribbon command 校验本表', () => {
  it('is registered as checkSheet and marks the active sheet', async () => {
    const { book, handlers, dialogs, dialog } = await setup('风险防控治理');
    const completed = vi.fn();
    const done = handlers.get('checkSheet')!({ completed });
    await vi.waitFor(() => expect(dialogs).toHaveLength(1));
    expect(book.sheet('风险防控治理')!.at('G20')!.fill!.color).toBe('#FFC7CE');
    // It says what came of it, in a dialog that goes after 4 seconds ...
    const url = new URL(dialogs[0]!);
    expect(url.searchParams.get('m')).toBe('已校验 1 张表：错误 2，警告 6。标记和复核结果列已写入，「清除标记」可撤销。');
    expect(url.searchParams.get('close')).toBe('4');
    // ... the documented way: the dialog asks (messageParent), the command closes it, then completes.
    expect(completed).not.toHaveBeenCalled();
    dialog.handlers.get('dialogMessageReceived')!({ message: 'close' });
    await done;
    expect(dialog.closed).toBe(1);
    expect(completed).toHaveBeenCalledOnce();
  });

  it('the dialog page asks its opener to close it (messageParent), never window.close()', async () => {
    const html = readFileSync(path.join(__dirname, '..', '..', 'src', 'commands', 'message.html'), 'utf8');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const sent: string[] = [];
    let closed = 0;
    const timers: (() => void)[] = [];
    const text = { textContent: '' };
    const sandbox = {
      location: { search: '?m=%E5%B7%B2%E6%A0%A1%E9%AA%8C&close=4' },
      URLSearchParams,
      document: { getElementById: () => text },
      setTimeout: (fn: () => void) => timers.push(fn),
      window: { close: () => closed++ },
      Office: { onReady: (fn: () => void) => fn(), context: { ui: { messageParent: (m: string) => sent.push(m) } } },
    };
    vm.runInNewContext(script, sandbox);
    expect(text.textContent).toBe('已校验');
    for (const t of timers) t();
    expect(sent).toEqual(['close']);
    expect(closed).toBe(0);
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });

  it('on a protected sheet writes nothing and says why', async () => {
    const { book, handlers, dialogs, dialog } = await setup('风险防控治理', true);
    const completed = vi.fn();
    const done = handlers.get('checkSheet')!({ completed });
    await vi.waitFor(() => expect(dialogs).toHaveLength(1));
    // The message stays until the user closes the dialog (DialogEventReceived 12006); then the command completes.
    dialog.handlers.get('dialogEventReceived')!({ error: 12006 });
    await done;
    expect(completed).toHaveBeenCalledOnce();
    expect(dialog.closed).toBe(0);
    expect(book.writes).toBe(0);
    expect(dialogs).toHaveLength(1);
    expect(new URL(dialogs[0]!).searchParams.get('m')).toBe('工作表「风险防控治理」受保护，已校验但未写入标记。');
    expect(new URL(dialogs[0]!).searchParams.get('close')).toBeNull();
    expect(new URL(dialogs[0]!).pathname).toBe('/message.html');
  });
});

describe('ribbon command 撤销填写', () => {
  it('is registered as undoFill: puts back what 填写计算值 replaced, keeps a cell typed over since and names it', async () => {
    const { book, handlers, dialogs, dialog } = await setup('巡查员工作经费');
    const ws = book.sheet('巡查员工作经费')!;
    ws.ensure(5, 6).value = null; // G6 执行率
    ws.ensure(20, 7).value = null; // H21 总分
    const host = new ExcelHost({ run: fakeRunner(book).run, supports: book.supports });
    const zh = defaultSettings('zh-CN');
    const plan = await host.planFill(zh);
    if (plan.kind !== 'plan') throw new Error(plan.kind);
    expect(plan.plan.changes.map((c) => c.cell)).toEqual(['G6', 'H21']);
    await host.applyFill(zh, plan.plan);
    ws.ensure(20, 7).value = 97;
    const completed = vi.fn();
    const done = handlers.get('undoFill')!({ completed });
    await vi.waitFor(() => expect(dialogs).toHaveLength(1));
    // Something to read stays until the user closes the dialog; then the command completes.
    expect(completed).not.toHaveBeenCalled();
    dialog.handlers.get('dialogEventReceived')!({ error: 12006 });
    await done;
    expect(completed).toHaveBeenCalledOnce();
    expect(ws.get(5, 6)?.value ?? null).toBeNull();
    expect(ws.get(20, 7)!.value).toBe(97);
    expect(new URL(dialogs[0]!).searchParams.get('m')).toBe('已撤销填写：1 个单元格恢复为填写前的内容。H21 在填写后已被改动，保留现有内容。');
    // Something to read stays open.
    expect(new URL(dialogs[0]!).searchParams.get('close')).toBeNull();
  });
});

describe('ribbon commands 校验全部工作表 and 清除标记（全部工作表）', () => {
  it('checkAllSheets marks every work sheet and says how many, by chip, naming those with errors; clearAllSheets takes them back', async () => {
    const { book, handlers, dialogs, dialog } = await setup('风险防控治理');
    const pristine = book.snapshot();
    const completed = vi.fn();
    const done = handlers.get('checkAllSheets')!({ completed });
    await vi.waitFor(() => expect(dialogs).toHaveLength(1));
    const names = book.sheets.filter((s) => s.visibility === 'Visible' && s.name !== 'selfeval_state').map((s) => s.name);
    // Every sheet was marked, not the active one only.
    expect(book.sheet('风险防控治理')!.at('G20')!.fill!.color).toBe('#FFC7CE');
    expect(names.filter((n) => [...(book.sheet(n)?.cells.values() ?? [])].some((c) => c.value === '复核结果'))).toHaveLength(names.length);
    const text = new URL(dialogs[0]!).searchParams.get('m') ?? '';
    expect(text).toMatch(new RegExp(`^已校验 ${names.length} 张工作表：错误 \\d+ 张，警告 \\d+ 张，通过 \\d+ 张，无自评表 \\d+ 张。\n有错误的工作表：.*「风险防控治理」`));
    // A list to read stays until the user closes it.
    expect(new URL(dialogs[0]!).searchParams.get('close')).toBeNull();
    dialog.handlers.get('dialogEventReceived')!({ error: 12006 });
    await done;
    expect(completed).toHaveBeenCalledOnce();

    const cleared = vi.fn();
    const clearing = handlers.get('clearAllSheets')!({ completed: cleared });
    await vi.waitFor(() => expect(dialogs).toHaveLength(2));
    expect(new URL(dialogs[1]!).searchParams.get('m')).toMatch(new RegExp(`^已清除 ${names.length} 张工作表上 \\d+ 个单元格的标记；复核意见保留。$`));
    expect(new URL(dialogs[1]!).searchParams.get('close')).toBe('4');
    dialog.handlers.get('dialogMessageReceived')!({ message: 'close' });
    await clearing;
    expect(cleared).toHaveBeenCalledOnce();
    expect(book.snapshot()).toEqual(pristine);
  });
});
