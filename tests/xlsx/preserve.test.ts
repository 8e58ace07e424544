/**
 * A checked or cleared copy keeps every part of the workbook (SPEC §6): the rich fixtures (tests/fixtures/
 * rich, built by scripts/build-rich-fixture.js) hold a chart and an image, a pivot table and its cache, VBA
 * (.xlsm), threaded comments and their persons, custom properties (密级), an external link, sparklines,
 * conditional formats, validations, hyperlinks, named styles, notes of the user's, workbook protection and
 * sheets protected three ways. Untouched parts are copied byte for byte; inside the parts the product
 * patches, every element it does not touch stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../helpers';
import { checked, cleared, edit, exceljs, look, parts, text } from './pkg';
import { STATE_SHEET } from '../../src/core/annotate/state';

const rich = (ext: 'xlsx' | 'xlsm') => new Uint8Array(readFileSync(fixturePath(`rich/rich.${ext}`)));

/** Parts the check may change: the sheets it marks, their notes, styles, the state sheet and the bookkeeping. */
const PATCHED = /^(xl\/worksheets\/sheet(1|2|3|7|8|9|10|13)\.xml|xl\/worksheets\/_rels\/sheet(1|2|3|7|8|9|10)\.xml\.rels|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml|xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml)$/;

describe.each(['xlsx', 'xlsm'] as const)('the rich workbook (.%s)', (ext) => {
  it('through a check: every part kept, those it does not patch byte for byte', async () => {
    const before = await parts(rich(ext));
    const after = await parts(await checked(rich(ext)));
    for (const [name, bytes] of before) {
      expect(after.has(name), name).toBe(true);
      if (!PATCHED.test(name)) expect({ name, same: after.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    }
    // The protected sheets (a legacy password, a modern hash, LibreOffice's sheet="true") are not written to.
    for (const n of [4, 5, 6]) expect(after.get(`xl/worksheets/sheet${n}.xml`)!.equals(before.get(`xl/worksheets/sheet${n}.xml`)!)).toBe(true);
  });

  it('inside the patched parts, every element the product does not touch is kept', async () => {
    const before = await parts(rich(ext));
    const after = await parts(await checked(rich(ext)));
    const keep = (part: string, re: RegExp) => {
      const m = re.exec(before.get(part)!.toString('utf8'));
      expect(m, `${part} ${re}`).not.toBeNull();
      expect(after.get(part)!.toString('utf8')).toContain(m![0]);
    };
    keep('xl/worksheets/sheet3.xml', /<extLst>[\s\S]*<\/extLst>/); // sparklines
    keep('xl/worksheets/sheet3.xml', /<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/);
    keep('xl/worksheets/sheet3.xml', /<dataValidations[\s\S]*?<\/dataValidations>/);
    keep('xl/worksheets/sheet3.xml', /<hyperlinks>[\s\S]*?<\/hyperlinks>/);
    keep('xl/worksheets/sheet3.xml', /<drawing r:id="rIdDrawing"\/><legacyDrawing r:id="rIdVml"\/>/);
    keep('xl/worksheets/sheet2.xml', /<row r="24"><c r="A24"><f>\[1\]预算!\$A\$1<\/f><v>7\.88<\/v><\/c><\/row>/); // a formula using the external link
    keep('xl/workbook.xml', /<workbookProtection lockWindows="1"\/>/);
    keep('xl/workbook.xml', /<externalReferences>[\s\S]*?<\/externalReferences>/);
    keep('xl/workbook.xml', /<pivotCaches>[\s\S]*?<\/pivotCaches>/);
    keep('xl/styles.xml', /<cellStyles count="5">[\s\S]*?<\/cellStyles>/);
    keep('xl/styles.xml', /<dxfs count="1">[\s\S]*?<\/dxfs>/);
    keep('xl/comments9.xml', /<comment ref="E6"[\s\S]*?<\/comment>/); // the threaded comment's note, untouched
    keep('xl/comments10.xml', /<comment ref="A24" authorId="0"><text><t>取自预算汇总表<\/t><\/text><\/comment>/); // a plain-text note
    keep('xl/_rels/workbook.xml.rels', /<Relationship Id="rIdPersons"[^>]*\/>/);
    keep('[Content_Types].xml', /<Override PartName="\/docProps\/custom\.xml"[^>]*\/>/);
    if (ext === 'xlsm') {
      keep('[Content_Types].xml', /application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml/);
      keep('[Content_Types].xml', /<Default Extension="bin" ContentType="application\/vnd\.ms-office\.vbaProject"\/>/);
      keep('xl/_rels/workbook.xml.rels', /<Relationship Id="rIdVba"[^>]*\/>/);
      expect(after.get('xl/vbaProject.bin')!.equals(before.get('xl/vbaProject.bin')!)).toBe(true);
    }
  });

  it('through a check and 清除标记: every part as it was, but the styles part keeps the formats it gained', async () => {
    const before = await parts(rich(ext));
    const back = await parts(await cleared(await checked(rich(ext))));
    expect([...back.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) if (name !== 'xl/styles.xml') expect({ name, same: back.get(name)!.equals(bytes) }).toEqual({ name, same: true });
  });

  it('is still a workbook ExcelJS reads, with its marks', async () => {
    const wb = await exceljs(await checked(rich(ext)));
    expect(wb.worksheets.map((w) => w.name)).toContain('透视');
    expect(wb.getWorksheet('风险防控治理')!.getCell('J12').value).toBe('复核结果');
  });
});

describe('a workbook whose structure is protected', () => {
  const locked = () =>
    edit(rich('xlsx'), async (zip) => {
      zip.file('xl/workbook.xml', (await text(zip, 'xl/workbook.xml')).replace('<workbookProtection lockWindows="1"/>', '<workbookProtection lockStructure="1"/>'));
    });

  it('gets its marks but no new sheet for the state (Excel would refuse to add one)', async () => {
    const out = await checked(await locked());
    const p = await parts(out);
    expect(p.get('xl/workbook.xml')!.toString('utf8')).not.toContain(STATE_SHEET);
    expect((await look(out, '风险防控治理', ['G20'])).G20!.fill.kind).toBe('solid');
  });

  it('清除标记 still finds the marks, by what they are', async () => {
    const input = await locked();
    const back = await cleared(await checked(input));
    const l = await look(back, '风险防控治理', ['G20', 'J12', 'E6']);
    expect([l.G20!.fill.kind, l.J12!.value, l.G20!.note]).toEqual(['none', null, '王会计:\n分值按局里口径填报']);
  });
});
