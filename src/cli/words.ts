/**
 * The words users add to the vocabulary (core/recognise/userWords.ts), found where a user keeps them: the
 * user's own file (~/.config/selfeval/words.json, %APPDATA%\selfeval\words.json on Windows), a
 * `selfeval-words.json` beside the workbooks (in each folder given, or the folder of each file given), and
 * `--words FILE`; later ones win on the same word. A malformed file stops the run before anything is read:
 * a form read without the words its owner wrote would be read wrong without a word said.
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Lang } from '../core/findings';
import type { UserWords } from '../core/recognise/vocabulary';
import { mergeUserWords, parseUserWords, userWordsMessage } from '../core/recognise/userWords';

export const FOLDER_WORDS = 'selfeval-words.json';

/** The user's own words file. */
export function userWordsFile(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'selfeval', 'words.json');
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'selfeval', 'words.json');
}

async function folderOf(input: string): Promise<string> {
  const st = await fs.stat(input).catch(() => null);
  return st?.isDirectory() ? input : path.dirname(input);
}

export type WordsLoaded = { readonly words: UserWords; readonly files: readonly string[] } | { readonly error: string };

export async function loadWords(inputs: readonly string[], explicit: string | undefined, lang: Lang): Promise<WordsLoaded> {
  const folders = [...new Set(await Promise.all(inputs.map(folderOf)))].map((d) => path.join(d, FOLDER_WORDS));
  const candidates: { file: string; required: boolean }[] = [
    { file: userWordsFile(), required: false },
    ...folders.map((file) => ({ file, required: false })),
    ...(explicit ? [{ file: explicit, required: true }] : []),
  ];
  let words: UserWords = {};
  const files: string[] = [];
  for (const { file, required } of candidates) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if (!required && (e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      const cause = (e as NodeJS.ErrnoException).code ?? String(e);
      return { error: lang === 'zh' ? `无法读取词表 ${file}（${cause}）。` : `Cannot read the vocabulary ${file} (${cause}).` };
    }
    const read = parseUserWords(text);
    if ('error' in read) return { error: userWordsMessage(file, read.error, lang) };
    words = mergeUserWords(words, read.words);
    files.push(file);
  }
  return { words, files };
}
