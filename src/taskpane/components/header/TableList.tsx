/**
 * The tables of a long sheet, each with its range, to jump to: the card is scrolled into view below the
 * sticky header and takes the focus, and the sheet's selection goes to the table's first cell.
 */
import * as React from 'react';
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { List20Regular } from '@fluentui/react-icons';
import type { TableReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { cardId, count } from '../../state/tables';
import { useStyles } from '../../styles';

/** The gap left between the sticky header and a card jumped to, in px. */
const BELOW_HEADER = 8;

function jump(table: TableReport): void {
  const el = document.getElementById(cardId(table));
  if (!el) return;
  const header = document.querySelector<HTMLElement>('[data-sticky-header]');
  el.style.scrollMarginTop = `${(header?.offsetHeight ?? 0) + BELOW_HEADER}px`;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}

export function TableList({ tables, t, onJump }: { tables: readonly TableReport[]; t: Strings; onJump: (table: TableReport) => void }): React.ReactElement {
  const styles = useStyles();
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
              <MenuItem
                key={`${x.sheet}!${x.range}`}
                onClick={() => {
                  jump(x);
                  onJump(x);
                }}
                secondaryContent={e ? t.errorsChip(e) : w ? t.warningsChip(w) : t.pass}
                data-range={x.range}
              >
                {x.project || x.sheet}
                <span className={styles.menuHint}>{x.range}</span>
              </MenuItem>
            );
          })}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
