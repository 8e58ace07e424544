/** What the user chose in the pane; shared by the pane and the ribbon command (same origin storage). */
import type { Lang } from '../core/findings';
import type { ReverseFormula } from '../core/check/result';
import type { SentenceForm, SortKey } from '../core/summary';
import { type UserWordsError, parseUserWords } from '../core/recognise/userWords';
import { setUserWords } from '../core/recognise/vocabulary';

const SORTS: readonly SortKey[] = ['sheet', 'total', 'errors', 'budget', 'project'];

export interface Settings {
  readonly lang: Lang;
  readonly notes: boolean;
  readonly column: boolean;
  readonly reverseFormula: ReverseFormula;
  /** Row order of the summary sheet. */
  readonly summarySort: SortKey;
  /** The summary's sentence: the district report's, or the 部门决算 template's. */
  readonly summarySentence: SentenceForm;
  /** 自动校验: check a table again when the clerk edits it (off by default). */
  readonly autoCheck: boolean;
  /** Words of the user's form and their meanings (the vocabulary file's JSON, core/recognise/userWords.ts). */
  readonly words: string;
  /** 复核人: the reviewer's name, kept with each 已核实 (复核意见) the pane records. */
  readonly reviewer?: string;
}

const KEY = 'selfeval.settings.v1';

export function defaultSettings(displayLanguage?: string): Settings {
  const lang: Lang = displayLanguage && !/^zh/i.test(displayLanguage) ? 'en' : 'zh';
  return { lang, notes: true, column: true, reverseFormula: 'ratio', summarySort: 'sheet', summarySentence: 'report', autoCheck: false, words: '' };
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined, displayLanguage?: string): Settings {
  const settings = readSettings(storage, defaultSettings(displayLanguage));
  // Every entry point (the pane, the ribbon command, WPS, the preview) reads the settings before it checks.
  applyUserWords(settings.words);
  return settings;
}

function readSettings(storage: Pick<Storage, 'getItem'> | undefined, base: Settings): Settings {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return base;
    const s = JSON.parse(raw) as Partial<Settings>;
    return {
      lang: s.lang === 'en' || s.lang === 'zh' ? s.lang : base.lang,
      notes: typeof s.notes === 'boolean' ? s.notes : base.notes,
      column: typeof s.column === 'boolean' ? s.column : base.column,
      reverseFormula: s.reverseFormula === 'deviation' ? 'deviation' : 'ratio',
      summarySort: s.summarySort && SORTS.includes(s.summarySort) ? s.summarySort : base.summarySort,
      summarySentence: s.summarySentence === 'final-accounts' ? 'final-accounts' : 'report',
      autoCheck: s.autoCheck === true,
      words: typeof s.words === 'string' ? s.words : '',
      ...(typeof s.reviewer === 'string' && s.reviewer ? { reviewer: s.reviewer } : {}),
    };
  } catch {
    return base;
  }
}

/** Makes the user's words the vocabulary's; a malformed text changes nothing and is returned as the error. */
export function applyUserWords(text: string): UserWordsError | undefined {
  const read = parseUserWords(text);
  if ('error' in read) return read.error;
  setUserWords(read.words);
  return undefined;
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | undefined, s: Settings): void {
  applyUserWords(s.words);
  try {
    storage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage may be unavailable (private mode); settings then last for the session only.
  }
}
