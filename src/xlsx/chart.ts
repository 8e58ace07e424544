/**
 * ExcelJS writes no charts. The summary's bar chart of the grade distribution is added to the written
 * .xlsx as a DrawingML chart part (with cached values, so every viewer shows it before recalculating).
 */
import JSZip from 'jszip';
import { type CellRange, columnLetters } from '../core/grid';

/** Axis labels and values in hundredths of a point: 11 pt, as the cells, so that they print at ≥ 8 pt too. */
const CHART_TEXT_SIZE = 1100;

export interface BarChart {
  readonly sheet: string;
  readonly title: string;
  readonly categories: CellRange;
  readonly values: CellRange;
  readonly categoryLabels: readonly string[];
  readonly counts: readonly number[];
  /** Where the chart sits: top-left and bottom-right cells (0-based). */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function absolute(sheet: string, r: CellRange): string {
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  return `'${sheet.replace(/'/g, "''")}'!${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

function chartXml(c: BarChart): string {
  const str = c.categoryLabels.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('');
  const num = c.counts.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:spPr><a:solidFill><a:srgbClr val="107C41"/></a:solidFill></c:spPr><c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls><c:cat><c:strRef><c:f>${esc(absolute(c.sheet, c.categories))}</c:f><c:strCache><c:ptCount val="${c.categoryLabels.length}"/>${str}</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>${esc(absolute(c.sheet, c.values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${c.counts.length}"/>${num}</c:numCache></c:numRef></c:val></c:ser><c:gapWidth val="80"/><c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${CHART_TEXT_SIZE}"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr></c:chartSpace>`;
}

function drawingXml(c: BarChart, rid: string): string {
  const anchor = (tag: string, p: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>${anchor('from', c.from)}${anchor('to', c.to)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
}

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

function addRelationship(rels: string | null, type: string, target: string): { xml: string; id: string } {
  const base = rels ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
  const ids = [...base.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
  let n = 1;
  while (ids.includes(`rIdChart${n}`)) n++;
  const id = `rIdChart${n}`;
  return { xml: base.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`), id };
}

/** Adds the chart to the named sheet of a written workbook. */
export async function addBarChart(xlsx: Uint8Array, chart: BarChart): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const sheetTag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${esc(chart.sheet)}"`));
  const rid = sheetTag && /r:id="([^"]+)"/.exec(sheetTag)?.[1];
  if (!rid) throw new Error(`no sheet named ${chart.sheet}`);
  const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const relTag = [...wbRels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`))!;
  const target = /Target="([^"]+)"/.exec(relTag)![1]!.replace(/^\/?(xl\/)?/, '');
  const sheetPath = `xl/${target}`;
  const sheetName = sheetPath.split('/').pop()!;
  const sheetRelsPath = `xl/worksheets/_rels/${sheetName}.rels`;

  let n = 1;
  while (zip.file(`xl/charts/chart${n}.xml`) || zip.file(`xl/drawings/drawing${n}.xml`)) n++;
  zip.file(`xl/charts/chart${n}.xml`, chartXml(chart));
  zip.file(`xl/drawings/drawing${n}.xml`, drawingXml(chart, 'rId1'));
  zip.file(`xl/drawings/_rels/drawing${n}.xml.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${REL_CHART}" Target="../charts/chart${n}.xml"/></Relationships>`);
  const sheetRels = addRelationship((await zip.file(sheetRelsPath)?.async('string')) ?? null, REL_DRAWING, `../drawings/drawing${n}.xml`);
  zip.file(sheetRelsPath, sheetRels.xml);

  // <drawing> goes after the page setup elements and before legacyDrawing / tableParts / extLst.
  let sheet = await zip.file(sheetPath)!.async('string');
  const tag = `<drawing r:id="${sheetRels.id}"/>`;
  const before = ['<legacyDrawing', '<legacyDrawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>']
    .map((t) => sheet.indexOf(t))
    .filter((i) => i >= 0);
  const at = Math.min(...before);
  sheet = sheet.slice(0, at) + tag + sheet.slice(at);
  if (!/xmlns:r=/.test(sheet.slice(0, 600))) sheet = sheet.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  zip.file(sheetPath, sheet);

  let types = await zip.file('[Content_Types].xml')!.async('string');
  types = types.replace(
    '</Types>',
    `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
  );
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

