/**
 * The worksheet tokenizer against saxes, a general SAX parser: the same start tags (with the same
 * attributes), end tags and text, on every worksheet of the fixtures and on XML made to be awkward
 * (entities, CDATA, comments, prefixes, quotes with '>' inside), fed in chunks cut at every position.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import JSZip from 'jszip';
import { Scanner, attr } from '../../src/xlsx/package/scan';
import { attributes } from '../../src/xlsx/package/xml';
import { FIXTURES, fixturePath } from '../helpers';
import { openWorkbook, workbookGrids } from '../../src/xlsx/read';
import { edit, text } from './pkg';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** Adjacent text events are one text (parsers may split text differently). */
function merge(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e[0] === 'text' ? ['text', e[1]] : e);
  }
  return out.filter((e) => e[0] !== 'text' || e[1] !== '');
}

function viaSaxes(xml: string): Event[] {
  const events: Event[] = [];
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (t) => events.push(['open', t.name, { ...(t.attributes as Record<string, string>) }]));
  p.on('closetag', (t) => events.push(['close', t.name]));
  p.on('text', (t) => events.push(['text', t]));
  p.on('cdata', (t) => events.push(['text', t]));
  p.write(xml);
  p.close();
  return merge(events);
}

function viaScanner(xml: string, cuts: number[] = []): Event[] {
  const events: Event[] = [];
  const s = new Scanner({
    open: (name, a) => events.push(['open', name, Object.fromEntries(attributes(`<x ${a}>`))]),
    close: (name) => events.push(['close', name]),
    text: (t) => events.push(['text', t]),
  });
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    s.write(xml.slice(from, c));
    from = c;
  }
  s.write(xml.slice(from));
  s.close();
  return merge(events);
}

const AWKWARD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- a comment with <c r="A1"> inside -->
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t='inlineStr'><x:is><x:t xml:space="preserve"> 预算 &amp; 执行 &lt;1&gt; &#x4E2D;&#25991; </x:t></x:is></x:c>
<x:c r="B1" s="3" t="str"><x:f>IF(A1&gt;0,"a>b","")</x:f><x:v>a&gt;b</x:v></x:c><x:c r="C1"/><x:c r="D1" data="say &quot;hi&quot; > there"><x:v><![CDATA[<raw> & text]]></x:v></x:c></x:row>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;

describe('the worksheet tokenizer', () => {
  it('reads awkward XML as saxes does, however it is cut', () => {
    const want = viaSaxes(AWKWARD);
    expect(viaScanner(AWKWARD)).toEqual(want);
    for (let cut = 1; cut < AWKWARD.length; cut++) expect(viaScanner(AWKWARD, [cut])).toEqual(want);
  });

  it('reads every worksheet of the fixtures as saxes does, cut at random places', async () => {
    const files = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIXTURES, f))];
    for (const sub of ['prov', 'rich', 'state']) files.push(...readdirSync(path.join(FIXTURES, sub)).filter((f) => /\.xls[xm]$/.test(f)).map((f) => path.join(FIXTURES, sub, f)));
    let sheets = 0;
    for (const file of files) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
        const xml = (await zip.file(name)!.async('string')).replace(/^\uFEFF/, '');
        const want = viaSaxes(xml);
        fc.assert(
          fc.property(fc.array(fc.nat(xml.length), { maxLength: 6 }), (cuts) => {
            expect(viaScanner(xml, cuts)).toEqual(want);
          }),
          { numRuns: 5 },
        );
        sheets++;
      }
    }
    expect(sheets).toBeGreaterThan(40);
  });

  it('refuses XML that stops inside a tag', () => {
    const s = new Scanner({ open: () => undefined, close: () => undefined, text: () => undefined });
    s.write('<row r="1"><c r="A');
    expect(() => s.close()).toThrow(/inside a tag/);
  });

  it('holds each end tag to the element it closes, name for name', () => {
    const events = (xml: string) => viaScanner(xml).filter((e) => e[0] === 'close').map((e) => e[1]);
    // Space before the '>' is allowed; the name itself must be the whole name open.
    expect(events('<x:row><x:c></x:c ></x:row\n>')).toEqual(['x:c', 'x:row']);
    expect(() => viaScanner('<row><c></cc></row>')).toThrow('</cc> where </c> was expected');
    expect(() => viaScanner('<row><cc></c></row>')).toThrow('</c> where </cc> was expected');
    expect(() => viaScanner('<x:row></row>')).toThrow('</row> where </x:row> was expected');
    expect(() => viaScanner('<row></row></row>')).toThrow('</row> closes nothing');
  });

  it('finds an attribute by its whole name', () => {
    expect(attr(' sr="x" r="A1" s="3"', 'r')).toBe('A1');
    expect(attr(' s="3" t="s"', 't')).toBe('s');
    expect(attr(' rs="1"', 's')).toBeUndefined();
    expect(attr(" r='B2' t = \"a&amp;b\"", 't')).toBe('a&b');
  });
});

describe('Strict Open XML (ISO 29500 strict, "Strict Open XML Spreadsheet" in Excel\'s Save As)', () => {
  it('reads as the transitional workbook it was made from: its relationships and namespaces are other URIs', async () => {
    const bytes = readFileSync(fixturePath('seed000.xlsx'));
    const strict = await edit(bytes, async (zip) => {
      for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
        const xml = await text(zip, name);
        zip.file(
          name,
          xml
            .replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships')
            .replaceAll('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'),
        );
      }
    });
    expect(strict).not.toEqual(bytes);
    const [a, b] = await Promise.all([workbookGrids(await openWorkbook(bytes)), workbookGrids(await openWorkbook(strict))]);
    expect(b.map((g) => [g.name, g.values, g.formats])).toEqual(a.map((g) => [g.name, g.values, g.formats]));
  });
});
