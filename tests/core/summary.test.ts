/**
 * The summary over the real tables: rows, money totals, the grade distribution and the report sentence,
 * against figures worked out by hand from the source tables.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../helpers';
import { summariseBytes } from '../../src/xlsx/summaryInput';
import { buildSummary, summaryJson, type WorkbookInput } from '../../src/core/summary';
import { summaryLayout } from '../../src/core/summaryLayout';

async function inputs(): Promise<WorkbookInput[]> {
  const files = ['seed000.xlsx', 'seed001-excerpt.xlsx', 'seed002.xlsx', 'seed003.xlsx'];
  return Promise.all(files.map((f) => summariseBytes(readFileSync(fixturePath(f)), f, 'zh')));
}

describe('summary of the real tables', async () => {
  const all = await inputs();
  const s = buildSummary(all);

  it('has one row per table, in sheet order, with the recomputed and the shown figures', () => {
    expect(s.rows).toHaveLength(24); // 11 Putuo + 2 Fengtai + 10 Wujing + 1 Shangjie
    expect(s.rows[0]).toMatchObject({ index: 1, file: 'seed000.xlsx', sheet: '援滇干部工作经费', project: '援滇干部工作经费', budget: '24.38', executed: '23.36', total: '99.58', grade: '优', errors: 0, warnings: 0 });
    expect(s.rows[15]).toMatchObject({ index: 16, project: '风险防控治理', total: '110.00', shownTotal: '100.00', errors: 2, warnings: 6 });
    expect(s.rows[12]).toMatchObject({ project: '2020年市级综合考核奖励经费', total: '82.24', grade: '良', shownGrade: null, errors: 0, warnings: 7 });
    expect(s.rows[23]).toMatchObject({ project: '上街区应急管理局', department: '上街区应急管理局', budget: '565.22', total: '99.50', shownTotal: '99.50' });
  });

  it('adds up the money of projects and of department-wide tables apart', () => {
    // Projects, 全年预算数: Putuo 812.24 + Fengtai 24.90 + Wujing 834.29; 全年执行数: 806.08 + 22.21 + 834.33.
    expect(s.projects.totals).toEqual({ budget: '1671.43', executed: '1662.62', executionRate: '99.47' });
    // Shangjie's department-wide table (565.22) holds its own projects' money: never added to theirs.
    expect(s.departments).toMatchObject({ count: 1, totals: { budget: '565.22', executed: '565.22', executionRate: '100.00' } });
  });

  it('counts the grades, with their money; weights of 110 are 未评级, never 优', () => {
    expect(summaryJson(s)).toMatchObject({
      distribution: {
        recomputed: {
          优: { count: 19, amount: '1614.26' }, // 812.24 + 834.29 − 22.20 − 10.07
          良: { count: 2, amount: '24.90' }, // the two Fengtai tables, 81.00 and 82.24
          中: { count: 0, amount: '0.00' },
          差: { count: 0, amount: '0.00' },
          未评级: { count: 2, amount: '32.27' }, // 风险防控治理 22.20 and 安全宣传 10.07: weights add up to 110
        },
        shown: { 优: { count: 21, amount: '1646.53' }, 良: { count: 2, amount: '24.90' }, 未评级: { count: 0, amount: '0.00' } },
      },
      departments: { distribution: { recomputed: { 优: { count: 1, amount: '565.22' } } } },
    });
    expect(s.shownDiffers).toBe(true);
  });

  it('writes the report sentence word for word', () => {
    expect(s.sentence.recomputed).toBe(
      '单位自评项目23个，涉及金额1671.43万元，评价得分在90（含）-100分的19个、在80（含）-90分的2个、在60（含）-80分的0个、60分以下的0个、未评级的2个。',
    );
    expect(s.sentence.shown).toBe(
      '单位自评项目23个，涉及金额1671.43万元，评价得分在90（含）-100分的21个、在80（含）-90分的2个、在60（含）-80分的0个、60分以下的0个。',
    );
    expect(s.departmentSentence).toBe('部门整体自评1个，涉及金额565.22万元（优1个），不计入项目数。');
    expect(buildSummary(all, { lang: 'en' }).sentence.recomputed).toBe(
      '23 projects self-evaluated, 1671.43 (10k yuan) in all: 19 scored 90–100, 2 scored 80–90, 0 scored 60–80, 0 below 60, and 2 ungraded.',
    );
  });

  it('gives a second sentence where the tables’ own totals fall in other bands', () => {
    // The Wujing 安全宣传 table, had it shown 85 instead of 100, would be 良 by its own total.
    const edited = all.map((w) => ({ ...w, tables: w.tables.map((t) => (t.project === '安全宣传' ? { ...t, shownTotal: '85.00' } : t)) }));
    const e = buildSummary(edited);
    expect(e.shownDiffers).toBe(true);
    expect(e.sentence.shown).toBe(
      '单位自评项目23个，涉及金额1671.43万元，评价得分在90（含）-100分的20个、在80（含）-90分的3个、在60（含）-80分的0个、60分以下的0个。',
    );
    const layout = summaryLayout(e);
    const texts = layout.rows.flat().map((c) => c.value);
    expect(texts).toContain(`表内总分：${e.sentence.shown}`);
  });

  it('sorts as asked, numbering the rows in that order', () => {
    const byErrors = buildSummary(all, { sort: 'errors' });
    expect(byErrors.rows.slice(0, 3).map((r) => [r.index, r.project, r.errors])).toEqual([
      [1, '风险防控治理', 2],
      [2, '安全宣传', 2],
      [3, '残保金抚恤金专项', 2],
    ]);
    expect(buildSummary(all, { sort: 'budget' }).rows[0]!.project).toBe('上街区应急管理局');
    expect(buildSummary(all, { sort: 'total' }).rows[0]!.total).toBe('110.00');
  });

  it('lays out rows with errors to stand out, links to each table, and a chart source', () => {
    const layout = summaryLayout(s, { withFile: true });
    const header = layout.rows[layout.header.row]!.map((c) => c.value);
    // What a reviewer reads first, 工作表 and 文件 last (outside the print area); headers broken where a
    // reader breaks them (全年 / 预算数 / （万元）), never before a closing bracket.
    expect(header).toEqual(['序号', '项目名称', '主管部门', '实施单位', '全年\n预算数\n（万元）', '全年\n执行数\n（万元）', '执行率\n(%)', '执行率\n得分', '指标\n得分', '复核\n总分', '表内\n总分', '复核\n等级', '表内\n等级', '错误数', '警告数', '类型', '备注', '工作表', '文件']);
    expect(layout.print.columns).toBe(header.indexOf('工作表'));
    const errorProjects = layout.errorRows.map((r) => layout.rows[r]![1]!.value);
    expect(errorProjects).toEqual(['风险防控治理', '安全宣传', '残保金抚恤金专项']);
    expect(layout.rows[layout.header.row + 1]![17]).toEqual({ value: '援滇干部工作经费', style: 'text' });
    expect(layout.rows[layout.header.row + 1]![0]).toMatchObject({ value: 1, link: { file: 'seed000.xlsx', sheet: '援滇干部工作经费', cell: 'A1' } });
    const c = layout.chart!;
    expect(layout.rows.slice(c.categories.top, c.categories.bottom + 1).map((r) => [r[1]!.value, r[2]!.value])).toEqual([
      ['优', 19], ['良', 2], ['中', 0], ['差', 0], ['未评级', 2],
    ]);
  });

  it('says which workbooks could not be summarised', async () => {
    const broken = await summariseBytes(new TextEncoder().encode('not a workbook'), 'broken.xlsx', 'zh');
    const e = buildSummary([...all, broken]);
    expect(e.workbooks.at(-1)).toMatchObject({ file: 'broken.xlsx', status: 'unreadable', tables: 0 });
    expect(e.rows).toHaveLength(24);
  });
});
