/**
 * SPEC rule 11's last two bullets: a result short of its target scored in full with no reason
 * (SHORTFALL_NO_REASON), and what the form asks for left blank (MISSING_FIELD). A peer checker's four test
 * cases laid out as the Shanghai form; each gives the findings SPEC asks for and nothing else changes.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import { type CellValue, type Grid, parseRangeA1 } from '../../src/core/grid';
import type { TableResult } from '../../src/core/check/result';
import { findingMessage } from '../../src/core/findings';

const _ = null;

/** The Shanghai district form (seed000's layout), complete and consistent. Rows are 1-based in comments. */
function form(): CellValue[][] {
  return [
    ['财政项目支出绩效自评表'], // 1
    ['(2024年度)'], // 2
    ['项目名称', '社区应急物资储备'], // 3
    ['主管部门', '某区应急管理局', _, _, '实施单位', '某区应急管理局'], // 4
    ['项目资金 (万元)', _, '年初预算数', '全年预算数', '全年执行数', '分数', '执行率(%)', '得分'], // 5
    [_, '年度资金总额:', 50, 50, 50, 10, 100, 10], // 6
    [_, '其中:当年财政拨款', 50, 50, 50, '-', 100, '-'], // 7
    [_, '上年结转资金', 0, 0, 0, '-', 0, '-'], // 8
    [_, '其他资金', 0, 0, 0, '-', 0, '-'], // 9
    ['年度总体目标', '预期目标', _, _, '实际完成情况'], // 10
    [_, '储备应急物资满足需要', _, _, '完成物资储备'], // 11
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'], // 12
    ['产出指标', '数量指标', '储备点数量', '≥100个', '100个', 25, 25, _], // 13
    [_, '质量指标', '物资合格率', '=100%', '100%', 25, 25, _], // 14
    ['效益指标', '社会效益指标', '应急保障能力', '提升', '达成指标', 30, 30, _], // 15
    ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '95%', 10, 10, _], // 16
    ['总分', _, _, _, _, 100, 100, _], // 17
    ['评分等级', _, _, _, _, '优'], // 18
  ];
}

const MERGES = ['A1:H1', 'A2:H2', 'B3:H3', 'B4:D4', 'F4:H4', 'A5:B5', 'A6:A9', 'A10:A11', 'B10:D10', 'E10:H10', 'B11:D11', 'E11:H11', 'A13:A14', 'A17:E17', 'A18:E18', 'F18:H18'];

function grid(rows: CellValue[][], merges = MERGES): Grid {
  return { name: 'Sheet1', values: rows, formats: rows.map((r) => r.map(() => undefined)), merges: merges.map(parseRangeA1) };
}

/** Sets a cell by its A1 address. */
function edit(rows: CellValue[][], a1: string, v: CellValue): CellValue[][] {
  const { top, left } = parseRangeA1(a1);
  const row = rows[top]!;
  while (row.length <= left) row.push(_);
  row[left] = v;
  return rows;
}

function only(g: Grid): TableResult {
  const r = checkSheet(g);
  expect(r.unrecognised).toEqual([]);
  expect(r.tables).toHaveLength(1);
  return r.tables[0]!;
}

