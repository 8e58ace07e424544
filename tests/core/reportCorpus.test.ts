/**
 * The report check measured on real reports (tests/fixtures/reports/dev: 24 published reports and 5 edited
 * copies, every numeric statement read by hand; labels.json the inconsistent ones). A REPORT_ARITHMETIC or
 * REPORT_TABLE_MISMATCH matches a label when it is at the label's paragraph, names the label's key figure and
 * quotes at least 4 consecutive characters of its quote; any other such finding is a false one. Fails below
 * 95% precision or 80% recall, or when a statement not checked does not say why, and prints what it got wrong.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkReport, readTextReport, type ReportDocument, type ReportFinding } from '../../src/core/narrative';
import { readDocx } from '../../src/docx/read';
import { fixturePath } from '../helpers';

interface Label {
  readonly id: string;
  readonly paragraph: number;
  readonly quote: string;
  readonly key: string;
  readonly expected: string;
  readonly soft?: boolean;
  readonly planted?: boolean;
}

const DEV = 'reports/dev';
const labels = JSON.parse(readFileSync(fixturePath(`${DEV}/labels.json`), 'utf8')) as { docs: Record<string, Label[]> };

async function open(name: string): Promise<ReportDocument> {
  const bytes = readFileSync(fixturePath(`${DEV}/${name}`));
  return name.endsWith('.txt') ? readTextReport(bytes.toString('utf8')) : readDocx(bytes);
}

/** Whether two texts share a run of at least n characters (spaces and comma forms aside). */
function sharesRun(a: string, b: string, n = 4): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/，/g, ',').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')');
  const [x, y] = [norm(a), norm(b)];
  for (let i = 0; i + n <= x.length; i++) if (y.includes(x.slice(i, i + n))) return true;
  return false;
}

const figure = (s: string) => s.replace(/[,，\s%％]/g, '');

/** A finding names the key when the figure it found is the key, or its quote shows the key. */
function matches(f: ReportFinding, l: Label): boolean {
  if (f.paragraph !== l.paragraph) return false;
  const named = f.found !== null && figure(f.found) === figure(l.key);
  return named && sharesRun(f.quote, l.quote);
}

interface Tally {
  found: number;
  falseFindings: string[];
  labelled: number;
  missed: string[];
  wrongExpected: string[];
  /** Statements not checked that do not say why. */
  unexplained: string[];
}

const CODES = new Set(['REPORT_ARITHMETIC', 'REPORT_TABLE_MISMATCH']);

async function measure(edited: boolean): Promise<Tally> {
  const t: Tally = { found: 0, falseFindings: [], labelled: 0, missed: [], wrongExpected: [], unexplained: [] };
  for (const [name, ls] of Object.entries(labels.docs)) {
    if (name.includes('-edited') !== edited) continue;
    const r = checkReport(await open(name));
    const findings = r.findings.filter((f) => CODES.has(f.code));
    for (const s of r.statements) if (s.verdict === 'unchecked' && !(s.why?.zh && s.why.en)) t.unexplained.push(`${name} ¶${s.paragraph} 「${s.quote}」`);
    for (const f of findings) {
      const hit = ls.filter((l) => matches(f, l));
      if (hit.some((l) => l.soft)) continue;
      if (hit.length) {
        t.found++;
        if (f.expected !== null && !hit.some((l) => Number(figure(l.expected)) === Number(figure(f.expected ?? '')))) {
          t.wrongExpected.push(`${name} ¶${f.paragraph} 「${f.quote}」 expected ${f.expected}, the arithmetic gives ${hit.map((l) => l.expected).join('/')}`);
        }
      } else t.falseFindings.push(`${name} ¶${f.paragraph} ${f.code} 「${f.quote}」 found ${f.found} expected ${f.expected}`);
    }
    for (const l of ls) {
      if (l.soft) continue;
      t.labelled++;
      if (!findings.some((f) => matches(f, l))) t.missed.push(`${name} ¶${l.paragraph} 「${l.quote}」 key ${l.key}, expected ${l.expected}`);
    }
  }
  return t;
}

function summary(what: string, t: Tally): { precision: number; recall: number; unexplained: number } {
  const raised = t.found + t.falseFindings.length;
  const precision = raised ? t.found / raised : 1;
  const recall = t.labelled ? (t.labelled - t.missed.length) / t.labelled : 1;
  const lines = [
    `${what}: precision ${(precision * 100).toFixed(1)}% (${t.found} of ${raised} findings), recall ${(recall * 100).toFixed(1)}% (${t.labelled - t.missed.length} of ${t.labelled} labels)`,
    ...t.falseFindings.map((s) => `  false: ${s}`),
    ...t.missed.map((s) => `  missed: ${s}`),
    ...t.wrongExpected.map((s) => `  expected value differs: ${s}`),
    ...t.unexplained.map((s) => `  unchecked without a reason: ${s}`),
  ];
  console.log(lines.join('\n'));
  return { precision, recall, unexplained: t.unexplained.length };
}

describe('the development corpus of real reports', () => {
  it('originals: precision ≥ 95%, recall ≥ 80%', async () => {
    const s = summary('originals', await measure(false));
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
    expect(s.unexplained).toBe(0);
  });

  it('edited copies (planted slips): precision ≥ 95%, recall ≥ 80%', async () => {
    const s = summary('edited copies', await measure(true));
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
    expect(s.unexplained).toBe(0);
  });
});
