/**
 * `npm run wps:build -- offline` (离线插件) on this Linux machine, as an IT person runs it: it ends only
 * when selfeval.7z is written, the archive holds the add-in as the folder selfeval_<version>/ and no
 * publish.xml inside it, and the publish.xml for jsaddons lies beside the archive, as wpsjs's own offline
 * installer writes it. Read back with the 7-Zip the build used.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { ensureBundle } from '../bundle';

const ROOT = path.resolve(__dirname, '..', '..');
const WPS = path.join(ROOT, 'dist-addin', 'wps');
const OUT = path.join(WPS, 'wps-addon-build');
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function jsplugin(xml: string): Record<string, string> {
  let found: Record<string, string> = {};
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (t) => {
    if (t.name === 'jsplugin') found = t.attributes as Record<string, string>;
  });
  parser.write(xml).close();
  return found;
}

// The 7-Zip wpsjs uses (npm's 7zip-bin).
const sevenZip = path.join(ROOT, 'node_modules', '7zip-bin', process.platform === 'darwin' ? 'mac' : 'linux', process.arch, '7za');

let log = '';
beforeAll(() => {
  ensureBundle();
  // As 7zip-bin 5.2.0 ships it: without the execute bit. The build makes it runnable.
  chmodSync(sevenZip, 0o644);
  log = execFileSync('npm', ['run', '--silent', 'wps:build', '--', 'offline'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}, 300_000);

describe('npm run wps:build -- offline (离线插件)', () => {
  it('writes selfeval.7z holding selfeval_<version>/ with the add-in, and no publish.xml inside it', () => {
    expect(log).toContain('selfeval.7z');
    const archive = path.join(OUT, 'selfeval.7z');
    expect(existsSync(archive)).toBe(true);
    const listing = execFileSync(sevenZip, ['l', '-slt', '-ba', archive], { encoding: 'utf8' });
    const paths = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => (m[1] ?? '').replace(/\\/g, '/'));
    const folder = `selfeval_${version}`;
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.every((p) => p === folder || p.startsWith(`${folder}/`))).toBe(true);
    for (const file of ['index.html', 'ribbon.xml', 'ribbon.js', 'taskpane.html', 'taskpane.js', 'images/check.svg']) expect(paths).toContain(`${folder}/${file}`);
    expect(paths.filter((p) => p.endsWith('publish.xml'))).toEqual([]);
    // Nothing half-copied is left beside it: the archive and the publish.xml.
    expect(readdirSync(OUT).sort()).toEqual(['publish.xml', 'selfeval.7z']);
  });

  it('publish.xml beside it is the one wpsjs’s offline installer writes into jsaddons', () => {
    const build = readFileSync(path.join(ROOT, 'node_modules', 'wpsjs', 'src', 'lib', 'build.js'), 'utf8');
    const template = /<jsplugins>[\s\S]*?<\/jsplugins>/.exec(build.slice(build.indexOf('function CreatePublishXml')))?.[0] ?? '';
    const theirs = template.replace(/\$\{nameStr\}/g, 'selfeval').replace(/\$\{typeStr\}/g, 'et').replace(/\$\{versionStr\}/g, version);
    const ours = jsplugin(readFileSync(path.join(OUT, 'publish.xml'), 'utf8'));
    expect(ours).toEqual(jsplugin(theirs));
    expect(ours).toEqual({ name: 'selfeval', type: 'et', url: `selfeval_${version}`, version, enable: 'enable_dev', install: 'null', customDomain: '' });
  });

  it('the add-in folder itself carries no publish.xml', () => {
    expect(existsSync(path.join(WPS, 'publish.xml'))).toBe(false);
  });
});
