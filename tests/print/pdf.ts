/**
 * What a PDF rendered by LibreOffice puts on paper, measured from the PDF itself: every run of text with
 * its page, position and size in points (the Tf size times the scale of the text and graphics matrices),
 * read from the content streams (inflated with zlib), and the words with their boxes from pdftotext -bbox.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

/** LibreOffice's soffice on the PATH, if it runs. */
export const sofficePath = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'soffice')).find((p) => {
  try {
    execFileSync(p, ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
});

/** soffice, where poppler's pdftotext is there too to read what it prints. */
export const soffice = sofficePath && (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return sofficePath;
  } catch {
    return undefined;
  }
})();

/** The workbook printed to PDF by LibreOffice (as File → Export as PDF does). */
export function toPdf(file: string, dir: string): string {
  execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 180_000 });
  return path.join(dir, `${path.basename(file).replace(/\.[^.]+$/, '')}.pdf`);
}

type Matrix = [number, number, number, number, number, number];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const scaleOf = (m: Matrix) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

/** The sizes on paper of every text-showing operator in a content stream. */
export function textSizes(stream: string): number[] {
  const out: number[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let size = 0;
  const operands: number[] = [];
  const tokens = stream.replace(/\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>/g, ' STR ').split(/\s+|(?=\/)|(?<=\])|(?=\[)/);
  for (const t of tokens) {
    if (!t) continue;
    if (/^-?\d*\.?\d+$/.test(t)) {
      operands.push(Number(t));
      continue;
    }
    const last = (n: number) => operands.slice(-n);
    switch (t) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        break;
      case 'cm':
        ctm = times(last(6) as Matrix, ctm);
        break;
      case 'BT':
        tm = [1, 0, 0, 1, 0, 0];
        break;
      case 'Tm':
        tm = last(6) as Matrix;
        break;
      case 'Tf':
        size = last(1)[0] ?? 0;
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        out.push(size * scaleOf(tm) * scaleOf(ctm));
        break;
    }
    if (!/^\//.test(t) && t !== 'STR' && t !== '[' && t !== ']') operands.length = 0;
  }
  return out;
}

/** Every page's text sizes on paper (content streams in page order: LibreOffice writes one per page). */
export function pdfTextSizes(file: string): number[] {
  const buf = readFileSync(file);
  const s = buf.toString('latin1');
  const sizes: number[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    let data: string;
    try {
      data = inflateSync(buf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (/\bBT\b/.test(data) && /\bTf\b/.test(data)) sizes.push(...textSizes(data));
  }
  return sizes;
}

export interface Word {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** The words of every page with their boxes, and the pages' sizes. */
export function pdfWords(file: string): { words: Word[]; pages: { width: number; height: number }[] } {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: Word[] = [];
  const pages: { width: number; height: number }[] = [];
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const page of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
    pages.push({ width: Number(size?.[1]), height: Number(size?.[2]) });
    for (const w of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length, text: unescape(w[5] ?? ''), xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]) });
    }
  }
  return { words, pages };
}

/**
 * Pairs of words on one page whose boxes overlap: text running into other text (cut off, or drawn over
 * it). Boxes are the glyphs' full height, which for CJK fonts reaches into the lines above and below: two
 * words overlap when they share more than half of the lower one's height and some width.
 */
export function overlapping(words: readonly Word[], tolerance = 0.5): [Word, Word][] {
  const out: [Word, Word][] = [];
  const byPage = new Map<number, Word[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const list of byPage.values()) {
    const sorted = [...list].sort((a, b) => a.xMin - b.xMin);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length && sorted[j]!.xMin < a.xMax - tolerance; j++) {
        const b = sorted[j]!;
        const shared = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (shared > Math.min(a.yMax - a.yMin, b.yMax - b.yMin) / 2) out.push([a, b]);
      }
    }
  }
  return out;
}

/** Each page's lines as pdftotext lays them out. */
export function pageLines(file: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return text.split('\f').slice(0, -1).map((p) => p.split('\n'));
}

/** Each page's text, spaces removed (a CJK line is spaced as the columns fall). */
export function pageTexts(file: string): string[] {
  return pageLines(file).map((lines) => lines.join('').replace(/\s+/g, ''));
}
