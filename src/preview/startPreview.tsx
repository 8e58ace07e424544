/**
 * The browser preview: the task pane beside a grid of the bundled sample workbook, so the add-in can
 * be tried and tested without Excel. The sample is read by the package reader, in its own chunk.
 */
import * as React from 'react';
import type { Root } from 'react-dom/client';
import { Caption1, FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { themeFor } from '../taskpane/theme';
import { loadSettings } from '../office/settings';
import { strings } from '../taskpane/i18n';
import { openWorkbook } from '../xlsx/read';
import { MemoryBook } from './memoryBook';
import { GridView } from './GridView';
import { PreviewHost } from './previewHost';

const useStyles = makeStyles({
  layout: { display: 'flex', height: '100vh', overflow: 'hidden' },
  grid: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  banner: { padding: '4px 8px', backgroundColor: tokens.colorNeutralBackground3, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  pane: { width: '340px', flexShrink: 0, overflowY: 'auto', borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
});

function Preview({ host, storage }: { host: PreviewHost; storage?: Storage }): React.ReactElement {
  const styles = useStyles();
  const settings = loadSettings(storage, navigator.language);
  return (
    <div className={styles.layout}>
      <div className={styles.grid}>
        <Caption1 className={styles.banner}>{strings(settings.lang).preview}</Caption1>
        <GridView host={host} />
      </div>
      <aside className={styles.pane} aria-label="task pane">
        <App host={host} initialSettings={settings} storage={storage} />
      </aside>
    </div>
  );
}

export async function startPreview(root: Root, storage?: Storage): Promise<void> {
  const response = await fetch('sample.xlsx');
  if (!response.ok) throw new Error(`sample.xlsx: ${response.status}`);
  const book = await MemoryBook.fromXlsx(await openWorkbook(new Uint8Array(await response.arrayBuffer())));
  const host = new PreviewHost(book);
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  root.render(
    <FluentProvider theme={themeFor(undefined, prefersDark)}>
      <Preview host={host} storage={storage} />
    </FluentProvider>,
  );
}
