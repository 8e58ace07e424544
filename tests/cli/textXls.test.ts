/**
 * Tables that government systems export under the name .xls but that are text — a web page (HTML) or Excel's
 * XML Spreadsheet 2003 — and the binary .xlsb: told apart by their bytes, read through LibreOffice where it is
 * installed (the same table as the .xlsx), refused in words naming what the file is where it is not.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { type Grid, mergeAt } from '../../src/core/grid';
import { showCell } from '../../src/core/numbers';
import { PROBLEM_TEXT, problemOf, sniff } from '../../src/xlsx/problems';
import { fixturePath, loadGrids } from '../helpers';

const soffice = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'soffice')).find((p) => {
  try {
    execFileSync(p, ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each cell as it shows, merged areas as spans: what a system's "export to Excel" writes as a web page. */
function asHtml(grid: Grid): string {
  const rows = grid.values.map((row, r) => {
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const m = mergeAt(grid, r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      const span = m ? ` colspan="${m.right - m.left + 1}" rowspan="${m.bottom - m.top + 1}"` : '';
      cells.push(`<td${span}>${escape(showCell(row[c] ?? null, grid.formats?.[r]?.[c]))}</td>`);
    }
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<html><head><meta charset="utf-8"></head><body><table>${rows.join('\n')}</table></body></html>`;
}

/**
 * The same as Excel's XML Spreadsheet 2003, written as Excel writes it: ss:Index only where a cell does not follow
 * the one before (covered cells skipped), MergeAcross / MergeDown only where not 0. (Written with an ss:Index on
 * every cell and MergeAcross="0", LibreOffice put the cell after a merged-down one a column to the right.)
 */
function asXml2003(grid: Grid): string {
  const rows = grid.values.map((row, r) => {
    const cells: string[] = [];
    let next = 0;
    for (let c = 0; c < row.length; c++) {
      const m = mergeAt(grid, r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      const text = showCell(row[c] ?? null, grid.formats?.[r]?.[c]);
      const across = m && m.right > m.left ? ` ss:MergeAcross="${m.right - m.left}"` : '';
      const down = m && m.bottom > m.top ? ` ss:MergeDown="${m.bottom - m.top}"` : '';
      const index = c === next ? '' : ` ss:Index="${c + 1}"`;
      next = (m ? m.right : c) + 1;
      cells.push(`<Cell${index}${across}${down}><Data ss:Type="String">${escape(text)}</Data></Cell>`);
    }
    return `<Row ss:Index="${r + 1}">${cells.join('')}</Row>`;
  });
  return `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="${escape(grid.name)}"><Table>${rows.join('\n')}</Table></Worksheet></Workbook>`;
}

type Reported = { budget: string; executed: string; executionRate: string; executionScore: string; indicatorWeight: string; indicatorScore: string; total: string; grade: string; findings: { code: string; cell: string }[] };

/** Each table's figures and findings, as the JSON report says them. */
const report = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as Reported[]).map((t) => [
    [t.budget, t.executed, t.executionRate, t.executionScore, t.indicatorWeight, t.indicatorScore, t.total, t.grade],
    t.findings.map((f) => `${f.code}@${f.cell}`).sort(),
  ]);

describe('text tables named .xls, and .xlsb', () => {
  it('are told apart by their bytes and refused in words saying what they are', async () => {
    const [grid] = await loadGrids('seed000.xlsx');
    const html = new TextEncoder().encode(asHtml(grid!));
    const xml = new TextEncoder().encode(asXml2003(grid!));
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.bin', new Uint8Array([0x83, 0x01, 0x00]));
    const xlsb = await zip.generateAsync({ type: 'uint8array' });
    expect([sniff(html), sniff(xml), sniff(xlsb), sniff(readFileSync(fixturePath('seed000.xlsx')))]).toEqual(['htmlXls', 'xml2003', 'xlsb', 'xlsx']);
    expect(PROBLEM_TEXT.zh[problemOf('htmlXls', 'a.xls')]()).toContain('网页（HTML）格式');
    expect(PROBLEM_TEXT.zh[problemOf('xlsb', 'a.xlsb')]()).toContain('.xlsb');
    expect(sniff(new TextEncoder().encode('<?xml version="1.0"?><note/>'))).toBe('other');
  });

  describe.skipIf(!soffice)('through LibreOffice', () => {
    it.each([
      ['a web page', asHtml],
      ['an XML Spreadsheet 2003', asXml2003],
    ])('%s named .xls reads as the same table as the .xlsx', async (_kind, write) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-textxls-'));
      // seed003: its targets hold no text starting with "=" (LibreOffice takes "=100.00(百分比)" in a web page for a formula).
      const [grid] = await loadGrids('seed003.xlsx');
      writeFileSync(path.join(dir, 'table.xls'), write(grid!));
      const b = await run(['check', path.join(dir, 'table.xls'), '--json', path.join(dir, 'b.json'), '--out', path.join(dir, 'out')]);
      expect(b.out + b.err).toContain('已由 LibreOffice 转换为 .xlsx 读取');
      await run(['check', fixturePath('seed003.xlsx'), '--json', path.join(dir, 'a.json'), '--out', path.join(dir, 'out')]);
      expect(report(path.join(dir, 'b.json'))).toEqual(report(path.join(dir, 'a.json')).slice(0, 1));
    }, 120_000);
  });
});
