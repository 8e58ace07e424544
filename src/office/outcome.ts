/** What a check came to, in a sentence: said by the ribbon commands of every host (Excel, WPS). */
import type { CheckResponse, SheetChecked } from './hostApi';
import type { ChipKind } from '../core/sheetChip';
import type { Lang } from '../core/findings';

/** What the check came to, in a sentence, and whether it can go away on its own. */
export function outcomeMessage(r: CheckResponse, lang: Lang): { text: string; transient: boolean } {
  const zh = lang === 'zh';
  if (r.kind === 'summarySheet') return { text: zh ? '这是插件生成的汇总表，没有需要校验的表。' : 'This is the summary sheet; there is nothing to check on it.', transient: false };
  if (r.kind === 'protected') return { text: zh ? `工作表「${r.sheet}」受保护，已校验但未写入标记。` : `Sheet "${r.sheet}" is protected: checked, nothing written.`, transient: false };
  const count = (s: string) => r.tables.reduce((n, t) => n + t.findings.filter((f) => f.severity === s).length, 0);
  const regions = r.unrecognised.length;
  if (r.tables.length === 0 && regions === 0) return { text: zh ? '本表未找到绩效自评表。' : 'No self-evaluation table on this sheet.', transient: false };
  const errors = count('error');
  const warnings = count('warning');
  const text = zh
    ? `已校验 ${r.tables.length} 张表：错误 ${errors}，警告 ${warnings}${regions ? `；${regions} 处无法识别` : ''}。标记和复核结果列已写入，「清除标记」可撤销。`
    : `Checked ${r.tables.length} table(s): ${errors} error(s), ${warnings} warning(s)${regions ? `; ${regions} region(s) could not be read` : ''}. Marks and the review column are written; 清除标记 (Clear marks) takes them back.`;
  return { text, transient: regions === 0 };
}

/** 清除标记 on Excel without the notes API: which notes are left, and what to do (empty when none). */
export function notesLeftMessage(cells: readonly string[] | undefined, lang: Lang): string {
  if (!cells?.length) return '';
  const list = cells.length > 12 ? `${cells.slice(0, 12).join('、')} 等 ${cells.length} 处` : cells.join('、');
  const listEn = cells.length > 12 ? `${cells.slice(0, 12).join(', ')} and ${cells.length - 12} more` : cells.join(', ');
  return lang === 'zh'
    ? `此版本 Excel 无法删除批注（需要 ExcelApi 1.18），以下单元格的校验批注未删除：${list}。请在 Microsoft 365 或网页版 Excel 中再次「清除标记」，或手动删除。`
    : `This Excel cannot remove notes (ExcelApi 1.18 is needed): the review notes in ${listEn} were left. Run 清除标记 (Clear marks) again in Microsoft 365 or Excel on the web, or delete them by hand.`;
}

/** 校验全部工作表 from the ribbon: how many sheets, and by chip (errors first, naming the sheets to look at). */
export function allSheetsMessage(outcomes: readonly SheetChecked[], lang: Lang): { text: string; transient: boolean } {
  const zh = lang === 'zh';
  if (!outcomes.length) return { text: zh ? '本工作簿没有可校验的工作表。' : 'This workbook has no sheet to check.', transient: false };
  const of = (kind: ChipKind) => outcomes.filter((o) => o.chip.kind === kind);
  const names = (list: readonly SheetChecked[]) => {
    const shown = list.slice(0, 8).map((o) => (zh ? `「${o.sheet}」` : `"${o.sheet}"`));
    const more = list.length > 8 ? (zh ? ` 等 ${list.length} 张` : ` and ${list.length - 8} more`) : '';
    return `${shown.join(zh ? '' : ', ')}${more}`;
  };
  const errors = of('errors');
  const warnings = of('warnings');
  const locked = outcomes.filter((o) => o.protected);
  const parts = zh
    ? [`错误 ${errors.length} 张`, `警告 ${warnings.length} 张`, `通过 ${of('pass').length} 张`, `无自评表 ${of('noTables').length} 张`]
    : [`${errors.length} with errors`, `${warnings.length} with warnings`, `${of('pass').length} passed`, `${of('noTables').length} without a table`];
  const lines = [zh ? `已校验 ${outcomes.length} 张工作表：${parts.join('，')}。` : `Checked ${outcomes.length} sheet(s): ${parts.join(', ')}.`];
  if (errors.length) lines.push(zh ? `有错误的工作表：${names(errors)}。` : `Sheets with errors: ${names(errors)}.`);
  if (locked.length) lines.push(zh ? `受保护、已校验但未写入标记：${names(locked)}。` : `Protected, checked but not marked: ${names(locked)}.`);
  lines.push(zh ? '打开校验面板可按工作表查看。' : 'Open the pane to see them sheet by sheet.');
  return { text: lines.join('\n'), transient: false };
}

/** 清除标记（全部工作表） from the ribbon: the cells cleared, on how many sheets; the protected ones named. */
export function clearedAllMessage(r: { readonly cleared: readonly string[]; readonly protected: readonly string[]; readonly cells: number }, lang: Lang): { text: string; transient: boolean } {
  const zh = lang === 'zh';
  const done = r.cells
    ? zh
      ? `已清除 ${r.cleared.length} 张工作表上 ${r.cells} 个单元格的标记；复核意见保留。`
      : `Cleared the marks of ${r.cells} cell(s) on ${r.cleared.length} sheet(s); reviewers' verdicts are kept.`
    : zh
      ? '各工作表都没有需要清除的标记。'
      : 'There were no marks on any sheet.';
  if (!r.protected.length) return { text: done, transient: true };
  const locked = zh ? `受保护、未做任何写入：${r.protected.map((s) => `「${s}」`).join('')}。` : `Protected, nothing written: ${r.protected.map((s) => `"${s}"`).join(', ')}.`;
  return { text: `${done}\n${locked}`, transient: false };
}
