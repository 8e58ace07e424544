/**
 * The WPS 加载项's main page script: the callbacks ribbon.xml names (the shape of the `wpsjs create`
 * template's ribbon.js — OnAddinLoad, OnAction, GetImage). 校验本表 / 清除标记 / 校验全部工作表 /
 * 清除标记（全部工作表） / 撤销填写 / 生成汇总表 run without the pane and say what came of it; 校验面板 shows or hides the task pane; 填写计算值 opens the pane with the
 * list of what it would write, to confirm there (nothing is written from the ribbon itself).
 */
import { loadSettings } from '../office/settings';
import { browserStorage } from '../office/fromOffice';
import { allSheetsMessage, clearedAllMessage, outcomeMessage } from '../office/outcome';
import { clearedText, undoneText } from '../core/annotate/undoText';
import { type EtApplication, type EtTaskPane, PANE_ACTION_KEY, XL, etApplication } from './et';
import { WpsHost } from './wpsHost';

const PANE_KEY = 'selfeval_taskpane_id';

function app(): EtApplication {
  const a = etApplication();
  if (!a) throw new Error('WPS application object not available');
  return a;
}

/** The folder this page was loaded from: the pane is beside it. */
function here(): string {
  const href = window.location.href;
  return href.slice(0, href.lastIndexOf('/') + 1);
}

/** The pane this add-in created, if WPS still has it. */
function existingPane(a: EtApplication): EtTaskPane | null {
  const id = a.PluginStorage.getItem(PANE_KEY);
  if (!id) return null;
  try {
    return a.GetTaskPane(id);
  } catch {
    return null;
  }
}

function togglePane(): void {
  const a = app();
  const pane = existingPane(a);
  if (pane) pane.Visible = !pane.Visible;
  else openPane(a, '');
}

/**
 * The one task pane, shown: created at taskpane.html the first time (with ?action=fill for 填写计算值,
 * which the pane reads on load, as in the Excel add-in), reused after that — the action is then left in
 * PluginStorage, where the open pane picks it up (taskpane.tsx). A TaskPane's URL is not changed in place.
 */
function openPane(a: EtApplication, action: '' | 'fill'): void {
  const pane = existingPane(a);
  if (pane) {
    if (action) a.PluginStorage.setItem(PANE_ACTION_KEY, action);
    pane.Visible = true;
    return;
  }
  const created = a.CreateTaskPane(`${here()}taskpane.html${action ? `?action=${action}` : ''}`);
  created.DockPosition = XL.dockRight;
  created.Visible = true;
  a.PluginStorage.setItem(PANE_KEY, created.ID);
}

const lockedText = (sheet: string, zh: boolean) => (zh ? `工作表「${sheet}」受保护，未做任何写入。` : `Sheet "${sheet}" is protected: nothing written.`);

export async function runAction(id: string, host: WpsHost, say: (text: string) => void): Promise<void> {
  const settings = loadSettings(browserStorage(), navigator.language);
  const zh = settings.lang === 'zh';
  try {
    if (id === 'selfevalCheck') say(outcomeMessage(await host.checkActiveSheet(settings), settings.lang).text);
    else if (id === 'selfevalClear') {
      const r = await host.clearActiveSheet();
      say(r.kind === 'protected' ? lockedText(r.sheet, zh) : clearedText(r.cells, r.filledKept, settings.lang));
    } else if (id === 'selfevalCheckAll') say(allSheetsMessage(await host.checkAllSheets(settings), settings.lang).text);
    else if (id === 'selfevalClearAll') say(clearedAllMessage(await host.clearAllSheets(), settings.lang).text);
    else if (id === 'selfevalUndoFill') {
      const r = await host.undoFill();
      say(r.kind === 'protected' ? lockedText(r.sheet, zh) : undoneText(r.restored, r.kept, settings.lang));
    } else if (id === 'selfevalSummary') {
      const r = await host.summarise(settings);
      say([zh ? `已生成汇总表「${r.sheet}」。` : `Summary written to sheet "${r.sheet}".`, r.summary.sentence.recomputed].join('\n'));
    }
  } catch (e) {
    say((zh ? '操作未完成：' : 'Not completed: ') + (e instanceof Error ? e.message : String(e)));
  }
}

/** The ribbon's handle (for invalidating controls); kept here rather than as an expando on Application. */
let ribbonUI: unknown;

const ribbon = {
  OnAddinLoad(ui: unknown): boolean {
    ribbonUI = ui;
    return ribbonUI !== undefined;
  },
  OnAction(control: { Id: string }): boolean {
    if (control.Id === 'selfevalPane') togglePane();
    else if (control.Id === 'selfevalFill') openPane(app(), 'fill');
    else void runAction(control.Id, new WpsHost(app()), (text) => window.alert(text));
    return true;
  },
  GetImage(control: { Id: string }): string {
    const icons: Record<string, string> = {
      selfevalCheck: 'images/check.svg',
      selfevalClear: 'images/clear.svg',
      selfevalCheckAll: 'images/check.svg',
      selfevalClearAll: 'images/clear.svg',
      selfevalSummary: 'images/summary.svg',
      selfevalFill: 'images/fill.svg',
      selfevalUndoFill: 'images/undo.svg',
      selfevalPane: 'images/pane.svg',
    };
    return icons[control.Id] ?? 'images/check.svg';
  },
};

// ribbon.xml calls these by name on the page's global object.
(window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
