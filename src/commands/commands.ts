/**
 * Ribbon commands (ExecuteFunction): 校验本表 runs the check, 校验全部工作表 checks every work sheet,
 * 清除标记（全部工作表） takes every sheet's marks off (verdicts kept) and 撤销填写 puts back what 填写计算值
 * replaced, without opening the pane; each always says what came of it — in a small dialog of the add-in's
 * own (message.html) that goes after a few seconds when all went well, and stays when something needs
 * reading (a protected sheet, no table, a failure).
 */
import { browserStorage, excelHostFromOffice } from '../office/fromOffice';
import { type Settings, loadSettings } from '../office/settings';
import { allSheetsMessage, clearedAllMessage, outcomeMessage } from '../office/outcome';
import { undoneText } from '../core/annotate/undoText';

async function checkSheet(event: Office.AddinCommands.Event): Promise<void> {
  const settings = loadSettings(browserStorage(), Office.context.displayLanguage);
  const host = excelHostFromOffice();
  try {
    const { text, transient } = outcomeMessage(await host.checkActiveSheet(settings), settings.lang);
    await tell(text, transient);
  } catch (e) {
    await tell(String(e instanceof Error ? e.message : e), false);
  } finally {
    event.completed();
  }
}

/** A command over the whole workbook: its outcome said, a failure said, the event completed whatever happens. */
async function wholeWorkbook(event: Office.AddinCommands.Event, run: (settings: Settings) => Promise<{ text: string; transient: boolean }>): Promise<void> {
  const settings = loadSettings(browserStorage(), Office.context.displayLanguage);
  try {
    const { text, transient } = await run(settings);
    await tell(text, transient);
  } catch (e) {
    await tell(String(e instanceof Error ? e.message : e), false);
  } finally {
    event.completed();
  }
}

const checkAllSheets = (event: Office.AddinCommands.Event) =>
  wholeWorkbook(event, async (settings) => allSheetsMessage(await excelHostFromOffice().checkAllSheets(settings), settings.lang));

const clearAllSheets = (event: Office.AddinCommands.Event) => wholeWorkbook(event, async (settings) => clearedAllMessage(await excelHostFromOffice().clearAllSheets(), settings.lang));

async function undoFill(event: Office.AddinCommands.Event): Promise<void> {
  const settings = loadSettings(browserStorage(), Office.context.displayLanguage);
  try {
    const r = await excelHostFromOffice().undoFill();
    if (r.kind === 'protected') await tell(settings.lang === 'zh' ? `工作表「${r.sheet}」受保护，未做任何写入。` : `Sheet "${r.sheet}" is protected: nothing written.`, false);
    else await tell(undoneText(r.restored, r.kept, settings.lang), r.kept.length === 0 && r.restored > 0);
  } catch (e) {
    await tell(String(e instanceof Error ? e.message : e), false);
  } finally {
    event.completed();
  }
}

/**
 * Opens message.html (served with the add-in) with the text; resolves once the dialog is gone. The
 * dialog closes the documented way: a transient one asks to (Office.context.ui.messageParent) and the
 * command closes it (dialog.close()) — window.close() does nothing in the iframe Excel on the web gives
 * it; one the user closes says so by DialogEventReceived. The command completes after that.
 */
function tell(message: string, transient: boolean): Promise<void> {
  const url = new URL('message.html', window.location.href);
  url.searchParams.set('m', message);
  if (transient) url.searchParams.set('close', '4');
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 20, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

Office.onReady(() => {
  Office.actions.associate('checkSheet', checkSheet);
  Office.actions.associate('undoFill', undoFill);
  Office.actions.associate('checkAllSheets', checkAllSheets);
  Office.actions.associate('clearAllSheets', clearAllSheets);
});
