/** The product's note lines, as written now (no rule code) and as written before (with one), are taken back alike. */
import { describe, expect, it } from 'vitest';
import { NOTE_SIGNATURE, withoutBlock } from '../../src/core/annotate/note';

describe('withoutBlock without the state', () => {
  it('takes out lines of either shape and keeps the user\'s words', () => {
    const now = `王会计：已核实\n\n✗ 执行率应为 95.81%\n⚠ 扣分须说明原因\n${NOTE_SIGNATURE}`;
    const before = `王会计：已核实\n\n✗ 执行率应为 95.81% [EXEC_RATE_MISMATCH]\nℹ 指标值无法解读 [UNPARSEABLE]\n${NOTE_SIGNATURE}`;
    expect(withoutBlock(now)).toBe('王会计：已核实');
    expect(withoutBlock(before)).toBe('王会计：已核实');
  });
});
