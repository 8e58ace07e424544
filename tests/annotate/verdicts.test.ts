/**
 * 复核意见 and what changed (SPEC §5): a reviewer's 已核实 kept in the workbook's state, shown in the note and
 * the 复核结果 column, carried in the JSON; kept by a check again and by 清除标记 while the cells it is about
 * hold the same values, dropped once they change; a save through LibreOffice keeps it; the command line
 * reads it and its exit code counts open errors only. A check again says what was put right and what is new.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixturePath } from '../helpers';
import { look } from '../xlsx/pkg';
import { checkXlsx, openWorkbook } from '../../src/xlsx/read';
import { checkAndAnnotate, clearMarks, recordVerdicts } from '../../src/xlsx/annotate';
import { sheetReports } from '../../src/core/report';
import type { Finding } from '../../src/core/findings';
import type { SheetResult } from '../../src/core/engine';
import { countVerdicts } from '../../src/core/annotate/verdicts';
import { afterClear } from '../../src/core/annotate/state';
import { MemoryBook } from '../../src/preview/memoryBook';
import { PreviewHost } from '../../src/preview/previewHost';
import { defaultSettings } from '../../src/office/settings';
import { prepareCheck } from '../../src/core/annotate/run';
import { decide } from '../../src/core/annotate/decide';
import { type CellValue, type Grid, parseRangeA1 } from '../../src/core/grid';
import { main } from '../../src/cli/main';

const VERDICT = { note: '调整预算已批复，执行率按调整后计算', by: '张三', at: '2026-12-07T10:00:00.000Z' };
const seed = () => new Uint8Array(readFileSync(fixturePath('seed002.xlsx')));

const all = (results: readonly SheetResult[]) => results.flatMap((r) => r.tables.flatMap((t) => t.findings.map((f) => ({ sheet: r.sheet, f }))));
const reportKey = (f: Finding) => ({ code: f.code, cell: f.cell, expected: f.expected, found: f.found, subject: 'subject' in f.params ? f.params.subject : undefined });

/** seed002 checked, a verdict given on its first error, checked again: what a reviewer's workbook holds. */
async function reviewed(): Promise<{ bytes: Uint8Array; sheet: string; finding: Finding }> {
  // Each step on the workbook as saved by the one before (the package host reads its state as opened).
  const wb = await openWorkbook(seed());
  await checkAndAnnotate(wb);
  const marked = await openWorkbook(wb.save());
  const first = all(await checkXlsx(marked)).find((x) => x.f.severity === 'error');
  if (!first) throw new Error('seed002 has an error');
  await recordVerdicts(marked, [{ sheet: first.sheet, finding: reportKey(first.f), verdict: VERDICT }]);
  const again = await openWorkbook(marked.save());
  await checkAndAnnotate(again);
  return { bytes: again.save(), sheet: first.sheet, finding: first.f };
}

async function verdictOn(bytes: Uint8Array, sheet: string, cell: string, code: string): Promise<Finding['verdict'] | null> {
  const results = await checkXlsx(await openWorkbook(bytes));
  const hit = all(results).find((x) => x.sheet === sheet && x.f.cell === cell && x.f.code === code);
  if (!hit) return null;
  return hit.f.verdict;
}

