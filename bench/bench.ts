/**
 * npm run bench — prints how long the engine takes and the memory it peaks at, beside the time ExcelJS
 * alone needs to load the same workbook. Each scenario runs in a fresh process so peaks are its own.
 *   engine-N   recognise + check N generated tables (stacked 100 to a sheet)
 *   exceljs-N  ExcelJS loading the .xlsx of those N tables
 */
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { checkSheet } from '../src/core/engine';
import type { CellValue, Grid } from '../src/core/grid';
import { loadWorkbook, workbookToGrids } from '../src/xlsx/read';
import { runSummary } from '../src/cli/summary';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const ROOT = path.resolve(__dirname, '..', '..');
const PER_SHEET = 100;

/** A template table from the real fixtures; figures varied per copy so every table is its own. */
async function template(): Promise<Grid> {
  const wb = await loadWorkbook(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed002.xlsx')));
  return workbookToGrids(wb)[0]!;
}

function generate(t: Grid, n: number): Grid[] {
  const sheets: Grid[] = [];
  for (let s = 0; s * PER_SHEET < n; s++) {
    const values: CellValue[][] = [];
    for (let k = s * PER_SHEET; k < Math.min(n, (s + 1) * PER_SHEET); k++) {
      const budget = 10 + (k % 997);
      t.values.forEach((row, r) => {
        values.push(
          row.map((v, c) => {
            if (r === 5 && (c === 3 || c === 4)) return c === 3 ? budget : budget - (k % 7);
            if (r === 2 && c === 1) return `项目 ${k + 1}`;
            return v;
          }),
        );
      });
      values.push([], []);
    }
    sheets.push({ name: `S${s + 1}`, values, merges: [] });
  }
  return sheets;
}

async function toXlsx(sheets: Grid[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const g of sheets) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = typeof v === 'object' ? null : (v as ExcelJS.CellValue);
    }));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const TABLES_PER_WORKBOOK = 20;

/** N workbooks of 20 tables each (stacked on one sheet), made once and kept in the temp folder. */
async function summaryCorpus(t: Grid, n: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `selfeval-bench-${n}x${TABLES_PER_WORKBOOK}-v1`);
  const done = path.join(dir, '.complete');
  if (existsSync(done)) return dir;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const sheets = generate(t, TABLES_PER_WORKBOOK).map((g) => ({ ...g, name: `单位${i + 1}` }));
    writeFileSync(path.join(dir, `单位${String(i + 1).padStart(4, '0')}.xlsx`), await toXlsx(sheets));
  }
  writeFileSync(done, '');
  return dir;
}

function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function scenario(name: string): Promise<Record<string, number | string>> {
  const [kind, nText] = name.split('-') as [string, string];
  const n = Number(nText);
  const t = await template();
  const sheets = generate(t, n);
  if (kind === 'engine') {
    const baseline = peakMb();
    const start = process.hrtime.bigint();
    let tables = 0;
    let findings = 0;
    for (const g of sheets) {
      const r = checkSheet(g);
      tables += r.tables.length;
      findings += r.tables.reduce((a, x) => a + x.findings.length, 0);
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    return { scenario: name, tables, findings, ms: Math.round(ms), perTableMs: +(ms / tables).toFixed(3), peakRssMb: peakMb(), rssBeforeMb: baseline };
  }
  if (kind === 'exceljs') {
    const bytes = await toXlsx(sheets);
    const baseline = peakMb();
    const start = process.hrtime.bigint();
    await loadWorkbook(bytes);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    return { scenario: name, bytes: bytes.length, ms: Math.round(ms), peakRssMb: peakMb(), rssBeforeMb: baseline };
  }
  if (kind === 'summary') {
    const dir = await summaryCorpus(t, n);
    const baseline = peakMb();
    const start = process.hrtime.bigint();
    const out = path.join(os.tmpdir(), `selfeval-bench-summary-${n}.xlsx`);
    const quiet = { print: () => undefined, printError: () => undefined };
    const code = await runSummary({ inputs: [dir], output: out, sort: 'sheet', lang: 'zh', options: {} }, quiet);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (code !== 0) throw new Error(`summary exited ${code}`);
    return { scenario: name, workbooks: n, tables: n * TABLES_PER_WORKBOOK, ms: Math.round(ms), perWorkbookMs: +(ms / n).toFixed(1), peakRssMb: peakMb(), rssBeforeMb: baseline };
  }
  throw new Error(`unknown scenario ${name}`);
}

function bundleSize(): string {
  const dir = path.join(ROOT, 'dist-addin');
  if (!existsSync(dir)) return 'not built (npm run build)';
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const bytes = readFileSync(path.join(dir, f));
      return `\n  ${f.padEnd(26)} ${kib(bytes.length).padStart(9)}  (gzip ${kib(gzipSync(bytes).length)})`;
    })
    .join('');
}

async function mainBench(): Promise<void> {
  const arg = process.argv[2];
  if (arg) {
    process.stdout.write(JSON.stringify(await scenario(arg)) + '\n');
    return;
  }
  const rows: Record<string, number | string>[] = [];
  for (const s of ['engine-1000', 'engine-10000', 'exceljs-1000', 'exceljs-10000', 'summary-500']) {
    const out = execFileSync(process.execPath, ['--max-old-space-size=8192', __filename, s], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number | string>;
    rows.push(r);
    console.log(JSON.stringify(r));
  }
  const get = (s: string) => rows.find((r) => r.scenario === s)!;
  console.log('');
  console.log('scenario            time        peak RSS');
  for (const n of [1000, 10000]) {
    const e = get(`engine-${n}`);
    const x = get(`exceljs-${n}`);
    console.log(`engine  ${String(n).padStart(6)} tables ${String(e.ms).padStart(7)} ms ${String(e.peakRssMb).padStart(6)} MB   (${e.perTableMs} ms/table)`);
    console.log(`exceljs ${String(n).padStart(6)} tables ${String(x.ms).padStart(7)} ms ${String(x.peakRssMb).padStart(6)} MB   (load only, ${(Number(x.bytes) / 1024 / 1024).toFixed(1)} MiB file)`);
  }
  const sm = get('summary-500');
  console.log(`summary  500 workbooks × ${TABLES_PER_WORKBOOK} tables ${String(sm.ms).padStart(7)} ms ${String(sm.peakRssMb).padStart(6)} MB   (${sm.perWorkbookMs} ms/workbook: read, check, summarise, write)`);
  console.log(`add-in bundle: ${bundleSize()}`);
}

mainBench().catch((e) => {
  console.error(e);
  process.exit(1);
});
