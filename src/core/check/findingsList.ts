import { FINDING_CODES, type Finding, type FindingArgs, type FindingCode } from '../findings';
import { a1 } from '../grid';
import type { Field } from '../table';

/** Collects findings for one table; one finding per code and cell. */
export class FindingList {
  readonly items: Finding[] = [];

  add(code: FindingCode, at: Pick<Field, 'row' | 'col'>, args: FindingArgs = {}): void {
    if (this.items.some((f) => f.code === code && f.row === at.row && f.col === at.col)) return;
    this.items.push({
      code,
      severity: FINDING_CODES[code],
      cell: a1(at.row, at.col),
      row: at.row,
      col: at.col,
      expected: args.expected ?? null,
      found: args.found ?? null,
      args,
    });
  }
}
