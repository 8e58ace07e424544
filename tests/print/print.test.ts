/**
 * What goes on paper, as a reviewer files it: the summary over the sample (`selfeval summary`) and a
 * checked copy of it (`selfeval check --out`), printed to PDF by LibreOffice and measured from the PDF:
 * A4 landscape for the summary, every text at least 8 pt on paper (the chart's too), no text running into
 * other text (nothing cut off), the header row and 序号 / 项目名称 on every page of the summary with page
 * numbers (第 X 页 共 Y 页), and on the checked copy the
 * 复核结果 column on the same page as its table's rows. Skipped where LibreOffice or poppler is missing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { ROOT } from '../browser/harness';
import { type Word, overlapping, pdfTextSizes, pdfWords, soffice, toPdf } from './pdf';

const SAMPLE = path.join(ROOT, 'assets', 'sample.xlsx');

async function run(argv: string[]): Promise<number> {
  return main(argv, { print: () => undefined, printError: () => undefined });
}

/** The README's "every text at least 8 pt on paper", written here rather than taken from the code it tests. */
const EIGHT_PT = 8;

/** Words on one line (the same baseline, within a point) of the same page. */
const sameLine = (a: Word, b: Word) => a.page === b.page && Math.abs(a.yMax - b.yMax) < 1.5;

describe.skipIf(!soffice)('printed through LibreOffice', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-print-'));
  let summaryPdf = '';
  let checkedPdf = '';
  beforeAll(async () => {
    expect(await run(['summary', SAMPLE, '-o', path.join(dir, 'summary.xlsx')])).toBe(0);
    await run(['check', SAMPLE, '--out', path.join(dir, 'checked')]);
    summaryPdf = toPdf(path.join(dir, 'summary.xlsx'), dir);
    checkedPdf = toPdf(path.join(dir, 'checked', 'sample.xlsx'), dir);
  }, 360_000);

  it('the summary: A4 landscape, every text ≥ 8 pt, nothing running into anything, the header on every page', () => {
    const sizes = pdfTextSizes(summaryPdf);
    expect(sizes.length).toBeGreaterThan(300);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(EIGHT_PT - 0.05);
    const { words, pages } = pdfWords(summaryPdf);
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
    expect(overlapping(words).map(([a, b]) => `${a.page}: ${a.text} | ${b.text}`)).toEqual([]);
    for (const w of words) expect(w.xMax <= pages[w.page - 1]!.width && w.yMax <= pages[w.page - 1]!.height).toBe(true);
    // Every page that holds rows of the table of tables holds its header too (print titles).
    const header = ['序号', '表内等级', '错误数', '备注', '主管部门', '复核总分'];
    const tablePages = new Set(words.filter((w) => /^\d+\.\d\d$/.test(w.text) || /^(项目|部门整体)$/.test(w.text)).map((w) => w.page));
    for (const p of tablePages) expect(words.some((w) => w.page === p && header.includes(w.text)), `page ${p}`).toBe(true);
    // …and what names its rows, 序号 and 项目名称 (print title columns), wherever the columns go on over pages.
    for (const p of tablePages) expect(['序号', '项目名称'].filter((h) => words.some((w) => w.page === p && w.text.includes(h))), `page ${p}`).toEqual(['序号', '项目名称']);
    // Every page numbered as a bureau files it: 第 X 页 共 Y 页, Y the number of pages.
    for (const [i] of pages.entries()) {
      const line = words
        .filter((w) => w.page === i + 1)
        .map((w) => w.text)
        .join('');
      expect(line, `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`);
    }
    // Each project's name is printed whole, on its own lines (wrapped, not cut).
    const text = words.map((w) => w.text).join('');
    for (const name of ['2019年市级综合考核奖励经费', '上海市闵行区吴泾镇人民政府(汇总)', '满分且无扣分：自评可能偏松']) expect(text).toContain(name);
  });

  it('a checked copy: every text ≥ 8 pt, and each ✓/✗/⚠ of the 复核结果 column on the page and line of its row', () => {
    const sizes = pdfTextSizes(checkedPdf);
    // A floor on what was read: Math.min() of nothing is Infinity, which passes any "at least".
    expect(sizes.length).toBeGreaterThan(100);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(EIGHT_PT - 0.05);
    const { words, pages: sheets } = pdfWords(checkedPdf);
    const review = words.filter((w) => /^[✓✗⚠]/.test(w.text));
    expect(review.length).toBeGreaterThan(100);
    // No page of the column alone: every page with its marks holds cells of the same rows to their left
    // (in Excel's measure the whole row fits the page; where the fonts are wider the table's last columns
    // come along).
    const pages = [...new Set(review.map((w) => w.page))];
    const alone = pages.filter((p) => {
      const left = Math.min(...review.filter((w) => w.page === p).map((w) => w.xMin));
      return !words.some((w) => w.page === p && w.xMax < left && /\d|[\u4e00-\u9fff]/.test(w.text));
    });
    expect(alone).toEqual([]);
    // And each mark is on the line of a row that has cells on that page.
    const rowless = review.filter((r) => !words.some((w) => w !== r && sameLine(w, r) && !/^[✓✗⚠]/.test(w.text)) && !words.some((w) => w.page === r.page && w.xMax < r.xMin && w.yMin < r.yMax && w.yMax > r.yMin - 40));
    expect(rowless.map((w) => `${w.page}: ${w.text}`)).toEqual([]);
    // The column's texts run into nothing and off no page (a form's own long text may still run into the
    // column, as it runs into any cell beside it that is not empty: the form's, not the product's).
    const own = (w: Word) => /^[✓✗⚠]|^复核/.test(w.text);
    expect(overlapping(words).filter(([a]) => own(a)).map(([a, b]) => `${a.page}: ${a.text} | ${b.text}`)).toEqual([]);
    for (const w of words.filter(own)) expect(w.xMax, w.text).toBeLessThanOrEqual(sheets[w.page - 1]!.width);
  });
});
