/**
 * `selfeval fill <files>... --out DIR`: 填写计算值 on copies — 执行率, 执行率得分, the 总分 row's 分值 and
 * 得分, 评分等级 filled where blank or wrong, nothing else — printing each change (cell, before, after)
 * and what was not filled and why. The copy keeps the old values for `selfeval fill --undo` (撤销填写),
 * which puts them back where a cell still holds what was filled. Outputs are made safe before anything is
 * written. Exit 0, or 2 when a file could not be read or written or an output was refused.
 */
import { promises as fs } from 'node:fs';
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import type { CellValue } from '../core/grid';
import { showCell } from '../core/numbers';
import { shownBefore, skipMessage, targetName } from '../core/annotate/fillIn';
import { keptText } from '../core/annotate/undoText';
import { fillComputed, undoFills } from '../xlsx/annotate';
import type { XlsxWorkbook } from '../xlsx/workbook';
import { CLI_TEXT } from './messages';
import { expandInputs, mirrored, refusedOutputs, writeAtomically, writeError } from './files';
import { openWorkbookFile, readFailure } from './open';
import type { Io } from './main';

/** As the cell shows it, in its number format (a rate under "0.00%" is 95.81%, not 0.9581). */
const shown = (v: CellValue, format: string | undefined, lang: Lang) => showCell(v, format) || (lang === 'en' ? '(blank)' : '（空）');

/**
 * Each input opened and handed to `work`, its copy written under `outDir`; outputs refused before anything
 * is written. `work` returns what to print once the copy is written.
 */
async function eachCopy(inputs: readonly string[], outDir: string, lang: Lang, io: Io, work: (wb: XlsxWorkbook, given: string, target: string) => Promise<string[]>): Promise<number> {
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
    let lines: string[];
    try {
      lines = await work(opened.wb, input.given, target);
    } catch (e) {
      // A workbook found broken while it is read (a part, a sheet, a cell): said as such, the batch goes on.
      const why = readFailure(e, lang);
      io.printError(t.skipped(input.given, t.problem[why.problem](why.detail)));
      code = 2;
      continue;
    }
    try {
      await writeAtomically(target, opened.wb.save());
      for (const l of lines) io.print(l);
    } catch (e) {
      io.printError(writeError(t, target, e));
      code = 2;
    }
  }
  return code;
}

export async function runFill(inputs: readonly string[], outDir: string, lang: Lang, options: CheckOptions, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  return eachCopy(inputs, outDir, lang, io, async (wb, given, target) => {
    const sheets = await fillComputed(wb, { ...options, lang });
    const n = sheets.filter((s) => s.written).reduce((a, s) => a + s.plan.changes.length, 0);
    const lines = [t.filled(given, n, target)];
    for (const { plan, written } of sheets) {
      if (!written && plan.changes.length) lines.push(`  ${t.protectedSheet(plan.sheet)}`);
      for (const c of plan.changes) lines.push(`  [${plan.sheet}] ${c.cell.padEnd(6)} ${c.project} ${targetName(c.target, lang)}：${shownBefore(c, lang)} → ${shown(c.after, c.beforeFormat, lang)}`);
      for (const s of plan.skipped) lines.push(`  [${plan.sheet}] ${skipMessage(s, lang)}`);
    }
    return lines;
  });
}

/** `selfeval fill --undo`: 撤销填写 on copies; the cells the clerk changed after the fill are named and kept. */
export async function runUndoFill(inputs: readonly string[], outDir: string, lang: Lang, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  return eachCopy(inputs, outDir, lang, io, async (wb, given, target) => {
    const sheets = await undoFills(wb);
    const n = sheets.reduce((a, s) => a + s.restored, 0);
    const lines = [n ? t.undone(given, n, target) : t.undoneNothing(given, target)];
    for (const s of sheets) {
      if (!s.written) lines.push(`  ${t.protectedSheet(s.sheet)}`);
      else if (s.kept.length) lines.push(`  [${s.sheet}] ${keptText(s.kept, lang)}`);
    }
    return lines;
  });
}
