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

/** The newest modification time of a file, or of anything under a folder. */
export function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), 0);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `build` when an output is missing or older than `sources()`, under a lock (a folder) that makes the
 * test files running in parallel wait for that one build instead of racing it. The outputs are then as new
 * as the sources, even those whose content (and time) the build left as they were.
 */
export function rebuildWhenStale(lock: string, outputs: readonly string[], sources: () => number, build: () => void): void {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is older than any build takes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      sleep(500);
    }
  }
  try {
    const since = sources();
    if (outputs.some((f) => !existsSync(f) || statSync(f).mtimeMs < since)) {
      build();
      const now = new Date();
      for (const f of outputs) if (existsSync(f)) utimesSync(f, now, now);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function ensureBundle(): void {
  rebuildWhenStale(
    LOCK,
    OUTPUTS,
    () => Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'assets')), newest(path.join(ROOT, 'manifest.xml')), newest(path.join(ROOT, 'webpack.config.js'))),
    () => execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'ignore' }),
  );
}
