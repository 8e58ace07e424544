/**
 * The command line against hostile and careless input (issue 21), as a user runs it: each case crafts its
 * workbook or folder, runs the command, and looks at what was said, what was written and what was left.
 * A full disk and a read-only file system are real mounts (tmpfs; skipped where this is not root), an
 * interruption a real signal to the installed command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCli } from '../cliBuild';
import {
  copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statfsSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { ZipReader } from '../../src/xlsx/package/zip';
import { fixturePath } from '../helpers';
import { edit, text } from '../xlsx/pkg';
import { row, storedZip, workbookEntries } from './craft';

// These tests run bin/selfeval.js, i.e. dist/: rebuilt first when older than the sources.
beforeAll(ensureCli, 180_000);

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { print: (l) => (out += l + '\n'), printError: (l) => (err += l + '\n') });
  return { code, out, err };
}

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'selfeval.js');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'selfeval-hostile-'));
const put = (fixture: string, target: string) => {
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(fixturePath(fixture), target);
  return target;
};
const leftovers = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));
const SHEET = '上街区应急管理局';

/** seed003 (one real table) with more cells put into its sheet's data. */
const withCells = (rows: string) =>
  edit(readFileSync(fixturePath('seed003.xlsx')), async (zip) => {
    const sheet = await text(zip, 'xl/worksheets/sheet1.xml');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', `${rows}</sheetData>`));
  });

