#!/usr/bin/env node
'use strict';
/**
 * Builds assets/sample.xlsx, the demo workbook, from real published tables in tests/fixtures:
 * Minhang Wujing town (Shanghai, 9 columns), Fengtai (Beijing), Shangjie (department-wide) and three
 * Putuo tables (Shanghai, 8 columns). The tables are copied cell by cell with their styles and merges.
 */
const path = require('node:path');
const ExcelJS = require('exceljs');

const root = path.resolve(__dirname, '..');
const PICK = [
  ['seed002.xlsx', null],
  ['seed001-excerpt.xlsx', null],
  ['seed003.xlsx', null],
  ['seed000.xlsx', ['援滇干部工作经费', '举报奖励项目', '公众号运营']],
];

function copySheet(src, dst) {
  src.columns.forEach((col, i) => {
    if (col && col.width) dst.getColumn(i + 1).width = col.width;
  });
  src.eachRow({ includeEmpty: true }, (row, r) => {
    const out = dst.getRow(r);
    if (row.height) out.height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const target = out.getCell(c);
      if (cell.type !== ExcelJS.ValueType.Merge) target.value = cell.value;
      target.style = JSON.parse(JSON.stringify(cell.style || {}));
    });
  });
  for (const m of Object.values(src._merges || {})) dst.mergeCells(m.range);
}

(async () => {
  const out = new ExcelJS.Workbook();
  out.creator = 'selfeval';
  for (const [file, sheets] of PICK) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, 'tests', 'fixtures', file));
    wb.eachSheet((ws) => {
      if (sheets && !sheets.includes(ws.name)) return;
      copySheet(ws, out.addWorksheet(ws.name.slice(0, 31)));
    });
  }
  const target = path.join(root, 'assets', 'sample.xlsx');
  await out.xlsx.writeFile(target);
  console.log(`wrote ${target} (${out.worksheets.length} sheets)`);
})();
