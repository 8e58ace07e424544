/**
 * A day with the add-in (issue 20), on the built pages in Debian's Chromium at Excel's 340 px: a pane that
 * answers at once (its frame before office.js, the blocked message once a hanging office.js times out),
 * the engine off the UI thread (no long task over 100 ms while ten stacked tables are checked), a toolbar
 * in one row with the rest in an overflow menu, the verdict and the first finding in the first screen,
 * filters that hide empty cards, a list of tables to jump to, the status on a sheet change, an unreadable
 * region that can be selected, focus back on the button that opened a dialog, tooltips off the selection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { ensureBundle } from '../bundle';
import { DIST, OFFICE_JS, ROOT, launch, recordRequests, serve } from './harness';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  ensureBundle();
  server = await serve(DIST);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


async function preview(width: number, locale = 'zh-CN', file?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: width + 900, height: 800 }, locale });
  await recordRequests(page, server.url);
  await page.goto(`${server.url}preview.html`);
  await page.getByRole('toolbar').waitFor();
  if (file) {
    await page.locator('input[data-testid="open-workbook"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', file));
    await page.getByText(path.basename(file), { exact: false }).first().waitFor();
  }
  return page;
}

describe('a pane that answers at once', () => {
  it('draws its frame before office.js arrives, and says office.js is blocked when the request hangs past the timeout', async () => {
    const page = await browser.newPage({ viewport: { width: 340, height: 700 }, locale: 'zh-CN' });
    await page.clock.install();
    const hanging: Route[] = [];
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) hanging.push(route); // a firewall that drops the packets: no answer, ever
      else if (url.startsWith(server.url)) await route.continue();
      else await route.abort();
    });
    await page.goto(`${server.url}taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`, { waitUntil: 'commit' });
    await page.getByRole('heading', { name: '绩效自评校验' }).waitFor();
    await page.getByText('正在连接 Excel…').waitFor();
    await expect.poll(() => hanging.length).toBe(1);
    await page.clock.runFor(7_000);
    await expect(page.getByText('无法加载 Office 的脚本').count()).resolves.toBe(0);
    await page.clock.runFor(1_500);
    await page.getByText('无法加载 Office 的脚本').waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain(OFFICE_JS);
    await page.close();
  });
});

describe('the engine off the UI thread', () => {
  it('no long task over 100 ms while ten stacked tables are checked, with progress said', async () => {
    const page = await preview(340, 'zh-CN', 'seed002-stacked.xlsx');
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText('共 10 张表：错误 6，警告 24。').waitFor();
    const long = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log('long tasks', long);
    expect(long.filter((d) => d > 100)).toEqual([]);
    // The engine ran in a worker: the page loaded its chunk.
    const workers = page.workers().map((w) => w.url());
    expect(workers.some((u) => /engine\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    await page.close();
  });
});
