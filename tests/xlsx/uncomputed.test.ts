/**
 * Formulas whose result the file does not hold, as other writers leave them: openpyxl (no result at all),
 * XlsxWriter (a stored 0 and fullCalcOnLoad). On seed002's first table with its 执行率 and 总分 as formulas: the
 * formulas are worked out from the sheet and the table reads as the plain one; one that cannot be worked out is
 * said (formulaNotComputed), never called a missing value.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/core/engine';
import type { TableResult } from '../../src/core/check/result';
import { openWorkbook, workbookGrids } from '../../src/xlsx/read';
import { fixturePath } from '../helpers';

async function seed002(edit: (sheet: string, workbook: string) => { sheet: string; workbook: string }): Promise<TableResult> {
  const zip = await JSZip.loadAsync(readFileSync(fixturePath('seed002.xlsx')));
  const sheetPart = 'xl/worksheets/sheet1.xml';
  const bookPart = 'xl/workbook.xml';
  const out = edit(await zip.file(sheetPart)!.async('string'), await zip.file(bookPart)!.async('string'));
  zip.file(sheetPart, out.sheet);
  zip.file(bookPart, out.workbook);
  const grids = await workbookGrids(await openWorkbook(await zip.generateAsync({ type: 'uint8array' })));
  return checkSheet(grids[0]!).tables[0]!;
}

function swap(xml: string, from: string, to: string): string {
  if (!xml.includes(from)) throw new Error(`seed002 changed: ${from}`);
  return xml.replace(from, to);
}

const outcome = (t: TableResult) => ({
  rate: t.executionRate?.toString(),
  total: t.total?.toString(),
  shownTotal: t.shownTotal?.toString(),
  grade: t.grade,
  findings: t.findings.map((f) => `${f.code}@${f.cell}`).sort(),
});

describe('formulas without a usable stored result', () => {
  it('openpyxl: no stored result, worked out from the sheet (the same table as the plain one)', async () => {
    const plain = await seed002((sheet, workbook) => ({ sheet, workbook }));
    const t = await seed002((sheet, workbook) => ({
      sheet: swap(swap(sheet, '<c r="G6" s="6"><v>100</v></c>', '<c r="G6" s="6"><f>E6/D6*100</f></c>'), '<c r="H21" s="4"><v>99</v></c>', '<c r="H21" s="4"><f>H6+SUM(H12:H20)</f></c>'),
      workbook,
    }));
    expect(outcome(t)).toEqual(outcome(plain));
    expect(t.skipped).not.toContain('formulaNotComputed');
  });

  it('XlsxWriter: a stored 0 with fullCalcOnLoad is not the shown value: worked out again', async () => {
    const plain = await seed002((sheet, workbook) => ({ sheet, workbook }));
    const t = await seed002((sheet, workbook) => ({
      sheet: swap(sheet, '<c r="H21" s="4"><v>99</v></c>', '<c r="H21" s="4"><f>H6+SUM(H12:H20)</f><v>0</v></c>'),
      workbook: workbook.replace(/<calcPr[^>]*\/>/, '').replace('</workbook>', '<calcPr fullCalcOnLoad="1"/></workbook>'),
    }));
    expect(outcome(t)).toEqual(outcome(plain));
  });

  it('a formula that cannot be worked out here is said, and no MISSING_VALUE is raised at it', async () => {
    const t = await seed002((sheet, workbook) => ({
      sheet: swap(sheet, '<c r="H21" s="4"><v>99</v></c>', '<c r="H21" s="4"><f>[1]Other!H21</f></c>'),
      workbook,
    }));
    expect(t.findings.filter((f) => f.cell === 'H21')).toEqual([]);
    expect(t.skipped).toContain('formulaNotComputed');
    expect(t.shownTotal).toBeNull();
  });
});
