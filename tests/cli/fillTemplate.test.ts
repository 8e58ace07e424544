/**
 * `selfeval fill` on the seeds' forms as templates: every computed cell (执行率, 执行率得分, 总分, 评分等级) left
 * blank. Fill writes exactly those cells — the grade into F20, the top-left of its value area, never into B20
 * inside the label 评分等级 (A20:E20) — 清除标记 keeps them, and `fill --undo` gives the template back.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { openWorkbook, workbookGrids } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/engine';
import type { ValueWrite } from '../../src/core/annotate/fillIn';
import { type Grid, a1 } from '../../src/core/grid';
import { fixturePath } from '../helpers';

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (out += l + '\n') });
  return { code, out };
}

/** The form with its computed cells blank, and those cells by sheet. */
async function template(seed: string): Promise<{ bytes: Uint8Array; blanked: Map<string, Set<string>> }> {
  const bytes = readFileSync(fixturePath(seed));
  const results = checkWorkbook(await workbookGrids(await openWorkbook(bytes)));
  const wb = await openWorkbook(bytes);
  const blanked = new Map<string, Set<string>>();
  for (const r of results) {
    const writes: ValueWrite[] = [];
    const cells = new Set<string>();
    for (const t of r.tables) {
      const f = t.table.funds;
      const computed = [f && f.columns.rate !== undefined ? { row: f.total.row, col: f.columns.rate } : undefined, f && f.columns.score !== undefined ? { row: f.total.row, col: f.columns.score } : undefined, t.table.totalRow?.score, t.table.grade];
      for (const at of computed) {
        if (!at) continue;
        writes.push({ cell: a1(at.row, at.col), row: at.row, col: at.col, value: null });
        cells.add(a1(at.row, at.col));
      }
    }
    blanked.set(r.sheet, cells);
    await wb.setValues(await wb.readSheet(r.sheet), writes);
  }
  return { bytes: await wb.save(), blanked };
}

/** The cells whose values differ between two readings of a workbook, by sheet. */
function differing(a: readonly Grid[], b: readonly Grid[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const g of a) {
    const h = b.find((x) => x.name === g.name)!;
    const cells = new Set<string>();
    const rows = Math.max(g.values.length, h.values.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(g.values[r]?.length ?? 0, h.values[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) if ((g.values[r]?.[c] ?? null) !== (h.values[r]?.[c] ?? null)) cells.add(a1(r, c));
    }
    out.set(g.name, cells);
  }
  return out;
}

describe.each(['seed000.xlsx', 'seed002.xlsx'])('selfeval fill on the form of %s with its computed cells blank', (seed) => {
  it('writes exactly those cells (the grade after its label), clear keeps them, fill --undo gives the template back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-template-'));
    const { bytes, blanked } = await template(seed);
    const input = path.join(dir, 'form.xlsx');
    writeFileSync(input, bytes);
    if (seed === 'seed000.xlsx') expect([...blanked.values()][0]).toContain('F20');

    const filled = await run(['fill', input, '--out', path.join(dir, 'filled')]);
    expect(filled.code).toBe(0);
    const before = await workbookGrids(await openWorkbook(bytes));
    const after = await workbookGrids(await openWorkbook(readFileSync(path.join(dir, 'filled', 'form.xlsx'))));
    // Only computed cells are written, each one of those blanked (a table of 110 points keeps its 总分 and grade blank).
    for (const [sheet, cells] of differing(before, after)) {
      expect([...cells].filter((c) => !blanked.get(sheet)?.has(c)), sheet).toEqual([]);
      expect(cells.size, sheet).toBeGreaterThan(0);
    }

    const cleared = await run(['clear', path.join(dir, 'filled', 'form.xlsx'), '--out', path.join(dir, 'cleared')]);
    expect(cleared.code).toBe(0);
    const kept = await workbookGrids(await openWorkbook(readFileSync(path.join(dir, 'cleared', 'form.xlsx'))));
    expect(kept.map((g) => [g.name, g.values])).toEqual(after.map((g) => [g.name, g.values]));

    const undone = await run(['fill', '--undo', path.join(dir, 'cleared', 'form.xlsx'), '--out', path.join(dir, 'undone')]);
    expect(undone.code).toBe(0);
    const back = await workbookGrids(await openWorkbook(readFileSync(path.join(dir, 'undone', 'form.xlsx'))));
    expect([...differing(before, back).values()].every((cells) => cells.size === 0)).toBe(true);
  }, 120_000);
});
