/**
 * The engine off the pane's thread: a Web Worker that runs src/core on the sheet the host read and posts
 * back the plain-data result (and how many tables are done, as it goes). See engineClient.ts.
 */
import { type CheckedOptions, checkForHost } from '../core/annotate/run';
import type { SheetNow } from '../core/annotate/own';
import type { SheetState } from '../core/annotate/state';
import { type UserWords, setUserWords } from '../core/recognise/vocabulary';

export interface EngineRequest {
  readonly id: number;
  readonly now: SheetNow;
  readonly state: SheetState | undefined;
  readonly options: CheckedOptions;
  /** The user's words (settings → 补充词表): the worker's vocabulary is its own. */
  readonly words: UserWords;
}

export type EngineMessage =
  | { readonly id: number; readonly progress: number }
  | { readonly id: number; readonly result: ReturnType<typeof checkForHost> }
  | { readonly id: number; readonly error: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage: (m: EngineMessage) => void };

let wordsSet = '{}';

scope.onmessage = (e) => {
  const { id, now, state, options, words } = e.data;
  try {
    const key = JSON.stringify(words);
    if (key !== wordsSet) {
      setUserWords(words);
      wordsSet = key;
    }
    const result = checkForHost(now, state, options, (progress) => scope.postMessage({ id, progress }));
    scope.postMessage({ id, result });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
