/**
 * The task pane: 校验本表 / 清除标记 / 生成汇总表, the recomputed figures per table, the findings grouped
 * by table and severity (a click selects the cell), a severity filter, and settings.
 */
import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Card,
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
  Text,
  Title3,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircle20Regular,
  DismissCircle20Filled,
  Eraser20Regular,
  FolderOpen20Regular,
  Info20Regular,
  TableSearch20Regular,
  TableSimple20Regular,
  Warning20Filled,
} from '@fluentui/react-icons';
import type { Severity } from '../core/findings';
import type { FindingReport, TableReport, UnrecognisedReport } from '../core/report';
import type { CheckResponse, Host } from '../office/hostApi';
import type { SortKey, WorkbookInput } from '../core/summary';
import { type Settings, saveSettings } from '../office/settings';
import { strings } from './i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', gap: '2px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  cardTitle: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  figure: { display: 'flex', flexDirection: 'column' },
  figureValue: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  shown: { color: tokens.colorPaletteRedForeground1 },
  list: { display: 'flex', flexDirection: 'column', gap: '2px', margin: 0, padding: 0, listStyleType: 'none' },
  finding: {
    display: 'grid',
    gridTemplateColumns: '20px 3.5em 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: 'inherit',
    cursor: 'pointer',
    font: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  code: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  groupTitle: { marginTop: tokens.spacingVerticalXS },
  settings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Filter = 'all' | Severity;

const ICON: Record<Severity, React.ReactElement> = {
  error: <DismissCircle20Filled aria-hidden />,
  warning: <Warning20Filled aria-hidden />,
  info: <Info20Regular aria-hidden />,
};

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
  const [result, setResult] = React.useState<CheckResponse | null>(null);
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
        // ExcelJS loads only when files are picked (its own chunk); the bytes never leave the browser.
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
      const text = [t.summarised(r.sheet), r.summary.sentence.recomputed, r.summary.shownDiffers ? r.summary.sentence.shown : '', problems ? t.problems(problems) : '']
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
      </section>
    </main>
  );
}

function TableCard({
  table,
  filter,
  lang,
  onSelect,
}: {
  table: TableReport;
  filter: Filter;
  lang: Settings['lang'];
  onSelect: (f: FindingReport) => void;
}): React.ReactElement {
  const styles = useStyles();
  const t = strings(lang);
  const shown = (computed: string | null, own: string | null) =>
    own !== null && own !== computed ? (
      <Caption1 className={styles.shown}>
        {t.shown} {own}
      </Caption1>
    ) : null;
  const severities = (['error', 'warning', 'info'] as const).filter((s) => filter === 'all' || filter === s);
  const visible = table.findings.filter((f) => severities.includes(f.severity));
  return (
    <Card className={styles.card} aria-label={table.project}>
      <div className={styles.cardTitle}>
        <Subtitle2 as="h2">{table.project || table.sheet}</Subtitle2>
        <Caption1>
          {table.sheet}!{table.range}
        </Caption1>
      </div>
      <div className={styles.figures}>
        <Figure label={t.rate} value={table.executionRate === null ? '—' : `${table.executionRate}%`} />
        <Figure label={t.execScore} value={table.executionScore ?? '—'} />
        <Figure label={t.total} value={table.total ?? '—'} extra={shown(table.total, table.shownTotal)} />
        <Figure label={t.grade} value={table.grade ?? '—'} extra={shown(table.grade, table.shownGrade)} />
      </div>
      {visible.length === 0 ? (
        <Text>
          <CheckmarkCircle20Regular aria-hidden style={{ verticalAlign: 'middle', color: tokens.colorPaletteGreenForeground1 }} /> {t.noFindings}
        </Text>
      ) : (
        severities.map((s) => {
          const items = visible.filter((f) => f.severity === s);
          if (!items.length) return null;
          return (
            <section key={s} aria-label={t.severity[s]}>
              <Caption1 className={styles.groupTitle}>
                <Badge appearance="tint" color={s === 'error' ? 'danger' : s === 'warning' ? 'warning' : 'informative'} size="small">
                  {t.severity[s]} {items.length}
                </Badge>
              </Caption1>
              <ul className={styles.list}>
                {items.map((f) => (
                  <li key={`${f.code}@${f.cell}`}>
                    <button type="button" className={styles.finding} onClick={() => onSelect(f)} data-cell={f.cell} data-code={f.code}>
                      <span className={styles[f.severity]}>{ICON[f.severity]}</span>
                      <span className={styles.cell}>{f.cell}</span>
                      <span>
                        {f.message}
                        <span className={styles.code}>{f.code}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </Card>
  );
}

function Figure({ label, value, extra }: { label: string; value: string; extra?: React.ReactNode }): React.ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.figure}>
      <Caption1>{label}</Caption1>
      <Text className={styles.figureValue}>{value}</Text>
      {extra}
    </div>
  );
}

function Unrecognised({ items, title }: { items: UnrecognisedReport[]; title: string }): React.ReactElement {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <strong>{title}</strong>
        <ul>
          {items.map((u) => (
            <li key={`${u.sheet}!${u.range}`}>
              {u.sheet}!{u.range}: {u.message}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
