/**
 * The task pane: its actions in one toolbar row (校验本表 first, the rest in an overflow menu when the
 * pane is narrow; arrow keys move between them; focus stays on a button through its action and comes
 * back to it after a dialog), a status region that is always there to be announced, the results
 * (Results.tsx), and the settings folded under a gear. The engine runs where the host says (the pane
 * gives it a Web Worker); the fill dialog, the settings and the multi-file summary load on demand.
 */
import * as React from 'react';
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Spinner, Title3 } from '@fluentui/react-components';
import { ArrowUndo20Regular, Calculator20Regular, DocumentSearch20Regular, Eraser20Regular, FolderOpen20Regular, TableSearch20Regular, TableSimple20Regular } from '@fluentui/react-icons';
import type { FillPlan } from '../core/annotate/fillIn';
import { clearedText, undoneText } from '../core/annotate/undoText';
import type { Severity } from '../core/findings';
import type { CheckResponse, Host, SummaryResponse } from '../office/hostApi';
import type { WorkbookInput } from '../core/summary';
import { type Settings, saveSettings } from '../office/settings';
import { notesLeftMessage } from '../office/outcome';
import { type Strings, strings } from './i18n';
import { useStyles } from './styles';
import { count } from './components/TableCard';
import { Results } from './components/Results';
import { type PaneAction, PaneToolbar } from './components/PaneToolbar';

// What a first check does not need comes in chunks of its own, loaded when first shown.
const FillDialog = React.lazy(() => import(/* webpackChunkName: "fill" */ './components/FillDialog').then((m) => ({ default: m.FillDialog })));
const SettingsPanel = React.lazy(() => import(/* webpackChunkName: "settings" */ './components/SettingsPanel').then((m) => ({ default: m.SettingsPanel })));
import { REPORT_TEXT } from './components/reportText';

// 核对报告 loads with the document reader, in a chunk of its own, when a report is picked.
const ReportCheck = React.lazy(() => import(/* webpackChunkName: "report" */ './components/ReportCheck'));

export interface AppProps {
  readonly host: Host;
  readonly initialSettings: Settings;
  readonly storage?: Storage;
  /** What the pane was opened to do (the ribbon's 填写计算值 opens it with ?action=fill). */
  readonly initialAction?: string | null;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'check' | 'clear' | 'summary' | 'fill' | 'undoFill'; label?: string }
  | { kind: 'message'; intent: 'success' | 'warning' | 'error' | 'info'; text: string };

type Checked = Exclude<CheckResponse, { kind: 'summarySheet' }>;

/** What the status says after a check. */
function checkedStatus(r: Checked, settings: Settings, t: Strings): Status {
  const total = (s: Severity) => r.tables.reduce((n, x) => n + count(x, s), 0);
  if (r.kind === 'protected') return { kind: 'message', intent: 'warning', text: t.protectedSheet(r.sheet) };
  if (r.tables.length === 0) return r.unrecognised.length ? { kind: 'message', intent: 'warning', text: t.onlyUnrecognised(r.unrecognised.length) } : { kind: 'message', intent: 'info', text: t.noTables };
  // A part of the sheet that could not be read is never passed over as clean.
  const regions = r.unrecognised.length ? ` ${t.alsoUnrecognised(r.unrecognised.length)}` : '';
  const text = t.checked(r.tables.length, total('error'), total('warning')) + regions + (settings.notes && !r.notesWritten ? ` ${t.notesOff}` : '');
  return { kind: 'message', intent: total('error') ? 'error' : total('warning') || regions ? 'warning' : 'success', text };
}

/** What the status says after 生成汇总表: each workbook that could not be summarised, by name and why. */
function summaryStatus(r: SummaryResponse, t: Strings): Status {
  const s = r.summary;
  const failed = s.workbooks.filter((w) => w.status !== 'ok');
  const lines = failed.map((w) => `· ${w.file}：${w.status === 'unreadable' ? (w.detail ?? '') : w.status === 'empty' ? t.emptyWorkbook : t.noTablesIn}`);
  const head = failed.length ? t.summarisedWithProblems(r.sheet, failed.length) : t.summarised(r.sheet);
  const text = [head, ...lines, s.sentence.recomputed, s.shownDiffers ? `${t.byShown}${s.sentence.shown}` : '', s.departmentSentence ?? '', s.fullMarksSentence ?? ''].filter(Boolean).join('\n');
  return { kind: 'message', intent: failed.length ? 'warning' : 'success', text };
}

function useSettings(initial: Settings, storage?: Storage): [Settings, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = React.useState(initial);
  const update = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    saveSettings(storage, next);
  };
  return [settings, update];
}

/** 自动校验: the host checks again after an edit; the pane shows what came of it. */
function useAutoCheck(host: Host, settings: Settings, shown: (r: Checked) => void): void {
  const settingsRef = React.useRef(settings);
  settingsRef.current = settings;
  const shownRef = React.useRef(shown);
  shownRef.current = shown;
  React.useEffect(() => {
    if (!settings.autoCheck || !host.watchEdits) return;
    let stop: (() => void) | undefined;
    let live = true;
    void host
      .watchEdits(
        () => settingsRef.current,
        (r) => {
          if (r.kind !== 'summarySheet') shownRef.current(r);
        },
      )
      .then((s) => (live ? (stop = s) : s()));
    return () => {
      live = false;
      stop?.();
    };
  }, [host, settings.autoCheck]);
}

