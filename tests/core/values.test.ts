/**
 * Reading targets and actual values as SPEC §2 lists them, and shown numbers with their precision.
 */
import { describe, expect, it } from 'vitest';
import { interpretActual, interpretTarget } from '../../src/core/values';
import { Decimal, readNumber, shownInterval, formatDecimals } from '../../src/core/numbers';
import { levelAgainst, quantitativeScore } from '../../src/core/check/rules/indicatorScores';

const q = (t: ReturnType<typeof interpretTarget>) => (t.kind === 'quant' ? [t.op, t.value.toString(), t.unit] : t);

describe('targets', () => {
  it.each([
    ['=100.00(百分比)', ['=', '100', '%']],
    ['≥90.00(百分比)', ['>=', '90', '%']],
    ['>80.00(%)', ['>', '80', '%']],
    ['≤20%', ['<=', '20', '%']],
    ['=2.00(项)', ['=', '2', '项']],
    ['=92.00(台)', ['=', '92', '台']],
    ['≥5.00(级)', ['>=', '5', '级']],
    ['960', ['>=', '960', null]],
    ['100%达标', ['>=', '100', '%']],
    ['＝100', ['=', '100', null]],
    ['≧95%', ['>=', '95', '%']],
    ['>=95%', ['>=', '95', '%']],
    ['＞80', ['>', '80', null]],
    ['≦20%', ['<=', '20', '%']],
    ['<=20%', ['<=', '20', '%']],
    ['＜3', ['<', '3', null]],
    ['=100.00 (%)', ['=', '100', '%']],
    ['不少于15次', ['>=', '15', '次']],
  ])('%s', (text, expected) => {
    expect(q(interpretTarget(text))).toEqual(expected);
  });

  it('"完成率" under a % unit means full completion', () => {
    expect(q(interpretTarget('完成率', undefined, undefined, '%'))).toEqual(['>=', '100', '%']);
  });

  it('Sichuan splits the target over 指标性质 / 指标值 / 度量单位', () => {
    expect(q(interpretTarget(100, undefined, '≥', '%'))).toEqual(['>=', '100', '%']);
    expect(interpretTarget('提升', undefined, '定性', null)).toEqual({ kind: 'qual', text: '提升' });
  });

  it('words are qualitative; numbers with words we do not know are not guessed', () => {
    expect(interpretTarget('有效')).toEqual({ kind: 'qual', text: '有效' });
    expect(interpretTarget('无')).toEqual({ kind: 'qual', text: '无' });
    expect(interpretTarget('≥90或持平').kind).toBe('unknown');
    expect(interpretTarget(null).kind).toBe('blank');
  });

  it('a number with a % format is in percent', () => {
    expect(q(interpretTarget(1, '0%'))).toEqual(['>=', '100', '%']);
  });
});

describe('actual values', () => {
  it.each([
    ['达成指标', 'achieved'],
    ['达成预期指标', 'achieved'],
    ['达到预期指标', 'achieved'],
    ['基本达到预期指标', 'partial'],
    ['部分达成', 'partial'],
    ['未达成', 'not'],
    ['满意', 'achieved'],
    ['有效', 'achieved'],
  ])('%s is %s', (text, level) => {
    expect(interpretActual(text)).toEqual({ kind: 'level', level });
  });

  it('numbers, with units and operators', () => {
    const a = interpretActual('82.56(%)');
    expect(a.kind === 'quant' && [a.value.toString(), a.unit]).toEqual(['82.56', '%']);
    const b = interpretActual('=100.00(%)');
    expect(b.kind === 'quant' && b.value.toString()).toBe('100');
    const c = interpretActual(0.3, '0%');
    expect(c.kind === 'quant' && [c.value.toString(), c.unit]).toEqual(['30', '%']);
  });

  it('other words stay text (compared with the target, else reported)', () => {
    expect(interpretActual('完整')).toEqual({ kind: 'text', text: '完整' });
    expect(interpretActual('提高')).toEqual({ kind: 'text', text: '提高' });
  });
});

describe('rule 6', () => {
  const w = new Decimal(10);
  it('met → full weight; missed → ratio; reverse → inverse ratio, or the deviation formula', () => {
    expect(quantitativeScore('>=', new Decimal(95), new Decimal(90), w, 'ratio').toString()).toBe('10');
    expect(quantitativeScore('>=', new Decimal(45), new Decimal(90), w, 'ratio').toString()).toBe('5');
    expect(quantitativeScore('<=', new Decimal(30), new Decimal(20), new Decimal(1), 'ratio').toFixed(4)).toBe('0.6667');
    expect(quantitativeScore('<=', new Decimal(30), new Decimal(20), new Decimal(1), 'deviation').toFixed(4)).toBe('0.5000');
    expect(quantitativeScore('<=', new Decimal(50), new Decimal(20), new Decimal(1), 'deviation').toFixed(4)).toBe('0.0000');
  });
});

