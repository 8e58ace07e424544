/**
 * Shown numbers at their edges (SPEC §3's rounding tolerance): the decimals a format shows, what a cell's text
 * says, the interval of true values behind a shown figure, and the figure shown back. Each case is a cell as a
 * budget system exports it.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/grid';
import {
  Decimal, add, amountInterval, capAt, divide, fmt2, formatDecimals, formatIsPercent, inUnit, intersect, isPoint, overlaps, point,
  numberKind, rateInterval, readNumber, scale, shownInterval, showCell,
} from '../../src/core/numbers';

const d = (v: string | number) => new Decimal(v);
const shown = (value: Parameters<typeof readNumber>[0], format?: string) => {
  const r = readNumber(value, format);
  return r.kind === 'number' ? [r.shown.value.toString(), r.shown.decimals, r.shown.percent, r.shown.unit ?? null] : r;
};
const iv = (i: { lo: Decimal; hi: Decimal } | undefined) => (i ? [i.lo.toString(), i.hi.toString()] : undefined);

describe('the decimals a number format shows', () => {
  it.each([
    ['0.00', 2],
    ['#,##0.000', 3],
    ['0', 0],
    ['#,##0', 0],
    ['0.0%', 1],
    ['0.00_ ', 2],
    ['"￥"#,##0.00;[Red]"￥"-#,##0.00', 2],
    ['[$-804]0.0', 1],
    ['0.00"万元"', 2],
  ])('%s shows %s', (format, decimals) => {
    expect(formatDecimals(format)).toBe(decimals);
    // Asked again (a cache behind it): the same answer.
    expect(formatDecimals(format)).toBe(decimals);
  });

  it.each(['General', 'general', '@', '"元"', undefined, ''])('%s says nothing of decimals', (format) => {
    expect(formatDecimals(format)).toBeUndefined();
  });

  it('a condition in brackets says nothing of decimals (its own digits are not the format\'s)', () => {
    expect(formatDecimals('[Red][<100.00]0')).toBe(0);
    expect(formatDecimals('[Red][<100.00]0.0')).toBe(1);
  });

  it('a percent sign counts only outside quotes, in the positive section', () => {
    expect(formatIsPercent('0.00"(%)"')).toBe(false);
    expect([formatIsPercent('0.00%'), formatIsPercent('0%;-0%'), formatIsPercent('0.00"%"'), formatIsPercent('0.00;0.00%'), formatIsPercent(undefined)]).toEqual([
      true, true, false, false, false,
    ]);
  });
});

describe('a cell read as one number', () => {
  it.each([
    [95.81, undefined, ['95.81', 2, false, null]],
    [0.9581, '0.00%', ['95.81', 2, true, null]],
    [0.95814, '0.00%', ['95.81', 2, true, null]],
    [0.9581, '0%', ['96', 0, true, null]],
    [0.958, 'General', ['0.958', 3, false, null]],
    [2.9, '0.00', ['2.9', 2, false, null]],
    [100, undefined, ['100', 0, false, null]],
    [0.123456789012, undefined, ['0.123456789012', 10, false, null]],
    ['.55', undefined, ['0.55', 2, false, null]],
    [2.905, '0.00', ['2.91', 2, false, null]],
    [1e-7, undefined, ['1e-7', 7, false, null]],
    ['1,234.50', undefined, ['1234.5', 2, false, null]],
    ['96.1%', undefined, ['96.1', 1, true, null]],
    ['96.1(%)', undefined, ['96.1', 1, true, null]],
    ['１００．０', undefined, ['100', 1, false, null]],
    [' 95 ', undefined, ['95', 0, false, null]],
    ['.5', undefined, ['0.5', 1, false, null]],
    ['5.', undefined, ['5', 0, false, null]],
    ['-3.20', undefined, ['-3.2', 2, false, null]],
    ['+3', undefined, ['3', 0, false, null]],
    ['150万', undefined, ['150', 0, false, '万元']],
    ['109.8万元', undefined, ['109.8', 1, false, '万元']],
    ['3000元', undefined, ['3000', 0, false, '元']],
    ['9.5分', undefined, ['9.5', 1, false, null]],
  ])('%s (format %s)', (value, format, expected) => {
    expect(shown(value, format)).toEqual(expected);
  });

  it('a percentage with General decimals loses two to the percent', () => {
    // 0.9581 shown as General is 0.9581: under a "%" format with no decimals read, 95.81 shows 2.
    expect(shown(0.9581, '%')).toEqual(['95.81', 2, true, null]);
    expect(shown(0.5, '%')).toEqual(['50', 0, true, null]);
  });

  it.each([
    [null, { kind: 'blank' }],
    ['', { kind: 'blank' }],
    ['  ', { kind: 'blank' }],
    ['—', { kind: 'na' }],
    [{ error: '#REF!' }, { kind: 'unreadable', text: '#REF!' }],
    [true, { kind: 'unreadable', text: 'true' }],
    [Number.NaN, { kind: 'unreadable', text: 'NaN' }],
    [Number.POSITIVE_INFINITY, { kind: 'unreadable', text: 'Infinity' }],
    ['约95', { kind: 'unreadable', text: '约95' }],
    [' 约95 ', { kind: 'unreadable', text: '约95' }],
    ['1,23', { kind: 'unreadable', text: '1,23' }],
    ['95%%', { kind: 'unreadable', text: '95%%' }],
  ])('%s is not a number', (value, expected) => {
    expect(readNumber(value)).toEqual(expected);
  });
});

describe('the arithmetic behind every figure', () => {
  it('is decimal to 40 significant digits, half-up', () => {
    expect(new Decimal(1).div(7).sd()).toBe(40);
    expect(new Decimal('2.5').toDecimalPlaces(0).toString()).toBe('3');
  });
});

describe('the true values behind a shown figure', () => {
  it('half a unit of the last decimal either side, the upper end open', () => {
    expect(iv(shownInterval(d('2.66'), 2))).toEqual(['2.655', '2.665']);
    expect(iv(shownInterval(d('96.1'), 1))).toEqual(['96.05', '96.15']);
    expect(iv(shownInterval(d('96'), 0))).toEqual(['95.5', '96.5']);
    // A fraction shown as 0.1 is a percentage known to the tens.
    expect(iv(shownInterval(d('10'), -1))).toEqual(['5', '15']);
    expect(isPoint(shownInterval(d('0'), 2))).toBe(true);
    expect(isPoint(shownInterval(d('0.01'), 2))).toBe(false);
  });

  it('amounts and scores are known to at least two decimals; rates to the decimals they show', () => {
    const r = readNumber('10');
    const rate = readNumber('96%');
    if (r.kind !== 'number' || rate.kind !== 'number') throw new Error('not read');
    expect(iv(amountInterval(r.shown))).toEqual(['9.995', '10.005']);
    expect(iv(rateInterval(rate.shown))).toEqual(['95.5', '96.5']);
    const three = readNumber('0.125');
    if (three.kind !== 'number') throw new Error('not read');
    expect(iv(amountInterval(three.shown))).toEqual(['0.1245', '0.1255']);
  });

  it('sums, quotients, scaling and capping carry the interval', () => {
    expect(iv(add(shownInterval(d('1'), 2), shownInterval(d('2'), 2)))).toEqual(['2.99', '3.01']);
    expect(iv(divide({ lo: d(9), hi: d(10) }, { lo: d(2), hi: d(4) }))).toEqual(['2.25', '5']);
    expect(iv(scale({ lo: d(1), hi: d(2) }, d(3)))).toEqual(['3', '6']);
    expect(iv(scale({ lo: d(1), hi: d(2) }, d(-3)))).toEqual(['-6', '-3']);
    expect(iv(capAt({ lo: d(95), hi: d(105) }, d(100)))).toEqual(['95', '100']);
    expect(iv(capAt({ lo: d(101), hi: d(105) }, d(100)))).toEqual(['100', '100']);
  });

  it('overlap: ranges are [lo, hi), points closed', () => {
    const r = { lo: d(1), hi: d(2) };
    expect([overlaps(r, { lo: d(2), hi: d(3) }), overlaps(r, { lo: d('1.999'), hi: d(3) }), overlaps({ lo: d(0), hi: d(1) }, r)]).toEqual([false, true, false]);
    expect([overlaps(point(d(1)), r), overlaps(point(d(2)), r), overlaps(r, point(d(1))), overlaps(r, point(d(2)))]).toEqual([true, false, true, false]);
    expect([overlaps(point(d(1)), point(d(1))), overlaps(point(d(1)), point(d('1.0001')))]).toEqual([true, false]);
    expect(iv(intersect(r, { lo: d('1.5'), hi: d(3) }))).toEqual(['1.5', '2']);
    expect(iv(intersect({ lo: d(0), hi: d('1.5') }, r))).toEqual(['1', '1.5']);
    expect(intersect(r, { lo: d(2), hi: d(3) })).toBeUndefined();
  });
});

describe('an amount in the table unit', () => {
  it('万元 into 元 and back, the decimals following the unit', () => {
    const wan = readNumber('95万');
    const yuan = readNumber('3000元');
    const plain = readNumber('12.5');
    if (wan.kind !== 'number' || yuan.kind !== 'number' || plain.kind !== 'number') throw new Error('not read');
    const a = inUnit(wan.shown, '元');
    expect([a.value.toString(), a.decimals, a.unit]).toEqual(['950000', 0, '元']);
    const b = inUnit(yuan.shown, '万元');
    expect([b.value.toString(), b.decimals, b.unit]).toEqual(['0.3', 4, '万元']);
    expect(inUnit(wan.shown, '万元')).toBe(wan.shown);
    expect(inUnit(plain.shown, '元')).toBe(plain.shown);
    const c = inUnit({ ...wan.shown, decimals: 6 }, '元');
    expect(c.decimals).toBe(2);
  });
});

describe('a figure shown back', () => {
  it.each([
    ['50.005', '50.01'],
    ['50.004999', '50.00'],
    ['-0.005', '-0.01'],
    ['2.675', '2.68'],
    ['100', '100.00'],
  ])('%s is reported as %s (half-up)', (v, expected) => {
    expect(fmt2(d(v))).toBe(expected);
  });

  it.each([
    [0.9, '0%', '90%'],
    [0.9581, '0.00%', '95.81%'],
    [2.9, '0.00', '2.90'],
    [2.9, undefined, '2.9'],
    [1e21, undefined, '1000000000000000000000'],
    [null, undefined, ''],
    [{ error: '#DIV/0!' }, undefined, '#DIV/0!'],
    [true, undefined, 'true'],
    ['95', '0%', '95'],
  ])('%s with format %s shows %s', (v, format, expected) => {
    expect(showCell(v, format)).toBe(expected);
  });

  it('text shows with its runs of white space made one space, trimmed; NaN shows as text', () => {
    expect(showCell('  达成\n\n指标 ')).toBe('达成 指标');
    expect(showCell(Number.NaN, '0%')).toBe('NaN');
  });
});

describe('numberKind', () => {
  it('says what readNumber says a cell is, for every kind of cell', () => {
    const cells: CellValue[] = [
      null, 0, -3.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, true, { error: '#DIV/0!' },
      '', '  ', '\u3000', '1,234.50', '(1.00)', '(+1)', '(5%)', '-', '—', '/', 'abc', '96.1%', '95(%)', '150万', '１２', '12 元', '.5', '5.', '1,23',
    ];
    for (const v of cells) expect([v, numberKind(v)]).toEqual([v, readNumber(v).kind]);
  });
});
