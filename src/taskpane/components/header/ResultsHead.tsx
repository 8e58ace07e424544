/**
 * The head of the results: which sheet they are of (and whether they are stale), how many tables, the
 * list of tables to jump to on a sheet of many, and the severity filter.
 */
import * as React from 'react';
import { Caption1, Tab, TabList, mergeClasses } from '@fluentui/react-components';
import type { TableReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { type Filter, SEVERITIES, count } from '../../state/tables';
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
}

export function ResultsHead({ sheet, tables, stale, filter, setFilter, t }: ResultsHeadProps): React.ReactElement {
  const styles = useStyles();
  const failing = tables.filter((x) => count(x, 'error') || count(x, 'warning')).length;
  return (
    <>
      <div className={styles.resultsHead}>
        <Caption1 className={mergeClasses(styles.resultsLine, stale && styles.stale)} data-testid="results-sheet">
          {stale ? t.lastChecked(sheet) : t.checkedSheet(sheet)}
        </Caption1>
        {tables.length > 0 && <Caption1 className={styles.resultsLine}>{t.tableCount(tables.length, failing)}</Caption1>}
        {tables.length >= LIST_FROM && <TableList tables={tables} t={t} />}
      </div>
      {tables.length > 0 && (
        <TabList selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as Filter)} size="small" aria-label={t.filter}>
          <Tab value="all">{t.all}</Tab>
          {SEVERITIES.map((s) => (
            <Tab key={s} value={s}>
              {t.severity[s]} ({tables.reduce((n, x) => n + count(x, s), 0)})
            </Tab>
          ))}
        </TabList>
      )}
    </>
  );
}
