import type { SheetData } from '../model';
import { cellName, textAt } from './cells';

/**
 * What an expert sheet says it is: its title, and the round and expert above the table — the line
 * "轮次：初评　专家编号：E01　…", or the cells 轮次 | 初评 | 专家编号 | E01 of sheets made before it.
 */
export function sheetIdentity(
  s: SheetData,
): { title: string; round: string; expert: string; row: number; cell: string } | null {
  for (let r = 1; r <= Math.min(10, s.values.length); r++) {
    const row = s.values[r - 1] ?? [];
    if (textAt(s, r, 1) === '轮次' && textAt(s, r, 3) === '专家编号')
      return {
        title: titleAbove(s, r),
        round: textAt(s, r, 2),
        expert: textAt(s, r, 4),
        row: r,
        cell: cellName(s, r, 4),
      };
    for (let c = 1; c <= row.length; c++) {
      const m = /^轮次：(\S*)\s+专家编号：(\S*)/.exec(textAt(s, r, c));
      if (m) return { title: titleAbove(s, r), round: m[1], expert: m[2], row: r, cell: cellName(s, r, c) };
    }
  }
  return null;
}

/** The first text of the nearest non-empty row above `r`: the sheet's title. */
function titleAbove(s: SheetData, r: number): string {
  for (let t = r - 1; t >= 1; t--) {
    const row = s.values[t - 1] ?? [];
    for (let c = 1; c <= row.length; c++) if (textAt(s, t, c) !== '') return textAt(s, t, c);
  }
  return '';
}
