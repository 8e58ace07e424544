/**
 * 核对报告 in the built pane (the preview page, Debian's Chromium): a report picked is read in the browser,
 * its statements checked against the open workbook's table, the contradictions listed with the quoted
 * words; a file that is no document said so; nothing requested from anywhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, recordRequests, servedPages } from './harness';

const served = servedPages();
let page: Page;
let requests: string[];

beforeAll(async () => {
  page = await served.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  requests = await recordRequests(page, served.url);
  await page.goto(`${served.url}preview.html`);
  await page.getByRole('toolbar').waitFor();
  await page.locator('input[data-testid="open-workbook"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'seed003.xlsx'));
  await page.getByText('seed003.xlsx', { exact: false }).first().waitFor();
}, 240_000);

const fixture = (name: string) => path.join(ROOT, 'tests', 'fixtures', 'reports', name);

describe('核对报告', () => {
  it('is an action of the toolbar (in its overflow menu where the row is full)', async () => {
    const inRow = await page.locator('[role="toolbar"] button[data-action="report"]').count();
    if (!inRow) await page.locator('[role="toolbar"] button[data-action="more"]').click();
    await expect(page.locator('[data-action="report"]').filter({ hasText: '核对报告…' }).count()).resolves.toBe(1);
    if (!inRow) await page.keyboard.press('Escape');
  });

  it("checks a report's statements against the open workbook's table and lists the contradictions", async () => {
    await page.locator('input[data-testid="pick-report"]').setInputFiles(fixture('report003.docx'));
    const panel = page.locator('[data-testid="report-check"]');
    await panel.getByText('92 段，读到 21 处数字陈述，核对 21 处，不符 2 处', { exact: false }).waitFor();
    await expect(panel.textContent()).resolves.toContain('对照：本工作簿的 1 张表');
    const findings = await panel.locator('[data-testid="report-finding"]').allTextContents();
    expect(findings).toHaveLength(2);
    expect(findings[0]).toContain('第55段');
    expect(findings[0]).toContain('「基本支出557.53万元」');
    expect(findings[0]).toContain('表内为 479.36万元');
    // The code only once a finding is selected; the table used named at the top.
    expect(findings[1]).not.toContain('REPORT_ARITHMETIC');
    await panel.locator('[data-testid="report-finding"]').nth(1).click();
    await expect(panel.locator('[data-testid="report-finding"]').nth(1).textContent()).resolves.toContain('REPORT_ARITHMETIC');
    await expect(panel.locator('[data-testid="report-table"]').textContent()).resolves.toMatch(/^核对所用表格：\S/);
    await panel.getByRole('button', { name: '全部 21 处陈述' }).click();
    await expect(panel.locator('li').count()).resolves.toBe(21);
  });

  it("beside the 16-table sample, seed 003's report is checked against 上街区应急管理局's table, and another can be picked", async () => {
    await page.locator('input[data-testid="open-workbook"]').setInputFiles(path.join(ROOT, 'assets', 'sample.xlsx'));
    await page.getByText('sample.xlsx', { exact: false }).first().waitFor();
    await page.locator('input[data-testid="pick-report"]').setInputFiles(fixture('report003.docx'));
    const panel = page.locator('[data-testid="report-check"]');
    await panel.getByText('对照：本工作簿的 16 张表', { exact: false }).waitFor();
    await expect(panel.locator('[data-testid="report-table"]').textContent()).resolves.toBe('核对所用表格：上街区应急管理局');
    await expect(panel.locator('[data-testid="report-finding"]').count()).resolves.toBe(2);
    await panel.getByRole('combobox').click();
    await page.getByRole('option', { name: /应急救援$/ }).click();
    await expect(panel.locator('[data-testid="report-table"]').textContent()).resolves.toBe('核对所用表格：应急救援');
  });

  it('the folded 未核对 list says why each statement was not checked', async () => {
    await page.locator('input[data-testid="pick-report"]').setInputFiles(fixture('scope/unchecked-why.txt'));
    const panel = page.locator('[data-testid="report-check"]');
    await panel.getByRole('button', { name: /^未核对 \d+ 处/ }).click();
    const items = await panel.locator('[data-testid="report-unchecked"] li').allTextContents();
    expect(items.some((t) => t.includes('第2段 文中未写总分，无从核对等级：「'))).toBe(true);
    expect(items.some((t) => t.includes('各分项之和小于总数'))).toBe(true);
  });

  it('says so when the file is no document', async () => {
    await page.locator('input[data-testid="pick-report"]').setInputFiles(fixture('not-a-zip.docx'));
    await page.locator('[data-testid="report-check"]').getByText('不是 Word 文档（.docx）', { exact: false }).waitFor();
  });

  it('sends nothing anywhere', () => {
    expect(requests.filter((u) => !u.startsWith(served.url))).toEqual([]);
  });
});
