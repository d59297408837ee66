import { Decimal, toDecimal } from '../../core/exact/decimal';
import { bandSummary, orderedItems } from '../../core/rubric/lookup';
import { ROUND_NAMES, type CaseInfo, type ExpertInfo, type Panel, type RoundId } from '../../core/panel/types';
import { a1, columnLetter, rangeRef } from '../address';
import { Grid } from '../grid';
import { CHECK_OK, RECUSED, YES } from '../labels';
import type { CellValue, ConditionalFormat, RangeValidation, SheetSpec, ValidationSpec } from '../model';
import { expertSheetName } from '../names';
import { planPrint } from '../print/pagePlan';
import { rowHeightFor, wrappedHeight } from '../print/textFit';
import { expertLayout, itemRange, type ExpertLayout } from './expertLayout';

export const CHECK_TEXT = {
  recused: RECUSED,
  empty: '未填写',
  text: '有非数字',
  partial: '未填完',
  range: '超出范围',
  step: '分值步长不符',
  ok: CHECK_OK,
} as const;

export interface ExpertSheetInput {
  panel: Panel;
  round: RoundId;
  expert: ExpertInfo;
  /** The cases of the round, in register order. */
  cases: CaseInfo[];
  /** Scores already typed (from a panel file or a returned workbook), by case id. */
  scores: Map<string, Record<string, unknown>>;
  /** 推荐 marks already given, by case id. */
  recommend?: Map<string, boolean>;
  /** 评审意见 already written, by case id. */
  comments?: Map<string, string>;
  recused: Set<string>;
  /** The sheet's name; expertSheetNames() keeps names unique across a workbook. */
  sheetName?: string;
}

/** The per-row check an expert sees without the add-in; the same words as the engine's findings, shorter. */
export function checkFormula(panel: Panel, layout: ExpertLayout, row: number): string {
  const items = orderedItems(panel.rubric);
  const range = itemRange(layout, panel.rubric, row);
  const cell = (id: string): string => a1(row, layout.itemColumns[id]);
  const over = items.map((it) => `${cell(it.id)}>${it.max}`).join(',');
  const step = panel.policy.scoreStep;
  const stepTest = step.eq(1)
    ? items.map((it) => `INT(${cell(it.id)})<>${cell(it.id)}`).join(',')
    : items.map((it) => `ROUND(${cell(it.id)}/${step.toString()},0)*${step.toString()}<>${cell(it.id)}`).join(',');
  const recused = a1(row, layout.colRecused);
  return (
    `IF(${recused}="${RECUSED}","${CHECK_TEXT.recused}",` +
    `IF(COUNTA(${range})=0,"${CHECK_TEXT.empty}",` +
    `IF(COUNT(${range})<COUNTA(${range}),"${CHECK_TEXT.text}",` +
    `IF(COUNT(${range})<${items.length},"${CHECK_TEXT.partial}",` +
    `IF(OR(MIN(${range})<0,${over}),"${CHECK_TEXT.range}",` +
    `IF(OR(${stepTest}),"${CHECK_TEXT.step}","${CHECK_TEXT.ok}"))))))`
  );
}

/** The sum of columns from..to of a row, shown only once the row's check passes. */
export function sumFormula(layout: ExpertLayout, row: number, from: number, to: number): string {
  return `IF(${a1(row, layout.colCheck)}="${CHECK_OK}",SUM(${rangeRef(row, from, row, to)}),"")`;
}

/** The formulas an expert sheet row must hold, by column, for the builder and for the tamper check. */
export function rowFormulas(
  panel: Panel,
  layout: ExpertLayout,
  row: number,
): Map<number, { formula: string; label: string }> {
  const out = new Map<number, { formula: string; label: string }>();
  for (const grp of panel.rubric.groups) {
    const cols = grp.items.map((id) => layout.itemColumns[id]);
    out.set(layout.groupColumns[grp.id], {
      formula: sumFormula(layout, row, Math.min(...cols), Math.max(...cols)),
      label: `${grp.name.zh}小计`,
    });
  }
  const n = orderedItems(panel.rubric).length;
  out.set(layout.colTotal, {
    formula: sumFormula(layout, row, layout.colFirstItem, layout.colFirstItem + n - 1),
    label: '总分',
  });
  out.set(layout.colCheck, { formula: checkFormula(panel, layout, row), label: '检查' });
  return out;
}

