/**
 * Never over a user's file, never stopped by a bad one: the command line run as a careless user runs
 * it. Each case checks that the inputs are byte-identical afterwards, that the message says in Chinese
 * what happened and what to do, that the rest of the batch is done, and the exit code.
 */
import { beforeAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ensureCli } from '../cliBuild';
import {
  copyFileSync, existsSync, mkdirSync, mkdtempSync, promises as fsp, readFileSync, readdirSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { main } from '../../src/cli/main';
import { findSoffice } from '../../src/cli/convert';
import { fixturePath } from '../helpers';
import { edit, text } from '../xlsx/pkg';
import { ZipReader } from '../../src/xlsx/package/zip';

// These tests run bin/selfeval.js, i.e. dist/: rebuilt first when older than the sources.
beforeAll(ensureCli, 180_000);

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

/** The installed command in a folder of the user's, as a shell runs it. */
function shell(cwd: string, args: string[]): { code: number; out: string; err: string } {
  const bin = path.resolve(__dirname, '..', '..', 'bin', 'selfeval.js');
  try {
    const out = execFileSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out, err: '' };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'selfeval-safe-'));
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const put = (fixture: string, target: string) => {
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(fixturePath(fixture), target);
  return target;
};
const tmpFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));

afterEach(() => vi.restoreAllMocks());

