#!/usr/bin/env node
'use strict';
/**
 * Builds tests/fixtures/rich/: real tables (seed002) in a workbook that also holds what offices keep in
 * their workbooks and what a copy must not lose — a chart and an image (DrawingML), a pivot table with its
 * cache, VBA (an .xlsm), threaded comments with their persons, custom document properties (a 密级 label),
 * an external link and a formula using it, sparklines, conditional formats, data validation, hyperlinks,
 * named cell styles, a plain-text note and a formatted note, workbook protection, and sheets protected
 * the Excel way (legacy password, modern hash) and the LibreOffice way (sheet="true").
 *   node scripts/build-rich-fixture.js
 */
const fs = require('node:fs');
const path = require('node:path');
const JSZip = require('jszip');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'tests', 'fixtures', 'rich');
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function insertBefore(xml, marker, text) {
  const i = xml.indexOf(marker);
  if (i < 0) throw new Error(`no ${marker}`);
  return xml.slice(0, i) + text + xml.slice(i);
}

function addRel(xml, id, type, target, external) {
  return insertBefore(xml, '</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`);
}

const emptyRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

async function build(macro) {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'seed002.xlsx')));
  const text = (p) => zip.file(p).async('string');
  let types = await text('[Content_Types].xml');
  let wbRels = await text('xl/_rels/workbook.xml.rels');
  let wb = await text('xl/workbook.xml');
  const override = (part, type) => (types = insertBefore(types, '</Types>', `<Override PartName="/${part}" ContentType="${type}"/>`));

  // 风险防控治理 (sheet3): marked by the check. A chart and an image over it, sparklines, a conditional
  // format, a data validation and a hyperlink in it, and a note of the user's with formatting on G20.
  let s3 = await text('xl/worksheets/sheet3.xml');
  s3 = s3.replace('<worksheet ', `<worksheet xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" `);
  const tail = `<conditionalFormatting sqref="H13:H19"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>5</formula></cfRule></conditionalFormatting>` +
    `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" sqref="G21"><formula1>"优,良,中,差"</formula1></dataValidation></dataValidations>` +
    `<hyperlinks><hyperlink ref="B3" r:id="rIdLink" display="项目库"/></hyperlinks>`;
  s3 = s3.includes('<pageMargins') ? insertBefore(s3, '<pageMargins', tail) : insertBefore(s3, '</worksheet>', tail);
  s3 = insertBefore(s3, '</worksheet>',
    `<drawing r:id="rIdDrawing"/><legacyDrawing r:id="rIdVml"/>` +
    `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>'风险防控治理'!G13:H13</xm:f><xm:sqref>A23</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`);
  zip.file('xl/worksheets/sheet3.xml', s3);
  let s3rels = emptyRels;
  s3rels = addRel(s3rels, 'rIdDrawing', `${R}/drawing`, '../drawings/drawing1.xml');
  s3rels = addRel(s3rels, 'rIdVml', `${R}/vmlDrawing`, '../drawings/vmlDrawing9.vml');
  s3rels = addRel(s3rels, 'rIdComments', `${R}/comments`, '../comments9.xml');
  s3rels = addRel(s3rels, 'rIdThreaded', 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml');
  s3rels = addRel(s3rels, 'rIdLink', `${R}/hyperlink`, 'https://www.example.gov.cn/xmk', true);
  zip.file('xl/worksheets/_rels/sheet3.xml.rels', s3rels);

  // The user's notes: a formatted one on G20 and a threaded comment on E6, both cells the check marks.
  zip.file('xl/comments9.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>王会计</author><author>tc={6B1D3C1E-1C5E-4A0E-9F7E-2D1C1B0A0001}</author></authors><commentList>` +
    `<comment ref="G20" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>王会计:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">
分值按局里口径填报</t></r></text></comment>` +
    `<comment ref="E6" authorId="1" shapeId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    超预算部分已报追加预算</t></text></comment>` +
    `</commentList></comments>`);
  zip.file('xl/drawings/vmlDrawing9.vml', `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="3"/></o:shapelayout>
 <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
 <v:shape id="_x0000_s3073" type="#_x0000_t202" style="position:absolute;margin-left:400pt;margin-top:300pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>8, 15, 19, 2, 10, 15, 23, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>19</x:Row><x:Column>6</x:Column></x:ClientData></v:shape>
 <v:shape id="_x0000_s3074" type="#_x0000_t202" style="position:absolute;margin-left:100pt;margin-top:30pt;width:108pt;height:59.25pt;z-index:2;visibility:hidden" fillcolor="infoBackground [80]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>5, 15, 5, 2, 7, 15, 9, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>5</x:Row><x:Column>4</x:Column></x:ClientData></v:shape>
</xml>`);
  zip.file('xl/threadedComments/threadedComment1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="E6" dT="2024-03-01T09:00:00.00" personId="{5F2B7A3C-1111-4A2B-8C3D-000000000001}" id="{6B1D3C1E-1C5E-4A0E-9F7E-2D1C1B0A0001}"><text>超预算部分已报追加预算</text></threadedComment></ThreadedComments>`);
  zip.file('xl/persons/person.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="李审核" id="{5F2B7A3C-1111-4A2B-8C3D-000000000001}" userId="li.shenhe@example.gov.cn" providerId="AD"/></personList>`);
  wbRels = addRel(wbRels, 'rIdPersons', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml');
  override('xl/comments9.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
  override('xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml');
  override('xl/persons/person.xml', 'application/vnd.ms-excel.person+xml');
  if (!types.includes('Extension="vml"')) types = insertBefore(types, '</Types>', '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
  types = insertBefore(types, '</Types>', '<Default Extension="png" ContentType="image/png"/>');

  // A chart of the indicator scores and the product's icon, in one drawing.
  zip.file('xl/drawings/drawing1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>17</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
    `<xdr:oneCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="304800" cy="304800"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="图片 2"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`);
  zip.file('xl/drawings/_rels/drawing1.xml.rels', addRel(addRel(emptyRels, 'rId1', `${R}/chart`, '../charts/chart1.xml'), 'rId2', `${R}/image`, '../media/image1.png'));
  zip.file('xl/media/image1.png', fs.readFileSync(path.join(root, 'assets', 'icon-32.png')));
  zip.file('xl/charts/chart1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>指标得分</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'风险防控治理'!$D$13:$D$19</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'风险防控治理'!$H$13:$H$19</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`);
  override('xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml');
  override('xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');

  // A pivot table over the funds rows of 巡查员工作经费, on a sheet of its own.
  zip.file('xl/pivotCache/pivotCacheDefinition1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshedBy="王会计" refreshedDate="45352.5" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="B6:C7" sheet="巡查员工作经费"/></cacheSource><cacheFields count="2"><cacheField name="资金" numFmtId="0"><sharedItems count="2"><s v="年度资金总额"/><s v="其中：当年财政拨款"/></sharedItems></cacheField><cacheField name="年初预算数" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="0" maxValue="200"/></cacheField></cacheFields></pivotCacheDefinition>`);
  zip.file('xl/pivotCache/pivotCacheRecords1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${MAIN}" count="2"><r><x v="0"/><n v="148.79"/></r><r><x v="1"/><n v="148.79"/></r></pivotCacheRecords>`);
  zip.file('xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', addRel(emptyRels, 'rId1', `${R}/pivotCacheRecords`, 'pivotCacheRecords1.xml'));
  zip.file('xl/pivotTables/pivotTable1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="求和项:年初预算数" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`);
  zip.file('xl/pivotTables/_rels/pivotTable1.xml.rels', addRel(emptyRels, 'rId1', `${R}/pivotCacheDefinition`, '../pivotCache/pivotCacheDefinition1.xml'));
  zip.file('xl/worksheets/sheet12.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>行标签</t></is></c><c r="B3" t="inlineStr"><is><t>求和项:年初预算数</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>年度资金总额</t></is></c><c r="B4"><v>148.79</v></c></row></sheetData></worksheet>`);
  zip.file('xl/worksheets/_rels/sheet12.xml.rels', addRel(emptyRels, 'rId1', `${R}/pivotTable`, '../pivotTables/pivotTable1.xml'));
  override('xl/pivotCache/pivotCacheDefinition1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml');
  override('xl/pivotCache/pivotCacheRecords1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml');
  override('xl/pivotTables/pivotTable1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml');
  override('xl/worksheets/sheet12.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
  wbRels = addRel(wbRels, 'rIdPivotSheet', `${R}/worksheet`, 'worksheets/sheet12.xml');
  wbRels = addRel(wbRels, 'rIdPivotCache', `${R}/pivotCacheDefinition`, 'pivotCache/pivotCacheDefinition1.xml');

  // An external link, and a formula in 走访 (sheet2) that uses it.
  zip.file('xl/externalLinks/externalLink1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="预算"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>7.88</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`);
  zip.file('xl/externalLinks/_rels/externalLink1.xml.rels', addRel(emptyRels, 'rId1', `${R}/externalLinkPath`, '预算汇总.xlsx', true));
  override('xl/externalLinks/externalLink1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml');
  wbRels = addRel(wbRels, 'rIdExt', `${R}/externalLink`, 'externalLinks/externalLink1.xml');
  let s2 = await text('xl/worksheets/sheet2.xml');
  s2 = s2.replace(/<row r="23"[\s\S]*?<\/row>|(<\/sheetData>)/, (m, close) => (close ? `<row r="24"><c r="A24"><f>[1]预算!$A$1</f><v>7.88</v></c></row></sheetData>` : m));
  // The user's own plain-text note (no runs) on 走访's A24.
  zip.file('xl/worksheets/sheet2.xml', insertBefore(s2, '</worksheet>', '<legacyDrawing r:id="rIdVml2"/>'));
  zip.file('xl/worksheets/_rels/sheet2.xml.rels', addRel(addRel(emptyRels, 'rIdVml2', `${R}/vmlDrawing`, '../drawings/vmlDrawing10.vml'), 'rIdComments2', `${R}/comments`, '../comments10.xml'));
  zip.file('xl/comments10.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>LibreOffice</author></authors><commentList><comment ref="A24" authorId="0"><text><t>取自预算汇总表</t></text></comment></commentList></comments>`);
  zip.file('xl/drawings/vmlDrawing10.vml', `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="4"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/><v:shape id="_x0000_s4097" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>23</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`);
  override('xl/comments10.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');

  // Custom document properties: where 密级 labels live.
  zip.file('docProps/custom.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="保密期限"><vt:lpwstr>长期</vt:lpwstr></property></Properties>`);
  override('docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml');
  zip.file('_rels/.rels', addRel(await text('_rels/.rels'), 'rIdCustom', `${R}/custom-properties`, 'docProps/custom.xml'));

  // Sheets protected three ways: a legacy password (安全宣传), a modern hash (应急救援), LibreOffice's sheet="true" (联管大队整治经费).
  const protect = async (part, el) => {
    const x = await text(part);
    zip.file(part, x.includes('<mergeCells') ? insertBefore(x, '<mergeCells', el) : insertBefore(x, '</worksheet>', el));
  };
  await protect('xl/worksheets/sheet4.xml', '<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>');
  await protect('xl/worksheets/sheet5.xml', '<sheetProtection algorithmName="SHA-512" hashValue="c2VsZmV2YWwgdGVzdCBoYXNoIG9mIGEgcGFzc3dvcmQgLS0gbm90IHJlYWw=" saltValue="c2FsdHNhbHRzYWx0c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>');
  await protect('xl/worksheets/sheet6.xml', '<sheetProtection sheet="true" objects="true" scenarios="true"/>');

  // Named cell styles (Excel's Bad / Good / Neutral and a 标题), and a dxf for the conditional format.
  let styles = await text('xl/styles.xml');
  styles = styles.replace(/<cellStyleXfs count="1">([\s\S]*?)<\/cellStyleXfs>/, (_m, inner) => `<cellStyleXfs count="5">${inner}<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0"/></cellStyleXfs>`);
  styles = styles.replace(/<cellStyles count="1">([\s\S]*?)<\/cellStyles>/, (_m, inner) => `<cellStyles count="5">${inner}<cellStyle name="Bad" xfId="1" builtinId="27"/><cellStyle name="Good" xfId="2" builtinId="26"/><cellStyle name="Neutral" xfId="3" builtinId="28"/><cellStyle name="标题" xfId="4" builtinId="15"/></cellStyles>`);
  styles = styles.replace(/<dxfs count="0"\/>|<dxfs count="0"><\/dxfs>/, '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs>');
  zip.file('xl/styles.xml', styles);

  // The workbook: the pivot sheet and cache, the external reference, protection of its windows.
  wb = insertBefore(wb, '</sheets>', '<sheet name="透视" sheetId="12" r:id="rIdPivotSheet"/>');
  wb = wb.replace('<calcPr', '<externalReferences><externalReference r:id="rIdExt"/></externalReferences><calcPr');
  wb = insertBefore(wb, '</workbook>', '<pivotCaches><pivotCache cacheId="7" r:id="rIdPivotCache"/></pivotCaches>');
  wb = wb.replace('<sheets>', '<workbookProtection lockWindows="1"/><sheets>');

  if (macro) {
    // An .xlsm: its workbook content type and its VBA project (a stand-in binary, kept byte for byte).
    types = types.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    types = insertBefore(types, '</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919 + 13) & 0xff;
    bin.write('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1', 0, 'latin1');
    zip.file('xl/vbaProject.bin', bin);
    wbRels = addRel(wbRels, 'rIdVba', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin');
    wb = wb.replace('<workbookPr ', '<workbookPr codeName="ThisWorkbook" ');
  }
  zip.file('xl/workbook.xml', wb);
  zip.file('xl/_rels/workbook.xml.rels', wbRels);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'rich.xlsx'), await build(false));
  fs.writeFileSync(path.join(out, 'rich.xlsm'), await build(true));
  console.log(`wrote ${path.join(out, 'rich.xlsx')} and rich.xlsm`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
