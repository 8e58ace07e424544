/**
 * What changed since the sheet's last check, under the verdict: "已改正 2 处：H13、H21；新发现 1 处：G20", each
 * cell a link to it; for 自动校验, which edit started the check.
 */
import * as React from 'react';
import { Caption1, Link } from '@fluentui/react-components';
import type { Changes } from '../../../core/annotate/changes';
import type { Strings } from '../../i18n';
import { useStyles } from '../../styles';

export interface ChangesLineProps {
  readonly changes: Changes;
  readonly t: Strings;
  readonly onCell: (cell: string) => void;
}

export function ChangesLine({ changes, t, onCell }: ChangesLineProps): React.ReactElement {
  const styles = useStyles();
  const cells = (list: readonly string[]) =>
    list.map((c, i) => (
      <React.Fragment key={c}>
        {i > 0 && t.listSep}
        <Link as="button" className={styles.cellLink} onClick={() => onCell(c)}>
          {c}
        </Link>
      </React.Fragment>
    ));
  const parts: React.ReactNode[] = [];
  if (changes.fixed.length)
    parts.push(
      <span key="fixed" data-testid="changes-fixed">
        {t.fixedCells(changes.fixed.length)}
        {cells(changes.fixed)}
      </span>,
    );
  if (changes.added.length)
    parts.push(
      <span key="added" data-testid="changes-added">
        {t.newCells(changes.added.length)}
        {cells(changes.added)}
      </span>,
    );
  return (
    <Caption1 className={styles.changes} data-testid="changes">
      {changes.startedBy ? t.autoAfter(changes.startedBy) : t.sinceLast}
      {parts.length ? parts.flatMap((p, i) => (i ? [t.partSep, p] : [p])) : t.noChange}
    </Caption1>
  );
}
