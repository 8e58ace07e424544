/**
 * npm run bench — how fast the command line reads and checks real-layout workbooks, against the
 * physical floor of reading the same files, and the memory it peaks at. Each scenario runs in a fresh
 * process so its peak is its own.
 *
 * The tables are a real one (seed002's first sheet: its styles, merges, number formats and shared
 * strings), copied with each copy's figures varied, 100 to a sheet or all on one sheet.
 *   check  read the file, recognise and check every table, build the JSON report (`check --json`)
 *   floor  the same file: native inflate of every part and one SAX pass (saxes) over it, nothing else
 *   summary / summary-floor  the same over a folder of 1,000 workbooks of 5 tables each
 * and, for what a hostile or merely large input must not make superlinear (issue 21), the command line
 * itself, in process, with its writes:
 *   out:N:PER    `check --out --json` over N styled tables (a copy written: every sheet marked)
 *   sheets:N     `check --out --json` over N sheets of one table each
 *   summaryN:N   `summary -o` over a folder of N workbooks (hard links to one file: no disk taken)
 * each at two sizes, so that time and memory can be seen to grow with the input, not faster; and the
 * pane's check of 10 and 60 stacked tables in Chromium (pane.ts; `pane` runs it alone, after npm run build).
 */
import { execFileSync } from 'node:child_process';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { SaxesParser } from 'saxes';
import { ZipReader, jsDeflateRaw, writePackage } from '../src/xlsx/package/zip';
import { NODE_XLSX } from '../src/cli/zlib';
import { checkEachTable, openWorkbook } from '../src/xlsx/read';
import { Reports } from '../src/core/report';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed002.xlsx');
const CORPUS = path.join(os.tmpdir(), 'selfeval-bench-v2');

interface Template {
  readonly rows: string[];
  readonly height: number;
  readonly merges: string[];
  readonly head: string;
  readonly tail: string;
}

/** The first sheet of seed002, taken apart into rows to copy. */
async function template(zip: ZipReader): Promise<Template> {
  const xml = await zip.text('xl/worksheets/sheet1.xml');
  const start = xml.indexOf('<sheetData>') + '<sheetData>'.length;
  const end = xml.indexOf('</sheetData>');
  const rows = xml.slice(start, end).match(/<row [\s\S]*?<\/row>/g) ?? [];
  const merges = [...xml.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((m) => m[1]!);
  const after = xml.slice(end + '</sheetData>'.length).replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '');
  return { rows, height: rows.length, merges, head: xml.slice(0, start).replace(/<dimension[^>]*\/>/, ''), tail: after };
}

const shift = (ref: string, by: number) => ref.replace(/([A-Z]+)(\d+)/g, (_m, c: string, r: string) => `${c}${Number(r) + by}`);

/** A sheet of `count` tables, two blank rows apart, the k-th with its own name and spending. */
function sheetXml(t: Template, first: number, count: number): string {
  const parts: string[] = [t.head];
  const merges: string[] = [];
  for (let k = 0; k < count; k++) {
    const by = k * (t.height + 2);
    const n = first + k;
    const budget = 10 + (n % 997);
    for (const row of t.rows) {
      let r = row.replace(/ r="(\d+)"/, (_m, x: string) => ` r="${Number(x) + by}"`).replace(/ r="([A-Z]+)(\d+)"/g, (_m, c: string, x: string) => ` r="${c}${Number(x) + by}"`);
      if (row.startsWith('<row r="3"')) r = r.replace(/(<c r="B\d+" s="\d+") t="s"><v>\d+<\/v><\/c>/, `$1 t="inlineStr"><is><t>项目 ${n + 1}</t></is></c>`);
      if (row.startsWith('<row r="6"') || row.startsWith('<row r="7"')) {
        r = r.replace(/(<c r="D\d+" s="\d+"><v>)[^<]*/, `$1${budget}`).replace(/(<c r="E\d+" s="\d+"><v>)[^<]*/, `$1${budget - (n % 7)}`);
      }
      parts.push(r);
    }
    merges.push(...t.merges.map((m) => `<mergeCell ref="${shift(m, by)}"/>`));
  }
  parts.push('</sheetData>', `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`, t.tail);
  return parts.join('');
}

const encoder = new TextEncoder();

