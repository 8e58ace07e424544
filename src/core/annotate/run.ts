/**
 * A check or a 清除标记 on one sheet, the same for every host: find the product's own marks, check the
 * sheet as it was before them, work out what it wants; the host then reads the fills of the cells named
 * and carries out the decision.
 */
import { type SheetResult, checkSheet } from '../engine';
import type { CheckOptions, TableResult } from '../check/result';
import { type OwnMarks, type SheetNow, findOwn, withoutColumn } from './own';
import { type SheetState } from './state';
import { type Wanted, type WantedOptions, wantedOn } from './wanted';
import { cellsToInspect } from './decide';

export interface PreparedCheck {
  readonly own: OwnMarks;
  readonly result: SheetResult;
  readonly wanted: Wanted;
  /** The cells whose fill the host must read before deciding. */
  readonly inspect: readonly string[];
}

export function prepareCheck(now: SheetNow, state: SheetState | undefined, options: CheckOptions & WantedOptions = {}): PreparedCheck {
  const own = findOwn(now, state);
  const grid = withoutColumn(now.grid, own);
  const result = checkSheet(grid, options);
  const wanted = wantedOn(grid, result, options);
  return { own, result, wanted, inspect: cellsToInspect(own, wanted) };
}

export function prepareClear(now: SheetNow, state: SheetState | undefined): { readonly own: OwnMarks; readonly inspect: readonly string[] } {
  const own = findOwn(now, state);
  return { own, inspect: cellsToInspect(own) };
}

/** Checking a sheet without writing: the grid as it was before the product's column (`each`: see checkSheet). */
export function checkAsItWas(now: SheetNow, state: SheetState | undefined, options: CheckOptions = {}, each?: (result: TableResult) => void): SheetResult {
  return checkSheet(withoutColumn(now.grid, findOwn(now, state)), options, each);
}
