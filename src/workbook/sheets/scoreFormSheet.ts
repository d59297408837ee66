import { Decimal, toDecimal } from '../../core/exact/decimal';
import type { Rubric } from '../../core/rubric/types';
import { a1, rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { planPrint } from '../print/pagePlan';
import { wrappedHeight } from '../print/textFit';
import { landscapeFlow, RUBRIC_COLUMNS, TABLE_B1_WIDTHS, tableB1Rows } from './rubricSheet';

const WIDTH = TABLE_B1_WIDTHS.reduce((a, b) => a + b);

export interface ScoreFormInput {
  name: string;
  title: string;
  caseId: string;
  caseName: string;
  applicant: string;
  roundLabel: string;
  expertLabel: string;
  scores: Record<string, unknown>;
}

/** Table B.1 for one case, filled from one expert's row, to print and sign. */
export function scoreFormSheet(rubric: Rubric, input: ScoreFormInput): SheetSpec {
  const g = new Grid();
  g.value(1, 1, `${input.title || '科技创新成果转化评价'}　企业科技创新成果转化评分表`, 'title');
  const who = `案例编号：${input.caseId}　　案例名称：${input.caseName}　　申报单位：${input.applicant}　　轮次：${input.roundLabel}　　${input.expertLabel}`;
  g.value(2, 1, who, 'paragraph');
  RUBRIC_COLUMNS.forEach((h, i) => g.value(3, i + 1, h, 'header'));
  const merges = [rangeRef(1, 1, 1, 7), rangeRef(2, 1, 2, 7)];
  const rowHeights: Record<number, number> = { 1: 30, 2: wrappedHeight(who, WIDTH), 3: 30 };
  const print = planPrint(TABLE_B1_WIDTHS, { orientation: 'landscape', titleRows: '3:3' });
  const flow = landscapeFlow(print.scale, 30 + rowHeights[2] + 30, 30);
  const scoreCells: string[] = [];
  let total = new Decimal(0);
  const r = tableB1Rows(
    g,
    rubric,
    4,
    merges,
    rowHeights,
    (item) => {
      const raw = input.scores[item.id];
      const d = toDecimal(raw);
      if (typeof raw === 'number' && d) total = total.plus(d);
      scoreCells.push(a1(4 + scoreCells.length, 7));
      return { value: raw === undefined ? null : (raw as string | number | boolean | null), style: 'cellCenter' };
    },
    flow,
  );
  g.value(r, 1, '评委签字', 'wrapCenter');
  for (let c = 2; c <= 7; c++) g.blank(r, c, 'cellCenter');
  g.value(r, 5, '总分', 'wrapCenter');
  g.formula(r, 7, `SUM(${scoreCells[0]}:${scoreCells[scoreCells.length - 1]})`, total.toNumber(), 'subtotal');
  merges.push(rangeRef(r, 2, r, 4));
  rowHeights[r] = 40;
  g.value(r + 2, 5, '日期：______年____月____日', 'signature');
  return {
    name: input.name,
    kind: 'form',
    rows: g.rows(),
    columns: TABLE_B1_WIDTHS,
    rowHeights,
    merges,
    print: flow.breaks.length > 0 ? { ...print, breaksBefore: flow.breaks } : print,
    protection: { withPassword: true },
  };
}
