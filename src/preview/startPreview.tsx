/**
 * The browser preview: the task pane beside a grid of the bundled sample workbook, so the add-in can
 * be tried and tested without Excel. The sample is read by the package reader, in its own chunk.
 */
import * as React from 'react';
import type { Root } from 'react-dom/client';
import { Button, Caption1, FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { FolderOpen20Regular } from '@fluentui/react-icons';
import { App } from '../taskpane/App';
import { themeFor } from '../taskpane/theme';
import { loadSettings } from '../office/settings';
import { strings } from '../taskpane/i18n';
import { openWorkbook } from '../xlsx/read';
import { MemoryBook } from './memoryBook';
import { GridView } from './GridView';
import { PreviewHost } from './previewHost';
import { workerEngine } from '../taskpane/engineClient';

const useStyles = makeStyles({
  layout: { display: 'flex', height: '100vh', overflow: 'hidden' },
  grid: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  banner: {
    flexShrink: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '32px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  pane: { width: '340px', flexShrink: 0, overflowY: 'auto', borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** One worker for the page: every workbook opened in the preview is checked in it. */
const engine = workerEngine();

function Preview({ sample, storage }: { sample: PreviewHost; storage?: Storage }): React.ReactElement {
  const styles = useStyles();
  const settings = loadSettings(storage, navigator.language);
  const t = strings(settings.lang);
  // The sample, or a workbook of the user's own: read here, in the browser, never uploaded.
  const [opened, setOpened] = React.useState<{ host: PreviewHost; name: string | null }>({ host: sample, name: null });
  const [problem, setProblem] = React.useState<string | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const open = async (file: File) => {
    try {
      const book = await MemoryBook.fromXlsx(await openWorkbook(new Uint8Array(await file.arrayBuffer())));
      setOpened({ host: new PreviewHost(book, engine), name: file.name });
      setProblem(null);
    } catch (e) {
      setProblem(t.openFailed(file.name, e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <div className={styles.layout}>
      <div className={styles.grid}>
        <div className={styles.banner}>
          <Caption1>{opened.name ? t.previewOf(opened.name) : t.preview}</Caption1>
          <Button size="small" icon={<FolderOpen20Regular />} onClick={() => input.current?.click()}>
            {t.openWorkbook}
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            accept=".xlsx,.xlsm"
            data-testid="open-workbook"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void open(f);
            }}
          />
          {problem && <Caption1 role="alert">{problem}</Caption1>}
        </div>
        <GridView host={opened.host} />
      </div>
      {/* Not a landmark of its own: the pane's <main> is the page's main landmark, as in Excel. */}
      <div className={styles.pane} data-pane>
        <App key={opened.name ?? ''} host={opened.host} initialSettings={settings} storage={storage} />
      </div>
    </div>
  );
}

export async function startPreview(root: Root, storage?: Storage): Promise<void> {
  const response = await fetch('sample.xlsx');
  if (!response.ok) throw new Error(`sample.xlsx: ${response.status}`);
  const book = await MemoryBook.fromXlsx(await openWorkbook(new Uint8Array(await response.arrayBuffer())));
  const host = new PreviewHost(book, engine);
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  root.render(
    <FluentProvider theme={themeFor(undefined, prefersDark)}>
      <Preview sample={host} storage={storage} />
    </FluentProvider>,
  );
}
