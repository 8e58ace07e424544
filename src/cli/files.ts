/**
 * Files for the command line: what is read (regular files only, folders walked, every file that cannot
 * be read said so), what is written (never over an input, never over a workbook the product did not
 * write, always through a temporary file in the same folder renamed into place).
 */
import { promises as fs, constants } from 'node:fs';
import path from 'node:path';
import { type Problem } from './messages';
import { PRODUCT_MARK, ZipReader } from '../xlsx/package/zip';

/** The largest file read at all: a self-evaluation workbook is a few megabytes. */
export const MAX_FILE_BYTES = 512 << 20;

export interface Input {
  /** The path as the user gave it (or as found in a folder they gave). */
  readonly given: string;
  /** The real path, links resolved. */
  readonly real: string;
}

export interface Skipped {
  readonly given: string;
  readonly problem: Problem;
  readonly detail?: string;
}

/** Extensions a folder walk takes: workbooks the product reads, and those it must say it cannot; reports (.txt only when named). */
const WORKBOOK = /\.(xlsx|xlsm|xls|et|ods|docx|doc|wps)$/i;

/** Files and folders → files (folders recursively, in a stable order); what cannot be read is said. */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: Input[]; skipped: Skipped[] }> {
  const files: Input[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const add = async (given: string, fromFolder: boolean) => {
    let st;
    try {
      st = await fs.stat(given);
    } catch (e) {
      skipped.push({ given, problem: code(e) === 'ENOENT' ? 'notFound' : 'unreadable', detail: code(e) === 'ENOENT' ? undefined : short(e) });
      return;
    }
    if (st.isDirectory()) {
      await walk(given);
      return;
    }
    if (!st.isFile()) {
      skipped.push({ given, problem: 'notRegular' });
      return;
    }
    if (fromFolder && !WORKBOOK.test(given)) return;
    const real = await fs.realpath(given);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ given, real });
  };
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ given: dir, problem: 'unreadableFolder', detail: short(e) });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('~$') || e.name.startsWith('.')) continue; // Office lock files, hidden files
      await add(path.join(dir, e.name), true);
    }
  };
  for (const i of inputs) await add(i, false);
  return { files, skipped };
}

export function code(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

export function short(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160);
}

/** What kind of file the bytes are, by their first bytes and a look inside. */
export type Sniffed = 'xlsx' | 'encrypted' | 'cfb' | 'ods' | 'zip' | 'brokenZip' | 'other';

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    try {
      const zip = new ZipReader(bytes);
      if (zip.has('[Content_Types].xml')) return 'xlsx';
      if (zip.has('mimetype') && zip.has('content.xml')) return 'ods';
    } catch {
      return 'brokenZip'; // a zip cut short or damaged: most likely a workbook that did not copy whole
    }
    return 'zip';
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An encrypted .xlsx is an OLE compound file holding an "EncryptionInfo" stream (its name in UTF-16).
    const name = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);
    return indexOf(bytes, name) >= 0 ? 'encrypted' : 'cfb';
  }
  return 'other';
}

