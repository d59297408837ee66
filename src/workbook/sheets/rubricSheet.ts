import { Decimal } from '../../core/exact/decimal';
import { orderedItems } from '../../core/rubric/lookup';
import type { BonusClause, Rubric, RubricItem } from '../../core/rubric/types';
import { BAND_LABEL } from '../../core/rubric/types';
import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { CellSpec, SheetSpec } from '../model';
import { SHEET } from '../names';
import { planPrint, PRINTABLE_HEIGHT } from '../print/pagePlan';
import { wrappedHeight } from '../print/textFit';

export const RUBRIC_COLUMNS = [
  '一级指标',
  '一级指标参考权重',
  '二级指标',
  '二级指标参考权重',
  '评分细则',
  '考评办法',
  '得分',
];
/** Widths of table B.1's columns: 128 units print landscape at 85 %, the smallest scale that keeps 9 pt text. */
export const TABLE_B1_WIDTHS = [8, 8, 12, 8, 60, 26, 6];

/**
 * Where table B.1 stands on the printed page, so that a group's merged 一级指标 cells never straddle a page break:
 * a group that does not fit on the rest of a page starts the next one; a group taller than a page is split between
 * items, its label written again (续) where the next page starts.
 */
export interface PageFlow {
  /** Points of rows a page holds at the sheet's scale. */
  capacity: number;
  /** Points already used on the current page. */
  used: number;
  /** Points of the title rows repeated at the top of every page. */
  repeated: number;
  /** Rows before which the table breaks, filled in. */
  breaks: number[];
}

/** The page flow of a landscape sheet printed at `scale` whose first page starts with `head` points of rows. */
export function landscapeFlow(scale: number, head: number, repeated: number): PageFlow {
  return { capacity: (PRINTABLE_HEIGHT.landscape * 100) / scale - 12, used: head, repeated, breaks: [] };
}

/** Weight in percent of the 100-point total: a 10-point item is 10%. */
export function percent(points: string, total: string): string {
  return `${new Decimal(points).times(100).dividedBy(total).toDecimalPlaces(2).toString()}%`;
}

/** A row tall enough for a 评分细则 text when printed (LibreOffice and Excel do not grow merged rows). */
export function ruleRowHeight(text: string): number {
  return Math.max(30, wrappedHeight(text, TABLE_B1_WIDTHS[4]));
}

/** The 评分细则 cell: the three bands as the standard prints them, then the notes (注) that concern the item. */
export function ruleText(item: RubricItem, notes: BonusClause[]): string {
  const bands = [...item.bands].sort((a, b) => new Decimal(b.min).cmp(a.min));
  const lines = bands.map((b) => `■${b.min}~${b.max}分（${BAND_LABEL[b.level].zh}）：${b.rule}`);
  for (const n of notes) lines.push(`注：${n.text}`);
  return lines.join('\n');
}

/**
 * The item rows of table B.1 from `start`: groups with their weights merged over their items, then each item's
 * weight, bands and notes, evidence methods and the 得分 cell that `score` describes. Returns the next free row.
 */
