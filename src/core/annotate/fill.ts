/**
 * Cell fills, host-neutral. The product marks with two solid colours; anything else a cell had is kept
 * as the host described it, so that 清除标记 can give it back.
 */

/** Excel's "Bad" red and "Neutral" amber, as RRGGBB. */
export const MARK_COLORS = { error: 'FFC7CE', warning: 'FFEB9C' } as const;

export type MarkSeverity = keyof typeof MARK_COLORS;

export type Fill =
  | { readonly kind: 'none' }
  | { readonly kind: 'solid'; readonly color: string }
  /**
   * A fill the product does not make (a pattern, a theme colour): each host keeps its own description,
   * and `color` is the nearest solid colour for a host that cannot use the other's.
   */
  | {
      readonly kind: 'other';
      readonly color?: string;
      readonly xlsx?: string;
      readonly excel?: { readonly pattern: string; readonly color: string; readonly patternColor?: string };
      /** WPS 表格's Interior: pattern constant and BGR colours. */
      readonly wps?: { readonly pattern: number; readonly color: number; readonly patternColor: number };
    };

export const NO_FILL: Fill = { kind: 'none' };

export function markFill(severity: MarkSeverity): Fill {
  return { kind: 'solid', color: MARK_COLORS[severity] };
}

/** "#ffc7ce", "FFFFC7CE" and "ffc7ce" are one colour. */
export function normalColor(c: string): string {
  const hex = c.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex.slice(2) : hex;
}

/** The mark a fill is, if it is one of the product's. */
export function markOf(fill: Fill | undefined): MarkSeverity | undefined {
  if (!fill || fill.kind !== 'solid') return undefined;
  const c = normalColor(fill.color);
  return c === MARK_COLORS.error ? 'error' : c === MARK_COLORS.warning ? 'warning' : undefined;
}

export function sameFill(a: Fill, b: Fill): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'solid' && b.kind === 'solid') return normalColor(a.color) === normalColor(b.color);
  return JSON.stringify(a) === JSON.stringify(b);
}
