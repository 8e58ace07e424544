/**
 * `selfeval fill` on a copy of real tables whose computed cells were blanked or spoiled: it prints each
 * change and what it did not fill and why, writes a copy (the package patched, nothing else touched),
 * after which `check` finds no rate, score, total or grade finding (the tables of 110 points keep their
 * blank 总分: MISSING_VALUE), and `clear` gives every original value back.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { openWorkbook, workbookGrids } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/engine';
import type { ValueWrite } from '../../src/core/annotate/fillIn';
import { a1, formatAt } from '../../src/core/grid';
import { fixturePath, fundsOf } from '../helpers';
import type { TableReport } from '../../src/core/report';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

/** seed002 with every table's 执行率 blanked, 执行率得分 0, 总分 blank, 评分等级 差 (or blank, as a template leaves it). */
async function spoiled(grade: '差' | null = '差'): Promise<Uint8Array> {
  const bytes = readFileSync(fixturePath('seed002.xlsx'));
  const results = checkWorkbook(await workbookGrids(await openWorkbook(bytes)));
  const wb = await openWorkbook(bytes);
  for (const r of results) {
    const sheet = await wb.readSheet(r.sheet);
    const writes: ValueWrite[] = [];
    const set = (row: number, col: number, value: string | number | null) => writes.push({ cell: a1(row, col), row, col, value });
    for (const t of r.tables) {
      const f = fundsOf(t.table);
      set(f.total.row, f.columns.rate!, null);
      set(f.total.row, f.columns.score!, 0);
      if (t.table.totalRow?.score) set(t.table.totalRow.score.row, t.table.totalRow.score.col, null);
      if (t.table.grade) set(t.table.grade.row, t.table.grade.col, grade);
    }
    await wb.setValues(sheet, writes);
  }
  return wb.save();
}

const COMPUTED = ['EXEC_RATE_MISMATCH', 'EXEC_SCORE_MISMATCH', 'TOTAL_MISMATCH', 'TOTAL_WEIGHT_MISMATCH', 'GRADE_MISMATCH'];

