/**
 * 核对报告 in the pane (its own lazy chunk, with the document reader): the report picked is read in the
 * browser (nothing is uploaded), its statements checked against the open workbook's tables (or, where the
 * workbook has none, the report's own), and listed like findings: the contradictions first, each with where
 * (the paragraph), the words quoted and what the table or the text says instead (its code once it is selected);
 * the statements not checked folded, as a table card folds its 提示. The table the statements were checked against
 * is named at the top, and the reviewer may pick another.
 */
import * as React from 'react';
import { Button, Caption1, Card, Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { DismissCircle20Filled, Info20Regular, Warning20Filled } from '@fluentui/react-icons';
import type { Severity } from '../../core/findings';
import { findingMessage } from '../../core/findings';
import type { Host } from '../../office/hostApi';
import type { Settings } from '../../office/settings';
import { checkWorkbook } from '../../core/engine';
import { type ReportDocument, type ReportResult, checkReport, readTextReport } from '../../core/narrative';
import type { TableResult } from '../../core/check/result';
import { DocxError, readDocx } from '../../docx/read';
import { ZipError } from '../../xlsx/package/zip';
import { useStyles } from '../styles';
import { REPORT_TEXT } from './reportText';

export interface ReportCheckProps {
  readonly file: File;
  readonly host: Host;
  readonly settings: Settings;
  readonly onClose: () => void;
}

type State =
  | { readonly kind: 'busy' }
  | { readonly kind: 'problem'; readonly text: string }
  | { readonly kind: 'done'; readonly doc: ReportDocument; readonly result: ReportResult; readonly workbook: readonly TableResult[]; readonly tables: number; readonly own: boolean };

const ICON: Record<Severity, React.ReactElement> = {
  error: <DismissCircle20Filled aria-hidden />,
  warning: <Warning20Filled aria-hidden />,
  info: <Info20Regular aria-hidden />,
};

async function readReport(file: File): Promise<ReportDocument> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.txt$/i.test(file.name)) return readTextReport(new TextDecoder('utf-8').decode(bytes));
  return readDocx(bytes);
}

function problemText(e: unknown, t: (typeof REPORT_TEXT)['zh' | 'en'], name: string): string {
  if (/\.(doc|wps)$/i.test(name) && e instanceof ZipError && e.reason === 'notZip') return t.problem.oldFormat;
  if (e instanceof DocxError) return t.problem.noDocumentPart;
  if (e instanceof ZipError) return e.reason === 'notZip' ? t.problem.notDocument : e.reason === 'tooLarge' ? t.problem.bomb : t.problem.corrupt(e.message);
  return t.problem.corrupt(e instanceof Error ? e.message : String(e));
}

async function check(file: File, host: Host, settings: Settings): Promise<Extract<State, { kind: 'done' }>> {
  const doc = await readReport(file);
  const options = { reverseFormula: settings.reverseFormula };
  const grids = host.workbookGrids ? await host.workbookGrids() : [];
  const tables = checkWorkbook(grids, options).flatMap((s) => s.tables);
  const result = checkReport(doc, options, tables.length ? tables : undefined);
  const own = !tables.length;
  return { kind: 'done', doc, result, workbook: tables, tables: own ? result.sheets.reduce((n, s) => n + s.tables.length, 0) : tables.length, own };
}

export default function ReportCheck({ file, host, settings, onClose }: ReportCheckProps): React.ReactElement {
  const styles = useStyles();
  const t = REPORT_TEXT[settings.lang];
  const [state, setState] = React.useState<State>({ kind: 'busy' });
  React.useEffect(() => {
    let live = true;
    setState({ kind: 'busy' });
    check(file, host, settings)
      .then((s) => live && setState(s))
      .catch((e: unknown) => live && setState({ kind: 'problem', text: problemText(e, t, file.name) }));
    return () => {
      live = false;
    };
    // A new file is a new check; settings changed meanwhile apply to the next one.
  }, [file, host]);
  return (
    <section aria-label={t.title(file.name)} className={styles.status} data-testid="report-check">
      <div className={styles.cardTitle}>
        <Subtitle2 className={styles.cardName}>{t.title(file.name)}</Subtitle2>
        <Button size="small" appearance="subtle" onClick={onClose}>
          {t.close}
        </Button>
      </div>
      {state.kind === 'busy' && <Spinner size="small" label={t.reading(file.name)} />}
      {state.kind === 'problem' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'done' && <Results state={state} settings={settings} />}
    </section>
  );
}

