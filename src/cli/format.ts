/** Plain-text output of a check, for the terminal: a table at a time, so a file of thousands prints as it goes. */
import type { Lang } from '../core/findings';
import { GRADE_EN } from '../core/findings';
import type { TableReport, UnrecognisedReport } from '../core/report';

const SYMBOL = { error: '✗', warning: '⚠', info: 'ℹ' } as const;

const T = {
  zh: {
    rate: '执行率',
    execScore: '执行率得分',
    total: '总分',
    grade: '等级',
    shown: (v: string) => `（表内 ${v}）`,
    none: '无问题',
    unrecognised: '无法识别',
    summary: (tables: number, e: number, w: number, i: number) => `共 ${tables} 张表：错误 ${e}，警告 ${w}，提示 ${i}`,
    regions: (n: number) => `，另有 ${n} 处无法识别`,
    verified: (n: number) => `；已核实 ${n} 处（不计入）`,
    verdict: (note: string, by: string) => `已核实：${note}${by ? `（${by}）` : ''}`,
    files: (n: number) => `；${n} 个文件无法读取`,
    skipped: '未核对：',
    noTables: '未找到绩效自评表',
    grade_: (g: string) => g,
  },
  en: {
    rate: 'rate',
    execScore: 'rate score',
    total: 'total',
    grade: 'grade',
    shown: (v: string) => ` (shown ${v})`,
    none: 'no findings',
    unrecognised: 'unrecognised',
    summary: (tables: number, e: number, w: number, i: number) => `${tables} table(s): ${e} error(s), ${w} warning(s), ${i} info`,
    regions: (n: number) => `; ${n} region(s) could not be read`,
    verified: (n: number) => `; ${n} verified (not counted)`,
    verdict: (note: string, by: string) => `verified: ${note}${by ? ` (${by})` : ''}`,
    files: (n: number) => `; ${n} file(s) could not be read`,
    skipped: 'not checked: ',
    noTables: 'no self-evaluation table found',
    grade_: (g: string) => `${GRADE_EN[g as keyof typeof GRADE_EN] ?? g} (${g})`,
  },
} as const;

export function formatTable(r: TableReport, lang: Lang): string {
  const t = T[lang];
  const lines = [`  [${r.sheet}] ${r.range}  ${r.project}`];
  const shownTotal = r.shownTotal !== null && r.shownTotal !== r.total ? t.shown(r.shownTotal) : '';
  const shownGrade = r.shownGrade !== null && r.shownGrade !== r.grade ? t.shown(r.shownGrade) : '';
  const grade = r.grade ? t.grade_(r.grade) : '—';
  lines.push(`    ${t.rate} ${r.executionRate ?? '—'}%  ${t.execScore} ${r.executionScore ?? '—'}  ${t.total} ${r.total ?? '—'}${shownTotal}  ${t.grade} ${grade}${shownGrade}`);
  for (const s of r.skipped) lines.push(`    – ${t.skipped}${s}`);
  if (!r.findings.length) lines.push(`    ✓ ${t.none}`);
  for (const f of r.findings) {
    lines.push(`    ${SYMBOL[f.severity]} ${f.cell.padEnd(5)} ${f.code}  ${f.message}`);
    if (f.verdict) lines.push(`      ✓ ${t.verdict(f.verdict.note, f.verdict.by)}`);
  }
  return lines.join('\n');
}

export function formatRegion(u: UnrecognisedReport, lang: Lang): string {
  const lines = [`  [${u.sheet}] ${u.range}  ${T[lang].unrecognised}`];
  for (const f of u.findings) lines.push(`    ${SYMBOL[f.severity]} ${f.cell.padEnd(5)} ${f.code}  ${f.message}`);
  return lines.join('\n');
}

export function noTables(lang: Lang): string {
  return `  ${T[lang].noTables}`;
}

export interface Totals {
  tables: number;
  error: number;
  warning: number;
  info: number;
  regions: number;
  unreadable: number;
  /** Findings a reviewer verified (复核意见): counted apart, never in the exit code. */
  verified: number;
}

/** Counts a report's findings: open ones by severity, verified ones apart. */
export function countFindings(totals: Totals, findings: readonly { readonly severity: 'error' | 'warning' | 'info'; readonly verdict?: unknown }[]): void {
  for (const f of findings) {
    if (f.verdict) totals.verified++;
    else totals[f.severity]++;
  }
}

export function formatTotals(n: Totals, lang: Lang): string {
  const t = T[lang];
  return t.summary(n.tables, n.error, n.warning, n.info) + (n.verified ? t.verified(n.verified) : '') + (n.regions ? t.regions(n.regions) : '') + (n.unreadable ? t.files(n.unreadable) : '');
}
