/**
 * The summary on paper as core decides it, on the bundled sample: one page wide at 8 pt in the widest
 * reader, the report's blocks before the list with a break wherever a block would not fit the rest of a
 * page, the list from a page of its own, and the unit and year the page header names (or leaves out).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSummary } from '../../src/core/summary';
import { summaryLayout } from '../../src/core/summaryLayout';
import { summaryPageHeader, summaryUnit, summaryYear } from '../../src/core/summaryPrint';
import { blockBreaks, columnPoints, leastFitScale, printableWidth } from '../../src/core/print';
import { summariseBytes } from '../../src/xlsx/summaryInput';

const SAMPLE = path.resolve(__dirname, '..', '..', 'assets', 'sample.xlsx');

/** 8 pt on paper from 11 pt text, written here rather than taken from the code. */
const LEAST_SCALE = 800 / 11;

describe('the summary on paper', async () => {
  const sample = await summariseBytes(readFileSync(SAMPLE), 'folder/2024年 sample.xlsx', 'zh');
  const s = buildSummary([sample]);
  const layout = summaryLayout(s);

  it('fits 序号 … 备注 one page wide at 8 pt or more, in Excel and in a reader whose width unit is 7 pt', () => {
    const printed = layout.widths.slice(0, layout.print.columns);
    expect(layout.print.fitToWidth).toBe(true);
    expect(layout.rows[layout.header.row]![(layout.print.columns ?? 0) - 1]!.value).toBe('备注');
    expect(leastFitScale(printed, 'landscape')).toBeGreaterThanOrEqual(LEAST_SCALE);
    const excel = printed.reduce((a, w) => a + columnPoints(w), 0);
    expect((excel * LEAST_SCALE) / 100).toBeLessThanOrEqual(printableWidth('landscape'));
    expect((printed.reduce((a, w) => a + w, 0) * 7 * LEAST_SCALE) / 100).toBeLessThanOrEqual(printableWidth('landscape'));
  });

  it('starts the list on a page of its own, its header row the print title; the chart inside its block', () => {
    const breaks = layout.print.breaks ?? [];
    expect(breaks.at(-1)).toBe(layout.header.row);
    expect(layout.print.titleRows).toEqual({ top: layout.header.row, bottom: layout.header.row });
    const chart = layout.chart!;
    // No break between the chart's first row and its last.
    expect(breaks.filter((b) => b > chart.anchor.top && b <= chart.anchor.bottom)).toEqual([]);
    expect(chart.anchor.bottom).toBeLessThan(layout.header.row);
    // Every row has a height (wrapped texts show in readers that do not grow a row a program wrote).
    expect(layout.print.rowHeights.size).toBe(layout.rows.length);
  });

  it('breaks before a block that does not fit the rest of the page, and only then', () => {
    const rows = (n: number) => () => n;
    // Blocks of 5, 5 and 5 rows of 10 pt, a blank row between, on pages of 120 pt: the third goes over.
    const blocks = [{ top: 0, bottom: 4 }, { top: 6, bottom: 10 }, { top: 12, bottom: 16 }];
    expect(blockBreaks(blocks, rows(10), 120)).toEqual([12]);
    expect(blockBreaks(blocks, rows(10), 200)).toEqual([]);
    expect(blockBreaks([...blocks, { top: 18, bottom: 18, newPage: true }], rows(10), 200)).toEqual([18]);
  });

  it('names the unit and the year above each page: the one 主管部门, else the file; the year only when the file says it', () => {
    expect(summaryUnit(s)).toBe('2024年 sample');
    expect(summaryYear(s)).toBe('2024');
    expect(summaryPageHeader(s, 'zh', '绩效自评汇总表')).toEqual({ left: '2024年 sample', center: '绩效自评汇总表', right: '2024 年度' });
    const one = buildSummary([{ ...sample, file: 'a&b.xlsx', tables: sample.tables.filter((t) => t.department === '北京市丰台区应急管理局') }]);
    // One department: its name; & doubled so that it is not read as a code.
    expect(summaryUnit(one)).toBe('北京市丰台区应急管理局');
    expect(summaryYear(one)).toBeNull();
    expect(summaryPageHeader(one, 'zh', 'A&B')).toEqual({ left: '北京市丰台区应急管理局', center: 'A&&B' });
  });
});

describe('the summary on paper, in English', async () => {
  const sample = await summariseBytes(readFileSync(SAMPLE), 'sample.xlsx', 'en');
  it('has the same column widths as in Chinese (one layout, two languages)', () => {
    const s = buildSummary([sample], { lang: 'en' });
    expect(summaryLayout(s, { lang: 'en' }).widths).toEqual(summaryLayout(s).widths);
  });
});
