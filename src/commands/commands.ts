/**
 * Ribbon commands (ExecuteFunction): 校验本表 runs the check without opening the pane. The marks, notes
 * and the 复核结果 column are the answer; when nothing could be written (a protected sheet, no table, a
 * failure) a small dialog of the add-in's own says why.
 */
import { browserStorage, excelHostFromOffice } from '../office/fromOffice';
import { loadSettings } from '../office/settings';

async function checkSheet(event: Office.AddinCommands.Event): Promise<void> {
  const settings = loadSettings(browserStorage(), Office.context.displayLanguage);
  const host = excelHostFromOffice();
  try {
    const r = await host.checkActiveSheet(settings);
    const errors = r.tables.reduce((n, t) => n + t.findings.filter((f) => f.severity === 'error').length, 0);
    const warnings = r.tables.reduce((n, t) => n + t.findings.filter((f) => f.severity === 'warning').length, 0);
    const zh = settings.lang === 'zh';
    const message =
      r.kind === 'protected'
        ? zh ? `工作表「${r.sheet}」受保护，未写入标记。` : `Sheet "${r.sheet}" is protected; nothing was written.`
        : r.tables.length === 0
          ? zh ? '本表未找到绩效自评表。' : 'No self-evaluation table on this sheet.'
          : zh ? `已校验 ${r.tables.length} 张表：错误 ${errors}，警告 ${warnings}。` : `Checked ${r.tables.length} table(s): ${errors} error(s), ${warnings} warning(s).`;
    if (r.kind === 'protected' || r.tables.length === 0) await tell(message);
  } catch (e) {
    await tell(String(e instanceof Error ? e.message : e));
  } finally {
    event.completed();
  }
}

/** Opens message.html (served with the add-in) with the text; resolves when it is shown. */
function tell(message: string): Promise<void> {
  const url = new URL('message.html', window.location.href);
  url.searchParams.set('m', message);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 20, width: 30, displayInIframe: true }, () => resolve());
  });
}

Office.onReady(() => {
  Office.actions.associate('checkSheet', checkSheet);
});
