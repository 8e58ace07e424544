/**
 * `selfeval check <file.xlsx>... [--json report.json] [--out DIR] [--lang zh|en]`
 * Exit 0: no error-level finding; 1: at least one; 2: a file could not be read (the others are checked).
 */
import path from 'node:path';
import type { Lang } from '../core/findings';
import { type ReportEntry, type TableReport, type UnrecognisedReport, Reports } from '../core/report';
import type { CheckOptions } from '../core/check/result';
import { checkEachTable, openWorkbook } from '../xlsx/read';
import { checkAndAnnotate } from '../xlsx/annotate';
import { NODE_XLSX } from './zlib';
import { readFileBytes, sameFile, writeAtomically } from './files';
import { formatFile, formatTotals } from './format';

export interface CheckRun {
  readonly files: readonly string[];
  readonly json?: string;
  readonly out?: string;
  readonly lang: Lang;
  readonly options: CheckOptions;
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
}

export interface CheckOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly tables: TableReport[];
  readonly unrecognised: UnrecognisedReport[];
  readonly written: string[];
}

export async function runCheck(run: CheckRun): Promise<CheckOutcome> {
  const all: TableReport[] = [];
  const entries: ReportEntry[] = [];
  const allUnrecognised: UnrecognisedReport[] = [];
  const written: string[] = [];
  let unreadable = false;
  for (const file of run.files) {
    const name = path.basename(file);
    let wb;
    try {
      wb = await openWorkbook(await readFileBytes(file), NODE_XLSX);
    } catch (e) {
      unreadable = true;
      run.printError(run.lang === 'en' ? `${file}: cannot read this workbook (${reason(e)})` : `${file}：无法读取该工作簿（${reason(e)}）`);
      continue;
    }
    const reports = new Reports(name, run.lang);
    if (run.out) {
      const target = path.join(run.out, name);
      if (sameFile(target, file)) {
        run.printError(run.lang === 'en' ? `${file}: --out would overwrite the input; choose another folder` : `${file}：--out 目录与原文件相同，会覆盖原文件，请换一个目录`);
        unreadable = true;
        continue;
      }
      for (const o of await checkAndAnnotate(wb, { ...run.options, lang: run.lang })) reports.sheetDone(o.result);
      await writeAtomically(target, wb.save());
      written.push(target);
    } else {
      // Table by table: each becomes a report line as soon as it is checked, and is not kept.
      await checkEachTable(wb, { table: (_sheet, t) => reports.table(t), sheet: (s) => reports.sheetDone(s) }, run.options);
    }
    const { tables, unrecognised } = reports;
    all.push(...tables);
    allUnrecognised.push(...unrecognised);
    entries.push(...reports.entries);
    if (run.json !== '-') run.print(formatFile(file, tables, unrecognised, run.lang));
  }
  // `--json -` puts the report on standard output, for scripts; the text then stays out of the way.
  if (run.json === '-') run.print(JSON.stringify(entries, null, 2));
  else {
    run.print(formatTotals(all, allUnrecognised, run.lang));
    if (run.json) await writeAtomically(run.json, JSON.stringify(entries, null, 2) + '\n');
  }
  // A region that could not be read is never passed over as clean.
  const hasError = all.some((t) => t.findings.some((f) => f.severity === 'error')) || allUnrecognised.length > 0;
  return { exitCode: unreadable ? 2 : hasError ? 1 : 0, tables: all, unrecognised: allUnrecognised, written };
}

function reason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0]!.slice(0, 160);
}
