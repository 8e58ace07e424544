/**
 * 校验全部工作表's strip: a chip per sheet (错误 n / 警告 n / 通过 / 无自评表 — in words beside the colour and
 * icon, never colour alone); a click opens the sheet and shows its results. The strip is one stop of Tab,
 * arrows move inside it.
 */
import * as React from 'react';
import { Caption1, ToggleButton, mergeClasses, useArrowNavigationGroup } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Filled, Info16Regular, Warning16Filled } from '@fluentui/react-icons';
import type { SheetChip } from '../../../core/sheetChip';
import type { SheetChecked } from '../../../office/hostApi';
import type { Strings } from '../../i18n';
import { useStyles } from '../../styles';

export function chipWords(c: SheetChip, t: Strings): string {
  switch (c.kind) {
    case 'errors':
      return t.errorsChip(c.count);
    case 'warnings':
      return t.warningsChip(c.count);
    case 'pass':
      return t.pass;
    case 'noTables':
      return t.noTablesChip;
  }
}

const ICON: Record<SheetChip['kind'], React.ReactElement> = {
  errors: <DismissCircle16Filled aria-hidden />,
  warnings: <Warning16Filled aria-hidden />,
  pass: <CheckmarkCircle16Filled aria-hidden />,
  noTables: <Info16Regular aria-hidden />,
};

export interface SheetChipsProps {
  readonly sheets: readonly SheetChecked[];
  readonly picked: string | null;
  readonly onPick: (sheet: string) => void;
  readonly t: Strings;
}

export function SheetChips({ sheets, picked, onPick, t }: SheetChipsProps): React.ReactElement {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: 'grid-linear', memorizeCurrent: true });
  const titleId = React.useId();
  const tone = { errors: styles.error, warnings: styles.warning, pass: styles.pass, noTables: styles.info };
  return (
    <section aria-labelledby={titleId} className={styles.sheetStrip} data-testid="sheet-chips">
      <Caption1 id={titleId} className={styles.groupTitle}>
        {t.sheetsChecked}
      </Caption1>
      <div {...arrows} className={styles.chips} role="group" aria-labelledby={titleId}>
        {sheets.map((s) => (
          <ToggleButton
            key={s.sheet}
            size="small"
            shape="circular"
            checked={picked === s.sheet}
            onClick={() => onPick(s.sheet)}
            className={styles.sheetChip}
            data-sheet={s.sheet}
            data-chip={s.chip.kind}
          >
            <span className={mergeClasses(styles.chipIcon, tone[s.chip.kind])}>{ICON[s.chip.kind]}</span>
            <span className={styles.chipSheet}>{s.sheet}</span>{' '}
            <span className={tone[s.chip.kind]}>{chipWords(s.chip, t)}</span>
          </ToggleButton>
        ))}
      </div>
    </section>
  );
}
