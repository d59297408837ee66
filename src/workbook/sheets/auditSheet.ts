import { fixed } from '../../core/exact/decimal';
import type { Evaluation } from '../../core/engine/evaluate';
import { ROUND_IDS, ROUND_NAMES, type Panel, type RoundId } from '../../core/panel/types';
import { a1, columnLetter, rangeRef, sheetRef } from '../address';
import { Grid } from '../grid';
import { AGGREGATE_LABEL, FORMAL_REVIEW_LABEL, GRADE_ON_LABEL, RECUSED } from '../labels';
import type { SheetSpec } from '../model';
import { expertSheetName, SHEET, SHEET_FORMAL_REVIEW } from '../names';
import { FORMAL_RESULT_COLUMN } from './formalReviewSheet';
import { expertLayout } from './expertLayout';
import { planPrint } from '../print/pagePlan';
import { rowHeightFor, wrappedHeight } from '../print/textFit';
import { AUDIT, SUMMARY } from './resultLayout';
import type { SettingsCells } from './settingsCells';

/** Widths of A..Q: case, name, each round's scored/expected/mean, exact S, S, grade, 汇总's S and grade, 核对. */
const WIDTHS = [8, 18, ...ROUND_IDS.flatMap(() => [5, 5, 7]), 9, 8, 7, 8, 7, 6];
const WIDTH = WIDTHS.reduce((a, b) => a + b);

/**
 * 复核: S and grade recomputed with ordinary spreadsheet formulas only, straight from the expert sheets, so any
 * spreadsheet program recomputes them and an auditor can click through to the experts' cells.
 */
const FR_RESULT = columnLetter(FORMAL_RESULT_COLUMN);

