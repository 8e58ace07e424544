/**
 * `npm run wps:build [-- online|offline]`: wpsjs's own build (its buildWithArgs, in
 * node_modules/wpsjs/src/lib/build.js) run on dist-addin/wps — its question (在线插件 / 离线插件) asked only
 * when the kind is not given — and made to work on Linux:
 * - 7zip-bin 5.2.0 ships 7za without the execute bit: it is made executable before use (or, where
 *   node_modules cannot be changed, a copy that is);
 * - wpsjs reports success before its 7-Zip has finished (and leaves a half-copied folder when 7-Zip
 *   fails): here the build ends when the archive is written, and fails with 7-Zip's error;
 * - the offline install's publish.xml is written beside selfeval.7z, not inside the add-in's folder.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const ADDIN = path.join(ROOT, 'dist-addin', 'wps');
// wpsjs's package exports nothing: its files are loaded by path.
const WPSJS = path.join(ROOT, 'node_modules', 'wpsjs');
// The very modules wpsjs loads (its own node_modules first), so that what is set here is what it uses.
const fromWpsjs = (name) => require(require.resolve(name, { paths: [path.join(WPSJS, 'src', 'lib')] }));

/** 7za, executable: as shipped where it is, else made so, else a copy in the temporary folder that is. */
function executable7za(bin) {
  if (process.platform === 'win32' || bin.path7za === '7za') return bin.path7za;
  const runs = (p) => (fs.statSync(p).mode & 0o111) === 0o111;
  if (runs(bin.path7za)) return bin.path7za;
  try {
    fs.chmodSync(bin.path7za, 0o755);
    return bin.path7za;
  } catch {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-7za-')), '7za');
    fs.copyFileSync(bin.path7za, copy);
    fs.chmodSync(copy, 0o755);
    return copy;
  }
}

async function main() {
  const kind = process.argv[2];
  if (!fs.existsSync(path.join(ADDIN, 'package.json'))) throw new Error(`${ADDIN} has no package.json: run npm run build first`);
  process.chdir(ADDIN); // wpsjs reads the project file of the working directory
  // Not said: asked, as wpsjs asks (its own question, through its inquirer).
  const pluginType =
    kind === 'online' || kind === 'offline'
      ? kind
      : (
          await fromWpsjs('inquirer').prompt({
            name: 'pluginType',
            type: 'list',
            message: '选择 WPS 加载项发布类型:',
            choices: [
              { name: '在线插件', value: 'online' },
              { name: '离线插件', value: 'offline' },
            ],
          })
        ).pluginType;
  const bin = fromWpsjs('7zip-bin');
  bin.path7za = executable7za(bin);
  // wpsjs does not wait for its 7-Zip: the archive's stream, caught as wpsjs starts it, is waited for here.
  const sevenZip = fromWpsjs('node-7z');
  const add = sevenZip.add;
  let archived = Promise.resolve();
  sevenZip.add = (...args) => {
    const stream = add(...args);
    archived = new Promise((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    return stream;
  };
  const project = JSON.parse(fs.readFileSync(path.join(ADDIN, 'package.json'), 'utf8'));
  const { buildWithArgs } = fromWpsjs('./build.js');
  const out = await buildWithArgs({ pluginType });
  await archived;
  if (pluginType === 'offline') {
    const folder = `${project.name}_${project.version}`;
    // What wpsjs's own offline installer writes into jsaddons: one <jsplugin> naming the folder.
    const template = fs.readFileSync(path.join(ROOT, 'src', 'wps', 'static', 'publish.xml'), 'utf8');
    const publish = template.split('VERSION').join(project.version);
    fs.writeFileSync(path.join(out, 'publish.xml'), publish);
    // wpsjs removes its copy once archived; wait for that, so nothing half-copied is left.
    for (let i = 0; i < 100 && fs.existsSync(path.join(out, folder)); i++) await new Promise((r) => setTimeout(r, 50));
    console.log(`离线插件：${path.join(out, `${project.name}.7z`)}（内含 ${folder}/），及其旁的 publish.xml`);
  } else {
    console.log(`在线插件：${out}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
