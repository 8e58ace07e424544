/**
 * `selfeval clear <files>... --out DIR`: 清除标记 on copies (the inputs' folders mirrored under DIR).
 * Outputs are made safe before anything is written; a file that cannot be read is said so and the
 * others go on. Exit 0, or 2 when a file could not be read or written or an output was refused.
 */
import { promises as fs } from 'node:fs';
import type { Lang } from '../core/findings';
import { clearMarks } from '../xlsx/annotate';
import { CLI_TEXT } from './messages';
import { expandInputs, mirrored, refusedOutputs, writeAtomically, writeError } from './files';
import { openWorkbookFile, readFailure } from './open';
import type { Io } from './main';

export async function runClear(inputs: readonly string[], outDir: string, lang: Lang, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  const st = await fs.stat(outDir).catch(() => null);
  if (st && !st.isDirectory()) {
    io.printError(t.refusal.outIsFile(outDir));
    io.printError(t.nothingWritten);
    return 2;
  }
  const { files, skipped } = await expandInputs(inputs);
  const targets = mirrored(files, outDir);
  const refused = await refusedOutputs([...targets.values()].map((p) => ({ path: p, kind: 'workbook' as const })), files);
  if (refused.length) {
    for (const r of refused) io.printError(t.refusal[r.refusal](r.target, r.other));
    io.printError(t.nothingWritten);
    return 2;
  }
  let code = 0;
  for (const s of skipped) {
    io.printError(t.skipped(s.given, t.problem[s.problem](s.detail)));
    code = 2;
  }
  for (const input of files) {
    const target = targets.get(input)!;
    const opened = await openWorkbookFile(input.real, lang);
    if ('problem' in opened) {
      io.printError(t.skipped(input.given, t.problem[opened.problem](opened.detail)));
      code = 2;
      continue;
    }
    let r;
    try {
      r = await clearMarks(opened.wb);
    } catch (e) {
      const why = readFailure(e, lang);
      io.printError(t.skipped(input.given, t.problem[why.problem](why.detail)));
      code = 2;
      continue;
    }
    try {
      await writeAtomically(target, opened.wb.save());
    } catch (e) {
      io.printError(writeError(t, target, e));
      code = 2;
      continue;
    }
    io.print(r.cleared.length ? t.cleared(input.given, r.cleared.length, target) : t.clearedNothing(input.given, target));
    if (r.filledKept) io.print(t.filledKept(r.filledKept));
    if (r.protected.length) io.printError(t.lockedSheets(input.given, r.protected.join('、')));
  }
  return code;
}