describe('one cell does not end the batch; memory follows the cells present', () => {
  it('a cell at row 1,048,576,000 and one beyond XFD are broken workbooks naming sheet and cell; the rest is checked and written', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '1-far.xlsx'), await withCells('<row r="1048576000"><c r="A1048576000"><v>1</v></c></row>'));
    writeFileSync(path.join(dir, '2-wide.xlsx'), await withCells('<row r="70"><c r="XFE70"><v>1</v></c></row>'));
    put('seed003.xlsx', path.join(dir, '3-ok.xlsx'));
    const to = tmp();
    const json = path.join(to, 'r.json');
    const r = await run(['check', dir, '--out', path.join(to, 'out'), '--json', json]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, '1-far.xlsx')}：工作簿已损坏，无法读取（工作表「${SHEET}」的第 1048576000 行超出 Excel 的表格范围（最多 1048576 行））`);
    expect(r.err).toContain(`${path.join(dir, '2-wide.xlsx')}：工作簿已损坏，无法读取（工作表「${SHEET}」的单元格 XFE70 超出 Excel 的表格范围`);
    expect(r.out).toContain(`[${SHEET}] A1:I63`);
    expect(existsSync(path.join(to, 'out', '3-ok.xlsx'))).toBe(true);
    expect(existsSync(path.join(to, 'out', '1-far.xlsx'))).toBe(false);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { file: string; kind: string; reason?: string }[];
    expect(report.filter((e) => e.kind === 'unreadable').map((e) => [path.basename(e.file), e.reason])).toEqual([
      ['1-far.xlsx', 'corrupt'],
      ['2-wide.xlsx', 'corrupt'],
    ]);
    expect(leftovers(to)).toEqual([]);
    const s = await run(['summary', dir, '-o', path.join(to, 's.xlsx'), '--json', path.join(to, 's.json')]);
    expect(s.code).toBe(2);
    const summary = JSON.parse(readFileSync(path.join(to, 's.json'), 'utf8')) as { tables: unknown[]; workbooks: { file: string; status: string }[] };
    expect(summary.tables).toHaveLength(1);
    expect(summary.workbooks.filter((w) => w.status === 'unreadable')).toHaveLength(2);
  });

  it('cells at XFD on 20,000 rows and at XFD1048576 are read and checked in a small heap', async () => {
    const dir = tmp();
    const far = Array.from({ length: 20_000 }, (_, i) => `<row r="${100 + i}"><c r="XFD${100 + i}"><v>1</v></c></row>`).join('');
    writeFileSync(path.join(dir, 'sparse.xlsx'), await withCells(`${far}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`));
    // A heap of 96 MB: a grid by its columns (16,384 a row) or its rows (a million arrays) does not fit.
    const r = spawnSync(process.execPath, ['--max-old-space-size=96', BIN, 'check', 'sparse.xlsx', '--out', 'out'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`[${SHEET}] A1:I63`);
    expect(existsSync(path.join(dir, 'out', 'sparse.xlsx'))).toBe(true);
  });
});

describe('writes never go through a link, never over a file the product did not write', () => {
  it('a link where the copy goes is replaced, never written through; a 255-byte name is written', async () => {
    const dir = tmp();
    const long = `${'表'.repeat(83)}.xlsx`; // 83 × 3 bytes + 5 = 254 bytes
    const input = put('seed003.xlsx', path.join(dir, 'in', long));
    const out = path.join(dir, 'out');
    // An earlier copy of the product's, and a link to it planted where the new copy goes.
    expect((await run(['check', input, '--out', path.join(dir, 'earlier')])).code).toBe(0);
    const earlier = readFileSync(path.join(dir, 'earlier', long));
    mkdirSync(out);
    symlinkSync(path.join(dir, 'earlier', long), path.join(out, long));
    const r = await run(['check', input, '--out', out, '--json', path.join(out, `${'报'.repeat(83)}.json`)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(path.join(out, long)).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(dir, 'earlier', long)).equals(earlier)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, `${'报'.repeat(83)}.json`), 'utf8'))).toHaveLength(1);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a CSV named x.xlsx where a copy goes, a text file as --json, a non-zip as -o: each refused, nothing written', async () => {
    const dir = tmp();
    const input = put('seed003.xlsx', path.join(dir, 'x.xlsx'));
    const out = path.join(dir, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'x.xlsx'), '项目,金额\n甲,1\n');
    writeFileSync(path.join(dir, 'notes.txt'), '我的笔记');
    writeFileSync(path.join(dir, 'data.json'), '{"mine": true}\n');
    const copy = await run(['check', input, '--out', out]);
    expect(copy.code).toBe(2);
    expect(copy.err).toContain(`${path.join(out, 'x.xlsx')}：已存在且不是本工具写出的文件，不会覆盖`);
    expect(readFileSync(path.join(out, 'x.xlsx'), 'utf8')).toBe('项目,金额\n甲,1\n');
    const json = await run(['check', input, '--json', path.join(dir, 'data.json')]);
    expect(json.code).toBe(2);
    expect(json.err).toContain(`${path.join(dir, 'data.json')}：已存在且不是本工具写出的文件`);
    expect(readFileSync(path.join(dir, 'data.json'), 'utf8')).toBe('{"mine": true}\n');
    const summary = await run(['summary', input, '-o', path.join(dir, 'notes.txt')]);
    expect(summary.code).toBe(2);
    expect(summary.err).toContain(`${path.join(dir, 'notes.txt')}：已存在且不是本工具写出的文件`);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('我的笔记');
    // What the product wrote may be written again.
    expect((await run(['check', input, '--json', path.join(dir, 'r.json')])).code).toBe(0);
    expect((await run(['check', input, '--json', path.join(dir, 'r.json')])).code).toBe(0);
    expect((await run(['summary', input, '-o', path.join(dir, 's.xlsx'), '--json', path.join(dir, 's.json')])).code).toBe(0);
    expect((await run(['summary', input, '-o', path.join(dir, 's.xlsx'), '--json', path.join(dir, 's.json')])).code).toBe(0);
  });

  it('--json /dev/stdout is written as a stream: the report on standard output, the link left a link', () => {
    const dir = tmp();
    put('seed003.xlsx', path.join(dir, 'a.xlsx'));
    const r = spawnSync(process.execPath, [BIN, 'check', 'a.xlsx', '--json', '/dev/stdout'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { sheet: string }[])[0]?.sheet).toBe(SHEET);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    // The summary workbook itself on standard output: the bytes of the package, what is said on standard error.
    const s = spawnSync(process.execPath, [BIN, 'summary', 'a.xlsx', '-o', '-'], { cwd: dir });
    expect(s.status).toBe(0);
    expect(new ZipReader(new Uint8Array(s.stdout)).comment).toBe('selfeval');
    expect(s.stderr.toString()).toContain('汇总表：-');
    expect(existsSync(path.join(dir, '-'))).toBe(false);
  });
});

/** A tmpfs of its own (root only): a disk that fills up, or one mounted read-only. */
const mounted: string[] = [];
function tmpfs(options: string): string | null {
  const dir = tmp();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  if (r.status !== 0) return null;
  mounted.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of mounted) spawnSync('umount', [d]);
});
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;

describe.skipIf(!canMount)('a full disk and a read-only file system (real tmpfs mounts)', () => {
  /** Fills a tmpfs up to `room` bytes of free space. */
  const fill = (dir: string, room: number) => {
    const st = statfsSync(dir);
    writeFileSync(path.join(dir, 'filler'), Buffer.alloc(Math.max(0, st.bavail * st.bsize - room)));
  };

  it('a copy that does not fit is said with its cause and leaves nothing; the next copy that fits is written', async () => {
    const dir = tmp();
    const big = put('seed000.xlsx', path.join(dir, 'in', 'a-big.xlsx'));
    const small = put('seed003.xlsx', path.join(dir, 'in', 'b-small.xlsx'));
    const disk = tmpfs('size=256k');
    expect(disk).not.toBeNull();
    fill(disk!, 20 * 1024);
    const out = path.join(disk!, 'out');
    mkdirSync(out);
    const r = await run(['check', big, small, '--out', out, '--json', path.join(dir, 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(out, 'a-big.xlsx')}：写出失败（磁盘已满 ENOSPC），未留下半成品文件`);
    expect(r.err).not.toContain('已损坏');
    expect(existsSync(path.join(out, 'a-big.xlsx'))).toBe(false);
    expect(new ZipReader(readFileSync(path.join(out, 'b-small.xlsx'))).comment).toBe('selfeval');
    expect(leftovers(disk!)).toEqual([]);
    // The big file's tables were checked all the same, and reported.
    expect((JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')) as unknown[]).length).toBe(12);
  });

  it('a report that does not fit: said once with its cause, the check and the copies go on, nothing partial left', async () => {
    const dir = tmp();
    const input = put('seed000.xlsx', path.join(dir, 'a.xlsx'));
    const disk = tmpfs('size=128k');
    fill(disk!, 8 * 1024);
    const json = path.join(disk!, 'r.json');
    const r = await run(['check', input, '--json', json, '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${json}：写出失败（磁盘已满 ENOSPC），未留下半成品文件\n`);
    expect(r.out.match(/^ {2}\[/gm)).toHaveLength(11);
    expect(existsSync(path.join(dir, 'out', 'a.xlsx'))).toBe(true);
    expect(existsSync(json)).toBe(false);
    expect(leftovers(disk!)).toEqual([]);
  });

  it('a read-only target: the file and the cause named, no stack trace, exit 2', async () => {
    const dir = tmp();
    const input = put('seed003.xlsx', path.join(dir, 'a.xlsx'));
    const ro = tmpfs('ro,size=64k');
    const json = await run(['check', input, '--json', path.join(ro!, 'r.json')]);
    expect(json.code).toBe(2);
    expect(json.err).toBe(`${path.join(ro!, 'r.json')}：写出失败（只读的文件系统 EROFS），未留下半成品文件\n`);
    const summary = await run(['summary', input, '-o', path.join(ro!, 's.xlsx')]);
    expect(summary.code).toBe(2);
    expect(summary.err).toContain(`${path.join(ro!, 's.xlsx')}：写出失败（只读的文件系统 EROFS）`);
    const copy = await run(['check', input, '--out', path.join(ro!, 'out')]);
    expect(copy.code).toBe(2);
    expect(copy.err).toContain('只读的文件系统 EROFS');
  });
});

describe('interrupted: nothing partial left', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} in the middle of a batch removes the temporary report and copy, and says so`, async () => {
      const dir = tmp();
      for (let i = 0; i < 40; i++) put('seed000.xlsx', path.join(dir, 'in', `${String(i).padStart(2, '0')}.xlsx`));
      const child = spawn(process.execPath, [BIN, 'check', 'in', '--json', 'r.json', '--out', 'out'], { cwd: dir });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      expect(code).toBe(signal === 'SIGTERM' ? 143 : 130);
      expect(err).toContain(`已中断（${signal}）`);
      expect(existsSync(path.join(dir, 'r.json'))).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    });
  }
});

describe('folder walks follow a link once', () => {
  it('two links to "." and a loop further down: the walk ends, each workbook is checked once', async () => {
    const dir = tmp();
    put('seed003.xlsx', path.join(dir, 'a', 'x.xlsx'));
    symlinkSync('.', path.join(dir, 'a', 'l1'));
    symlinkSync('.', path.join(dir, 'a', 'l2'));
    mkdirSync(path.join(dir, 'a', 'b', 'c'), { recursive: true });
    symlinkSync('../..', path.join(dir, 'a', 'b', 'c', 'up'));
    const r = await run(['check', path.join(dir, 'a')]);
    expect(r.code).toBe(0);
    expect(r.out.match(/\[上街区应急管理局\]/g)).toHaveLength(1);
  });
});

describe('control characters never reach the terminal', () => {
  it('ESC, OSC, BEL and CR in a file name, a sheet name and a cell are printed escaped; the JSON keeps them as they are', async () => {
    const dir = tmp();
    const name = '\u001b]0;pwned\u0007\u001b[2J报表\r.xlsx';
    const bytes = await edit(readFileSync(fixturePath('seed003.xlsx')), async (zip) => {
      zip.file('xl/workbook.xml', (await text(zip, 'xl/workbook.xml')).replace(`name="${SHEET}"`, `name="${SHEET}&#27;[31m"`));
      // A CR in a cell's shared string (XML allows it; ESC it does not): never printed raw (the check above).
      zip.file('xl/sharedStrings.xml', (await text(zip, 'xl/sharedStrings.xml')).split(SHEET).join(`假&#13;${SHEET}`));
    });
    writeFileSync(path.join(dir, name), bytes);
    const r = await run(['check', dir]);
    // eslint-disable-next-line no-control-regex -- what must not be printed
    expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.out).toContain('\\u001b]0;pwned\\u0007\\u001b[2J报表\\u000d.xlsx');
    expect(r.out).toContain(`[${SHEET}\\u001b[31m]`);
    const j = await run(['check', dir, '--json', '-']);
    const report = JSON.parse(j.out) as { file: string; sheet: string; project: string }[];
    expect(path.basename(report[0]!.file)).toBe(name);
    expect(report[0]!.sheet).toBe(`${SHEET}\u001b[31m`);
  });
});

