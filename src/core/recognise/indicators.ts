/**
 * The indicator block: rows under the indicator header down to the 总分 row, the grade and a footer note.
 * Blank 一级 / 二级 cells continue the label above (merged cells); template rows left empty or holding a
 * prompt ("指标2:", "……") are placeholders; a header repeated where the source broke a page is skipped.
 */
import { isBlank } from '../grid';
import { displayText, isNotApplicable, labelOf } from '../text';
import { numberKind } from '../numbers';
import type { Field, Indicator, Table } from '../table';
import type { Header } from './header';
import { readHeader } from './header';
import {
  type IndicatorMeaning,
  gradeInLabel,
  gradeOf,
  withoutPoints,
  headerFieldOf,
  isAsideLabel,
  isClosingLabel,
  isGradeLabel,
  isPromptText,
  isTitle,
  isTotalLabel,
} from './vocabulary';
import { type SheetView, isNameRow } from './sheetView';

export interface IndicatorBlock {
  readonly indicators: Indicator[];
  readonly totalRow?: Table['totalRow'];
  readonly grade?: Field;
  /** The last row of the table. */
  readonly end: number;
}

type Columns = Partial<Record<IndicatorMeaning, number>>;

/** Names as people read them: spaced-out labels ("产 出 指 标") closed up, line breaks gone. */
function nameOf(v: Field['value']): string {
  return displayText(v).replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
}

export function readIndicators(view: SheetView, header: Header<IndicatorMeaning>, limit: number): IndicatorBlock {
  const cols: Columns = {};
  for (const [meaning, h] of Object.entries(header.columns) as [IndicatorMeaning, { col: number }][]) cols[meaning] = h.col;
  const at = (r: number, k: IndicatorMeaning): Field | undefined => (cols[k] === undefined ? undefined : view.field(r, cols[k]));

  const indicators: Indicator[] = [];
  let level1 = '';
  let level1Cell: Field | undefined;
  let level2 = '';
  let level2Cell: Field | undefined;
  let totalRow: Table['totalRow'];
  let grade: Field | undefined;
  let end = header.bottom;
  let blankRun = 0;
  for (let r = header.bottom + 1; r < limit; r++) {
    if (view.rowBlank(r)) {
      if (++blankRun >= 2 && (indicators.length || totalRow)) break;
      continue;
    }
    blankRun = 0;
    const { cols: labelCols, labels } = view.labelsOf(r);
    if (labels.some((l) => isTitle(l)) || isNameRow(view, r) || readHeader(view, r, 'funds')) break;
    const repeated = readHeader(view, r, 'indicators');
    if (repeated) {
      // The header again, where the source broke a page: the rows go on below it.
      r = repeated.bottom;
      end = r;
      continue;
    }
    // Under the indicators, 自评总分 / 项目总得分 close the block as its 总分 row (above the grid they are header fields).
    // "总分(100分)" is a 总分 that states the table's points.
    const totalAt = labelCols[labels.findIndex((l) => isTotalLabel(l) || isTotalLabel(withoutPoints(l)) || (headerFieldOf(l) === 'selfScore' && view.usedCount(r) > 1))];
    if (totalAt !== undefined && !totalRow) {
      totalRow = readTotalRow(view, r, totalAt, cols.weight, cols.score);
      grade = gradeInRow(view, r, totalAt, cols) ?? grade;
      end = r;
      continue;
    }
    const gradeAt = labelCols[labels.findIndex((l) => isGradeLabel(l) || gradeInLabel(l))];
    if (gradeAt !== undefined) {
      grade = gradeValue(view, r, gradeAt);
      end = r;
      break;
    }
    if (labels.some((l) => isClosingLabel(l))) {
      if (labels.some((l) => /^注/.test(l))) end = r;
      break;
    }
    if (totalRow) break; // anything after the total row that is not a grade or a note ends the table
    if (labels[0] !== undefined && isAsideLabel(labels[0])) {
      end = r; // "其他需要说明事项 | 无": a note inside the block, not an indicator
      continue;
    }
    const l1 = at(r, 'level1');
    if (l1 && !isBlank(l1.value)) {
      level1 = nameOf(l1.value);
      level1Cell = l1;
      level2 = '';
      level2Cell = undefined;
    }
    const l2 = at(r, 'level2');
    if (l2 && !isBlank(l2.value)) {
      level2 = nameOf(l2.value);
      level2Cell = l2;
    }
    const l3 = at(r, 'level3');
    const ind: Indicator = {
      row: r,
      level1,
      level1Cell,
      level2,
      level2Cell,
      level3: l3 ? nameOf(l3.value) : '',
      level3Cell: l3,
      target: at(r, 'target'),
      nature: at(r, 'nature'),
      unit: at(r, 'unit'),
      actual: at(r, 'actual'),
      actualMerged: mergedOver(view, r, cols.actual),
      weight: at(r, 'weight'),
      score: at(r, 'score'),
      reason: reasonAt(view, r, cols.reason),
      reasonCol: cols.reason,
    };
    end = r;
    if (!isPlaceholder(ind)) indicators.push(ind);
  }
  // A grade row may follow the total row after a blank; a footer note may follow both.
  if (!grade || !totalRow) {
    for (let r = end + 1; r < Math.min(limit, end + 3); r++) {
      const gradeAt = view.labelCols(r).find((c) => isGradeLabel(view.label(r, c)) || gradeInLabel(view.label(r, c)));
      if (gradeAt !== undefined) {
        grade = gradeValue(view, r, gradeAt);
        end = r;
        break;
      }
      if (!view.rowBlank(r)) break;
    }
  }
  for (let r = end + 1; r < Math.min(limit, end + 3); r++) {
    if (view.rowBlank(r)) continue;
    if (view.rowHasLabel(r, (l) => /^注/.test(l))) end = r;
    break;
  }
  return { indicators, totalRow, grade, end };
}

