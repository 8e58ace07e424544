/**
 * The preview's stand-in for Excel's grid: the active sheet of the sample workbook with its merges,
 * fills and notes, the selected cell outlined, and sheet tabs. A double click edits a cell (Enter keeps
 * it, Escape drops it), so that 自动校验 can be tried; row numbers and column letters stay in view.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { type CellValue, columnLetters, a1, isCellError } from '../core/grid';
import { showCell } from '../core/numbers';
import { normalColor } from '../core/annotate/fill';
import type { MemorySheet } from './memoryBook';
import type { PreviewHost } from './previewHost';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0 },
  scroller: { flex: 1, overflow: 'auto', backgroundColor: '#fff' },
  table: { borderCollapse: 'collapse', fontSize: '12px', color: '#222', tableLayout: 'fixed' },
  // Sticky headers above the cells (which are positioned for their note marks): the row numbers never
  // slide under a cell, the corner stays above both.
  head: { position: 'sticky', top: 0, background: '#f3f3f3', color: '#555', fontWeight: 'normal', border: '1px solid #d4d4d4', zIndex: 2 },
  corner: { left: 0, zIndex: 3, width: '36px' },
  rowHead: { position: 'sticky', left: 0, background: '#f3f3f3', color: '#555', textAlign: 'center', border: '1px solid #d4d4d4', width: '36px', minWidth: '36px', zIndex: 1, boxShadow: '1px 0 0 #d4d4d4' },
  editor: { width: '100%', boxSizing: 'border-box', font: 'inherit', border: 'none', outline: `2px solid ${tokens.colorBrandStroke1}`, padding: '0 2px' },
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

function display(v: CellValue, format: string | undefined): { text: string; number: boolean } {
  if (v === null) return { text: '', number: false };
  if (typeof v === 'number') return { text: showCell(v, format), number: true };
  if (isCellError(v)) return { text: v.error, number: false };
  return { text: String(v), number: false };
}

function extent(ws: MemorySheet): { rows: number; cols: number } {
  let cols = 1;
  for (const row of ws.values) if (row && row.length > cols) cols = row.length;
  for (const m of ws.merges) cols = Math.max(cols, m.right + 1);
  for (const cell of [...ws.fills.keys(), ...ws.notes.keys()]) cols = Math.max(cols, /^[A-Z]+/.exec(cell)![0].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
  return { rows: Math.max(ws.values.length, 1), cols: cols + 1 };
}

/** What a cell holds, as text to edit: the stored number, not its shown form. */
function editText(v: CellValue): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  return String(v);
}

/** Editing one cell: Enter (or leaving it) keeps the text, Escape drops it. */
function CellEditor({ initial, label, className, done }: { initial: string; label: string; className: string; done: (text: string | null) => void }): React.ReactElement {
  const [text, setText] = React.useState(initial);
  const finished = React.useRef(false);
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    done(value);
  };
  return (
    <input
      autoFocus
      aria-label={label}
      className={className}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(text);
        else if (e.key === 'Escape') finish(null);
      }}
    />
  );
}

export function GridView({ host }: { host: PreviewHost }): React.ReactElement {
  const styles = useStyles();
  const [, force] = React.useReducer((n: number) => n + 1, 0);
  // A transition: a long sheet is drawn in slices, never freezing the page.
  React.useEffect(() => host.subscribe(() => React.startTransition(force)), [host]);
  const ws = host.book.sheet(host.active);
  const selected = host.selection?.sheet === host.active ? host.selection.address : null;
  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);
  const [editing, setEditing] = React.useState<string | null>(null);
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'center' });
  });

  if (!ws) return <div />;
  const { rows, cols } = extent(ws);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of ws.merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }

  return (
    <div className={styles.root}>
      <div className={styles.scroller} role="region" aria-label={`${host.active}`} tabIndex={0}>
        <table className={styles.table} data-sheet={host.active}>
          <thead>
            <tr>
              <th className={[styles.head, styles.corner].join(' ')} />
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
                  if (covered.has(`${r},${c}`)) return null;
                  const span = spans.get(`${r},${c}`);
                  const { text, number } = display(ws.values[r]?.[c] ?? null, ws.formats[r]?.[c]);
                  const address = a1(r, c);
                  const f = ws.fills.get(address);
                  const fill = f && f.kind !== 'none' ? (f.kind === 'solid' ? f.color : f.color) : undefined;
                  const note = ws.notes.get(address);
                  const link = ws.links.get(address);
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
                      style={{ ...(fill ? { backgroundColor: `#${normalColor(fill)}` } : {}), ...(ws.bold.has(address) ? { fontWeight: 600 } : {}) }}
                      onDoubleClick={() => setEditing(address)}
                    >
                      {editing === address ? (
                        <CellEditor
                          initial={editText(ws.values[r]?.[c] ?? null)}
                          label={address}
                          className={styles.editor}
                          done={(text) => {
                            setEditing(null);
                            if (text !== null) host.edit(ws.name, r, c, text);
                          }}
                        />
                      ) : link ? (
                        <a href={`#${link.sheet}!${link.cell}`} onClick={(e) => (e.preventDefault(), void host.selectCell(link.sheet, link.cell))}>
                          {text}
                        </a>
                      ) : (
                        text
                      )}
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
