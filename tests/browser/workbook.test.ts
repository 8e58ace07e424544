/**
 * The reviewer's workbook in the pane (issue 27), on the built preview in Debian's Chromium at Excel's
 * 340 px: the 16-sheet sample checked in one action (progress said, a chip per sheet in words), a chip
 * opening its sheet and its results, a verdict (已核实) recorded, counted apart, surviving a check again and
 * taken back, what changed after an edit (校验本表 and 自动校验) with its cells as links, 清除标记 of every
 * sheet keeping the verdicts, both languages, and axe-core over it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, act, recordRequests, servedPages } from './harness';

const served = servedPages();

async function preview(locale: string): Promise<Page> {
  const page = await served.browser.newPage({ viewport: { width: 340 + 900, height: 900 }, locale });
  await recordRequests(page, served.url);
  await page.goto(`${served.url}preview.html`);
  await page.getByRole('toolbar').waitFor();
  return page;
}

const pane = (page: Page) => page.locator('[data-pane]');
const status = (page: Page) => page.getByTestId('status');
const chips = (page: Page) => pane(page).locator('[data-testid="sheet-chips"] button[data-sheet]');

/** Every text the status region says, from now on (progress included). */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    const el = document.querySelector('[data-testid="status"]');
    if (el) new MutationObserver(() => w.said.push(el.textContent ?? '')).observe(el, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { said: string[] }).said);
}

