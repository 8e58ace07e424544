/**
 * The pane's actions in one row at any width: 校验本表 always shown, the others as many as fit, the rest
 * in an overflow menu (Fluent's Overflow measures the row). The actions are a plain list (App's
 * `actions`): an action is one entry there.
 */
import * as React from 'react';
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Overflow, OverflowItem, Toolbar, ToolbarButton, useIsOverflowItemVisible, useOverflowMenu } from '@fluentui/react-components';
import { MoreHorizontal20Regular } from '@fluentui/react-icons';
import { useStyles } from '../../styles';

export interface PaneAction {
  readonly id: string;
  readonly label: string;
  readonly icon: React.ReactElement;
  /** What it does, in a sentence (the menu item's description). */
  readonly hint?: string;
  readonly run: () => void;
  /** 校验本表: never folded into the menu. */
  readonly primary?: boolean;
  /**
   * Folded into the menu after the actions without one (higher stays longer; Fluent's overflow never shows
   * again a lower one once a higher one is folded).
   */
  readonly priority?: number;
}

export interface PaneToolbarProps {
  readonly actions: readonly PaneAction[];
  readonly busy: boolean;
  readonly label: string;
  readonly moreLabel: string;
  /** The overflow button, so that focus can come back to it after a dialog opened from its menu. */
  readonly moreRef?: React.RefObject<HTMLButtonElement | null>;
}

export function PaneToolbar({ actions, busy, label, moreLabel, moreRef }: PaneToolbarProps): React.ReactElement {
  const styles = useStyles();
  return (
    <Overflow padding={8} minimumVisible={1}>
      <Toolbar className={styles.toolbar} aria-label={label} size="small">
        {actions.map((a) => (
          <OverflowItem key={a.id} id={a.id} priority={a.primary ? 10 : a.priority}>
            {/* disabledFocusable, not disabled: focus stays on the button through a long action. */}
            <ToolbarButton appearance={a.primary ? 'primary' : undefined} icon={a.icon} onClick={a.run} disabledFocusable={busy} data-action={a.id} className={styles.action}>
              {a.label}
            </ToolbarButton>
          </OverflowItem>
        ))}
        <MoreMenu actions={actions} busy={busy} label={moreLabel} moreRef={moreRef} />
      </Toolbar>
    </Overflow>
  );
}

function MoreMenu({ actions, busy, label, moreRef }: { actions: readonly PaneAction[]; busy: boolean; label: string; moreRef?: React.RefObject<HTMLButtonElement | null> }): React.ReactElement | null {
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  const both = React.useCallback(
    (el: HTMLButtonElement | null) => {
      ref.current = el;
      if (moreRef) moreRef.current = el;
    },
    [ref, moreRef],
  );
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <ToolbarButton ref={both} icon={<MoreHorizontal20Regular />} aria-label={label} title={label} disabledFocusable={busy} data-action="more" />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {actions.map((a) => (
            <MoreItem key={a.id} action={a} busy={busy} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function MoreItem({ action: a, busy }: { action: PaneAction; busy: boolean }): React.ReactElement | null {
  const styles = useStyles();
  const visible = useIsOverflowItemVisible(a.id);
  if (visible) return null;
  return (
    <MenuItem icon={a.icon} onClick={a.run} disabled={busy} data-action={a.id}>
      <span className={styles.menuLabel}>{a.label}</span>
      {a.hint && <span className={styles.menuHint}>{a.hint}</span>}
    </MenuItem>
  );
}
