/** The status region: always in the page, so that what is put in it is announced; a spinner while an action runs. */
import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import type { Status } from '../../state/status';
import { useStyles } from '../../styles';

const busyLabel = (status: Extract<Status, { kind: 'busy' }>, t: Strings): string =>
  status.label ?? (status.what === 'check' ? t.checking : status.what === 'clear' ? t.clearing : status.what === 'fill' ? t.filling : t.summarising);

export function StatusLine({ status, t }: { status: Status; t: Strings }): React.ReactElement {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.status} data-testid="status">
      {status.kind === 'busy' && <Spinner size="small" label={busyLabel(status, t)} />}
      {status.kind === 'message' && (
        <MessageBar intent={status.intent} layout="multiline">
          <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
