/**
 * Scores the engine against the hand labels of the development tables (tests/fixtures/dev-tables, copied from
 * the labelled real provincial tables): per table its figures and the findings of the twelve labelled codes,
 * an UNRECOGNISED_REGION over a labelled table's rows counting as a false finding.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { checkWorkbook } from '../../src/core/engine';
import { parseRangeA1, rangeA1 } from '../../src/core/grid';
import type { TableResult } from '../../src/core/check/result';
import { loadGrids, FIXTURES } from '../helpers';

export const DEV_TABLES = path.join(FIXTURES, 'dev-tables');

const LABELLED_CODES = new Set([
  'EXEC_RATE_MISMATCH', 'EXEC_SCORE_MISMATCH', 'FUND_SPLIT_MISMATCH', 'SCORE_OVER_WEIGHT', 'WEIGHT_SUM_NOT_100',
  'TOTAL_WEIGHT_MISMATCH', 'TOTAL_MISMATCH', 'GRADE_MISMATCH', 'MISSING_VALUE', 'OVER_EXECUTION', 'MISSING_REASON',
  'LABEL_WEIGHT_MISMATCH',
]);
const FUNDS_CODES = new Set(['EXEC_RATE_MISMATCH', 'EXEC_SCORE_MISMATCH', 'FUND_SPLIT_MISMATCH', 'OVER_EXECUTION']);

const FIGURES = ['budget', 'executed', 'executionRate', 'executionScore', 'indicatorWeight', 'indicatorScore', 'total', 'shownTotal'] as const;
const FUNDS_FIGURES = new Set<string>(['budget', 'executed', 'executionRate', 'executionScore']);

interface LabelTable {
  id: string;
  sheet: string;
  range: string;
  partial?: boolean;
  grade: string | null;
  shownGrade: string | null;
  findings: { code: string; cell: string }[];
  [figure: string]: unknown;
}

export interface WorkbookScore {
  workbook: string;
  /** Labelled findings found at their cell / all labelled findings. */
  found: number;
  labelled: number;
  /** Findings raised over labelled tables that the labels do not hold (false ones), unreadable regions included. */
  raised: number;
  falseOnes: string[];
  missed: string[];
  figuresRight: number;
  figures: number;
  wrongFigures: string[];
  right: boolean;
}

export function devWorkbooks(): string[] {
  return readdirSync(DEV_TABLES).filter((f) => f.endsWith('.xlsx')).sort();
}

function sameFigure(label: unknown, got: Decimal | string | null): boolean {
  if (label === null || label === undefined) return got === null;
  if (got === null) return false;
  if (typeof got === 'string') return got === label;
  return new Decimal(String(label)).toDecimalPlaces(2).equals(got.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}

const MONEY = new Set<string>(['budget', 'executed']);

/** The labels count money in 万元 (EXPECTED.md's judgement call): a table in 元 is compared divided by 10,000. */
function figureOf(t: TableResult, name: string): Decimal | string | null {
  const v = (t as unknown as Record<string, Decimal | string | null>)[name] ?? null;
  if (v instanceof Decimal && MONEY.has(name) && t.table.amountUnit === '元') return v.dividedBy(10000);
  return v;
}

/**
 * A table with no 分值 column has no weight figure in the labels ("weight figures are null"); the engine reads the
 * points a frame label states ("年度绩效目标1 (80分)") as the indicators' weight, which the labels leave unjudged.
 */
function unjudged(label: LabelTable, name: string, t: TableResult | undefined): boolean {
  return name === 'indicatorWeight' && label[name] === null && t !== undefined && t.skipped.includes('noWeightColumn');
}

export async function scoreWorkbook(file: string): Promise<WorkbookScore> {
  const labels = (JSON.parse(readFileSync(path.join(DEV_TABLES, 'labels', file.replace(/\.xlsx$/, '.json')), 'utf8')) as { tables: LabelTable[] }).tables;
  const grids = await loadGrids(path.join('dev-tables', file));
  const sheets = checkWorkbook(grids);
  const score: WorkbookScore = { workbook: file, found: 0, labelled: 0, raised: 0, falseOnes: [], missed: [], figuresRight: 0, figures: 0, wrongFigures: [], right: false };
  for (const label of labels) {
    const range = parseRangeA1(label.range);
    const sheet = sheets.find((s) => s.sheet === label.sheet);
    const result = sheet?.tables.find((t) => t.table.range.top >= range.top - 3 && t.table.range.top <= range.bottom);
    const codes = label.partial ? FUNDS_CODES : LABELLED_CODES;
    const want = new Set(label.findings.filter((f) => codes.has(f.code)).map((f) => `${f.code}@${f.cell}`));
    const got = new Set((result?.findings ?? []).filter((f) => codes.has(f.code)).map((f) => `${f.code}@${f.cell}`));
    for (const u of sheet?.unrecognised ?? []) {
      if (u.range.bottom >= range.top && u.range.top <= range.bottom) got.add(`UNRECOGNISED_REGION@${rangeA1(u.range)}`);
    }
    if (!result) got.add(`NO_TABLE@${label.sheet}!${label.range}`);
    score.labelled += want.size;
    score.raised += got.size;
    for (const k of want) if (got.has(k)) score.found++; else score.missed.push(`${label.id} ${k}`);
    for (const k of got) if (!want.has(k)) score.falseOnes.push(`${label.id} ${k}`);
    const names: string[] = [...FIGURES, 'grade', 'shownGrade'].filter((n) => !label.partial || FUNDS_FIGURES.has(n));
    for (const name of names) {
      if (unjudged(label, name, result)) continue;
      score.figures++;
      const got1 = result ? figureOf(result, name) : null;
      if (result && sameFigure(label[name], got1)) score.figuresRight++;
      else score.wrongFigures.push(`${label.id} ${name}: ${String(label[name])} ≠ ${got1 === null ? 'null' : got1.toString()}`);
    }
  }
  score.right = score.missed.length === 0 && score.falseOnes.length === 0 && score.wrongFigures.length === 0;
  return score;
}