const codes = (t: TableResult) => t.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}@${f.cell}`).sort();

describe("a peer checker's four cases, laid out as our form", () => {
  it('the complete form raises nothing', () => {
    expect(codes(only(grid(form())))).toEqual([]);
  });

  it('a target missed at 80 of 100 scored in full: the score and the missing reason, two findings', () => {
    const rows = edit(form(), 'E13', '80个');
    const t = only(grid(rows));
    expect(codes(t)).toEqual(['QUANT_SCORE_MISMATCH@G13', 'SHORTFALL_NO_REASON@H13']);
    const f = t.findings.find((x) => x.code === 'SHORTFALL_NO_REASON')!;
    expect([f.expected, f.found]).toEqual(['≥100个', '80个']);
    expect(findingMessage(f)).toBe('「储备点数量」实际完成 80个，未达到指标值 ≥100个，却得满分，未填写偏差原因');
  });

  it('MISSING_FIELD: a blank 项目名称 and 主管部门', () => {
    const rows = edit(edit(form(), 'B3', _), 'B4', _);
    expect(codes(only(grid(rows)))).toEqual(['MISSING_FIELD@B3', 'MISSING_FIELD@B4']);
  });

  it('a blank 预期目标', () => {
    const t = only(grid(edit(form(), 'B11', _)));
    expect(codes(t)).toEqual(['MISSING_FIELD@B11']);
    expect(findingMessage(t.findings[0]!, 'en')).toBe("The annual goal's expected result (预期目标) is blank");
  });

  it('a full score on a blank 实际完成值', () => {
    const t = only(grid(edit(form(), 'E16', _)));
    expect(codes(t)).toEqual(['MISSING_FIELD@E16']);
    expect(findingMessage(t.findings[0]!)).toBe('「居民满意度」有得分，但实际完成值未填写');
  });
});

describe('SHORTFALL_NO_REASON', () => {
  it('SHORTFALL_NO_REASON: a qualitative result 基本达成 scored in full, its reason only a filler word', () => {
    const rows = edit(edit(form(), 'E15', '基本达成'), 'H15', '无');
    const t = only(grid(rows));
    expect(codes(t)).toEqual(['QUAL_BAND_MISMATCH@G15', 'SHORTFALL_NO_REASON@H15']);
    expect(findingMessage(t.findings.find((x) => x.code === 'SHORTFALL_NO_REASON')!, 'en')).toContain('its reason only says "无"');
  });

  it('a shortfall with its reason given raises nothing of its own', () => {
    const rows = edit(edit(form(), 'E13', '80个'), 'H13', '两处储备点选址调整，延至次年建成');
    expect(codes(only(grid(rows)))).toEqual(['QUANT_SCORE_MISMATCH@G13']);
  });

  it('above a ≤ target is short; a deduction without a reason stays MISSING_REASON alone', () => {
    const above = edit(edit(form(), 'D14', '≤5%'), 'E14', '6%');
    expect(codes(only(grid(above)))).toEqual(['QUANT_SCORE_MISMATCH@G14', 'SHORTFALL_NO_REASON@H14']);
    const deducted = edit(edit(form(), 'E13', '80个'), 'G13', 20);
    expect(codes(only(grid(edit(deducted, 'G17', 95))))).toEqual(['MISSING_REASON@H13']);
  });

  it('under the rounding tolerance: "95" may be 95.4, so it is not short of ≥95.4%; 94.9 is short of ≥95%', () => {
    const tolerant = edit(edit(form(), 'D16', '≥95.4'), 'E16', 95);
    expect(codes(only(grid(tolerant)))).not.toContain('SHORTFALL_NO_REASON@H16');
    const short = edit(edit(form(), 'D16', '≥95'), 'E16', 94.9);
    expect(codes(only(grid(short)))).toContain('SHORTFALL_NO_REASON@H16');
  });

  it('not raised on a form with no 偏差原因 column (nowhere to give the reason)', () => {
    const rows = edit(form(), 'E13', '80个').map((r) => r.slice(0, 7));
    const t = only(grid(rows, MERGES.filter((m) => !/H/.test(m))));
    expect(codes(t)).toEqual(['QUANT_SCORE_MISMATCH@G13']);
  });
});

describe('MISSING_FIELD never for a field the form does not have', () => {
  it('a form without 实施单位 and without the 年度总体目标 block asks for neither', () => {
    const rows = form();
    rows[3] = ['主管部门', '某区应急管理局'];
    rows.splice(9, 2);
    const merges = ['A1:H1', 'A2:H2', 'B3:H3', 'B4:H4', 'A5:B5', 'A6:A9', 'A11:A12', 'A15:E15', 'A16:E16', 'F16:H16'];
    expect(codes(only(grid(rows, merges)))).toEqual([]);
  });

  it('a blank 实际完成值 scored 0 credits nothing; one covered by a merged cell holds that cell\'s value', () => {
    const zero = edit(edit(edit(form(), 'E16', _), 'G16', 0), 'G17', 90);
    expect(codes(only(grid(zero)))).not.toContain('MISSING_FIELD@E16');
    const merged = edit(edit(form(), 'E14', _), 'E13', '达成');
    const t = only(grid(merged, [...MERGES, 'E13:E14']));
    expect(codes(t).filter((c) => c.startsWith('MISSING_FIELD'))).toEqual([]);
  });

  it('a blank label line above the grid (主管部门(盖章):) asks nothing when the field is filled below', () => {
    const rows = form();
    rows.splice(2, 0, ['主管部门(盖章):']);
    const merges = MERGES.map((m) => m.replace(/\d+/g, (n) => (Number(n) >= 3 ? String(Number(n) + 1) : n)));
    expect(codes(only(grid(rows, merges)))).toEqual([]);
  });
});
