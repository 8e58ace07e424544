/**
 * Forms of other provinces (SPEC §2 "More provinces, more forms"). The three public forms in
 * tests/fixtures/prov — Yunnan 永德 (two-row indicator header, 指标性质 | 指标值 | 度量单位, amounts in 元),
 * Yunnan 施甸 of the 保山 form (预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率), weights only in labels)
 * and Anhui 天长 (template prompt rows, a 年度绩效指标完成情况 frame) — as numbers and as text, one per sheet
 * and stacked on one sheet; then a table typed in for each feature of SPEC §2 these do not show. Every
 * figure and finding is worked out by hand from SPEC §3.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import type { CellRange, CellValue, Grid } from '../../src/core/grid';
import { fmt2 } from '../../src/core/numbers';
import type { TableResult } from '../../src/core/check/result';
import { tableReport } from '../../src/core/report';
import { loadGrids } from '../helpers';

interface Figures {
  project: string;
  unit: '万元' | '元';
  budget: string;
  executed: string;
  rate: string;
  execScore: string | null;
  indicatorWeight: string | null;
  indicatorScore: string | null;
  total: string | null;
  grade: string | null;
  shownTotal: string | null;
  shownGrade: string | null;
  indicators: number;
}

const f2 = (d: { toString(): string } | null) => (d === null ? null : fmt2(d as Parameters<typeof fmt2>[0]));

function figures(t: TableResult): Figures {
  return {
    project: t.table.project,
    unit: t.table.amountUnit,
    budget: fmt2(t.budget!),
    executed: fmt2(t.executed!),
    rate: fmt2(t.executionRate!),
    execScore: f2(t.executionScore),
    indicatorWeight: f2(t.indicatorWeight),
    indicatorScore: f2(t.indicatorScore),
    total: f2(t.total),
    grade: t.grade,
    shownTotal: f2(t.shownTotal),
    shownGrade: t.shownGrade,
    indicators: t.table.indicators.length,
  };
}

const findings = (t: TableResult) => t.findings.map((f) => `${f.code}@${f.cell}`).sort();

interface Form {
  id: string;
  figures: Figures;
  /** Every finding, info included, as code@cell on the one-per-sheet workbook. */
  findings: string[];
  skipped: string[];
}

const FORMS: Form[] = [
  {
    // 387664.62 元 of 387664.62: 100%, 10. 资金到位及时率 ≥100% met at 100% but scored 7 of 10, and 政策知晓率
    // =100% at 98% scored 9 where 10 × 98 ÷ 100 = 9.8, both without a reason. 产出 40 / 满意度 20 differ
    // from the default split (information). "其他需要说明事项 | 无" is no indicator; the grade sits on the 总分 row.
    id: 'yn-yongde',
    figures: {
      project: '义务教育营养改善计划专项资金', unit: '元', budget: '387664.62', executed: '387664.62', rate: '100.00', execScore: '10.00',
      indicatorWeight: '90.00', indicatorScore: '86.00', total: '96.00', grade: '优', shownTotal: '96.00', shownGrade: '优', indicators: 9,
    },
    findings: ['LEVEL1_WEIGHT_DEVIATION@A14', 'MISSING_REASON@J16', 'MISSING_REASON@J19', 'QUANT_SCORE_MISMATCH@I16', 'QUANT_SCORE_MISMATCH@I19'],
    skipped: [],
  },
  {
    // 94 of 650 万元 = 14.46%, shown as the fraction 0.1 (known to ±0.05: consistent); 20 × 14.46% = 2.89,
    // shown 2.9 (= 2.90): an error. The 80 points of the frame "年度绩效目标1 (80分)" and the 20 of
    // "得分(20分*执行率)" add up to 100. 2.89 + 68.8 = 71.69 (中). 产值 12767.36 against 8000: 160%.
    id: 'yn-shidian',
    figures: {
      project: '2019年新型农业经营主体扶持项目', unit: '万元', budget: '650.00', executed: '94.00', rate: '14.46', execScore: '2.89',
      indicatorWeight: '80.00', indicatorScore: '68.80', total: '71.69', grade: '中', shownTotal: '71.70', shownGrade: null, indicators: 5,
    },
    findings: ['EXEC_SCORE_MISMATCH@F8', 'LOW_EXECUTION_NO_REASON@E8', 'TARGET_EXCEEDED@F12'],
    skipped: ['noWeightColumn'],
  },
  {
    // 880 of 880: 100%, 10. Prompt rows ("指标2:", "……", "指标1:/") are placeholders; "(50分)" and "(30分)"
    // match the 分值 under them; full marks everywhere. What the clerk left blank (rule 11): the 主管部门 (B4,
    // blank in the source) and the 实际完成值 of the six scored "指标1:…" rows, each 10 of 10 on no result.
    id: 'ah-tianchang',
    figures: {
      project: '水旱灾害防御经费', unit: '万元', budget: '880.00', executed: '880.00', rate: '100.00', execScore: '10.00',
      indicatorWeight: '90.00', indicatorScore: '90.00', total: '100.00', grade: '优', shownTotal: '100.00', shownGrade: null, indicators: 9,
    },
    findings: ['MISSING_FIELD@B4', 'MISSING_FIELD@F16', 'MISSING_FIELD@F19', 'MISSING_FIELD@F22', 'MISSING_FIELD@F25', 'MISSING_FIELD@F28', 'MISSING_FIELD@F34'],
    skipped: [],
  },
];