describe('selfeval fill', () => {
  it('fills the computed cells, says what it changed and what it left; check is then clean of them; clear keeps them, fill --undo gives the old values back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-fill-'));
    const input = path.join(dir, 'in', '吴泾镇.xlsx');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(input));
    writeFileSync(input, await spoiled());
    const spoiledCheck = await run(['check', input, '--json', path.join(dir, 'before.json')]);
    expect(spoiledCheck.code).toBe(1);

    const r = await run(['fill', input, '--out', path.join(dir, 'filled')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${input}：已填写 `);
    // Each change as the cell shows it, in its number format (the rate cell's "0.0", the 得分 cell's "0.00").
    expect(r.out).toMatch(/\[巡查员工作经费\] G6 +巡查员工作经费 执行率：（空） → 100\.0\n/);
    expect(r.out).toMatch(/\[巡查员工作经费\] H6 +巡查员工作经费 执行率得分：0\.00 → 10\.00\n/);
    expect(r.out).toMatch(/\[巡查员工作经费\] G22 +巡查员工作经费 评分等级：差 → 优\n/);
    expect(r.out).toContain('各项分值合计不为 100：请先调整分值，总分和等级未填写');

    const filled = path.join(dir, 'filled', '吴泾镇.xlsx');
    await run(['check', filled, '--json', path.join(dir, 'after.json')]);
    const after = JSON.parse(readFileSync(path.join(dir, 'after.json'), 'utf8')) as TableReport[];
    // Seed 002's ten tables, two of them of 110 points (no grade).
    expect(after.map((t) => t.grade)).toEqual(['优', '优', null, null, '优', '优', '优', '优', '优', '优']);
    for (const t of after) {
      expect(t.findings.filter((f) => COMPUTED.includes(f.code)).map((f) => f.code)).toEqual([]);
      // A table of 110 points keeps its 总分 as the clerk left it: blank, still MISSING_VALUE.
      if (t.grade === null) expect(t.findings.map((f) => f.code)).toContain('MISSING_VALUE');
    }

    // 清除标记 keeps what fill wrote, and says so; only fill --undo puts back what was there before.
    const cleared = await run(['clear', filled, '--out', path.join(dir, 'cleared')]);
    expect(cleared.out).toMatch(/「填写计算值」填入的 \d+ 个单元格保留；要恢复填写前的内容，请用 selfeval fill --undo/);
    const clearedCopy = path.join(dir, 'cleared', '吴泾镇.xlsx');
    const kept = await workbookGrids(await openWorkbook(readFileSync(clearedCopy)));
    const filledGrids = await workbookGrids(await openWorkbook(readFileSync(filled)));
    expect(kept.map((g) => [g.name, g.values])).toEqual(filledGrids.map((g) => [g.name, g.values]));

    const undone = await run(['fill', '--undo', clearedCopy, '--out', path.join(dir, 'undone')]);
    expect(undone.code).toBe(0);
    expect(undone.out).toMatch(/：已撤销填写，\d+ 个单元格恢复为填写前的内容 → /);
    const back = await workbookGrids(await openWorkbook(readFileSync(path.join(dir, 'undone', '吴泾镇.xlsx'))));
    const orig = await workbookGrids(await openWorkbook(readFileSync(input)));
    expect(back.map((g) => [g.name, g.values])).toEqual(orig.map((g) => [g.name, g.values]));
  });

  // The grade cells blank, the normal state of a template (seed 002's grade cells stand alone; a grade beside
  // a merged label is in tests/core/edges.test.ts).
  it('fills a grade left blank, as a template leaves it, where the check reads it back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-fill-'));
    const input = path.join(dir, '吴泾镇.xlsx');
    writeFileSync(input, await spoiled(null));
    const r = await run(['fill', input, '--out', path.join(dir, 'filled')]);
    expect(r.code).toBe(0);
    await run(['check', path.join(dir, 'filled', '吴泾镇.xlsx'), '--json', path.join(dir, 'after.json')]);
    const after = JSON.parse(readFileSync(path.join(dir, 'after.json'), 'utf8')) as TableReport[];
    expect(after).toHaveLength(10);
    // Each graded table shows the grade it was given: the shown grade is read back, equal to the recomputed one.
    expect(after.map((t) => [t.project, t.grade, t.shownGrade])).toEqual(after.map((t) => [t.project, t.grade, t.grade]));
    expect(after.filter((t) => t.grade !== null)).toHaveLength(8);
  });

  it('fill --undo keeps and names a cell typed over after the fill; a copy never filled is said so', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-undo-'));
    const input = path.join(dir, '吴泾镇.xlsx');
    writeFileSync(input, await spoiled());
    await run(['fill', input, '--out', path.join(dir, 'filled')]);
    const filled = path.join(dir, 'filled', '吴泾镇.xlsx');
    // The clerk types 97 over the filled 总分 H21 of 巡查员工作经费.
    const wb = await openWorkbook(readFileSync(filled));
    await wb.setValues(await wb.readSheet('巡查员工作经费'), [{ cell: 'H21', row: 20, col: 7, value: 97 }]);
    const typed = path.join(dir, 'typed.xlsx');
    writeFileSync(typed, await wb.save());

    const r = await run(['fill', '--undo', typed, '--out', path.join(dir, 'undone'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[巡查员工作经费] H21: changed after the fill, kept as they are.');
    const back = (await workbookGrids(await openWorkbook(readFileSync(path.join(dir, 'undone', 'typed.xlsx'))))).find((g) => g.name === '巡查员工作经费')!;
    const orig = (await workbookGrids(await openWorkbook(readFileSync(input)))).find((g) => g.name === '巡查员工作经费')!;
    expect(back.values[20]![7]).toBe(97);
    expect(back.values[5]![6] ?? null).toBe(orig.values[5]![6] ?? null);
    expect(back.values[21]![6]).toBe('差');

    const never = await run(['fill', '--undo', input, '--out', path.join(dir, 'never')]);
    expect(never.out).toContain('没有可撤销的填写');
    // --undo takes no value.
    expect((await run(['fill', '--undo=yes', input, '--out', path.join(dir, 'x')])).code).toBe(2);
  });

  it('a blank 执行率 under a percent format is filled as a number in that format, not as text', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-fill-'));
    const input = path.join(dir, '丰台.xlsx');
    const bytes = readFileSync(fixturePath('seed001-excerpt.xlsx'));
    const [first] = checkWorkbook(await workbookGrids(await openWorkbook(bytes)));
    const t = first!.tables[0]!;
    const rate = { row: fundsOf(t.table).total.row, col: fundsOf(t.table).columns.rate! };
    const wb = await openWorkbook(bytes);
    await wb.setValues(await wb.readSheet(first!.sheet), [{ cell: a1(rate.row, rate.col), ...rate, value: null }]);
    writeFileSync(input, await wb.save());
    const blanked = (await workbookGrids(await openWorkbook(readFileSync(input)))).find((g) => g.name === first!.sheet)!;
    // The blank cell keeps its "0%" format, and the reader says so.
    expect(blanked.values[rate.row]![rate.col] ?? null).toBeNull();
    expect(formatAt(blanked, rate.row, rate.col)).toBe('0%');

    const r = await run(['fill', input, '--out', path.join(dir, 'filled')]);
    expect(r.out).toMatch(new RegExp(`${a1(rate.row, rate.col)} +\\S+ 执行率：（空） → \\d+%\\n`));
    const filled = (await workbookGrids(await openWorkbook(readFileSync(path.join(dir, 'filled', '丰台.xlsx'))))).find((g) => g.name === first!.sheet)!;
    const v = filled.values[rate.row]![rate.col];
    expect(typeof v).toBe('number');
    expect(v as number).toBeLessThanOrEqual(1);
    expect(formatAt(filled, rate.row, rate.col)).toBe('0%');
  });
});
