/**
 * Serves the built add-in (dist-addin/) on loopback and drives Debian's Chromium with playwright-core.
 * Every request the page makes is recorded; anything not ours is aborted (this machine has no network,
 * and the product must not need one).
 */
import http from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureBundle } from '../bundle';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist-addin');
export const CHROMIUM = '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(dir, rel || 'taskpane.html');
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium) to run the browser tests`);
  }
  // Playwright starts each browser with a fresh, empty profile of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Records every request; lets through only the page's own origin. */
export async function recordRequests(page: Page, origin: string): Promise<string[]> {
  const seen: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    seen.push(url);
    if (url.startsWith(origin)) await route.continue();
    else await route.abort();
  });
  return seen;
}

/**
 * Runs one of the pane's actions as a user would: its toolbar button where the row has room for it,
 * otherwise the overflow menu's item.
 */
export async function act(page: Page, id: string, scope = 'main'): Promise<void> {
  const button = page.locator(`${scope} [role="toolbar"] button[data-action="${id}"]`);
  if (await button.isVisible()) {
    await button.click();
    return;
  }
  await page.locator(`${scope} [role="toolbar"] button[data-action="more"]`).click();
  await page.locator(`[role="menuitem"][data-action="${id}"]`).click();
}

/** The built pages served on loopback and a Chromium to open them: started once for a test file, stopped after it. */
export interface Served {
  readonly browser: Browser;
  readonly url: string;
}

export function servedPages(): Served {
  const served = { browser: undefined as unknown as Browser, url: '' };
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    ensureBundle();
    server = await serve(DIST);
    served.url = server.url;
    served.browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await served.browser?.close();
    await server?.close();
  });
  return served;
}
