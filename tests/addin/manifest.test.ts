/**
 * manifest.xml, checked offline (office-addin-manifest's validation needs Microsoft's service, which
 * this network cannot reach): the schema's element order, every resource it names, the icons at the
 * sizes Office asks for, the function the ribbon button calls, the smallest permission that works.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseStringPromise } from 'xml2js';
import { OfficeAddinManifest } from 'office-addin-manifest';

const ROOT = path.resolve(__dirname, '..', '..');
const FILE = path.join(ROOT, 'manifest.xml');
const xml = readFileSync(FILE, 'utf8');

type Node = Record<string, unknown> & { $?: Record<string, string> };

async function parsed(): Promise<Node> {
  return ((await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true })) as { OfficeApp: Node }).OfficeApp;
}

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  it('is read by the Office tooling', async () => {
    const info = await OfficeAddinManifest.readManifestFile(FILE);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.displayName).toBe('绩效自评校验');
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('keeps the element order of the OfficeApp schema', async () => {
    const app = await parsed();
    const order = ((app.$$ as { '#name': string }[]) ?? []).map((n) => n['#name']);
    const schema = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(order).toEqual(schema.filter((n) => order.includes(n)));
    expect(app.$!['xsi:type']).toBe('TaskPaneApp');
  });

  it('names only resources it defines, all https on the add-in’s own domain', () => {
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(defined, r).toContain(r);
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    const domain = /<AppDomain>([^<]+)<\/AppDomain>/.exec(xml)![1]!;
    for (const u of urls) expect(u.startsWith(`${domain}/`), u).toBe(true);
  });

  it('built for production (SELFEVAL_ADDIN_URL), names the production origin only: no localhost, the AppDomain too', async () => {
    const { productionManifest } = (await import(path.join(ROOT, 'webpack.config.js'))) as { productionManifest: (xml: string, url: string) => string };
    const built = productionManifest(xml, 'https://intranet.example.gov.cn:8443/selfeval/');
    expect(built).not.toMatch(/localhost/);
    expect(/<AppDomain>([^<]+)<\/AppDomain>/.exec(built)![1]).toBe('https://intranet.example.gov.cn:8443');
    expect(built).toContain('<SourceLocation DefaultValue="https://intranet.example.gov.cn:8443/selfeval/taskpane.html"/>');
    const urls = [...built.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    for (const u of urls) expect(u.startsWith('https://intranet.example.gov.cn:8443/selfeval/'), u).toBe(true);
  });

  it('has the icons Office asks for, at their sizes', () => {
    const images = [...xml.matchAll(/assets\/(icon-(\d+)\.png)/g)];
    expect(new Set(images.map((m) => Number(m[2])))).toEqual(new Set([16, 32, 64, 80]));
    for (const [, name, size] of images) {
      const file = path.join(ROOT, 'assets', name!);
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(file)).toEqual([Number(size), Number(size)]);
    }
  });

  it('has a ribbon group with 校验本表 (ExecuteFunction) and 打开校验面板 (task pane), English overrides', () => {
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>checkSheet<\/FunctionName>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(xml).toMatch(/<bt:String id="CheckSheet.Label" DefaultValue="校验本表">\s*<bt:Override Locale="en-US" Value="Check this sheet"\/>/);
    expect(xml).toMatch(/<bt:String id="OpenPane.Label" DefaultValue="打开校验面板">/);
    // The function the button names is the one the commands file registers.
    const commands = readFileSync(path.join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');
    expect(commands).toMatch(/Office\.actions\.associate\('checkSheet', checkSheet\)/);
    // 撤销填写 is a command of its own, registered under the name the manifest gives.
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>undoFill<\/FunctionName>/);
    expect(xml).toMatch(/<bt:String id="UndoFill.Label" DefaultValue="撤销填写">\s*<bt:Override Locale="en-US" Value="Undo fill"\/>/);
    expect(commands).toMatch(/Office\.actions\.associate\('undoFill', undoFill\)/);
    // 校验全部工作表 and 清除标记（全部工作表）: commands of their own, each registered under the name the manifest gives.
    for (const [fn, id, zh, en] of [
      ['checkAllSheets', 'CheckAllSheets', '校验全部工作表', 'Check all sheets'],
      ['clearAllSheets', 'ClearAllSheets', '清除标记（全部工作表）', 'Clear marks \\(all sheets\\)'],
    ] as const) {
      expect(xml).toMatch(new RegExp(`<Action xsi:type="ExecuteFunction">\\s*<FunctionName>${fn}</FunctionName>`));
      expect(xml).toMatch(new RegExp(`<bt:String id="${id}.Label" DefaultValue="${zh}">\\s*<bt:Override Locale="en-US" Value="${en}"/>`));
      expect(xml).toMatch(new RegExp(`<bt:String id="${id}.Tooltip" DefaultValue="[^"]+">\\s*<bt:Override Locale="en-US" Value="[^"]+"/>`));
      expect(commands).toContain(`Office.actions.associate('${fn}', ${fn})`);
    }
    // Office takes at most six controls in a group.
    expect(xml.match(/<Control xsi:type="Button"/g)).toHaveLength(6);
  });

  it('asks for ExcelApi features the host uses, and no more permission than it needs', () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });
});
