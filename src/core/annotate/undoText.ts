/**
 * What 清除标记 and 撤销填写 came to, in a sentence, in each language: said by the pane, the ribbon
 * commands of every host and the command line alike.
 */
import type { Lang } from '../findings';

/** 清除标记: the marks taken off, and the filled values it kept (only 撤销填写 gives the old ones back). */
export function clearedText(cells: number, filledKept: number, lang: Lang): string {
  const zh = lang !== 'en';
  const marks = zh ? (cells ? `已清除 ${cells} 个单元格的标记。` : '本表没有需要清除的标记。') : cells ? `Cleared the marks of ${cells} cell(s).` : 'There were no marks on this sheet.';
  if (!filledKept) return marks;
  return zh
    ? `${marks}「填写计算值」填入的 ${filledKept} 个单元格保留；要恢复填写前的内容，请点「撤销填写」。`
    : `${marks} The ${filledKept} cell(s) written by Fill computed values are kept; Undo fill (撤销填写) puts back what they held before.`;
}

/** The filled cells 撤销填写 left because the clerk changed them after the fill. */
export function keptText(cells: readonly string[], lang: Lang): string {
  if (!cells.length) return '';
  return lang === 'en' ? `${cells.join(', ')}: changed after the fill, kept as they are.` : `${cells.join('、')} 在填写后已被改动，保留现有内容。`;
}

/** 撤销填写: how many cells hold again what they held before the fill, and which were kept. */
export function undoneText(restored: number, kept: readonly string[], lang: Lang): string {
  const zh = lang !== 'en';
  let head: string;
  if (restored) head = zh ? `已撤销填写：${restored} 个单元格恢复为填写前的内容。` : `Fill undone: ${restored} cell(s) hold again what they held before.`;
  else if (kept.length) head = zh ? '没有单元格恢复：' : 'No cell was put back:';
  else return zh ? '本表没有可撤销的填写。' : 'Nothing was filled on this sheet: nothing to undo.';
  return kept.length ? `${head}${zh ? '' : ' '}${keptText(kept, lang)}` : head;
}