describe.each(FORMS)('the public form $id', (form) => {
  describe.each(['', '-text'])('stored as %s', (suffix) => {
    it('every figure as worked out by hand, every finding at its cell, nothing left unread', async () => {
      const [grid] = await loadGrids(`prov/${form.id}${suffix}.xlsx`);
      const r = checkSheet(grid!);
      expect(r.unrecognised).toEqual([]);
      expect(r.tables).toHaveLength(1);
      const t = r.tables[0]!;
      expect(figures(t)).toEqual(form.figures);
      expect(findings(t)).toEqual([...form.findings].sort());
      expect(t.skipped).toEqual(form.skipped);
    });
  });
});

/** Sheets stacked on one, two blank rows apart, merges moved with their cells. */
function stack(grids: readonly Grid[], name = 'stacked'): { grid: Grid; offsets: number[] } {
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const merges: CellRange[] = [];
  const offsets: number[] = [];
  for (const g of grids) {
    if (values.length) values.push([], []), formats.push([], []);
    const top = values.length;
    offsets.push(top);
    g.values.forEach((row, i) => {
      values.push([...row]);
      formats.push([...(g.formats?.[i] ?? [])]);
    });
    for (const m of g.merges) merges.push({ top: m.top + top, bottom: m.bottom + top, left: m.left, right: m.right });
  }
  return { grid: { name, values, formats, merges }, offsets };
}

function shifted(cell: string, rows: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return `${m[1]}${Number(m[2]) + rows}`;
}

describe('the three public forms stacked on one sheet', () => {
  it.each(['', '-text'])('stored as %s: each table read as on its own sheet', async (suffix) => {
    const grids = await Promise.all(FORMS.map(async (f) => (await loadGrids(`prov/${f.id}${suffix}.xlsx`))[0]!));
    const { grid, offsets } = stack(grids);
    const r = checkSheet(grid);
    expect(r.unrecognised).toEqual([]);
    expect(r.tables.map(figures)).toEqual(FORMS.map((f) => f.figures));
    r.tables.forEach((t, i) => {
      const want = FORMS[i]!.findings.map((s) => {
        const [code, cell] = s.split('@');
        return `${code}@${shifted(cell!, offsets[i]!)}`;
      });
      expect(findings(t)).toEqual(want.sort());
    });
  });
});

describe('what the report says was read', () => {
  it('the unit, the columns by meaning, the checks that could not run', async () => {
    const [shidian] = await loadGrids('prov/yn-shidian.xlsx');
    const report = tableReport('yn-shidian.xlsx', checkSheet(shidian!).tables[0]!);
    expect(report.unit).toBe('万元');
    expect(report.implementer).toBe('施甸县农业农村局');
    expect(report.columns).toEqual({
      funds: { budget: 'C', executed: 'D', rate: 'E', score: 'F' },
      indicators: { level1: 'B', level2: 'C', level3: 'D', target: 'E', actual: 'F', score: 'G' },
      unread: [],
    });
    expect(report.skipped).toEqual(['无分值列：未核对单项指标的分值与得分']);

    const [yongde] = await loadGrids('prov/yn-yongde.xlsx');
    const y = tableReport('yn-yongde.xlsx', checkSheet(yongde!).tables[0]!, 'en');
    expect([y.unit, y.budget, y.columns.indicators]).toEqual([
      '元',
      '387664.62',
      { level1: 'A', level2: 'B', level3: 'C', nature: 'D', target: 'E', unit: 'F', actual: 'G', weight: 'H', score: 'I', reason: 'J' },
    ]);
  });
});
