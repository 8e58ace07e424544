/** A small, strict argument parser: the CLI takes few options and needs no dependency for them. */
export interface ParsedArgs {
  readonly command: string | undefined;
  readonly positional: string[];
  readonly options: Record<string, string | true>;
}

const WITH_VALUE = new Set(['json', 'out', 'lang', 'o', 'output', 'sort', 'reverse']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const [rawKey, inline] = a.replace(/^--?/, '').split('=', 2) as [string, string | undefined];
      if (inline !== undefined) options[rawKey] = inline;
      else if (WITH_VALUE.has(rawKey)) {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`--${rawKey} needs a value`);
        options[rawKey] = v;
        i++;
      } else options[rawKey] = true;
      continue;
    }
    if (command === undefined) command = a;
    else positional.push(a);
  }
  return { command, positional, options };
}

export class UsageError extends Error {}
