/** A card's first lines: the disclosure, the table's name, its pass/fail chip (open findings; verified ones counted beside it), and where it is. */
import * as React from 'react';
import { Badge, Button, Caption1, Subtitle2 } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, ChevronDown16Regular, ChevronRight16Regular, DismissCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { TableReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { count, verifiedCount } from '../../state/tables';
import { useStyles } from '../../styles';

export interface CardHeaderProps {
  readonly table: TableReport;
  readonly t: Strings;
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly titleId: string;
}

export function CardHeader({ table, t, open, onToggle, titleId }: CardHeaderProps): React.ReactElement {
  const styles = useStyles();
  const name = table.project || table.sheet;
  return (
    <>
      <div className={styles.cardTitle}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.disclosure}
          icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={open}
          aria-label={`${open ? t.collapse : t.expand} ${name}`}
          onClick={onToggle}
        />
        <Subtitle2 as="h2" id={titleId} className={styles.cardName}>
          {name}
        </Subtitle2>
        <Chip table={table} t={t} />
        {verifiedCount(table) > 0 && (
          <Badge appearance="tint" color="success" data-testid="verified-chip">
            {t.verifiedGroup(verifiedCount(table))}
          </Badge>
        )}
      </div>
      {/* The sheet is named once, above the cards (and in the title where it is the card's name). */}
      <Caption1 className={styles.place} title={`${table.sheet}!${table.range}`}>
        {table.range}
      </Caption1>
    </>
  );
}

function Chip({ table, t }: { table: TableReport; t: Strings }): React.ReactElement {
  const errors = count(table, 'error');
  const warnings = count(table, 'warning');
  if (errors)
    return (
      <Badge appearance="filled" color="danger" icon={<DismissCircle16Filled />}>
        {t.errorsChip(errors)}
      </Badge>
    );
  if (warnings)
    return (
      <Badge appearance="filled" color="warning" icon={<Warning16Filled />}>
        {t.warningsChip(warnings)}
      </Badge>
    );
  return (
    <Badge appearance="filled" color="success" icon={<CheckmarkCircle16Filled />}>
      {t.pass}
    </Badge>
  );
}
