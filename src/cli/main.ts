/**
 * selfeval — the command line over the engine and the .xlsx host.
 * No network access of any kind: workbooks are government finance data.
 */
import path from 'node:path';
import type { Lang } from '../core/findings';
import type { CheckOptions } from '../core/check/result';
import { parseArgs, UsageError } from './args';
import { runCheck } from './check';
import { runClear } from './clear';
import { runSummary } from './summary';
import type { SortKey } from '../core/summary';
import { expandInputs, readFileBytes } from './files';

const HELP_ZH = `绩效自评校验 selfeval

用法：
  selfeval check <文件.xlsx 或文件夹>... [--json 报告.json] [--out 目录] [--lang zh|en] [--reverse ratio|deviation]
      识别并校验每张绩效自评表，打印复算的执行率、执行率得分、总分、等级和发现的问题。
      --json   写出 JSON 报告（每张表一个对象）；--json - 输出到标准输出
      --out    把标注后的副本写入该目录（同名文件），原文件不动
      --reverse 反向指标（≤/<）未达标时的计分方法：ratio（默认，分值×指标值÷完成值）或 deviation
      退出码：0 无错误；1 有错误级问题；2 有文件无法读取（其余文件照常校验）
  selfeval clear <文件.xlsx>... --out 目录
      清除标记：恢复原有底色和批注，删除复核结果列
  selfeval summary <文件或文件夹>... -o 汇总表.xlsx [--json 汇总.json] [--sort sheet|total|errors|budget|project]
      汇总多个工作簿中的全部自评表：每表一行、金额合计、等级分布和汇报用语句。
      无法读取的工作簿在汇总表中列出，其余照常汇总；汇总成功即退出码 0
  selfeval demo
      校验随附的示例工作簿，写出标注副本和 JSON 报告
`;

const HELP_EN = `selfeval — checks fiscal performance self-evaluation tables

Usage:
  selfeval check <file.xlsx>... [--json report.json] [--out DIR] [--lang zh|en] [--reverse ratio|deviation]
  selfeval clear <file.xlsx>... --out DIR
  selfeval summary <files or folders>... -o summary.xlsx [--json summary.json] [--sort sheet|total|errors|budget|project]
  selfeval demo
Exit codes of check: 0 no error-level finding; 1 at least one; 2 a file could not be read.
`;

export interface Io {
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
}

const stdio: Io = {
  print: (l) => process.stdout.write(l + '\n'),
  printError: (l) => process.stderr.write(l + '\n'),
};

export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.printError(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const lang: Lang = args.options.lang === 'en' ? 'en' : 'zh';
  if (args.options.lang !== undefined && args.options.lang !== 'en' && args.options.lang !== 'zh') {
    io.printError('--lang must be zh or en');
    return 2;
  }
  const reverse = args.options.reverse;
  if (reverse !== undefined && reverse !== 'ratio' && reverse !== 'deviation') {
    io.printError('--reverse must be ratio or deviation');
    return 2;
  }
  const options: CheckOptions = { reverseFormula: reverse === 'deviation' ? 'deviation' : 'ratio' };
  const str = (k: string): string | undefined => (typeof args.options[k] === 'string' ? (args.options[k] as string) : undefined);
  try {
    switch (args.command) {
      case 'check': {
        if (!args.positional.length) throw new UsageError(lang === 'en' ? 'check needs at least one .xlsx file' : 'check 需要至少一个 .xlsx 文件');
        const files = await expandInputs(args.positional);
        const r = await runCheck({ files, json: str('json'), out: str('out'), lang, options, ...io });
        return r.exitCode;
      }
      case 'clear': {
        const out = str('out');
        if (!args.positional.length || !out) throw new UsageError(lang === 'en' ? 'clear needs files and --out DIR' : 'clear 需要文件和 --out 目录');
        return await runClear(args.positional, out, lang, io);
      }
      case 'summary': {
        const output = str('o') ?? str('output');
        if (!args.positional.length || !output) {
          throw new UsageError(lang === 'en' ? 'summary needs files or folders and -o summary.xlsx' : 'summary 需要文件或文件夹，以及 -o 汇总表.xlsx');
        }
        const sort = (str('sort') ?? 'sheet') as SortKey;
        if (!['sheet', 'total', 'errors', 'budget', 'project'].includes(sort)) throw new UsageError('--sort must be sheet, total, errors, budget or project');
        return await runSummary({ inputs: args.positional, output, json: str('json'), sort, lang, options }, io);
      }
      case 'demo':
        return await runDemo(lang, options, io);
      case undefined:
      case 'help':
        io.print(lang === 'en' ? HELP_EN : HELP_ZH);
        return args.command === undefined && !args.options.help && !args.options.h ? 2 : 0;
      default:
        throw new UsageError(lang === 'en' ? `unknown command: ${args.command}` : `未知命令：${args.command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.printError(e.message);
      io.printError(lang === 'en' ? HELP_EN : HELP_ZH);
      return 2;
    }
    throw e;
  }
}

/** The bundled sample, checked into out/demo: the annotated copy and the JSON report. */
async function runDemo(lang: Lang, options: CheckOptions, io: Io): Promise<number> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const sample = path.join(root, 'assets', 'sample.xlsx');
  await readFileBytes(sample); // a clear error if the sample is missing
  const outDir = path.join(root, 'out', 'demo');
  const json = path.join(outDir, 'report.json');
  const r = await runCheck({ files: [sample], json, out: outDir, lang, options, ...io });
  io.print('');
  const summary = path.join(outDir, 'summary.xlsx');
  const quiet: Io = { print: () => undefined, printError: io.printError };
  await runSummary({ inputs: [sample], output: summary, json: path.join(outDir, 'summary.json'), sort: 'sheet', lang, options }, quiet);
  io.print(lang === 'en' ? `Annotated copy: ${r.written[0]}` : `标注副本：${r.written[0]}`);
  io.print(lang === 'en' ? `JSON report:    ${json}` : `JSON 报告：${json}`);
  io.print(lang === 'en' ? `Summary sheet:  ${summary}` : `汇总表：${summary}`);
  // The demo succeeded even though the sample's real tables contain errors.
  return r.exitCode === 2 ? 2 : 0;
}
