/**
 * Workbooks made by hand for the hostile cases: a ZIP written entry by entry (so that an entry may be
 * there twice, or carry a wrong checksum), and the few parts a workbook needs around the sheets.
 */
import { crc32 } from '../../src/xlsx/package/zip';

export interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** The checksum recorded (default: the right one). */
  readonly crc?: number;
  /** Raw DEFLATE data standing for `data` (which is then not written), and the size recorded for it. */
  readonly deflated?: { readonly bytes: Uint8Array; readonly size: number };
}

const enc = new TextEncoder();

/** A ZIP of the entries exactly as listed: stored, or deflated where given so. */
export function storedZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (size: number) => new DataView(new ArrayBuffer(size));
  for (const e of entries) {
    const name = enc.encode(e.name);
    const raw = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    const data = e.deflated?.bytes ?? raw;
    const size = e.deflated?.size ?? raw.length;
    const method = e.deflated ? 8 : 0;
    const crc = e.crc ?? crc32(raw);
    const local = header(30);
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const rec = header(46);
    rec.setUint32(0, 0x02014b50, true);
    rec.setUint16(4, 20, true);
    rec.setUint16(6, 20, true);
    rec.setUint16(8, 0x0800, true);
    rec.setUint16(10, method, true);
    rec.setUint32(16, crc, true);
    rec.setUint32(20, data.length, true);
    rec.setUint32(24, size, true);
    rec.setUint16(28, name.length, true);
    rec.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, data);
    central.push(new Uint8Array(rec.buffer), name);
    offset += 30 + name.length + data.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = header(22);
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of all) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export interface CraftedSheet {
  readonly name: string;
  /** The inside of <sheetData>. */
  readonly rows: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a workbook of these sheets, with shared strings and styles unless left out. */
export function workbookEntries(sheets: readonly CraftedSheet[], options: { strings?: readonly string[] | 'referredButMissing'; styles?: boolean | 'referredButMissing' } = {}): RawEntry[] {
  const strings = options.strings ?? [];
  const styles = options.styles ?? true;
  const ct = [
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    '</Types>',
  ].join('');
  const rels = [
    ...sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    options.strings !== undefined ? `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : '',
    styles ? `<Relationship Id="rIdT" Type="${R}/styles" Target="styles.xml"/>` : '',
  ].join('');
  const entries: RawEntry[] = [
    { name: '[Content_Types].xml', data: ct },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${s.rows}</sheetData></worksheet>` })),
  ];
  if (Array.isArray(strings)) {
    const si = strings.map((t) => `<si><t>${t}</t></si>`).join('');
    entries.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${si}</sst>` });
  }
  if (styles === true) {
    entries.push({
      name: 'xl/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`,
    });
  }
  return entries;
}

/** A row of inline strings and numbers, from column A. */
export function row(r: number, cells: readonly (string | number)[]): string {
  const col = (c: number) => String.fromCharCode(65 + c);
  return `<row r="${r}">${cells.map((v, c) => (typeof v === 'number' ? `<c r="${col(c)}${r}"><v>${v}</v></c>` : `<c r="${col(c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`;
}
