/**
 * The head of the results: which sheet they are of (and whether they are stale), how many tables (on a
 * sheet of more than one), the list of tables to jump to on a sheet of many, and the severity filter with
 * how many cards it hides beside it. A severity with no finding cannot be chosen.
 */
import * as React from 'react';
import { Caption1, Tab, TabList, mergeClasses } from '@fluentui/react-components';
import type { TableReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { type Filter, SEVERITIES, count, filtered } from '../../state/tables';
import { useStyles } from '../../styles';
import { TableList } from './TableList';

/** From this many tables on, a list of them to jump to. */
const LIST_FROM = 4;

export interface ResultsHeadProps {
  readonly sheet: string;
  /** The tables, failing first. */
  readonly tables: readonly TableReport[];
  readonly stale: boolean;
  readonly filter: Filter;
  readonly setFilter: (f: Filter) => void;
  readonly t: Strings;
  /** A table picked in the table list: the sheet's selection goes to it too. */
  readonly onJump: (table: TableReport) => void;
}

export function ResultsHead({ sheet, tables, stale, filter, setFilter, t, onJump }: ResultsHeadProps): React.ReactElement {
  const styles = useStyles();
  const failing = tables.filter((x) => count(x, 'error') || count(x, 'warning')).length;
  const tableCount = t.tableCount(tables.length, failing);
  const hiddenCards = tables.length - filtered(tables, filter).length;
  return (
    <>
      <div className={styles.resultsHead}>
        <Caption1 className={mergeClasses(styles.resultsLine, stale && styles.stale)} data-testid="results-sheet">
          {stale ? t.lastChecked(sheet) : t.checkedSheet(sheet)}
        </Caption1>
        {tableCount && <Caption1 className={styles.resultsLine}>{tableCount}</Caption1>}
        {tables.length >= LIST_FROM && <TableList tables={tables} t={t} onJump={onJump} />}
      </div>
      {tables.length > 0 && (
        <div className={styles.filterRow}>
          <TabList selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as Filter)} size="small" aria-label={t.filter}>
            <Tab value="all">{t.all}</Tab>
            {SEVERITIES.map((s) => {
              const n = tables.reduce((sum, x) => sum + count(x, s), 0);
              return (
                <Tab key={s} value={s} disabled={n === 0 && filter !== s}>
                  {t.severity[s]} ({n})
                </Tab>
              );
            })}
          </TabList>
          {filter !== 'all' && hiddenCards > 0 && <Caption1 data-testid="hidden-cards">{t.hiddenTables(hiddenCards, filter)}</Caption1>}
        </div>
      )}
    </>
  );
}
