/**
 * `selfeval summary <files or folders>... -o summary.xlsx [--json summary.json] [--sort KEY] [--sentence FORM]`
 * Recurses into folders; a workbook that cannot be read is listed in the summary with what it is and
 * what to do, and the run goes on. Outputs are made safe before anything is written. Exit 0 when every
 * workbook was read and the summary written (errors in tables are in the sheet, not the exit code); 2 when
 * a workbook could not be read (the summary is still written, naming it) or the summary could not be.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import { type SentenceForm, type SortKey, type WorkbookInput, buildSummary, summaryJson } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import { supervisorLines } from '../core/supervisors';
import { summariseWorkbook } from '../xlsx/summaryInput';
import { ZipReader, writePackage } from '../xlsx/package/zip';
import { CLI_TEXT } from './messages';
import { asStdout, expandInputs, refusedOutputs, writeAtomically, writeError } from './files';
import { openWorkbookFile, readFailure } from './open';
import { nodeDeflateRaw } from './zlib';
import type { Io } from './main';
import { documentEntries, isDocumentPath, openDocumentFile } from './document';

export interface SummaryRun {
  readonly inputs: readonly string[];
  readonly output: string;
  readonly json?: string;
  readonly sort: SortKey;
  readonly sentence?: SentenceForm;
  readonly lang: Lang;
  readonly options: CheckOptions;
}

/** One workbook on disk → what the summary needs; never throws. */
export async function summariseFile(file: string, display: string, lang: Lang, options: CheckOptions): Promise<WorkbookInput> {
  const t = CLI_TEXT[lang];
  if (isDocumentPath(file)) {
    // A report's tables count as a workbook's, each under its name (表1, 表2…).
    const doc = await openDocumentFile(file);
    if ('problem' in doc) return { file: display, status: 'unreadable', detail: t.problem[doc.problem](doc.detail), tables: [] };
    const tables = documentEntries(display, doc.doc, lang, options).tables.filter((e) => e.kind !== 'unrecognised');
    return { file: display, status: tables.length ? 'ok' : 'noTables', tables, sheets: doc.doc.tables.map((g) => g.name) };
  }
  const opened = await openWorkbookFile(file, lang);
  if ('problem' in opened) return { file: display, status: 'unreadable', detail: t.problem[opened.problem](opened.detail), tables: [] };
  try {
    // Copied out as plain data: strings read from the package are often slices of its large texts, and
    // would keep them alive for the whole run (memory growing with the number of files).
    return JSON.parse(JSON.stringify(await summariseWorkbook(opened.wb, display, lang, options))) as WorkbookInput;
  } catch (e) {
    const why = readFailure(e, lang);
    return { file: display, status: 'unreadable', detail: t.problem[why.problem](why.detail), tables: [] };
  }
}

export async function runSummary(given: SummaryRun, io: Io): Promise<number> {
  const run = { ...given, json: asStdout(given.json) };
  const t = CLI_TEXT[run.lang];
  const { files, skipped } = await expandInputs(run.inputs);
  const refused = await refusedOutputs([{ path: run.output, kind: 'workbook' }, ...(run.json ? [{ path: run.json, kind: 'report' as const }] : [])], files);
  const outIsFolder = await fs.stat(run.output).then((s) => s.isDirectory()).catch(() => false);
  if (refused.length || outIsFolder) {
    for (const r of refused) io.printError(t.refusal[r.refusal](r.target, r.other));
    if (outIsFolder) io.printError(t.needsOut('summary'));
    io.printError(t.nothingWritten);
    return 2;
  }
  if (!files.length && !skipped.length) {
    io.printError(t.noWorkbooks);
    return 2;
  }
  const inputs: WorkbookInput[] = skipped.map((s) => ({ file: s.given, status: 'unreadable' as const, detail: t.problem[s.problem](s.detail), tables: [] }));
  const every = Math.max(1, Math.ceil(files.length / 20));
  const started = Date.now();
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    inputs.push(await summariseFile(file.real, file.given, run.lang, run.options));
    if (files.length >= 20 && ((i + 1) % every === 0 || i + 1 === files.length)) io.printError(t.progress(i + 1, files.length, ((Date.now() - started) / 1000).toFixed(1)));
  }
  const summary = buildSummary(inputs, { sort: run.sort, lang: run.lang, sentence: run.sentence });
  const outDir = path.dirname(path.resolve(run.output));
  // ExcelJS (for the new summary workbook) loads only here: `check` and `clear` start without it.
  const [{ default: ExcelJS }, { summaryChart, writeSummarySheet }, { addBarChart }] = await Promise.all([import('exceljs'), import('../xlsx/summary'), import('../xlsx/chart')]);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'selfeval';
  const layout = summaryLayout(summary, { lang: run.lang, withFile: true });
  writeSummarySheet(wb, layout, (file) => encodeURI(path.relative(outDir, path.resolve(file)).split(path.sep).join('/')));
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  const chart = summaryChart(layout);
  if (chart) bytes = await addBarChart(bytes, chart);
  // The package carries the product's mark, so that a later summary may replace it.
  bytes = writePackage(new ZipReader(bytes), new Map(), new Set(), nodeDeflateRaw);
  const json = run.json ? JSON.stringify(summaryJson(summary), null, 2) + '\n' : '';
  let writing = run.output;
  try {
    await writeAtomically(run.output, bytes);
    if (run.json && run.json !== '-') {
      writing = run.json;
      await writeAtomically(run.json, json);
    }
  } catch (e) {
    io.printError(writeError(t, writing, e));
    return 2;
  }
  const unreadable = summary.workbooks.some((w) => w.status === 'unreadable');
  if (run.json === '-') {
    // The report alone on standard output, for scripts; the rest on standard error.
    io.print(json.trimEnd());
    io.printError(t.summaryAt(run.output));
    return unreadable ? 2 : 0;
  }

  // The workbook itself on standard output (-o -): what is said goes to standard error.
  const say = run.output === '-' ? io.printError : io.print;
  say(summary.sentence.recomputed);
  if (summary.shownDiffers) say(`${t.byShown}${summary.sentence.shown}`);
  if (summary.departmentSentence) say(summary.departmentSentence);
  if (summary.fullMarksSentence) say(summary.fullMarksSentence);
  if (summary.duplicates) say(t.duplicates(summary.duplicates));
  for (const l of supervisorLines(summary.byDepartment, summary.sendBack, run.lang)) say(l);
  const why = { unreadable: '', empty: run.lang === 'en' ? 'empty workbook' : '空工作簿', noTables: run.lang === 'en' ? 'no self-evaluation table' : '未找到绩效自评表', ok: '' } as const;
  for (const w of summary.workbooks.filter((x) => x.status !== 'ok')) say(`  ${t.skipped(w.file, w.status === 'unreadable' ? (w.detail ?? '') : why[w.status])}`);
  say(t.summaryAt(run.output));
  if (run.json) say(t.jsonAt(run.json));
  // The summary is written either way; a workbook it could not read is in it, and in the exit code.
  return unreadable ? 2 : 0;
}
