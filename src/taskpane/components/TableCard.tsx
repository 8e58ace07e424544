/**
 * One table in the pane: its recomputed figures (with the table's own where they differ) and its
 * findings grouped by severity; each finding is a button that selects its cell.
 */
import * as React from 'react';
import { Badge, Caption1, Card, MessageBar, MessageBarBody, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Regular, DismissCircle20Filled, Info20Regular, Warning20Filled } from '@fluentui/react-icons';
import type { Severity } from '../../core/findings';
import type { FindingReport, TableReport, UnrecognisedReport } from '../../core/report';
import type { Settings } from '../../office/settings';
import { strings } from '../i18n';
import { useStyles } from '../styles';

export type Filter = 'all' | Severity;

const ICON: Record<Severity, React.ReactElement> = {
  error: <DismissCircle20Filled aria-hidden />,
  warning: <Warning20Filled aria-hidden />,
  info: <Info20Regular aria-hidden />,
};

export function TableCard({
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

export function Unrecognised({ items, title }: { items: UnrecognisedReport[]; title: string }): React.ReactElement {
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
