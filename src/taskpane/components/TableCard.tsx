/**
 * One table in the pane: a pass/fail chip, its recomputed figures (with the table's own where they
 * differ), its findings by severity — 提示 folded away, each finding a button that selects its cell and,
 * selected, shows its rule's code —
 * and, on demand, which columns were read as what. A table with no error or warning shows only its
 * title line until opened.
 */
import * as React from 'react';
import { Badge, Button, Caption1, Card, Subtitle2, Text, mergeClasses } from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  ChevronDown16Regular,
  ChevronRight16Regular,
  DismissCircle16Filled,
  DismissCircle20Filled,
  Info20Regular,
  Warning16Filled,
  Warning20Filled,
} from '@fluentui/react-icons';
import type { Severity } from '../../core/findings';
import type { FindingReport, TableReport } from '../../core/report';
import type { Settings } from '../../office/settings';
import { strings } from '../i18n';
import { useStyles } from '../styles';

export type Filter = 'all' | Severity;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const ICON: Record<Severity, React.ReactElement> = {
  error: <DismissCircle20Filled aria-hidden />,
  warning: <Warning20Filled aria-hidden />,
  info: <Info20Regular aria-hidden />,
};

export const count = (t: TableReport, s: Severity): number => t.findings.filter((f) => f.severity === s).length;

/** Errors first, then warnings, then clean tables; the sheet's order within each. */
export function failingFirst(tables: readonly TableReport[]): TableReport[] {
  const rank = (t: TableReport) => (count(t, 'error') ? 0 : count(t, 'warning') ? 1 : 2);
  return tables.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i).map(({ t }) => t);
}

export const findingKey = (t: TableReport, f: FindingReport): string => `${t.sheet}!${t.range}|${f.code}@${f.cell}`;

export interface TableCardProps {
  readonly table: TableReport;
  readonly filter: Filter;
  readonly lang: Settings['lang'];
  readonly selected: string | null;
  readonly onSelect: (f: FindingReport) => void;
}

