import type { Lang } from '../core/engine/findings';
import { orderedItems } from '../core/rubric/lookup';
import type { Rubric } from '../core/rubric/types';
import { caseRows, itemColumns } from './collect';
import type { ReadValue, SheetData, WorkbookData } from './model';
import { isExpertSheetName } from './names';
import { cellName, findHeader, valueAt } from './read/cells';

// Double entry of paper forms (table B.1, signed by the expert): two clerks type the same forms independently into
// copies of the expert's sheet; the two are compared cell by cell and nothing is collected until they agree — a
// single mistyped cell is caught because the other clerk did not mistype the same cell the same way.

export interface EntryDifference {
  sheet: string;
  caseId: string;
  /** The item's Chinese name, or 推荐 / 评审意见. */
  label: string;
  /** The cell in the first entry's workbook. */
  cell: string;
  first: string;
  second: string;
  message: string;
}

export interface DoubleEntryCheck {
  differences: EntryDifference[];
  /** Sheets one entry has and the other has not, or cannot be matched (header changed). */
  unmatched: string[];
}

function text(v: ReadValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return String(v).trim();
}

function expertSheets(books: readonly WorkbookData[]): Map<string, SheetData> {
  const out = new Map<string, SheetData>();
  for (const b of books)
    for (const s of b.sheets) if (isExpertSheetName(s.name) && !out.has(s.name)) out.set(s.name, s);
  return out;
}

/** Compares the first and the second entry of the same expert sheets: every score, 推荐 and 评审意见, by case. */
export function compareDoubleEntry(
  first: readonly WorkbookData[],
  second: readonly WorkbookData[],
  rubric: Rubric,
  lang: Lang = 'zh',
): DoubleEntryCheck {
  const en = lang === 'en';
  const a = expertSheets(first);
  const b = expertSheets(second);
  const out: DoubleEntryCheck = { differences: [], unmatched: [] };
  for (const name of b.keys())
    if (!a.has(name))
      out.unmatched.push(en ? `"${name}" is in the second entry only.` : `“${name}”只在第二次录入中有。`);
  for (const [name, one] of a) {
    const two = b.get(name);
    if (!two) {
      out.unmatched.push(en ? `"${name}" has no second entry.` : `“${name}”没有第二次录入。`);
      continue;
    }
    const rowsA = caseRows(one);
    const rowsB = caseRows(two);
    const colsA = itemColumns(one, rubric);
    const colsB = itemColumns(two, rubric);
    if (!rowsA || !rowsB || !colsA || !colsB) {
      out.unmatched.push(
        en ? `The header of "${name}" was changed in one entry.` : `“${name}”的表头在其中一次录入中被改动。`,
      );
      continue;
    }
    const fields = (['推荐', '评审意见'] as const).map((label) => ({
      label,
      a: findHeader(one, ['案例编号', label])?.columns.get(label),
      b: findHeader(two, ['案例编号', label])?.columns.get(label),
    }));
    const caseIds = new Set([...rowsA.keys(), ...rowsB.keys()]);
    for (const caseId of caseIds) {
      const ra = rowsA.get(caseId);
      const rb = rowsB.get(caseId);
      if (ra === undefined || rb === undefined) {
        out.unmatched.push(
          en ? `"${name}": case ${caseId} is in one entry only.` : `“${name}”：案例 ${caseId} 只在其中一次录入中有。`,
        );
        continue;
      }
      const compare = (label: string, ca: number | undefined, cb: number | undefined): void => {
        if (ca === undefined || cb === undefined) return;
        const x = text(valueAt(one, ra, ca));
        const y = text(valueAt(two, rb, cb));
        if (x === y) return;
        const cell = cellName(one, ra, ca);
        const blank = en ? '(blank)' : '（空）';
        out.differences.push({
          sheet: name,
          caseId,
          label,
          cell,
          first: x,
          second: y,
          message: en
            ? `${cell} (case ${caseId}, "${label}"): first entry ${x || blank}, second entry ${y || blank}.`
            : `${cell}（案例 ${caseId}“${label}”）：第一次录入 ${x || blank}，第二次录入 ${y || blank}。`,
        });
      };
      for (const it of orderedItems(rubric)) compare(it.name.zh, colsA.get(it.id), colsB.get(it.id));
      for (const f of fields) compare(f.label, f.a, f.b);
    }
  }
  return out;
}
