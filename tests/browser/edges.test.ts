/**
 * The pane without rough edges (issue 28), on the built preview in Debian's Chromium at Excel's 340 px:
 * the language switched with results on screen (re-said at once, <html lang>, the toolbar measured
 * again), a card's findings as one keyboard composite, focus back after 知道了 and 核对报告, the header in
 * sight at any scroll, the table list selecting the table in the sheet, and the noise of a one-table sheet
 * gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, recordRequests, servedPages } from './harness';

const served = servedPages();

async function preview(file?: string): Promise<Page> {
  const page = await served.browser.newPage({ viewport: { width: 1240, height: 700 }, locale: 'zh-CN' });
  await recordRequests(page, served.url);
  await page.goto(`${served.url}preview.html`);
  await page.getByRole('toolbar').waitFor();
  if (file) {
    await page.locator('input[data-testid="open-workbook"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', file));
    await page.getByText(path.basename(file), { exact: false }).first().waitFor();
  }
  return page;
}

const pane = (page: Page) => page.locator('[data-pane]');
const active = (page: Page, attr: string) => page.evaluate((a) => document.activeElement?.getAttribute(a) ?? null, attr);
const messages = (page: Page) =>
  pane(page)
    .locator('[data-table] button[data-code]')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));

async function chooseLanguage(page: Page, label: RegExp, option: string): Promise<void> {
  const gear = pane(page).getByTestId('gear');
  if ((await gear.getAttribute('aria-expanded')) !== 'true') await gear.click();
  await pane(page).getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Whether every visible toolbar button lies inside the pane (none pushed past its right edge). */
async function toolbarInside(page: Page): Promise<boolean> {
  return pane(page)
    .locator('[data-sticky-header] button:visible')
    .evaluateAll((els) => {
      const host = document.querySelector('[data-pane]')?.getBoundingClientRect();
      return !!host && els.every((e) => e.getBoundingClientRect().right <= host.right + 0.5);
    });
}

describe('the language switched with results on screen', () => {
  let page: Page;
  beforeAll(async () => {
    page = await preview('seed002-stacked.xlsx');
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText('共 10 张表：错误 6，警告 24。').waitFor();
    await pane(page).locator('[data-table]').nth(9).waitFor(); // cards are drawn a few a frame
  }, 60_000);
  afterAll(async () => page?.close());

  it('re-says the status and the findings at once, sets <html lang>, and keeps the toolbar inside the pane; and back', async () => {
    const zh = await messages(page);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await chooseLanguage(page, /语言/, 'English');
    await pane(page).getByText('10 tables: 6 errors, 24 warnings.').waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    // The cards stay (none folded again or drawn anew): the same findings, each in English.
    await expect(pane(page).locator('[data-table]').count()).resolves.toBe(10);
    const en = await messages(page);
    expect(en).toHaveLength(zh.length);
    expect(en.filter((m, i) => m !== zh[i]).length).toBe(zh.length);
    await expect(pane(page).locator('.fui-Badge').first().textContent()).resolves.toMatch(/^\d+ errors?$/);
    await expect.poll(() => toolbarInside(page)).toBe(true);
    await chooseLanguage(page, /Language/, '中文');
    await pane(page).getByText('共 10 张表：错误 6，警告 24。').waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await expect(messages(page)).resolves.toEqual(zh);
    await expect.poll(() => toolbarInside(page)).toBe(true);
  });
});

