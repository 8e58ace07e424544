/** A region that looks like a table but cannot be read: its range and why, a click selects it. */
import * as React from 'react';
import { Caption1, mergeClasses } from '@fluentui/react-components';
import { Warning20Filled } from '@fluentui/react-icons';
import type { UnrecognisedReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { useStyles } from '../../styles';

export function Region({ region: u, t, selected, onSelect }: { region: UnrecognisedReport; t: Strings; selected: boolean; onSelect: () => void }): React.ReactElement {
  const styles = useStyles();
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