export function auditSheet(
  panel: Panel,
  evaluation: Evaluation,
  settings: SettingsCells,
  sheetOf: (round: RoundId, expert: string) => string | undefined = expertSheetName,
): SheetSpec {
  const L = expertLayout(panel.rubric);
  const d = panel.policy.decimals;
  const g = new Grid();
  const lastCol = AUDIT.colAgree;
  g.value(1, 1, `${panel.title || '科技创新成果转化评价'}　复核（普通公式重算）`, 'title');
  const lead =
    '本表只用普通公式（COUNT、AVERAGE、SUM、MAX、MIN、ROUND、IF）直接引用各专家评分表的“总分”单元格重新计算，任何电子表格软件均可重算；' +
    '“核对”列比较本表与“汇总”的综合得分和等级。均分和精确得分不做中间舍入（显示按小数位数），综合得分再按小数位数四舍五入。';
  g.value(2, 1, lead, 'note');
  const rowHeights: Record<number, number> = { 1: 28, 2: wrappedHeight(lead, WIDTH), 3: 46 };
  const h = AUDIT.headerRow;
  g.value(h, AUDIT.colCase, '案例编号', 'header');
  g.value(h, AUDIT.colName, '案例名称', 'header');
  for (const rid of ROUND_IDS) {
    const c = AUDIT.roundColumn(rid);
    ['实评人数', '应评人数', '均分'].forEach((t, i) => g.value(h, c + i, `${ROUND_NAMES[rid].zh}${t}`, 'header'));
  }
  g.value(h, AUDIT.colExact, '精确得分', 'header');
  g.value(h, AUDIT.colScore, '综合得分', 'header');
  g.value(h, AUDIT.colGrade, '评价等级', 'header');
  g.value(h, AUDIT.colSummaryScore, '汇总得分', 'header');
  g.value(h, AUDIT.colSummaryGrade, '汇总等级', 'header');
  g.value(h, AUDIT.colAgree, '核对', 'header');

  const trimmed = `${settings.aggregate}="${AGGREGATE_LABEL.trimmed}"`;
  const exactGrade = `${settings.gradeOn}="${GRADE_ON_LABEL.exact}"`;
  const caseRow = new Map(panel.cases.map((c, i) => [c.id, i + 2]));

  evaluation.cases.forEach((res, i) => {
    const r = AUDIT.firstRow + i;
    const c = panel.cases.find((x) => x.id === res.id)!;
    g.value(r, AUDIT.colCase, c.id, 'cellCenter');
    g.value(r, AUDIT.colName, c.name, 'wrap');
    rowHeights[r] = rowHeightFor([c.name, WIDTHS[AUDIT.colName - 1]]);
    const meanCells: string[] = [];
    for (const rid of ROUND_IDS) {
      const col = AUDIT.roundColumn(rid);
      const st = res.rounds[rid];
      const position = panel.rounds[rid].cases.indexOf(c.id);
      // An expert whose sheet is missing cannot be referenced; 复核 then shows the round as not complete.
      const experts = panel.rounds[rid].experts.filter((e) => sheetOf(rid, e) !== undefined);
      if (position < 0 || experts.length === 0) {
        for (let k = 0; k < 3; k++) g.value(r, col + k, '—', 'cellCenter');
        meanCells.push(a1(r, col + 2));
        continue;
      }
      const row = L.firstRow + position;
      const totals = experts.map((e) => sheetRef(sheetOf(rid, e)!, a1(row, L.colTotal, true))).join(',');
      const recusals = experts
        .map((e) => `(${sheetRef(sheetOf(rid, e)!, a1(row, L.colRecused, true))}="${RECUSED}")`)
        .join('+');
      const n = a1(r, col);
      const due = a1(r, col + 1);
      g.formula(r, col, `COUNT(${totals})`, st?.n ?? 0, 'integer');
      g.formula(
        r,
        col + 1,
        `${panel.rounds[rid].experts.length}-(${recusals})`,
        st ? st.eligible : experts.length,
        'integer',
      );
      const plain = `AVERAGE(${totals})`;
      const cut = `(SUM(${totals})-MAX(${totals})-MIN(${totals}))/(${n}-2)`;
      g.formula(
        r,
        col + 2,
        `IF(AND(${n}=${due},${n}>0),IF(AND(${trimmed},${n}>2),${cut},${plain}),"")`,
        st?.mean ? st.mean.toDecimal().toNumber() : '',
        'score',
      );
      meanCells.push(a1(r, col + 2));
    }
    const [m1, m2, m3] = meanCells;
    const w = (rid: RoundId): string => settings.weight[rid];
    // The review result as the engine takes it: the case's row of the checklist when it has one (a blank result
    // there is 未审核, not passed), else what 案例登记 shows, blank counting as passed (SPEC 6's default). &"" reads
    // an empty cell as "" rather than 0.
    const listed = `ISNUMBER(MATCH(${a1(r, AUDIT.colCase)},'${SHEET_FORMAL_REVIEW}'!$A:$A,0))`;
    const checklist = `IFERROR(INDEX('${SHEET_FORMAL_REVIEW}'!$${FR_RESULT}:$${FR_RESULT},MATCH(${a1(r, AUDIT.colCase)},'${SHEET_FORMAL_REVIEW}'!$A:$A,0))&"","")`;
    const register = `${sheetRef(SHEET.cases, a1(caseRow.get(c.id)!, 6, true))}&""`;
    const passed = `IF(${listed},${checklist}="${FORMAL_REVIEW_LABEL.passed}",OR(${register}="${FORMAL_REVIEW_LABEL.passed}",${register}=""))`;
    const exact = a1(r, AUDIT.colExact);
    const score = a1(r, AUDIT.colScore);
    g.formula(
      r,
      AUDIT.colExact,
      // Rounding the binary sum at 9 places first gives back the exact decimal S (its denominator is small), so
      // a true 89.995 is not seen as 89.99499999999999 by ROUND or by the grade comparison.
      `IF(AND(${passed},ISNUMBER(${m1}),ISNUMBER(${m2}),ISNUMBER(${m3})),ROUND(${w('initial')}*${m1}+${w('review')}*${m2}+${w('final')}*${m3},9),"")`,
      res.exact ? res.exact.toDecimal().toNumber() : '',
      'score',
    );
    g.formula(
      r,
      AUDIT.colScore,
      `IF(ISNUMBER(${exact}),ROUND(${exact},${settings.decimals}),"")`,
      res.score ? Number(fixed(res.score, d)) : '',
      'score',
    );
    const basis = `IF(${exactGrade},${exact},${score})`;
    g.formula(
      r,
      AUDIT.colGrade,
      `IF(NOT(ISNUMBER(${score})),"",IF(${basis}>=90,"一等",IF(${basis}>=80,"二等",IF(${basis}>=70,"三等","无评级"))))`,
      res.grade ?? '',
      'cellCenter',
    );
    const sRow = SUMMARY.firstRow + i;
    const sScore = sheetRef(SHEET.summary, a1(sRow, SUMMARY.colScore));
    const sGrade = sheetRef(SHEET.summary, a1(sRow, SUMMARY.colGrade));
    g.formula(
      r,
      AUDIT.colSummaryScore,
      `IF(ISNUMBER(${sScore}),${sScore},"")`,
      res.score ? Number(fixed(res.score, d)) : '',
      'score',
    );
    g.formula(r, AUDIT.colSummaryGrade, `IF(${sGrade}="","",${sGrade})`, res.grade ?? '', 'cellCenter');
    g.formula(
      r,
      AUDIT.colAgree,
      `IF(AND(${score}=${a1(r, AUDIT.colSummaryScore)},${a1(r, AUDIT.colGrade)}=${a1(r, AUDIT.colSummaryGrade)}),"一致","不一致")`,
      '一致',
      'cellCenter',
    );
  });
  const last = AUDIT.firstRow + Math.max(evaluation.cases.length, 1) - 1;
  return {
    name: SHEET.audit,
    kind: 'audit',
    rows: g.rows(),
    columns: WIDTHS,
    rowHeights,
    merges: [rangeRef(1, 1, 1, lastCol), rangeRef(2, 1, 2, lastCol)],
    conditionalFormats: [
      {
        ref: rangeRef(AUDIT.firstRow, AUDIT.colAgree, last, AUDIT.colAgree),
        formula: `${a1(AUDIT.firstRow, AUDIT.colAgree)}="不一致"`,
        style: 'warnFill',
      },
    ],
    freeze: { rows: AUDIT.headerRow, columns: 2 },
    print: planPrint(WIDTHS, { orientation: 'landscape', titleRows: `1:${AUDIT.headerRow}` }),
    protection: { withPassword: true },
  };
}