/** A blank cell inside a merged area whose value sits elsewhere (above or left of it). */
function mergedOver(view: SheetView, r: number, col: number | undefined): boolean | undefined {
  if (col === undefined || !view.blank(r, col)) return undefined;
  const m = view.mergeAt(r, col);
  return m && (m.top < r || m.left < col) ? true : undefined;
}

/** A reason merged over several indicator rows speaks for each of them. */
function reasonAt(view: SheetView, r: number, col: number | undefined): Field | undefined {
  if (col === undefined) return undefined;
  const m = view.blank(r, col) ? view.mergeAt(r, col) : undefined;
  return m && m.top < r ? view.field(m.top, m.left) : view.field(r, col);
}

/** Empty, not applicable, or a template prompt. */
function emptyCell(f: Field | undefined): boolean {
  if (!f || isBlank(f.value) || isNotApplicable(f.value)) return true;
  return typeof f.value === 'string' && isPromptText(labelOf(f.value));
}

/**
 * Template rows kept empty ("经济效益指标" with nothing in it) or holding a prompt ("指标2:", "……",
 * "指标1:/" with "/" for its values), with no 分值 and no 得分: neither an indicator nor a finding.
 */
function isPlaceholder(ind: Indicator): boolean {
  const level3Empty = !ind.level3Cell || emptyCell(ind.level3Cell) || isPromptText(labelOf(ind.level3Cell.value));
  return level3Empty && emptyCell(ind.target) && emptyCell(ind.actual) && emptyCell(ind.weight) && emptyCell(ind.score);
}

function readTotalRow(view: SheetView, r: number, labelCol: number, weightCol: number | undefined, scoreCol: number | undefined): Table['totalRow'] {
  const weight = weightCol === undefined ? undefined : view.field(r, weightCol);
  // A grade word in the 得分 column ("总分(100分) | 100 | 自评等级 | 优") is the grade, not the total.
  const score = scoreCol === undefined || gradeOf(view.label(r, scoreCol)) ? undefined : view.field(r, scoreCol);
  if ((weight && !isBlank(weight.value)) || (score && !isBlank(score.value))) return { row: r, weight, score };
  // Misaligned exports put the two figures elsewhere on the row: take the last two numbers.
  const numbers: Field[] = [];
  for (let c = labelCol + 1; c < view.cols; c++) {
    const f = view.field(r, c);
    if (numberKind(f.value) === 'number') numbers.push(f);
  }
  if (numbers.length >= 2) return { row: r, weight: numbers[numbers.length - 2], score: numbers[numbers.length - 1] };
  if (numbers.length === 1 && weightCol === undefined) return { row: r, score: numbers[0] };
  return { row: r, weight, score };
}

/** "总分 | 100 | 96 | 优": a grade written on the total row itself. */
function gradeInRow(view: SheetView, r: number, labelCol: number, cols: Columns): Field | undefined {
  // The 得分 column too: "总分(100分) | 100 | 自评等级 | 优" puts the grade under it.
  for (let c = labelCol + 1; c < view.cols; c++) {
    if (c === cols.weight) continue;
    if (gradeOf(view.label(r, c))) return view.field(r, c);
  }
  return undefined;
}

function gradeValue(view: SheetView, r: number, labelCol: number): Field | undefined {
  // "评分等级：良" holds its grade itself (or is to hold it, left as "评分等级：").
  if (gradeInLabel(view.label(r, labelCol))) return view.field(r, labelCol);
  // The value is the first cell after the label's merged area ("评分等级" over A20:E20 → F20), never a covered one.
  const first = view.afterLabel(r, labelCol);
  for (let c = first; c < view.cols; c++) {
    if (!view.blank(r, c)) return view.field(r, c);
  }
  return { row: r, col: first, value: null };
}