export function tableB1Rows(
  g: Grid,
  rubric: Rubric,
  start: number,
  merges: string[],
  rowHeights: Record<number, number>,
  score: (item: RubricItem) => CellSpec,
  flow: PageFlow,
): number {
  const items = orderedItems(rubric);
  let r = start;
  for (const group of rubric.groups) {
    const groupNotes = rubric.bonuses.filter((b) => b.targetKind === 'group' && b.target === group.id);
    const rows = group.items.map((id, k) => {
      const item = items.find((it) => it.id === id)!;
      const notes = [
        ...(k === 0 ? groupNotes : []),
        ...rubric.bonuses.filter((b) => b.targetKind === 'item' && b.target === id),
      ];
      const text = ruleText(item, notes);
      const height = Math.max(ruleRowHeight(text), wrappedHeight(item.evidence, TABLE_B1_WIDTHS[5]));
      return { item, text, height };
    });
    const total = rows.reduce((a, x) => a + x.height, 0);
    if (flow.used + total > flow.capacity && flow.used > flow.repeated && flow.repeated + total <= flow.capacity) {
      flow.breaks.push(r);
      flow.used = flow.repeated;
    }
    // Each run of the group's rows on one page is one merged label.
    let first = r;
    const label = (at: number, continued: boolean): void => {
      g.value(at, 1, continued ? `${group.name.zh}（续）` : group.name.zh, 'wrapCenter');
      g.value(at, 2, percent(group.max, rubric.total), 'wrapCenter');
    };
    const closeRun = (): void => {
      if (r - 1 > first) merges.push(rangeRef(first, 1, r - 1, 1), rangeRef(first, 2, r - 1, 2));
    };
    rows.forEach(({ item, text, height }, k) => {
      if (k > 0 && flow.used + height > flow.capacity) {
        closeRun();
        flow.breaks.push(r);
        flow.used = flow.repeated;
        first = r;
        label(r, true);
      } else if (k === 0) label(r, false);
      else {
        g.blank(r, 1, 'wrapCenter');
        g.blank(r, 2, 'wrapCenter');
      }
      g.value(r, 3, item.name.zh, 'wrapCenter');
      g.value(r, 4, percent(item.max, rubric.total), 'wrapCenter');
      g.value(r, 5, text, 'wrap');
      g.value(r, 6, item.evidence, 'wrap');
      g.set(r, 7, score(item));
      rowHeights[r] = height;
      flow.used += height;
      r++;
    });
    closeRun();
  }
  return r;
}

/** 评分标准: table B.1 of Appendix B as the standard prints it, with the signature and total lines. */
export function rubricSheet(rubric: Rubric): SheetSpec {
  const g = new Grid();
  g.value(1, 1, '附录 B　企业科技创新成果转化评分表', 'title');
  g.value(2, 1, `表 B.1　${rubric.title.zh}（申报成果按本表给定规则进行量化打分）`, 'subtitle');
  RUBRIC_COLUMNS.forEach((h, i) => g.value(3, i + 1, h, 'header'));
  const merges = [rangeRef(1, 1, 1, 7), rangeRef(2, 1, 2, 7)];
  const rowHeights: Record<number, number> = { 1: 30, 2: 22, 3: 30 };
  const print = planPrint(TABLE_B1_WIDTHS, { orientation: 'landscape', titleRows: '3:3' });
  const flow = landscapeFlow(print.scale, 82, 30);
  const r = tableB1Rows(g, rubric, 4, merges, rowHeights, () => ({ style: 'cellCenter' }), flow);
  g.value(r, 1, '评委签字', 'wrapCenter');
  for (let c = 2; c <= 7; c++) g.blank(r, c, 'cellCenter');
  g.value(r, 5, '总分', 'wrapCenter');
  merges.push(rangeRef(r, 2, r, 4), rangeRef(r, 6, r, 7));
  rowHeights[r] = 40;
  const legend = r + 2;
  const step = '各二级指标得分为整数，不超过该指标满分；一级指标得分为其二级指标得分之和，总分满分 100 分。';
  const explanation = `说明：${step}“注”所列情形为可在相应分数段评分的条款，由专家依据证明材料判断。`;
  g.value(legend, 1, explanation, 'note');
  merges.push(rangeRef(legend, 1, legend, 7));
  rowHeights[legend] = wrappedHeight(
    explanation,
    TABLE_B1_WIDTHS.reduce((a, b) => a + b),
  );
  return {
    name: SHEET.rubric,
    kind: 'rubric',
    rows: g.rows(),
    columns: TABLE_B1_WIDTHS,
    rowHeights,
    merges,
    freeze: { rows: 3, columns: 0 },
    print: flow.breaks.length > 0 ? { ...print, breaksBefore: flow.breaks } : print,
    protection: { withPassword: true },
  };
}
