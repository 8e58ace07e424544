/**
 * The pane's check, timed in Debian's Chromium as the browser tests drive it (tests/browser): the built
 * add-in's preview page opens a workbook of stacked tables, 校验本表 is clicked, and what is measured is
 * the time from the click to the verdict ("共 N 张表…") and the longest task the page's main thread ran
 * meanwhile (a long task is what a user feels as a frozen pane; the engine runs in a worker).
 */
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

export interface PaneFigures {
  readonly tables: number;
  readonly verdictMs: number;
  readonly longestTaskMs: number;
}

/** dist-addin served on loopback, as the browser tests serve it. */
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(dir, rel || 'preview.html');
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

interface Probe {
  longTasks: number[];
}

/** Each workbook checked in the preview page; why not, where the add-in is not built or Chromium is missing. */
export async function paneFigures(dist: string, workbooks: readonly { readonly tables: number; readonly bytes: Uint8Array }[]): Promise<PaneFigures[] | string> {
  if (!existsSync(path.join(dist, 'preview.html'))) return 'add-in not built (npm run build)';
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found`;
  const served = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-bench-pane-'));
  try {
    const out: PaneFigures[] = [];
    for (const wb of workbooks) {
      const file = path.join(dir, `stacked-${wb.tables}.xlsx`);
      writeFileSync(file, wb.bytes);
      const page = await browser.newPage({ viewport: { width: 1240, height: 800 }, locale: 'zh-CN' });
      await page.route('**/*', (route) => (route.request().url().startsWith(served.url) ? route.continue() : route.abort()));
      await page.goto(`${served.url}preview.html`);
      await page.getByRole('toolbar').waitFor();
      await page.locator('input[data-testid="open-workbook"]').setInputFiles(file);
      await page.getByText(path.basename(file), { exact: false }).first().waitFor();
      await page.evaluate(() => {
        const probe = globalThis as unknown as Probe;
        probe.longTasks = [];
        // Node's types know no 'longtask': this runs in the page, where Chromium reports them.
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) probe.longTasks.push(e.duration);
        }).observe({ type: 'longtask' as 'mark' });
      });
      const start = Date.now();
      await page.getByRole('button', { name: '校验本表' }).click();
      await page.getByText(`共 ${wb.tables} 张表`).first().waitFor({ timeout: 120_000 });
      const verdictMs = Date.now() - start;
      const long = await page.evaluate(() => (globalThis as unknown as Probe).longTasks);
      out.push({ tables: wb.tables, verdictMs, longestTaskMs: Math.round(Math.max(0, ...long)) });
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
