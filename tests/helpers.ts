import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook, workbookGrids } from '../src/xlsx/read';
import { type SheetResult, checkSheet } from '../src/core/engine';
import { type Grid, columnLetters, parseA1 } from '../src/core/grid';
import type { TableResult } from '../src/core/check/result';
import type { CheckOptions } from '../src/core/check/result';
import type { FundsBlock, Table } from '../src/core/table';

export const FIXTURES = path.join(__dirname, 'fixtures');

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

export async function loadGrids(name: string): Promise<Grid[]> {
  const wb = await openWorkbook(readFileSync(fixturePath(name)));
  return workbookGrids(wb);
}

export async function checkFixture(name: string, options: CheckOptions = {}): Promise<{ sheets: SheetResult[]; tables: TableResult[] }> {
  const grids = await loadGrids(name);
  const sheets = grids.map((g) => checkSheet(g, options));
  return { sheets, tables: sheets.flatMap((s) => s.tables) };
}

/** The fixture's map: where each value of each table sits, per form. */
export interface MapTable {
  id: string;
  sheet: string;
  range: string;
  funds?: Record<string, Record<string, string | number>>;
  budget?: Record<string, Record<string, string | number>>;
  indicators: Record<string, string | number>[];
  total: { row?: number; weight?: string; score?: string };
  grade: string | null;
}

export function loadMap(name: string): MapTable[] {
  return (JSON.parse(readFileSync(fixturePath(name.replace(/\.xlsx$/, '.map.json')), 'utf8')) as { tables: MapTable[] }).tables;
}

/**
 * Resolves a semantic place ("funds.total.executed", "indicators.3.score", "total.weight", "grade")
 * to the A1 cell of that table in one form of the fixture.
 */
export function cellOf(t: MapTable, place: string): string {
  const parts = place.split('.');
  if (parts[0] === 'funds') {
    const block = t.funds ?? t.budget!;
    return String(block[parts[1]!]![parts[2]!]);
  }
  if (parts[0] === 'indicators') {
    const ind = t.indicators[Number(parts[1])]!;
    // 二级 and 三级 sit right of the 一级 column, on the indicator's row.
    const step = { level2: 1, level3: 2 }[parts[2]!];
    if (step !== undefined) return `${columnLetters(parseA1(String(ind.level1)).col + step)}${ind.row}`;
    return String(ind[parts[2]!]);
  }
  if (parts[0] === 'total') return String((t.total as Record<string, unknown>)[parts[1]!]);
  if (parts[0] === 'grade') return String(t.grade);
  throw new Error(`unknown place ${place}`);
}

export const FORMS = ['', '-stacked', '-text'] as const;

/** The funds block of a table the test knows has one. */
export function fundsOf(table: Table): FundsBlock {
  if (!table.funds) throw new Error(`${table.sheet}: the table at row ${table.range.top + 1} has no funds block`);
  return table.funds;
}