describe('shown numbers', () => {
  it('decimals come from the number format, or the text', () => {
    expect(formatDecimals('0.00')).toBe(2);
    expect(formatDecimals('#,##0.0_);[Red](#,##0.0)')).toBe(1);
    expect(formatDecimals('0%')).toBe(0);
    expect(formatDecimals('General')).toBeUndefined();
    const r = readNumber('96.1%');
    expect(r.kind === 'number' && [r.shown.value.toString(), r.shown.decimals, r.shown.percent]).toEqual(['96.1', 1, true]);
    const p = readNumber(0.8116, '0.00%');
    expect(p.kind === 'number' && [p.shown.value.toString(), p.shown.decimals, p.shown.percent]).toEqual(['81.16', 2, true]);
    expect(readNumber('1,234.50').kind).toBe('number');
    expect(readNumber('—').kind).toBe('na');
    expect(readNumber({ error: '#DIV/0!' })).toEqual({ kind: 'unreadable', text: '#DIV/0!' });
  });

  it('an amount in brackets is negative, as accountants write it: "(1.00)" is −1.00', () => {
    const r = readNumber('(1.00)');
    expect(r.kind === 'number' && [r.shown.value.toString(), r.shown.decimals]).toEqual(['-1', 2]);
    const w = readNumber('（1,234.5）');
    expect(w.kind === 'number' && w.shown.value.toString()).toBe('-1234.5');
    expect(readNumber('(-1.00)').kind).toBe('unreadable');
    expect(readNumber('(%)').kind).toBe('unreadable');
  });

  it('a shown value stands for [v − h, v + h); a shown 0 is exact', () => {
    const i = shownInterval(new Decimal('2.66'), 2);
    expect([i.lo.toString(), i.hi.toString()]).toEqual(['2.655', '2.665']);
    const z = shownInterval(new Decimal(0), 2);
    expect([z.lo.toString(), z.hi.toString()]).toEqual(['0', '0']);
  });
});

describe('operators and their kin (SPEC §2)', () => {
  it.each([
    ['═100', '='],
    ['＝100', '='],
    ['≧95', '>='],
    ['⩾95', '>='],
    ['≦5', '<='],
    ['⩽5', '<='],
    ['＞80', '>'],
    ['＜3', '<'],
    ['不低于90', '>='],
    ['不超过30', '<='],
  ])('%s reads as %s', (text, op) => {
    const t = interpretTarget(text);
    expect(t.kind === 'quant' && t.op).toBe(op);
  });

  it('指标性质 in its own cell, as a sign or as a direction word', () => {
    const v = (nature: string) => {
      const t = interpretTarget(100, undefined, nature, '%');
      return t.kind === 'quant' ? [t.op, t.unit] : t.kind;
    };
    expect([v('≧'), v('═'), v('≦'), v('反向'), v('正向')]).toEqual([['>=', '%'], ['=', '%'], ['<=', '%'], ['<=', '%'], ['>=', '%']]);
    expect(interpretTarget('提高', undefined, '定性').kind).toBe('qual');
  });

  it('a unit word of three characters is a unit, not a compound target', () => {
    const t = interpretTarget('≥8000平方米');
    expect(t.kind === 'quant' && [t.op, t.value.toString(), t.unit]).toEqual(['>=', '8000', '平方米']);
  });
});

describe('numbers with what real cells carry', () => {
  it.each([
    ['109.8万元', '109.8', '万元'],
    ['387664.62元', '387664.62', '元'],
    ['100.00(%)', '100', undefined],
    ['9.5分', '9.5', undefined],
  ])('%s', (text, value, unit) => {
    const r = readNumber(text);
    expect(r.kind === 'number' && [r.shown.value.toString(), r.shown.unit]).toEqual([value, unit]);
  });
});

describe('units and worded targets as other provinces write them', () => {
  it('a unit of several characters, with a slash, is a unit: "≤35微克/立方米", "≥2次/年"', () => {
    expect(interpretTarget('≤35微克/立方米')).toMatchObject({ kind: 'quant', op: '<=', unit: '微克/立方米' });
    expect(interpretActual('38微克/立方米')).toMatchObject({ kind: 'quant', unit: '微克/立方米' });
    expect(interpretTarget('≥2次/年')).toMatchObject({ kind: 'quant', op: '>=', unit: '次/年' });
    // Two figures, or a range, are not one target.
    expect(interpretTarget('≥2次，每次3天').kind).toBe('unknown');
    expect(interpretTarget('90-95%').kind).toBe('unknown');
  });

  it('an actual that words its target itself: met, partly met (基本/部分), not met (未/不)', () => {
    expect(levelAgainst('健全', '健全')).toBe('achieved');
    expect(levelAgainst('健全', '已健全')).toBe('achieved');
    expect(levelAgainst('健全', '基本健全')).toBe('partial');
    expect(levelAgainst('规范', '较规范')).toBe('partial');
    expect(levelAgainst('健全', '未健全')).toBe('not');
    expect(levelAgainst('健全', '不健全')).toBe('not');
    expect(levelAgainst('健全', '完善')).toBeUndefined();
    expect(levelAgainst('健全', '制度健全')).toBeUndefined();
  });
});

describe('targets worded around their number', () => {
  it.each([
    ['达到90%以上', ['>=', '90', '%']],
    ['95%及以上', ['>=', '95', '%']],
    ['完成10个', ['>=', '10', '个']],
    ['5天以内', ['<=', '5', '天']],
    ['30日内', ['<=', '30', '日']],
    ['5个工作日内', ['<=', '5', '个工作日']],
    ['3%以下', ['<=', '3', '%']],
    ['完成率≥95%', ['>=', '95', '%']],
    ['覆盖率100%', ['>=', '100', '%']],
    ['满意度≥90%', ['>=', '90', '%']],
  ])('%s', (text, expected) => {
    expect(q(interpretTarget(text))).toEqual(expected);
  });

  it('a deadline is a date, not a count of months: "12月底前" is worded, so "按时完成" is scored by its level', () => {
    expect(interpretTarget('12月底前')).toEqual({ kind: 'qual', text: '12月底前' });
    expect(interpretTarget('6月30日前完成').kind).toBe('qual');
    // Words before a number that are no measure's name are not guessed at.
    expect(interpretTarget('约100人').kind).toBe('qual');
    // A duration keeps its unit.
    expect(q(interpretTarget('≤3个月'))).toEqual(['<=', '3', '个月']);
  });
});
