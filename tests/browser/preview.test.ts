/**
 * The built preview page (preview.html) in Debian's Chromium: 校验本表 on a real table of the sample
 * workbook, the findings list, a click selecting the cell in the grid, 清除标记, 生成汇总表, and no
 * request to anywhere but the page's own files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { OFFICE_JS, ROOT, act, recordRequests, servedPages } from './harness';

const served = servedPages();
let page: Page;
let requests: string[];

beforeAll(async () => {
  page = await served.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  requests = await recordRequests(page, served.url);
  await page.goto(`${served.url}preview.html`);
  await page.getByRole('button', { name: '校验本表' }).waitFor();
}, 180_000);

describe('task pane in preview mode', () => {
  it('opens beside a grid of the sample workbook', async () => {
    await expect(page.getByText('预览模式').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('table[data-sheet="巡查员工作经费"]').count()).resolves.toBe(1);
    await expect(page.locator('td[data-address="B3"]').textContent()).resolves.toBe('巡查员工作经费');
  });

  it('校验本表 lists the real findings of the table, grouped by severity, 提示 folded away', async () => {
    await page.getByRole('button', { name: '风险防控治理' }).click();
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText('共 1 张表：错误 2，警告 6。').waitFor();
    const listed = () => page.locator('button[data-code]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-code')}@${e.getAttribute('data-cell')}`));
    const errorsAndWarnings = ['WEIGHT_SUM_NOT_100@G20', 'TOTAL_MISMATCH@H20', 'OVER_EXECUTION@E6', ...['D14', 'D15', 'D16', 'D18', 'D19'].map((c) => `EMPTY_INDICATOR@${c}`)];
    await expect(listed()).resolves.toEqual(errorsAndWarnings);
    await page.getByRole('button', { name: '提示 1 条' }).click();
    await expect(listed()).resolves.toEqual([...errorsAndWarnings, 'LEVEL1_WEIGHT_DEVIATION@B13']);
    // The recomputed figures and the table's own total beside them.
    const card = page.locator('[data-pane] [data-table="风险防控治理"]');
    await expect(card.textContent()).resolves.toContain('110.00');
    await expect(card.textContent()).resolves.toContain('表内 100.00');
    // The grid shows the marks and the 复核结果 column.
    await expect(page.locator('td[data-address="G20"]').evaluate((e) => getComputedStyle(e).backgroundColor)).resolves.toBe('rgb(255, 199, 206)');
    await expect(page.locator('td[data-address="E6"]').evaluate((e) => getComputedStyle(e).backgroundColor)).resolves.toBe('rgb(255, 235, 156)');
    await expect(page.locator('td[data-address="J12"]').textContent()).resolves.toBe('复核结果');
    mkdirSync(path.join(ROOT, 'out'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'out', 'preview-findings.png') });
  });

  it('the severity filter shows one group', async () => {
    await page.getByRole('tab', { name: /警告/ }).click();
    await expect(page.locator('button[data-code]').count()).resolves.toBe(6);
    await page.getByRole('tab', { name: '全部' }).click();
    await expect(page.locator('button[data-code]').count()).resolves.toBe(9);
  });

  it('clicking a finding selects its cell in the grid; the keyboard works too', async () => {
    await page.locator('button[data-code="TOTAL_MISMATCH"]').click();
    await expect.poll(() => page.locator('td[aria-selected="true"]').getAttribute('data-address')).toBe('H20');
    await page.locator('button[data-code="OVER_EXECUTION"]').focus();
    await page.keyboard.press('Enter');
    // The grid redraws in a transition (a long sheet never freezes the page): wait for it.
    await expect.poll(() => page.locator('td[aria-selected="true"]').getAttribute('data-address')).toBe('E6');
  });

  it('清除标记 restores the cells and removes the column', async () => {
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText(/已清除 \d+ 个单元格的标记/).waitFor();
    await expect(page.locator('td[data-address="G20"]').evaluate((e) => getComputedStyle(e).backgroundColor)).resolves.not.toBe('rgb(255, 199, 206)');
    await expect(page.locator('td[data-address="J12"]').textContent()).resolves.toBe('');
    await expect(page.locator('button[data-code]').count()).resolves.toBe(0);
  });

  it('生成汇总表 writes the summary sheet of the workbook and shows the sentence', async () => {
    await act(page, 'summary');
    await page.getByText('已生成汇总表「绩效自评汇总」。').waitFor();
    // The status is said first; the grid shows the new sheet on its next frame.
    await expect.poll(() => page.locator('table[data-sheet="绩效自评汇总"]').count()).toBe(1);
    // 16 tables in the sample: 10 Wujing, 2 Fengtai, 3 Putuo projects, and Shangjie's department-wide table.
    await expect(page.getByRole('status').textContent()).resolves.toContain('单位自评项目15个');
    await expect(page.getByRole('status').textContent()).resolves.toContain('部门整体自评1个');
    // The report's blocks first, the list under them: its first row is 巡查员工作经费, in 项目名称 (B).
    const summary = page.locator('table[data-sheet="绩效自评汇总"]');
    await expect(summary.locator('td[data-address^="B"]', { hasText: /^巡查员工作经费$/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(ROOT, 'out', 'preview-summary.png') });
  });

  it('a link in the summary takes you to the table', async () => {
    // 序号 10: 残保金抚恤金专项 (its link in the list, or in the send-back block above: the same table).
    await page.locator('table[data-sheet="绩效自评汇总"] tr', { has: page.locator('td', { hasText: /^残保金抚恤金专项$/ }) }).last().locator('td a').first().click();
    await expect.poll(() => page.locator('table[data-sheet="残保金抚恤金专项"]').count()).toBe(1);
    await expect.poll(() => page.locator('td[aria-selected="true"]').getAttribute('data-address')).toBe('A1');
    await page.getByRole('button', { name: '绩效自评汇总' }).click();
  });

  it('picked workbooks are read in the browser and summarised into the open one', async () => {
    await page.locator('input[data-testid="pick-files"]').setInputFiles([
      path.join(ROOT, 'tests', 'fixtures', 'seed001-excerpt.xlsx'),
      path.join(ROOT, 'tests', 'fixtures', 'seed003-text.xlsx'),
    ]);
    await page.getByRole('status').getByText(/单位自评项目2个/).waitFor();
    // 文件 and 工作表 the list's last columns, right of the printed ones.
    const summary = page.locator('table[data-sheet="绩效自评汇总"]');
    await expect(summary.locator('td[data-address^="S"]', { hasText: /^文件$/ }).count()).resolves.toBe(1);
    await expect(summary.locator('td[data-address^="S"]', { hasText: /^seed003-text\.xlsx$/ }).count()).resolves.toBe(1);
  });

  it('follows a dark theme', async () => {
    const dark = await served.browser.newPage({ colorScheme: 'dark', viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    await recordRequests(dark, served.url);
    await dark.goto(`${served.url}preview.html`);
    // English by the display language, dark by the system theme.
    await dark.getByRole('button', { name: 'Check this sheet' }).waitFor();
    await dark.getByRole('button', { name: 'Check this sheet' }).click();
    await dark.getByText('1 table: 0 errors, 0 warnings.').waitFor();
    await dark.screenshot({ path: path.join(ROOT, 'out', 'preview-dark-en.png') });
    const bg = await dark.locator('main').evaluate((e) => getComputedStyle(e).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r + g + b).toBeLessThan(200);
    await dark.close();
  });

  it('makes no request except its own files (the preview does not even load Office’s script)', () => {
    const foreign = requests.filter((u) => !u.startsWith(served.url));
    expect(foreign).toEqual([]);
    expect(requests).not.toContain(OFFICE_JS);
    expect(requests.some((u) => u.endsWith('/sample.xlsx'))).toBe(true);
  });
});
