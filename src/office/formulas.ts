/**
 * The formulas of just the cells 填写计算值 is about to change (one round trip, only when there are
 * changes): the plan says which hold a formula, and 撤销填写 can put it back.
 */
import type { ValueChange } from '../core/annotate/fillIn';

export async function readFormulas(context: Excel.RequestContext, ws: Excel.Worksheet, changes: readonly ValueChange[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!changes.length) return out;
  const ranges = changes.map((c) => {
    const r = ws.getRange(c.cell);
    r.load('formulas');
    return [c.cell, r] as const;
  });
  await context.sync();
  for (const [cell, r] of ranges) {
    const f = r.formulas[0]?.[0];
    if (typeof f === 'string' && f.startsWith('=')) out.set(cell, f);
  }
  return out;
}
