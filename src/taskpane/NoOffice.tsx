/**
 * What the pane shows when it cannot work: inside Office with office.js blocked (intranets often block
 * Microsoft's CDN), or opened in a plain browser. Never the preview in its place: a reviewer must not
 * mistake the sample's results for their sheet's.
 */
import * as React from 'react';
import { Caption1, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Title3 } from '@fluentui/react-components';
import type { Lang } from '../core/findings';
import { strings } from './i18n';
import { useStyles } from './styles';

import { OFFICE_JS_URL } from './loadOffice';

export function NoOffice({ why, lang }: { why: 'blocked' | 'browser'; lang: Lang }): React.ReactElement {
  const styles = useStyles();
  const t = strings(lang);
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Caption1>{t.subtitle}</Caption1>
      </header>
      <div role="status" aria-live="polite" className={styles.status}>
        {why === 'blocked' ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              <MessageBarTitle>{t.officeBlocked}</MessageBarTitle>
              <br />
              {t.officeBlockedBody(OFFICE_JS_URL)}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              <MessageBarTitle>{t.notInOffice}</MessageBarTitle>
              <br />
              {t.notInOfficeBody} <Link href="preview.html">{t.openPreview}</Link>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </main>
  );
}

/**
 * Whether the page was opened by Office: Office desktop adds `_host_Info` to the add-in's address, and
 * Office on the web shows the pane in a frame.
 */
export function openedByOffice(location: Pick<Location, 'search' | 'hash'>, framed: boolean): boolean {
  return /[?&#]_host_Info=/i.test(`${location.search}${location.hash}`) || framed;
}

/** The pane's frame while office.js is on its way: its title and what it waits for, never a white page. */
export function Connecting({ lang }: { lang: Lang }): React.ReactElement {
  const styles = useStyles();
  const t = strings(lang);
  return (
    <main className={styles.root} aria-busy>
      <header className={styles.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Caption1>{t.subtitle}</Caption1>
      </header>
      <div role="status" aria-live="polite" className={styles.status}>
        <Spinner size="small" label={t.connecting} />
      </div>
    </main>
  );
}
