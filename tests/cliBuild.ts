/**
 * The compiled command line (dist/, as `npm run build:cli` writes it), for the tests that run bin/selfeval.js
 * as a user does. Rebuilt when missing or older than the sources, so that `npx vitest run <file>` never tests
 * old code; the test files that need it run in parallel, so a lock makes the others wait for that one build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const CLI_MAIN = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const LOCK = path.join(ROOT, 'dist.building');

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), 0);
}

/** Whether dist/ is older than anything the CLI is compiled from. */
export function cliIsStale(): boolean {
  if (!existsSync(CLI_MAIN)) return true;
  const sources = Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'bench')), newest(path.join(ROOT, 'tsconfig.json')), newest(path.join(ROOT, 'tsconfig.cli.json')));
  return statSync(CLI_MAIN).mtimeMs < sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureCli(): void {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is older than any build takes.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      sleep(500);
    }
  }
  try {
    if (cliIsStale()) {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'ignore' });
      // tsc leaves an output whose content did not change as it was (and its time with it).
      const now = new Date();
      utimesSync(CLI_MAIN, now, now);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
