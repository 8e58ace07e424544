/**
 * A count against the names the sentence lists: "已公开的6个区（汉阳区…东湖开发区）", "直属事业单位3个，即…",
 * "主要有A、B二类支出". Counts in words (二类, 十二个) too. Read only when the list is explicit and closed: a list
 * with 等 (and others), or whose items cannot be told apart, is not read.
 */
import type { Claim } from './claims';

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3, 十二, 二十, 两 → the number; undefined past 99 or for words it does not know. */
export function countOf(words: string): number | undefined {
  if (/^\d{1,3}$/.test(words)) return Number(words);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(words);
  if (!m || words === '') return undefined;
  if (!m[2]) return m[3] ? undefined : DIGITS[m[1] ?? ''];
  return (m[1] ? (DIGITS[m[1]] ?? 0) : 1) * 10 + (m[3] ? (DIGITS[m[3]] ?? 0) : 0);
}

const NUMBER = '(\\d{1,3}|[一二两三四五六七八九十]{1,3})';
const CLASSIFIER = '(个|类|项|家|所|座|名)';

/** The names of an explicit list: split at 、，；, each stripped of a figure after it ("汉阳区5,572"). */
function namesOf(list: string): string[] | undefined {
  if (/等|其他|其它|……|\.\.\./.test(list)) return undefined;
  const names = list
    .split(/[、，,；;]/)
    .map((n) => n.replace(/[\d,.，.]+(万元|元|亿元|人|辆|个)?$/, '').trim())
    .filter((n) => n !== '');
  if (names.length < 2 || names.some((n) => [...n].length > 20)) return undefined;
  return names;
}

const AFTER_IN_BRACKETS = new RegExp(`${NUMBER}${CLASSIFIER}([^，。；,;（(]{0,12}?)[（(]([^）)]+)[）)]`, 'g');
const AFTER_JI = new RegExp(`${NUMBER}${CLASSIFIER}[，,]?\\s*(?:即|分别是|分别为)[：:]?([^。；;]+)`, 'g');
const BEFORE = new RegExp(`(?:有|包括|分为)([^，。；,;]{2,80}?)${NUMBER}${CLASSIFIER}`, 'g');

export function countClaims(text: string): Claim[] {
  const out: Claim[] = [];
  const seen = new Set<number>();
  const add = (at: number, number: string, list: string, quote: string) => {
    const stated = countOf(number);
    const names = namesOf(list);
    if (stated === undefined || !names || seen.has(at)) return;
    seen.add(at);
    out.push({ kind: 'count', stated, shown: number, names, quote });
  };
  for (const m of text.matchAll(AFTER_IN_BRACKETS)) {
    // "排已公开的6个区第3" and the like: a rank, not a list of the count's members.
    if (/第/.test(m[4]!)) continue;
    add(m.index, m[1]!, m[4]!, m[0]);
  }
  for (const m of text.matchAll(AFTER_JI)) add(m.index, m[1]!, m[3]!, m[0]);
  for (const m of text.matchAll(BEFORE)) add(m.index + m[0].length - m[2]!.length - m[3]!.length, m[2]!, m[1]!, m[0]);
  return out;
}
