/**
 * The webviews the add-in declares (README, "Which Office runs it"): its bundles are ES2022 — WebView2,
 * Safari 16.4+, current browsers parse them — and cannot be parsed by Internet Explorer 11 (ES5) or Edge
 * Legacy; there, webview.js (ES5, loaded first by the pane and the command page) shows a message in the
 * pane and from the ribbon button instead of a blank pane. Run here on the built files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { ensureBundle } from '../bundle';

const DIST = path.resolve(__dirname, '..', '..', 'dist-addin');

beforeAll(() => {
  ensureBundle();
}, 300_000);

const scripts = () => readdirSync(DIST).filter((f) => f.endsWith('.js') && f !== 'webview.js' && !f.startsWith('preview'));

function parses(code: string, ecmaVersion: 5 | 2017 | 2022): boolean {
  try {
    parse(code, { ecmaVersion, sourceType: 'script' });
    return true;
  } catch {
    return false;
  }
}

/** webview.js run in a page of the given engine: `modern` false makes new Function reject ES2022 syntax, as IE11 and EdgeHTML do. */
function runProbe(modern: boolean) {
  const root = { innerHTML: 'x', children: [] as { text: string }[], appendChild(p: { text: string }) { this.children.push(p); } };
  const dialogs: string[] = [];
  const completed: number[] = [];
  const associated = new Map<string, (e: { completed: () => void }) => void>();
  const sandbox: Record<string, unknown> = {
    navigator: { language: 'zh-CN' },
    location: { href: 'https://addin.example/selfeval/commands.html?_host_Info=Excel' },
    document: {
      readyState: 'complete',
      getElementById: (id: string) => (id === 'root' ? root : null),
      createElement: () => ({ text: '', style: {}, setAttribute() {}, appendChild(t: { t: string }) { this.text += t.t; } }),
      createTextNode: (t: string) => ({ t }),
      addEventListener() {},
    },
    Office: {
      onReady: (f: () => void) => f(),
      actions: { associate: (name: string, f: (e: { completed: () => void }) => void) => associated.set(name, f) },
      context: { ui: { displayDialogAsync: (url: string, _o: unknown, cb: () => void) => (dialogs.push(url), cb()) } },
    },
  };
  if (!modern) {
    sandbox.Function = function (body: string) {
      if (/static|\?\.|\?\?/.test(body)) throw new SyntaxError('Expected identifier');
      return () => undefined;
    };
  }
  sandbox.window = sandbox;
  vm.runInNewContext(readFileSync(path.join(DIST, 'webview.js'), 'utf8'), sandbox);
  return { sandbox, root, dialogs, completed, associated };
}

describe('webviews', () => {
  it('the bundles parse as ES2022 (the declared webviews), not as ES5 or ES2017 (IE11, Edge Legacy)', () => {
    expect(scripts()).toEqual(expect.arrayContaining(['taskpane.js', 'commands.js']));
    for (const f of scripts()) {
      const code = readFileSync(path.join(DIST, f), 'utf8');
      expect(parses(code, 2022), f).toBe(true);
    }
    expect(parses(readFileSync(path.join(DIST, 'taskpane.js'), 'utf8'), 5)).toBe(false);
    expect(parses(readFileSync(path.join(DIST, 'taskpane.js'), 'utf8'), 2017)).toBe(false);
  });

  it('webview.js is ES5 and is loaded before the bundles by the pane and the command page', () => {
    expect(parses(readFileSync(path.join(DIST, 'webview.js'), 'utf8'), 5)).toBe(true);
    for (const [page, bundle] of [['taskpane.html', 'taskpane.js'], ['commands.html', 'commands.js']] as const) {
      const html = readFileSync(path.join(DIST, page), 'utf8');
      const probe = html.search(/<script src="?webview\.js"?>/);
      expect(probe, page).toBeGreaterThan(0);
      expect(probe, page).toBeLessThan(html.indexOf(`src=${bundle}`) >= 0 ? html.indexOf(`src=${bundle}`) : html.indexOf(`src="${bundle}"`));
    }
  });

  it('in a current webview it does nothing', () => {
    const { sandbox, root, associated } = runProbe(true);
    expect(sandbox.selfevalWebviewSupported).toBe(true);
    expect(root.innerHTML).toBe('x');
    expect(associated.size).toBe(0);
  });

  it('in IE11 or Edge Legacy the pane says why it cannot run, and so does the ribbon button', () => {
    const { sandbox, root, dialogs, associated } = runProbe(false);
    expect(sandbox.selfevalWebviewSupported).toBe(false);
    expect(root.innerHTML).toBe('');
    expect(JSON.stringify(root.children)).toContain('Internet Explorer 11 或旧版 Edge');
    expect(JSON.stringify(root.children)).toContain('WebView2');
    const completed: number[] = [];
    associated.get('checkSheet')!({ completed: () => completed.push(1) });
    expect(completed).toEqual([1]);
    expect(dialogs).toHaveLength(1);
    const url = new URL(dialogs[0]!);
    expect(url.origin + url.pathname).toBe('https://addin.example/selfeval/message.html');
    expect(url.searchParams.get('m')).toContain('无法运行绩效自评校验');
  });
});
