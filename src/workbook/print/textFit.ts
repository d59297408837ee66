import { POINTS_PER_WIDTH_UNIT } from './pagePlan';

// Row heights for wrapped text. Neither host grows a row to fit its text when the height is set, and merged cells
// never grow, so a builder that wraps a long text sets the height itself, from the text and the width it wraps in.

/**
 * Width a character takes at `points` size: Chinese characters and full-width forms are square; others are taken
 * as wide as LibreOffice prints digits in the font it puts for 等线 (0.68 em), wider than most Latin letters.
 */
function charWidth(ch: string, points: number): number {
  const code = ch.codePointAt(0)!;
  const wide =
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x3000 && code <= 0x303f);
  return wide ? points : points * 0.68;
}

/** Lines a text takes wrapped in a cell `widthUnits` wide (column width units), each explicit line break kept. */
export function wrappedLines(text: string, widthUnits: number, points = 11): number {
  const available = widthUnits * POINTS_PER_WIDTH_UNIT - 6;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const ch of paragraph) {
      const w = charWidth(ch, points);
      if (line + w > available && line > 0) {
        count++;
        line = 0;
      }
      line += w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** The row height (points) a wrapped text needs, with some room to spare for another program's font. */
export function wrappedHeight(text: string, widthUnits: number, points = 11): number {
  return Math.ceil(wrappedLines(text, widthUnits * 0.92, points) * points * 1.45 + 6);
}

/** A row tall enough for each of its wrapped texts (text, column width), at least the 18 pt of one line. */
export function rowHeightFor(...texts: [string, number][]): number {
  return Math.max(18, ...texts.map(([text, width]) => wrappedHeight(text, width)));
}
