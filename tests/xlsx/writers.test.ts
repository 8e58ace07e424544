/**
 * The same real table (鄂州财政局 of the development tables, with its findings) as the writers we can run here
 * write it: ExcelJS, LibreOffice (xlsx → xlsx, and xlsx → ods → xlsx, when installed), and packages made by
 * hand the way other writers make them — strings inline instead of shared, no styles part, the 1904 date
 * system, Strict Open XML. Each gives the same figures and the same findings.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { checkSheet } from '../../src/core/engine';
import { fmt2 } from '../../src/core/numbers';
import { openWorkbook, workbookGrids } from '../../src/xlsx/read';
import { fixturePath } from '../helpers';

const TABLE = fixturePath('dev-tables/hb-ezhou.xlsx');

const soffice = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'soffice')).find((p) => {
  try {
    execFileSync(p, ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
});

/** What a reader is told of each table of the workbook: its figures, grade and findings. */
async function told(bytes: Uint8Array): Promise<unknown[]> {
  const grids = await workbookGrids(await openWorkbook(bytes));
  return grids.flatMap((g) => {
    const r = checkSheet(g);
    return [
      ...r.tables.map((t) => [
        [t.budget, t.executed, t.executionRate, t.executionScore, t.indicatorWeight, t.indicatorScore, t.total].map((d) => (d ? fmt2(d) : null)),
        t.grade,
        t.table.indicators.length,
        t.findings.map((f) => `${f.code}@${f.cell}`).sort(),
      ]),
      ...r.unrecognised.map((u) => u.reason),
    ];
  });
}

async function edited(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const textOf = async (zip: JSZip, name: string): Promise<string> => {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} missing from the package`);
  return file.async('string');
};

const sheets = (zip: JSZip) => Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Strings written in each cell (t="inlineStr"), as XlsxWriter's and SheetJS's options do: no shared strings part. */
async function inlineStrings(zip: JSZip): Promise<void> {
  const shared = [...(await textOf(zip, 'xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...(m[1] ?? '').replace(/<rPh[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1] ?? '')).join(''),
  );
  for (const name of sheets(zip)) {
    const xml = (await textOf(zip, name)).replace(/<c ([^>]*?)\s*t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => {
      const text = shared[Number(i)];
      if (text === undefined) throw new Error(`shared string ${i} missing`);
      return `<c ${a}${b} t="inlineStr"><is><t xml:space="preserve">${escape(text)}</t></is></c>`;
    });
    if (/t="s"/.test(xml)) throw new Error(`${name}: a shared string was left`);
    zip.file(name, xml);
  }
  zip.remove('xl/sharedStrings.xml');
  zip.file('xl/_rels/workbook.xml.rels', (await textOf(zip, 'xl/_rels/workbook.xml.rels')).replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''));
  zip.file('[Content_Types].xml', (await textOf(zip, '[Content_Types].xml')).replace(/<Override [^>]*sharedStrings[^>]*\/>/, ''));
}

/** No styles part and no style on any cell, as minimal writers leave it. */
async function noStyles(zip: JSZip): Promise<void> {
  for (const name of sheets(zip)) zip.file(name, (await textOf(zip, name)).replace(/ s="\d+"/g, ''));
  zip.remove('xl/styles.xml');
  zip.file('xl/_rels/workbook.xml.rels', (await textOf(zip, 'xl/_rels/workbook.xml.rels')).replace(/<Relationship [^>]*\/styles"[^>]*\/>/, ''));
  zip.file('[Content_Types].xml', (await textOf(zip, '[Content_Types].xml')).replace(/<Override [^>]*styles[^>]*\/>/, ''));
}

/** The 1904 date system (Excel for Mac's old default). */
async function dates1904(zip: JSZip): Promise<void> {
  const xml = await textOf(zip, 'xl/workbook.xml');
  zip.file('xl/workbook.xml', /<workbookPr /.test(xml) ? xml.replace('<workbookPr ', '<workbookPr date1904="1" ') : xml.replace('<sheets>', '<workbookPr date1904="1"/><sheets>'));
}

/** Strict Open XML: the same parts under the ISO 29500 strict namespaces. */
async function strict(zip: JSZip): Promise<void> {
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    zip.file(
      name,
      (await textOf(zip, name))
        .replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships')
        .replaceAll('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'),
    );
  }
}

/** LibreOffice converting a file into another format, with a profile of its own in a folder of its own. */
function convert(dir: string, input: string, to: string): string {
  const out = path.join(dir, `out-${to.split(':')[0]}-${path.basename(input).replace(/\W/g, '')}`);
  execFileSync(soffice ?? 'soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', to, '--outdir', out, input], { stdio: 'ignore', timeout: 180_000 });
  return path.join(out, `${path.parse(input).name}.${to.split(':')[0]}`);
}

describe('the same real table from every writer we can run', async () => {
  const original = new Uint8Array(readFileSync(TABLE));
  const expected = await told(original);

  it('is a table with findings to compare', () => {
    expect(expected).toHaveLength(1);
    expect((expected[0] as unknown[])[3]).toContain('TOTAL_MISMATCH@H19');
  });

  it('ExcelJS, read and written again', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ArrayBuffer); // ExcelJS takes the bytes; its types name an ArrayBuffer
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(bytes).not.toEqual(original);
    expect(await told(bytes)).toEqual(expected);
  });

  it.each([
    ['strings inline, no shared strings part', inlineStrings],
    ['no styles part', noStyles],
    ['the 1904 date system', dates1904],
    ['Strict Open XML', strict],
  ])('a package with %s', async (_name, edit) => {
    const bytes = await edited(original, edit);
    expect(bytes).not.toEqual(original);
    expect(await told(bytes)).toEqual(expected);
  });

  describe.skipIf(!soffice)('LibreOffice', () => {
    it('xlsx → xlsx, and xlsx → ods → xlsx', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-writers-'));
      try {
        const input = path.join(dir, 'table.xlsx');
        writeFileSync(input, original);
        const again = convert(dir, input, 'xlsx:Calc MS Excel 2007 XML');
        const ods = convert(dir, input, 'ods');
        const back = convert(dir, ods, 'xlsx:Calc MS Excel 2007 XML');
        expect(await told(new Uint8Array(readFileSync(again)))).toEqual(expected);
        expect(await told(new Uint8Array(readFileSync(back)))).toEqual(expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 400_000);
  });
});
