/**
 * 校验全部工作表's chip per sheet (SPEC §5): 错误 n / 警告 n / 通过 / 无自评表 — open findings only (a
 * reviewer's 已核实 does not keep a sheet red), a region that could not be read counted as a warning.
 */
import type { Lang } from './findings';
import type { TableReport, UnrecognisedReport } from './report';

export type ChipKind = 'errors' | 'warnings' | 'pass' | 'noTables';

export interface SheetChip {
  readonly kind: ChipKind;
  /** Open errors (kind errors) or warnings (kind warnings); 0 otherwise. */
  readonly count: number;
}

export function sheetChip(tables: readonly TableReport[], unrecognised: readonly UnrecognisedReport[]): SheetChip {
  const open = [...tables, ...unrecognised].flatMap((t) => t.findings).filter((f) => !f.verdict);
  const errors = open.filter((f) => f.severity === 'error').length;
  if (errors) return { kind: 'errors', count: errors };
  const warnings = open.filter((f) => f.severity === 'warning').length;
  if (warnings) return { kind: 'warnings', count: warnings };
  return tables.length ? { kind: 'pass', count: 0 } : { kind: 'noTables', count: 0 };
}

export function chipText(c: SheetChip, lang: Lang): string {
  const en = lang === 'en';
  switch (c.kind) {
    case 'errors':
      return en ? `${c.count} error(s)` : `错误 ${c.count}`;
    case 'warnings':
      return en ? `${c.count} warning(s)` : `警告 ${c.count}`;
    case 'pass':
      return en ? 'passed' : '通过';
    case 'noTables':
      return en ? 'no table' : '无自评表';
  }
}
