/**
 * The results of a check: one line saying which sheet they are of (and whether they are stale), the
 * filter, a list of the tables to jump to on a sheet of many, the cards (a filter hides the cards it
 * leaves empty, and says how many), and the regions that could not be read, selectable like findings.
 */
import * as React from 'react';
import { Button, Caption1, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Tab, TabList, mergeClasses } from '@fluentui/react-components';
import { List20Regular, Warning20Filled } from '@fluentui/react-icons';
import type { FindingReport, TableReport, UnrecognisedReport } from '../../core/report';
import type { Lang } from '../../core/findings';
import { strings } from '../i18n';
import { useStyles } from '../styles';
import { type Filter, TableCard, count, failingFirst, findingKey } from './TableCard';

/** From this many tables on, a list of them to jump to. */
const LIST_FROM = 4;

export interface ResultsProps {
  readonly sheet: string;
  readonly tables: readonly TableReport[];
  readonly unrecognised: readonly UnrecognisedReport[];
  readonly stale: boolean;
  readonly lang: Lang;
  readonly selected: string | null;
  readonly onSelect: (key: string, sheet: string, cell: string) => void;
}

const cardId = (t: TableReport) => `card-${t.sheet}-${t.range}`.replace(/[^\w-]/g, '_');

export function Results({ sheet, tables: given, unrecognised, stale, lang, selected, onSelect }: ResultsProps): React.ReactElement {
  const styles = useStyles();
  const t = strings(lang);
  const [filter, setFilter] = React.useState<Filter>('all');
  const tables = failingFirst(given);
  const failing = tables.filter((x) => count(x, 'error') || count(x, 'warning')).length;
  const shown = filter === 'all' ? tables : tables.filter((x) => count(x, filter) > 0);
  const label = stale ? t.lastChecked(sheet) : t.checkedSheet(sheet);
  const limit = useProgressive(given, shown.length);
  return (
    <section aria-label={label} className={styles.status}>
      <div className={styles.resultsHead}>
        <Caption1 className={mergeClasses(styles.resultsLine, stale && styles.stale)} data-testid="results-sheet">
          {label}
        </Caption1>
        {tables.length > 0 && <Caption1 className={styles.resultsLine}>{t.tableCount(tables.length, failing)}</Caption1>}
        {tables.length >= LIST_FROM && <TableList tables={tables} lang={lang} />}
      </div>
      {tables.length > 0 && (
        <TabList selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as Filter)} size="small" aria-label={t.filter}>
          <Tab value="all">{t.all}</Tab>
          {(['error', 'warning', 'info'] as const).map((s) => (
            <Tab key={s} value={s}>
              {t.severity[s]} ({tables.reduce((n, x) => n + count(x, s), 0)})
            </Tab>
          ))}
        </TabList>
      )}
      {shown.slice(0, limit).map((table) => (
        <div key={`${table.sheet}!${table.range}`} id={cardId(table)} tabIndex={-1} className={styles.cardAnchor}>
          <TableCard table={table} filter={filter} lang={lang} selected={selected} onSelect={(f: FindingReport) => onSelect(findingKey(table, f), table.sheet, f.cell)} />
        </div>
      ))}
      {filter !== 'all' && shown.length < tables.length && (
        <Caption1 data-testid="hidden-cards">{t.hiddenTables(tables.length - shown.length, filter)}</Caption1>
      )}
      {unrecognised.map((u) => (
        <Region key={`${u.sheet}!${u.range}`} region={u} lang={lang} selected={selected === regionKey(u)} onSelect={() => onSelect(regionKey(u), u.sheet, u.range.split(':')[0] ?? u.range)} />
      ))}
    </section>
  );
}

/** How many cards to draw: a few at once, then a few more each frame, so no one commit freezes the pane. */
const FIRST_CARDS = 3;

function useProgressive(tables: readonly TableReport[], n: number): number {
  const [limit, setLimit] = React.useState(FIRST_CARDS);
  React.useEffect(() => setLimit(FIRST_CARDS), [tables]);
  React.useEffect(() => {
    if (limit >= n) return;
    const id = setTimeout(() => React.startTransition(() => setLimit((l) => l + FIRST_CARDS)), 0);
    return () => clearTimeout(id);
  }, [limit, n]);
  return limit;
}

const regionKey = (u: UnrecognisedReport) => `${u.sheet}!${u.range}|UNRECOGNISED_REGION`;

/** A region that looks like a table but cannot be read: its range and why, a click selects it. */
function Region({ region: u, lang, selected, onSelect }: { region: UnrecognisedReport; lang: Lang; selected: boolean; onSelect: () => void }): React.ReactElement {
  const styles = useStyles();
  const t = strings(lang);
  return (
    <div className={styles.region} data-region={u.range}>
      <Caption1 className={mergeClasses(styles.groupTitle, styles.warning)}>{t.unrecognised}</Caption1>
      <button
        type="button"
        className={mergeClasses(styles.finding, styles.regionButton, selected && styles.findingSelected)}
        onClick={onSelect}
        aria-current={selected ? 'true' : undefined}
        data-code="UNRECOGNISED_REGION"
        data-cell={u.range}
      >
        <span className={styles.warning}>
          <Warning20Filled aria-hidden />
        </span>
        <span className={styles.cell}>{u.range}</span>
        <span className={styles.regionMessage}>{u.message}</span>
      </button>
    </div>
  );
}

/** The tables of a long sheet, to jump to (the card is scrolled into view and takes the focus). */
function TableList({ tables, lang }: { tables: readonly TableReport[]; lang: Lang }): React.ReactElement {
  const t = strings(lang);
  const jump = (table: TableReport) => {
    const el = document.getElementById(cardId(table));
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  };
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<List20Regular />} size="small" appearance="subtle" data-testid="table-list">
          {t.tableList(tables.length)}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tables.map((x) => {
            const e = count(x, 'error');
            const w = count(x, 'warning');
            return (
              <MenuItem key={`${x.sheet}!${x.range}`} onClick={() => jump(x)} secondaryContent={e ? t.errorsChip(e) : w ? t.warningsChip(w) : t.pass}>
                {x.project || x.sheet}
              </MenuItem>
            );
          })}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