describe('a verdict on a finding', () => {
  it('is shown in the note and the 复核结果 column, and carried in the JSON', async () => {
    const { bytes, sheet, finding } = await reviewed();
    const cells = await look(bytes, sheet, [finding.cell]);
    expect(cells[finding.cell]!.note).toContain('✓ 已核实：调整预算已批复，执行率按调整后计算（张三）');
    const wb = await openWorkbook(bytes);
    const s = await wb.readSheet(sheet);
    const row = s.grid.values[finding.row] ?? [];
    // The 总分 row's cell: the recomputed total, then the finding with its verdict.
    expect(row.filter((v) => typeof v === 'string' && v.includes('✗ ') && v.includes(' · 已核实：调整预算已批复，执行率按调整后计算（张三）'))).toHaveLength(1);
    const { tables } = sheetReports('seed002.xlsx', await checkXlsx(wb));
    const reported = tables.flatMap((t) => t.findings).filter((f) => f.verdict);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ code: finding.code, cell: finding.cell, verdict: VERDICT });
  });

  it('survives a check again and 清除标记 (unless asked), and is counted apart from open findings', async () => {
    const { bytes, sheet, finding } = await reviewed();
    const wb = await openWorkbook(bytes);
    await checkAndAnnotate(wb);
    const cleared = await openWorkbook(wb.save());
    await clearMarks(cleared);
    const after = cleared.save();
    expect((await look(after, sheet, [finding.cell]))[finding.cell]!.note).toBeNull();
    expect(await verdictOn(after, sheet, finding.cell, finding.code)).toEqual(VERDICT);
    const findings = all(await checkXlsx(await openWorkbook(after))).map((x) => x.f);
    const counts = countVerdicts(findings);
    expect(counts.verified).toBe(1);
    expect(counts.open.error).toBe(findings.filter((f) => f.severity === 'error').length - 1);
    // Asked to, 清除标记 drops them too.
    const state = { sheet, marked: [], written: [], texts: [], verdicts: [{ key: 'k', ...VERDICT }] };
    expect(afterClear(state, sheet)?.verdicts).toEqual(state.verdicts);
    expect(afterClear(state, sheet, true)).toBeUndefined();
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))('survives a save through LibreOffice', async () => {
    const { bytes, sheet, finding } = await reviewed();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-verdict-'));
    writeFileSync(path.join(dir, 'in.xlsx'), bytes);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'out'), path.join(dir, 'in.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const saved = new Uint8Array(readFileSync(path.join(dir, 'out', 'in.xlsx')));
    expect(await verdictOn(saved, sheet, finding.cell, finding.code)).toEqual(VERDICT);
  }, 180_000);

  it('goes once a cell it is about changes (the finding is open again, or gone)', async () => {
    const { bytes, sheet, finding } = await reviewed();
    const host = new PreviewHost(await MemoryBook.fromXlsx(await openWorkbook(bytes)));
    host.activate(sheet);
    const settings = defaultSettings('zh-CN');
    const kept = await host.checkActiveSheet(settings);
    const verified = (r: typeof kept) => (r.kind === 'checked' ? r.tables.flatMap((t) => t.findings).filter((f) => f.verdict) : []);
    expect(verified(kept).map((f) => f.cell)).toEqual([finding.cell]);
    host.edit(sheet, finding.row, finding.col, '1234.5');
    const again = await host.checkActiveSheet(settings);
    expect(verified(again)).toEqual([]);
    // Still raised (the weights under it add up to 110 as before), now open again.
    const raised = again.kind === 'checked' ? again.tables.flatMap((t) => t.findings).find((f) => f.cell === finding.cell && f.code === finding.code) : undefined;
    expect(raised && !raised.verdict).toBe(true);
  });

  it('the command line reads it: the exit code counts open errors only', async () => {
    const wb = await openWorkbook(seed());
    const errors = all(await checkXlsx(wb)).filter((x) => x.f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    await recordVerdicts(wb, errors.map((x) => ({ sheet: x.sheet, finding: reportKey(x.f), verdict: VERDICT })));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'selfeval-verdict-cli-'));
    const file = path.join(dir, 'reviewed.xlsx');
    writeFileSync(file, wb.save());
    const lines: string[] = [];
    const io = { print: (l: string) => lines.push(l), printError: (l: string) => lines.push(l) };
    expect(await main(['check', file], io)).toBe(0);
    expect(lines.join('\n')).toContain(`已核实 ${errors.length} 处（不计入）`);
    expect(await main(['check', fixturePath('seed002.xlsx')], { print: () => undefined, printError: () => undefined })).toBe(1);
  });
});

const _ = null;
/** A small form: 主管部门 blank (MISSING_FIELD@B3), every figure right. */
function form(edits: Record<string, CellValue> = {}): Grid {
  const rows: CellValue[][] = [
    ['项目名称', '社区应急物资储备'],
    ['(2024年度)'],
    ['主管部门', _, _, _, '实施单位', '某区应急管理局'],
    ['项目资金 (万元)', _, '年初预算数', '全年预算数', '全年执行数', '分数', '执行率(%)', '得分'],
    [_, '年度资金总额:', 50, 50, 50, 10, 100, 10],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标', '数量指标', '储备点数量', '≥100个', '100个', 50, 50, _],
    ['效益指标', '社会效益指标', '应急保障能力', '提升', '达成指标', 30, 30, _],
    ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '95%', 10, 10, _],
    ['总分', _, _, _, _, 100, 100, _],
  ];
  for (const [cell, v] of Object.entries(edits)) {
    const { top, left } = parseRangeA1(cell);
    rows[top]![left] = v;
  }
  return { name: 'Sheet1', values: rows, formats: rows.map((r) => r.map(() => undefined)), merges: ['B3:D3', 'A4:B4'].map(parseRangeA1) };
}

describe('what changed since the last check', () => {
  const first = () => {
    const now = { grid: form(), notes: new Map<string, string>() };
    const p = prepareCheck(now, undefined);
    expect(p.result.tables[0]!.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(['MISSING_FIELD@B3']);
    expect(p.wanted.changes).toBeUndefined(); // a first check has nothing to compare with
    return decide(now, p.own, new Map(), 'Sheet1', p.wanted).state;
  };

  it('says what was put right and what is new, in the 复核结果 header note', () => {
    const state = first();
    expect(state?.last).toEqual(['MISSING_FIELD@B3']);
    const now = { grid: form({ B3: '某区应急管理局', E9: _ }), notes: new Map<string, string>() };
    const p = prepareCheck(now, state);
    expect(p.wanted.changes).toEqual({ fixed: ['B3'], added: ['E9'] });
    const header = p.wanted.notes?.[0];
    expect(header?.note.split('\n')[0]).toBe('与上次校验相比：已改正 1 处：B3；新发现 1 处：E9');
    expect(p.wanted.column.find((c) => c.cell === header?.cell)?.kind).toBe('header');
  });

  it('an automatic check says so, and which edit started it', () => {
    const now = { grid: form({ B3: '某区应急管理局' }), notes: new Map<string, string>() };
    const p = prepareCheck(now, first(), { startedBy: 'B3', lang: 'zh' });
    expect(p.wanted.notes?.[0]?.note.split('\n')[0]).toBe('自动校验（编辑 B3 后）：已改正 1 处：B3');
  });
});
