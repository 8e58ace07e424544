/**
 * `selfeval check <files or folders>... [--json report.json] [--out DIR] [--lang zh|en] [--reverse ...]`
 * Every file is checked, whatever happens to another; a file that cannot be read is said so, in the
 * output and in the report. Outputs are planned and made safe before anything is written.
 * Exit 0: no open error-level finding (one a reviewer verified, 复核意见, is not counted); 1: one, or a region
 * that could not be read; 2: a file could not be
 * read or written, or an output was refused.
 */
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import { Reports, type ReportEntry } from '../core/report';
import { checkEachTable } from '../xlsx/read';
import { checkAndAnnotate } from '../xlsx/annotate';
import { CLI_TEXT, type Problem } from './messages';
import { AtomicStream, type Input, asStdout, expandInputs, mirrored, refusedOutputs, writeAtomically, writeError } from './files';
import { openWorkbookFile, readFailure } from './open';
import { type Totals, countFindings, formatRegion, formatTable, formatTotals, noTables } from './format';
import type { Io } from './main';
import { promises as fs } from 'node:fs';
import { type NarrativeEntry, documentEntries, formatNarrative, isDocumentPath, openDocumentFile } from './document';

export interface CheckRun {
  readonly inputs: readonly string[];
  readonly json?: string;
  readonly out?: string;
  readonly lang: Lang;
  readonly options: CheckOptions;
}

/** A file the report lists as unreadable. */
export interface UnreadableEntry {
  readonly file: string;
  readonly kind: 'unreadable';
  readonly reason: Problem;
  readonly message: string;
}

/** A sheet checked but not marked (protected), as the report lists it. */
export interface NoticeEntry {
  readonly file: string;
  readonly sheet: string;
  readonly kind: 'protectedSheet';
  readonly message: string;
}

export type CheckEntry = ReportEntry | UnreadableEntry | NoticeEntry | NarrativeEntry;

/**
 * The JSON report, written entry by entry (to a file through a temporary one, or to standard output).
 * A write that fails (a full disk) is said once, naming the report and the cause; the temporary file
 * goes, and the check of the files goes on without the report.
 */
class JsonOut {
  private first = true;
  failed = false;
  private constructor(
    private readonly sink: (text: string) => Promise<void> | void,
    private readonly done: () => Promise<void> | void,
    private readonly drop: () => Promise<void>,
    private readonly fail: (e: unknown) => void,
  ) {}

  static async open(target: string | undefined, io: Io, onError: (e: unknown) => void): Promise<JsonOut | null> {
    if (!target) return null;
    if (target === '-') {
      let buffer = '';
      return new JsonOut(
        (t) => {
          buffer += t;
          const nl = buffer.lastIndexOf('\n');
          if (nl >= 0) {
            io.print(buffer.slice(0, nl));
            buffer = buffer.slice(nl + 1);
          }
        },
        () => io.print(buffer),
        async () => undefined,
        onError,
      );
    }
    try {
      const file = await AtomicStream.open(target);
      return new JsonOut(
        (t) => file.write(t),
        () => file.commit(),
        () => file.abandon(),
        onError,
      );
    } catch (e) {
      onError(e);
      return null;
    }
  }

  private async guarded(step: () => Promise<void> | void): Promise<void> {
    if (this.failed) return;
    try {
      await step();
    } catch (e) {
      this.failed = true;
      await this.drop().catch(() => undefined);
      this.fail(e);
    }
  }

  async abandon(): Promise<void> {
    if (!this.failed) await this.drop();
  }

  async entry(e: CheckEntry): Promise<void> {
    const text = JSON.stringify(e, null, 2).replace(/\n/g, '\n  ');
    await this.guarded(() => this.sink(`${this.first ? '[\n  ' : ',\n  '}${text}`));
    this.first = false;
  }

  async close(): Promise<void> {
    await this.guarded(async () => {
      await this.sink(this.first ? '[]\n' : '\n]\n');
      await this.done();
    });
  }
}

