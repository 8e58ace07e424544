/**
 * Never silent (SPEC §2): a 一级 or 二级 column whose header word was lost (a blank header cell, a word a writer
 * dropped) is read by what it holds. Beside the 二级 column, a column with no header word whose every filled cell
 * is a 一级 category word of the national framework ("产出指标", "效益指标(30分)", down merged areas) is the 一级
 * column; between the 一级 and the 三级, one whose every filled cell is a 二级 word ("数量指标", "社会效益指标") is
 * the 二级 column. Anything less certain stays unread and is said so (see figuresUnderNoWord).
 */
import type { Header, HeaderColumn } from './header';
import type { SheetView } from './sheetView';
import { type IndicatorMeaning, isAsideLabel, isClosingLabel, isGradeLabel, isTotalLabel, level1Category, level2Category, withoutPoints } from './vocabulary';

/** How far below the header the column's cells are read: further rows belong to the block's end or another table. */
const MAX_ROWS = 300;

/** A 二级 word that is never a 一级 (满意度指标 and 成本指标 are either). */
const ONLY_LEVEL2 = /^(\(?[一二三四五六七八九十\d]{1,3}[)、.．]?)?((数量|质量|时效)|(经济|社会|生态|环境)效益|可持续影响)(指标)?$/;

const isLevel1Word = (label: string): boolean => {
  const core = withoutPoints(label);
  return core.length <= 12 && level1Category(core) !== undefined && !ONLY_LEVEL2.test(core);
};

/** A row that closes the indicator block or stands aside in it: 总分, 评分等级, 其他需要说明事项, a note. */
const closesBlock = (label: string): boolean => isTotalLabel(label) || isTotalLabel(withoutPoints(label)) || isGradeLabel(label) || isAsideLabel(label) || isClosingLabel(label);

const isLevel2Word = (label: string): boolean => level2Category(withoutPoints(label)) !== undefined;

/**
 * Every filled cell of column c on the rows where the anchor column (the level to its right) is filled fits the
 * level's words, and there is at least one. The rows are read down to two blank rows in a row, or to a row that
 * closes the block (总分, 评分等级), stands aside in it (其他需要说明事项) or has nothing in the anchor column.
 */
function holdsOnly(view: SheetView, top: number, c: number, anchor: number, fits: (label: string) => boolean): boolean {
  let found = 0;
  let blankRun = 0;
  for (let r = top; r < Math.min(view.rows, top + MAX_ROWS); r++) {
    if (view.rowBlank(r)) {
      if (++blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    if (view.blank(r, c)) continue;
    const label = view.label(r, c);
    if (label && closesBlock(label)) break;
    if (view.blank(r, anchor)) {
      if (label && fits(label)) continue;
      break; // no level beside it: the block has ended
    }
    if (!label || !fits(label)) return false;
    found++;
  }
  return found > 0;
}

function inferred(meaning: IndicatorMeaning, col: number, row: number): HeaderColumn<IndicatorMeaning> {
  // The weakest rank: a column read by its content never wins over one a header word names.
  return { meaning, col, label: '', percent: false, row, rank: Number.MAX_SAFE_INTEGER };
}

/** The header with a 一级 or 二级 column its words lost put back, where the column's content says it for certain. */
export function withLevelsByContent(view: SheetView, header: Header<IndicatorMeaning>): Header<IndicatorMeaning> {
  const { level1, level2, level3 } = header.columns;
  const named = (c: number) => header.all.some((h) => h.col === c);
  let added: HeaderColumn<IndicatorMeaning> | undefined;
  if (!level1 && level2 && level2.col > 0 && !named(level2.col - 1) && holdsOnly(view, header.bottom + 1, level2.col - 1, level2.col, isLevel1Word)) {
    added = inferred('level1', level2.col - 1, header.bottom);
  } else if (level1 && !level2 && level3 && level3.col === level1.col + 2 && !named(level1.col + 1) && holdsOnly(view, header.bottom + 1, level1.col + 1, level3.col, isLevel2Word)) {
    added = inferred('level2', level1.col + 1, header.bottom);
  }
  if (!added) return header;
  const col = added.col;
  return {
    ...header,
    columns: { ...header.columns, [added.meaning]: added },
    all: [...header.all, added].sort((a, b) => a.col - b.col),
    unread: header.unread.filter((u) => u.col !== col),
  };
}
