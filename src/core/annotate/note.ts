/**
 * The product's notes (批注). Its text is a block — one line per finding, then a signature line — put
 * after whatever note the cell had. Taking it out again removes only the product's lines, so a user's
 * words added to or written over a product note stay.
 */

/** The last line of every note the product writes: how its notes are known, with or without its state. */
export const NOTE_SIGNATURE = '— 绩效自评校验';

export function noteBlock(lines: readonly string[]): string {
  return [...lines, NOTE_SIGNATURE].join('\n');
}

export function hasOurNote(text: string | null | undefined): boolean {
  return !!text && text.includes(NOTE_SIGNATURE);
}

/** The cell's note with the product's block after it. */
export function withBlock(current: string | null, block: string): string {
  return current ? `${current}\n\n${block}` : block;
}

/**
 * The cell's note without the product's block: the block as written when it is still there whole,
 * else each of its lines that is still there (a user may have added or changed lines in between).
 * Null when nothing of anyone else's is left.
 */
export function withoutBlock(current: string | null, block?: string): string | null {
  if (!current) return null;
  let text = current;
  if (block && text.includes(block)) text = text.replace(block, '');
  else {
    const ours = new Set((block ?? '').split('\n'));
    text = text
      .split('\n')
      .filter((line) => line !== NOTE_SIGNATURE && !(ours.has(line) && line !== '') && !isFindingLine(line))
      .join('\n');
  }
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  return text === '' ? null : text;
}

/**
 * A line the product writes is known by its shape too, in a note that carries its signature: "✗ message"
 * (and "✗ message [CODE]", as notes were written before codes left them), a verdict's "✓ 已核实：…" and the
 * 复核结果 header's what-changed line.
 */
function isFindingLine(line: string): boolean {
  return /^[✗⚠] \S/.test(line) || /^ℹ .* \[[A-Z0-9_]+\]$/.test(line) || /^✓ (已核实：|Verified: )/.test(line) || /^(与上次校验相比：|自动校验（编辑 |Since the last check: |Automatic check after the edit of )/.test(line);
}
