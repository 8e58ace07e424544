/**
 * The task pane: the header (its actions in one toolbar row — 校验本表 first, the rest in an overflow
 * menu when the pane is narrow — a status region always there to be announced, and the head of the
 * results — kept in sight — and the gear's settings), the results' cards, and the dialogs, which load on demand. Its state and what
 * its actions do are in state/usePane; the engine runs where the host says (the pane gives it a Web Worker).
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { type PaneOptions, usePane } from './state/usePane';
import { failingFirst } from './state/tables';
import { useStyles } from './styles';
import { PaneHeader } from './components/header/PaneHeader';
import { ResultsView } from './components/results/ResultsView';
import { SheetChips } from './components/results/SheetChips';
import type { FindingReport, TableReport } from '../core/report';

// What a first check does not need comes in chunks of its own, loaded when first shown.
const FillDialog = React.lazy(() => import(/* webpackChunkName: "fill" */ './components/FillDialog').then((m) => ({ default: m.FillDialog })));
const SettingsPanel = React.lazy(() => import(/* webpackChunkName: "settings" */ './components/SettingsPanel').then((m) => ({ default: m.SettingsPanel })));
// 核对报告 loads with the document reader, in a chunk of its own, when a report is picked.
const ReportCheck = React.lazy(() => import(/* webpackChunkName: "report" */ './components/ReportCheck'));

export type AppProps = PaneOptions;

export function App(props: AppProps): React.ReactElement {
  const styles = useStyles();
  const pane = usePane(props);
  const { t, settings, result, fillPlan, workbook } = pane;
  const shown = result && (result.tables.length > 0 || result.unrecognised.length > 0) ? result : null;
  const tables = React.useMemo(() => (shown ? failingFirst(shown.tables) : null), [shown]);
  return (
    <main className={styles.root} aria-busy={pane.busy}>
      <PaneHeader pane={pane} tables={tables} />
      {/* Under the gear, in sight of it (not below the cards of a long sheet). */}
      {pane.settingsOpen && (
        <React.Suspense fallback={<Spinner size="small" />}>
          <SettingsPanel settings={settings} update={pane.update} canAutoCheck={!!pane.host.watchEdits} />
        </React.Suspense>
      )}
      {workbook.sheets && <SheetChips sheets={workbook.sheets} picked={workbook.picked} onPick={workbook.pick} t={t} />}
      {shown && tables && (
        <ResultsView
          label={pane.stale ? t.lastChecked(shown.sheet) : t.checkedSheet(shown.sheet)}
          tables={tables}
          unrecognised={shown.unrecognised}
          filter={pane.filter}
          lang={settings.lang}
          t={t}
          selected={pane.selected}
          onSelect={pane.select}
          {...(pane.host.setVerdict ? { onVerdict: (table: TableReport, f: FindingReport, note: string | null) => void workbook.setVerdict(table.sheet, f, note) } : {})}
          reviewer={settings.reviewer ?? ''}
        />
      )}
      {pane.undoNoteOpen && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.undoNote}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={pane.dismissUndoNote}>
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {pane.report && (
        <React.Suspense fallback={<Spinner size="small" />}>
          <ReportCheck file={pane.report} host={pane.host} settings={settings} onClose={pane.closeReport} />
        </React.Suspense>
      )}
      <React.Suspense fallback={null}>{fillPlan && <FillDialog plan={fillPlan} lang={settings.lang} onConfirm={() => pane.confirmFill(fillPlan)} onCancel={pane.closeFill} />}</React.Suspense>
    </main>
  );
}
