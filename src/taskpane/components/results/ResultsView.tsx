/**
 * The cards of a check (a filter hides the cards it leaves empty), and the regions
 * that could not be read, selectable like findings. Their head (sheet, table list, filter, how many cards
 * the filter hides) is in the header.
 */
import * as React from 'react';
import type { FindingReport, TableReport, UnrecognisedReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { type Filter, cardId, filtered, findingKey, regionKey } from '../../state/tables';
import type { Lang } from '../../../core/findings';
import { useStyles } from '../../styles';
import { Region } from './Region';
import { TableCard } from './TableCard';

export interface ResultsViewProps {
  readonly label: string;
  /** The tables, failing first. */
  readonly tables: readonly TableReport[];
  readonly unrecognised: readonly UnrecognisedReport[];
  readonly filter: Filter;
  readonly lang: Lang;
  readonly t: Strings;
  readonly selected: string | null;
  readonly onSelect: (key: string, sheet: string, cell: string) => void;
  /** 复核意见 on a finding of a table (hosts that keep verdicts). */
  readonly onVerdict?: (table: TableReport, f: FindingReport, note: string | null) => void;
  readonly reviewer?: string;
}

export function ResultsView({ label, tables, unrecognised, filter, lang, t, selected, onSelect, onVerdict, reviewer }: ResultsViewProps): React.ReactElement {
  const styles = useStyles();
  const shown = filtered(tables, filter);
  const limit = useProgressive(tables, shown.length);
  return (
    <section aria-label={label} className={styles.status}>
      {shown.slice(0, limit).map((table) => (
        <div key={`${table.sheet}!${table.range}`} id={cardId(table)} tabIndex={-1} className={styles.cardAnchor}>
          <TableCard
            table={table}
            filter={filter}
            lang={lang}
            selected={selected}
            onSelect={(f) => onSelect(findingKey(table, f), table.sheet, f.cell)}
            {...(onVerdict ? { onVerdict: (f: FindingReport, note: string | null) => onVerdict(table, f, note) } : {})}
            {...(reviewer !== undefined ? { reviewer } : {})}
          />
        </div>
      ))}
      {unrecognised.map((u) => (
        <Region key={`${u.sheet}!${u.range}`} region={u} t={t} selected={selected === regionKey(u)} onSelect={() => onSelect(regionKey(u), u.sheet, u.range.split(':')[0] ?? u.range)} />
      ))}
    </section>
  );
}

/** How many cards to draw: a few at once, then a few more each frame, so no one commit freezes the pane. */
const FIRST_CARDS = 3;

function useProgressive(tables: readonly TableReport[], n: number): number {
  const [limit, setLimit] = React.useState(FIRST_CARDS);
  // Other tables (another sheet checked) start again from a few; the same ones in another language do not.
  const which = tables.map((t) => `${t.sheet}!${t.range}`).join('|');
  React.useEffect(() => setLimit(FIRST_CARDS), [which]);
  React.useEffect(() => {
    if (limit >= n) return;
    const id = setTimeout(() => React.startTransition(() => setLimit((l) => l + FIRST_CARDS)), 0);
    return () => clearTimeout(id);
  }, [limit, n]);
  return limit;
}
