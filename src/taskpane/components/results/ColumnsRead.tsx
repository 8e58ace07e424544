/** 识别到的列, on demand: which column of the table was read as what, and the amounts' unit. */
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import type { Lang } from '../../../core/findings';
import type { TableReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { useStyles } from '../../styles';

export function ColumnsRead({ table, lang, t }: { table: TableReport; lang: Lang; t: Strings }): React.ReactElement {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const list = (cols: Record<string, string>) =>
    Object.entries(cols)
      .map(([k, letter]) => `${t.columnNames[k] ?? k} ${letter}`)
      .join(lang === 'en' ? ', ' : '，');
  return (
    <div>
      <Button appearance="subtle" size="small" icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />} aria-expanded={open} onClick={() => setOpen(!open)}>
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