/** The element that opened a dialog gets the focus back when it closes (or the overflow button, if it was in the menu). */
function useFocusReturn(fallback: React.RefObject<HTMLElement | null>): { remember: () => void; restore: () => void } {
  const opener = React.useRef<HTMLElement | null>(null);
  return {
    remember: () => {
      opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    },
    restore: () =>
      requestAnimationFrame(() => {
        const el = opener.current?.isConnected && opener.current.offsetParent !== null ? opener.current : fallback.current;
        el?.focus();
      }),
  };
}

export function App({ host, initialSettings, storage, initialAction }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [settings, update] = useSettings(initialSettings, storage);
  const [result, setResult] = React.useState<Checked | null>(null);
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  const [stale, setStale] = React.useState(false);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [fillPlan, setFillPlan] = React.useState<FillPlan | null>(null);
  const [undoNoteOpen, setUndoNoteOpen] = React.useState(() => storage?.getItem('selfeval.undoNote.dismissed') !== '1');
  const moreRef = React.useRef<HTMLButtonElement | null>(null);
  const checkRef = React.useRef<HTMLElement | null>(null);
  const focus = useFocusReturn(moreRef.current ? moreRef : checkRef);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const t = strings(settings.lang);

  React.useEffect(() => {
    // Another sheet opened: the results on screen are the last check's, and say so; what the status
    // said of that sheet goes (a green bar must not stand over another sheet).
    void host.onSheetActivated?.(() => {
      setStale(true);
      setStatus((s) => (s.kind === 'busy' ? s : { kind: 'idle' }));
    });
  }, [host]);
  useAutoCheck(host, settings, (r) =>
    React.startTransition(() => {
      setResult(r);
      setStale(false);
      setStatus(checkedStatus(r, settings, t));
    }),
  );

  const failed = (e: unknown) => setStatus({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });

  const runCheck = async () => {
    setStatus({ kind: 'busy', what: 'check' });
    try {
      // On long sheets, how far it has got.
      const r = await host.checkActiveSheet(settings, (n) => setStatus({ kind: 'busy', what: 'check', label: t.checkingTables(n) }));
      if (r.kind === 'summarySheet') {
        setResult(null);
        setStatus({ kind: 'message', intent: 'info', text: t.summarySheet });
        return;
      }
      // A transition: React renders the cards of a long sheet in slices, never freezing the pane.
      React.startTransition(() => {
        setResult(r);
        setStale(false);
        setSelected(null);
        setStatus(checkedStatus(r, settings, t));
      });
    } catch (e) {
      failed(e);
    }
  };

  const runFill = async () => {
    if (!host.planFill) return;
    focus.remember();
    setStatus({ kind: 'busy', what: 'fill' });
    try {
      const r = await host.planFill(settings);
      if (r.kind !== 'plan') setStatus(r.kind === 'protected' ? { kind: 'message', intent: 'warning', text: t.protectedSheet(r.sheet) } : { kind: 'message', intent: 'info', text: t.summarySheet });
      else if (!r.plan.changes.length && !r.plan.skipped.length) setStatus({ kind: 'message', intent: 'info', text: t.nothingToFill });
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
    setStatus({ kind: 'busy', what: 'fill', label: t.filling });
    try {
      const r = await host.applyFill(settings, plan);
      await runCheck();
      setStatus((s) => (s.kind === 'message' ? { ...s, text: `${t.filled(r.written)}\n${s.text}` } : s));
    } catch (e) {
      failed(e);
    }
  };

  // The ribbon's 填写计算值 opens the pane at taskpane.html?action=fill: the list to confirm comes up at once.
  const asked = React.useRef(false);
  React.useEffect(() => {
    if (asked.current || !initialAction || initialAction !== 'fill') return;
    asked.current = true;
    void runFill();
  });

  const runClear = async () => {
    setStatus({ kind: 'busy', what: 'clear' });
    try {
      const r = await host.clearActiveSheet();
      setResult(null);
      setStatus(
        r.kind === 'protected'
          ? { kind: 'message', intent: 'warning', text: t.protectedSheet(r.sheet) }
          : r.notesLeft?.length
            ? { kind: 'message', intent: 'warning', text: `${clearedText(r.cells, r.filledKept, settings.lang)} ${notesLeftMessage(r.notesLeft, settings.lang)}` }
            : { kind: 'message', intent: 'success', text: clearedText(r.cells, r.filledKept, settings.lang) },
      );
    } catch (e) {
      failed(e);
    }
  };

  // 撤销填写: the values from before the fill, where the cells still hold what was filled; the results shown are then stale.
  const runUndoFill = async () => {
    if (!host.undoFill) return;
    setStatus({ kind: 'busy', what: 'undoFill', label: t.undoing });
    try {
      const r = await host.undoFill();
      if (r.kind === 'protected') setStatus({ kind: 'message', intent: 'warning', text: t.protectedSheet(r.sheet) });
      else {
        if (r.restored) setStale(true);
        setStatus({ kind: 'message', intent: r.kept.length ? 'warning' : r.restored ? 'success' : 'info', text: undoneText(r.restored, r.kept, settings.lang) });
      }
    } catch (e) {
      setStatus({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  const reportInput = React.useRef<HTMLInputElement>(null);
  const [report, setReport] = React.useState<File | null>(null);

  const runSummary = async (files?: File[]) => {
    setStatus({ kind: 'busy', what: 'summary' });
    try {
      let inputs: WorkbookInput[] | undefined;
      if (files?.length) {
        // The package reader loads only when files are picked (its own chunk); the bytes never leave the browser.
        const { summariseFile } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/summaryInput');
        inputs = [];
        for (const [i, f] of files.entries()) {
          setStatus({ kind: 'busy', what: 'summary', label: t.reading(i + 1, files.length) });
          inputs.push(await summariseFile(new Uint8Array(await f.arrayBuffer()), f.name, settings.lang, { reverseFormula: settings.reverseFormula }));
        }
        setStatus({ kind: 'busy', what: 'summary' });
      }
      const r = await host.summarise(settings, inputs);
      setStale(true);
      setStatus(summaryStatus(r, t));
    } catch (e) {
      failed(e);
    }
  };

  // The pane's actions, in toolbar order (a plain list: an action is one entry).
  const actions: PaneAction[] = [
    { id: 'check', label: t.check, icon: <TableSearch20Regular />, run: () => void runCheck(), primary: true },
    { id: 'clear', label: t.clear, icon: <Eraser20Regular />, hint: t.clearHint, run: () => void runClear() },
    ...(host.planFill ? [{ id: 'fill', label: t.fill, icon: <Calculator20Regular />, hint: t.fillHint, run: () => void runFill() }] : []),
    ...(host.undoFill ? [{ id: 'undoFill', label: t.undoFill, icon: <ArrowUndo20Regular />, hint: t.undoFillHint, run: () => void runUndoFill() }] : []),
    { id: 'summary', label: t.summary, icon: <TableSimple20Regular />, hint: t.summarise, run: () => void runSummary() },
    { id: 'files', label: t.pickFiles, icon: <FolderOpen20Regular />, hint: t.pickFilesHint, run: () => fileInput.current?.click() },
    { id: 'report', label: REPORT_TEXT[settings.lang].button, icon: <DocumentSearch20Regular />, hint: REPORT_TEXT[settings.lang].hint, run: () => reportInput.current?.click() },
  ];

  const busy = status.kind === 'busy';
  return (
    <main className={styles.root} aria-busy={busy}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {t.title}
        </Title3>
        <Caption1>{t.subtitle}</Caption1>
      </header>

      <div ref={(el) => void (checkRef.current = el?.querySelector<HTMLElement>('[data-action="check"]') ?? null)}>
        <PaneToolbar actions={actions} busy={busy} label={t.toolbar} moreLabel={t.more} moreRef={moreRef} />
      </div>
      <input
        ref={reportInput}
        type="file"
        accept=".docx,.txt,.doc,.wps,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
        hidden
        data-testid="pick-report"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) setReport(file);
        }}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        hidden
        data-testid="pick-files"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void runSummary(files);
        }}
      />

      {/* Always in the page, so that what is put in it is announced. */}
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.status} data-testid="status">
        {busy && <Spinner size="small" label={status.label ?? (status.what === 'check' ? t.checking : status.what === 'clear' ? t.clearing : status.what === 'fill' ? t.filling : t.summarising)} />}
        {status.kind === 'message' && (
          <MessageBar intent={status.intent} layout="multiline">
            <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {result && (result.tables.length > 0 || result.unrecognised.length > 0) && (
        <Results
          sheet={result.sheet}
          tables={result.tables}
          unrecognised={result.unrecognised}
          stale={stale}
          lang={settings.lang}
          selected={selected}
          onSelect={(key, sheet, cell) => {
            setSelected(key);
            void host.selectCell(sheet, cell);
          }}
        />
      )}

      {undoNoteOpen && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.undoNote}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                setUndoNoteOpen(false);
                storage?.setItem('selfeval.undoNote.dismissed', '1');
              }}
            >
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {report && (
        <React.Suspense fallback={<Spinner size="small" />}>
          <ReportCheck file={report} host={host} settings={settings} onClose={() => setReport(null)} />
        </React.Suspense>
      )}

      <React.Suspense fallback={null}>
        {fillPlan && <FillDialog plan={fillPlan} lang={settings.lang} onConfirm={() => void confirmFill(fillPlan)} onCancel={closeFill} />}
        <SettingsPanel settings={settings} update={update} canAutoCheck={!!host.watchEdits} />
      </React.Suspense>
    </main>
  );
}
