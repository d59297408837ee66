import { GRADES } from '../../core/engine/grade';
import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec, ValidationSpec } from '../model';
import { SHEET } from '../names';
import { planPrint } from '../print/pagePlan';
import { rowHeightFor } from '../print/textFit';

export const OBJECTION_COLUMNS = [
  '异议编号',
  '收到日期',
  '异议人（实名）',
  '联系方式',
  '提出形式',
  '所涉案例编号',
  '异议内容',
  '是否受理',
  '不予受理原因',
  '处理结果',
  '处理说明',
  '调整前等级',
  '调整后等级',
  '处理日期',
] as const;

const OBJECTION_WIDTHS = [9, 10, 12, 14, 8, 10, 30, 8, 18, 10, 24, 9, 9, 10];

export type ObjectionRow = Record<(typeof OBJECTION_COLUMNS)[number], string>;

const BLANK_ROWS = 50;

function list(values: readonly string[], title: string): ValidationSpec {
  return {
    type: 'list',
    list: [...values],
    allowBlank: true,
    errorTitle: title,
    error: `请从下拉列表中选择：${values.join('、')}。`,
  };
}

/** 异议登记: the register of objections a clerk keeps (9.4.2–9.4.3); existing rows are carried over verbatim. */
export function objectionsSheet(existing: ObjectionRow[]): SheetSpec {
  const g = new Grid();
  OBJECTION_COLUMNS.forEach((h, i) => g.value(1, i + 1, h, 'header'));
  // The free-text columns wrap; the rest are short entries.
  const style = (h: (typeof OBJECTION_COLUMNS)[number]): 'inputWrap' | 'inputText' =>
    h === '异议内容' || h === '不予受理原因' || h === '处理说明' || h === '异议人（实名）' || h === '联系方式'
      ? 'inputWrap'
      : 'inputText';
  const rowHeights: Record<number, number> = { 1: 34 };
  existing.forEach((row, i) => {
    OBJECTION_COLUMNS.forEach((h, c) => g.value(i + 2, c + 1, row[h] ?? '', style(h), { locked: false }));
    rowHeights[i + 2] = rowHeightFor(
      ...OBJECTION_COLUMNS.map((h, c): [string, number] => [row[h] ?? '', OBJECTION_WIDTHS[c]]),
    );
  });
  const last = existing.length + 1 + BLANK_ROWS;
  for (let r = existing.length + 2; r <= last; r++) {
    OBJECTION_COLUMNS.forEach((h, c) => g.blank(r, c + 1, style(h), { locked: false }));
  }
  const col = (name: (typeof OBJECTION_COLUMNS)[number]): number => OBJECTION_COLUMNS.indexOf(name) + 1;
  const range = (name: (typeof OBJECTION_COLUMNS)[number]): string => rangeRef(2, col(name), last, col(name));
  return {
    name: SHEET.objections,
    kind: 'objections',
    rows: g.rows(),
    columns: OBJECTION_WIDTHS,
    rowHeights,
    tables: [{ name: 'Objections', ref: rangeRef(1, 1, last, OBJECTION_COLUMNS.length) }],
    validations: [
      { ref: range('提出形式'), rule: list(['书面', '口头', '电子邮件', '其他'], '提出形式') },
      { ref: range('是否受理'), rule: list(['受理', '不予受理'], '是否受理') },
      { ref: range('处理结果'), rule: list(['驳回', '重新评议', '调整等级', '处理中'], '处理结果') },
      { ref: range('调整前等级'), rule: list(GRADES, '等级') },
      { ref: range('调整后等级'), rule: list(GRADES, '等级') },
    ],
    freeze: { rows: 1, columns: 1 },
    print: planPrint(OBJECTION_WIDTHS, { orientation: 'landscape', titleRows: '1:1', titleColumns: [1, 1] }),
  };
}
