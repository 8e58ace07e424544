/**
 * One table in the pane: its header (name, pass/fail chip, place), its recomputed figures (with the
 * table's own where they differ), its findings by severity, and on demand which columns were read as
 * what. A table with no error or warning shows only its header until opened.
 */
import * as React from 'react';
import { Card } from '@fluentui/react-components';
import type { FindingReport, TableReport } from '../../../core/report';
import type { Settings } from '../../../office/settings';
import { strings } from '../../i18n';
import { type Filter, count, verifiedCount } from '../../state/tables';
import type { OnVerdict } from './Verdict';
import { useStyles } from '../../styles';
import { CardFigures } from './CardFigures';
import { CardHeader } from './CardHeader';
import { ColumnsRead } from './ColumnsRead';
import { FindingList } from './FindingList';

export interface TableCardProps {
  readonly table: TableReport;
  readonly filter: Filter;
  readonly lang: Settings['lang'];
  readonly selected: string | null;
  readonly onSelect: (f: FindingReport) => void;
  readonly onVerdict?: OnVerdict;
  readonly reviewer?: string;
}

export function TableCard({ table, filter, lang, selected, onSelect, onVerdict, reviewer }: TableCardProps): React.ReactElement {
  const styles = useStyles();
  const t = strings(lang);
  // Folded: no open error or warning, and no finding a reviewer verified (those stay in sight).
  const clean = !count(table, 'error') && !count(table, 'warning') && !verifiedCount(table);
  const [open, setOpen] = React.useState(!clean);
  // A table that comes to fail (自动校验 after an edit) opens; one that comes clean folds.
  React.useEffect(() => setOpen(!clean), [clean]);
  const titleId = React.useId();
  return (
    <Card className={styles.card} aria-labelledby={titleId} data-table={table.project}>
      <CardHeader table={table} t={t} open={open} onToggle={() => setOpen(!open)} titleId={titleId} />
      {open && (
        <>
          <CardFigures table={table} t={t} />
          <FindingList table={table} filter={filter} t={t} selected={selected} onSelect={onSelect} {...(onVerdict ? { onVerdict } : {})} {...(reviewer !== undefined ? { reviewer } : {})} />
          <ColumnsRead table={table} lang={lang} t={t} />
        </>
      )}
    </Card>
  );
}
