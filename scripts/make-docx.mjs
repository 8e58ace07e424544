#!/usr/bin/env node
/**
 * Writes the report fixtures (tests/fixtures/reports/*.docx) as Word would: a WordprocessingML package
 * made by hand (content types, relationships, word/document.xml), so that the tests read real documents
 * without Word. Run once (`node scripts/make-docx.mjs`); the results are committed.
 *
 * - report003.docx: seed 003 (a 部门整体绩效自评报告) from its text (tests/fixtures/report003.txt), its table
 *   broken over pages where the source broke it (a page break, then the table continued, header repeated);
 * - report001.docx: seed 001's two project tables (from tests/fixtures/seed001-excerpt.xlsx, with their merged
 *   cells as w:gridSpan / w:vMerge) under a 部门决算-style narrative made of the sentences the issue quotes;
 * - merged.docx, nested.docx: small tables with merges and a table inside a cell;
 * - bad documents: not a zip, a zip without a document part, a bomb.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'tests/fixtures/reports');

/** A fixed date in the zip entries, so that writing the fixtures again changes nothing. */
const MTIME = new Date('2026-01-01T00:00:00Z');

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph; line breaks inside become w:br, tabs w:tab. */
function para(text, pageBreakBefore = false) {
  const runs = text
    .split('\n')
    .map((line, i) => `${i ? '<w:br/>' : ''}${line.split('\t').map((t, j) => `${j ? '<w:tab/>' : ''}<w:t xml:space="preserve">${esc(t)}</w:t>`).join('')}`)
    .join('');
  const ppr = pageBreakBefore ? '<w:pPr><w:pageBreakBefore/></w:pPr>' : '';
  return `<w:p>${ppr}<w:r><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr>${runs}</w:r></w:p>`;
}

/**
 * A table: rows of cells {text, span, vMerge: 'restart'|'continue', table: nested rows}; header rows
 * (repeated on each page) marked with header: true.
 */
