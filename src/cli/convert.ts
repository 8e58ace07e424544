/**
 * .xls, .et and .ods workbooks, converted to .xlsx by LibreOffice headless when it is installed (`soffice` on
 * the PATH): in a temporary folder of its own, with a profile of its own, under a time limit. The user's
 * file is only read; the temporary folder goes afterwards, whatever happens.
 */
import { execFile } from 'node:child_process';
import { promises as fs, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem } from './messages';
import { short } from './files';

const TIMEOUT_MS = 120_000;

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
export type Convertible = 'xls' | 'et' | 'ods' | 'doc' | 'wps';

export async function convertWithLibreOffice(from: Convertible, bytes: Uint8Array): Promise<{ bytes: Uint8Array } | { problem: Problem; detail?: string }> {
  const soffice = await findSoffice();
  if (!soffice) return { problem: from };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-convert-'));
  try {
    const ext = `.${from}`;
    const to = from === 'doc' || from === 'wps' ? 'docx' : 'xlsx';
    const input = path.join(dir, `in${ext}`);
    await fs.writeFile(input, bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', to, '--outdir', dir, input],
        { timeout: TIMEOUT_MS, windowsHide: true },
        (err) => (err ? reject(err) : resolve()),
      );
    });
    const out = path.join(dir, `in.${to}`);
    try {
      return { bytes: new Uint8Array(await fs.readFile(out)) };
    } catch {
      return { problem: 'convertFailed' };
    }
  } catch (e) {
    return { problem: 'convertFailed', detail: short(e) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
