/**
 * Files for the command line: what is read (regular files only, folders walked, every file that cannot
 * be read said so), what is written (never over an input, never over a workbook the product did not
 * write, always through a temporary file in the same folder renamed into place).
 */
import { promises as fs, constants, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type CliText, type Problem } from './messages';
import { PRODUCT_MARK, ZipReader } from '../xlsx/package/zip';
import { type Sniffed, problemOf, sniff } from '../xlsx/problems';

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
const WORKBOOK = /\.(xlsx|xlsm|xlsb|xls|et|ods|docx|doc|wps)$/i;

/** Files and folders → files (folders recursively, in a stable order); what cannot be read is said. */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: Input[]; skipped: Skipped[] }> {
  const files: Input[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  /** Folders walked, by device and inode: a link back up (a loop, two links to ".") is followed once. */
  const walked = new Set<string>();
  const add = async (given: string, fromFolder: boolean) => {
    let st;
    try {
      st = await fs.stat(given);
    } catch (e) {
      skipped.push({ given, problem: code(e) === 'ENOENT' ? 'notFound' : 'unreadable', detail: code(e) === 'ENOENT' ? undefined : short(e) });
      return;
    }
    if (st.isDirectory()) {
      const key = `${st.dev}:${st.ino}`;
      if (walked.has(key)) return;
      walked.add(key);
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

/** Why a write failed, in the user's words where the system says something they can act on (a full disk). */
export function writeError(t: CliText, target: string, e: unknown): string {
  const c = code(e);
  const cause = c !== undefined && c in t.writeCause ? t.writeCause[c as keyof CliText['writeCause']] : undefined;
  return t.writeFailed(target, cause ? `${cause} ${c}` : short(e));
}

/** Standard output named as a file (/dev/stdout and its kin): written as "-" is. */
export function asStdout(target: string | undefined): string | undefined {
  return target !== undefined && ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'].includes(path.resolve(target)) ? '-' : target;
}

export { type Sniffed, problemOf, sniff };

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
 * An .xls, .et or .ods read through LibreOffice is written as .xlsx (what the copy is) — as a.xls.xlsx
 * where an a.xlsx beside it takes a.xlsx.
 */
export function mirrored(inputs: readonly Input[], outDir: string): Map<Input, string> {
  const base = commonParent(inputs.map((i) => i.given));
  const plain = new Map(inputs.map((i) => [i, path.join(outDir, path.relative(base, path.resolve(i.given)))]));
  const taken = new Set([...plain.values()].map((p) => p.toLowerCase()));
  return new Map(
    inputs.map((i) => {
      const p = plain.get(i) ?? '';
      if (!CONVERTED.test(p)) return [i, p];
      const renamed = p.replace(CONVERTED, '.xlsx');
      return [i, taken.has(renamed.toLowerCase()) ? `${p}.xlsx` : renamed];
    }),
  );
}

const CONVERTED = /\.(xlsb|xls|et|ods)$/i;

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

/** The first and last bytes of a file (a report is recognised by them without reading it whole). */
async function headAndTail(file: string, n: number): Promise<{ head: string; tail: string } | null> {
  let handle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = await handle.stat();
    if (!st.isFile()) return null;
    const head = new Uint8Array(Math.min(n, st.size));
    const tail = new Uint8Array(Math.min(n, st.size));
    await handle.read(head, 0, head.length, 0);
    await handle.read(tail, 0, tail.length, st.size - tail.length);
    const dec = new TextDecoder('utf-8');
    return { head: dec.decode(head), tail: dec.decode(tail) };
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** A JSON report as the product writes it: a check report (an array of entries) or a summary's. */
function isOurReport(head: string, tail: string): boolean {
  if (/^\[\]\s*$/.test(head)) return true; // an empty report: nothing in it to lose
  return (head.startsWith('[\n  {\n    "file": ') && tail.endsWith('\n]\n')) || (head.startsWith('{\n  "tables": [') && tail.endsWith('\n}\n'));
}

/** What an existing file is: a workbook the product wrote, a report it wrote, another workbook, or something else. */
async function existingKind(file: string): Promise<'ours' | 'ourReport' | 'workbook' | 'other'> {
  const ends = await headAndTail(file, 64);
  if (ends && isOurReport(ends.head, ends.tail)) return 'ourReport';
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
  readonly refusal: 'isInput' | 'notOurs' | 'notOurFile' | 'samePlace';
  readonly other?: string;
}

/**
 * Where output goes as a stream, never through a temporary file renamed over it: standard output ("-"),
 * /dev/stdout and its kin, a terminal, a pipe. Anything else (a block device) is no place for a report.
 */
export async function isStreamTarget(target: string): Promise<boolean> {
  if (target === '-') return true;
  const st = await fs.stat(target).catch(() => null);
  if (st && (st.isCharacterDevice() || st.isFIFO() || st.isSocket())) return true;
  // /dev/stdout redirected to a file is a link into /proc: written through, never replaced.
  return /^\/(dev|proc)\//.test(path.resolve(target)) && !!st?.isFile();
}

/**
 * Outputs that would overwrite an input (links resolved), one another, or an existing file the product
 * did not write: a workbook may replace one the product wrote (its package carries the mark), a report
 * one the product wrote (as it writes them); nothing else is replaced, workbook or not.
 */
export async function refusedOutputs(outputs: readonly Output[], inputs: readonly Input[]): Promise<OutputCheck[]> {
  const out: OutputCheck[] = [];
  const inputReal = new Set(inputs.map((i) => i.real));
  const taken = new Map<string, string>();
  for (const { path: target, kind } of outputs) {
    const real = await realTarget(target);
    if (inputReal.has(real) || inputReal.has(await fs.realpath(target).catch(() => real))) {
      out.push({ target, refusal: 'isInput' });
      continue;
    }
    if (await isStreamTarget(target)) continue;
    const before = taken.get(real);
    if (before !== undefined) {
      out.push({ target, refusal: 'samePlace', other: before });
      continue;
    }
    taken.set(real, target);
    const st = await fs.stat(real).catch(() => null);
    if (!st) continue;
    if (!st.isFile()) {
      out.push({ target, refusal: 'notOurFile' });
      continue;
    }
    const found = await existingKind(real);
    if (kind === 'workbook' ? found === 'ours' : found === 'ourReport') continue;
    out.push({ target, refusal: found === 'workbook' ? 'notOurs' : 'notOurFile' });
  }
  return out;
}

/** Temporary files and folders being written: removed if the process is interrupted (see removeTemporaries). */
const live = new Set<string>();
/** Child processes (LibreOffice), by process group: ended if the process is interrupted. */
const children = new Set<number>();

export function holdTemporary(p: string): () => void {
  live.add(p);
  return () => live.delete(p);
}

export function holdChild(pid: number): () => void {
  children.add(pid);
  return () => children.delete(pid);
}

/** Ends the children and removes every temporary file still being written (on SIGINT / SIGTERM): nothing partial is left. */
export function removeTemporaries(): void {
  for (const pid of children) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
  for (const f of live) {
    try {
      rmSync(f, { recursive: true, force: true });
    } catch {
      // already gone
    }
  }
  live.clear();
}

/**
 * A temporary file beside the target, created exclusively (O_EXCL: never an existing file, never through
 * a link someone planted), with a short name (a target name of 255 bytes still has room).
 */
async function createTemporary(target: string): Promise<{ tmp: string; handle: fs.FileHandle }> {
  const dir = path.dirname(path.resolve(target));
  await makeFolder(dir);
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, `.selfeval-${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await fs.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
      live.add(tmp);
      return { tmp, handle };
    } catch (e) {
      if (code(e) !== 'EEXIST' || attempt >= 16) throw e;
    }
  }
}

/** A folder and those above it; a failure is the real one (a recursive mkdir says ENOENT on a read-only disk). */
async function makeFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    const up = path.dirname(dir);
    if (up === dir || code(e) !== 'ENOENT') throw e;
    await makeFolder(up);
    await fs.mkdir(dir).catch((again: unknown) => {
      if (code(again) !== 'EEXIST') throw again;
    });
  }
}

async function discard(tmp: string, handle: fs.FileHandle): Promise<void> {
  await handle.close().catch(() => undefined);
  await fs.rm(tmp, { force: true });
  live.delete(tmp);
}

/** Writes a stream target (standard output's file, a pipe, a terminal) in place, appending. */
async function writeStream(target: string, pieces: Iterable<Uint8Array | string>): Promise<void> {
  if (target === '-') {
    for (const p of pieces) await new Promise<void>((resolve, reject) => process.stdout.write(p, (e) => (e ? reject(e) : resolve())));
    return;
  }
  const handle = await fs.open(target, 'a');
  try {
    for (const p of pieces) await handle.writeFile(p);
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file through a temporary one in the same folder, renamed into place: a copy is never
 * half-written, and a failure (a full disk, a read-only folder, an interruption) leaves nothing behind.
 * The data may come in pieces (a package written part by part).
 */
export async function writeAtomically(target: string, data: Uint8Array | string | Iterable<Uint8Array>): Promise<void> {
  const pieces: Iterable<Uint8Array | string> = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
  if (await isStreamTarget(target)) return writeStream(target, pieces);
  const { tmp, handle } = await createTemporary(target);
  try {
    for (const p of pieces) await handle.writeFile(p);
    await handle.close();
    await fs.rename(tmp, target);
    live.delete(tmp);
  } catch (e) {
    await discard(tmp, handle);
    throw e;
  }
}

/** A file written piece by piece (a report of thousands of tables), then renamed into place. */
export class AtomicStream {
  private constructor(
    private readonly target: string,
    private readonly tmp: string | null,
    private readonly handle: fs.FileHandle,
  ) {}

  static async open(target: string): Promise<AtomicStream> {
    if (await isStreamTarget(target)) return new AtomicStream(target, null, await fs.open(target, 'a'));
    const { tmp, handle } = await createTemporary(target);
    return new AtomicStream(target, tmp, handle);
  }

  async write(text: string): Promise<void> {
    await this.handle.writeFile(text);
  }

  async commit(): Promise<void> {
    await this.handle.close();
    if (this.tmp === null) return;
    await fs.rename(this.tmp, this.target);
    live.delete(this.tmp);
  }

  async abandon(): Promise<void> {
    if (this.tmp === null) {
      await this.handle.close().catch(() => undefined);
      return;
    }
    await discard(this.tmp, this.handle);
  }
}
