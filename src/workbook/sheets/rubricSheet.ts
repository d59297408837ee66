import { Decimal } from '../../core/exact/decimal';
import { orderedItems } from '../../core/rubric/lookup';
import type { BonusClause, Rubric, RubricItem } from '../../core/rubric/types';
import { BAND_LABEL } from '../../core/rubric/types';
import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { CellSpec, SheetSpec } from '../model';
import { SHEET } from '../names';

export const RUBRIC_COLUMNS = [
  '一级指标',
  '一级指标参考权重',
  '二级指标',
  '二级指标参考权重',
  '评分细则',
  '考评办法',
  '得分',
];
const RULE_WIDTH = 70;

/** Weight in percent of the 100-point total: a 10-point item is 10%. */
export function percent(points: string, total: string): string {
  return `${new Decimal(points).times(100).dividedBy(total).toDecimalPlaces(2).toString()}%`;
}

/** A row tall enough for a 评分细则 text when printed (LibreOffice and Excel do not grow merged rows). */
export function ruleRowHeight(text: string): number {
  return Math.max(30, linesFor(text, RULE_WIDTH - 4) * 16 + 8);
}

/** The 评分细则 cell: the three bands as the standard prints them, then the notes (注) that concern the item. */
export function ruleText(item: RubricItem, notes: BonusClause[]): string {
  const bands = [...item.bands].sort((a, b) => new Decimal(b.min).cmp(a.min));
  const lines = bands.map((b) => `■${b.min}~${b.max}分（${BAND_LABEL[b.level].zh}）：${b.rule}`);
  for (const n of notes) lines.push(`注：${n.text}`);
  return lines.join('\n');
}

/** Rows a wrapped text needs in a column of `width` characters (a Chinese character takes two). */
function linesFor(text: string, width: number): number {
  return text.split('\n').reduce((a, line) => {
    const w = [...line].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    return a + Math.max(1, Math.ceil(w / width));
  }, 0);
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
): number {
  const items = orderedItems(rubric);
  let r = start;
  for (const group of rubric.groups) {
    const first = r;
    const groupNotes = rubric.bonuses.filter((b) => b.targetKind === 'group' && b.target === group.id);
    group.items.forEach((id, k) => {
      const item = items.find((it) => it.id === id)!;
      const notes = [
        ...(k === 0 ? groupNotes : []),
        ...rubric.bonuses.filter((b) => b.targetKind === 'item' && b.target === id),
      ];
      const text = ruleText(item, notes);
      g.value(r, 1, k === 0 ? group.name.zh : null, 'wrapCenter');
      g.value(r, 2, k === 0 ? percent(group.max, rubric.total) : null, 'wrapCenter');
      g.value(r, 3, item.name.zh, 'wrapCenter');
      g.value(r, 4, percent(item.max, rubric.total), 'wrapCenter');
      g.value(r, 5, text, 'wrap');
      g.value(r, 6, item.evidence, 'wrap');
      g.set(r, 7, score(item));
      rowHeights[r] = ruleRowHeight(text);
      r++;
    });
    if (r - 1 > first) merges.push(rangeRef(first, 1, r - 1, 1), rangeRef(first, 2, r - 1, 2));
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
  const r = tableB1Rows(g, rubric, 4, merges, rowHeights, () => ({ style: 'cellCenter' }));
  g.value(r, 1, '评委签字', 'wrapCenter');
  for (let c = 2; c <= 7; c++) g.blank(r, c, 'cellCenter');
  g.value(r, 5, '总分', 'wrapCenter');
  merges.push(rangeRef(r, 2, r, 4), rangeRef(r, 6, r, 7));
  rowHeights[r] = 40;
  const legend = r + 2;
  const step = '各二级指标得分为整数，不超过该指标满分；一级指标得分为其二级指标得分之和，总分满分 100 分。';
  g.value(legend, 1, `说明：${step}“注”所列情形为可在相应分数段评分的条款，由专家依据证明材料判断。`, 'note');
  merges.push(rangeRef(legend, 1, legend, 7));
  rowHeights[legend] = 36;
  return {
    name: SHEET.rubric,
    kind: 'rubric',
    rows: g.rows(),
    columns: [10, 10, 14, 10, RULE_WIDTH, 30, 8],
    rowHeights,
    merges,
    freeze: { rows: 3, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: '3:3' },
    protection: { withPassword: true },
  };
}
