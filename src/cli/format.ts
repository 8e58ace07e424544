/** Plain-text output of a check, for the terminal. */
import type { Lang } from '../core/findings';
import type { TableReport, UnrecognisedReport } from '../core/report';

const SYMBOL = { error: '✗', warning: '⚠', info: 'ℹ' } as const;

const T = {
  zh: {
    rate: '执行率',
    execScore: '执行率得分',
    total: '总分',
    grade: '等级',
    shown: '表内',
    none: '无问题',
    unrecognised: '无法识别',
    summary: (tables: number, e: number, w: number, i: number) => `共 ${tables} 张表：错误 ${e}，警告 ${w}，提示 ${i}`,
    regions: (n: number) => `，另有 ${n} 处无法识别`,
    skipped: '未核对：',
    noTables: '未找到绩效自评表',
  },
  en: {
    rate: 'rate',
    execScore: 'rate score',
    total: 'total',
    grade: 'grade',
    shown: 'shown',
    none: 'no findings',
    unrecognised: 'unrecognised',
    summary: (tables: number, e: number, w: number, i: number) =>
      `${tables} table(s): ${e} error(s), ${w} warning(s), ${i} info`,
    regions: (n: number) => `; ${n} region(s) could not be read`,
    skipped: 'not checked: ',
    noTables: 'no self-evaluation table found',
  },
} as const;

export function formatFile(file: string, tables: TableReport[], unrecognised: UnrecognisedReport[], lang: Lang): string {
  const t = T[lang];
  const lines: string[] = [file];
  if (!tables.length && !unrecognised.length) lines.push(`  ${t.noTables}`);
  for (const r of tables) {
    lines.push(`  [${r.sheet}] ${r.range}  ${r.project}`);
    const shownTotal = r.shownTotal !== null && r.shownTotal !== r.total ? `（${t.shown} ${r.shownTotal}）` : '';
    const shownGrade = r.shownGrade !== null && r.shownGrade !== r.grade ? `（${t.shown} ${r.shownGrade}）` : '';
    lines.push(
      `    ${t.rate} ${r.executionRate ?? '—'}%  ${t.execScore} ${r.executionScore ?? '—'}  ${t.total} ${r.total ?? '—'}${shownTotal}  ${t.grade} ${r.grade ?? '—'}${shownGrade}`,
    );
    for (const s of r.skipped) lines.push(`    – ${t.skipped}${s}`);
    if (!r.findings.length) lines.push(`    ✓ ${t.none}`);
    for (const f of r.findings) lines.push(`    ${SYMBOL[f.severity]} ${f.cell.padEnd(5)} ${f.code}  ${f.message}`);
  }
  for (const u of unrecognised) {
    lines.push(`  [${u.sheet}] ${u.range}  ${t.unrecognised}`);
    for (const f of u.findings) lines.push(`    ${SYMBOL[f.severity]} ${f.cell.padEnd(5)} ${f.code}  ${f.message}`);
  }
  return lines.join('\n');
}

export function formatTotals(tables: TableReport[], unrecognised: UnrecognisedReport[], lang: Lang): string {
  const count = (s: string) => tables.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  return T[lang].summary(tables.length, count('error'), count('warning'), count('info')) + (unrecognised.length ? T[lang].regions(unrecognised.length) : '');
}
