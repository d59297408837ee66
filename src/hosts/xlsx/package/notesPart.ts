import { parseA1 } from '../../../workbook/address';
import { escapeXml } from './xml';

// A cell note (Excel's 批注, "comment" in SpreadsheetML): the comments part holds its text (18.7), and a legacy VML
// drawing holds the box Excel shows on hover, which Excel needs to display the note at all.

export interface Note {
  cell: string;
  text: string;
}

export const NOTES_CONTENT = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

export const NOTES_REL = {
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
} as const;

const AUTHOR = 'ceeas';

export function commentsXml(notes: readonly Note[]): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${n.cell}" authorId="0"><text><r><t xml:space="preserve">${escapeXml(n.text)}</t></r></text></comment>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${AUTHOR}</author></authors><commentList>${list}</commentList></comments>`;
}

/** The hover boxes of the notes, `shapeBase` keeping shape ids unique in the workbook (1024 per drawing). */
export function vmlXml(notes: readonly Note[], drawingNumber: number): string {
  const shapes = notes
    .map((n, i) => {
      const { row, column } = parseA1(n.cell);
      const id = drawingNumber * 1024 + i + 1;
      // Anchor: from the column right of the cell, a row above it, four columns wide and four rows tall.
      const anchor = [column, 15, Math.max(0, row - 2), 10, column + 3, 15, row + 3, 4].join(', ');
      return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:70pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${column - 1}</x:Column></x:ClientData></v:shape>`;
    })
    .join('');
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${drawingNumber}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes}</xml>`;
}
