/**
 * The product's own marks, whatever became of its state — on both hosts, with the same outcome: the
 * .xlsx host on the package, and the Excel host through the strict office-js fake built from the same
 * bytes. A workbook checked and then saved by LibreOffice, a renamed sheet, a deleted state sheet, a
 * hand-made state, a note with emoji, a reviewer's line added to a product note, a note rewritten.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type JSZip from 'jszip';
import { fixturePath } from '../helpers';
import { checked, cleared, edit, text } from '../xlsx/pkg';
import { openWorkbook } from '../../src/xlsx/read';
import { NOTE_SIGNATURE } from '../../src/core/annotate/note';
import { CHUNK, STATE_SHEET, parseState, serializeState } from '../../src/core/annotate/state';
import { ExcelHost } from '../../src/office/excelHost';
import { defaultSettings } from '../../src/office/settings';
import { FakeBook, fakeRunner } from '../office/fakeExcel';

const SHEET = '风险防控治理';
const PART = 'xl/worksheets/sheet3.xml';
const zh = defaultSettings('zh-CN');
const seed = () => new Uint8Array(readFileSync(fixturePath('seed002.xlsx')));

type View = Record<string, [unknown, string | null, string | null]>;

/** What a person sees on the sheet through the package reader: value, fill colour, note. */
async function xlsxView(bytes: Uint8Array, sheet = SHEET): Promise<View> {
  const wb = await openWorkbook(bytes);
  const s = await wb.readSheet(sheet);
  const out: View = {};
  const cells = new Set<string>(s.notes.keys());
  s.grid.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && cells.add(addr(r, c))));
  s.xf.forEach((row, r) => row?.forEach((x, c) => x && cells.add(addr(r, c))));
  for (const cell of cells) {
    const { row, col } = at(cell);
    const f = wb.fillAt(s, cell);
    const v: [unknown, string | null, string | null] = [s.grid.values[row]?.[col] ?? null, f.kind === 'solid' ? f.color : f.kind === 'none' ? null : 'other', s.notes.get(cell) ?? null];
    if (v[0] !== null || v[1] !== null || v[2] !== null) out[cell] = v;
  }
  return out;
}

/** The same through the fake Excel. */
function fakeView(book: FakeBook, sheet = SHEET): View {
  const s = book.sheet(sheet)!;
  const out: View = {};
  const cells = new Set<string>([...s.notes.keys(), ...[...s.cells.keys()].map((k) => addr(...(k.split(',').map(Number) as [number, number])))]);
  for (const cell of cells) {
    const c = s.at(cell);
    const v: [unknown, string | null, string | null] = [c?.value ?? null, c?.fill ? (c.fill.pattern === 'Solid' ? c.fill.color.slice(1).toUpperCase() : 'other') : null, s.notes.get(cell) ?? null];
    if (v[0] !== null || v[1] !== null || v[2] !== null) out[cell] = v;
  }
  return out;
}

