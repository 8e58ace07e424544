/**
 * The findings catalogue and the rules registry agree with SPEC §4: every code is raised by exactly one
 * place (a table rule, or recognition for a region), and every language has its message and short form.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CODES, CATALOGUES, FINDING_CODES } from '../../src/core/findings';
import { SHEET_CODES, TABLE_RULES } from '../../src/core/check/rules';
import { REPORT_CODES } from '../../src/core/narrative';

/** SPEC §4's table, as written there. */
const SPEC_CODES = {
  EXEC_RATE_MISMATCH: 'error',
  EXEC_SCORE_MISMATCH: 'error',
  OVER_EXECUTION: 'warning',
  FUND_SPLIT_MISMATCH: 'error',
  SCORE_OVER_WEIGHT: 'error',
  WEIGHT_SUM_NOT_100: 'error',
  TOTAL_WEIGHT_MISMATCH: 'error',
  TOTAL_MISMATCH: 'error',
  GRADE_MISMATCH: 'error',
  QUANT_SCORE_MISMATCH: 'warning',
  QUAL_BAND_MISMATCH: 'warning',
  MISSING_REASON: 'warning',
  MISSING_VALUE: 'error',
  UNPARSEABLE: 'info',
  LABEL_WEIGHT_MISMATCH: 'error',
  LEVEL1_WEIGHT_DEVIATION: 'info',
  LOW_EXECUTION_NO_REASON: 'warning',
  EMPTY_REASON: 'warning',
  ACTUAL_NOT_NUMBER: 'warning',
  EMPTY_INDICATOR: 'warning',
  LEVEL2_MISPLACED: 'warning',
  TARGET_EXCEEDED: 'info',
  SHORTFALL_NO_REASON: 'warning',
  MISSING_FIELD: 'warning',
  UNRECOGNISED_REGION: 'warning',
  REPORT_TABLE_MISMATCH: 'error',
  REPORT_ARITHMETIC: 'error',
  REPORT_UNMATCHED: 'info',
};

describe('the findings catalogue', () => {
  it('has exactly the codes and severities of SPEC §4', () => {
    expect(FINDING_CODES).toEqual(SPEC_CODES);
  });

  it('every code is raised by some rule, by recognition, or by the report check', () => {
    const raised = new Set([...TABLE_RULES.flatMap((r) => r.codes), ...SHEET_CODES, ...REPORT_CODES]);
    expect([...raised].sort()).toEqual([...ALL_CODES].sort());
  });

  it('every code has a message and a short form in every language', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const code of ALL_CODES) {
        expect(typeof catalogue.message[code]).toBe('function');
        expect(typeof catalogue.short[code]).toBe('function');
      }
    }
  });

  it('rule names are unique', () => {
    const names = TABLE_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

/** Every test file's text under tests/ (the repository's own fixtures only). */
function testSources(): string[] {
  const root = path.join(__dirname, '..');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.test\.tsx?$/.test(f))
    .map((f) => readFileSync(path.join(root, f), 'utf8'));
}

describe('every finding code has its behavioural test', () => {
  // The convention: a test whose name starts with the code and a colon, `it('MISSING_REASON: …')` (it.each,
  // it.fails and test() count too), asserting that the code is raised on a small real-shaped input.
  const named = new Set(
    testSources().flatMap((src) => [...src.matchAll(/\b(?:it|test)(?:\.\w+)*(?:\([^)]*\))?\(\s*['"`]([A-Z][A-Z0-9_]+):/g)].map((m) => m[1])),
  );

  it('finds the convention in use', () => {
    expect(named.size).toBeGreaterThanOrEqual(ALL_CODES.length);
  });

  it.each(ALL_CODES)('%s has a test named after it ("CODE: …")', (code) => {
    expect(named.has(code)).toBe(true);
  });
});
