/**
 * The task pane: 校验本表 / 清除标记 / 生成汇总表, the recomputed figures per table, the findings grouped
 * by table and severity (a click selects the cell), a severity filter, and settings.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Divider,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle2,
  Switch,
  Tab,
  TabList,
  Title3,
  Tooltip,
} from '@fluentui/react-components';
import { Eraser20Regular, FolderOpen20Regular, TableSearch20Regular, TableSimple20Regular } from '@fluentui/react-icons';
import type { Severity } from '../core/findings';
import type { CheckResponse, Host } from '../office/hostApi';
import type { SentenceForm, SortKey, WorkbookInput } from '../core/summary';
import { type Settings, saveSettings } from '../office/settings';
import { strings } from './i18n';
import { useStyles } from './styles';
import { type Filter, TableCard, Unrecognised } from './components/TableCard';


export interface AppProps {
  readonly host: Host;
  readonly initialSettings: Settings;
  readonly storage?: Storage;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'check' | 'clear' | 'summary'; label?: string }
  | { kind: 'message'; intent: 'success' | 'warning' | 'error' | 'info'; text: string };

export function App({ host, initialSettings, storage }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [settings, setSettings] = React.useState(initialSettings);
  const [result, setResult] = React.useState<Exclude<CheckResponse, { kind: 'summarySheet' }> | null>(null);
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  const [filter, setFilter] = React.useState<Filter>('all');
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
      const count = (s: Severity) => r.tables.reduce((n, x) => n + x.findings.filter((f) => f.severity === s).length, 0);
      if (r.kind === 'protected') setStatus({ kind: 'message', intent: 'warning', text: t.protectedSheet(r.sheet) });
      else if (r.tables.length === 0) setStatus({ kind: 'message', intent: 'info', text: t.noTables });
      else {
        const text = t.checked(r.tables.length, count('error'), count('warning')) + (settings.notes && !r.notesWritten ? ` ${t.notesOff}` : '');
        setStatus({ kind: 'message', intent: count('error') ? 'error' : count('warning') ? 'warning' : 'success', text });
      }
    } catch (e) {
      setStatus({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

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
      const problems = r.summary.workbooks.filter((w) => w.status !== 'ok').length;
      const s = r.summary;
      const text = [t.summarised(r.sheet), s.sentence.recomputed, s.shownDiffers ? s.sentence.shown : '', s.departmentSentence ?? '', s.fullMarksSentence ?? '', problems ? t.problems(problems) : '']
        .filter(Boolean)
        .join('\n');
      setStatus({ kind: 'message', intent: 'success', text });
    } catch (e) {
      setStatus({ kind: 'message', intent: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  const busy = status.kind === 'busy';
  return (
    <main className={styles.root} aria-busy={busy}>
      <header className={styles.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Caption1>{t.subtitle}</Caption1>
      </header>

      <div className={styles.actions} role="toolbar" aria-label={t.title}>
        <Button appearance="primary" icon={<TableSearch20Regular />} onClick={runCheck} disabled={busy}>
          {t.check}
        </Button>
        <Button icon={<Eraser20Regular />} onClick={runClear} disabled={busy}>
          {t.clear}
        </Button>
        <Tooltip content={t.summarise} relationship="description">
          <Button icon={<TableSimple20Regular />} onClick={() => void runSummary()} disabled={busy}>
            {t.summary}
          </Button>
        </Tooltip>
        <Tooltip content={t.pickFilesHint} relationship="description">
          <Button icon={<FolderOpen20Regular />} appearance="subtle" onClick={() => fileInput.current?.click()} disabled={busy}>
            {t.pickFiles}
          </Button>
        </Tooltip>
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
      </div>

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

      {busy && (
        <Spinner
          size="small"
          label={status.label ?? (status.what === 'check' ? t.checking : status.what === 'clear' ? t.clearing : t.summarising)}
        />
      )}
      {status.kind === 'message' && (
        <MessageBar intent={status.intent} layout="multiline" role="status">
          <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{status.text}</MessageBarBody>
        </MessageBar>
      )}

      {result && result.tables.length > 0 && (
        <>
          <TabList
            selectedValue={filter}
            onTabSelect={(_, d) => setFilter(d.value as Filter)}
            size="small"
            aria-label={t.filter}
          >
            <Tab value="all">{t.all}</Tab>
            {(['error', 'warning', 'info'] as const).map((s) => (
              <Tab key={s} value={s}>
                {t.severity[s]} ({result.tables.reduce((n, x) => n + x.findings.filter((f) => f.severity === s).length, 0)})
              </Tab>
            ))}
          </TabList>
          <Caption1>{t.selectHint}</Caption1>
          {result.tables.map((table) => (
            <TableCard
              key={`${table.sheet}!${table.range}`}
              table={table}
              filter={filter}
              lang={settings.lang}
              onSelect={(f) => void host.selectCell(table.sheet, f.cell)}
            />
          ))}
        </>
      )}
      {result && result.unrecognised.length > 0 && <Unrecognised items={result.unrecognised} title={t.unrecognised} />}

      <Divider />
      <section className={styles.settings} aria-label={t.settings}>
        <Subtitle2 as="h2">{t.settings}</Subtitle2>
        <Field label={t.language}>
          <Dropdown
            value={settings.lang === 'en' ? 'English' : '中文'}
            selectedOptions={[settings.lang]}
            onOptionSelect={(_, d) => update({ lang: d.optionValue === 'en' ? 'en' : 'zh' })}
          >
            <Option value="zh">中文</Option>
            <Option value="en">English</Option>
          </Dropdown>
        </Field>
        <Switch checked={settings.notes} onChange={(_, d) => update({ notes: d.checked })} label={t.writeNotes} />
        <Switch checked={settings.column} onChange={(_, d) => update({ column: d.checked })} label={t.writeColumn} />
        <Field label={t.reverse}>
          <Dropdown
            value={settings.reverseFormula === 'deviation' ? t.reverseDeviation : t.reverseRatio}
            selectedOptions={[settings.reverseFormula]}
            onOptionSelect={(_, d) => update({ reverseFormula: d.optionValue === 'deviation' ? 'deviation' : 'ratio' })}
          >
            <Option value="ratio">{t.reverseRatio}</Option>
            <Option value="deviation">{t.reverseDeviation}</Option>
          </Dropdown>
        </Field>
        <Field label={t.summarySort}>
          <Dropdown
            value={t.sorts[settings.summarySort]}
            selectedOptions={[settings.summarySort]}
            onOptionSelect={(_, d) => update({ summarySort: (d.optionValue as SortKey | undefined) ?? 'sheet' })}
          >
            {(Object.keys(t.sorts) as SortKey[]).map((k) => (
              <Option key={k} value={k}>
                {t.sorts[k]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.summarySentence}>
          <Dropdown
            value={t.sentences[settings.summarySentence]}
            selectedOptions={[settings.summarySentence]}
            onOptionSelect={(_, d) => update({ summarySentence: d.optionValue === 'final-accounts' ? 'final-accounts' : 'report' })}
          >
            {(Object.keys(t.sentences) as SentenceForm[]).map((k) => (
              <Option key={k} value={k}>
                {t.sentences[k]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </section>
    </main>
  );
}
