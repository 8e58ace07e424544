/**
 * The pane's actions, in toolbar order (a plain list: an action is one entry), and the two file pickers
 * the toolbar opens (汇总多个文件, 核对报告).
 */
import * as React from 'react';
import { ToggleButton } from '@fluentui/react-components';
import {
  ArrowUndo20Regular,
  Calculator20Regular,
  DocumentSearch20Regular,
  Eraser20Regular,
  FolderOpen20Regular,
  Settings20Regular,
  TableSearch20Regular,
  TableMultiple20Regular,
  TableSimple20Regular,
} from '@fluentui/react-icons';
import type { PaneState } from '../../state/usePane';
import { REPORT_TEXT } from '../reportText';
import { useStyles } from '../../styles';
import { type PaneAction, PaneToolbar } from './PaneToolbar';

const REPORT_TYPES = '.docx,.txt,.doc,.wps,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';
const WORKBOOK_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function PaneActions({ pane }: { pane: PaneState }): React.ReactElement {
  const styles = useStyles();
  const { t, run, host, settings } = pane;
  const fileInput = React.useRef<HTMLInputElement>(null);
  const reportInput = React.useRef<HTMLInputElement>(null);
  const report = REPORT_TEXT[settings.lang];
  const actions: PaneAction[] = [
    {
      id: 'check',
      label: t.check,
      icon: <TableSearch20Regular />,
      run: () => void run.check(),
      primary: true,
    },
    // Beside 校验本表 where the row has room; where it does not, it is folded before 清除标记 (which then still
    // fits at 340 px) and comes first under ⋯.
    ...(host.checkAllSheets
      ? [
          {
            id: 'checkAll',
            label: t.checkAll,
            icon: <TableMultiple20Regular />,
            hint: t.checkAllHint,
            run: () => void run.checkAll(),
            priority: 4,
          },
        ]
      : []),
    {
      id: 'clear',
      label: t.clear,
      icon: <Eraser20Regular />,
      hint: t.clearHint,
      run: () => void run.clear(),
      priority: 5,
    },
    ...(host.clearAllSheets
      ? [
          {
            id: 'clearAll',
            label: t.clearAll,
            icon: <Eraser20Regular />,
            hint: t.clearAllHint,
            run: () => void run.clearAll(),
          },
        ]
      : []),
    ...(host.planFill
      ? [
          {
            id: 'fill',
            label: t.fill,
            icon: <Calculator20Regular />,
            hint: t.fillHint,
            run: () => void run.fill(),
          },
        ]
      : []),
    ...(host.undoFill
      ? [
          {
            id: 'undoFill',
            label: t.undoFill,
            icon: <ArrowUndo20Regular />,
            hint: t.undoFillHint,
            run: () => void run.undoFill(),
          },
        ]
      : []),
    {
      id: 'summary',
      label: t.summary,
      icon: <TableSimple20Regular />,
      hint: t.summarise,
      run: () => void run.summary(),
    },
    {
      id: 'files',
      label: t.pickFiles,
      icon: <FolderOpen20Regular />,
      hint: t.pickFilesHint,
      run: () => fileInput.current?.click(),
    },
    {
      id: 'report',
      label: report.button,
      icon: <DocumentSearch20Regular />,
      hint: report.hint,
      run: () => {
        pane.focus.remember();
        reportInput.current?.click();
      },
    },
  ];
  return (
    <>
      <div className={styles.toolbarRow} ref={(el) => void (pane.checkRef.current = el?.querySelector<HTMLElement>('[data-action="check"]') ?? null)}>
        {/* Keyed by language: the row is measured again when its labels change length. */}
        <PaneToolbar key={settings.lang} actions={actions} busy={pane.busy} label={t.toolbar} moreLabel={t.more} moreRef={pane.moreRef} />
        <ToggleButton
          appearance="subtle"
          icon={<Settings20Regular />}
          checked={pane.settingsOpen}
          aria-expanded={pane.settingsOpen}
          aria-label={t.settings}
          title={t.settings}
          onClick={pane.toggleSettings}
          className={styles.gear}
          data-testid="gear"
        />
      </div>
      <input
        ref={reportInput}
        type="file"
        accept={REPORT_TYPES}
        hidden
        data-testid="pick-report"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) pane.openReport(file);
        }}
      />
      <input
        ref={fileInput}
        type="file"
        accept={WORKBOOK_TYPES}
        multiple
        hidden
        data-testid="pick-files"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void run.summary(files);
        }}
      />
    </>
  );
}