function indexOf(hay: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= Math.min(hay.length, 1 << 20); i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The problem of a file that is no .xlsx package, by what it is. */
export function problemOf(kind: Sniffed, file: string): Problem {
  if (kind === 'encrypted') return 'encrypted';
  if (kind === 'cfb') return /\.et$/i.test(file) ? 'et' : 'xls';
  if (kind === 'ods') return 'ods';
  if (kind === 'brokenZip') return 'corrupt';
  return 'notWorkbook';
}

/** Reads a regular file of bounded size. */
export async function readInput(file: string): Promise<{ bytes: Uint8Array } | { problem: Problem; detail?: string }> {
  let handle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = await handle.stat();
    if (!st.isFile()) return { problem: 'notRegular' };
    if (st.size > MAX_FILE_BYTES) return { problem: 'tooLarge', detail: `${Math.round(st.size / 1048576)} MB` };
    const bytes = new Uint8Array(st.size);
    let off = 0;
    while (off < st.size) {
      const { bytesRead } = await handle.read(bytes, off, st.size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return { bytes: off === st.size ? bytes : bytes.subarray(0, off) };
  } catch (e) {
    return { problem: 'unreadable', detail: short(e) };
  } finally {
    await handle?.close();
  }
}

/** The common parent folder of some paths (absolute). */
export function commonParent(paths: readonly string[]): string {
  const dirs = paths.map((p) => path.dirname(path.resolve(p)).split(path.sep));
  const first = dirs[0] ?? [];
  let n = first.length;
  for (const d of dirs) {
    let k = 0;
    while (k < n && k < d.length && d[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

/**
 * Where the copy of each input goes under --out: the inputs' folders mirrored below their common parent.
 * An .xls, .et or .ods read through LibreOffice is written as .xlsx (what the copy is).
 */
export function mirrored(inputs: readonly Input[], outDir: string): Map<Input, string> {
  const base = commonParent(inputs.map((i) => i.given));
  return new Map(inputs.map((i) => [i, path.join(outDir, path.relative(base, path.resolve(i.given))).replace(/\.(xls|et|ods)$/i, '.xlsx')]));
}

/** The real path a file would have, its folders' links resolved (as far as they exist). */
async function realTarget(target: string): Promise<string> {
  const abs = path.resolve(target);
  let dir = path.dirname(abs);
  const tail: string[] = [path.basename(abs)];
  for (;;) {
    try {
      return path.join(await fs.realpath(dir), ...tail);
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return abs;
      tail.unshift(path.basename(dir));
      dir = up;
    }
  }
}

/** What an existing file is: a workbook the product wrote, another workbook, or something else. */
async function existingKind(file: string): Promise<'ours' | 'workbook' | 'other'> {
  const read = await readInput(file);
  if (!('bytes' in read)) return 'workbook'; // cannot be told: treated as the user's
  const kind = sniff(read.bytes);
  if (kind === 'other') return 'other';
  if (kind !== 'xlsx') return 'workbook';
  try {
    return new ZipReader(read.bytes).comment === PRODUCT_MARK ? 'ours' : 'workbook';
  } catch {
    return 'workbook';
  }
}

/** An output the command is about to write: a workbook (a copy, a summary) or a report (JSON). */
export interface Output {
  readonly path: string;
  readonly kind: 'workbook' | 'report';
}

export interface OutputCheck {
  readonly target: string;
  readonly refusal: 'isInput' | 'notOurs' | 'samePlace';
  readonly other?: string;
}

/**
 * Outputs that would overwrite an input (links resolved), one another, or an existing workbook the
 * product did not write. A report may replace an earlier report (any file that is no workbook), never a
 * workbook; a workbook may replace one the product wrote (an earlier summary or copy).
 */
export async function refusedOutputs(outputs: readonly Output[], inputs: readonly Input[]): Promise<OutputCheck[]> {
  const out: OutputCheck[] = [];
  const inputReal = new Set(inputs.map((i) => i.real));
  const taken = new Map<string, string>();
  for (const { path: target, kind } of outputs) {
    if (target === '-') continue;
    const real = await realTarget(target);
    if (inputReal.has(real)) {
      out.push({ target, refusal: 'isInput' });
      continue;
    }
    const before = taken.get(real);
    if (before !== undefined) {
      out.push({ target, refusal: 'samePlace', other: before });
      continue;
    }
    taken.set(real, target);
    const exists = await fs.stat(real).then((st) => st.isFile(), () => false);
    if (!exists) continue;
    const found = await existingKind(real);
    if (found === 'workbook' || (found === 'ours' && kind === 'report')) out.push({ target, refusal: 'notOurs' });
  }
  return out;
}

/**
 * Writes a file through a temporary one in the same folder, renamed into place: a copy is never
 * half-written, and a failure (a full disk, a read-only folder) leaves nothing behind.
 */
export async function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** A file written piece by piece (a report of thousands of tables), then renamed into place. */
export class AtomicStream {
  private constructor(
    private readonly target: string,
    private readonly tmp: string,
    private readonly handle: fs.FileHandle,
  ) {}

  static async open(target: string): Promise<AtomicStream> {
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    return new AtomicStream(target, tmp, await fs.open(tmp, 'w'));
  }

  async write(text: string): Promise<void> {
    await this.handle.write(text);
  }

  async commit(): Promise<void> {
    await this.handle.close();
    await fs.rename(this.tmp, this.target);
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await fs.rm(this.tmp, { force: true });
  }
}
