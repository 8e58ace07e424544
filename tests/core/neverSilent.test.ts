/**
 * Never silent (SPEC §2): the real development tables (the nine complete ones of prov-sheets.xlsx) mutated as
 * real copies get damaged — a header word removed, a header row deleted, a funds sub-row made unreadable — never
 * give "no table", and never a pass that says nothing of what it could no longer read: the table is read as
 * before, or what was lost is said (a region not understood, a check skipped, a cell unread, a finding).
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import type { CellRange, CellValue, Grid } from '../../src/core/grid';
import type { SheetResult } from '../../src/core/engine';
import { loadGrids } from '../helpers';

const overlaps = (a: CellRange, top: number, bottom: number) => a.bottom >= top && a.top <= bottom;

/** What a reader is told about a sheet: each table's figures, what it skipped and left unread, its findings; the regions. */
function told(r: SheetResult): string {
  const tables = r.tables.map((t) =>
    JSON.stringify([t.budget, t.executed, t.executionRate, t.executionScore, t.indicatorWeight, t.indicatorScore, t.total, t.grade, t.table.indicators.length, t.skipped, t.table.columns.unread.length, t.findings.map((f) => `${f.code}@${f.cell}`)]),
  );
  return JSON.stringify([tables, r.unrecognised.map((u) => u.reason)]);
}

function withRows(grid: Grid, rows: CellValue[][]): Grid {
  return { ...grid, values: rows };
}

/** The sheet with one row taken out: everything below moves up, merges with it. */
function withoutRow(grid: Grid, row: number): Grid {
  const up = (r: number) => (r > row ? r - 1 : r);
  const merges = grid.merges.filter((m) => !(m.top === row && m.bottom === row)).map((m) => ({ ...m, top: up(m.top), bottom: m.bottom >= row ? Math.max(up(m.bottom), up(m.top)) : m.bottom }));
  const values = grid.values.filter((_r, i) => i !== row);
  const formats = grid.formats?.filter((_r, i) => i !== row);
  return { ...grid, values, ...(formats ? { formats } : {}), merges };
}

/** What is wrong with a mutated sheet's reading: no table, or read differently with nothing new said; undefined if fine. */
function silence(before: SheetResult, after: SheetResult, top: number, bottom: number, what: string): string | undefined {
  const found = after.tables.some((t) => overlaps(t.table.range, top, bottom)) || after.unrecognised.some((u) => overlaps(u.range, top, bottom));
  if (!found) return `${what}: no table`;
  if (told(after) === told(before)) return undefined; // read as before
  // Something new is said: a region not understood, a check skipped, a header cell unread, a finding.
  const of = (r: SheetResult) => new Set(r.tables.flatMap((t) => [...t.skipped, ...t.table.columns.unread.map((u) => `unread ${u.label}`), ...t.findings.map((f) => `${f.code}@${f.cell}`)]));
  const known = of(before);
  const said = after.unrecognised.length > before.unrecognised.length || [...of(after)].some((k) => !known.has(k));
  return said ? undefined : `${what}: read differently, nothing said`;
}

/**
 * Mutations read differently with nothing new said, each argued as a reading equally right. 施甸's frame word
 * "年度绩效目标1 (80分)" is the only place its indicators' weight is stated (the table has no 分值 column, which
 * it says before and after as 无分值列): without the word no weight is read, none is checked against, and no
 * finding or grade changes — the sheet no longer states what was lost, so there is nothing left to say it from.
 */
const STILL_SILENT: Record<string, string[]> = {
  施甸农业农村局: ['without 年度绩效目标1\\n(80分) at row 9: read differently, nothing said'],
};

describe('never silent, on the real development tables', async () => {
  const grids = await loadGrids('dev-tables/prov-sheets.xlsx');

  describe.each(grids.map((g) => [g.name, g] as const))('%s', (_name, grid) => {
    const before = checkSheet(grid);
    const t = before.tables[0]!;
    const { top, bottom } = t.table.range;
    const headers = [t.table.funds?.headerRow, t.table.indicatorHeaderRow].filter((r): r is number => r !== undefined);

    it('is read whole to begin with', () => {
      expect(before.tables).toHaveLength(1);
      expect(before.unrecognised).toEqual([]);
    });

    it('with any one header word removed', () => {
      const silent: string[] = [];
      for (const r of headers) {
        grid.values[r]?.forEach((v, c) => {
          if (typeof v !== 'string' || !v.trim()) return;
          const rows = grid.values.map((row) => [...row]);
          rows[r]![c] = null;
          const s = silence(before, checkSheet(withRows(grid, rows)), top, bottom, `without ${v.replace(/\n/g, '\\n')} at row ${r + 1}`);
          if (s) silent.push(s);
        });
      }
      expect(silent).toEqual(STILL_SILENT[grid.name] ?? []);
    });

    it('with a header row deleted', () => {
      for (const r of headers) expect(silence(before, checkSheet(withoutRow(grid, r)), top, bottom - 1, `without header row ${r + 1}`)).toBeUndefined();
    });

    it('with a funds sub-row made unreadable', () => {
      const funds = t.table.funds;
      for (const sub of funds?.groups.flat() ?? []) {
        const cell = sub.budget ?? sub.executed;
        if (!cell) continue;
        const rows = grid.values.map((row) => [...row]);
        rows[cell.row]![cell.col] = 'abc';
        expect(silence(before, checkSheet(withRows(grid, rows)), top, bottom, `abc at a sub-row`)).toBeUndefined();
      }
    });
  });
});
