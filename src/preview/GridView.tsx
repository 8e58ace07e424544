/**
 * The preview's stand-in for Excel's grid: the active sheet of the sample workbook with its merges,
 * fills and notes, the selected cell outlined, and sheet tabs.
 */
import * as React from 'react';
import type ExcelJS from 'exceljs';
import { makeStyles, tokens } from '@fluentui/react-components';
import { columnLetters, a1 } from '../core/grid';
import { formatDecimals, formatIsPercent } from '../core/numbers';
import { toCellValue } from '../xlsx/read';
import { noteText } from '../xlsx/annotate';
import type { PreviewHost } from './previewHost';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0 },
  scroller: { flex: 1, overflow: 'auto', backgroundColor: '#fff' },
  table: { borderCollapse: 'collapse', fontSize: '12px', color: '#222', tableLayout: 'fixed' },
  head: { position: 'sticky', top: 0, background: '#f3f3f3', color: '#555', fontWeight: 'normal', border: '1px solid #d4d4d4', zIndex: 1 },
  rowHead: { position: 'sticky', left: 0, background: '#f3f3f3', color: '#555', textAlign: 'center', border: '1px solid #d4d4d4', width: '36px' },
  cell: {
    border: '1px solid #e1e1e1',
    padding: '1px 4px',
    height: '20px',
    maxWidth: '260px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    position: 'relative',
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  note: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      borderTop: '6px solid #d13438',
      borderLeft: '6px solid transparent',
    },
  },
  tabs: { display: 'flex', gap: '2px', overflowX: 'auto', borderTop: '1px solid #d4d4d4', background: '#f3f3f3', padding: '2px' },
  tab: { border: 'none', background: 'transparent', padding: '4px 10px', cursor: 'pointer', whiteSpace: 'nowrap', font: 'inherit', fontSize: '12px' },
  activeTab: { background: '#fff', borderBottom: `2px solid ${tokens.colorBrandStroke1}`, fontWeight: 600 },
});

function display(cell: ExcelJS.Cell): { text: string; number: boolean } {
  const v = toCellValue(cell.value);
  if (v === null) return { text: '', number: false };
  if (typeof v === 'number') {
    const fmt = cell.numFmt;
    const d = formatDecimals(fmt);
    if (formatIsPercent(fmt)) return { text: `${(v * 100).toFixed(d ?? 0)}%`, number: true };
    return { text: d === undefined ? String(v) : v.toFixed(d), number: true };
  }
  if (typeof v === 'object') return { text: v.error, number: false };
  return { text: String(v), number: false };
}

/** A link inside the workbook ("#'Sheet'!A1"), as the summary writes them. */
function internalLink(cell: ExcelJS.Cell): { sheet: string; address: string } | undefined {
  const v = cell.value as { hyperlink?: string } | null;
  const m = v && typeof v === 'object' && typeof v.hyperlink === 'string' ? /^#'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(v.hyperlink) : null;
  return m ? { sheet: m[1]!.replace(/''/g, "'"), address: m[2]! } : undefined;
}

export function GridView({ host }: { host: PreviewHost }): React.ReactElement {
  const styles = useStyles();
  const [, force] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => host.subscribe(force), [host]);
  const ws = host.workbook.getWorksheet(host.active);
  const selected = host.selection?.sheet === host.active ? host.selection.address : null;
  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'center' });
  });

  if (!ws) return <div />;
  const rows = Math.max(ws.rowCount, 1);
  let cols = Math.max(ws.columnCount, 1);
  ws.eachRow({ includeEmpty: false }, (row) => (cols = Math.max(cols, row.cellCount)));
  cols += 1;
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const merges = Object.values((ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {});
  for (const { model: m } of merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }

  return (
    <div className={styles.root}>
      <div className={styles.scroller} role="region" aria-label={`${host.active}`} tabIndex={0}>
        <table className={styles.table} data-sheet={host.active}>
          <thead>
            <tr>
              <th className={styles.head} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  if (covered.has(`${r + 1},${c + 1}`)) return null;
                  const cell = ws.getCell(r + 1, c + 1);
                  const span = spans.get(`${r + 1},${c + 1}`);
                  const { text, number } = display(cell);
                  const fill = (cell.style?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
                  const note = noteText(cell) ?? undefined;
                  const address = a1(r, c);
                  const isSelected = selected === address;
                  return (
                    <td
                      key={c}
                      ref={isSelected ? selectedRef : undefined}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      data-address={address}
                      aria-selected={isSelected || undefined}
                      title={note ?? (text.length > 20 ? text : undefined)}
                      className={[styles.cell, number ? styles.number : '', isSelected ? styles.selected : '', note ? styles.note : ''].join(' ')}
                      style={fill ? { backgroundColor: `#${fill.slice(-6)}` } : undefined}
                    >
                      {(() => {
                        const link = internalLink(cell);
                        return link ? (
                          <a href={`#${link.sheet}!${link.address}`} onClick={(e) => (e.preventDefault(), void host.selectCell(link.sheet, link.address))}>
                            {text}
                          </a>
                        ) : (
                          text
                        );
                      })()}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className={styles.tabs} aria-label="sheets">
        {host.sheetNames().map((name) => (
          <button
            key={name}
            type="button"
            className={[styles.tab, name === host.active ? styles.activeTab : ''].join(' ')}
            aria-current={name === host.active ? 'page' : undefined}
            onClick={() => host.activate(name)}
          >
            {name}
          </button>
        ))}
      </nav>
    </div>
  );
}
