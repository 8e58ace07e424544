/**
 * The fake of office-js must catch what Excel would: each of the mistakes Excel punishes (a property
 * read without its load, a load that leaves a property out, notes read without loading them, writes
 * never synced, a merged-area read over 512 areas, a batch over 5 MB) is made in a copy of src/office,
 * and the host's tests, run against that copy, must fail. The copy sits beside src/office (so that its imports of ../core resolve) and goes away afterwards.
 */
import { describe, expect, it, afterAll } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const made: string[] = [];

interface Mutation {
  readonly name: string;
  readonly file: string;
  readonly from: string;
  readonly to: string;
  /** The test that catches it, when not one of the host's usual ones: the limits at 1,000 tables. */
  readonly atSize?: boolean;
}

const MUTATIONS: Mutation[] = [
  { name: 'no used.load(...)', file: 'sheetRead.ts', from: "  used.load('rowIndex,columnIndex,rowCount,columnCount');\n", to: '' },
  { name: 'numberFormat left out of the block load', file: 'sheetRead.ts', from: "range.load('values,valueTypes,numberFormat');", to: "range.load('values,valueTypes');" },
  { name: 'no load of the notes', file: 'sheetRead.ts', from: "    n.load('content');\n", to: '' },
  {
    name: 'no final context.sync() of the check',
    file: 'excelHost.ts',
    from: '    this.writing = Date.now();\n    if (toMark.length) await batch.flush();\n',
    to: '    this.writing = Date.now();\n',
  },
  { name: 'merged areas read over the whole sheet at once', file: 'batch.ts', from: 'export const MERGED_AREAS_PER_READ = 512;', to: 'export const MERGED_AREAS_PER_READ = 1_000_000;', atSize: true },
  { name: 'batches not split under 5 MB', file: 'batch.ts', from: 'export const BATCH_BYTES = 3 * 1024 * 1024;', to: 'export const BATCH_BYTES = 1e12;', atSize: true },
];

function mutant(m: Mutation, i: number): string {
  const dir = path.join(ROOT, 'src', `.mutant-${process.pid}-${i}`);
  made.push(dir);
  cpSync(path.join(ROOT, 'src', 'office'), dir, { recursive: true });
  const file = path.join(dir, m.file);
  const text = readFileSync(file, 'utf8');
  // The mistake must really be made: the line it changes is still there in the host.
  expect(text.includes(m.from)).toBe(true);
  writeFileSync(file, text.replace(m.from, m.to));
  return dir;
}

function hostTests(officeDir?: string, atSize = false): { status: number | null; output: string } {
  const files = atSize ? ['tests/office/limits.test.ts'] : ['tests/office/excelHost.test.ts', 'tests/office/summary.test.ts', 'tests/annotate/state.test.ts'];
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files], {
    cwd: ROOT,
    env: { ...process.env, ...(officeDir ? { SELFEVAL_OFFICE_DIR: officeDir } : {}), CI: 'true' },
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('the fake of office-js catches what Excel would', () => {
  it('README: "a mutation test makes six mistakes in a copy of the host"', () => {
    expect(MUTATIONS).toHaveLength(6);
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(6);
  });

  it.each(MUTATIONS.map((m, i) => [m.name, m, i] as const))('%s: the host tests fail', (_name, m, i) => {
    const dir = mutant(m, i);
    try {
      const r = hostTests(dir, m.atSize);
      expect(r.status, r.output.slice(-2000)).not.toBe(0);
      expect(r.output).toMatch(/Test Files .*failed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('the unchanged copy passes the same tests (the alias really swaps the host)', () => {
    const dir = path.join(ROOT, 'src', `.mutant-${process.pid}-same`);
    made.push(dir);
    cpSync(path.join(ROOT, 'src', 'office'), dir, { recursive: true });
    try {
      for (const atSize of [false, true]) {
        const r = hostTests(dir, atSize);
        expect(r.status, r.output.slice(-2000)).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
