/**
 * What goes on paper, as a reviewer files it: the summary over the sample (`selfeval summary`) and a
 * checked copy of it (`selfeval check --out`), printed to PDF by LibreOffice and measured from the PDF:
 * A4 landscape for the summary, every text at least 8 pt on paper (the chart's too), no text running into
 * other text (nothing cut off), the header row and 序号 / 项目名称 on every page of the summary with page
 * numbers (第 X 页 共 Y 页); the sample's summary and one of 64 tables one page wide with the report's
 * blocks each on a page and the list's header over the list's pages only; and on the checked copy the
 * 复核结果 column on the same page as its table's rows. Skipped where LibreOffice or poppler is missing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { ROOT } from '../browser/harness';
import { type Word, overlapping, pageLines, pageTexts, pdfTextSizes, pdfWords, soffice, toPdf } from './pdf';

const SAMPLE = path.join(ROOT, 'assets', 'sample.xlsx');

async function run(argv: string[]): Promise<number> {
  return main(argv, { print: () => undefined, printError: () => undefined });
}

/** The README's "every text at least 8 pt on paper", written here rather than taken from the code it tests. */
const EIGHT_PT = 8;

/** What the tests read from `selfeval summary --json`. */
interface SummaryJson {
  readonly byDepartment: readonly { readonly department: string }[];
  readonly sendBack: readonly { readonly project: string; readonly first: readonly string[] }[];
}

/** A workbook of a workbook's sheets four times over (names prefixed 1- … 4-). */
async function timesFour(from: string, to: string): Promise<void> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(from);
  const out = new ExcelJS.Workbook();
  for (let k = 1; k <= 4; k++) {
    for (const ws of source.worksheets) {
      const name = `${k}-${ws.name}`.slice(0, 31);
      const copy = out.addWorksheet(name);
      copy.model = { ...ws.model, name, id: copy.id };
    }
  }
  await out.xlsx.writeFile(to);
}

/** Words on one line (the same baseline, within a point) of the same page. */
const sameLine = (a: Word, b: Word) => a.page === b.page && Math.abs(a.yMax - b.yMax) < 1.5;