/** What checkFormula evaluates to, for the cached value a workbook carries until it is recalculated. */
export function checkValue(panel: Panel, values: unknown[], recused: boolean): string {
  if (recused) return CHECK_TEXT.recused;
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (present.length === 0) return CHECK_TEXT.empty;
  const numbers = present.filter((v) => typeof v === 'number');
  if (numbers.length < present.length) return CHECK_TEXT.text;
  if (numbers.length < values.length) return CHECK_TEXT.partial;
  const items = orderedItems(panel.rubric);
  const ds = values.map((v) => toDecimal(v)!);
  if (ds.some((d, i) => d.isNegative() || d.gt(items[i].max))) return CHECK_TEXT.range;
  if (ds.some((d) => !d.mod(panel.policy.scoreStep).isZero())) return CHECK_TEXT.step;
  return CHECK_TEXT.ok;
}

function itemValidation(panel: Panel, itemId: string): ValidationSpec {
  const item = panel.rubric.items.find((it) => it.id === itemId)!;
  const step = panel.policy.scoreStep;
  const bands = bandSummary(item, 'zh');
  const kind = step.eq(1) ? '整数' : `${step.toString()} 的整数倍`;
  const base = {
    allowBlank: true,
    errorTitle: '得分不符合要求',
    error: `“${item.name.zh}”须为 0~${item.max} 分之间的${kind}。${bands}`,
    promptTitle: `${item.name.zh}（满分${item.max}分）`.slice(0, 32),
    prompt: bands,
  };
  if (step.eq(1)) return { type: 'whole', min: 0, max: Number(item.max), ...base };
  return { type: 'decimal', min: 0, max: Number(item.max), ...base };
}

/** The line that says whose sheet it is; collect reads the round and the expert back from it. */
export function expertLine(roundName: string, expert: { id: string; name: string }): string {
  return `轮次：${roundName}　　专家编号：${expert.id}　　专家姓名：${expert.name}`;
}

export const DECLARATION =
  '回避与保密声明：本人已阅读《评价专家行为要求》（准则附录 E）。本人与上列案例不存在 E.1 所列应回避的情形（已回避的案例除外）；' +
  '如发现存在或可能产生利益冲突，将立即报告并回避。本人对评价过程中知悉的信息和未公示的评价结果负有保密义务，不复制、不留存、不泄露。';

