#!/usr/bin/env node
'use strict';
/**
 * Development aid: renders a workbook to PNG pages the way a person would see it printed, one page
 * per sheet, fitted to the page width (LibreOffice + pdftoppm must be installed).
 *   node scripts/render.js <in.xlsx> <outdir> [sheet names...]
 */
const path = require('node:path');
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const ExcelJS = require('exceljs');

(async () => {
  const [input, outDir, ...only] = process.argv.slice(2);
  if (!input || !outDir) throw new Error('usage: render.js <in.xlsx> <outdir> [sheets...]');
  fs.mkdirSync(outDir, { recursive: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  for (const ws of [...wb.worksheets]) {
    if (ws.state !== 'visible' || (only.length && !only.includes(ws.name))) {
      wb.removeWorksheet(ws.id);
      continue;
    }
    ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1, paperSize: 9 };
  }
  const base = path.basename(input, '.xlsx');
  const tmp = path.join(outDir, `${base}.render.xlsx`);
  await wb.xlsx.writeFile(tmp);
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, tmp], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-r', '80', '-png', path.join(outDir, `${base}.render.pdf`), path.join(outDir, base)]);
  console.log(fs.readdirSync(outDir).filter((f) => f.endsWith('.png')).map((f) => path.join(outDir, f)).join('\n'));
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
