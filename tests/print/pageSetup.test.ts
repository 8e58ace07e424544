/**
 * A checked copy's print setup, on the sample: A4 landscape at a scale that keeps 8 pt and fits the table
 * with its 复核结果 column one page wide (in Excel's measure and a wider reader's), the setup it had kept
 * in the state and given back by 清除标记; a state naming anything but a <pageSetup/> puts nothing in.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { checked, cleared } from '../xlsx/pkg';
import { parseState } from '../../src/core/annotate/state';
import { READER_SLACK, columnPoints, printableWidth, printSetup } from '../../src/core/print';
import { ROOT } from '../browser/harness';

const SAMPLE = readFileSync(path.join(ROOT, 'assets', 'sample.xlsx'));
const part = async (bytes: Uint8Array, name: string) => (await JSZip.loadAsync(bytes)).file(name)!.async('string');
const pageSetup = (xml: string) => /<pageSetup[^>]*>/.exec(xml)?.[0];

describe('a checked copy prints its column with its table', () => {
  it('A4 landscape at a readable scale; 清除标记 gives the setup back byte for byte', async () => {
    const before = await part(SAMPLE, 'xl/worksheets/sheet1.xml');
    const copy = await checked(SAMPLE);
    const xml = await part(copy, 'xl/worksheets/sheet1.xml');
    const setup = pageSetup(xml)!;
    expect(setup).toMatch(/paperSize="9"/);
    expect(setup).toMatch(/orientation="landscape"/);
    const scale = Number(/scale="(\d+)"/.exec(setup)?.[1]);
    // The sample's smallest font is 11 pt: at least 73 % keeps 8 pt; A..J (J the column) fits one page wide
    // at that scale in Excel's measure (a reader 1.4 times as wide would need 68 %: below 8 pt, so not that).
    expect(scale).toBe(73);
    const widths = [14, 13, 13, 22, 13, 13, 13, 13, 13, 13];
    const points = widths.reduce((a, w) => a + columnPoints(w), 0);
    expect((points * scale) / 100).toBeLessThanOrEqual(printableWidth('landscape', 1.4));
    expect((points * READER_SLACK * 68) / 100).toBeLessThanOrEqual(printableWidth('landscape', 1.4));
    const back = await cleared(copy);
    expect(await part(back, 'xl/worksheets/sheet1.xml')).toBe(before);
    expect(pageSetup(await part(await cleared(await checked(copy)), 'xl/worksheets/sheet1.xml'))).toBe(pageSetup(before));
  });

  it('too wide for 8 pt on one page: the scale that keeps 8 pt, the columns over pages', () => {
    const wide = printSetup(Array.from({ length: 30 }, () => 13), 10, 'landscape');
    expect(wide).toMatchObject({ oneWide: false, scale: 80 });
    const narrow = printSetup([10, 10, 10], 11, 'landscape');
    expect(narrow).toMatchObject({ oneWide: true, scale: 100 });
  });

  it('a state whose print setup is anything but one <pageSetup/> element is not taken', () => {
    const sheet = (pageSetup: string) => JSON.stringify({ version: 2, sheets: [{ sheet: 'S', marked: [], written: ['A1'], texts: ['✓'], pageSetup }] });
    expect(parseState([sheet('<pageSetup orientation="portrait"/>')]).sheets).toHaveLength(1);
    expect(parseState([sheet('')]).sheets).toHaveLength(1);
    expect(parseState([sheet('<pageSetup/><drawing r:id="rId9"/>')]).sheets).toHaveLength(0);
    expect(parseState([sheet('<pageSetup a="1"></pageSetup>')]).sheets).toHaveLength(0);
  });
});
