/**
 * A sheet of many stacked real tables, for the tests of the hosts at size: the ten tables of
 * seed002-stacked, their computed cells (执行率, 执行率得分, 总分 得分, 等级) blanked so that 填写计算值 has
 * work, copied `copies` times one under the other. Built from one template per test file.
 */
import { readFileSync } from 'node:fs';
import { checkWorkbook } from '../../src/core/engine';
import { openWorkbook, workbookGrids } from '../../src/xlsx/read';
import { fixturePath, fundsOf } from '../helpers';
import { FakeBook, FakeSheet } from './fakeExcel';

export const STACKED_SHEET = '千张表';

/** The tables of a fixture's first sheet (the ten of seed002-stacked), computed cells blanked. */
export async function tenTables(file = 'seed002-stacked.xlsx'): Promise<FakeSheet> {
  const bytes = readFileSync(fixturePath(file));
  const sheet = (await FakeBook.fromXlsx(bytes)).sheets[0]!;
  const [result] = checkWorkbook(await workbookGrids(await openWorkbook(bytes)));
  for (const t of result?.tables ?? []) {
    const funds = fundsOf(t.table);
    if (funds.columns.rate !== undefined) sheet.ensure(funds.total.row, funds.columns.rate).value = null;
    if (funds.columns.score !== undefined) sheet.ensure(funds.total.row, funds.columns.score).value = null;
    if (t.table.totalRow?.score) sheet.ensure(t.table.totalRow.score.row, t.table.totalRow.score.col).value = null;
  }
  return sheet;
}

/** A workbook whose one sheet holds the template `copies` times, one under the other. */
export function stacked(template: FakeSheet, copies: number): FakeBook {
  const height = template.usedRange()!.bottom + 3;
  const sheet = new FakeSheet(STACKED_SHEET, []);
  for (let k = 0; k < copies; k++) {
    for (const [key, cell] of template.cells) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      sheet.cells.set(sheet.key(r + k * height, c), { ...cell, fill: cell.fill && { ...cell.fill } });
    }
    for (const [address, text] of template.notes) {
      const at = /^([A-Z]+)(\d+)$/.exec(address)!;
      sheet.notes.set(`${at[1]}${Number(at[2]) + k * height}`, text);
    }
    sheet.merges.push(...template.merges.map((m) => ({ ...m, top: m.top + k * height, bottom: m.bottom + k * height })));
  }
  const book = new FakeBook();
  book.sheets.push(sheet);
  book.active = sheet.name;
  return book;
}
