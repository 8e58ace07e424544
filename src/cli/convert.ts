/**
 * .xls, .et and .ods workbooks, converted to .xlsx by LibreOffice headless when it is installed (`soffice` on
 * the PATH): in a temporary folder of its own, with a profile of its own. The user's file is only read; the
 * temporary folder goes afterwards, whatever happens (an interruption included).
 *
 * The conversion is held to the package reader's limits: an .ods (a zip) is measured first, part by part
 * in bounded memory, as an .xlsx would be; while LibreOffice runs it has a time limit, and its output and
 * its memory are watched (it is stopped, with all its processes, past them); what it writes is then read
 * by the package reader under the same limits as any .xlsx.
 */
import { spawn } from 'node:child_process';
import { promises as fs, constants, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_LIMITS, ZipError, ZipReader } from '../xlsx/package/zip';
import { BrokenPackage } from '../xlsx/package/broken';
import type { Problem } from './messages';
import { MAX_FILE_BYTES, holdChild, holdTemporary, short } from './files';
import { nodeCrc32, nodeInflateRaw } from './zlib';

const TIMEOUT_MS = 120_000;
/** How often the running conversion is measured. */
const WATCH_MS = 250;
/** LibreOffice's own footprint is a few hundred megabytes; past the reader's total it is converting a bomb. */
const MAX_MEMORY_BYTES = DEFAULT_LIMITS.maxTotal;

/** The LibreOffice program on the PATH (soffice, or libreoffice), if any. */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of dirs) {
    for (const name of names) {
      const p = path.join(dir, name);
      try {
        await fs.access(p, constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** A workbook LibreOffice can turn into .xlsx: .xls, WPS's .et, OpenDocument's .ods; a .doc or .wps document into .docx. */
export type Convertible = 'xls' | 'et' | 'ods' | 'doc' | 'wps' | 'xlsb' | 'htmlXls' | 'xml2003';

/** The name the input is given and the import filter LibreOffice is told (an HTML table opens in Calc, not Writer). */
const INPUT: Readonly<Record<Convertible, { readonly ext: string; readonly filter?: string }>> = {
  xls: { ext: 'xls' },
  et: { ext: 'et' },
  ods: { ext: 'ods' },
  doc: { ext: 'doc' },
  wps: { ext: 'wps' },
  xlsb: { ext: 'xlsb' },
  htmlXls: { ext: 'html', filter: 'HTML (StarCalc)' },
  xml2003: { ext: 'xml', filter: 'MS Excel 2003 XML' },
};

type Converted = { bytes: Uint8Array } | { problem: Problem; detail?: string };

/** An .ods measured as the package reader measures an .xlsx: every part inflated and counted, nothing kept. */
async function odsProblem(bytes: Uint8Array): Promise<{ problem: Problem; detail?: string } | undefined> {
  try {
    const zip = new ZipReader(bytes, nodeInflateRaw, DEFAULT_LIMITS, nodeCrc32);
    for (const e of zip.entries) if (!e.name.endsWith('/')) await zip.stream(e.name, () => undefined);
    return undefined;
  } catch (e) {
    if (e instanceof ZipError && e.reason === 'tooLarge') return { problem: 'bomb', detail: e.message };
    if (e instanceof ZipError || e instanceof BrokenPackage) return { problem: 'corrupt', detail: e.message };
    return { problem: 'corrupt', detail: short(e) };
  }
}

export async function convertWithLibreOffice(from: Convertible, bytes: Uint8Array): Promise<Converted> {
  const soffice = await findSoffice();
  if (!soffice) return { problem: from };
  if (from === 'ods') {
    const problem = await odsProblem(bytes);
    if (problem) return problem;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-convert-'));
  const release = holdTemporary(dir);
  try {
    const to = from === 'doc' || from === 'wps' ? 'docx' : 'xlsx';
    const { ext, filter } = INPUT[from];
    const input = path.join(dir, `in.${ext}`);
    await fs.writeFile(input, bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', ...(filter ? [`--infilter=${filter}`] : []), '--convert-to', to, '--outdir', dir, input];
    const out = path.join(dir, `in.${to}`);
    const stopped = await runBounded(soffice, args, out);
    if (stopped) return stopped;
    const size = (await fs.stat(out).catch(() => null))?.size;
    if (size === undefined) return { problem: 'convertFailed' };
    if (size > MAX_FILE_BYTES) return { problem: 'bomb', detail: `${Math.round(size / 1048576)} MB` };
    return { bytes: new Uint8Array(await fs.readFile(out)) };
  } catch (e) {
    return { problem: 'convertFailed', detail: short(e) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    release();
  }
}

/**
 * Runs LibreOffice in a process group of its own, watched: past the time limit, an output larger than the
 * reader takes, or more memory than the reader may use, the whole group is stopped. Resolves to why it
 * was stopped, or undefined when it finished.
 */
function runBounded(program: string, args: readonly string[], output: string): Promise<{ problem: Problem; detail?: string } | undefined> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { detached: true, stdio: 'ignore', windowsHide: true });
    const pid = child.pid;
    const release = pid === undefined ? () => false : holdChild(pid);
    let verdict: { problem: Problem; detail?: string } | undefined;
    const stop = (why: { problem: Problem; detail?: string }) => {
      verdict ??= why;
      try {
        if (pid !== undefined) process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const started = Date.now();
    const watch = setInterval(() => {
      if (Date.now() - started > TIMEOUT_MS) stop({ problem: 'convertFailed', detail: `${TIMEOUT_MS / 1000} s` });
      const size = fileSize(output);
      if (size > MAX_FILE_BYTES) stop({ problem: 'bomb', detail: `${Math.round(size / 1048576)} MB` });
      const rss = pid === undefined ? 0 : groupMemory(pid);
      if (rss > MAX_MEMORY_BYTES) stop({ problem: 'bomb', detail: `${Math.round(rss / 1048576)} MB` });
    }, WATCH_MS);
    const done = (err?: Error) => {
      clearInterval(watch);
      release();
      resolve(verdict ?? (err ? { problem: 'convertFailed', detail: short(err) } : undefined));
    };
    child.once('error', done);
    child.once('exit', () => done());
  });
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The resident memory of a process group (Linux, from /proc); 0 where it cannot be told. */
function groupMemory(group: number): number {
  if (process.platform !== 'linux') return 0;
  let pages = 0;
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command's ")" : state ppid pgrp … rss is the 22nd of them.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group) pages += Number(fields[21]) || 0;
    } catch {
      // gone meanwhile
    }
  }
  return pages * 4096;
}