describe('a workbook missing a part or inconsistent is broken, never clean', () => {
  const table = [row(1, ['项目名称', '甲']), row(2, ['预算数', 100])].join('');
  const cases: { name: string; bytes: () => Uint8Array; says: string }[] = [
    {
      name: 'shared strings referred to and missing',
      bytes: () => storedZip(workbookEntries([{ name: '表一', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], { strings: 'referredButMissing' })),
      says: '缺少部件 xl/sharedStrings.xml',
    },
    {
      name: 'a cell referring to a shared string that is not there',
      bytes: () => storedZip(workbookEntries([{ name: '表一', rows: '<row r="1"><c r="B1" t="s"><v>7</v></c></row>' }], { strings: ['甲'] })),
      says: '工作表「表一」的单元格 B1 引用的共享字符串不存在',
    },
    {
      name: 'styles referred to and missing',
      bytes: () => storedZip(workbookEntries([{ name: '表一', rows: table }], { styles: 'referredButMissing' }).filter((e) => e.name !== 'xl/styles.xml')),
      says: '缺少部件 xl/styles.xml',
    },
    {
      name: 'two sheets of one name',
      bytes: () => storedZip(workbookEntries([{ name: '表一', rows: table }, { name: '表一', rows: table }])),
      says: '有两个工作表都叫「表一」',
    },
    {
      name: 'an entry twice',
      bytes: () => {
        const e = workbookEntries([{ name: '表一', rows: table }]);
        return storedZip([...e, e[4]!]);
      },
      says: '部件 xl/worksheets/sheet1.xml 在文件中出现了两次',
    },
    {
      name: 'a stored sheet whose checksum does not match',
      bytes: () => storedZip(workbookEntries([{ name: '表一', rows: table }]).map((e) => (e.name.includes('sheet1') ? { ...e, crc: 12345 } : e))),
      says: '工作表「表一」（xl/worksheets/sheet1.xml）的校验和不符，数据已损坏',
    },
    {
      name: 'mismatched tags',
      bytes: () => storedZip(workbookEntries([{ name: '表一', rows: '<row r="1"><c r="A1"><v>1</c></v></row>' }])),
      says: '工作表「表一」（xl/worksheets/sheet1.xml）的 XML 格式错误：</c> where </v> was expected',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: said with the part and the sheet, exit 2, in check and summary`, async () => {
      const dir = tmp();
      const file = path.join(dir, 'broken.xlsx');
      writeFileSync(file, c.bytes());
      const r = await run(['check', file, '--json', path.join(dir, 'r.json')]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${file}：工作簿已损坏，无法读取（${c.says}）`);
      expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'))).toMatchObject([{ kind: 'unreadable', reason: 'corrupt' }]);
      const s = await run(['summary', file, '-o', path.join(dir, 's.xlsx')]);
      expect(s.code).toBe(2);
      expect(s.out).toContain(c.says);
    });
  }

  it('a workbook without a styles part gets one in its copy when marks need fills (no 0-byte part, no dangling format)', async () => {
    const dir = tmp();
    const bytes = await edit(readFileSync(fixturePath('seed003.xlsx')), async (zip) => {
      zip.remove('xl/styles.xml');
      const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
      zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*styles[^>]*\/>/, ''));
      const sheet = await text(zip, 'xl/worksheets/sheet1.xml');
      zip.file('xl/worksheets/sheet1.xml', sheet.replace(/ s="\d+"/g, ''));
    });
    writeFileSync(path.join(dir, 'a.xlsx'), bytes);
    const r = await run(['check', path.join(dir, 'a.xlsx'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(0);
    const copy = new ZipReader(readFileSync(path.join(dir, 'out', 'a.xlsx')));
    const styles = await copy.text('xl/styles1.xml');
    expect(styles).toContain('FFFFEB9C'.slice(2));
    expect(await copy.text('xl/_rels/workbook.xml.rels')).toContain('styles1.xml');
    expect(await copy.text('[Content_Types].xml')).toContain('/xl/styles1.xml');
  });

  it("a user's own sheet named selfeval_state is checked as theirs and not replaced by the state", async () => {
    const dir = tmp();
    const bytes = await edit(readFileSync(fixturePath('seed003.xlsx')), async (zip) => {
      zip.file('xl/workbook.xml', (await text(zip, 'xl/workbook.xml')).replace(`name="${SHEET}"`, 'name="selfeval_state"'));
    });
    writeFileSync(path.join(dir, 'a.xlsx'), bytes);
    const r = await run(['check', path.join(dir, 'a.xlsx'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[selfeval_state] A1:I63');
    const copy = new ZipReader(readFileSync(path.join(dir, 'out', 'a.xlsx')));
    expect(await copy.text('xl/worksheets/sheet1.xml')).toContain('复核结果');
    expect(await copy.text('xl/workbook.xml')).not.toContain('veryHidden');
    const again = await run(['clear', path.join(dir, 'out', 'a.xlsx'), '--out', path.join(dir, 'cleared')]);
    expect(again.code).toBe(0);
    expect(await new ZipReader(readFileSync(path.join(dir, 'cleared', 'a.xlsx'))).text('xl/worksheets/sheet1.xml')).not.toContain('复核结果');
  });
});

describe.skipIf(!process.env.PATH?.split(':').some((d) => existsSync(path.join(d, 'soffice'))))('LibreOffice under the package limits', () => {
  it('an .ods whose content inflates past 512 MB (its header says 1 KB) is refused as a bomb before LibreOffice runs; the next file is checked', async () => {
    const dir = tmp();
    // 1 MB of spaces, deflated and flushed so the block can be repeated: 600 of them, then a last empty block.
    const block = zlib.deflateRawSync(Buffer.alloc(1 << 20, 32), { finishFlush: zlib.constants.Z_FULL_FLUSH });
    const bytes = Buffer.concat([...Array.from({ length: 600 }, () => block), Buffer.from([0x03, 0x00])]);
    writeFileSync(
      path.join(dir, '1-bomb.ods'),
      storedZip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
        { name: 'content.xml', data: '', crc: 0, deflated: { bytes, size: 1024 } },
      ]),
    );
    put('seed003.xlsx', path.join(dir, '2-ok.xlsx'));
    const r = await run(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, '1-bomb.ods')}：工作簿解压后过大`);
    expect(r.out).toContain(`[${SHEET}] A1:I63`);
  });
});

describe('a.xls beside a.xlsx', () => {
  it('the copies are a.xlsx and a.xls.xlsx: the batch is not refused', async () => {
    const dir = tmp();
    put('seed003.xlsx', path.join(dir, 'in', 'a.xlsx'));
    // An old .xls (an OLE container): read through LibreOffice where installed, else said.
    writeFileSync(path.join(dir, 'in', 'a.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const r = await run(['check', path.join(dir, 'in'), '--out', path.join(dir, 'out')]);
    expect(r.err).not.toContain('两个输出写到同一个文件');
    expect(existsSync(path.join(dir, 'out', 'a.xlsx'))).toBe(true);
  });
});

it('the bundled command is built (these tests run it)', () => {
  expect(existsSync(path.resolve(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js'))).toBe(true);
  expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' })).toMatch(/^selfeval /);
});