describe('outputs never over inputs', () => {
  it('summary -o naming its own input is refused, nothing written, exit 2', async () => {
    const dir = tmp();
    const input = put('seed002.xlsx', path.join(dir, '甲.xlsx'));
    const before = sha(input);
    const r = await run(['summary', input, '-o', input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${input}：这是要读取的文件本身，写出会覆盖它；请换一个输出位置`);
    expect(r.err).toContain('未写出任何文件。');
    expect(sha(input)).toBe(before);
  });

  it('summary --json naming the input is refused too, and so is the summary beside it', async () => {
    const dir = tmp();
    const input = put('seed002.xlsx', path.join(dir, '甲.xlsx'));
    const before = sha(input);
    const r = await run(['summary', input, '-o', path.join(dir, 'x.xlsx'), '--json', input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('这是要读取的文件本身');
    expect(sha(input)).toBe(before);
    expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('check --json over a workbook the product did not write (the report name forgotten) is refused', async () => {
    const dir = tmp();
    const a = put('seed003.xlsx', path.join(dir, '甲.xlsx'));
    const b = put('seed000.xlsx', path.join(dir, '乙.xlsx'));
    const before = sha(b);
    const r = await run(['check', '--json', b, a]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${b}：已存在且不是本工具写出的工作簿，不会覆盖；请换一个文件名或先移走它`);
    expect(sha(b)).toBe(before);
    expect(tmpFiles(dir)).toEqual([]);
  });

  it('a report may replace an earlier report, never a workbook, not even one the product wrote', async () => {
    const dir = tmp();
    const input = put('seed003.xlsx', path.join(dir, 'in.xlsx'));
    const report = path.join(dir, 'report.json');
    writeFileSync(report, '[]');
    expect((await run(['check', input, '--json', report])).code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toHaveLength(1);
    const summary = path.join(dir, 'summary.xlsx');
    await run(['summary', input, '-o', summary]);
    const r = await run(['check', input, '--json', summary]);
    expect(r.code).toBe(2);
    expect(new ZipReader(readFileSync(summary)).comment).toBe('selfeval');
  });

  it('--out through a link to the input folder is refused (real paths compared)', async () => {
    const dir = tmp();
    const input = put('seed003.xlsx', path.join(dir, 'in', 'a.xlsx'));
    symlinkSync(path.join(dir, 'in'), path.join(dir, 'link'));
    const before = sha(input);
    const r = await run(['check', input, '--out', path.join(dir, 'link')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, 'link', 'a.xlsx')}：这是要读取的文件本身`);
    expect(sha(input)).toBe(before);
  });

  it('--out naming an existing file is refused', async () => {
    const dir = tmp();
    const input = put('seed003.xlsx', path.join(dir, 'a.xlsx'));
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    const r = await run(['check', input, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}：--out 应是一个文件夹，而它是已有的文件`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('a/x.xlsx and b/x.xlsx get a copy each, their folders mirrored; the JSON names each file as given', async () => {
    const dir = tmp();
    const a = put('seed003.xlsx', path.join(dir, 'a', 'x.xlsx'));
    const b = put('seed000.xlsx', path.join(dir, 'b', 'x.xlsx'));
    const out = path.join(dir, 'out');
    const r = await run(['check', a, b, '--out', out, '--json', path.join(dir, 'r.json')]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(out, 'a', 'x.xlsx'))).toBe(true);
    expect(existsSync(path.join(out, 'b', 'x.xlsx'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')) as { file: string }[];
    expect(new Set(report.map((t) => t.file))).toEqual(new Set([a, b]));
    // Relative paths stay as the user typed them.
    const again = shell(dir, ['check', 'a/x.xlsx', 'b/x.xlsx', '--json', '-']);
    expect(new Set((JSON.parse(again.out) as { file: string }[]).map((t) => t.file))).toEqual(new Set(['a/x.xlsx', 'b/x.xlsx']));
  });

  it('an existing workbook the product did not write is not replaced by a summary; an earlier summary is', async () => {
    const dir = tmp();
    const input = put('seed003.xlsx', path.join(dir, 'in.xlsx'));
    const theirs = put('seed000.xlsx', path.join(dir, '汇总.xlsx'));
    const before = sha(theirs);
    const refused = await run(['summary', input, '-o', theirs]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('已存在且不是本工具写出的工作簿');
    expect(sha(theirs)).toBe(before);
    const ours = path.join(dir, 'summary.xlsx');
    expect((await run(['summary', input, '-o', ours])).code).toBe(0);
    expect((await run(['summary', input, '-o', ours])).code).toBe(0);
  });
});

describe('writes go through a temporary file: a failure leaves nothing behind, the batch goes on', () => {
  // A full disk and a read-only file system, on real mounts: tests/cli/hostile.test.ts.
  it('a folder that cannot be made (a file where it should be) fails that copy only', async () => {
    const dir = tmp();
    const a = put('seed003.xlsx', path.join(dir, 'a', 'x.xlsx'));
    const b = put('seed000.xlsx', path.join(dir, 'b', 'x.xlsx'));
    const out = path.join(dir, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'a'), 'a file, not a folder');
    const r = await run(['check', a, b, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(out, 'a', 'x.xlsx')}：写出失败`);
    expect(existsSync(path.join(out, 'b', 'x.xlsx'))).toBe(true);
    expect(readFileSync(path.join(out, 'a'), 'utf8')).toBe('a file, not a folder');
  });
});

describe('inputs that cannot be read are said, never fatal', () => {
  it('a zip that is no workbook, a damaged one and a LibreOffice table part without style: each said, the rest checked', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '1-photos.xlsx'), zipSync({ 'photo.txt': strToU8('not a workbook') }));
    writeFileSync(path.join(dir, '2-cut.xlsx'), readFileSync(fixturePath('seed003.xlsx')).subarray(0, 3000));
    // A table part as LibreOffice writes it: no tableStyleInfo.
    const withTable = await edit(readFileSync(fixturePath('seed003.xlsx')), async (zip) => {
      zip.file('xl/tables/table1.xml', '<?xml version="1.0" encoding="UTF-8"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T1" displayName="T1" ref="A4:B5" headerRowCount="1"><autoFilter ref="A4:B5"/><tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/></tableColumns></table>');
      const sheet = await text(zip, 'xl/worksheets/sheet1.xml');
      zip.file('xl/worksheets/sheet1.xml', sheet.replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rIdT1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></tableParts></worksheet>'));
      const rels = zip.file('xl/worksheets/_rels/sheet1.xml.rels');
      const r = rels ? await rels.async('string') : '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
      zip.file('xl/worksheets/_rels/sheet1.xml.rels', r.replace('</Relationships>', '<Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>'));
      const ct = await text(zip, '[Content_Types].xml');
      zip.file('[Content_Types].xml', ct.replace('</Types>', '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>'));
    });
    writeFileSync(path.join(dir, '3-table.xlsx'), withTable);
    const r = await run(['check', dir, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, '1-photos.xlsx')}：不是 Excel 工作簿（.xlsx / .xlsm）`);
    expect(r.err).toContain(`${path.join(dir, '2-cut.xlsx')}：工作簿已损坏，无法读取`);
    expect(r.out).toContain('[上街区应急管理局]');
    const copy = readFileSync(path.join(dir, 'out', '3-table.xlsx'));
    expect(await new ZipReader(copy).text('xl/tables/table1.xml')).toContain('displayName="T1"');
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')) as { file: string; kind: string; reason?: string }[];
    expect(report.filter((e) => e.kind === 'unreadable').map((e) => [path.basename(e.file), e.reason])).toEqual([
      ['1-photos.xlsx', 'notWorkbook'],
      ['2-cut.xlsx', 'corrupt'],
    ]);
  });

  it('a FIFO and a link to /dev/zero named .xlsx are skipped at once, not read', async () => {
    const dir = tmp();
    execFileSync('mkfifo', [path.join(dir, 'pipe.xlsx')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.xlsx'));
    put('seed003.xlsx', path.join(dir, 'ok.xlsx'));
    const r = await run(['summary', dir, '-o', path.join(dir, 's.xlsx'), '--json', path.join(dir, 's.json')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${path.join(dir, 'pipe.xlsx')}：不是普通文件（管道、设备或特殊文件），已跳过`);
    expect(r.out).toContain(`${path.join(dir, 'zero.xlsx')}：不是普通文件`);
    const s = JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8'));
    expect(s.tables).toHaveLength(1);
    const c = await run(['check', path.join(dir, 'zero.xlsx'), path.join(dir, 'ok.xlsx')]);
    expect(c.code).toBe(2);
    expect(c.out).toContain('[上街区应急管理局]');
  });

  it('a folder that cannot be read, and a link that loops, are listed; the summary is still made', async () => {
    const dir = tmp();
    put('seed003.xlsx', path.join(dir, 'ok.xlsx'));
    mkdirSync(path.join(dir, 'locked'));
    symlinkSync('loop.xlsx', path.join(dir, 'loop.xlsx'));
    // Running as root here, permissions would not stop the walk: the refusal a user gets is played.
    const readdir = fsp.readdir.bind(fsp);
    vi.spyOn(fsp, 'readdir').mockImplementation((async (p: string, o: unknown) => {
      if (String(p).endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' });
      return readdir(p, o as { withFileTypes: true });
    }) as typeof fsp.readdir);
    const r = await run(['summary', dir, '-o', path.join(dir, 's.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${path.join(dir, 'locked')}：无法读取该文件夹（EACCES: permission denied`);
    expect(r.out).toContain(`${path.join(dir, 'loop.xlsx')}：无法读取该文件（ELOOP`);
    expect(r.out).toContain('部门整体自评1个');
    expect(existsSync(path.join(dir, 's.xlsx'))).toBe(true);
  });

  it('a zip bomb is refused in bounded memory with a clear message', async () => {
    const dir = tmp();
    const real = readFileSync(fixturePath('seed003.xlsx'));
    const bomb = await edit(real, async (zip) => {
      const sheet = await text(zip, 'xl/worksheets/sheet1.xml');
      zip.file('xl/worksheets/sheet1.xml', sheet.replace('</worksheet>', `<!--${' '.repeat(64 << 20)}--></worksheet>`));
    });
    expect(bomb.length).toBeLessThan(1 << 20);
    writeFileSync(path.join(dir, 'bomb.xlsx'), bomb);
    const heap = process.memoryUsage().rss;
    const r = await run(['check', path.join(dir, 'bomb.xlsx'), fixturePath('seed000.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('工作簿解压后过大');
    expect(r.err).toContain('可能已损坏或是压缩炸弹，已跳过');
    expect(r.out).toContain('共 11 张表');
    expect(process.memoryUsage().rss - heap).toBeLessThan(256 << 20);
  });

  it('an encrypted workbook (an OLE container with EncryptionInfo, as Excel and WPS save one) is named as such', async () => {
    const dir = tmp();
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    writeFileSync(path.join(dir, '加密.xlsx'), cfb);
    const r = await run(['check', path.join(dir, '加密.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('加密的工作簿：请先在 Excel 或 WPS 中取消密码并另存，再校验');
  });

  describe('without LibreOffice', () => {
    const saved = process.env.PATH;
    afterEach(() => {
      process.env.PATH = saved;
    });

    it('.xls, .et and .ods say what to do; a folder of only those exits 2, not "0 tables, fine"', async () => {
      const dir = tmp();
      for (const f of ['seed003.xls', 'seed003.et', 'seed003.ods']) put(`formats/${f}`, path.join(dir, f));
      process.env.PATH = tmp(); // a PATH with no soffice on it
      expect(await findSoffice()).toBeUndefined();
      const r = await run(['check', dir]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${path.join(dir, 'seed003.xls')}：旧版 .xls 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再校验`);
      expect(r.err).toContain(`${path.join(dir, 'seed003.et')}：WPS .et 工作簿：请在 WPS 中另存为 .xlsx 后再校验`);
      expect(r.err).toContain(`${path.join(dir, 'seed003.ods')}：OpenDocument 表格（.ods）：请另存为 .xlsx 后再校验`);
      expect(r.out).toContain('3 个文件无法读取');
    });
  });

  it.skipIf(!process.env.PATH?.split(':').some((d) => existsSync(path.join(d, 'soffice'))))(
    'with LibreOffice installed, .xls, .et and .ods are read through it; the copy is an .xlsx',
    async () => {
      const dir = tmp();
      const kinds = ['xls', 'et', 'ods'];
      for (const k of kinds) put(`formats/seed003.${k}`, path.join(dir, 'in', k, `seed003.${k}`));
      const xls = path.join(dir, 'in', 'xls', 'seed003.xls');
      const before = sha(xls);
      const r = await run(['check', path.join(dir, 'in'), '--out', path.join(dir, 'out'), '--json', path.join(dir, 'r.json')]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`${xls}  （.xls 文件，已由 LibreOffice 转换为 .xlsx 读取）`);
      expect(r.out.match(/总分 99\.50/g)).toHaveLength(3);
      expect(sha(xls)).toBe(before);
      for (const k of kinds) expect(new ZipReader(readFileSync(path.join(dir, 'out', k, 'seed003.xlsx'))).has('[Content_Types].xml')).toBe(true);
      const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')) as { file: string }[];
      expect(report.map((t) => path.basename(t.file)).sort()).toEqual(['seed003.et', 'seed003.ods', 'seed003.xls']);
    },
    180_000,
  );
});

describe('arguments', () => {
  it('unknown options are rejected with the usage, in Chinese', async () => {
    for (const bad of [['check', '--jsn', 'r.json', 'x.xlsx'], ['check', 'x.xlsx', '--bogus']]) {
      const r = await run(bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`未知选项：${bad.find((a) => a.startsWith('--'))}`);
      expect(r.err).toContain('用法：');
    }
    const en = await run(['check', 'x.xlsx', '--bogus', '--lang', 'en']);
    expect(en.err).toContain('unknown option: --bogus');
    expect(en.err).toContain('Usage:');
  });

  it('a file whose name starts with "-" is read after --, and named when taken for an option', () => {
    const dir = tmp();
    put('seed003.xlsx', path.join(dir, '-报表.xlsx'));
    const ok = shell(dir, ['check', '--', '-报表.xlsx']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('[上街区应急管理局]');
    const taken = shell(dir, ['check', '-报表.xlsx']);
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('「-报表.xlsx」以 - 开头：若是文件，请写成 ./-报表.xlsx，或放在 -- 之后');
  });

  it('--help and --version exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('用法：');
    expect((await run(['check', '--help'])).code).toBe(0);
    const v = await run(['--version']);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^selfeval \d+\.\d+\.\d+/);
  });
});

describe('protected sheets', () => {
  it('the output and the JSON say which sheet was checked but not marked, and why', async () => {
    const dir = tmp();
    const locked = await edit(readFileSync(fixturePath('seed000.xlsx')), async (zip) => {
      const x = await text(zip, 'xl/worksheets/sheet2.xml');
      zip.file('xl/worksheets/sheet2.xml', x.replace('</sheetData>', '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>'));
    });
    const input = path.join(dir, 'locked.xlsx');
    writeFileSync(input, locked);
    const r = await run(['check', input, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'r.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('工作表「城区安全风险评估」受保护：已校验，未写入标记');
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')) as { kind: string; sheet: string; message: string }[];
    expect(report.filter((e) => e.kind === 'protectedSheet')).toEqual([
      { file: input, sheet: '城区安全风险评估', kind: 'protectedSheet', message: '工作表「城区安全风险评估」受保护：已校验，未写入标记' },
    ]);
    expect(report.find((e) => e.sheet === '城区安全风险评估' && e.kind === 'project')).toBeDefined();
  });
});

describe('text stays text', () => {
  it('a project named "=1+1" and a file named "=1+1.xlsx" are text in the summary the CLI writes', async () => {
    const dir = tmp();
    const bytes = await edit(readFileSync(fixturePath('seed003.xlsx')), async (zip) => {
      const sst = await text(zip, 'xl/sharedStrings.xml');
      zip.file('xl/sharedStrings.xml', sst.split('上街区应急管理局').join('=1+1'));
    });
    writeFileSync(path.join(dir, '=1+1.xlsx'), bytes);
    const out = path.join(dir, 's.xlsx');
    expect((await run(['summary', path.join(dir, '=1+1.xlsx'), '-o', out])).code).toBe(0);
    const zip = new ZipReader(readFileSync(out));
    const sheet = await zip.text('xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('<f>');
    expect(await zip.text('xl/sharedStrings.xml')).toContain('=1+1');
  });
});
