/**
 * What a supervisor (主管部门 / 财政) needs beyond the grade distribution: counts by 主管部门 (tables, money,
 * open errors, verified findings) and the tables to send back — those with open errors (no reviewer's
 * 已核实), with their first findings. Pure: the summary's rows in, plain data out.
 */
import { Decimal, fmt2 } from './numbers';
import type { Lang } from './findings';
import type { FindingReport, TableReport } from './report';

/** A row of the summary as these counts need it (amounts already in 万元). */
export interface CountedRow extends TableReport {
  readonly index: number;
  readonly duplicateOf: number | null;
}

export interface DepartmentCount {
  /** The 主管部门 as the tables give it ('' where it is blank). */
  readonly department: string;
  readonly tables: number;
  /** 全年预算数 in 万元, 2 decimals. */
  readonly budget: string;
  readonly openErrors: number;
  readonly verified: number;
}

export interface SendBack {
  readonly index: number;
  readonly file: string;
  readonly sheet: string;
  readonly range: string;
  readonly project: string;
  readonly department: string;
  readonly openErrors: number;
  /** The first open errors, "H13 执行率应为 …". */
  readonly first: readonly string[];
}

/** How many of a table's first open errors the list quotes. */
export const FIRST_FINDINGS = 3;

const open = (f: FindingReport) => !f.verdict;

/** Per 主管部门, in the order the departments first appear; a table met twice counts once. */
export function countsByDepartment(rows: readonly CountedRow[]): DepartmentCount[] {
  const by = new Map<string, { tables: number; budget: Decimal; openErrors: number; verified: number }>();
  for (const r of rows) {
    if (r.duplicateOf !== null) continue;
    const key = r.department.trim();
    const d = by.get(key) ?? { tables: 0, budget: new Decimal(0), openErrors: 0, verified: 0 };
    d.tables++;
    d.budget = d.budget.plus(r.budget === null ? 0 : new Decimal(r.budget));
    d.openErrors += r.findings.filter((f) => f.severity === 'error' && open(f)).length;
    d.verified += r.findings.filter((f) => !open(f)).length;
    by.set(key, d);
  }
  return [...by].map(([department, d]) => ({ department, tables: d.tables, budget: fmt2(d.budget), openErrors: d.openErrors, verified: d.verified }));
}

/** The tables with open errors, in the summary's order, each with its first open errors. */
export function tablesToSendBack(rows: readonly CountedRow[]): SendBack[] {
  return rows.flatMap((r) => {
    const errors = r.findings.filter((f) => f.severity === 'error' && open(f));
    if (r.duplicateOf !== null || !errors.length) return [];
    return [
      {
        index: r.index,
        file: r.file,
        sheet: r.sheet,
        range: r.range,
        project: r.project,
        department: r.department,
        openErrors: errors.length,
        first: errors.slice(0, FIRST_FINDINGS).map((f) => `${f.cell} ${f.message}`),
      },
    ];
  });
}

/** The department cell: a blank 主管部门 said as such. */
export function departmentName(d: string, lang: Lang): string {
  return d || (lang === 'en' ? '(blank)' : '（未填写）');
}

/** The counts and the list as lines a terminal prints (the command line's summary). */
export function supervisorLines(byDepartment: readonly DepartmentCount[], sendBack: readonly SendBack[], lang: Lang): string[] {
  const en = lang === 'en';
  const lines: string[] = [];
  if (byDepartment.length > 1) {
    lines.push(en ? 'By supervising department:' : '按主管部门：');
    for (const d of byDepartment) {
      const name = departmentName(d.department, lang);
      lines.push(
        en
          ? `  ${name}: ${d.tables} table(s), ${d.budget} (10k yuan), ${d.openErrors} open error(s), ${d.verified} verified`
          : `  ${name}：${d.tables} 张表，${d.budget} 万元，未核实错误 ${d.openErrors} 处，已核实 ${d.verified} 处`,
      );
    }
  }
  if (sendBack.length) {
    lines.push(en ? `To send back (open errors): ${sendBack.length} table(s)` : `需退回修改的表（有未核实错误）：${sendBack.length} 张`);
    for (const b of sendBack) {
      lines.push(`  ${b.index}. [${b.sheet}] ${b.project}${b.department ? ` · ${b.department}` : ''}${en ? ` — ${b.openErrors} open error(s)` : ` — 未核实错误 ${b.openErrors} 处`}`);
      for (const f of b.first) lines.push(`       ${f}`);
    }
  }
  return lines;
}
