/** A card's recomputed figures (execution rate, its score, total, grade), the table's own beside any that differ, and what was not checked. */
import * as React from 'react';
import { Caption1, Text } from '@fluentui/react-components';
import type { TableReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { useStyles } from '../../styles';

export function CardFigures({ table, t }: { table: TableReport; t: Strings }): React.ReactElement {
  const styles = useStyles();
  const own = (value: string | null) =>
    value === null ? null : (
      <Caption1 className={styles.shown}>
        {t.shown} {value}
      </Caption1>
    );
  const grade = table.grade !== null ? t.gradeText(table.grade) : table.total !== null ? t.ungraded : '—';
  const shownGrade = table.shownGrade !== null && table.shownGrade !== table.grade ? t.gradeText(table.shownGrade) : null;
  const shownTotal = table.shownTotal !== null && table.shownTotal !== table.total ? table.shownTotal : null;
  return (
    <>
      <div className={styles.figures}>
        <Figure label={t.rate} value={table.executionRate === null ? '—' : `${table.executionRate}%`} />
        <Figure label={t.execScore} value={table.executionScore ?? '—'} />
        <Figure label={t.total} value={table.total ?? '—'} extra={own(shownTotal)} />
        <Figure label={t.grade} value={grade} extra={own(shownGrade)} />
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
    </>
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
