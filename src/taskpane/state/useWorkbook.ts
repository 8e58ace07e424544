/**
 * The reviewer's workbook (SPEC §5): 校验全部工作表 with its progress and a chip per sheet, the sheet picked
 * among them, 清除标记 of every sheet, and 复核意见 (a verdict recorded, then the sheet checked again so that
 * its notes and 复核结果 column say it). The pane's own state (results, status) is handed in.
 */
import * as React from 'react';
import type { FindingReport } from '../../core/report';
import { sheetChip } from '../../core/sheetChip';
import type { CheckResponse, Host, SheetChecked } from '../../office/hostApi';
import type { Settings } from '../../office/settings';
import { type Checked, type Status, checkedStatus, failedStatus, message } from './status';
import { count, verifiedCount } from './tables';

/** What the pane lends this hook: its results and status, and a check of the active sheet. */
export interface WorkbookDeps {
  readonly host: Host;
  readonly settings: Settings;
  readonly setResult: (r: Checked | null) => void;
  readonly setStatus: (s: Status) => void;
  readonly setSelected: (key: string | null) => void;
  readonly setStale: (stale: boolean) => void;
}

export interface WorkbookState {
  /** The last 校验全部工作表, each sheet as last checked since (a check of one sheet updates its chip). */
  readonly sheets: readonly SheetChecked[] | null;
  /** The sheet whose results are shown, picked by its chip. */
  readonly picked: string | null;
  readonly pick: (sheet: string) => void;
  readonly checkAll: () => Promise<void>;
  readonly clearAll: () => Promise<void>;
  /** 已核实 with a note (or, with null, taken back) on a finding of a sheet; the sheet is then checked again. */
  readonly setVerdict: (sheet: string, finding: FindingReport, note: string | null) => Promise<void>;
  /** A check of one sheet, as the pane got it: its chip follows. */
  readonly checkedOne: (r: Checked) => void;
  /** 清除标记 of one sheet or every one: the chips no longer say what the sheets hold. */
  readonly forget: () => void;
}

/** A sheet of 校验全部工作表 as the pane shows a check of it. */
export function asChecked(s: SheetChecked, settings: Settings): Checked {
  const base = { sheet: s.sheet, tables: s.tables, unrecognised: s.unrecognised, byLang: s.byLang };
  if (s.protected) return { kind: 'protected', ...base };
  return { kind: 'checked', ...base, notesWritten: settings.notes, ...(s.changes ? { changes: s.changes } : {}) };
}

function asSheet(r: Checked): SheetChecked | null {
  if (!r.byLang) return null;
  return {
    sheet: r.sheet,
    chip: sheetChip(r.tables, r.unrecognised),
    tables: r.tables,
    unrecognised: r.unrecognised,
    byLang: r.byLang,
    protected: r.kind === 'protected',
    ...(r.kind === 'checked' && r.changes ? { changes: r.changes } : {}),
  };
}

/** The status after 校验全部工作表: the sheets, tables, open errors and warnings, and verified findings apart. */
export function allCheckedStatus(sheets: readonly SheetChecked[]): Status {
  const tables = sheets.flatMap((s) => s.tables);
  const sum = (f: (t: (typeof tables)[number]) => number) => tables.reduce((n, t) => n + f(t), 0);
  const errors = sum((t) => count(t, 'error'));
  const warnings = sum((t) => count(t, 'warning'));
  const verified = sum(verifiedCount);
  const unread = sheets.some((s) => s.unrecognised.length > 0);
  return message(errors ? 'error' : warnings || unread ? 'warning' : 'success', (t) => t.checkedSheets(sheets.length, tables.length, errors, warnings, verified));
}

export function useWorkbook({ host, settings, setResult, setStatus, setSelected, setStale }: WorkbookDeps): WorkbookState {
  const [sheets, setSheets] = React.useState<readonly SheetChecked[] | null>(null);
  const [picked, setPicked] = React.useState<string | null>(null);
  const sheetsRef = React.useRef(sheets);
  sheetsRef.current = sheets;

  const show = (s: SheetChecked) => {
    setResult(asChecked(s, settings));
    setStale(false);
    setPicked(s.sheet);
  };

  const checkAll = async () => {
    if (!host.checkAllSheets) return;
    setStatus({ kind: 'busy', what: 'check', label: (t) => t.checkingAll });
    try {
      const done = await host.checkAllSheets(settings, (n, of) => setStatus({ kind: 'busy', what: 'check', label: (t) => t.checkingSheets(n, of) }));
      React.startTransition(() => {
        setSheets(done);
        setPicked(null);
        setResult(null);
        setSelected(null);
        setStale(false);
        setStatus(allCheckedStatus(done));
      });
    } catch (e) {
      setStatus(failedStatus(e));
    }
  };

  const clearAll = async () => {
    if (!host.clearAllSheets) return;
    setStatus({ kind: 'busy', what: 'clear' });
    try {
      const r = await host.clearAllSheets(false);
      setSheets(null);
      setPicked(null);
      setResult(null);
      setStatus(message(r.protected.length ? 'warning' : 'success', (t) => t.clearedAll(r.cleared.length, r.cells, r.protected.length)));
    } catch (e) {
      setStatus(failedStatus(e));
    }
  };

  const checkedOne = (r: Checked) => {
    const s = asSheet(r);
    if (!s) return;
    setSheets((all) => (all?.some((x) => x.sheet === s.sheet) ? all.map((x) => (x.sheet === s.sheet ? s : x)) : all));
    // Its chip is pressed; a sheet not among them (added since) leaves none pressed.
    if (sheetsRef.current) setPicked(sheetsRef.current.some((x) => x.sheet === s.sheet) ? s.sheet : null);
  };

  const pick = (sheet: string) => {
    const s = sheetsRef.current?.find((x) => x.sheet === sheet);
    if (!s) return;
    show(s);
    setSelected(null);
    // The sheet itself is opened at its first table (or its first cell).
    const first = s.tables[0]?.range.split(':')[0] ?? s.unrecognised[0]?.range.split(':')[0] ?? 'A1';
    void host.selectCell(sheet, first).catch((e: unknown) => setStatus(failedStatus(e)));
  };

  const setVerdict = async (sheet: string, f: FindingReport, note: string | null) => {
    if (!host.setVerdict) return;
    setStatus({ kind: 'busy', what: 'check', label: (t) => t.savingVerdict });
    try {
      const finding = { code: f.code, cell: f.cell, expected: f.expected, found: f.found, ...(f.subject !== undefined ? { subject: f.subject } : {}) };
      await host.setVerdict(sheet, finding, note === null ? null : { note, by: settings.reviewer ?? '', at: new Date().toISOString() });
      // Checked again so that the note and the 复核结果 column say it: the finding's sheet is the active one.
      await host.selectCell(sheet, f.cell);
      const r: CheckResponse = await host.checkActiveSheet(settings);
      if (r.kind === 'summarySheet') return;
      React.startTransition(() => {
        setResult(r);
        setStale(false);
        checkedOne(r);
        setStatus(checkedStatus(r, settings));
      });
    } catch (e) {
      setStatus(failedStatus(e));
    }
  };

  return { sheets, picked, pick, checkAll, clearAll, setVerdict, checkedOne, forget: () => (setSheets(null), setPicked(null)) };
}
