/**
 * A small, strict argument parser: each command takes the options it knows and no other; `--` ends the
 * options; a value may follow its option or be joined with "="; misuse is an ExpectedError with the
 * message in the CLI's language (exit 2, with the usage).
 */
import type { Lang } from '../core/findings';
import { CLI_TEXT } from './messages';

/** A mistake of the caller (not a bug): said in words, exit code 2. */
export class UsageError extends Error {}

export type Command = 'check' | 'clear' | 'fill' | 'summary' | 'demo' | 'help' | 'version';

interface OptionSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly value: boolean;
  readonly allowed?: readonly string[];
}

const LANG: OptionSpec = { name: 'lang', value: true, allowed: ['zh', 'en'] };
const REVERSE: OptionSpec = { name: 'reverse', value: true, allowed: ['ratio', 'deviation'] };
/** A vocabulary file of the user's words (src/cli/words.ts). */
const WORDS: OptionSpec = { name: 'words', value: true };

const SPECS: Record<Exclude<Command, 'help' | 'version'>, readonly OptionSpec[]> = {
  check: [{ name: 'json', value: true }, { name: 'out', value: true }, LANG, REVERSE, WORDS],
  clear: [{ name: 'out', value: true }, LANG],
  fill: [{ name: 'out', value: true }, { name: 'undo', value: false }, LANG, REVERSE, WORDS],
  summary: [
    { name: 'o', aliases: ['output'], value: true },
    { name: 'json', value: true },
    { name: 'sort', value: true, allowed: ['sheet', 'total', 'errors', 'budget', 'project'] },
    { name: 'sentence', value: true, allowed: ['report', 'final-accounts'] },
    LANG,
    REVERSE,
    WORDS,
  ],
  demo: [LANG, REVERSE],
};

export interface ParsedArgs {
  readonly command: Command | undefined;
  readonly lang: Lang;
  readonly positional: string[];
  readonly options: Readonly<Record<string, string>>;
}

/** The language asked for, looked up before anything else so that every message is in it. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang=en' || (argv[i] === '--lang' && argv[i + 1] === 'en')) return 'en';
  }
  return 'zh';
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const lang = langOf(argv);
  const t = CLI_TEXT[lang];
  const first = argv[0];
  if (first === undefined) return { command: undefined, lang, positional: [], options: {} };
  if (first === '--help' || first === '-h' || first === 'help') return { command: 'help', lang, positional: [], options: {} };
  if (first === '--version' || first === '-V' || first === 'version') return { command: 'version', lang, positional: [], options: {} };
  if (first.startsWith('-')) {
    // Options before the command: only --lang may stand there.
    if (!/^--lang(=|$)/.test(first)) throw new UsageError(t.unknownOption(first));
  }
  const rest = [...argv];
  // A leading --lang belongs to whatever command follows it.
  const lead: string[] = [];
  while (rest[0] !== undefined && /^--lang(=|$)/.test(rest[0])) {
    lead.push(rest.shift()!);
    if (!lead[lead.length - 1]!.includes('=') && rest.length) lead.push(rest.shift()!);
  }
  const name = rest.shift();
  if (name === undefined) return { command: undefined, lang, positional: [], options: {} };
  if (name === '--help' || name === '-h') return { command: 'help', lang, positional: [], options: {} };
  if (!(name in SPECS)) throw new UsageError(t.unknownCommand(name));
  const command = name as keyof typeof SPECS;
  const specs = SPECS[command];
  const options: Record<string, string> = {};
  const positional: string[] = [];
  const tokens = [...lead, ...rest];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    if (a === '--') {
      positional.push(...tokens.slice(i + 1));
      break;
    }
    if (a === '--help' || a === '-h') return { command: 'help', lang, positional: [], options: {} };
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const [key, inline] = a.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    const spec = specs.find((s) => s.name === key || s.aliases?.includes(key));
    if (!spec) {
      // "-报表.xlsx" is most likely a file whose name starts with "-".
      throw new UsageError(/[^\w-]|\.xls/i.test(key) ? t.dashFile(a) : t.unknownOption(a));
    }
    if (!spec.value) {
      // A flag (--undo) takes no value.
      if (inline !== undefined) throw new UsageError(t.unknownOption(a));
      options[spec.name] = 'true';
      continue;
    }
    let value = inline;
    if (value === undefined) {
      value = tokens[i + 1];
      if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(t.needsValue(`--${spec.name}`));
      i++;
    }
    if (spec.allowed && !spec.allowed.includes(value)) throw new UsageError(t.badValue(`--${spec.name}`, spec.allowed.join(' | ')));
    options[spec.name] = value;
  }
  return { command, lang, positional, options };
}