describe('the keyboard', () => {
  let page: Page;
  beforeAll(async () => {
    page = await preview('seed002-stacked.xlsx');
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText('共 10 张表：错误 6，警告 24。').waitFor();
    await pane(page).locator('[data-table]').nth(9).waitFor();
  }, 60_000);
  afterAll(async () => page?.close());

  it("a card's findings are one Tab stop: arrows, Home and End move inside, Tab leaves", async () => {
    const first = pane(page).locator('[data-table]').first();
    const buttons = first.locator('[data-findings] button[data-code]');
    const n = await buttons.count();
    expect(n).toBeGreaterThan(2);
    const cells = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
    // Tab from the card's disclosure... into the findings: the first one.
    await first.getByRole('button', { name: /收起/ }).focus();
    await page.keyboard.press('Tab');
    await expect(active(page, 'data-cell')).resolves.toBe(cells[0]);
    await page.keyboard.press('ArrowDown');
    await expect(active(page, 'data-cell')).resolves.toBe(cells[1]);
    await page.keyboard.press('End');
    await expect(active(page, 'data-cell')).resolves.toBe(cells[n - 1]);
    await page.keyboard.press('Home');
    await expect(active(page, 'data-cell')).resolves.toBe(cells[0]);
    await page.keyboard.press('ArrowUp');
    await expect(active(page, 'data-cell')).resolves.toBe(cells[0]);
    // Tab leaves the findings at once (to the card's folded 提示, then 识别到的列), not through each of them.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => !document.activeElement?.closest('[data-findings]'))).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^提示 \d+ 条$/);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('识别到的列');
  });

  it('focus comes back to the pane after 知道了 and after 核对报告 is closed, never to <body>', async () => {
    await pane(page).getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => active(page, 'data-action')).toBe('check');
    await page.locator('input[data-testid="pick-report"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'reports', 'not-a-zip.docx'));
    const panel = page.locator('[data-testid="report-check"]');
    await panel.getByText('不是 Word 文档（.docx）', { exact: false }).waitFor();
    await panel.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && !!document.activeElement?.closest('[data-sticky-header]'))).toBe(true);
  });
});

describe('a header that stays', () => {
  let page: Page;
  beforeAll(async () => {
    page = await preview('seed002-stacked.xlsx');
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText('共 10 张表：错误 6，警告 24。').waitFor();
    await pane(page).locator('[data-table]').nth(9).waitFor();
  }, 60_000);
  afterAll(async () => page?.close());

  it('the toolbar with the gear, the verdict and the filter stay in sight scrolled to the end', async () => {
    await pane(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => pane(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
    const top = (await pane(page).boundingBox())?.y ?? 0;
    for (const sel of ['[role="toolbar"]', '[data-testid="gear"]', '[data-testid="status"]', '[role="tablist"]']) {
      const box = await pane(page).locator(sel).boundingBox();
      expect(box?.y, sel).toBeGreaterThanOrEqual(top - 1);
      expect(box?.y, sel).toBeLessThan(top + 400);
    }
  });

  it("the table list shows each table's range; a jump selects the table's first cell and shows its card below the header", async () => {
    await pane(page).getByTestId('table-list').click();
    const item = page.getByRole('menuitem').filter({ hasText: '网格系统及设备维护' });
    const range = await item.getAttribute('data-range');
    expect(range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    await expect(item.textContent()).resolves.toContain(range);
    await item.click();
    await expect.poll(() => page.locator('td[aria-selected="true"]').getAttribute('data-address')).toBe(range?.split(':')[0]);
    const header = await pane(page).locator('[data-sticky-header]').boundingBox();
    const card = await pane(page).locator('[data-table="网格系统及设备维护"]').boundingBox();
    expect(card && header ? card.y : 0).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0) - 1);
  });
});

describe('a sheet of one table, without noise', () => {
  let page: Page;
  beforeAll(async () => {
    page = await preview();
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText(/共 1 张表/).waitFor();
  }, 60_000);
  afterAll(async () => page?.close());

  it('no "1 张表，其中 1 张", the sheet named once, an empty severity not to be chosen', async () => {
    const text = (await pane(page).textContent()) ?? '';
    expect(text).not.toMatch(/1 张表，其中/);
    const sheet = ((await pane(page).getByTestId('results-sheet').textContent()) ?? '').replace('校验结果：', '');
    expect(sheet.length).toBeGreaterThan(0);
    await expect(pane(page).locator('[data-table]').first().textContent()).resolves.not.toContain(`${sheet}!`);
    const tabs = await pane(page)
      .getByRole('tab')
      .evaluateAll((els) => els.map((e) => [e.textContent ?? '', e.hasAttribute('disabled') || e.getAttribute('aria-disabled') === 'true'] as const));
    for (const [label, disabled] of tabs) expect(disabled, label).toBe(/\(0\)$/.test(label));
  });

  it('自动校验 says under it that it needs one 校验本表 first', async () => {
    await pane(page).getByTestId('gear').click();
    const hint = await pane(page)
      .getByRole('switch', { name: /自动校验/ })
      .getAttribute('aria-describedby');
    await expect(page.locator(`[id="${hint}"]`).textContent()).resolves.toContain('校验本表');
  });
});
