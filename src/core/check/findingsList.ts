import { FINDING_CODES, type Finding, type FindingCode, type FindingParams, reportedValues } from '../findings';
import { a1 } from '../grid';
import type { Field } from '../table';

/** Collects findings for one table; one finding per code and cell. */
export class FindingList {
  readonly items: Finding[] = [];

  add<C extends FindingCode>(code: C, at: Pick<Field, 'row' | 'col'>, params: FindingParams[C]): void {
    if (this.items.some((f) => f.code === code && f.row === at.row && f.col === at.col)) return;
    const { expected, found } = reportedValues(code, params);
    const finding = { code, severity: FINDING_CODES[code], cell: a1(at.row, at.col), row: at.row, col: at.col, expected, found, params };
    this.items.push(finding as Finding);
  }
}
