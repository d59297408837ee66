import { orderedItems } from '../../core/rubric/lookup';
import type { Rubric } from '../../core/rubric/types';
import { columnLetter } from '../address';

/**
 * Where things are on an expert scoring sheet. The builder, the reader and the 复核 formulas all take positions
 * from here; the reader also re-finds columns by their headers, so a sheet edited by hand still reads.
 */
export interface ExpertLayout {
  headerRow: number;
  firstRow: number;
  colIndex: 1;
  colCase: 2;
  colName: 3;
  colApplicant: 4;
  /** First item column; items follow in table B.1 order. */
  colFirstItem: number;
  itemColumns: Record<string, number>;
  groupColumns: Record<string, number>;
  colTotal: number;
  colCheck: number;
  colRecused: number;
  colHint: number;
  /** 推荐: whether the expert recommends the case for the next round (9.2), optional. */
  colRecommend: number;
  /** 评审意见: the expert's remarks on the case, free text, optional. */
  colComment: number;
  lastColumn: number;
}

export function expertLayout(rubric: Rubric): ExpertLayout {
  const items = orderedItems(rubric);
  const colFirstItem = 5;
  const itemColumns: Record<string, number> = {};
  items.forEach((it, i) => (itemColumns[it.id] = colFirstItem + i));
  const groupColumns: Record<string, number> = {};
  rubric.groups.forEach((g, i) => (groupColumns[g.id] = colFirstItem + items.length + i));
  const colTotal = colFirstItem + items.length + rubric.groups.length;
  return {
    headerRow: 5,
    firstRow: 6,
    colIndex: 1,
    colCase: 2,
    colName: 3,
    colApplicant: 4,
    colFirstItem,
    itemColumns,
    groupColumns,
    colTotal,
    colCheck: colTotal + 1,
    colRecused: colTotal + 2,
    colHint: colTotal + 3,
    colRecommend: colTotal + 4,
    colComment: colTotal + 5,
    lastColumn: colTotal + 5,
  };
}

export function itemRange(layout: ExpertLayout, rubric: Rubric, row: number): string {
  const n = orderedItems(rubric).length;
  return `${columnLetter(layout.colFirstItem)}${row}:${columnLetter(layout.colFirstItem + n - 1)}${row}`;
}
