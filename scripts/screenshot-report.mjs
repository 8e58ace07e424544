#!/usr/bin/env node
/**
 * Development aid: redraws the README's picture of 核对报告 from the built pages (npm run build first), in
 * Debian's Chromium, as scripts/screenshots.mjs does the others: the preview with seed 003's workbook open
 * and its report (tests/fixtures/reports/report003.docx) picked, at Excel's pane width.
 *   node scripts/screenshot-report.mjs
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist-addin');
const OUT = path.join(ROOT, 'docs', 'images');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png' };
const server = http.createServer((req, res) => {
  const f = path.join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'taskpane.html');
  if (!f.startsWith(DIST) || !fs.existsSync(f) || !fs.statSync(f).isFile()) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[path.extname(f)] ?? 'application/octet-stream' }).end(fs.readFileSync(f));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const p = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN', deviceScaleFactor: 1 });
await p.route('**/*', (r) => (r.request().url().startsWith(url) ? r.continue() : r.abort()));
fs.mkdirSync(OUT, { recursive: true });

await p.goto(`${url}preview.html`);
await p.locator('input[data-testid="open-workbook"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'seed003.xlsx'));
await p.getByText('seed003.xlsx', { exact: false }).first().waitFor();
const dismiss = p.getByRole('button', { name: '知道了' });
if (await dismiss.count()) await dismiss.click();
await p.locator('input[data-testid="pick-report"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'reports', 'report003.docx'));
await p.locator('[data-testid="report-check"]').getByText('不符 2 处', { exact: false }).waitFor();
await p.locator('[data-pane]').screenshot({ path: path.join(OUT, 'taskpane-report.png') });

await browser.close();
server.close();
console.log(`written to ${path.relative(ROOT, OUT)}/taskpane-report.png`);