/** A table as the reviewer knows it: its sheet, and its project or department. */
const tableLabel = (t: TableResult): string => `${t.table.sheet}：${t.table.kind === 'department' ? t.table.department : t.table.project}`;

const AUTO = 'auto';

function Results({ state, settings }: { readonly state: Extract<State, { kind: 'done' }>; readonly settings: Settings }): React.ReactElement {
  const styles = useStyles();
  const lang = settings.lang;
  const t = REPORT_TEXT[lang];
  // The table picked by the reviewer (its index in the workbook), or the one each statement names.
  const [picked, setPicked] = React.useState<string>(AUTO);
  const result: ReportResult = React.useMemo(() => {
    const table = state.workbook[Number(picked)];
    return picked === AUTO || !table ? state.result : checkReport(state.doc, { reverseFormula: settings.reverseFormula }, [table]);
  }, [picked, state, settings.reverseFormula]);
  const bad = result.findings.filter((f) => f.severity === 'error').length;
  const used = [...new Set(result.statements.map((s) => s.against).filter((a): a is string => a !== null && a !== 'text'))];
  const unchecked = result.statements.filter((s) => s.verdict === 'unchecked' || s.verdict === 'unmatched');
  const [selected, setSelected] = React.useState<number | null>(null);
  const [showUnchecked, setShowUnchecked] = React.useState(false);
  const [all, setAll] = React.useState(false);
  const findings = [...result.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <>
      <Caption1>
        {t.counts(result.counts.paragraphs, result.counts.statements, result.counts.checked, bad)}；{t.against(state.tables, state.own)}
      </Caption1>
      <Text size={200} weight="semibold" data-testid="report-table">
        {t.checkedAgainst(used)}
      </Text>
      {!state.own && state.workbook.length > 1 && (
        <Field label={t.pickTable}>
          <Dropdown
            value={picked === AUTO ? t.auto : tableLabel(state.workbook[Number(picked)] ?? state.workbook[0]!)}
            selectedOptions={[picked]}
            onOptionSelect={(_, d) => {
              setPicked(d.optionValue ?? AUTO);
              setSelected(null);
            }}
          >
            <Option value={AUTO}>{t.auto}</Option>
            {state.workbook.map((w, i) => (
              <Option key={i} value={String(i)}>
                {tableLabel(w)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {!findings.length && (
        <MessageBar intent="success">
          <MessageBarBody>{t.clean}</MessageBarBody>
        </MessageBar>
      )}
      {findings.map((f, i) => (
        <Card
          key={i}
          className={styles.card}
          size="small"
          data-testid="report-finding"
          selected={selected === i}
          onSelectionChange={() => setSelected(selected === i ? null : i)}
          aria-label={`${t.paragraph(f.paragraph)}「${f.quote}」`}
        >
          <div className={styles.cardTitle}>
            <span className={styles[f.severity]}>{ICON[f.severity]}</span>
            <Caption1>
              {t.paragraph(f.paragraph)}
              {selected === i ? ` · ${f.code}` : ''}
            </Caption1>
          </div>
          <Text size={200}>「{f.quote}」</Text>
          <Text size={200} weight="semibold">
            {findingMessage(f, lang)}
          </Text>
        </Card>
      ))}
      {unchecked.length > 0 && (
        <Button size="small" appearance="transparent" onClick={() => setShowUnchecked(!showUnchecked)} aria-expanded={showUnchecked}>
          {t.unchecked(unchecked.length)}
        </Button>
      )}
      {showUnchecked && (
        <ul className={styles.list} data-testid="report-unchecked">
          {unchecked.map((s, i) => (
            <li key={i}>
              <Caption1>
                {t.paragraph(s.paragraph)} {s.why ? s.why[lang] : t.verdict[s.verdict]}：「{s.quote}」
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <Button size="small" appearance="transparent" onClick={() => setAll(!all)} aria-expanded={all}>
        {t.all(result.statements.length)}
      </Button>
      {all && (
        <ul className={styles.list}>
          {result.statements.map((s, i) => (
            <li key={i}>
              <Caption1>
                {t.paragraph(s.paragraph)} {t.verdict[s.verdict]}：「{s.quote}」
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
