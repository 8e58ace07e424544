/**
 * The pane's header: its name, the toolbar, the status, and the head of the results (their sheet, the
 * table list, the filter) — what a reviewer needs wherever the cards below have been scrolled to.
 */
import * as React from 'react';
import { Caption1, Title3 } from '@fluentui/react-components';
import type { TableReport } from '../../../core/report';
import type { PaneState } from '../../state/usePane';
import { useStyles } from '../../styles';
import { PaneActions } from './PaneActions';
import { ResultsHead } from './ResultsHead';
import { StatusLine } from './StatusLine';

export function PaneHeader({ pane, tables }: { pane: PaneState; tables: readonly TableReport[] | null }): React.ReactElement {
  const styles = useStyles();
  const { t, result } = pane;
  return (
    <>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {t.title}
        </Title3>
        <Caption1>{t.subtitle}</Caption1>
      </header>
      <PaneActions pane={pane} />
      <StatusLine status={pane.status} t={t} />
      {result && tables && <ResultsHead sheet={result.sheet} tables={tables} stale={pane.stale} filter={pane.filter} setFilter={pane.setFilter} t={t} />}
    </>
  );
}
