/** The part of fast-formula-parser (MIT; it ships no types) the .xlsx reader uses. */
declare module 'fast-formula-parser' {
  type Value = number | string | boolean | null | undefined | Value[][];
  interface CellRef {
    readonly sheet: string;
    readonly row: number;
    readonly col: number;
  }
  interface RangeRef {
    readonly sheet: string;
    readonly from: { readonly row: number; readonly col: number };
    readonly to: { readonly row: number; readonly col: number };
  }
  interface Config {
    onCell?: (ref: CellRef) => Value;
    onRange?: (ref: RangeRef) => Value[][];
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
  }
  export default class FormulaParser {
    constructor(config?: Config);
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
  }
}