function addr(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}
function at(cell: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { row: Number(m[2]) - 1, col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
}

/** The Excel host over a fake built from the bytes, on one sheet. */
async function excel(bytes: Uint8Array, sheet = SHEET) {
  const book = await FakeBook.fromXlsx(bytes);
  book.active = sheet;
  const runner = fakeRunner(book);
  return { book, host: new ExcelHost({ run: runner.run, supports: book.supports }) };
}

/** The comments part of a sheet, found through its relationships. */
async function commentsPart(zip: JSZip, sheetPart: string): Promise<string> {
  const rels = await text(zip, sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels');
  return `xl/${/Target="\.\.\/(comments\d+\.xml)"/.exec(rels)![1]}`;
}

/** A note rewritten in the package, as a user would in Excel (one plain run). */
async function withNote(bytes: Uint8Array, cell: string, note: string): Promise<Uint8Array> {
  return edit(bytes, async (zip) => {
    const part = await commentsPart(zip, PART);
    const xml = await text(zip, part);
    const esc = note.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    zip.file(part, xml.replace(new RegExp(`(<comment ref="${cell}"[^>]*><text>)[\\s\\S]*?(</text>)`), `$1<r><t xml:space="preserve">${esc}</t></r>$2`));
  });
}

const columns = (v: View) => [...new Set(Object.entries(v).filter(([, x]) => x[0] === '复核结果').map(([c]) => c.replace(/\d+/g, '')))];
const signatures = (v: View) => Object.values(v).reduce((n, x) => n + ((x[2] ?? '').split(NOTE_SIGNATURE).length - 1), 0);

describe('the product finds its own marks on both hosts, with or without its state', () => {
  const cases: [string, () => Promise<Uint8Array>, string][] = [
    ['checked, then saved by LibreOffice (shared strings, its own note runs, the state sheet only hidden)', async () => new Uint8Array(readFileSync(fixturePath('state/seed002-checked-libreoffice.xlsx'))), SHEET],
    [
      'checked, then the sheet renamed',
      async () =>
        edit(await checked(seed()), async (zip) => {
          zip.file('xl/workbook.xml', (await text(zip, 'xl/workbook.xml')).replace(`name="${SHEET}"`, `name="${SHEET}（复核）"`));
        }),
      `${SHEET}（复核）`,
    ],
    [
      'checked, then the state sheet deleted',
      async () =>
        edit(await checked(seed()), async (zip) => {
          zip.file('xl/workbook.xml', (await text(zip, 'xl/workbook.xml')).replace(/<sheet [^>]*name="selfeval_state"[^>]*\/>/, ''));
        }),
      SHEET,
    ],
  ];

  describe.each(cases)('%s', (_name, make, sheet) => {
    it('清除标记 gives back the original sheet, on both hosts', async () => {
      const input = await make();
      const original = await xlsxView(seed());
      expect(await xlsxView(await cleared(input), sheet)).toEqual(original);
      const x = await excel(input, sheet);
      await x.host.clearActiveSheet();
      expect(fakeView(x.book, sheet)).toEqual(original);
    });

    it('checking again writes one 复核结果 column and no note twice, on both hosts', async () => {
      const input = await make();
      const once = await xlsxView(await checked(seed()));
      const again = await xlsxView(await checked(input), sheet);
      expect(columns(again)).toEqual(['J']);
      expect(signatures(again)).toBe(signatures(once));
      const x = await excel(input, sheet);
      await x.host.checkActiveSheet(zh);
      const fv = fakeView(x.book, sheet);
      expect(columns(fv)).toEqual(['J']);
      expect(signatures(fv)).toBe(signatures(once));
      expect(fv).toEqual(again);
    });
  });

  it('a hand-made state never makes 清除标记 erase a name or an amount (the cells hold no text of the product)', async () => {
    const forged = JSON.stringify({ version: 2, sheets: [{ sheet: SHEET, marked: [{ cell: 'D6', fill: { kind: 'none' }, mark: 'error' }], written: ['B3', 'D6', 'E6'], texts: ['风险防控治理', '22.2', '22.24'] }] });
    const input = await edit(await checked(seed()), async (zip) => {
      const wbXml = await text(zip, 'xl/workbook.xml');
      const relId = /<sheet [^>]*name="selfeval_state"[^>]*r:id="([^"]+)"/.exec(wbXml)![1];
      const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
      const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      zip.file(`xl/${target}`, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${forged.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c></row></sheetData></worksheet>`);
    });
    const original = await xlsxView(seed());
    const back = await xlsxView(await cleared(input));
    expect(back).toEqual(original);
    expect([back.B3![0], back.D6![0], back.E6![0]]).toEqual(['风险防控治理', 22.2, 22.24]);
    const x = await excel(input);
    await x.host.clearActiveSheet();
    expect(fakeView(x.book)).toEqual(original);
  });

  it('a user note with emoji on a marked cell comes back as it was', async () => {
    const note = '已核对 ✅👍🏽 — 王会计';
    const input = await edit(seed(), async (zip) => {
      zip.file('xl/worksheets/_rels/sheet3.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments99.xml"/></Relationships>');
      zip.file('xl/comments99.xml', `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>王会计</author></authors><commentList><comment ref="G20" authorId="0"><text><r><t>${note}</t></r></text></comment></commentList></comments>`);
      const types = await text(zip, '[Content_Types].xml');
      zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/comments99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>'));
    });
    const out = await checked(input);
    expect((await xlsxView(out)).G20![2]).toMatch(new RegExp(`^${note}\\n\\n✗ `, 'u'));
    expect((await xlsxView(await cleared(out))).G20![2]).toBe(note);
    const x = await excel(out);
    await x.host.clearActiveSheet();
    expect(fakeView(x.book).G20![2]).toBe(note);
  });

  it('the state never splits a character between two of its cells', () => {
    // A state whose JSON puts an emoji exactly across a chunk boundary.
    const pad = 'x'.repeat(CHUNK - 40);
    const state = { version: 2 as const, sheets: [{ sheet: SHEET, marked: [{ cell: 'G20', fill: { kind: 'other' as const, xlsx: `${pad}😀😀😀😀😀😀😀😀` }, mark: 'error' as const }], written: [], texts: [] }] };
    for (let shift = 0; shift < 20; shift++) {
      const s = { ...state, sheets: [{ ...state.sheets[0]!, sheet: `${SHEET}${'y'.repeat(shift)}` }] };
      const chunks = serializeState(s);
      for (const c of chunks) {
        expect(/[\uD800-\uDBFF]$/.test(c)).toBe(false);
        expect(/^[\uDC00-\uDFFF]/.test(c)).toBe(false);
      }
      expect(parseState(chunks)).toEqual(s);
    }
  });

  describe.each([
    ['a reviewer adds a line to a product note', (n: string) => `${n}\n审核人：已电话核实`, '审核人：已电话核实'],
    ['a user writes over a product note', () => '改为：分值按 110 计，已报批', '改为：分值按 110 计，已报批'],
  ])('%s', (_name, change, kept) => {
    it('their words are kept by 清除标记 and by checking again, on both hosts', async () => {
      const first = await checked(seed());
      const input = await withNote(first, 'G20', change((await xlsxView(first)).G20![2]!));
      const back = await xlsxView(await cleared(input));
      expect(back.G20![2]).toBe(kept);
      const again = await xlsxView(await checked(input));
      expect(again.G20![2]).toBe(`${kept}\n\n✗ 各项分值（含执行率分值）合计为 110.00，应为 100\n${NOTE_SIGNATURE}`);

      const a = await excel(input);
      await a.host.clearActiveSheet();
      expect(fakeView(a.book)).toEqual(back);
      const b = await excel(input);
      await b.host.checkActiveSheet(zh);
      expect(fakeView(b.book)).toEqual(again);
    });
  });

  it('the state lives in a very hidden sheet, and goes when nothing is left to remember', async () => {
    const out = await checked(seed());
    const wb = await openWorkbook(out);
    expect(wb.sheets.find((s) => s.name === STATE_SHEET)?.state).toBe('veryHidden');
    const back = await openWorkbook(await cleared(out));
    expect(back.sheets.find((s) => s.name === STATE_SHEET)).toBeUndefined();
  });
});
