/**
 * The compiled command line (dist/, as `npm run build:cli` writes it), for the tests that run bin/selfeval.js
 * as a user does. Rebuilt when missing or older than the sources, so that `npx vitest run <file>` never tests
 * old code; the test files that need it run in parallel, and wait for one build (see bundle.ts).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { newest, rebuildWhenStale } from './bundle';

const ROOT = path.resolve(__dirname, '..');
const CLI_MAIN = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

export function ensureCli(): void {
  rebuildWhenStale(
    path.join(ROOT, 'dist.building'),
    [CLI_MAIN],
    () => Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'bench')), newest(path.join(ROOT, 'tsconfig.json')), newest(path.join(ROOT, 'tsconfig.cli.json'))),
    () => execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'ignore' }),
  );
}
