/**
 * The ZIP container of an .xlsx package, read and written by hand so that a copy is the original byte
 * for byte except the parts the product changes: untouched entries are copied with their compressed
 * data, local header and central record as they were. Reading inflates one entry at a time, streamed,
 * with limits on the uncompressed size (a bomb is refused in bounded memory).
 */
import { Inflate, deflateSync } from 'fflate';
import { BrokenPackage } from './broken';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  /** The central directory record as it was, to be copied for an untouched entry. */
  readonly central: Uint8Array;
}

export class ZipError extends Error {
  constructor(
    readonly reason: 'notZip' | 'zip64' | 'encryptedEntry' | 'corrupt' | 'tooLarge' | 'method',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Streams inflated bytes of raw DEFLATE data (`size`: the declared uncompressed size); hosts may bring a
 * native one (Node's zlib).
 */
export type InflateRaw = (data: Uint8Array, onChunk: (chunk: Uint8Array) => void, size: number) => Promise<void>;

/** Pure JavaScript inflate (fflate), for the browser; fed in slices so no whole output is held. */
export const jsInflateRaw: InflateRaw = async (data, onChunk) => {
  const inflater = new Inflate((chunk) => onChunk(chunk));
  const SLICE = 1 << 16;
  for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
};

export type DeflateRaw = (data: Uint8Array) => Uint8Array;

/** A part deflated ahead of writing (a large changed part is kept so, not as text, until the package is written). */
export interface Deflated {
  readonly deflated: Uint8Array;
  readonly size: number;
  readonly crc: number;
}

export function isDeflated(v: Uint8Array | Deflated): v is Deflated {
  return !(v instanceof Uint8Array);
}

/** CRC-32 of `data` continued from `previous` (0 to begin); hosts may bring a native one (Node's zlib). */
export type Crc32 = (data: Uint8Array, previous: number) => number;

export const jsDeflateRaw: DeflateRaw = (data) => deflateSync(data, { level: 6 });

export interface Limits {
  /** Largest uncompressed size of one part. */
  readonly maxEntry: number;
  /** Largest uncompressed size of all parts read. */
  readonly maxTotal: number;
  /** Largest compression ratio of a part over 1 MB (a bomb's is in the thousands). */
  readonly maxRatio: number;
}

export const DEFAULT_LIMITS: Limits = { maxEntry: 512 << 20, maxTotal: 1536 << 20, maxRatio: 400 };

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8');

/** The archive comment of every package the product writes: how it knows its own files (an output it may replace). */
export const PRODUCT_MARK = 'selfeval';

export class ZipReader {
  readonly entries: ZipEntry[];
  /** The archive's comment (empty for most packages; the product's say PRODUCT_MARK). */
  readonly comment: string;
  private readonly byName: Map<string, ZipEntry>;
  private inflatedTotal = 0;

  constructor(
    readonly bytes: Uint8Array,
    private readonly inflateRaw: InflateRaw = jsInflateRaw,
    private readonly limits: Limits = DEFAULT_LIMITS,
    private readonly crc: Crc32 = crc32From,
  ) {
    const dir = readDirectory(bytes);
    this.entries = dir.entries;
    this.comment = dir.comment;
    this.byName = new Map();
    for (const e of this.entries) {
      // Two entries of one name: readers disagree on which is the part (the first, the last): broken.
      if (this.byName.has(e.name)) throw new BrokenPackage({ kind: 'duplicateEntry', part: e.name });
      this.byName.set(e.name, e);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** Where an entry's compressed data lies, and where its stored bytes end (data descriptor included). */
  span(e: ZipEntry): { dataStart: number; end: number } {
    const b = this.bytes;
    const o = e.localOffset;
    if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw new ZipError('corrupt', `bad local header for ${e.name}`);
    const dataStart = o + 30 + u16(b, o + 26) + u16(b, o + 28);
    let end = dataStart + e.compressedSize;
    if (end > b.length) throw new ZipError('corrupt', `${e.name} runs past the end of the file`);
    if (e.flags & 8) end += end + 4 <= b.length && u32(b, end) === 0x08074b50 ? 16 : 12;
    return { dataStart, end: Math.min(end, b.length) };
  }

  /** Streams a part's bytes, refusing what is larger or more compressed than the limits allow. */
  async stream(name: string, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    const e = this.byName.get(name);
    if (!e) throw new ZipError('corrupt', `missing part ${name}`);
    const { dataStart } = this.span(e);
    const data = this.bytes.subarray(dataStart, dataStart + e.compressedSize);
    const limit = Math.min(this.limits.maxEntry, this.limits.maxTotal - this.inflatedTotal);
    if (e.size > limit) throw new ZipError('tooLarge', `${name}: ${e.size} bytes uncompressed`);
    if (e.size > 1 << 20 && e.size / Math.max(1, e.compressedSize) > this.limits.maxRatio) {
      throw new ZipError('tooLarge', `${name}: compressed ${Math.round(e.size / Math.max(1, e.compressedSize))} to 1`);
    }
    let seen = 0;
    let crc = 0;
    const count = (chunk: Uint8Array) => {
      seen += chunk.length;
      // The declared size may lie: the stream itself is held to the limit.
      if (seen > limit) throw new ZipError('tooLarge', `${name}: more than ${limit} bytes uncompressed`);
      crc = this.crc(chunk, crc);
      onChunk(chunk);
    };
    if (e.method === 0) count(data);
    else if (e.method === 8) await this.inflateRaw(data, count, e.size);
    else throw new ZipError('method', `${name}: compression method ${e.method}`);
    this.inflatedTotal += seen;
    // A part whose bytes are not those the package recorded was damaged (a stored part is not even inflated).
    if (crc !== e.crc || seen !== e.size) throw new BrokenPackage({ kind: 'badCrc', part: name });
  }

  async read(name: string): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let n = 0;
    await this.stream(name, (c) => {
      chunks.push(c.slice());
      n += c.length;
    });
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(n);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  async text(name: string): Promise<string> {
    return utf8.decode(await this.read(name));
  }
}

function readDirectory(b: Uint8Array): { entries: ZipEntry[]; comment: string } {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('notZip', 'no end of central directory');
  const count = u16(b, eocd + 10);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('zip64', 'ZIP64 packages are not supported');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipError('corrupt', 'bad central directory');
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const end = p + 46 + nameLen + extraLen + commentLen;
    const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
    if (flags & 1) throw new ZipError('encryptedEntry', `${name} is encrypted`);
    entries.push({
      name,
      flags,
      method: u16(b, p + 10),
      crc: u32(b, p + 16),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      localOffset: u32(b, p + 42),
      central: b.subarray(p, end),
    });
    p = end;
  }
  const commentLen = u16(b, eocd + 20);
  return { entries, comment: utf8.decode(b.subarray(eocd + 22, Math.min(b.length, eocd + 22 + commentLen))) };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  return crc32From(data, 0);
}

/** CRC-32 continued over more bytes (pure JavaScript, for the browser). */
export function crc32From(data: Uint8Array, previous: number): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A growable byte buffer for the output package. */
class Out {
  private buf = new Uint8Array(1 << 16);
  length = 0;
  private room(n: number) {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  bytes(b: Uint8Array) {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  u16(v: number) {
    this.room(2);
    this.buf[this.length++] = v & 0xff;
    this.buf[this.length++] = (v >>> 8) & 0xff;
  }
  u32(v: number) {
    this.u16(v & 0xffff);
    this.u16((v >>> 16) & 0xffff);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

const encoder = new TextEncoder();

/** DOS date and time of now, for the parts the product writes. */
function dosTime(d = new Date()): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * The package again: every entry in its original order — untouched ones copied byte for byte, replaced
 * ones written anew, removed ones left out — then the new parts.
 */
export function writePackage(
  zip: ZipReader,
  replaced: ReadonlyMap<string, Uint8Array | Deflated>,
  removed: ReadonlySet<string>,
  deflateRaw: DeflateRaw = jsDeflateRaw,
  comment = PRODUCT_MARK,
): Uint8Array {
  const out = new Out();
  const central: { record: Uint8Array; offset: number }[] = [];
  const { time, date } = dosTime();
  const writeNew = (name: string, part: Uint8Array | Deflated) => {
    const nameBytes = encoder.encode(name);
    const compressed = isDeflated(part) ? part.deflated : deflateRaw(part);
    const crc = isDeflated(part) ? part.crc : crc32(part);
    const data = { length: isDeflated(part) ? part.size : part.length };
    const offset = out.length;
    out.u32(0x04034b50);
    out.u16(20);
    out.u16(0x0800); // UTF-8 names
    out.u16(8);
    out.u16(time);
    out.u16(date);
    out.u32(crc);
    out.u32(compressed.length);
    out.u32(data.length);
    out.u16(nameBytes.length);
    out.u16(0);
    out.bytes(nameBytes);
    out.bytes(compressed);
    const rec = new Out();
    rec.u32(0x02014b50);
    rec.u16(20);
    rec.u16(20);
    rec.u16(0x0800);
    rec.u16(8);
    rec.u16(time);
    rec.u16(date);
    rec.u32(crc);
    rec.u32(compressed.length);
    rec.u32(data.length);
    rec.u16(nameBytes.length);
    rec.u16(0);
    rec.u16(0);
    rec.u16(0);
    rec.u16(0);
    rec.u32(0);
    rec.u32(offset);
    rec.bytes(nameBytes);
    central.push({ record: rec.result(), offset: -1 });
  };
  const done = new Set<string>();
  for (const e of zip.entries) {
    if (removed.has(e.name)) continue;
    const data = replaced.get(e.name);
    done.add(e.name);
    if (data) {
      writeNew(e.name, data);
      continue;
    }
    const { end } = zip.span(e);
    const offset = out.length;
    out.bytes(zip.bytes.subarray(e.localOffset, end));
    central.push({ record: e.central, offset });
  }
  for (const [name, data] of replaced) if (!done.has(name)) writeNew(name, data);

  const cdStart = out.length;
  for (const c of central) {
    if (c.offset < 0) {
      out.bytes(c.record);
      continue;
    }
    const rec = c.record.slice();
    rec[42] = c.offset & 0xff;
    rec[43] = (c.offset >>> 8) & 0xff;
    rec[44] = (c.offset >>> 16) & 0xff;
    rec[45] = (c.offset >>> 24) & 0xff;
    out.bytes(rec);
  }
  const cdSize = out.length - cdStart;
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(central.length);
  out.u16(central.length);
  out.u32(cdSize);
  out.u32(cdStart);
  const commentBytes = encoder.encode(comment);
  out.u16(commentBytes.length);
  out.bytes(commentBytes);
  return out.result();
}
