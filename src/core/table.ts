/**
 * The domain: a self-evaluation table as recognised on a sheet. Every field keeps its cell, so that
 * a finding can point at it and a host can mark it.
 */
import type { CellRange, CellValue } from './grid';
import type { FundsMeaning, IndicatorMeaning } from './recognise/vocabulary';

/** One cell as read: where it is, what it holds, how it is formatted. */
export interface Field {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly format?: string;
  /**
   * The value was read out of a label cell ("项目总得分 99分"): the value is the part after the label, and the
   * cell is the label's own, so nothing may be written into it.
   */
  readonly inLabel?: boolean;
  /** The cell holds a formula the file gives no usable result for (a writer that does not calculate). */
  readonly notComputed?: boolean;
}

export type TableKind = 'project' | 'department';

/** 自评: 产出 / 效益 / 满意度 (and the department-wide one); 评价: 决策 / 过程 (管理) / 产出 / 效益, 满意度 inside 效益. */
export type Framework = 'selfEvaluation' | 'evaluation';

/** The unit of a table's amounts. Figures stay in it; summaries convert to 万元. */
export type AmountUnit = '万元' | '元';

/** Columns of the funds block (项目资金 / 预算情况 / 预算执行情况), by meaning. */
export type FundsColumns = { readonly [K in FundsMeaning]?: number };

export interface FundsRow {
  readonly row: number;
  readonly label: string;
  readonly initial?: Field;
  readonly budget?: Field;
  readonly executed?: Field;
  readonly weight?: Field;
  readonly rate?: Field;
  readonly score?: Field;
  readonly reason?: Field;
}

export interface FundsBlock {
  readonly headerRow: number;
  /** The first header row (a two-row header's band row). */
  readonly headerTop: number;
  readonly columns: FundsColumns;
  /** The rate header says "(%)": plain numbers under it are percents. */
  readonly ratePercentHeader: boolean;
  readonly total: FundsRow;
  /** Sub-rows grouped: each group adds up to the total on its own (资金来源 / 资金结构, a block beside). */
  readonly groups: readonly (readonly FundsRow[])[];
  /** "预算执行情况(10分)": a label stating the block's weight. */
  readonly statedWeight?: StatedWeight;
  /** "得分(20分*执行率)": the score column's header states the 执行率 分值. */
  readonly headerWeight?: StatedWeight;
  /** Amounts written as label | value pairs ("计划投资额 | 570 | 实际使用情况 | 395.86") rather than under a header. */
  readonly pairs?: boolean;
}

export interface StatedWeight {
  readonly field: Field;
  readonly label: string;
  readonly points: string;
}

export interface Indicator {
  readonly row: number;
  readonly level1: string;
  /** The cell carrying the 一级 label (top of its merged run). */
  readonly level1Cell?: Field;
  readonly level2: string;
  /** The cell carrying the 二级 label (top of its merged run). */
  readonly level2Cell?: Field;
  readonly level3: string;
  readonly level3Cell?: Field;
  readonly target?: Field;
  readonly nature?: Field;
  readonly unit?: Field;
  readonly actual?: Field;
  readonly weight?: Field;
  readonly score?: Field;
  readonly reason?: Field;
  /** The 实际完成值 cell is blank because a merged area from another cell covers it (its value is that cell's). */
  readonly actualMerged?: boolean;
  /** Column of the reason, even when this row's cell is blank (for MISSING_REASON's cell). */
  readonly reasonCol?: number;
}

/** 项目名称, 主管部门, 实施单位, and the 年度总体目标's 预期目标 / 实际完成情况. */
export type AskedName = 'project' | 'department' | 'implementer' | 'goalTarget' | 'goalActual';

/** A field the form asks for: the cell its value is (or belongs) in. */
export interface AskedField {
  readonly name: AskedName;
  readonly cell: Field;
}

/** Which sheet column was read as what (the report's `columns`). */
export interface ColumnsRead {
  readonly funds: FundsColumns;
  readonly indicators: { readonly [K in IndicatorMeaning]?: number };
  /** Header cells read as nothing (not a column, band or frame word): a user sees what was not understood. */
  readonly unread: readonly { readonly row: number; readonly col: number; readonly label: string }[];
}

export interface Table {
  readonly sheet: string;
  readonly kind: TableKind;
  readonly range: CellRange;
  readonly title: string;
  readonly project: string;
  readonly department: string;
  /** 实施单位. */
  readonly implementer: string;
  readonly amountUnit: AmountUnit;
  /** Absent where the table has no funds block (its 执行率 may then be an indicator row). */
  readonly funds?: FundsBlock;
  /** Absent where the table has no indicator block. */
  readonly indicatorHeaderRow?: number;
  readonly indicators: readonly Indicator[];
  readonly columns: ColumnsRead;
  /** Labels that state their weight: "产出指标(50分)" (level1 set), "绩效指标(90分)" (the frame: level1 null). */
  readonly level1Stated: readonly (StatedWeight & { readonly level1: string | null })[];
  /** The whole table's points stated in its total label ("总分(100分)"): the 执行率's and the indicators' together. */
  readonly tableStated?: StatedWeight;
  /** Weights standing beside each 二级 label (a 分值 column at every level): each equals the sum under it. */
  readonly level2Stated: readonly (StatedWeight & { readonly level1: string; readonly level2: string })[];
  /** The indicator framework the 一级 labels follow: 自评 (产出/效益/满意度) or 评价 (决策/过程/产出/效益). */
  readonly framework: Framework;
  readonly totalRow?: { readonly row: number; readonly weight?: Field; readonly score?: Field };
  /** The shown 评分等级 / 自评结果 value cell. */
  readonly grade?: Field;
  /** Department-wide tables show 自评得分 in the header instead of a 总分 row. */
  readonly headerTotal?: Field;
  /** The fields the form asks the clerk to fill in, where the form has them (SPEC rule 11's MISSING_FIELD). */
  readonly asked?: readonly AskedField[];
  /** Department-wide 年度主要任务 rows, each with its own 预算资金 / 预算执行数 / 预算执行率. */
  readonly tasks?: readonly FundsRow[];
}

/** A region that looks like part of a table but could not be read as one. */
export interface Unrecognised {
  readonly sheet: string;
  readonly range: CellRange;
  readonly reason: UnrecognisedReason;
}

export type UnrecognisedReason = 'noFundsHeader' | 'noIndicatorHeader' | 'noFundsTotal' | 'noAmountColumns' | 'noHeaders';
