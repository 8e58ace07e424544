/**
 * The task pane: 校验本表 / 清除标记 / 生成汇总表 in a toolbar (arrow keys move between them; focus stays
 * on a button through its action), a status region that is always there to be announced, the tables
 * with failing ones first (a click on a finding selects its cell), a severity filter that says what it
 * hides, results labelled with their sheet (and as the last check once another sheet is opened), and
 * the settings folded under a gear.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  Toolbar,
  ToolbarButton,
  Tooltip,
} from '@fluentui/react-components';
import { Calculator20Regular, DocumentSearch20Regular, Eraser20Regular, FolderOpen20Regular, TableSearch20Regular, TableSimple20Regular } from '@fluentui/react-icons';
import type { FillPlan } from '../core/annotate/fillIn';
import { FillDialog } from './components/FillDialog';
import type { Severity } from '../core/findings';
import type { CheckResponse, Host } from '../office/hostApi';
import type { WorkbookInput } from '../core/summary';
import { type Settings, saveSettings } from '../office/settings';
import { strings } from './i18n';
import { useStyles } from './styles';
import { type Filter, TableCard, Unrecognised, count, failingFirst, findingKey } from './components/TableCard';
import { SettingsPanel } from './components/SettingsPanel';
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
  | { kind: 'busy'; what: 'check' | 'clear' | 'summary' | 'fill'; label?: string }
  | { kind: 'message'; intent: 'success' | 'warning' | 'error' | 'info'; text: string };

export function App({ host, initialSettings, storage, initialAction }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [settings, setSettings] = React.useState(initialSettings);
  const [result, setResult] = React.useState<Exclude<CheckResponse, { kind: 'summarySheet' }> | null>(null);
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  const [filter, setFilter] = React.useState<Filter>('all');
  const [stale, setStale] = React.useState(false);
  const [selected, setSelected] = React.useState<string | null>(null);
  React.useEffect(() => {
    // Another sheet opened: the results on screen are the last check's, and say so.
    void host.onSheetActivated?.(() => setStale(true));
  }, [host]);
  // 自动校验: the latest settings, read when an edit is checked.
  const settingsRef = React.useRef(settings);
  settingsRef.current = settings;
  React.useEffect(() => {
    if (!settings.autoCheck || !host.watchEdits) return;
    let stop: (() => void) | undefined;
    let live = true;
    void host
      .watchEdits(
        () => settingsRef.current,
        (r) => {
          if (r.kind === 'summarySheet') return;
          setResult(r);
          setStale(false);
        },
      )
      .then((s) => (live ? (stop = s) : s()));
    return () => {
      live = false;
      stop?.();
    };
  }, [host, settings.autoCheck]);
  const [undoNoteOpen, setUndoNoteOpen] = React.useState(() => storage?.getItem('selfeval.undoNote.dismissed') !== '1');
  const t = strings(settings.lang);

  const update = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    saveSettings(storage, next);
  };

  const runCheck = async () => {
    setStatus({ kind: 'busy', what: 'check' });
    try {
      const r = await host.checkActiveSheet(settings);
      if (r.kind === 'summarySheet') {
        setResult(null);
        setStatus({ kind: 'message', intent: 'info', text: t.summarySheet });
        return;
      }
      setResult(r);
      setStale(false);
      setSelected(null);
      const total = (s: Severity) => r.tables.reduce((n, x) => n + count(x, s), 0);
      if (r.kind === 'protected') setStatus({ kind: 'message', intent: 'warning', text: t.protectedSheet(r.sheet) });
      else if (r.tables.length === 0) setStatus({ kind: 'message', intent: 'info', text: t.noTables });
      else {
        const text = t.checked(r.tables.length, total('error'), total('warning')) + (settings.notes && !r.notesWritten ? ` ${t.notesOff}` : '');
        setStatus({ kind: 'message', intent: total('error') ? 'error' : total('warning') ? 'warning' : 'success', text });
      }
    } catch (e) {
      setStatus({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  const [fillPlan, setFillPlan] = React.useState<FillPlan | null>(null);
  const runFill = async () => {
    if (!host.planFill) return;
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
      setStatus({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };
  const confirmFill = async (plan: FillPlan) => {
    setFillPlan(null);
    if (!host.applyFill || !plan.changes.length) return;
    setStatus({ kind: 'busy', what: 'fill', label: t.filling });
    try {
      const r = await host.applyFill(settings, plan);
      await runCheck();
      setStatus((s) => (s.kind === 'message' ? { ...s, text: `${t.filled(r.written)}\n${s.text}` } : s));
    } catch (e) {
      setStatus({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
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
          : { kind: 'message', intent: 'success', text: t.cleared(r.cells) },
      );
    } catch (e) {
      setStatus({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  const fileInput = React.useRef<HTMLInputElement>(null);
  const reportInput = React.useRef<HTMLInputElement>(null);
  const [report, setReport] = React.useState<File | null>(null);

  const runSummary = async (files?: File[]) => {
    setStatus({ kind: 'busy', what: 'summary' });
    try {
      let inputs: WorkbookInput[] | undefined;
      if (files?.length) {
        // The package reader loads only when files are picked (its own chunk); the bytes never leave the browser.
        const { summariseBytes } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/summaryInput');
        inputs = [];
        for (const [i, f] of files.entries()) {
          setStatus({ kind: 'busy', what: 'summary', label: t.reading(i + 1, files.length) });
          inputs.push(await summariseBytes(new Uint8Array(await f.arrayBuffer()), f.name, settings.lang, { reverseFormula: settings.reverseFormula }));
        }
        setStatus({ kind: 'busy', what: 'summary' });
      }
      const r = await host.summarise(settings, inputs);
      setStale(true);
      const problems = r.summary.workbooks.filter((w) => w.status !== 'ok').length;
      const s = r.summary;
      const text = [t.summarised(r.sheet), s.sentence.recomputed, s.shownDiffers ? `${t.byShown}${s.sentence.shown}` : '', s.departmentSentence ?? '', s.fullMarksSentence ?? '', problems ? t.problems(problems) : '']
        .filter(Boolean)
        .join('\n');
      setStatus({ kind: 'message', intent: 'success', text });
    } catch (e) {
      setStatus({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  const busy = status.kind === 'busy';
  const tables = result ? failingFirst(result.tables) : [];
  const failing = tables.filter((x) => count(x, 'error') || count(x, 'warning')).length;
  return (
    <main className={styles.root} aria-busy={busy}>
      <header className={styles.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Caption1>{t.subtitle}</Caption1>
      </header>

      <Toolbar className={styles.toolbar} aria-label={t.toolbar} size="small">
        {/* disabledFocusable, not disabled: focus stays on the button through a long action. */}
        <ToolbarButton appearance="primary" icon={<TableSearch20Regular />} onClick={runCheck} disabledFocusable={busy}>
          {t.check}
        </ToolbarButton>
        <ToolbarButton icon={<Eraser20Regular />} onClick={runClear} disabledFocusable={busy}>
          {t.clear}
        </ToolbarButton>
        {host.planFill && (
          <Tooltip content={t.fillHint} relationship="description">
            <ToolbarButton icon={<Calculator20Regular />} onClick={runFill} disabledFocusable={busy}>
              {t.fill}
            </ToolbarButton>
          </Tooltip>
        )}
        <Tooltip content={t.summarise} relationship="description">
          <ToolbarButton icon={<TableSimple20Regular />} onClick={() => void runSummary()} disabledFocusable={busy}>
            {t.summary}
          </ToolbarButton>
        </Tooltip>
        <Tooltip content={t.pickFilesHint} relationship="description">
          <ToolbarButton icon={<FolderOpen20Regular />} onClick={() => fileInput.current?.click()} disabledFocusable={busy}>
            {t.pickFiles}
          </ToolbarButton>
        </Tooltip>
        <Tooltip content={REPORT_TEXT[settings.lang].hint} relationship="description">
          <ToolbarButton icon={<DocumentSearch20Regular />} onClick={() => reportInput.current?.click()} disabledFocusable={busy}>
            {REPORT_TEXT[settings.lang].button}
          </ToolbarButton>
        </Tooltip>
      </Toolbar>
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

      {/* Always in the page, so that what is put in it is announced. */}
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.status} data-testid="status">
        {busy && <Spinner size="small" label={status.label ?? (status.what === 'check' ? t.checking : status.what === 'clear' ? t.clearing : status.what === 'fill' ? t.filling : t.summarising)} />}
        {status.kind === 'message' && (
          <MessageBar intent={status.intent} layout="multiline">
            <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {report && (
        <React.Suspense fallback={<Spinner size="small" />}>
          <ReportCheck file={report} host={host} settings={settings} onClose={() => setReport(null)} />
        </React.Suspense>
      )}

      {result && (result.tables.length > 0 || result.unrecognised.length > 0) && (
        <section aria-label={stale ? t.lastChecked(result.sheet) : t.checkedSheet(result.sheet)} className={styles.status}>
          <div className={styles.resultsHead}>
            <Caption1 className={stale ? styles.stale : undefined} data-testid="results-sheet">
              {stale ? t.lastChecked(result.sheet) : t.checkedSheet(result.sheet)}
            </Caption1>
            {tables.length > 0 && <Caption1>{t.tableCount(tables.length, failing)}</Caption1>}
          </div>
          {tables.length > 0 && (
            <>
              <TabList selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as Filter)} size="small" aria-label={t.filter}>
                <Tab value="all">{t.all}</Tab>
                {(['error', 'warning', 'info'] as const).map((s) => (
                  <Tab key={s} value={s}>
                    {t.severity[s]} ({tables.reduce((n, x) => n + count(x, s), 0)})
                  </Tab>
                ))}
              </TabList>
              <Caption1>{t.selectHint}</Caption1>
              {tables.map((table) => (
                <TableCard
                  key={`${table.sheet}!${table.range}`}
                  table={table}
                  filter={filter}
                  lang={settings.lang}
                  selected={selected}
                  onSelect={(f) => {
                    setSelected(findingKey(table, f));
                    void host.selectCell(table.sheet, f.cell);
                  }}
                />
              ))}
            </>
          )}
          {result.unrecognised.length > 0 && <Unrecognised items={result.unrecognised} title={t.unrecognised} />}
        </section>
      )}

      {fillPlan && <FillDialog plan={fillPlan} lang={settings.lang} onConfirm={() => void confirmFill(fillPlan)} onCancel={() => setFillPlan(null)} />}

      <SettingsPanel settings={settings} update={update} canAutoCheck={!!host.watchEdits} />
    </main>
  );
}