export function TableCard({ table, filter, lang, selected, onSelect }: TableCardProps): React.ReactElement {
  const styles = useStyles();
  const t = strings(lang);
  const errors = count(table, 'error');
  const warnings = count(table, 'warning');
  const clean = !errors && !warnings;
  const [open, setOpen] = React.useState(!clean);
  // A table that comes to fail (自动校验 after an edit) opens; one that comes clean folds.
  React.useEffect(() => setOpen(!clean), [clean]);
  const [infoOpen, setInfoOpen] = React.useState(false);
  const [columnsOpen, setColumnsOpen] = React.useState(false);
  const titleId = React.useId();

  const chip = errors ? (
    <Badge appearance="filled" color="danger" icon={<DismissCircle16Filled />}>
      {t.errorsChip(errors)}
    </Badge>
  ) : warnings ? (
    <Badge appearance="filled" color="warning" icon={<Warning16Filled />}>
      {t.warningsChip(warnings)}
    </Badge>
  ) : (
    <Badge appearance="filled" color="success" icon={<CheckmarkCircle16Filled />}>
      {t.pass}
    </Badge>
  );

  const shown = (computed: string | null, own: string | null) =>
    own !== null && own !== computed ? (
      <Caption1 className={styles.shown}>
        {t.shown} {own}
      </Caption1>
    ) : null;
  const grade = table.grade !== null ? t.gradeText(table.grade) : table.total !== null ? t.ungraded : '—';
  const shownGrade = table.shownGrade !== null && table.shownGrade !== table.grade ? t.gradeText(table.shownGrade) : null;

  const severities = SEVERITIES.filter((s) => filter === 'all' || filter === s);
  const visible = table.findings.filter((f) => severities.includes(f.severity));
  // What the filter hides, said in words: "无错误（6 条警告已隐藏）".
  const hidden: [Severity, number][] = SEVERITIES.filter((s) => !severities.includes(s))
    .map((s) => [s, count(table, s)] as [Severity, number])
    .filter(([, n]) => n > 0);

  return (
    <Card className={styles.card} aria-labelledby={titleId} data-table={table.project}>
      <div className={styles.cardTitle}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.disclosure}
          icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={open}
          aria-label={`${open ? t.collapse : t.expand} ${table.project || table.sheet}`}
          onClick={() => setOpen(!open)}
        />
        <Subtitle2 as="h2" id={titleId} className={styles.cardName}>
          {table.project || table.sheet}
        </Subtitle2>
        {chip}
      </div>
      <Caption1 className={styles.place} title={`${table.sheet}!${table.range}`}>
        <span className={styles.placeSheet}>{table.sheet}</span>
        <span>!{table.range}</span>
      </Caption1>
      {!open ? null : (
        <>
          <div className={styles.figures}>
            <Figure label={t.rate} value={table.executionRate === null ? '—' : `${table.executionRate}%`} />
            <Figure label={t.execScore} value={table.executionScore ?? '—'} />
            <Figure label={t.total} value={table.total ?? '—'} extra={shown(table.total, table.shownTotal)} />
            <Figure
              label={t.grade}
              value={grade}
              extra={
                shownGrade ? (
                  <Caption1 className={styles.shown}>
                    {t.shown} {shownGrade}
                  </Caption1>
                ) : null
              }
            />
          </div>
          {table.skipped.length > 0 && (
            <ul className={styles.skipped} aria-label={t.notChecked}>
              {table.skipped.map((s) => (
                <li key={s}>
                  <Caption1>{s}</Caption1>
                </li>
              ))}
            </ul>
          )}
          {visible.length === 0 ? (
            <Text>
              {hidden.length && filter !== 'all' ? t.hidden(filter, hidden) : clean ? t.cleanSummary : t.noFindings}
            </Text>
          ) : (
            severities.map((s) => {
              const items = visible.filter((f) => f.severity === s);
              if (!items.length) return null;
              // 提示 are folded away while errors or warnings are listed above them.
              const fold = s === 'info' && filter === 'all';
              return (
                <div key={s} role="group" aria-label={`${table.project || table.sheet}：${t.severity[s]}`}>
                  {fold ? (
                    <Button
                      appearance="subtle"
                      size="small"
                      icon={infoOpen ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
                      aria-expanded={infoOpen}
                      onClick={() => setInfoOpen(!infoOpen)}
                    >
                      {t.showInfo(items.length)}
                    </Button>
                  ) : (
                    <Caption1 className={mergeClasses(styles.groupTitle, styles[s])}>
                      {t.severity[s]} {items.length}
                    </Caption1>
                  )}
                  {(!fold || infoOpen) && (
                    <ul className={styles.list}>
                      {items.map((f) => (
                        <li key={`${f.code}@${f.cell}`}>
                          <FindingButton finding={f} selected={selected === findingKey(table, f)} onSelect={onSelect} />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })
          )}
          {filter !== 'all' && visible.length > 0 && hidden.length > 0 && <Caption1>{t.alsoHidden(hidden)}</Caption1>}
          <ColumnsRead table={table} lang={lang} open={columnsOpen} onToggle={() => setColumnsOpen(!columnsOpen)} />
        </>
      )}
    </Card>
  );
}

function FindingButton({ finding: f, selected, onSelect }: { finding: FindingReport; selected: boolean; onSelect: (f: FindingReport) => void }): React.ReactElement {
  const styles = useStyles();
  // The rule's code and the indicator's full name, on the selected finding, after its message: out of what
  // a screen reader says first, and never a tooltip over the finding or the one beside it.
  const detail = f.subject ? `${f.code} · ${f.subject}` : f.code;
  return (
    <button
      type="button"
      className={mergeClasses(styles.finding, selected && styles.findingSelected)}
      onClick={() => onSelect(f)}
      aria-current={selected ? 'true' : undefined}
      data-cell={f.cell}
      data-code={f.code}
    >
      <span className={styles[f.severity]}>{ICON[f.severity]}</span>
      <span className={styles.cell}>{f.cell}</span>
      <span className={styles.message}>{f.message}</span>
      {selected && (
        <span className={styles.detail} data-testid="finding-detail">
          {detail}
        </span>
      )}
    </button>
  );
}

function ColumnsRead({ table, lang, open, onToggle }: { table: TableReport; lang: Settings['lang']; open: boolean; onToggle: () => void }): React.ReactElement {
  const styles = useStyles();
  const t = strings(lang);
  const list = (cols: Record<string, string>) =>
    Object.entries(cols)
      .map(([k, letter]) => `${t.columnNames[k] ?? k} ${letter}`)
      .join(lang === 'en' ? ', ' : '，');
  return (
    <div>
      <Button appearance="subtle" size="small" icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />} aria-expanded={open} onClick={onToggle}>
        {t.columnsRead}
      </Button>
      {open && (
        <dl className={styles.columns}>
          <dt>{t.fundsBlock}</dt>
          <dd>{list(table.columns.funds)}</dd>
          <dt>{t.indicatorBlock}</dt>
          <dd>{list(table.columns.indicators)}</dd>
          {table.columns.unread.length > 0 && (
            <>
              <dt>{t.unreadColumns}</dt>
              <dd>{table.columns.unread.join(lang === 'en' ? ', ' : '，')}</dd>
            </>
          )}
          <dt>{t.amountUnit(table.unit)}</dt>
          <dd />
        </dl>
      )}
    </div>
  );
}

function Figure({ label, value, extra }: { label: string; value: string; extra?: React.ReactNode }): React.ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.figure}>
      <Caption1>{label}</Caption1>
      <Text className={styles.figureValue} data-figure>
        {value}
      </Text>
      {extra}
    </div>
  );
}
