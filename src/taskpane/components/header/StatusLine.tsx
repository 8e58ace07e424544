/** The status region: always in the page, so that what is put in it is announced; a spinner while an action runs. */
import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { Lang } from '../../../core/findings';
import type { Strings } from '../../i18n';
import type { Status } from '../../state/status';
import { useStyles } from '../../styles';

const busyLabel = (status: Extract<Status, { kind: 'busy' }>, t: Strings, lang: Lang): string =>
  status.label?.(t, lang) ?? (status.what === 'check' ? t.checking : status.what === 'clear' ? t.clearing : status.what === 'fill' ? t.filling : t.summarising);

export function StatusLine({ status, t, lang }: { status: Status; t: Strings; lang: Lang }): React.ReactElement {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.status} data-testid="status">
      {status.kind === 'busy' && <Spinner size="small" label={busyLabel(status, t, lang)} />}
      {status.kind === 'message' && (
        <MessageBar intent={status.intent} layout="multiline">
          <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{status.text(t, lang)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
