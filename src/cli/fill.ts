/**
 * `selfeval fill <files>... --out DIR`: 填写计算值 on copies — 执行率, 执行率得分, the 总分 row's 分值 and
 * 得分, 评分等级 filled where blank or wrong, nothing else — printing each change (cell, before, after)
 * and what was not filled and why. The copy keeps the old values for `selfeval clear`. Outputs are made
 * safe before anything is written. Exit 0, or 2 when a file could not be read or written or an output was
 * refused.
 */
import { promises as fs } from 'node:fs';
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import type { CellValue } from '../core/grid';
import { showCell } from '../core/numbers';
import { skipMessage, targetName } from '../core/annotate/fillIn';
import { fillComputed } from '../xlsx/annotate';
import { CLI_TEXT } from './messages';
import { expandInputs, mirrored, refusedOutputs, writeAtomically, writeError } from './files';
import { openWorkbookFile, readFailure } from './open';
import type { Io } from './main';

/** As the cell shows it, in its number format (a rate under "0.00%" is 95.81%, not 0.9581). */
const shown = (v: CellValue, format: string | undefined, lang: Lang) => showCell(v, format) || (lang === 'en' ? '(blank)' : '（空）');

export async function runFill(inputs: readonly string[], outDir: string, lang: Lang, options: CheckOptions, io: Io): Promise<number> {
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
    let sheets;
    try {
      sheets = await fillComputed(opened.wb, { ...options, lang });
    } catch (e) {
      const why = readFailure(e, lang);
      io.printError(t.skipped(input.given, t.problem[why.problem](why.detail)));
      code = 2;
      continue;
    }
    try {
      await writeAtomically(target, opened.wb.save());
      const n = sheets.filter((s) => s.written).reduce((a, s) => a + s.plan.changes.length, 0);
      io.print(t.filled(input.given, n, target));
      for (const { plan, written } of sheets) {
        if (!written && plan.changes.length) io.print(`  ${t.protectedSheet(plan.sheet)}`);
        for (const c of plan.changes) io.print(`  [${plan.sheet}] ${c.cell.padEnd(6)} ${c.project} ${targetName(c.target, lang)}：${shown(c.before, c.beforeFormat, lang)} → ${shown(c.after, c.beforeFormat, lang)}`);
        for (const s of plan.skipped) io.print(`  [${plan.sheet}] ${skipMessage(s, lang)}`);
      }
    } catch (e) {
      io.printError(writeError(t, target, e));
      code = 2;
    }
  }
  return code;
}
