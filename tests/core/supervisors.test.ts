/**
 * For supervisors (issue 27): the summary counts by 主管部门 (tables, money, open errors, verified findings)
 * and lists the tables to send back (open errors, first findings), on the sheet, in the JSON and printed.
 * A reviewer's 已核实 takes a finding out of the open counts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../helpers';
import { summariseBytes } from '../../src/xlsx/summaryInput';
import { type WorkbookInput, buildSummary, summaryJson } from '../../src/core/summary';
import { summaryLayout } from '../../src/core/summaryLayout';
import { supervisorLines } from '../../src/core/supervisors';

async function inputs(): Promise<WorkbookInput[]> {
  const files = ['seed000.xlsx', 'seed001-excerpt.xlsx', 'seed002.xlsx', 'seed003.xlsx'];
  return Promise.all(files.map((f) => summariseBytes(readFileSync(fixturePath(f)), f, 'zh')));
}

const VERDICT = { note: '调整预算已批复', by: '李四', at: '2026-12-07T10:00:00.000Z' };

/** The inputs with every error of the tables named verified by a reviewer. */
function verified(all: WorkbookInput[], projects: readonly string[]): WorkbookInput[] {
  return all.map((w) => ({
    ...w,
    tables: w.tables.map((t) => (projects.includes(t.project) ? { ...t, findings: t.findings.map((f) => (f.severity === 'error' ? { ...f, verdict: VERDICT } : f)) } : t)),
  }));
}

describe('counts by 主管部门 and the tables to send back', async () => {
  const all = await inputs();
  const s = buildSummary(all);
  const withErrors = s.rows.filter((r) => r.duplicateOf === null && r.errors > 0);

  it('lists every table with open errors, with its first findings, and counts each department once per table', () => {
    expect(withErrors.length).toBeGreaterThan(0);
    expect(s.sendBack.map((b) => b.index)).toEqual(withErrors.map((r) => r.index));
    const first = s.sendBack.find((b) => b.project === '风险防控治理');
    expect(first?.openErrors).toBe(2);
    expect(first?.first[0]).toMatch(/^[A-Z]+\d+ /);
    const tables = s.byDepartment.reduce((n, d) => n + d.tables, 0);
    expect(tables).toBe(s.rows.filter((r) => r.duplicateOf === null).length);
    const errors = s.byDepartment.reduce((n, d) => n + d.openErrors, 0);
    expect(errors).toBe(s.rows.filter((r) => r.duplicateOf === null).reduce((n, r) => n + r.errors, 0));
    // Money adds up to the projects' and department-wide tables' totals (both in 万元).
    const money = s.byDepartment.reduce((n, d) => n + Number(d.budget), 0);
    expect(money).toBeCloseTo(Number(s.projects.totals.budget) + Number(s.departments.totals.budget), 2);
  });

  it('a verified finding is no longer open: the table leaves the list, its department counts it as verified', () => {
    const v = buildSummary(verified(all, ['风险防控治理']));
    expect(v.sendBack.map((b) => b.project)).not.toContain('风险防控治理');
    expect(v.sendBack).toHaveLength(s.sendBack.length - 1);
    const row = v.rows.find((r) => r.project === '风险防控治理');
    expect([row?.errors, row?.verified]).toEqual([0, 2]);
    const dept = v.byDepartment.find((d) => d.department === row?.department);
    const before = s.byDepartment.find((d) => d.department === row?.department);
    expect([dept?.openErrors, dept?.verified]).toEqual([(before?.openErrors ?? 0) - 2, (before?.verified ?? 0) + 2]);
  });

  it('on the sheet, in the JSON and printed readably', () => {
    const layout = summaryLayout(s);
    const texts = layout.rows.map((r) => r.map((c) => c.value));
    const at = texts.findIndex((r) => r[0] === '按主管部门');
    expect(texts[at + 1]).toEqual(['主管部门', null, null, '表数', '全年\n预算数\n（万元）', '未核实\n错误', '已核实']);
    const listAt = texts.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('需退回修改的表'));
    expect(texts[listAt]?.[0]).toBe(`需退回修改的表（有未核实错误）：${s.sendBack.length} 张`);
    // Each table's row (序号, 项目名称, 主管部门, 未核实错误), then its first findings a row each.
    const expected = s.sendBack.flatMap((b) => [[b.project, b.openErrors], ...b.first.map((f) => [null, f])]);
    const listed = texts.slice(listAt + 2, listAt + 2 + expected.length).map((r) => (r.length > 2 ? [r[1], r[3]] : [r[0], r[1]]));
    expect(listed).toEqual(expected);
    expect(s.sendBack.every((b) => b.first.length > 0)).toBe(true);
    const json = summaryJson(s) as { byDepartment: unknown; sendBack: unknown };
    expect(json.byDepartment).toEqual(s.byDepartment);
    expect(json.sendBack).toEqual(s.sendBack);
    const lines = supervisorLines(s.byDepartment, s.sendBack, 'zh');
    expect(lines).toContain(`需退回修改的表（有未核实错误）：${s.sendBack.length} 张`);
    expect(lines.some((l) => l.includes('风险防控治理') && l.includes('未核实错误 2 处'))).toBe(true);
  });
});