/** One expert's scoring sheet for one round (SPEC section 7): only the yellow score cells can be edited. */
export function expertSheet(input: ExpertSheetInput): SheetSpec {
  const { panel, round, expert, cases } = input;
  const rubric = panel.rubric;
  const items = orderedItems(rubric);
  const L = expertLayout(rubric);
  const g = new Grid();
  const roundName = ROUND_NAMES[round].zh;
  const last = L.lastColumn;

  // Printed as two landscape pages side by side: the scores, then the subtotals, checks, remarks and the signed
  // declaration, with case id and name repeated on the second. Each page carries its own title; the title, the
  // expert line and the note start right of the repeated columns, so that nothing of them is cut into those.
  const firstGroupCol = L.groupColumns[rubric.groups[0].id];
  const head = L.colApplicant;
  const sheetTitle = `${panel.title || '科技创新成果转化评价'}　${roundName}专家评分表`;
  g.value(1, head, sheetTitle, 'title');
  g.value(1, firstGroupCol, `${sheetTitle}（续）　专家：${expert.name}（${expert.id}）`, 'title');
  g.value(2, head, expertLine(roundName, expert), 'paragraph');
  const note = `请在黄色单元格中填写各二级指标得分（${panel.policy.scoreStep.eq(1) ? '整数' : `${panel.policy.scoreStep.toString()} 分的整数倍`}，不超过满分）；选中单元格可查看评分档次。小计、总分和“检查”自动计算；灰色为回避案例，无需填写。`;
  g.value(3, head, note, 'note');

  // Two header rows: groups over their items, then item names with maxima.
  g.value(4, 1, '案例', 'header');
  for (let c = 2; c <= 4; c++) g.blank(4, c, 'header');
  const merges = [
    rangeRef(1, head, 1, firstGroupCol - 1),
    rangeRef(1, firstGroupCol, 1, last),
    rangeRef(2, head, 2, firstGroupCol - 1),
    rangeRef(3, head, 3, firstGroupCol - 1),
    rangeRef(4, 1, 4, 4),
  ];
  for (const group of rubric.groups) {
    const cols = group.items.map((id) => L.itemColumns[id]);
    const from = Math.min(...cols);
    const to = Math.max(...cols);
    g.value(4, from, `${group.name.zh}（${group.max}分）`, 'header');
    for (let c = from + 1; c <= to; c++) g.blank(4, c, 'header');
    if (to > from) merges.push(rangeRef(4, from, 4, to));
  }
  g.value(4, firstGroupCol, '一级指标小计', 'header');
  for (let c = firstGroupCol + 1; c < L.colTotal; c++) g.blank(4, c, 'header');
  merges.push(rangeRef(4, firstGroupCol, 4, L.colTotal - 1));
  g.value(4, L.colTotal, '合计与检查', 'header');
  for (let c = L.colTotal + 1; c <= L.lastColumn; c++) g.blank(4, c, 'header');
  merges.push(rangeRef(4, L.colTotal, 4, L.lastColumn));
  for (const [col, label] of [
    [L.colTotal, '总分'],
    [L.colCheck, '检查'],
    [L.colRecused, '回避'],
    [L.colHint, '加分条款提示'],
    [L.colRecommend, '推荐'],
    [L.colComment, '评审意见'],
  ] as const) {
    g.value(5, col, label, 'header');
  }
  ['序号', '案例编号', '案例名称', '申报单位'].forEach((h, i) => g.value(5, i + 1, h, 'header'));
  for (const it of items) g.value(5, L.itemColumns[it.id], `${it.name.zh}（${it.max}）`, 'header');
  for (const grp of rubric.groups) g.value(5, L.groupColumns[grp.id], grp.name.zh, 'header');

  const validations: RangeValidation[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  const lastRow = L.firstRow + Math.max(cases.length, 1) - 1;
  cases.forEach((c, i) => {
    const r = L.firstRow + i;
    const recused = input.recused.has(c.id);
    const typed = input.scores.get(c.id) ?? {};
    g.value(r, 1, i + 1, 'integer');
    g.value(r, 2, c.id, 'cellCenter');
    g.value(r, 3, c.name, 'wrap');
    g.value(r, 4, c.applicant, 'wrap');
    const raw: unknown[] = [];
    for (const it of items) {
      const v = recused ? null : typed[it.id];
      raw.push(v);
      const cellValue: CellValue = v === undefined ? null : (v as CellValue);
      g.set(
        r,
        L.itemColumns[it.id],
        recused ? { style: 'recused' } : { value: cellValue, style: 'input', locked: false },
      );
    }
    const check = checkValue(panel, raw, recused);
    const ok = check === CHECK_TEXT.ok;
    const sum = (ids: string[]): number | string =>
      ok ? ids.reduce((a, id) => a.plus(toDecimal(typed[id])!), new Decimal(0)).toNumber() : '';
    // Every case row holds the same formulas, moved down one row each time: filled down, a host stores each
    // column's formula once (a shared formula), which keeps large sheets small and quick to read.
    const formulas = rowFormulas(panel, L, r);
    const filled = (col: number): { filledDown: string } => ({ filledDown: `case-row-${col}` });
    for (const grp of rubric.groups) {
      const col = L.groupColumns[grp.id];
      g.formula(r, col, formulas.get(col)!.formula, sum(grp.items), 'subtotal', filled(col));
    }
    g.formula(
      r,
      L.colTotal,
      formulas.get(L.colTotal)!.formula,
      sum(items.map((it) => it.id)),
      'subtotal',
      filled(L.colTotal),
    );
    g.formula(r, L.colCheck, formulas.get(L.colCheck)!.formula, check, 'cellCenter', filled(L.colCheck));
    g.value(r, L.colRecused, recused ? RECUSED : '', recused ? 'recused' : 'cellCenter');

    const hints: string[] = [];
    for (const bonusId of c.bonus) {
      const clause = rubric.bonuses.find((b) => b.id === bonusId);
      if (!clause) continue;
      const target =
        clause.targetKind === 'group'
          ? rubric.groups.find((gr) => gr.id === clause.target)!.name.zh
          : items.find((it) => it.id === clause.target)!.name.zh;
      hints.push(`${clause.label.zh}：${target}可评 ${clause.min}~${clause.max} 分`);
      if (recused) continue;
      if (clause.targetKind === 'group') {
        const cols = rubric.groups.find((gr) => gr.id === clause.target)!.items.map((id) => L.itemColumns[id]);
        const from = Math.min(...cols);
        const to = Math.max(...cols);
        const rng = `$${columnLetter(from)}${r}:$${columnLetter(to)}${r}`;
        conditionalFormats.push({
          ref: rangeRef(r, from, r, to),
          formula: `AND(COUNT(${rng})=${cols.length},SUM(${rng})<${clause.min})`,
          style: 'warnFill',
        });
      } else {
        const ref = a1(r, L.itemColumns[clause.target]);
        conditionalFormats.push({ ref, formula: `AND(ISNUMBER(${ref}),${ref}<${clause.min})`, style: 'warnFill' });
      }
    }
    g.value(r, L.colHint, hints.join('；'), 'wrap');
    const mark = input.recommend?.get(c.id);
    g.set(
      r,
      L.colRecommend,
      recused
        ? { value: '', style: 'recused' }
        : { value: mark === undefined ? '' : mark ? YES : '否', style: 'input', locked: false },
    );
    const comment = input.comments?.get(c.id) ?? '';
    g.set(
      r,
      L.colComment,
      recused ? { value: '', style: 'recused' } : { value: comment, style: 'inputWrap', locked: false },
    );
  });
  if (cases.length > 0) {
    for (const it of items) {
      const col = L.itemColumns[it.id];
      validations.push({ ref: rangeRef(L.firstRow, col, lastRow, col), rule: itemValidation(panel, it.id) });
    }
    validations.push({
      ref: rangeRef(L.firstRow, L.colRecommend, lastRow, L.colRecommend),
      rule: {
        type: 'list',
        list: [YES, '否'],
        allowBlank: true,
        errorTitle: '推荐',
        error: '是否推荐进入下一轮：请填“是”或“否”。',
      },
    });
  }

  // The declaration and the signature on the second page, which prints last.
  const declRow = lastRow + 2;
  g.value(declRow, firstGroupCol, DECLARATION, 'paragraph');
  merges.push(rangeRef(declRow, firstGroupCol, declRow, last));
  const signRow = declRow + 2;
  g.value(signRow, firstGroupCol, '专家签字：', 'signature');
  merges.push(rangeRef(signRow, firstGroupCol, signRow, firstGroupCol + 1));
  g.value(signRow, firstGroupCol + 2, '________________', 'signature');
  merges.push(rangeRef(signRow, firstGroupCol + 2, signRow, L.colTotal));
  g.value(signRow, L.colCheck, '日期：', 'signature');
  g.value(signRow, L.colRecused, '______年____月____日', 'signature');
  merges.push(rangeRef(signRow, L.colRecused, signRow, L.colHint));

  const columns: number[] = [4, 9, 18, 14, ...items.map(() => 6), ...rubric.groups.map(() => 7), 7, 10, 5, 20, 5, 24];
  const width = (from: number, to: number): number => columns.slice(from - 1, to).reduce((a, b) => a + b, 0);
  const rowHeights: Record<number, number> = {
    1: 28,
    2: 20,
    3: wrappedHeight(note, width(head, firstGroupCol - 1)),
    4: 20,
    5: Math.max(...items.map((it) => wrappedHeight(`${it.name.zh}（${it.max}）`, 6)), 44),
    [declRow]: wrappedHeight(DECLARATION, width(firstGroupCol, last)),
    [signRow]: 24,
  };
  cases.forEach((c, i) => {
    const r = L.firstRow + i;
    const hint = String(g.rows()[r - 1]?.[L.colHint - 1]?.value ?? '');
    rowHeights[r] = rowHeightFor([c.name, columns[2]], [c.applicant, columns[3]], [hint, columns[L.colHint - 1]]);
  });
  return {
    name: input.sheetName ?? expertSheetName(round, expert.id),
    kind: 'expert',
    rows: g.rows(),
    columns,
    rowHeights,
    merges,
    validations,
    conditionalFormats,
    freeze: { rows: 5, columns: 3 },
    print: planPrint(columns, {
      orientation: 'landscape',
      titleRows: '1:5',
      titleColumns: [L.colCase, L.colName],
      breakable: [firstGroupCol],
    }),
    protection: { withPassword: true },
    tabColor: round === 'initial' ? '5B9BD5' : round === 'review' ? '70AD47' : 'ED7D31',
  };
}
