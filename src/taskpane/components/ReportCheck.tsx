/**
 * 核对报告 in the pane (its own lazy chunk, with the document reader): the report picked is read in the
 * browser (nothing is uploaded), its statements checked against the open workbook's tables (or, where the
 * workbook has none, the report's own), and listed like findings: where (the paragraph), the words quoted,
 * what the table or the text says instead. Every statement read can be unfolded with its verdict.
 */
import * as React from 'react';
import { Button, Caption1, Card, MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { DismissCircle20Filled, Info20Regular, Warning20Filled } from '@fluentui/react-icons';
import type { Severity } from '../../core/findings';
import { findingMessage } from '../../core/findings';
import type { Host } from '../../office/hostApi';
import type { Settings } from '../../office/settings';
import { checkWorkbook } from '../../core/engine';
import { type ReportDocument, type ReportResult, checkReport, readTextReport } from '../../core/narrative';
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
  | { readonly kind: 'done'; readonly result: ReportResult; readonly tables: number; readonly own: boolean };

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
  return { kind: 'done', result, tables: own ? result.sheets.reduce((n, s) => n + s.tables.length, 0) : tables.length, own };
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
      {state.kind === 'done' && <Results state={state} lang={settings.lang} />}
    </section>
  );
}

function Results({ state, lang }: { readonly state: Extract<State, { kind: 'done' }>; readonly lang: Settings['lang'] }): React.ReactElement {
  const styles = useStyles();
  const t = REPORT_TEXT[lang];
  const { result } = state;
  const bad = result.findings.filter((f) => f.severity === 'error').length;
  const [all, setAll] = React.useState(false);
  return (
    <>
      <Caption1>
        {t.counts(result.counts.paragraphs, result.counts.statements, result.counts.checked, bad)}；{t.against(state.tables, state.own)}
      </Caption1>
      {!result.findings.length && (
        <MessageBar intent="success">
          <MessageBarBody>{t.clean}</MessageBarBody>
        </MessageBar>
      )}
      {result.findings.map((f, i) => (
        <Card key={i} className={styles.card} size="small" data-testid="report-finding">
          <div className={styles.cardTitle}>
            <span className={styles[f.severity]}>{ICON[f.severity]}</span>
            <Caption1>
              {t.paragraph(f.paragraph)} · {f.code}
            </Caption1>
          </div>
          <Text size={200}>「{f.quote}」</Text>
          <Text size={200} weight="semibold">
            {findingMessage(f, lang)}
          </Text>
        </Card>
      ))}
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
