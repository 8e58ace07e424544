/** What the status region says: nothing, an action under way, or what came of the last one. */
import type { Lang, Severity } from '../../core/findings';
import type { CheckResponse, SummaryResponse } from '../../office/hostApi';
import type { Settings } from '../../office/settings';
import type { Strings } from '../i18n';
import { count, verifiedCount } from './tables';

/**
 * A message of the status, said in whichever language the pane is in when it is drawn: switching the
 * language re-says it at once.
 */
export type Said = (t: Strings, lang: Lang) => string;

export type Status =
  | { kind: 'idle' }
  | {
      kind: 'busy';
      what: 'check' | 'clear' | 'summary' | 'fill' | 'undoFill';
      label?: Said;
    }
  | {
      kind: 'message';
      intent: 'success' | 'warning' | 'error' | 'info';
      text: Said;
    };

export const message = (intent: Extract<Status, { kind: 'message' }>['intent'], text: Said): Status => ({ kind: 'message', intent, text });

/** A check of a sheet the pane shows results for (the summary sheet has none). */
export type Checked = Exclude<CheckResponse, { kind: 'summarySheet' }>;

/** What the status says after a check. */
export function checkedStatus(r: Checked, settings: Settings): Status {
  const total = (s: Severity) => r.tables.reduce((n, x) => n + count(x, s), 0);
  if (r.kind === 'protected') return message('warning', (t) => t.protectedSheet(r.sheet));
  const regions = r.unrecognised.length;
  if (r.tables.length === 0) return regions ? message('warning', (t) => t.onlyUnrecognised(regions)) : message('info', (t) => t.noTables);
  // A part of the sheet that could not be read is never passed over as clean.
  const notesOff = settings.notes && !r.notesWritten;
  // Findings a reviewer verified are counted apart: "错误 2，已核实 1".
  const verified = r.tables.reduce((n, x) => n + verifiedCount(x), 0);
  const text: Said = (t) => t.checked(r.tables.length, total('error'), total('warning'), verified) + (regions ? ` ${t.alsoUnrecognised(regions)}` : '') + (notesOff ? ` ${t.notesOff}` : '');
  return message(total('error') ? 'error' : total('warning') || regions ? 'warning' : 'success', text);
}

/** What the status says after 生成汇总表: each workbook that could not be summarised, by name and why. */
export function summaryStatus(r: SummaryResponse): Status {
  const s = r.summary;
  const failed = s.workbooks.filter((w) => w.status !== 'ok');
  // The pane's own words follow the language; the summary's sentences are in the one it was written in.
  const text: Said = (t) => {
    const lines = failed.map((w) => `· ${w.file}：${w.status === 'unreadable' ? (w.detail ?? '') : w.status === 'empty' ? t.emptyWorkbook : t.noTablesIn}`);
    const head = failed.length ? t.summarisedWithProblems(r.sheet, failed.length) : t.summarised(r.sheet);
    return [head, ...lines, s.sentence.recomputed, s.shownDiffers ? `${t.byShown}${s.sentence.shown}` : '', s.departmentSentence ?? '', s.fullMarksSentence ?? ''].filter(Boolean).join('\n');
  };
  return message(failed.length ? 'warning' : 'success', text);
}

/** An error of an action, said in the status. */
export const failedStatus = (e: unknown): Status => message('error', (t) => t.failed(e instanceof Error ? e.message : String(e)));
