/**
 * What the summary counts (SPEC §5, rule 9): projects and department-wide tables apart, a table sent
 * twice counted once, 未评级 for tables whose weights do not add up to 100, 满分且无扣分 counted, and the
 * two sentence forms word for word on the bundled sample (16 real tables).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { summariseBytes } from '../../src/xlsx/summaryInput';
import { buildSummary, summaryJson, type WorkbookInput } from '../../src/core/summary';
import { summaryLayout } from '../../src/core/summaryLayout';
import { fixturePath } from '../helpers';
import { edit, text } from '../xlsx/pkg';

const SAMPLE = path.resolve(__dirname, '..', '..', 'assets', 'sample.xlsx');

describe('the sample summarised', async () => {
  const sample = await summariseBytes(readFileSync(SAMPLE), 'sample.xlsx', 'zh');

  it('the district report sentence, word for word: 15 projects (the department-wide table apart), two 110-point tables 未评级', () => {
    const s = buildSummary([sample]);
    expect(s.sentence.recomputed).toBe(
      '单位自评项目15个，涉及金额898.57万元，评价得分在90（含）-100分的11个、在80（含）-90分的2个、在60（含）-80分的0个、60分以下的0个、未评级的2个。',
    );
    // By the tables' own totals, the two 110-point tables show 100 and fall in 90–100.
    expect(s.sentence.shown).toBe('单位自评项目15个，涉及金额898.57万元，评价得分在90（含）-100分的13个、在80（含）-90分的2个、在60（含）-80分的0个、60分以下的0个。');
    expect(s.departmentSentence).toBe('部门整体自评1个，涉及金额565.22万元（优1个），不计入项目数。');
    // 走访, 应急救援, 联管大队整治经费, 社会消防治理, 网格系统及设备维护, 残保金抚恤金专项, 公众号运营.
    expect(s.fullMarksSentence).toBe('满分且无扣分 7 个：自评可能偏松，建议重点复核。');
    expect(s.rows.filter((r) => r.fullMarks).map((r) => r.project)).toEqual(['走访', '应急救援', '联管大队整治经费', '社会消防治理', '网格系统及设备维护', '残保金抚恤金专项', '公众号运营']);
  });

  it('the 部门决算 template sentence, word for word: 平均得分 over the graded projects, 合格 for 中, 不合格 for 差', () => {
    const s = buildSummary([sample], { sentence: 'final-accounts' });
    // (99 + 100×7 + 99 + 81 + 82.24 + 99.58 + 90.27) ÷ 13 = 96.2377 → 96.24.
    expect(s.sentence.recomputed).toBe(
      '开展绩效自评的项目15个，涉及预算金额898.57万元，平均得分96.24分（其中“优”11个、“良”2个、“合格”0个、“不合格”0个，未评级2个）。',
    );
    // By their own totals all 15 are graded: (1251.09 + 100 + 100) ÷ 15 = 96.74.
    expect(s.sentence.shown).toBe('开展绩效自评的项目15个，涉及预算金额898.57万元，平均得分96.74分（其中“优”13个、“良”2个、“合格”0个、“不合格”0个）。');
    expect(buildSummary([sample], { sentence: 'final-accounts', lang: 'en' }).sentence.recomputed).toBe(
      '15 projects self-evaluated, budget 898.57 (10k yuan), average score 96.24 (excellent 11, good 2, pass 0, fail 0; 2 ungraded).',
    );
  });

  it('the summary sheet says why a row is 未评级 or full marks, and its kind', () => {
    const s = buildSummary([sample]);
    const layout = summaryLayout(s);
    // Headers carry their line breaks (复核\n等级): looked up without them.
    const header = layout.rows[layout.header.row]!.map((c) => String(c.value).replace(/\n/g, ''));
    const col = (name: string) => header.indexOf(name);
    // In the list (the send-back block above it names projects too).
    const row = (project: string) => layout.rows.slice(layout.header.row).find((r) => r[col('项目名称')]?.value === project)!;
    expect(row('风险防控治理')[col('复核等级')]!.value).toBe('未评级');
    expect(row('风险防控治理')[col('备注')]!.value).toBe('未评级：分值合计不为 100');
    expect(row('走访')[col('备注')]!.value).toBe('满分且无扣分：自评可能偏松');
    expect(row('上街区应急管理局')[col('类型')]!.value).toBe('部门整体');
    expect(row('巡查员工作经费')[col('类型')]!.value).toBe('项目');
    const texts = layout.rows.flat().map((c) => c.value);
    expect(texts).toContain('共 16 张表：项目 15 个，部门整体 1 个');
    expect(texts).toContain('项目合计');
    expect(texts).toContain('部门整体合计');
    expect(texts).toContain('部门整体自评表等级分布（按复核总分）');
    expect(texts).toContain(s.fullMarksSentence);
  });
});

describe('a table met twice is counted once', () => {
  it('the same workbook sent by two districts: every row listed, the second of each flagged, nothing counted twice', async () => {
    const a = await summariseBytes(readFileSync(fixturePath('seed002.xlsx')), '闵行/吴泾镇.xlsx', 'zh');
    const b = await summariseBytes(readFileSync(fixturePath('seed002.xlsx')), '汇总/吴泾镇（副本）.xlsx', 'zh');
    const once = buildSummary([a]);
    const twice = buildSummary([a, b]);
    expect(twice.rows).toHaveLength(20);
    expect(twice.duplicates).toBe(10);
    expect(twice.rows.slice(10).map((r) => r.duplicateOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(twice.sentence).toEqual(once.sentence);
    expect(twice.projects.totals).toEqual(once.projects.totals);
    const layout = summaryLayout(twice, { withFile: true });
    expect(layout.rows.flat().map((c) => c.value)).toContain('与序号 1 为同一张表，只计一次');
    expect(layout.rows[1]![0]!.value).toBe('共 20 张表：项目 10 个；重复 10 张，只计一次');
  });

  it('sorted another way, a duplicate still names the 序号 of the row it repeats', async () => {
    const a = await summariseBytes(readFileSync(fixturePath('seed003.xlsx')), 'a.xlsx', 'zh');
    const b = await summariseBytes(readFileSync(fixturePath('seed003.xlsx')), 'b.xlsx', 'zh');
    const s = buildSummary([a, b], { sort: 'project' });
    expect(s.rows.map((r) => [r.index, r.file, r.duplicateOf])).toEqual([
      [1, 'a.xlsx', null],
      [2, 'b.xlsx', 1],
    ]);
    expect(s.departments.count).toBe(1);
  });

  it('two tables of one name with other amounts are two tables', async () => {
    const a = await summariseBytes(readFileSync(fixturePath('seed003.xlsx')), 'a.xlsx', 'zh');
    const other: WorkbookInput = { ...a, file: 'b.xlsx', tables: a.tables.map((t) => ({ ...t, budget: '600.00' })) };
    expect(buildSummary([a, other]).duplicates).toBe(0);
  });
});

describe('amounts in 元 are added in 万元', () => {
  it('a table kept in 元 counts for a ten-thousandth of its figures', async () => {
    const wan = await summariseBytes(readFileSync(fixturePath('seed002.xlsx')), 'wan.xlsx', 'zh');
    const yuan: WorkbookInput = {
      ...wan,
      file: 'yuan.xlsx',
      tables: [{ ...wan.tables[0]!, project: '另一个项目', unit: '元', budget: '1487900.00', executed: '1472910.00' }],
    };
    const s = buildSummary([yuan]);
    expect(s.rows[0]).toMatchObject({ budget: '148.79', executed: '147.291', unit: '万元' });
    expect(s.projects.totals.budget).toBe('148.79');
  });
});

describe('the summary JSON', () => {
  it('carries both groups, the duplicates, the sentence form and the extra sentences', async () => {
    const wb = await summariseBytes(readFileSync(SAMPLE), 'sample.xlsx', 'zh');
    const j = summaryJson(buildSummary([wb], { sentence: 'final-accounts' })) as Record<string, unknown>;
    expect(j).toMatchObject({
      projects: { count: 15, average: { recomputed: '96.24', shown: '96.74' }, fullMarks: 7 },
      departments: { count: 1, fullMarks: 0 },
      duplicates: 0,
      sentenceForm: 'final-accounts',
      departmentSentence: '部门整体自评1个，涉及金额565.22万元（优1个），不计入项目数。',
    });
    expect((j.tables as { index: number; fullMarks: boolean }[])[1]).toMatchObject({ index: 2, project: '走访', fullMarks: true, duplicateOf: null });
  });
});

describe('a typed-in table of 110 points', () => {
  it('is 未评级, whatever its own total says', async () => {
    // Shangjie's department-wide table with one indicator's 分值 and 得分 raised from 0.5 to 10.5: the
    // weights add up to 110, the 总分 row still shows 100 and 99.50.
    const bytes = await edit(readFileSync(fixturePath('seed003.xlsx')), async (zip) => {
      const x = await text(zip, 'xl/worksheets/sheet1.xml');
      zip.file('xl/worksheets/sheet1.xml', x.replace('<c r="G50" s="3"><v>0.5</v></c><c r="H50" s="3"><v>0.5</v></c>', '<c r="G50" s="3"><v>10.5</v></c><c r="H50" s="3"><v>10.5</v></c>'));
    });
    const wb = await summariseBytes(bytes, 'x.xlsx', 'zh');
    expect(wb.tables[0]).toMatchObject({ total: '109.50', grade: null, shownTotal: '99.50' });
    const s = buildSummary([wb]);
    expect(s.departments.distribution.recomputed.ungraded).toEqual({ count: 1, amount: '565.22' });
    expect(s.departments.distribution.recomputed['优'].count).toBe(0);
    expect(s.departments.distribution.shown['优'].count).toBe(1);
    expect(s.departmentSentence).toBe('部门整体自评1个，涉及金额565.22万元（未评级1个），不计入项目数。');
  });
});