describe('校验全部工作表 on the 16-sheet sample', () => {
  let page: Page;
  let said: () => Promise<string[]>;
  beforeAll(async () => {
    page = await preview('zh-CN');
    said = await recordStatus(page);
    await act(page, 'checkAll');
    await status(page).getByText('已校验 16 张工作表，共 16 张表：错误 6，警告 42。', { exact: false }).waitFor();
  }, 90_000);
  afterAll(async () => page?.close());

  it('says how far it has got, then gives a chip per sheet in words', async () => {
    const progress = (await said()).filter((s) => /正在校验 \d+ \/ 16 张工作表…/.test(s));
    expect(progress.length).toBeGreaterThan(0);
    const texts = await chips(page).evaluateAll((els) => els.map((e) => [e.getAttribute('data-sheet'), e.textContent?.replace(/\s+/g, ' ').trim()]));
    expect(texts).toHaveLength(16);
    expect(texts).toContainEqual(['风险防控治理', '风险防控治理 错误 2']);
    expect(texts).toContainEqual(['走访', '走访 警告 5']);
    expect(texts).toContainEqual(['巡查员工作经费', '巡查员工作经费 通过']);
    // Each chip's words match its kind (colour is never the only sign).
    const kinds = await chips(page).evaluateAll((els) => els.map((e) => [e.getAttribute('data-chip'), e.textContent ?? '']));
    for (const [kind, text] of kinds) expect(text).toContain({ errors: '错误', warnings: '警告', pass: '通过', noTables: '无自评表' }[kind as 'errors']);
    // Every sheet was marked, not only the active one: another sheet's grid shows its 复核结果 column.
    await page.locator('nav[aria-label="sheets"] button', { hasText: '安全宣传' }).click();
    await expect(page.locator('table[data-sheet="安全宣传"]').textContent()).resolves.toContain('复核结果');
  });

  it('a chip opens its sheet and shows its results; a finding goes to its cell', async () => {
    await chips(page).filter({ hasText: '风险防控治理' }).click();
    await pane(page).getByTestId('results-sheet').getByText('校验结果：风险防控治理').waitFor();
    await expect(page.locator('nav[aria-label="sheets"] button[aria-current="page"]').textContent()).resolves.toBe('风险防控治理');
    await expect(chips(page).filter({ hasText: '风险防控治理' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await pane(page).locator('button[data-code="WEIGHT_SUM_NOT_100"]').click();
    await expect(page.locator('td[aria-selected="true"]').getAttribute('data-address')).resolves.toBe('G20');
  });

  it('a verdict is recorded with its note, counted apart, kept by a check again, and taken back', async () => {
    const finding = pane(page).locator('li', { has: page.locator('button[data-code="WEIGHT_SUM_NOT_100"]') });
    await finding.getByRole('button', { name: '已核实…' }).click();
    const form = pane(page).getByRole('form', { name: '复核意见：已核实' });
    await expect(form.getByRole('button', { name: '确认' }).isDisabled()).resolves.toBe(true); // no note, no verdict
    await form.getByRole('textbox', { name: '说明（简短）' }).fill('分值按批复的指标体系');
    await form.getByRole('button', { name: '确认' }).click();
    await status(page).getByText('共 1 张表：错误 1，警告 6，已核实 1。').waitFor();
    await expect(pane(page).getByTestId('verdict').textContent()).resolves.toContain('分值按批复的指标体系');
    await expect(chips(page).filter({ hasText: '风险防控治理' }).textContent()).resolves.toContain('错误 1');
    await expect(pane(page).getByTestId('verified-chip').textContent()).resolves.toBe('已核实 1');
    // The sheet says it too, in the 复核结果 column.
    await expect(page.locator('table[data-sheet="风险防控治理"]').textContent()).resolves.toContain('已核实：分值按批复的指标体系');
    // A check again keeps it.
    await act(page, 'check');
    await status(page).getByText('共 1 张表：错误 1，警告 6，已核实 1。').waitFor();
    await expect(pane(page).getByTestId('verdict').count()).resolves.toBe(1);
    // Taken back: the finding is open again.
    await pane(page).locator('button[data-code="WEIGHT_SUM_NOT_100"]').click();
    await pane(page).getByTestId('unverify').click();
    await status(page).getByText('共 1 张表：错误 2，警告 6。').waitFor();
    await expect(pane(page).getByTestId('verdict').count()).resolves.toBe(0);
  });

  it('清除标记 of every sheet takes the marks off every sheet and keeps the verdicts', async () => {
    const finding = pane(page).locator('li', { has: page.locator('button[data-code="WEIGHT_SUM_NOT_100"]') });
    await pane(page).locator('button[data-code="WEIGHT_SUM_NOT_100"]').click();
    await finding.getByRole('button', { name: '已核实…' }).click();
    await pane(page).getByRole('textbox', { name: '说明（简短）' }).fill('已批复');
    await pane(page).getByRole('button', { name: '确认' }).click();
    await status(page).getByText('已核实 1', { exact: false }).waitFor();
    await act(page, 'clearAll');
    await status(page).getByText('复核意见保留', { exact: false }).waitFor();
    await expect(page.locator('table[data-sheet="风险防控治理"]').textContent()).resolves.not.toContain('复核结果');
    await expect(chips(page).count()).resolves.toBe(0);
    await act(page, 'check');
    await status(page).getByText('共 1 张表：错误 1，警告 6，已核实 1。').waitFor();
  });
});

describe('the toolbar at 340 px', () => {
  it('keeps 校验本表 (and in Chinese 清除标记) in the row; 校验全部工作表 comes first under ⋯', async () => {
    // Measured: 校验全部工作表 does not fit beside 校验本表 in 316 px in either language; English's longer
    // labels leave room for the primary action only.
    for (const [locale, inRow, check, all] of [
      ['zh-CN', ['check', 'clear', 'more'], '校验本表', '校验全部工作表'],
      ['en-US', ['check', 'more'], 'Check this sheet', 'Check all sheets'],
    ] as const) {
      const page = await preview(locale);
      const row = pane(page).locator('[role="toolbar"] button[data-action]');
      // The row is measured a frame after it is drawn: what it settles on.
      const shown = () => row.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-action')));
      await expect.poll(shown).toEqual(inRow);
      await expect(pane(page).locator('[role="toolbar"] button[data-action="check"]').textContent()).resolves.toBe(check);
      await pane(page).locator('[role="toolbar"] button[data-action="more"]').click();
      await expect(page.locator('[role="menuitem"]').first().textContent()).resolves.toContain(all);
      await page.close();
    }
  });
});

describe('what changed since the last check', () => {
  it('after an edit, 校验本表 says what is new, its cell a link to it; 自动校验 says which edit started it', async () => {
    const page = await preview('zh-CN');
    await page.locator('nav[aria-label="sheets"] button', { hasText: '巡查员工作经费' }).click();
    await act(page, 'check');
    await status(page).getByText('共 1 张表：错误 0，警告 0。').waitFor();
    await expect(pane(page).getByTestId('changes').count()).resolves.toBe(0); // a first check: nothing to compare with
    const grade = (await page.locator('td[data-address="G22"]').textContent()) ?? '';
    await page.locator('td[data-address="G22"]').dblclick();
    await page.getByRole('textbox', { name: 'G22' }).fill('差');
    await page.keyboard.press('Enter');
    await act(page, 'check');
    await pane(page).getByTestId('changes').getByText('与上次校验相比：新发现 1 处：G22').waitFor();
    await page.locator('td[data-address="A1"]').click();
    await pane(page).getByTestId('changes').getByRole('button', { name: 'G22' }).click();
    await expect(page.locator('td[aria-selected="true"]').getAttribute('data-address')).resolves.toBe('G22');
    // Put right under 自动校验.
    await page.getByRole('button', { name: '设置' }).click();
    await page.getByRole('switch', { name: '编辑表格时自动校验' }).click();
    await page.locator('td[data-address="G22"]').dblclick();
    await page.getByRole('textbox', { name: 'G22' }).fill(grade);
    await page.keyboard.press('Enter');
    await pane(page).getByTestId('changes').getByText('自动校验（编辑 G22 后）：已改正 1 处：G22').waitFor();
    await page.close();
  });
});

describe('in English', () => {
  it('the same workbook: progress, chips, the verdict form, and the language switched with the chips shown', async () => {
    const page = await preview('en-US');
    await act(page, 'checkAll');
    await status(page).getByText('Checked 16 sheets, 16 tables: 6 errors, 42 warnings.', { exact: false }).waitFor();
    await expect(chips(page).filter({ hasText: '风险防控治理' }).textContent()).resolves.toContain('2 errors');
    await expect(chips(page).filter({ hasText: '巡查员工作经费' }).textContent()).resolves.toContain('Pass');
    await chips(page).filter({ hasText: '风险防控治理' }).click();
    await pane(page).locator('button[data-code="WEIGHT_SUM_NOT_100"]').click();
    await pane(page).getByRole('button', { name: 'Verified…' }).click();
    await pane(page).getByRole('form', { name: "Reviewer's verdict: verified" }).getByText('Reviewer: not set (see Settings)').waitFor();
    await pane(page).getByRole('button', { name: 'Cancel' }).click();
    // The reviewer's name from the settings goes with the verdict.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('textbox', { name: "Reviewer's name (kept with verdicts)" }).fill('Li Si');
    await page.getByRole('textbox', { name: "Reviewer's name (kept with verdicts)" }).blur();
    await pane(page).getByRole('button', { name: 'Verified…' }).click();
    await pane(page).getByRole('textbox', { name: 'Note (short)' }).fill('approved weights');
    await pane(page).getByRole('button', { name: 'Confirm' }).click();
    await status(page).getByText('1 table: 1 error, 6 warnings, 1 verified.').waitFor();
    await expect(pane(page).getByTestId('verdict').textContent()).resolves.toContain('Li Si');
    // Chinese again: the chips are said in Chinese at once.
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: '中文' }).click();
    await expect(chips(page).filter({ hasText: '风险防控治理' }).textContent()).resolves.toContain('错误 1');
    await expect(pane(page).getByTestId('verdict').textContent()).resolves.toContain('已核实');
    await page.close();
  });
});

describe('axe-core', () => {
  it('finds no violation with the chips, a picked sheet, a verdict and the open form, outside Fluent’s own components', async () => {
    const page = await preview('zh-CN');
    await act(page, 'checkAll');
    await status(page).getByText('已校验 16 张工作表', { exact: false }).waitFor();
    await chips(page).filter({ hasText: '风险防控治理' }).click();
    await pane(page).locator('button[data-code="WEIGHT_SUM_NOT_100"]').click();
    await pane(page).getByRole('button', { name: '已核实…' }).click();
    await pane(page).getByRole('textbox', { name: '说明（简短）' }).fill('已批复');
    await pane(page).getByRole('button', { name: '确认' }).click();
    await pane(page).getByTestId('verdict').waitFor();
    await pane(page).locator('[data-findings] button[data-code]').first().click(); // an open one
    await pane(page).getByRole('button', { name: '已核实…' }).click();
    await page.addScriptTag({ content: readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
      const r = await axe.run({ include: ['[data-pane]'] }, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 120)) }));
    });
    // Tabster's focusable guard elements at the edges of focus groups (see pane.test.ts).
    const ours = violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.includes('data-tabster-dummy'))) }))
      .filter((v) => v.nodes.length);
    expect(ours).toEqual([]);
    await page.close();
  });
});