function table(rows, width) {
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(width)}</w:tblGrid>`;
  const trs = rows
    .map((r) => {
      const trPr = r.header ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
      const tcs = r.cells
        .map((c) => {
          const pr = `${c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : ''}`;
          const inner = c.table ? table(c.table, Math.max(...c.table.map((x) => x.cells.reduce((n, y) => n + (y.span ?? 1), 0)))) : '';
          const paras = (c.text ?? '') === '' ? '<w:p/>' : c.text.split('\n').map((t) => para(t)).join('');
          return `<w:tc><w:tcPr><w:tcW w:w="${1000 * (c.span ?? 1)}" w:type="dxa"/>${pr}</w:tcPr>${paras}${inner}${c.table ? '<w:p/>' : ''}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${tcs}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${trs}</w:tbl>`;
}

function documentXml(body) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function docx(body) {
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(documentXml(body)) }, { level: 6, mtime: MTIME });
}

/** Seed text → body: tab lines are table rows; blank lines inside a table are page breaks (the table continues). */
function textBody(text) {
  const lines = text.split(/\r?\n/);
  const parts = [];
  let rows = [];
  let pages = [];
  const endTable = () => {
    if (rows.length) pages.push(rows);
    if (!pages.length) return;
    const width = Math.max(...pages.flat().map((r) => r.length));
    const header = pages[0][0];
    pages.forEach((page, i) => {
      const rs = page.map((r, j) => ({ header: i === 0 && j === 0, cells: [...r, ...Array(width - r.length).fill('')].map((t) => ({ text: t })) }));
      if (i > 0) {
        parts.push(para('', true));
        // Word repeats the header row on each page; a PDF-converted document carries it again as a row.
        rs.unshift({ header: true, cells: [...header, ...Array(width - header.length).fill('')].map((t) => ({ text: t })) });
      }
      parts.push(table(rs, width));
    });
    pages = [];
    rows = [];
  };
  let blankInTable = false;
  for (const line of lines) {
    if (line.includes('\t')) {
      if (blankInTable && rows.length) {
        pages.push(rows);
        rows = [];
      }
      blankInTable = false;
      rows.push(line.split('\t').map((c) => c.trim()));
      continue;
    }
    if (line.trim() === '') {
      if (rows.length) blankInTable = true;
      continue;
    }
    blankInTable = false;
    endTable();
    parts.push(para(line.trim()));
  }
  endTable();
  return parts.join('');
}

function shownCell(cell) {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && /%/.test(cell.numFmt ?? '')) {
    const d = /0\.(0+)/.exec(cell.numFmt)?.[1]?.length ?? 0;
    return `${(v * 100).toFixed(d)}%`;
  }
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

/** A worksheet → table rows with its merges as gridSpan / vMerge. */
function sheetRows(ws) {
  const merges = (ws.model.merges ?? []).map((m) => {
    const [a, b] = m.split(':');
    const p = ws.getCell(a);
    const q = ws.getCell(b);
    return { top: Number(p.row), left: Number(p.col), bottom: Number(q.row), right: Number(q.col) };
  });
  const width = ws.columnCount;
  const rows = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells = [];
    for (let c = 1; c <= width; ) {
      const m = merges.find((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
      if (m) {
        const span = m.right - m.left + 1;
        const vMerge = m.bottom > m.top ? (r === m.top ? 'restart' : 'continue') : null;
        cells.push({ text: r === m.top ? shownCell(ws.getCell(m.top, m.left)) : '', span, vMerge });
        c = m.right + 1;
      } else {
        cells.push({ text: shownCell(ws.getCell(r, c)) });
        c++;
      }
    }
    rows.push({ cells });
  }
  return { rows, width };
}

const NARRATIVE_001 = [
  '北京市丰台区应急管理局2021年度部门决算',
  '一、收入支出决算总体情况说明',
  '本年支出合计4880.31万元。其中：基本支出2664.08万元，占支出合计的54.59%；项目支出2216.23万元，占支出合计的45.41%。',
  '（一）因公出国（境）费用决算2.01万元，比年初预算增加1万元，增长99%。',
  '二、项目支出绩效自评情况',
  '2019年市级综合考核奖励经费项目：年度资金总额10.62万元，全年执行数10.62万元，预算执行率为100%，自评得分为81分，评价等级为良。',
  '2020年市级综合考核奖励经费项目：全年预算数14.28万元，全年执行数11.59万元，预算执行率为81.16%，自评得分为82.24分，评价等级为良。',
];

async function report001() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(root, 'tests/fixtures/seed001-excerpt.xlsx'));
  const body = [];
  const [first, second, ...rest] = NARRATIVE_001;
  body.push(para(first), para(second), ...NARRATIVE_001.slice(2, 4).map((t) => para(t)));
  body.push(para(rest[2]));
  wb.eachSheet((ws) => {
    const idx = ws.name.startsWith('2019') ? 3 : 4;
    body.push(para(NARRATIVE_001[idx + 2]));
    const { rows, width } = sheetRows(ws);
    body.push(table(rows, width), para(''));
  });
  return docx(body.join(''));
}

function merged() {
  // A small project table whose labels are merged across and down, as Word keeps them.
  const rows = [
    { cells: [{ text: '项目支出绩效自评表', span: 8 }] },
    { cells: [{ text: '项目名称' }, { text: '示例合并单元格项目', span: 7 }] },
    { cells: [{ text: '项目资金（万元）', vMerge: 'restart' }, { text: '' }, { text: '年初预算数' }, { text: '全年预算数' }, { text: '全年执行数' }, { text: '分值' }, { text: '执行率' }, { text: '得分' }] },
    { cells: [{ text: '', vMerge: 'continue' }, { text: '年度资金总额' }, { text: '100' }, { text: '100' }, { text: '90' }, { text: '10' }, { text: '90%' }, { text: '9' }] },
    { cells: [{ text: '', vMerge: 'continue' }, { text: '其中：当年财政拨款' }, { text: '100' }, { text: '100' }, { text: '90' }, { text: '—' }, { text: '' }, { text: '—' }] },
    { cells: [{ text: '一级指标' }, { text: '二级指标' }, { text: '三级指标' }, { text: '年度指标值' }, { text: '实际完成值' }, { text: '分值' }, { text: '得分' }, { text: '偏差原因分析及改进措施' }] },
    { cells: [{ text: '产出指标', vMerge: 'restart' }, { text: '数量指标' }, { text: '培训人数' }, { text: '≥100人' }, { text: '120人' }, { text: '30' }, { text: '30' }, { text: '' }] },
    { cells: [{ text: '', vMerge: 'continue' }, { text: '质量指标' }, { text: '合格率' }, { text: '≥95%' }, { text: '96%' }, { text: '20' }, { text: '20' }, { text: '' }] },
    { cells: [{ text: '效益指标' }, { text: '社会效益指标' }, { text: '安全意识提高' }, { text: '提高' }, { text: '提高' }, { text: '30' }, { text: '30' }, { text: '' }] },
    { cells: [{ text: '满意度指标' }, { text: '服务对象满意度指标' }, { text: '满意度' }, { text: '≥90%' }, { text: '95%' }, { text: '10' }, { text: '10' }, { text: '' }] },
    { cells: [{ text: '总分', span: 5 }, { text: '100' }, { text: '99' }, { text: '' }] },
  ];
  return { rows, width: 8 };
}

function write(name, bytes) {
  writeFileSync(path.join(out, name), bytes);
  console.log(name, bytes.length);
}

const text003 = readFileSync(path.join(root, 'tests/fixtures/report003.txt'), 'utf8');
write('report003.docx', docx(textBody(text003)));
write('report001.docx', await report001());
const m = merged();
write(
  'merged.docx',
  docx(
    [
      para('示例合并单元格项目绩效自评报告'),
      para('项目年度资金总额100万元，全年执行数90万元，预算执行率为90%，自评得分为99分，评价等级为优。'),
      table(m.rows, m.width),
    ].join(''),
  ),
);
write(
  'nested.docx',
  docx(
    [
      para('示例合并单元格项目绩效自评报告（附表套在版式表格中）'),
      para('项目年度资金总额100万元，全年执行数90万元，预算执行率为95%。'),
      table([{ cells: [{ text: '附件', table: m.rows }] }], 1),
    ].join(''),
  ),
);
write('not-a-zip.docx', strToU8('这不是一个Word文档，只是一段文字。\n'));
write('no-document.docx', zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'word/styles.xml': strToU8('<w:styles/>') }, { mtime: MTIME }));
// 64 MB of one repeated paragraph compresses about a thousand to one: refused by the ratio limit.
const big = new Uint8Array(64 << 20).fill(0x20);
write('bomb.docx', zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': big }, { level: 9, mtime: MTIME }));
