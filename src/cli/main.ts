/**
 * selfeval — the command line over the engine and the .xlsx host: arguments (args.ts), the work of each
 * command (check.ts, clear.ts, summary.ts), what it says (messages.ts). Misuse is a UsageError (exit 2,
 * with the usage); bugs stay exceptions. No network access of any kind: workbooks are government
 * finance data.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import type { SentenceForm, SortKey } from '../core/summary';
import { UsageError, langOf, parseArgs } from './args';
import { CLI_TEXT } from './messages';
import { runCheck } from './check';
import { runClear } from './clear';
import { runFill, runUndoFill } from './fill';
import { runSummary } from './summary';
import { loadWords } from './words';
import { setUserWords } from '../core/recognise/vocabulary';
import { removeTemporaries } from './files';
import { terminalSafe } from './terminal';

export interface Io {
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
}

const stdio: Io = {
  print: (l) => process.stdout.write(l + '\n'),
  printError: (l) => process.stderr.write(l + '\n'),
};

/** The project's folder: the nearest above this file with the product's package.json (from src/ or dist/). */
const ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'selfeval') return dir;
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..', '..');
  }
})();

function version(): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * SIGINT (Ctrl+C) and SIGTERM end the run cleanly: LibreOffice stopped, every temporary file removed,
 * said once; the exit code is the shell's (130, 143). Installed by the command (bin/selfeval.js).
 */
export function exitCleanlyOnSignals(argv: readonly string[] = process.argv.slice(2)): void {
  for (const [signal, n] of [['SIGINT', 2], ['SIGTERM', 15]] as const) {
    process.once(signal, () => {
      removeTemporaries();
      process.stderr.write(terminalSafe(CLI_TEXT[langOf(argv)].interrupted(signal)) + '\n');
      process.exit(128 + n);
    });
  }
}

export async function main(argv: readonly string[], given: Io = stdio): Promise<number> {
  // Everything printed goes through terminalSafe: names and cell text never act on the terminal.
  const io: Io = { print: (l) => given.print(terminalSafe(l)), printError: (l) => given.printError(terminalSafe(l)) };
  let lang: Lang = langOf(argv);
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    const t = CLI_TEXT[lang];
    const opt = args.options;
    const options: CheckOptions = { reverseFormula: opt.reverse === 'deviation' ? 'deviation' : 'ratio' };
    if (args.command === 'check' || args.command === 'fill' || args.command === 'summary') {
      const loaded = await loadWords(args.positional, opt.words, lang);
      if ('error' in loaded) {
        io.printError(loaded.error);
        return 2;
      }
      setUserWords(loaded.words);
    }
    switch (args.command) {
      case 'help':
        io.print(t.usage);
        return 0;
      case 'version':
        io.print(`selfeval ${version()}`);
        return 0;
      case undefined:
        io.printError(t.usage);
        return 2;
      case 'check':
        if (!args.positional.length) throw new UsageError(t.needsFiles('check'));
        return await runCheck({ inputs: args.positional, json: opt.json, out: opt.out, lang, options }, io);
      case 'clear':
        if (!args.positional.length) throw new UsageError(t.needsFiles('clear'));
        if (!opt.out) throw new UsageError(t.needsOut('clear'));
        return await runClear(args.positional, opt.out, lang, io);
      case 'fill':
        if (!args.positional.length) throw new UsageError(t.needsFiles('fill'));
        if (!opt.out) throw new UsageError(t.needsOut('fill'));
        if (opt.undo) return await runUndoFill(args.positional, opt.out, lang, io);
        return await runFill(args.positional, opt.out, lang, options, io);
      case 'summary':
        if (!args.positional.length) throw new UsageError(t.needsFiles('summary'));
        if (!opt.o) throw new UsageError(t.needsOut('summary'));
        return await runSummary(
          { inputs: args.positional, output: opt.o, json: opt.json, sort: (opt.sort ?? 'sheet') as SortKey, sentence: opt.sentence as SentenceForm | undefined, lang, options },
          io,
        );
      case 'demo':
        return await runDemo(lang, options, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.printError(e.message);
      io.printError(CLI_TEXT[lang].usage);
      return 2;
    }
    throw e;
  }
}

/** The bundled sample, checked into out/demo: the annotated copy, the JSON report and the summary. */
async function runDemo(lang: Lang, options: CheckOptions, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  // Named as a user would type it from where they are ("assets/sample.xlsx" from the project): that is
  // the name the report, the output and the summary's 工作簿 column show.
  const sample = path.relative(process.cwd(), path.join(ROOT, 'assets', 'sample.xlsx')) || path.join(ROOT, 'assets', 'sample.xlsx');
  const outDir = path.join(ROOT, 'out', 'demo');
  const json = path.join(outDir, 'report.json');
  const code = await runCheck({ inputs: [sample], json, out: outDir, lang, options }, io);
  if (code === 2) return 2;
  io.print('');
  const summary = path.join(outDir, 'summary.xlsx');
  const quiet: Io = { print: () => undefined, printError: io.printError };
  await runSummary({ inputs: [sample], output: summary, json: path.join(outDir, 'summary.json'), sort: 'sheet', lang, options }, quiet);
  io.print(t.written(t.demo.copy, path.join(outDir, 'sample.xlsx')));
  io.print(t.written(t.demo.json, json));
  io.print(t.written(t.demo.summary, summary));
  // The demo succeeded even though the sample's real tables contain errors.
  return 0;
}
