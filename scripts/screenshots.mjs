#!/usr/bin/env node
/**
 * Development aid: redraws the README's pictures of the pane from the built pages (npm run build first),
 * in Debian's Chromium: the pane after 校验本表 on the sample, the same at Excel's 340 px on a sheet of
 * ten stacked tables (and its first screen, 700 px tall), the summary in the preview, the pane without
 * office.js, 核对报告 on seed 003's report.
 *   node scripts/screenshots.mjs
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist-addin');
const OUT = path.join(ROOT, 'docs', 'images');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.xlsx': 'application/octet-stream', '.png': 'image/png' };
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
async function page(width, height) {
  const p = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', deviceScaleFactor: 1 });
  await p.route('**/*', (r) => (r.request().url().startsWith(url) ? r.continue() : r.abort()));
  return p;
}
fs.mkdirSync(OUT, { recursive: true });

// 1. The sample's 风险防控治理 after 校验本表: marks in the grid, the card in the pane.
let p = await page(1280, 820);
await p.goto(`${url}preview.html`);
await p.getByRole('button', { name: '风险防控治理', exact: true }).click();
await p.getByRole('button', { name: '校验本表' }).click();
await p.getByText('共 1 张表：错误 2，警告 6。').waitFor();
await p.getByRole('button', { name: '知道了' }).click();
await p.locator('[data-pane]').evaluate((e) => e.scrollTo(0, 0));
await p.screenshot({ path: path.join(OUT, 'taskpane-preview.png') });

// 2. Ten stacked tables: failing first, clean ones folded (the pane alone, 340 px wide).
await p.locator('input[data-testid="open-workbook"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'seed002-stacked.xlsx'));
await p.getByRole('button', { name: '校验本表' }).waitFor();
await p.getByRole('button', { name: '校验本表' }).click();
await p.getByText('共 10 张表：错误 6，警告 24。').waitFor();
await p.locator('[data-pane] [data-table]').nth(9).waitFor(); // cards are drawn a few a frame
// With the 错误 filter: the cards it leaves empty hidden, and said so; the pane tall enough to show them all.
await p.locator('[data-pane]').getByRole('tab', { name: /错误/ }).click();
await p.setViewportSize({ width: 1280, height: 1500 });
await p.locator('[data-pane]').screenshot({ path: path.join(OUT, 'taskpane-tables.png') });
await p.locator('[data-pane]').getByRole('tab', { name: '全部' }).click();
// What a reviewer sees first at 340 × 700: the verdict and the first findings.
await p.setViewportSize({ width: 1280, height: 700 });
await p.locator('[data-pane]').screenshot({ path: path.join(OUT, 'taskpane-first-screen.png') });
await p.setViewportSize({ width: 1280, height: 820 });

// 3. 生成汇总表 on the sample.
await p.goto(`${url}preview.html`);
// 生成汇总表 is in the overflow menu at 340 px.
await p.locator('[data-pane] button[data-action="more"]').click();
await p.locator('[role="menuitem"][data-action="summary"]').click();
await p.getByText('已生成汇总表「绩效自评汇总」。').waitFor();
await p.mouse.move(600, 500);
await p.waitForTimeout(500);
await p.screenshot({ path: path.join(OUT, 'summary-preview.png') });
await p.close();

// 4. 核对报告: seed 003's report against its workbook (the pane alone).
p = await page(1280, 1000);
await p.goto(`${url}preview.html`);
await p.locator('input[data-testid="open-workbook"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'seed003.xlsx'));
await p.getByText('seed003.xlsx', { exact: false }).first().waitFor();
await p.getByRole('button', { name: '知道了' }).click();
await p.locator('input[data-testid="pick-report"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'reports', 'report003.docx'));
await p.locator('[data-testid="report-check"]').getByText('不符 2 处', { exact: false }).waitFor();
await p.locator('[data-pane]').screenshot({ path: path.join(OUT, 'taskpane-report.png') });
await p.close();

// 5. Inside Office with office.js blocked.
p = await page(340, 520);
await p.goto(`${url}taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
await p.getByText('无法加载 Office 的脚本').waitFor();
await p.screenshot({ path: path.join(OUT, 'taskpane-no-office.png') });

// 6. 校验全部工作表 on the 16-sheet sample at 340 px, in both languages: the chips, then a picked sheet with a
// verdict recorded (the pane alone).
for (const [locale, words] of [
  ['zh-CN', { done: '已校验 16 张工作表', verify: '已核实…', note: '分值按批复的指标体系', confirm: '确认', dismiss: '知道了', suffix: '' }],
  ['en-US', { done: 'Checked 16 sheets', verify: 'Verified…', note: 'weights as approved', confirm: 'Confirm', dismiss: 'Got it', suffix: '-en' }],
]) {
  p = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale, deviceScaleFactor: 1 });
  await p.route('**/*', (r) => (r.request().url().startsWith(url) ? r.continue() : r.abort()));
  await p.goto(`${url}preview.html`);
  await p.getByRole('button', { name: words.dismiss }).click();
  await p.locator('[data-pane] button[data-action="more"]').click();
  await p.locator('[role="menuitem"][data-action="checkAll"]').click();
  await p.getByTestId('status').getByText(words.done, { exact: false }).waitFor();
  await p.locator('[data-pane] button[data-sheet="风险防控治理"]').click();
  await p.locator('[data-pane] button[data-code="WEIGHT_SUM_NOT_100"]').click();
  await p.locator('[data-pane]').getByRole('button', { name: words.verify }).click();
  await p.locator('[data-pane] [data-testid="verdict-form"] input').fill(words.note);
  await p.locator('[data-pane]').getByRole('button', { name: words.confirm }).click();
  await p.locator('[data-pane] [data-testid="verdict"]').waitFor();
  await p.locator('[data-pane]').evaluate((e) => e.scrollTo(0, 0));
  await p.setViewportSize({ width: 1280, height: 1700 });
  await p.locator('[data-pane]').screenshot({ path: path.join(OUT, `taskpane-workbook${words.suffix}.png`) });
  await p.close();
}

await browser.close();
server.close();
console.log(`written to ${path.relative(ROOT, OUT)}/`);
