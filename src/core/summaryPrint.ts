/**
 * What the summary's pages say above their rows: the unit and the year, as a bureau's filed pages do.
 * Pure: the summary in, header sections (Excel's header/footer codes) out.
 */
import type { Lang } from './findings';
import type { Summary } from './summary';
import { type PageFooter, headerText } from './print';

/** The file's name without its folders (either separator) or extension. */
function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
}

/**
 * Whose tables these are: the 主管部门 when every table counted names the same one, else the workbook's
 * file name when there is one workbook, else nothing (several files of several departments: no one unit).
 */
export function summaryUnit(s: Summary): string {
  const departments = new Set(s.rows.filter((r) => r.duplicateOf === null).map((r) => r.department.trim()));
  const [only] = [...departments];
  if (departments.size === 1 && only) return only;
  return s.workbooks.length === 1 && s.workbooks[0] ? baseName(s.workbooks[0].file) : '';
}

/**
 * The year the files name (2024年…, …2024.xlsx), when every workbook names the same one; else none. The
 * tables' own dates are not read here: a project named "2019年…奖励经费" says its project's year, not the
 * evaluation's.
 */
export function summaryYear(s: Summary): string | null {
  const years = new Set(s.workbooks.map((w) => /(?<!\d)(20\d{2})(?!\d)/.exec(baseName(w.file))?.[1] ?? null));
  const [only] = [...years];
  return years.size === 1 && only ? only : null;
}

/** The page header: the unit on the left, the title in the middle, the year on the right (when known). */
export function summaryPageHeader(s: Summary, lang: Lang, title: string): PageFooter {
  const unit = summaryUnit(s);
  const year = summaryYear(s);
  return {
    ...(unit ? { left: headerText(unit) } : {}),
    center: headerText(title),
    ...(year ? { right: lang === 'en' ? `Year ${year}` : `${year} 年度` } : {}),
  };
}
