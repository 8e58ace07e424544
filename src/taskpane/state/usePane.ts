/**
 * The pane's state and what its actions do: the settings and language, the last check's results and
 * whether they are stale, the status, the selected finding, the severity filter, the fill plan waiting for
 * 确认填写, the report being checked, and the undo note. The components only draw it.
 */
import * as React from 'react';
import type { FillPlan } from '../../core/annotate/fillIn';
import { clearedText, undoneText } from '../../core/annotate/undoText';
import type { WorkbookInput } from '../../core/summary';
import type { Host } from '../../office/hostApi';
import { notesLeftMessage } from '../../office/outcome';
import type { Settings } from '../../office/settings';
import { type Strings, strings } from '../i18n';
import { type FocusReturn, useAutoCheck, useFocusReturn, useSettings } from './paneHooks';
import { type Checked, type Status, checkedStatus, failedStatus, message, summaryStatus } from './status';
import type { Filter } from './tables';
import { type WorkbookState, useWorkbook } from './useWorkbook';

export interface PaneOptions {
  readonly host: Host;
  readonly initialSettings: Settings;
  readonly storage?: Storage;
  /** What the pane was opened to do (the ribbon's 填写计算值 opens it with ?action=fill). */
  readonly initialAction?: string | null;
}

/** What each action of the pane does (the toolbar draws them). */
export interface PaneRuns {
  readonly check: () => Promise<void>;
  readonly clear: () => Promise<void>;
  /** 校验全部工作表 and 清除标记 of every sheet (hosts that offer them). */
  readonly checkAll: () => Promise<void>;
  readonly clearAll: () => Promise<void>;
  readonly fill: () => Promise<void>;
  readonly undoFill: () => Promise<void>;
  /** 生成汇总表 of the open workbook, or of the picked files into it. */
  readonly summary: (files?: File[]) => Promise<void>;
}

export interface PaneState {
  readonly host: Host;
  readonly settings: Settings;
  readonly update: (patch: Partial<Settings>) => void;
  /** The pane's words in the chosen language. */
  readonly t: Strings;
  /** The last check, its tables and regions in the pane's current language. */
  readonly result: Checked | null;
  readonly stale: boolean;
  readonly status: Status;
  readonly busy: boolean;
  readonly selected: string | null;
  readonly select: (key: string, sheet: string, cell: string) => void;
  readonly filter: Filter;
  readonly setFilter: (f: Filter) => void;
  readonly fillPlan: FillPlan | null;
  readonly closeFill: () => void;
  readonly confirmFill: (plan: FillPlan) => void;
  readonly report: File | null;
  readonly openReport: (file: File) => void;
  readonly closeReport: () => void;
  readonly settingsOpen: boolean;
  readonly toggleSettings: () => void;
  readonly undoNoteOpen: boolean;
  readonly dismissUndoNote: () => void;
  readonly run: PaneRuns;
  /** 校验全部工作表's sheets and chips, the sheet picked, 复核意见. */
  readonly workbook: WorkbookState;
  /** The toolbar's 校验本表 and overflow buttons: where focus goes back when its opener is gone. */
  readonly checkRef: React.RefObject<HTMLElement | null>;
  readonly moreRef: React.RefObject<HTMLButtonElement | null>;
  readonly focus: FocusReturn;
}

const UNDO_NOTE_DISMISSED = 'selfeval.undoNote.dismissed';

