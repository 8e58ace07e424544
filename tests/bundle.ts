/**
 * The built add-ins (dist-addin/, both the Excel pane and the WPS 加载项), as `npm run build` writes them,
 * for the tests that load them. Built once when missing or older than the sources; the test files that
 * need it run in parallel, so a lock makes the others wait for that one build instead of racing it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const OUTPUTS = ['taskpane.js', 'preview.js', 'commands.js', path.join('wps', 'ribbon.js')].map((f) => path.join(ROOT, 'dist-addin', f));
const LOCK = path.join(ROOT, 'dist-addin.building');

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), 0);
}

function stale(): boolean {
  const sources = Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'assets')), newest(path.join(ROOT, 'manifest.xml')), newest(path.join(ROOT, 'webpack.config.js')));
  return OUTPUTS.some((f) => !existsSync(f) || statSync(f).mtimeMs < sources);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBundle(): void {
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
    if (stale()) {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'ignore' });
      // webpack leaves an output whose content did not change as it was (and its time with it): the
      // build is as new as the sources all the same.
      const now = new Date();
      for (const f of OUTPUTS) if (existsSync(f)) utimesSync(f, now, now);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