export async function runCheck(given: CheckRun, io: Io): Promise<number> {
  const run = { ...given, json: asStdout(given.json) };
  const t = CLI_TEXT[run.lang];
  const { files, skipped } = await expandInputs(run.inputs);

  // Outputs first: none over an input, none over a workbook the product did not write.
  if (run.out) {
    const st = await fs.stat(run.out).catch(() => null);
    if (st && !st.isDirectory()) {
      io.printError(t.refusal.outIsFile(run.out));
      io.printError(t.nothingWritten);
      return 2;
    }
  }
  const targets = run.out ? mirrored(files, run.out) : new Map<Input, string>();
  const refused = await refusedOutputs(
    [...[...targets.values()].map((p) => ({ path: p, kind: 'workbook' as const })), ...(run.json ? [{ path: run.json, kind: 'report' as const }] : [])],
    files,
  );
  if (refused.length) {
    for (const r of refused) io.printError(t.refusal[r.refusal](r.target, r.other));
    io.printError(t.nothingWritten);
    return 2;
  }

  let writeFailures = 0;
  const json = await JsonOut.open(run.json, io, (e) => {
    writeFailures++;
    io.printError(writeError(t, run.json ?? '', e));
  });
  const quiet = run.json === '-';
  const say = (line: string) => {
    if (!quiet) io.print(line);
  };
  const totals: Totals = { tables: 0, error: 0, warning: 0, info: 0, regions: 0, unreadable: 0, verified: 0 };
  const unreadable = async (file: string, problem: Problem, detail?: string) => {
    totals.unreadable++;
    const message = t.problem[problem](detail);
    io.printError(t.skipped(file, message));
    await json?.entry({ file, kind: 'unreadable', reason: problem, message });
  };

  try {
    for (const s of skipped) await unreadable(s.given, s.problem, s.detail);
    for (const input of files) {
      if (isDocumentPath(input.real)) {
        // A report: its tables as a workbook's, then its narrative's statements (nothing is written for it).
        const doc = await openDocumentFile(input.real);
        if ('problem' in doc) {
          await unreadable(input.given, doc.problem, doc.detail);
          continue;
        }
        say(doc.convertedFrom ? `${input.given}  ${t.converted(doc.convertedFrom)}` : input.given);
        const { tables, narrative } = documentEntries(input.given, doc.doc, run.lang, run.options);
        for (const e of tables) {
          if (e.kind === 'unrecognised') totals.regions++;
          else totals.tables++;
          countFindings(totals, e.findings);
          say(e.kind === 'unrecognised' ? formatRegion(e, run.lang) : formatTable(e, run.lang));
          await json?.entry(e);
        }
        for (const f of narrative.findings) totals[f.severity as keyof typeof totals]++;
        say(formatNarrative(narrative, run.lang));
        await json?.entry(narrative);
        continue;
      }
      const opened = await openWorkbookFile(input.real, run.lang);
      if ('problem' in opened) {
        await unreadable(input.given, opened.problem, opened.detail);
        continue;
      }
      say(opened.convertedFrom ? `${input.given}  ${t.converted(opened.convertedFrom)}` : input.given);
      const entries: ReportEntry[] = [];
      const reports = new Reports(input.given, run.lang);
      let printed = 0;
      const flush = async () => {
        for (const e of reports.entries.splice(0)) {
          entries.push(e);
          if (e.kind === 'unrecognised') {
            totals.regions++;
            say(formatRegion(e, run.lang));
          } else {
            totals.tables++;
            countFindings(totals, e.findings);
            say(formatTable(e, run.lang));
          }
          printed++;
          await json?.entry(e);
        }
        reports.tables.length = 0;
        entries.length = 0;
      };
      try {
        if (run.out) {
          // Sheet by sheet: each is printed and reported as soon as it is marked, and not kept.
          await checkAndAnnotate(opened.wb, { ...run.options, lang: run.lang }, async (o) => {
            reports.sheetDone(o.result);
            await flush();
            if (!o.written) {
              say(`  ${t.protectedSheet(o.result.sheet)}`);
              await json?.entry({ file: input.given, sheet: o.result.sheet, kind: 'protectedSheet', message: t.protectedSheet(o.result.sheet) });
            }
          });
          const target = targets.get(input)!;
          try {
            await writeAtomically(target, opened.wb.save());
          } catch (e) {
            writeFailures++;
            io.printError(writeError(t, target, e));
          }
        } else {
          // Table by table: each is printed and reported as soon as it is checked, and not kept.
          let written = Promise.resolve();
          await checkEachTable(
            opened.wb,
            {
              table: (_sheet, r) => reports.table(r),
              sheet: (s) => {
                reports.sheetDone(s);
                written = written.then(flush);
              },
            },
            run.options,
          );
          await written;
        }
      } catch (e) {
        const why = readFailure(e, run.lang);
        await unreadable(input.given, why.problem, why.detail);
        continue;
      }
      if (!printed) say(noTables(run.lang));
    }
  } catch (e) {
    await json?.abandon();
    throw e;
  }
  say(formatTotals(totals, run.lang));
  await json?.close();
  if (totals.unreadable || writeFailures) return 2;
  // A region that could not be read is never passed over as clean.
  return totals.error || totals.regions ? 1 : 0;
}
