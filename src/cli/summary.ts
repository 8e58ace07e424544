/**
 * `selfeval summary <files or folders>... -o summary.xlsx [--json summary.json] [--sort KEY] [--lang zh|en]`
 * Recurses into folders; a workbook that cannot be read is listed in the summary as such and the run
 * goes on. Exit 0 when the summary was written (errors in tables are in the sheet, not the exit code).
 */
import path from 'node:path';
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import { type SortKey, type WorkbookInput, buildSummary, summaryJson } from '../core/summary';
import { summaryLayout } from '../core/summaryLayout';
import { summariseBytes } from '../xlsx/summaryInput';
import { expandInputs, readFileBytes, writeAtomically } from './files';
import { NODE_XLSX } from './zlib';
import type { Io } from './main';

export interface SummaryRun {
  readonly inputs: readonly string[];
  readonly output: string;
  readonly json?: string;
  readonly sort: SortKey;
  readonly lang: Lang;
  readonly options: CheckOptions;
}

/** Reads one workbook from disk into what the summary needs; never throws. */
export async function summariseFile(file: string, display: string, lang: Lang, options: CheckOptions): Promise<WorkbookInput> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file);
  } catch (e) {
    return { file: display, status: 'unreadable', detail: (e instanceof Error ? e.message : String(e)).split('\n')[0]!, tables: [] };
  }
  return summariseBytes(bytes, display, lang, options, NODE_XLSX);
}

export async function runSummary(run: SummaryRun, io: Io): Promise<number> {
  const files = await expandInputs(run.inputs);
  if (!files.length) {
    io.printError(run.lang === 'en' ? 'no .xlsx files found' : '没有找到 .xlsx 文件');
    return 2;
  }
  const outDir = path.dirname(path.resolve(run.output));
  const inputs: WorkbookInput[] = [];
  const every = Math.max(1, Math.ceil(files.length / 20));
  const started = Date.now();
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    inputs.push(await summariseFile(file, path.relative(process.cwd(), path.resolve(file)) || file, run.lang, run.options));
    if (files.length >= 20 && ((i + 1) % every === 0 || i + 1 === files.length)) {
      const s = ((Date.now() - started) / 1000).toFixed(1);
      io.printError(run.lang === 'en' ? `read ${i + 1}/${files.length} workbooks (${s} s)` : `已读取 ${i + 1}/${files.length} 个工作簿（${s} 秒）`);
    }
  }
  const summary = buildSummary(inputs, { sort: run.sort, lang: run.lang });
  // ExcelJS (for the new summary workbook) loads only here: `check` and `clear` start without it.
  const [{ default: ExcelJS }, { summaryChart, writeSummarySheet }, { addBarChart }] = await Promise.all([import('exceljs'), import('../xlsx/summary'), import('../xlsx/chart')]);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'selfeval';
  const layout = summaryLayout(summary, { lang: run.lang, withFile: true });
  writeSummarySheet(wb, layout, (file) => encodeURI(path.relative(outDir, path.resolve(file)).split(path.sep).join('/')));
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  const chart = summaryChart(layout);
  if (chart) bytes = await addBarChart(bytes, chart);
  await writeAtomically(run.output, bytes);
  if (run.json) await writeAtomically(run.json, JSON.stringify(summaryJson(summary), null, 2) + '\n');

  io.print(summary.sentence.recomputed);
  if (summary.shownDiffers) io.print(`${run.lang === 'en' ? 'By the shown totals: ' : '按表内总分：'}${summary.sentence.shown}`);
  for (const w of summary.workbooks.filter((x) => x.status !== 'ok')) {
    const why = { unreadable: run.lang === 'en' ? 'cannot be read' : '无法读取', empty: run.lang === 'en' ? 'empty workbook' : '空工作簿', noTables: run.lang === 'en' ? 'no self-evaluation table' : '未找到绩效自评表', ok: '' }[w.status];
    io.print(`  ${w.file}：${why}${w.detail ? `（${w.detail}）` : ''}`);
  }
  io.print(run.lang === 'en' ? `Summary: ${run.output}` : `汇总表：${run.output}`);
  if (run.json) io.print(run.lang === 'en' ? `JSON:    ${run.json}` : `JSON：${run.json}`);
  return 0;
}