describe.skipIf(!soffice)('printed through LibreOffice', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-print-'));
  let summaryPdf = '';
  let sixtyPdf = '';
  let checkedPdf = '';
  let summaryJson: SummaryJson = { byDepartment: [], sendBack: [] };
  let sixtyJson: SummaryJson = { byDepartment: [], sendBack: [] };
  beforeAll(async () => {
    expect(await run(['summary', SAMPLE, '-o', path.join(dir, 'summary.xlsx'), '--json', path.join(dir, 'summary.json')])).toBe(0);
    // 64 tables in one workbook (the sample's sixteen sheets four times), its name giving the year.
    const sixty = path.join(dir, '2024年绩效自评.xlsx');
    await timesFour(SAMPLE, sixty);
    expect(await run(['summary', sixty, '-o', path.join(dir, 'sixty.xlsx'), '--json', path.join(dir, 'sixty.json')])).toBe(0);
    await run(['check', SAMPLE, '--out', path.join(dir, 'checked')]);
    summaryPdf = toPdf(path.join(dir, 'summary.xlsx'), dir);
    sixtyPdf = toPdf(path.join(dir, 'sixty.xlsx'), dir);
    checkedPdf = toPdf(path.join(dir, 'checked', 'sample.xlsx'), dir);
    summaryJson = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as SummaryJson;
    sixtyJson = JSON.parse(readFileSync(path.join(dir, 'sixty.json'), 'utf8')) as SummaryJson;
    expect((JSON.parse(readFileSync(path.join(dir, 'sixty.json'), 'utf8')) as { tables: unknown[] }).tables).toHaveLength(64);
  }, 480_000);

  it('the summary: A4 landscape, every text ≥ 8 pt, nothing running into anything, names printed whole', () => {
    const sizes = pdfTextSizes(summaryPdf);
    expect(sizes.length).toBeGreaterThan(300);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(EIGHT_PT - 0.05);
    const { words, pages } = pdfWords(summaryPdf);
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
    expect(overlapping(words).map(([a, b]) => `${a.page}: ${a.text} | ${b.text}`)).toEqual([]);
    for (const w of words) expect(w.xMax <= pages[w.page - 1]!.width && w.yMax <= pages[w.page - 1]!.height).toBe(true);
    // Each name is printed whole in its column, wrapped over its lines (not cut): the column's words read
    // top to bottom on every page of the list, from the end of the header on its left (texts are
    // left-aligned, headers centred) to the midpoint to the header on its right.
    const centre = (w: Word) => (w.xMin + w.xMax) / 2;
    const column = (header: string) =>
      words
        .filter((h) => h.text === header)
        .map((h) => {
          const line = words.filter((w) => sameLine(w, h)).sort((a, b) => a.xMin - b.xMin);
          const i = line.indexOf(h);
          const left = i > 0 ? line[i - 1]!.xMax : 0;
          const right = i < line.length - 1 ? (centre(h) + centre(line[i + 1]!)) / 2 : Infinity;
          // By where a word starts: pdftotext may run a wrapped line into the next column's (no space between CJK).
          const cells = words.filter((w) => w.page === h.page && w.yMin > h.yMax && w.xMin > left && w.xMin < right);
          return cells.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin).map((w) => w.text).join('');
        })
        .join('');
    expect(column('项目名称')).toContain('2019年市级综合考核奖励经费');
    expect(column('主管部门')).toContain('上海市闵行区吴泾镇人民政府(汇总)');
    expect(column('备注')).toContain('满分且无扣分：自评可能偏松');
  });

  for (const which of ['sample', 'sixty'] as const) {
    it(`the ${which === 'sample' ? "sample's" : '64-table'} summary as a bureau files it: one page wide, each block on one page, the list's header over the list only`, () => {
      const file = which === 'sample' ? summaryPdf : sixtyPdf;
      const json = which === 'sample' ? summaryJson : sixtyJson;
      expect(Math.min(...pdfTextSizes(file))).toBeGreaterThanOrEqual(EIGHT_PT - 0.05);
      const pages = pageTexts(file);
      expect(pages.length).toBeGreaterThan(1);
      // Every page: the unit (and the year when the file names one) above, 第 X 页 共 Y 页 below.
      pages.forEach((p, i) => {
        expect(p, `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`);
        expect(p.slice(0, 40), `page ${i + 1}`).toContain(which === 'sample' ? 'sample' : '2024年绩效自评');
        if (which === 'sixty') expect(p.slice(0, 60), `page ${i + 1}`).toContain('2024年度');
      });
      // The list's pages: from the first that holds its header to the last. Each carries 序号 and 项目名称
      // with every column it prints (one page wide: no column on pages of its own); 工作表 and 文件 are not
      // printed. The pages before carry the report's blocks and no header row of the list.
      const first = pages.findIndex((p) => p.includes('备注'));
      expect(first).toBeGreaterThan(0);
      // (Headers of several lines are read a line at a time across the row: their parts.)
      const columns = ['序号', '项目名称', '主管部门', '实施单位', '预算数', '执行数', '（万元）', '执行率', '(%)', '得分', '指标', '复核', '表内', '总分', '等级', '错误数', '警告数', '类型', '备注'];
      pages.slice(first).forEach((p, i) => {
        expect(columns.filter((c) => !p.includes(c)), `page ${first + i + 1}`).toEqual([]);
        expect(p.includes('工作表') || p.includes('文件'), `page ${first + i + 1}`).toBe(false);
      });
      expect(pages.slice(first).join('')).toContain('项目合计');
      // No line starts with a closing bracket: "全年预算数（万元）" is not broken before its "）".
      expect(pageLines(file).flat().filter((l) => /^\s*[）)]/.test(l))).toEqual([]);
      for (const p of pages.slice(0, first)) expect(p.includes('备注') || p.includes('表内等级')).toBe(false);
      // Each block whole on one page: a distribution down to its 合计, the counts by 主管部门 down to the
      // last, the tables to send back down to the last finding; the chart on the page of its distribution.
      const onePage = (title: string, ...then: string[]) => {
        const at = pages.findIndex((p) => p.includes(title));
        expect(at, title).toBeGreaterThanOrEqual(0);
        const rest = pages[at]!.slice(pages[at]!.indexOf(title));
        expect(then.filter((t) => !rest.includes(t.replace(/\s+/g, ''))), title).toEqual([]);
        return at;
      };
      const chart = onePage('等级分布（按复核总分）', '合计', '等级分布（复核总分）');
      // The chart's own labels (its bars' names) on that page too, beside the table's.
      expect(pages[chart]!.split('未评级').length - 1).toBeGreaterThanOrEqual(2);
      onePage('等级分布（按表内总分）', '合计');
      onePage('部门整体自评表等级分布（按复核总分）', '合计');
      onePage('按主管部门', ...json.byDepartment.map((d) => d.department));
      onePage('需退回修改的表', ...json.sendBack.flatMap((b) => [b.project, ...b.first]));
    });
  }

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
