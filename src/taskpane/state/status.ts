/** What the status region says: nothing, an action under way, or what came of the last one. */
import type { Severity } from '../../core/findings';
import type { CheckResponse, SummaryResponse } from '../../office/hostApi';
import type { Settings } from '../../office/settings';
import type { Strings } from '../i18n';
import { count } from './tables';

export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'check' | 'clear' | 'summary' | 'fill' | 'undoFill'; label?: string }
  | { kind: 'message'; intent: 'success' | 'warning' | 'error' | 'info'; text: string };

/** A check of a sheet the pane shows results for (the summary sheet has none). */
export type Checked = Exclude<CheckResponse, { kind: 'summarySheet' }>;

/** What the status says after a check. */
export function checkedStatus(r: Checked, settings: Settings, t: Strings): Status {
  const total = (s: Severity) => r.tables.reduce((n, x) => n + count(x, s), 0);
  if (r.kind === 'protected') return { kind: 'message', intent: 'warning', text: t.protectedSheet(r.sheet) };
  if (r.tables.length === 0) return r.unrecognised.length ? { kind: 'message', intent: 'warning', text: t.onlyUnrecognised(r.unrecognised.length) } : { kind: 'message', intent: 'info', text: t.noTables };
  // A part of the sheet that could not be read is never passed over as clean.
  const regions = r.unrecognised.length ? ` ${t.alsoUnrecognised(r.unrecognised.length)}` : '';
  const text = t.checked(r.tables.length, total('error'), total('warning')) + regions + (settings.notes && !r.notesWritten ? ` ${t.notesOff}` : '');
  return { kind: 'message', intent: total('error') ? 'error' : total('warning') || regions ? 'warning' : 'success', text };
}

/** What the status says after 生成汇总表: each workbook that could not be summarised, by name and why. */
export function summaryStatus(r: SummaryResponse, t: Strings): Status {
  const s = r.summary;
  const failed = s.workbooks.filter((w) => w.status !== 'ok');
  const lines = failed.map((w) => `· ${w.file}：${w.status === 'unreadable' ? (w.detail ?? '') : w.status === 'empty' ? t.emptyWorkbook : t.noTablesIn}`);
  const head = failed.length ? t.summarisedWithProblems(r.sheet, failed.length) : t.summarised(r.sheet);
  const text = [head, ...lines, s.sentence.recomputed, s.shownDiffers ? `${t.byShown}${s.sentence.shown}` : '', s.departmentSentence ?? '', s.fullMarksSentence ?? ''].filter(Boolean).join('\n');
  return { kind: 'message', intent: failed.length ? 'warning' : 'success', text };
}

/** An error of an action, said in the status. */
export const failedStatus = (e: unknown, t: Strings): Status => ({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