/** A workbook of `tables` tables, `perSheet` to a sheet: the seed's package with its sheets replaced. */
async function workbook(tables: number, perSheet: number): Promise<Uint8Array> {
  const zip = new ZipReader(readFileSync(SEED));
  const t = await template(zip);
  const sheets = Math.ceil(tables / perSheet);
  const replaced = new Map<string, Uint8Array>();
  const removed = new Set<string>();
  let wb = await zip.text('xl/workbook.xml');
  let rels = await zip.text('xl/_rels/workbook.xml.rels');
  let types = await zip.text('[Content_Types].xml');
  wb = wb.replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${Array.from({ length: sheets }, (_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`).join('')}</sheets>`);
  rels = rels.replace(/<Relationship [^>]*worksheet"[^>]*\/>/g, '').replace('</Relationships>', `${Array.from({ length: sheets }, (_, i) => `<Relationship Id="rIdS${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`);
  types = types.replace(/<Override PartName="\/xl\/worksheets\/[^>]*\/>/g, '').replace('</Types>', `${Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`);
  for (const e of zip.entries) if (/^xl\/worksheets\//.test(e.name)) removed.add(e.name);
  for (let i = 0; i < sheets; i++) replaced.set(`xl/worksheets/sheet${i + 1}.xml`, encoder.encode(sheetXml(t, i * perSheet, Math.min(perSheet, tables - i * perSheet))));
  replaced.set('xl/workbook.xml', encoder.encode(wb));
  replaced.set('xl/_rels/workbook.xml.rels', encoder.encode(rels));
  replaced.set('[Content_Types].xml', encoder.encode(types));
  for (const name of replaced.keys()) removed.delete(name);
  return writePackage(zip, replaced, removed, jsDeflateRaw);
}

function corpusFile(tables: number, perSheet: number): string {
  return path.join(CORPUS, `tables-${tables}-per-${perSheet}.xlsx`);
}

const SUMMARY_WORKBOOKS = 1000;
const SUMMARY_TABLES = 5;
/** The sizes of the scenarios of issue 21, each at two sizes. */
const OUT_TABLES = [10000, 20000] as const;
const SHEETS = [1000, 5000] as const;
const FOLDERS = [1000, 5000] as const;

function sheetsFile(n: number): string {
  return path.join(CORPUS, `sheets-${n}.xlsx`);
}

/** Folders of n hard links to one workbook of SUMMARY_TABLES tables. */
function linkedFolder(n: number): string {
  const dir = path.join(CORPUS, `linked-${n}`);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  mkdirSync(dir, { recursive: true });
  const one = path.join(CORPUS, `folder-${SUMMARY_WORKBOOKS}`, '单位0001.xlsx');
  for (let i = 0; i < n; i++) {
    const f = path.join(dir, `单位${String(i + 1).padStart(4, '0')}.xlsx`);
    if (!existsSync(f)) linkSync(one, f);
  }
  writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

async function ensureLargeCorpus(): Promise<void> {
  for (const n of OUT_TABLES) if (!existsSync(corpusFile(n, 100))) writeFileSync(corpusFile(n, 100), await workbook(n, 100));
  for (const n of SHEETS) if (!existsSync(sheetsFile(n))) writeFileSync(sheetsFile(n), await workbook(n, 1));
  for (const n of FOLDERS) linkedFolder(n);
}

/** The command line as a user runs it (in process, its output not printed), with a temporary folder for what it writes. */
async function command(argv: (out: string) => string[]): Promise<{ ms: number; code: number }> {
  const { main } = await import('../src/cli/main');
  const out = mkdtempSync(path.join(os.tmpdir(), 'selfeval-bench-out-'));
  try {
    const quiet = { print: () => undefined, printError: () => undefined };
    const { ms, result } = await timed(() => main(argv(out), quiet));
    return { ms: Math.round(ms), code: result };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function ensureCorpus(): Promise<void> {
  mkdirSync(CORPUS, { recursive: true });
  for (const [n, per] of [[1000, 100], [1000, 1000], [10000, 100], [10000, 10000]] as const) {
    const f = corpusFile(n, per);
    if (!existsSync(f)) writeFileSync(f, await workbook(n, per));
  }
  const dir = path.join(CORPUS, `folder-${SUMMARY_WORKBOOKS}`);
  if (!existsSync(path.join(dir, '.complete'))) {
    mkdirSync(dir, { recursive: true });
    const one = await workbook(SUMMARY_TABLES, SUMMARY_TABLES);
    for (let i = 0; i < SUMMARY_WORKBOOKS; i++) writeFileSync(path.join(dir, `单位${String(i + 1).padStart(4, '0')}.xlsx`), one);
    writeFileSync(path.join(dir, '.complete'), '');
  }
}

function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The floor: native inflate of every part of the file, and one SAX pass over each. */
function floor(bytes: Uint8Array): number {
  const zip = new ZipReader(bytes);
  let events = 0;
  for (const e of zip.entries) {
    if (!/\.(xml|rels)$/.test(e.name)) continue;
    const { dataStart } = zip.span(e);
    const data = bytes.subarray(dataStart, dataStart + e.compressedSize);
    const xml = e.method === 8 ? inflateRawSync(data) : Buffer.from(data);
    const parser = new SaxesParser({ xmlns: false, position: false });
    parser.on('opentag', () => events++);
    parser.write(xml.toString('utf8'));
    parser.close();
  }
  return events;
}

async function check(bytes: Uint8Array): Promise<number> {
  // As `check --json` does: each table becomes a report line as soon as it is checked.
  const wb = await openWorkbook(bytes, NODE_XLSX);
  const reports = new Reports('bench.xlsx');
  let length = 0;
  await checkEachTable(wb, {
    table: (_s, t) => {
      reports.table(t);
      for (const e of reports.tables.splice(0)) length += JSON.stringify(e).length;
    },
    sheet: (s) => {
      reports.sheetDone(s);
      // The report is written entry by entry, as the command line streams it into its file.
      for (const e of reports.entries.splice(0)) length += JSON.stringify(e).length;
      reports.tables.length = 0;
    },
  });
  return length;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; result: T }> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000, result };
}

async function scenario(name: string): Promise<Record<string, number | string>> {
  const [kind, a, b] = name.split(':') as [string, string, string];
  if (kind === 'check' || kind === 'floor') {
    const bytes = new Uint8Array(readFileSync(corpusFile(Number(a), Number(b))));
    const { ms, cpuMs } = await timed(() => (kind === 'check' ? check(bytes) : floor(bytes)));
    return { scenario: name, bytes: bytes.length, ms: Math.round(ms), cpuMs: Math.round(cpuMs), peakRssMb: peakMb() };
  }
  if (kind === 'out' || kind === 'sheets') {
    const file = kind === 'out' ? corpusFile(Number(a), Number(b)) : sheetsFile(Number(a));
    const { ms, code } = await command((out) => ['check', file, '--out', path.join(out, 'copies'), '--json', path.join(out, 'r.json')]);
    if (code === 2) throw new Error(`check exited ${code}`);
    return { scenario: name, bytes: readFileSync(file).length, ms, peakRssMb: peakMb() };
  }
  if (kind === 'summaryN') {
    const { ms, code } = await command((out) => ['summary', linkedFolder(Number(a)), '-o', path.join(out, 's.xlsx'), '--json', path.join(out, 's.json')]);
    if (code !== 0) throw new Error(`summary exited ${code}`);
    return { scenario: name, ms, peakRssMb: peakMb() };
  }
  const dir = path.join(CORPUS, `folder-${SUMMARY_WORKBOOKS}`);
  if (kind === 'summary') {
    const quiet = { print: () => undefined, printError: () => undefined };
    const out = path.join(os.tmpdir(), `selfeval-bench-summary-${process.pid}.xlsx`);
    const { runSummary } = await import('../src/cli/summary');
    const { ms, result } = await timed(() => runSummary({ inputs: [dir], output: out, sort: 'sheet', lang: 'zh', options: {} }, quiet));
    if (result !== 0) throw new Error(`summary exited ${result}`);
    return { scenario: name, ms: Math.round(ms), peakRssMb: peakMb() };
  }
  if (kind === 'summaryFloor') {
    const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    const { ms } = await timed(() => files.forEach((f) => floor(new Uint8Array(readFileSync(path.join(dir, f))))));
    return { scenario: name, ms: Math.round(ms), peakRssMb: peakMb() };
  }
  throw new Error(`unknown scenario ${name}`);
}

function run(s: string): Record<string, number | string> {
  const out = execFileSync(process.execPath, [__filename, s], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number | string>;
}

/** Check and floor runs of one scenario, paired so that the ratio holds while the machine's speed drifts. */
const PAIRED_RUNS = 3;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function paired(n: number, per: number, runs: number): { bytes: number; checkMs: number; floorMs: number; ratio: number; cpuRatio: number; peakRssMb: number } {
  const checks: Record<string, number | string>[] = [];
  const floors: Record<string, number | string>[] = [];
  for (let i = 0; i < runs; i++) {
    checks.push(run(`check:${n}:${per}`));
    floors.push(run(`floor:${n}:${per}`));
  }
  const of = (rs: readonly Record<string, number | string>[], key: string) => rs.map((r) => Number(r[key]));
  const ratios = (key: string) => checks.map((c, i) => Number(c[key]) / Math.max(1, Number(floors[i]![key])));
  return {
    bytes: Number(checks[0]!.bytes),
    checkMs: median(of(checks, 'ms')),
    floorMs: median(of(floors, 'ms')),
    ratio: median(ratios('ms')),
    cpuRatio: median(ratios('cpuMs')),
    peakRssMb: Math.max(...of(checks, 'peakRssMb')),
  };
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

/** check --json against the floor, scenario by scenario. */
function againstTheFloor(scenarios: readonly (readonly [number, number])[]): void {
  console.log('check --json against the floor (native inflate + one SAX pass over the same file); each in a fresh process,');
  console.log(`check and floor in turn; ${PAIRED_RUNS} pairs where paired, the medians and the median of the pairs' ratios (wall, and CPU`);
  console.log('time of the process, which a loaded machine disturbs less)\n');
  console.log('tables   per sheet   file MiB   check ms   floor ms   ratio   CPU ratio   check peak RSS');
  for (const [n, per] of scenarios) {
    const p = paired(n, per, n <= 1000 ? PAIRED_RUNS : 1);
    console.log(
      `${String(n).padStart(6)}   ${String(per === n ? 'all' : per).padStart(9)}   ${(p.bytes / 1048576).toFixed(1).padStart(8)}   ${String(p.checkMs).padStart(8)}   ${String(p.floorMs).padStart(8)}   ${p.ratio.toFixed(2).padStart(5)}×   ${p.cpuRatio.toFixed(2).padStart(8)}×   ${String(p.peakRssMb).padStart(6)} MB`,
    );
  }
}

const SCENARIOS = [[1000, 100], [1000, 1000], [10000, 100], [10000, 10000]] as const;


async function mainBench(): Promise<void> {
  const arg = process.argv[2];
  if (arg === 'corpus') {
    await ensureCorpus();
    await ensureLargeCorpus();
    return;
  }
  if (arg === 'pane') {
    await paneLines();
    return;
  }
  if (arg && arg !== 'pairs') {
    process.stdout.write(JSON.stringify(await scenario(arg)) + '\n');
    return;
  }
  await ensureCorpus();
  againstTheFloor(arg === 'pairs' ? [[1000, 100], [1000, 1000]] : SCENARIOS);
  if (arg === 'pairs') return;
  const s = run('summary');
  const sf = run('summaryFloor');
  console.log(
    `\nsummary over ${SUMMARY_WORKBOOKS} workbooks × ${SUMMARY_TABLES} tables: ${s.ms} ms (floor ${sf.ms} ms, ${(Number(s.ms) / Math.max(1, Number(sf.ms))).toFixed(2)}×), peak RSS ${s.peakRssMb} MB`,
  );
  await ensureLargeCorpus();
  console.log('\nthe command line with its writes, each at two sizes (time and memory grow with the input, not faster)\n');
  const line = (what: string, r: Record<string, number | string>) =>
    console.log(`${what.padEnd(44)} ${r.bytes === undefined ? '' : `${(Number(r.bytes) / 1048576).toFixed(1)} MiB`.padStart(9)}   ${String(r.ms).padStart(7)} ms   ${String(r.peakRssMb).padStart(5)} MB peak RSS`);
  for (const n of OUT_TABLES) line(`check --out --json, ${n} styled tables, 100 a sheet`, run(`out:${n}:100`));
  for (const n of SHEETS) line(`check --out --json, ${n} sheets of one table`, run(`sheets:${n}`));
  for (const n of FOLDERS) line(`summary -o --json over ${n} workbooks × ${SUMMARY_TABLES} tables`, run(`summaryN:${n}`));
  console.log(`\nadd-in bundle: ${bundleSize()}`);
  await paneLines();
}

/** The pane's check of ten stacked tables (the sample's) and of 60 (copies of one, as above), in Chromium. */
async function paneLines(): Promise<void> {
  const ten = new Uint8Array(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed002-stacked.xlsx')));
  // Loaded here only: Playwright in every scenario's process would add its own memory to their peaks.
  const { paneFigures } = await import('./pane');
  const figures = await paneFigures(path.join(ROOT, 'dist-addin'), [
    { tables: 10, bytes: ten },
    { tables: 60, bytes: await workbook(60, 60) },
  ]);
  console.log('\nthe pane\'s check in Chromium (preview page, 校验本表 to the verdict; longest task of the page\'s main thread, 0: none over 50 ms)\n');
  if (typeof figures === 'string') {
    console.log(`  not measured: ${figures}`);
    return;
  }
  for (const f of figures) console.log(`${String(f.tables).padStart(4)} stacked tables   verdict ${String(f.verdictMs).padStart(6)} ms   longest task ${String(f.longestTaskMs).padStart(4)} ms`);
}

mainBench().catch((e) => {
  console.error(e);
  process.exit(1);
});