export function usePane({ host, initialSettings, storage, initialAction }: PaneOptions): PaneState {
  const [settings, update] = useSettings(initialSettings, storage);
  const [result, setResultState] = React.useState<Checked | null>(null);
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  const [stale, setStale] = React.useState(false);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [filter, setFilter] = React.useState<Filter>('all');
  const [fillPlan, setFillPlan] = React.useState<FillPlan | null>(null);
  const [report, setReport] = React.useState<File | null>(null);
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const [undoNoteOpen, setUndoNoteOpen] = React.useState(() => storage?.getItem(UNDO_NOTE_DISMISSED) !== '1');
  const moreRef = React.useRef<HTMLButtonElement | null>(null);
  const checkRef = React.useRef<HTMLElement | null>(null);
  const focus = useFocusReturn(() => moreRef.current ?? checkRef.current);
  const t = strings(settings.lang);
  // A screen reader reads the pane in the voice of its language.
  React.useEffect(() => {
    document.documentElement.lang = settings.lang === 'en' ? 'en' : 'zh-CN';
  }, [settings.lang]);
  // The results held are shown in a newly chosen language at once (the host gave them in each).
  const inLang = result?.byLang?.[settings.lang];
  const shownResult = React.useMemo(() => (result && inLang ? { ...result, ...inLang } : result), [result, inLang]);

  // Results gone (清除标记, the summary sheet checked): the filter goes back to all with them.
  const setResult = (r: Checked | null) => {
    setResultState(r);
    if (!r) setFilter('all');
  };
  const workbook = useWorkbook({ host, settings, setResult, setStatus, setSelected, setStale });
  const holdsSheets = React.useRef(false);
  holdsSheets.current = workbook.sheets !== null;

  // The sheet the results on screen are of, and whether the product changed it since (撤销填写): a sheet that is
  // not shown cannot be typed into, so back on it unchanged its results are current again.
  const resultSheet = React.useRef<string | null>(null);
  resultSheet.current = result && 'sheet' in result ? result.sheet : null;
  const changedSinceCheck = React.useRef(false);
  React.useEffect(() => {
    changedSinceCheck.current = false;
  }, [result]);

  React.useEffect(() => {
    // Another sheet opened: the results on screen are the last check's, and say so; what the status
    // said of that sheet goes (a green bar must not stand over another sheet).
    void host.onSheetActivated?.((sheet) => {
      // Results of every sheet (校验全部工作表) are each labelled with their sheet: none goes stale by a switch.
      if (holdsSheets.current) return;
      if (sheet !== undefined && sheet === resultSheet.current && !changedSinceCheck.current) {
        setStale(false);
        return;
      }
      setStale(true);
      setStatus((s) => (s.kind === 'busy' ? s : { kind: 'idle' }));
    });
  }, [host]);
  useAutoCheck(host, settings, (r) =>
    React.startTransition(() => {
      setResult(r);
      setStale(false);
      workbook.checkedOne(r);
      setStatus(checkedStatus(r, settings));
    }),
  );

  const failed = (e: unknown) => setStatus(failedStatus(e));

  const check = async () => {
    setStatus({ kind: 'busy', what: 'check' });
    try {
      // On long sheets, how far it has got.
      const r = await host.checkActiveSheet(settings, (n) =>
        setStatus({
          kind: 'busy',
          what: 'check',
          label: (t) => t.checkingTables(n),
        }),
      );
      if (r.kind === 'summarySheet') {
        setResult(null);
        setStatus(message('info', (t) => t.summarySheet));
        return;
      }
      // A transition: React renders the cards of a long sheet in slices, never freezing the pane.
      React.startTransition(() => {
        setResult(r);
        setStale(false);
        setSelected(null);
        workbook.checkedOne(r);
        setStatus(checkedStatus(r, settings));
      });
    } catch (e) {
      failed(e);
    }
  };

  const fill = async () => {
    if (!host.planFill) return;
    focus.remember();
    setStatus({ kind: 'busy', what: 'fill' });
    try {
      const r = await host.planFill(settings);
      if (r.kind !== 'plan') setStatus(r.kind === 'protected' ? message('warning', (t) => t.protectedSheet(r.sheet)) : message('info', (t) => t.summarySheet));
      else if (!r.plan.changes.length && !r.plan.skipped.length) setStatus(message('info', (t) => t.nothingToFill));
      else {
        setStatus({ kind: 'idle' });
        setFillPlan(r.plan);
      }
    } catch (e) {
      failed(e);
    }
  };
  const closeFill = () => {
    setFillPlan(null);
    focus.restore();
  };
  const confirmFill = async (plan: FillPlan) => {
    closeFill();
    if (!host.applyFill || !plan.changes.length) return;
    setStatus({ kind: 'busy', what: 'fill', label: (t) => t.filling });
    try {
      const r = await host.applyFill(settings, plan);
      await check();
      setStatus((s) =>
        s.kind === 'message'
          ? {
              ...s,
              text: (t, lang) => `${t.filled(r.written)}\n${s.text(t, lang)}`,
            }
          : s,
      );
    } catch (e) {
      failed(e);
    }
  };

  // The ribbon's 填写计算值 opens the pane at taskpane.html?action=fill: the list to confirm comes up at once.
  const asked = React.useRef(false);
  React.useEffect(() => {
    if (asked.current || !initialAction || initialAction !== 'fill') return;
    asked.current = true;
    void fill();
  });

  const clear = async () => {
    setStatus({ kind: 'busy', what: 'clear' });
    try {
      const r = await host.clearActiveSheet();
      setResult(null);
      workbook.forget();
      if (r.kind === 'protected') setStatus(message('warning', (t) => t.protectedSheet(r.sheet)));
      else {
        const left = r.notesLeft ?? [];
        setStatus(message(left.length ? 'warning' : 'success', (_, lang) => clearedText(r.cells, r.filledKept, lang) + (left.length ? ` ${notesLeftMessage(left, lang)}` : '')));
      }
    } catch (e) {
      failed(e);
    }
  };

  // 撤销填写: the values from before the fill, where the cells still hold what was filled; the results shown are then stale.
  const undoFill = async () => {
    if (!host.undoFill) return;
    setStatus({ kind: 'busy', what: 'undoFill', label: (t) => t.undoing });
    try {
      const r = await host.undoFill();
      if (r.kind === 'protected') setStatus(message('warning', (t) => t.protectedSheet(r.sheet)));
      else {
        if (r.restored) {
          changedSinceCheck.current = true;
          setStale(true);
        }
        setStatus(message(r.kept.length ? 'warning' : r.restored ? 'success' : 'info', (_, lang) => undoneText(r.restored, r.kept, lang)));
      }
    } catch (e) {
      failed(e);
    }
  };

  const summary = async (files?: File[]) => {
    setStatus({ kind: 'busy', what: 'summary' });
    try {
      let inputs: WorkbookInput[] | undefined;
      if (files?.length) {
        // The package reader loads only when files are picked (its own chunk); the bytes never leave the browser.
        const { summariseFile } = await import(/* webpackChunkName: "xlsx" */ '../../xlsx/summaryInput');
        inputs = [];
        for (const [i, f] of files.entries()) {
          setStatus({
            kind: 'busy',
            what: 'summary',
            label: (t) => t.reading(i + 1, files.length),
          });
          inputs.push(await summariseFile(new Uint8Array(await f.arrayBuffer()), f.name, settings.lang, { reverseFormula: settings.reverseFormula }));
        }
        setStatus({ kind: 'busy', what: 'summary' });
      }
      const r = await host.summarise(settings, inputs);
      setStale(true);
      setStatus(summaryStatus(r));
    } catch (e) {
      failed(e);
    }
  };

  return {
    host,
    settings,
    update,
    t,
    result: shownResult,
    stale,
    status,
    busy: status.kind === 'busy',
    selected,
    select: (key, sheet, cell) => {
      setSelected(key);
      void host.selectCell(sheet, cell);
    },
    filter,
    setFilter,
    fillPlan,
    closeFill,
    confirmFill: (plan) => void confirmFill(plan),
    report,
    openReport: setReport,
    closeReport: () => {
      setReport(null);
      focus.restore();
    },
    settingsOpen,
    toggleSettings: () => setSettingsOpen(!settingsOpen),
    undoNoteOpen,
    dismissUndoNote: () => {
      setUndoNoteOpen(false);
      storage?.setItem(UNDO_NOTE_DISMISSED, '1');
      // Its button is gone: focus goes to the pane's first action, not to the page's body.
      requestAnimationFrame(() => checkRef.current?.focus());
    },
    run: { check, clear, checkAll: workbook.checkAll, clearAll: workbook.clearAll, fill, undoFill, summary },
    workbook,
    checkRef,
    moreRef,
    focus,
  };
}
