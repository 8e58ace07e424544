/** The tables of a long sheet, to jump to (the card is scrolled into view and takes the focus). */
import * as React from 'react';
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { List20Regular } from '@fluentui/react-icons';
import type { TableReport } from '../../../core/report';
import type { Strings } from '../../i18n';
import { cardId, count } from '../../state/tables';

export function TableList({ tables, t }: { tables: readonly TableReport[]; t: Strings }): React.ReactElement {
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
