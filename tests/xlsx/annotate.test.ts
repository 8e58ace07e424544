/**
 * The .xlsx host writing back (SPEC §5): marks with notes, the 复核结果 column in the first free column,
 * idempotence, and 清除标记 restoring every original fill and note.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { fixturePath } from '../helpers';
import { loadWorkbook, workbookToGrids } from '../../src/xlsx/read';
import { checkAndAnnotate, clearMarks } from '../../src/xlsx/annotate';
import { FILLS, NOTE_SIGNATURE } from '../../src/core/annotate/plan';
import { STATE_SHEET } from '../../src/core/annotate/state';
import { checkWorkbook } from '../../src/core/engine';

async function load(name: string): Promise<ExcelJS.Workbook> {
  return loadWorkbook(readFileSync(fixturePath(name)));
}

/** Round trip through bytes, as a saved and reopened file. */
async function reopen(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
}

function noteOf(cell: ExcelJS.Cell): string | null {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return null;
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

/** Everything a person could see: values, fills, notes, per visible sheet; and which sheets exist. */
function snapshot(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        const v = c.value;
        if (v === null && !c.style?.fill && !noteOf(c)) return;
        cells.push([c.address, v, c.style?.fill ?? null, noteOf(c)]);
      }),
    );
    return { name: ws.name, state: ws.state, cells };
  });
}

describe('annotating an .xlsx workbook', () => {
  it('marks the cells of findings, with notes, and writes the 复核结果 column beside each table', async () => {
    const wb = await load('seed002.xlsx');
    checkAndAnnotate(wb);
    const ws = wb.getWorksheet('风险防控治理')!;
    // OVER_EXECUTION at E6 is a warning; WEIGHT_SUM_NOT_100 / TOTAL_MISMATCH on the total row are errors.
    expect(ws.getCell('E6').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: FILLS.warning } });
    expect(ws.getCell('G20').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: FILLS.error } });
    expect(noteOf(ws.getCell('G20'))).toContain('WEIGHT_SUM_NOT_100');
    expect(noteOf(ws.getCell('G20'))).toContain(NOTE_SIGNATURE);
    // The table spans A:I, so the column is J.
    expect(ws.getCell('J5').value).toBe('复核结果');
    expect(ws.getCell('J12').value).toBe('复核结果');
    // Information stays out of the column: the 一级 split is no fault of the row.
    expect(ws.getCell('J13').value).toBe('✓');
    expect(ws.getCell('J14').value).toBe('⚠ 空指标占分值');
    expect(String(ws.getCell('J20').value)).toMatch(/^复核总分 110\.00 · 分值合计不为 100，不评等级；✗ 分值合计为 110\.00，应为 100/);
    expect(String(ws.getCell('J6').value)).toBe('⚠ 超预算执行');
    // A clean table: all ✓ and its total.
    const clean = wb.getWorksheet('巡查员工作经费')!;
    expect(clean.getCell('J21').value).toBe('复核总分 99.00 · 优');
  });

  it('never overwrites a cell a user typed: the column moves to the first free one', async () => {
    const wb = await load('seed002.xlsx');
    const ws = wb.getWorksheet('走访')!;
    ws.getCell('J14').value = '经办人备注';
    ws.getCell('K3').value = 'x';
    checkAndAnnotate(wb);
    expect(ws.getCell('J14').value).toBe('经办人备注');
    expect(ws.getCell('K3').value).toBe('x');
    expect(ws.getCell('L12').value).toBe('复核结果');
  });

  it('a 复核结果 cell the user typed over is theirs: kept when checking again and when clearing', async () => {
    const wb = await load('seed002.xlsx');
    checkAndAnnotate(wb);
    const ws = wb.getWorksheet('走访')!;
    expect(ws.getCell('J14').value).toBe('⚠ 空指标占分值');
    ws.getCell('J14').value = '已与经办人核实';
    const again = await reopen(wb);
    checkAndAnnotate(again);
    const ws2 = again.getWorksheet('走访')!;
    expect(ws2.getCell('J14').value).toBe('已与经办人核实');
    expect(ws2.getCell('J12').value).toBeNull(); // its old column cells are gone …
    expect(ws2.getCell('K12').value).toBe('复核结果'); // … and the column moved past the user's cell
    clearMarks(again);
    expect(ws2.getCell('J14').value).toBe('已与经办人核实');
    expect(ws2.getCell('K12').value).toBeNull();
  });

  it('keeps a note the user wrote and gives it back on clearing', async () => {
    const wb = await load('seed002.xlsx');
    const ws = wb.getWorksheet('风险防控治理')!;
    ws.getCell('E6').note = '已与财务核对';
    checkAndAnnotate(wb);
    expect(noteOf(ws.getCell('E6'))).toMatch(/^已与财务核对\n\n⚠ /);
    const again = await reopen(wb);
    clearMarks(again);
    expect(noteOf(again.getWorksheet('风险防控治理')!.getCell('E6'))).toBe('已与财务核对');
  });

  it('annotating twice gives the same workbook as annotating once', async () => {
    const once = await load('seed002-stacked.xlsx');
    checkAndAnnotate(once);
    const onceReopened = await reopen(once);
    const twice = await reopen(once);
    checkAndAnnotate(twice);
    expect(snapshot(await reopen(twice))).toEqual(snapshot(onceReopened));
  });

  it('a checked copy reports what the original reports (its own column is not read as data)', async () => {
    const wb = await load('seed001-excerpt.xlsx');
    const before = checkWorkbook(workbookToGrids(wb)).map((s) => s.tables.map((t) => [t.table.range, t.findings]));
    checkAndAnnotate(wb);
    const after = checkWorkbook(workbookToGrids(await reopen(wb))).map((s) => s.tables.map((t) => [t.table.range, t.findings]));
    expect(after).toEqual(before);
  });

  it('清除标记 brings back every original fill and removes exactly what it added', async () => {
    const original = await load('seed002.xlsx');
    // Give a marked cell a fill of its own, as a user's template might.
    original.getWorksheet('残保金抚恤金专项')!.getCell('D6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    const pristine = snapshot(await reopen(original));
    const annotated = await reopen(original);
    checkAndAnnotate(annotated);
    const reopened = await reopen(annotated);
    expect(reopened.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
    expect(reopened.getWorksheet('残保金抚恤金专项')!.getCell('D6').fill).toMatchObject({ fgColor: { argb: FILLS.error } });
    clearMarks(reopened);
    const cleared = await reopen(reopened);
    expect(cleared.getWorksheet(STATE_SHEET)).toBeUndefined();
    expect(snapshot(cleared)).toEqual(pristine);
  });

  it('writes nothing on a protected sheet and says so', async () => {
    const wb = await load('seed002.xlsx');
    const ws = wb.getWorksheet('风险防控治理')!;
    await ws.protect('', {});
    const before = snapshot(wb);
    const outcomes = checkAndAnnotate(wb);
    const locked = outcomes.find((o) => o.result.sheet === '风险防控治理')!;
    expect(locked.written).toBe(false);
    expect(locked.result.tables[0]!.findings.length).toBeGreaterThan(0);
    const after = snapshot(wb) as { name: string }[];
    expect(after.find((s) => s.name === '风险防控治理')).toEqual((before as { name: string }[]).find((s) => s.name === '风险防控治理'));
  });
});
