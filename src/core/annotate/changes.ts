/**
 * What changed since the last check (SPEC §5): the cells whose findings were put right and the cells with
 * a finding new since then ("已改正 2 处：H13、H21；新发现 1 处：G20"). The last check's findings are kept in
 * the sheet's state as code@cell; information findings are not faults and are not counted.
 */
import type { Finding, Lang } from '../findings';

export interface Changes {
  /** Cells (A1) that had a finding the check no longer raises. */
  readonly fixed: readonly string[];
  /** Cells with a finding the last check did not raise. */
  readonly added: readonly string[];
  /** The edited cell that started an automatic check (自动校验), if it was one. */
  readonly startedBy?: string;
}

/** What the state keeps of a check: its error and warning findings as code@cell. */
export function findingIds(findings: readonly Pick<Finding, 'code' | 'cell' | 'severity'>[]): string[] {
  return [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}@${f.cell}`))];
}

const cellOf = (id: string) => id.slice(id.indexOf('@') + 1);

function byPosition(cells: Iterable<string>): string[] {
  const key = (c: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(c);
    return m ? [Number(m[2]), m[1]!.length, m[1]!] as const : ([0, 0, c] as const);
  };
  return [...cells].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
  });
}

/** Undefined on a first check (nothing to compare with). */
export function changesSince(last: readonly string[] | undefined, now: readonly string[], startedBy?: string): Changes | undefined {
  if (!last) return undefined;
  const before = new Set(last);
  const after = new Set(now);
  const fixed = byPosition(new Set(last.filter((id) => !after.has(id)).map(cellOf)));
  const added = byPosition(new Set(now.filter((id) => !before.has(id)).map(cellOf)));
  return { fixed, added, ...(startedBy ? { startedBy } : {}) };
}

/** "已改正 2 处：H13、H21；新发现 1 处：G20", and for an automatic check what started it. */
export function changesText(c: Changes, lang: Lang): string {
  const en = lang === 'en';
  const parts: string[] = [];
  if (c.fixed.length) parts.push(en ? `put right ${c.fixed.length}: ${c.fixed.join(', ')}` : `已改正 ${c.fixed.length} 处：${c.fixed.join('、')}`);
  if (c.added.length) parts.push(en ? `new ${c.added.length}: ${c.added.join(', ')}` : `新发现 ${c.added.length} 处：${c.added.join('、')}`);
  const what = parts.length ? parts.join(en ? '; ' : '；') : en ? 'no change' : '没有变化';
  if (!c.startedBy) return en ? `Since the last check: ${what}` : `与上次校验相比：${what}`;
  return en ? `Automatic check after the edit of ${c.startedBy}: ${what}` : `自动校验（编辑 ${c.startedBy} 后）：${what}`;
}
