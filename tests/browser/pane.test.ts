/**
 * The task pane for a day of reviewing, on the built pages in Debian's Chromium, at Excel's 340 px:
 * a pass/fail chip per table with failing tables first, clean tables and 提示 folded, filters that say
 * what they hide, results labelled with their sheet, settings behind a gear, codes out of the accessible
 * names, a status region always there, focus kept through an action, arrow keys in the toolbar, a
 * selected finding that looks selected, icons of 3:1 contrast, 未评级 for a 110-point table, the summary
 * sheet skipped, English throughout; the page without office.js; and axe-core over all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { openWorkbook } from '../../src/xlsx/read';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, act, recordRequests, servedPages } from './harness';

const served = servedPages();

async function preview(locale = 'zh-CN', file?: string): Promise<Page> {
  const page = await served.browser.newPage({ viewport: { width: 1200, height: 900 }, locale });
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

/** WCAG contrast of two "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((x) => Number(x) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('a sheet of ten stacked tables, as a reviewer meets it', () => {
  let page: Page;
  beforeAll(async () => {
    page = await preview('zh-CN', 'seed002-stacked.xlsx');
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText('共 10 张表：错误 6，警告 24。').waitFor();
    await pane(page).locator('[data-table]').nth(9).waitFor(); // cards are drawn a few a frame
  }, 60_000);
  afterAll(async () => page?.close());

  it('every card has a pass/fail chip; failing tables come first; clean ones are folded', async () => {
    const cards = pane(page).locator('[data-table]');
    const chips = await cards.evaluateAll((els) => els.map((e) => [e.getAttribute('data-table'), e.querySelector('.fui-Badge')?.textContent]));
    expect(chips).toHaveLength(10);
    const rank = (chip: string) => (chip.startsWith('错误') ? 0 : chip.startsWith('警告') ? 1 : 2);
    const ranks = chips.map(([, c]) => rank(c!));
    expect(ranks).toEqual([...ranks].sort());
    expect(chips.slice(-2)).toEqual([['巡查员工作经费', '通过'], ['网格系统及设备维护', '通过']]);
    // A clean table shows only its title line until opened.
    const clean = pane(page).locator('[data-table="巡查员工作经费"]');
    await expect(clean.getByText('执行率', { exact: true }).count()).resolves.toBe(0);
    await clean.getByRole('button', { name: '展开 巡查员工作经费' }).click();
    await expect(clean.getByText('执行率', { exact: true }).count()).resolves.toBe(1);
    await expect(pane(page).getByText('10 张表，其中 8 张有问题（排在前面）').count()).resolves.toBe(1);
  });

  it('a 110-point table is 未评级, its own 优 shown beside it', async () => {
    const card = pane(page).locator('[data-table="风险防控治理"]');
    await expect(card.textContent()).resolves.toContain('未评级');
    await expect(card.textContent()).resolves.toContain('表内 优');
    await expect(card.textContent()).resolves.toContain('分值合计不为 100：总分不在百分制上，不评等级');
  });

  it('the 错误 filter hides the cards it leaves empty, and says how many; on a card it shows, what it hides', async () => {
    await pane(page).getByRole('tab', { name: /错误/ }).click();
    // 街面督查人员经费 has warnings only: its card goes, and the count of hidden cards says so.
    await expect(pane(page).locator('[data-table="街面督查人员经费"]').count()).resolves.toBe(0);
    const shown = await pane(page).locator('[data-table]').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(10);
    await expect(pane(page).getByTestId('hidden-cards').textContent()).resolves.toBe(`另有 ${10 - shown} 张表无错误，已隐藏`);
    await pane(page).getByRole('tab', { name: /警告/ }).click();
    const card = pane(page).locator('[data-table="街面督查人员经费"]');
    await expect(card.textContent()).resolves.toContain('另有 1 条提示已隐藏');
    await pane(page).getByRole('tab', { name: '全部' }).click();
    await expect(pane(page).locator('[data-table]').count()).resolves.toBe(10);
  });

  it('codes are out of the accessible name; a selected finding shows its code and the full indicator name, and no tooltip covers it', async () => {
    const finding = pane(page).locator('button[data-code="EMPTY_INDICATOR"]').first();
    const name = await finding.evaluate((e) => e.textContent);
    expect(name).not.toContain('EMPTY_INDICATOR');
    await finding.hover();
    await expect(page.getByRole('tooltip').count()).resolves.toBe(0);
    await finding.click();
    await expect(finding.getByTestId('finding-detail').textContent()).resolves.toMatch(/^EMPTY_INDICATOR · /);
    // What is on top at the selected finding's centre is the finding itself, whichever finding the mouse is on.
    const next = pane(page).locator('button[data-code="EMPTY_INDICATOR"]').nth(1);
    await next.hover();
    const onTop = await finding.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!hit && e.contains(hit);
    });
    expect(onTop).toBe(true);
    await page.mouse.move(0, 0);
  });

  it('a clicked finding looks selected and says so', async () => {
    const finding = pane(page).locator('button[data-code="TOTAL_MISMATCH"]').first();
    const before = await finding.evaluate((e) => getComputedStyle(e).backgroundColor);
    await finding.click();
    await expect(finding.getAttribute('aria-current')).resolves.toBe('true');
    await page.mouse.move(0, 0);
    await expect(finding.evaluate((e) => getComputedStyle(e).backgroundColor)).resolves.not.toBe(before);
    await expect.poll(() => page.locator('td[aria-selected="true"]').getAttribute('data-address')).toBe('H68');
  });

  it('severity icons keep 3:1 contrast against the card', async () => {
    for (const code of ['WEIGHT_SUM_NOT_100', 'EMPTY_INDICATOR']) {
      const icon = pane(page).locator(`button[data-code="${code}"] svg`).first();
      const color = await icon.evaluate((e) => getComputedStyle(e).color);
      const card = await pane(page).locator('[data-table]').first().evaluate((e) => getComputedStyle(e).backgroundColor);
      expect(contrast(color, card)).toBeGreaterThanOrEqual(3);
    }
  });

  it('识别到的列 on demand: which column was read as what', async () => {
    const card = pane(page).locator('[data-table="风险防控治理"]');
    await card.getByRole('button', { name: '识别到的列' }).click();
    const text = await card.locator('dl').textContent();
    expect(text).toContain('全年预算数 D');
    expect(text).toContain('得分 H');
    expect(text).toContain('金额单位：万元');
  });

  it('results say their sheet, become "上次校验" once another sheet is opened, and current again back on it unchanged', async () => {
    await expect(pane(page).getByTestId('results-sheet').textContent()).resolves.toBe('校验结果：自评表');
    await page.locator('input[data-testid="open-workbook"]').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'seed002.xlsx'));
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText(/共 1 张表/).waitFor();
    const sheet = (await pane(page).getByTestId('results-sheet').textContent())!.replace('校验结果：', '');
    const tabs = page.locator('nav[aria-label="sheets"] button');
    const other = (await tabs.allTextContents()).findIndex((name) => name !== sheet);
    expect(other).toBeGreaterThanOrEqual(0);
    await tabs.nth(other).click();
    await expect(pane(page).getByTestId('results-sheet').textContent()).resolves.toContain(`上次校验：${sheet}`);
    await tabs.filter({ hasText: sheet }).first().click();
    await expect.poll(() => pane(page).getByTestId('results-sheet').textContent()).toBe(`校验结果：${sheet}`);
  });
});

describe('the pane itself', () => {
  let page: Page;
  beforeAll(async () => {
    page = await preview();
  }, 60_000);
  afterAll(async () => page?.close());

  it('the status region is in the page before anything is said in it', async () => {
    await expect(page.locator('[role="status"][aria-live="polite"]').count()).resolves.toBe(1);
    await expect(page.getByTestId('status').textContent()).resolves.toBe('');
  });

  it('arrow keys move along the toolbar; focus stays on the button through its action', async () => {
    const check = page.getByRole('button', { name: '校验本表' });
    await check.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('清除标记');
    await page.keyboard.press('ArrowLeft');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('校验本表');
    await page.keyboard.press('Enter');
    await page.getByText(/共 1 张表/).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('校验本表');
  });

  it('settings are folded under a gear', async () => {
    await expect(page.getByRole('switch', { name: /批注/ }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: '设置' }).click();
    await page.getByRole('switch', { name: /批注/ }).waitFor(); // its chunk loads when first opened
    await page.getByRole('button', { name: '设置' }).click();
  });

  it('after 生成汇总表 the results are the last check; checking the summary sheet says what it is', async () => {
    await act(page, 'summary');
    await page.getByText('已生成汇总表「绩效自评汇总」。').waitFor();
    await expect(pane(page).getByTestId('results-sheet').textContent()).resolves.toMatch(/^上次校验：/);
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText('这是本插件生成的汇总表，其中没有需要校验的绩效自评表。').waitFor();
    await expect(pane(page).locator('[data-table]').count()).resolves.toBe(0);
  });
});

describe('填写计算值 in the pane', () => {
  it('lists what it will write, writes it only when confirmed, checks again; 清除标记 keeps them, 撤销填写 puts the old values back', async () => {
    // 巡查员工作经费 with its 执行率 blank, 执行率得分 0, 总分 blank and 等级 差.
    const wb = await openWorkbook(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed002.xlsx')));
    const sheet = await wb.readSheet('巡查员工作经费');
    await wb.setValues(sheet, [
      { cell: 'G6', row: 5, col: 6, value: null },
      { cell: 'H6', row: 5, col: 7, value: 0 },
      { cell: 'H21', row: 20, col: 7, value: null },
      { cell: 'G22', row: 21, col: 6, value: '差' },
    ]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'selfeval-pane-')), 'spoiled.xlsx');
    writeFileSync(file, wb.save());
    const page = await served.browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' });
    await recordRequests(page, served.url);
    await page.goto(`${served.url}preview.html`);
    await page.locator('input[data-testid="open-workbook"]').setInputFiles(file);
    await page.getByText('spoiled.xlsx', { exact: false }).first().waitFor();
    await act(page, 'fill');
    await page.getByRole('dialog').waitFor();
    const rows = await page.locator('[data-testid="fill-changes"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    // Each value as the cell shows it: the rate cell's "0.0", the scores' "0.00".
    expect(rows).toEqual([
      ['G6', '执行率', '（空）', '100.0'],
      ['H6', '执行率得分', '0.00', '10.00'],
      ['H21', '总分', '（空）', '99.00'],
      ['G22', '评分等级', '差', '优'],
    ]);
    // Nothing written yet.
    await expect(page.locator('td[data-address="G22"]').textContent()).resolves.toBe('差');
    await page.getByRole('button', { name: '确认填写' }).click();
    await page.getByText(/已填写 4 个单元格，并重新校验。/).waitFor();
    await expect(page.locator('td[data-address="G22"]').textContent()).resolves.toBe('优');
    await expect(page.getByText('共 1 张表：错误 0，警告 0。', { exact: false }).count()).resolves.toBe(1);
    // 清除标记 takes the marks off and keeps the filled values, and says so.
    await act(page, 'clear');
    await page.getByText(/已清除 \d+ 个单元格的标记。「填写计算值」填入的 4 个单元格保留；要恢复填写前的内容，请点「撤销填写」。/).waitFor();
    await expect(page.locator('td[data-address="G22"]').textContent()).resolves.toBe('优');
    // 撤销填写 puts back what was there before.
    await act(page, 'undoFill');
    await page.getByText('已撤销填写：4 个单元格恢复为填写前的内容。').waitFor();
    await expect(page.locator('td[data-address="G22"]').textContent()).resolves.toBe('差');
    await expect(page.locator('td[data-address="H21"]').textContent()).resolves.toBe('');
    await page.close();
  });
});

describe('English throughout', () => {
  it('grades in words, half-width brackets, English chips and filters', async () => {
    const page = await preview('en-US', 'seed002.xlsx');
    await page.locator('nav[aria-label="sheets"] button', { hasText: '风险防控治理' }).click();
    await page.getByRole('button', { name: 'Check this sheet' }).click();
    await page.getByText('1 table: 2 errors, 6 warnings.').waitFor();
    const text = (await pane(page).textContent())!;
    expect(text).toContain('ungraded');
    expect(text).toContain('shown excellent (优)');
    expect(text).toContain('2 errors');
    expect(text).not.toMatch(/[（）]/);
    await page.close();
  });
});

describe('the task pane without office.js', () => {
  it('in a plain browser it says to open it in Excel and links the preview — it never runs the sample as if it were your sheet', async () => {
    const page = await served.browser.newPage({ viewport: { width: 340, height: 700 }, locale: 'zh-CN' });
    await recordRequests(page, served.url);
    await page.goto(`${served.url}taskpane.html`);
    await page.getByText('请在 Excel 中打开本加载项').waitFor();
    await expect(page.getByRole('link', { name: '打开预览页' }).getAttribute('href')).resolves.toBe('preview.html');
    await expect(page.getByRole('button', { name: '校验本表' }).count()).resolves.toBe(0);
    await page.close();
  });

  it('opened by Office with office.js blocked, it names the address and the offline alternative', async () => {
    const page = await served.browser.newPage({ viewport: { width: 340, height: 700 }, locale: 'zh-CN' });
    const requests = await recordRequests(page, served.url);
    await page.goto(`${served.url}taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await page.getByText('无法加载 Office 的脚本').waitFor();
    const text = (await page.locator('main').textContent())!;
    expect(text).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(text).toContain('selfeval check');
    expect(requests).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    await page.screenshot({ path: path.join(ROOT, 'out', 'taskpane-no-office.png') });
    await page.close();
  });
});

describe('axe-core', () => {
  it('finds no violation on the pane after a check, outside Fluent’s own components', async () => {
    const page = await preview('zh-CN', 'seed002-stacked.xlsx');
    await page.getByRole('button', { name: '校验本表' }).click();
    await page.getByText('共 10 张表：错误 6，警告 24。').waitFor();
    await pane(page).locator('[data-table]').nth(9).waitFor(); // cards are drawn a few a frame
    await page.addScriptTag({ content: readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
      const r = await axe.run({ include: ['[data-pane]'] }, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 120)) }));
    });
    // Fluent's focus manager (Tabster) puts focusable, aria-hidden guard elements at the edges of its
    // focus groups (the toolbar, tabs, the accordion): axe calls them aria-hidden-focus. They are how
    // Fluent keeps focus in order, never reached as content; the README lists them.
    const ours = violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.includes('data-tabster-dummy'))) }))
      .filter((v) => v.nodes.length);
    expect(ours).toEqual([]);
    await page.close();
  });
});
