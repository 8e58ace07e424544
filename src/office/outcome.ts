/** What a check came to, in a sentence: said by the ribbon commands of every host (Excel, WPS). */
import type { CheckResponse } from './hostApi';
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
