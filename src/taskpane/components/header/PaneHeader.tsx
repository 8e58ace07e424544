/**
 * The pane's header: its name, then what stays in sight however far the cards below are scrolled — the
 * toolbar with the gear, the status (the verdict), and the head of the results (their sheet, the table
 * list, the filter).
 */
import * as React from 'react';
import { Caption1, Title3 } from '@fluentui/react-components';
import type { TableReport } from '../../../core/report';
import type { PaneState } from '../../state/usePane';
import { useStyles } from '../../styles';
import { PaneActions } from './PaneActions';
import { ResultsHead } from './ResultsHead';
import { StatusLine } from './StatusLine';
import { ChangesLine } from './ChangesLine';

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
      <div className={styles.sticky} data-sticky-header>
        <PaneActions pane={pane} />
        <StatusLine status={pane.status} t={t} lang={pane.settings.lang} />
        {result?.kind === 'checked' && result.changes && !pane.stale && pane.status.kind !== 'busy' && (
          <ChangesLine changes={result.changes} t={t} onCell={(cell) => void pane.host.selectCell(result.sheet, cell)} />
        )}
        {result && tables && (
          <ResultsHead
            sheet={result.sheet}
            tables={tables}
            stale={pane.stale}
            filter={pane.filter}
            setFilter={pane.setFilter}
            t={t}
            onJump={(table) => void pane.host.selectCell(table.sheet, table.range.split(':')[0] ?? table.range)}
          />
        )}
      </div>
    </>
  );
}
