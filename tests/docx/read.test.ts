/**
 * Word documents read from their package: paragraphs in order, each table a grid with its merges, a table
 * inside a cell a table of its own, a table split over pages one grid; the tables inside checked exactly as
 * a workbook's; broken packages refused with the zip reader's reasons.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DocxError, readDocx } from '../../src/docx/read';
import { ZipError } from '../../src/xlsx/package/zip';
import { rangeA1 } from '../../src/core/grid';
import { checkSheet } from '../../src/core/engine';
import { checkReport, readTextReport } from '../../src/core/narrative';
import { checkFixture, fixturePath } from '../helpers';

const docx = (name: string) => readDocx(readFileSync(fixturePath(`reports/${name}`)));
const findingsOf = (grids: Parameters<typeof checkSheet>[0][]) => grids.map((g) => checkSheet(g).tables.map((t) => t.findings.map((f) => `${f.code} ${f.cell}`)));

describe('readDocx', () => {
  it('reads seed 003 as its text reads: the same paragraphs, one table though it is split over pages', async () => {
    const doc = await docx('report003.docx');
    const text = readTextReport(readFileSync(fixturePath('report003.txt'), 'utf8'));
    expect(doc.paragraphs).toEqual(text.paragraphs);
    expect(doc.tables).toHaveLength(1);
    // Four pages, the header row repeated on each page (w:tblHeader) and read once.
    expect(doc.tables[0]!.values).toHaveLength(61);
    expect(doc.tables[0]!.values.filter((r) => r[0] === '部门(单位)名称')).toHaveLength(1);
    expect(checkReport(doc).statements).toEqual(checkReport(text).statements);
  });

  it('keeps merged cells as merges, the value in the top-left cell', async () => {
    const doc = await docx('merged.docx');
    const g = doc.tables[0]!;
    expect(g.merges.map(rangeA1)).toEqual(['A1:H1', 'B2:H2', 'A3:A5', 'A7:A8', 'A11:E11']);
    expect(g.values[3]![0]).toBeNull();
    expect(g.values[2]![0]).toBe('项目资金（万元）');
    const [t] = checkSheet(g).tables;
    expect(t?.table.project).toBe('示例合并单元格项目');
    expect(t?.total?.toFixed(2)).toBe('99.00');
    expect(t?.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['TARGET_EXCEEDED E7']);
  });

  it('reads a table inside a cell as a table of its own, checked as the same table outside', async () => {
    const nested = await docx('nested.docx');
    const merged = await docx('merged.docx');
    expect(nested.tables).toHaveLength(2);
    expect(nested.tables[0]!.values).toEqual(merged.tables[0]!.values);
    expect(nested.tables[1]!.values).toEqual([['附件']]);
    expect(findingsOf([...nested.tables])).toEqual([[['TARGET_EXCEEDED E7']], []]);
  });

  it("checks seed 001's tables, merges and all, as the workbook they come from", async () => {
    const doc = await docx('report001.docx');
    const { sheets } = await checkFixture('seed001-excerpt.xlsx');
    const fromWorkbook = sheets.map((s) => s.tables.map((t) => t.findings.map((f) => `${f.code} ${f.cell}`)));
    expect(doc.tables).toHaveLength(2);
    expect(findingsOf([...doc.tables])).toEqual(fromWorkbook);
    expect(doc.tables.map((g) => g.merges.length)).toEqual([16, 17]);
  });

  it('refuses what is no document, with the reason', async () => {
    await expect(docx('not-a-zip.docx')).rejects.toMatchObject({ reason: 'notZip' });
    await expect(docx('no-document.docx')).rejects.toBeInstanceOf(DocxError);
    const bomb = docx('bomb.docx');
    await expect(bomb).rejects.toBeInstanceOf(ZipError);
    await expect(bomb).rejects.toMatchObject({ reason: 'tooLarge' });
  });
});
