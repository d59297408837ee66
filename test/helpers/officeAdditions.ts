import { strToU8 } from 'fflate';
import { partsOf, text, zipParts, type Parts } from './zipCraft';

// What an office adds to its evaluation workbook in Excel: a chart beside the grade tables, a comment on a
// register cell, a defined name, a sheet of its own notes and a custom XML part. Written as Excel writes them,
// part by part, so a test can check that every command leaves them exactly as they were.

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheetPart(parts: Parts, name: string): string {
  const workbook = text(parts, 'xl/workbook.xml');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  const rid = new RegExp(`<sheet name="${name}" sheetId="\\d+" r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${rid}" Type="[^"]+" Target="([^"]+)"`).exec(rels)![1];
  return `xl/${target}`;
}

function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

function addRel(parts: Parts, relsPart: string, id: string, type: string, target: string): void {
  const rel = `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  parts[relsPart] = strToU8(
    parts[relsPart]
      ? text(parts, relsPart).replace('</Relationships>', `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
  );
}

/** Inserts an element into a sheet before the first of `before` (or before </worksheet>). */
function insertIntoSheet(parts: Parts, part: string, element: string, before: string[]): void {
  const xml = text(parts, part);
  const at = before.map((b) => xml.indexOf(`<${b}`)).filter((i) => i >= 0);
  const i = at.length > 0 ? Math.min(...at) : xml.lastIndexOf('</worksheet>');
  parts[part] = strToU8(xml.slice(0, i) + element + xml.slice(i));
}

export interface OfficeAdditions {
  bytes: Buffer;
  /** The parts the office added, which must keep their bytes. */
  added: string[];
  /** Sheets carrying an element that points at an added part, with that element. */
  anchors: { sheet: string; element: RegExp }[];
}

export function withOfficeAdditions(bytes: Buffer, sheets: { chartOn: string; commentOn: string }): OfficeAdditions {
  const parts = partsOf(bytes);
  let types = text(parts, '[Content_Types].xml');
  const override = (part: string, type: string): void => {
    types = types.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  };

  // A chart over the grade table, drawn on the sheet the command rewrites.
  const chartSheet = sheetPart(parts, sheets.chartOn);
  parts['xl/charts/chart1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>办公室自制：等级分布</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'${sheets.chartOn}'!$B$4:$E$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  parts['xl/drawings/drawing1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="办公室图表"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  addRel(parts, 'xl/drawings/_rels/drawing1.xml.rels', 'rId1', 'chart', '../charts/chart1.xml');
  addRel(parts, relsOf(chartSheet), 'rIdOfficeDrawing', 'drawing', '../drawings/drawing1.xml');
  insertIntoSheet(parts, chartSheet, '<drawing r:id="rIdOfficeDrawing"/>', ['legacyDrawing', 'tableParts', 'extLst']);
  override('xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  override('xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml');

  // A note on a register cell: the comments part and the legacy drawing Excel shows it with.
  const commentSheet = sheetPart(parts, sheets.commentOn);
  parts['xl/comments1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>秘书处</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>本表由秘书处维护，编号不得改动。</t></r></text></comment></commentList></comments>`,
  );
  parts['xl/drawings/vmlDrawing1.vml'] = strToU8(
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:120pt;height:40pt;z-index:1;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>1, 15, 0, 2, 3, 15, 3, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>',
  );
  addRel(parts, relsOf(commentSheet), 'rIdOfficeComments', 'comments', '../comments1.xml');
  addRel(parts, relsOf(commentSheet), 'rIdOfficeVml', 'vmlDrawing', '../drawings/vmlDrawing1.vml');
  insertIntoSheet(parts, commentSheet, '<legacyDrawing r:id="rIdOfficeVml"/>', ['tableParts', 'extLst']);
  override('xl/comments1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
  if (!/Extension="vml"/.test(types))
    types = types.replace(
      '<Default Extension="xml"',
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml"',
    );

  // A sheet of the office's own, and a defined name pointing into it.
  parts['xl/worksheets/sheet900.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>会议室：三楼 302</t></is></c><c r="B1"><v>42</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
  addRel(parts, 'xl/_rels/workbook.xml.rels', 'rIdOfficeSheet', 'worksheet', 'worksheets/sheet900.xml');
  override('xl/worksheets/sheet900.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
  let workbook = text(parts, 'xl/workbook.xml');
  workbook = workbook.replace('</sheets>', '<sheet name="秘书处备注" sheetId="900" r:id="rIdOfficeSheet"/></sheets>');
  const name = `<definedName name="会议地点">'秘书处备注'!$A$1</definedName>`;
  workbook = workbook.includes('</definedNames>')
    ? workbook.replace('</definedNames>', `${name}</definedNames>`)
    : workbook.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
  parts['xl/workbook.xml'] = strToU8(workbook);

  // Custom XML (an office's document-management tags).
  parts['customXml/item1.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><档案 xmlns="urn:office:records"><编号>2026-评-017</编号></档案>',
  );
  addRel(parts, 'xl/_rels/workbook.xml.rels', 'rIdCustom', 'customXml', '../customXml/item1.xml');

  parts['[Content_Types].xml'] = strToU8(types);
  return {
    bytes: zipParts(parts),
    added: [
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/comments1.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/worksheets/sheet900.xml',
      'customXml/item1.xml',
      relsOf(chartSheet),
      relsOf(commentSheet),
    ],
    anchors: [
      { sheet: chartSheet, element: /<drawing r:id="rIdOfficeDrawing"\/>/ },
      { sheet: commentSheet, element: /<legacyDrawing r:id="rIdOfficeVml"\/>/ },
    ],
  };
}
