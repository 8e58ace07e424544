/** Formulas moved as Excel moves them when a shared formula's dependents get formulas of their own. */
import { describe, expect, it } from 'vitest';
import { shiftFormula } from '../../src/xlsx/package/formula';

describe('shiftFormula', () => {
  it.each([
    ['SUM(H8:H20)', 1, 0, 'SUM(H9:H21)'],
    ['A1+$B$2+B$3+$C4', 2, 1, 'B3+$B$2+C$3+$C6'],
    ['LOG10(A1)&"A1"', 1, 1, 'LOG10(B2)&"A1"'],
    ["'My A1'!A1+Sheet2!B2", 1, 0, "'My A1'!A2+Sheet2!B3"],
    ['SUM(A:A)+SUM(1:1)', 1, 1, 'SUM(B:B)+SUM(2:2)'],
    ['A1*2', -1, 0, '#REF!*2'],
    ['IF(G6>=0.9,"优",IF(G6>=0.8,"良","差"))', 3, 0, 'IF(G9>=0.9,"优",IF(G9>=0.8,"良","差"))'],
    ['"say ""A1"""&B1', 0, 1, '"say ""A1"""&C1'],
    ['ROUND(H6*0.1,2)', 0, 0, 'ROUND(H6*0.1,2)'],
  ] as const)('%s moved %i rows, %i columns is %s', (f, r, c, want) => {
    expect(shiftFormula(f, r, c)).toBe(want);
  });
});
