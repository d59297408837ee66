import { statusLabel } from '../../core/report/statusLabel';
import { categoryCode } from '../../core/categories/appendixA';
import { fixed } from '../../core/exact/decimal';
import type { Evaluation } from '../../core/engine/evaluate';
import { ROUND_IDS, ROUND_NAMES, type Panel, type RoundId } from '../../core/panel/types';
import { a1, rangeRef, sheetRef } from '../address';
import { Grid } from '../grid';
import type { CellSpec, SheetSpec } from '../model';
import { SHEET } from '../names';
import { mergesWithinPages, planPrint } from '../print/pagePlan';
import { rowHeightFor, wrappedHeight } from '../print/textFit';
import { expertLayout } from './expertLayout';
import { SUMMARY } from './resultLayout';

/** What the add-in needs to write 汇总 with the CEEAS custom functions: where each expert's sheet is. */
export interface CustomFunctionSummary {
  sheetOf: (round: RoundId, expert: string) => string | undefined;
}

/** The columns, right of 说明, that bring each expert's total into 汇总 so the CEEAS functions can take a range. */
function totalsBlock(panel: Panel, sheetOf: CustomFunctionSummary['sheetOf']) {
  let column = SUMMARY.colNote + 2;
  return ROUND_IDS.map((round) => {
    const experts = panel.rounds[round].experts
      .map((id) => ({ id, sheet: sheetOf(round, id) }))
      .filter((e): e is { id: string; sheet: string } => e.sheet !== undefined);
    const first = column;
    column += experts.length;
    return { round, experts, first, last: column - 1 };
  });
}

/**
 * 汇总: the engine's results per case — n, mean, standard deviation and span per round, S, grade and status.
 * The .xlsx host writes the engine's values. The add-in (`customFunctions`) writes, for every graded case, the
 * round means, S and the grade as CEEAS formulas over the experts' totals, which it brings in as plain references
 * to the expert sheets: Excel then shows the same numbers, recomputed exactly, and an auditor can follow them.
 */
/** Widths of the table's columns (A..T): case, name, applicant, category, status, each round's n/mean/SD/span, S, grade, note. */
const WIDTHS = [8, 18, 16, 8, 12, ...ROUND_IDS.flatMap(() => [4, 7, 7, 7]), 8, 7, 24];

export function summarySheet(panel: Panel, evaluation: Evaluation, customFunctions?: CustomFunctionSummary): SheetSpec {
  const d = panel.policy.decimals;
  const g = new Grid();
  const block = customFunctions ? totalsBlock(panel, customFunctions.sheetOf) : [];
  const blockEnd = Math.max(SUMMARY.colNote, ...block.map((b) => b.last));
  const lastCol = SUMMARY.colNote;
  // Title and lead start right of the case id and name, which print again on the second page: nothing of them
  // is cut into those columns there.
  const head = SUMMARY.colApplicant;
  g.value(1, head, `${panel.title || '科技创新成果转化评价'}　评价结果汇总`, 'title');
  const lead =
    `综合得分 S = Σ 轮次权重 × 该轮专家总分平均（准则 9.3.1），保留 ${d} 位小数（四舍五入）；等级按准则 9.3.2。本表由“计算等级”生成，请勿手工修改；逐项核对见“${SHEET.audit}”。` +
    (customFunctions ? '均分、综合得分和等级由加载项的 CEEAS 函数从右侧各专家总分精确计算。' : '');
  g.value(2, head, lead, 'note');
  const merges = [rangeRef(1, head, 1, lastCol), rangeRef(2, head, 2, lastCol)];
  const rowHeights: Record<number, number> = { 1: 28, 2: 32, 3: 32 };
  const h = SUMMARY.headerRow;
  ['案例编号', '案例名称', '申报单位', '产业类别', '状态'].forEach((t, i) => g.value(h, i + 1, t, 'header'));
  for (const rid of ROUND_IDS) {
    const c = SUMMARY.roundColumn(rid);
    ['人数', '均分', '标准差', '极差'].forEach((t, i) => g.value(h, c + i, `${ROUND_NAMES[rid].zh}${t}`, 'header'));
  }
  g.value(h, SUMMARY.colScore, '综合得分', 'header');
  g.value(h, SUMMARY.colGrade, '评价等级', 'header');
  g.value(h, SUMMARY.colNote, '说明', 'header');
  for (const b of block)
    b.experts.forEach((e, k) => g.value(h, b.first + k, `${ROUND_NAMES[b.round].zh}总分 ${e.id}`, 'header'));

  const L = expertLayout(panel.rubric);
  const mode = panel.policy.aggregate;
  const weights = `{${ROUND_IDS.map((r) => panel.rounds[r].weight.toString()).join(',')}}`;
  const blockRange = (r: number, round: RoundId): string | null => {
    const b = block.find((x) => x.round === round);
    return b && b.experts.length > 0 ? rangeRef(r, b.first, r, b.last) : null;
  };

  const firstError = new Map<string, string>();
  for (const f of evaluation.findings) {
    if (f.severity === 'error' && f.case && !firstError.has(f.case)) firstError.set(f.case, f.message);
  }
  const fmt = (x: { toFixed: (n: number) => string } | null): string | number =>
    x === null ? '' : Number(x.toFixed(d));
  evaluation.cases.forEach((res, i) => {
    const r = SUMMARY.firstRow + i;
    const c = panel.cases.find((x) => x.id === res.id)!;
    for (const b of block) {
      const position = panel.rounds[b.round].cases.indexOf(c.id);
      if (position < 0) continue;
      b.experts.forEach((e, k) => {
        const total = res.rounds[b.round]?.totals.find((t) => t.expert === e.id)?.total;
        const ref = sheetRef(e.sheet, a1(L.firstRow + position, L.colTotal, true));
        g.formula(r, b.first + k, ref, total ? Number(total.toString()) : '', 'cellCenter');
      });
    }
    const live =
      customFunctions !== undefined && res.status === 'graded' && ROUND_IDS.every((rid) => blockRange(r, rid));
    g.value(r, SUMMARY.colCase, c.id, 'cellCenter');
    g.value(r, SUMMARY.colName, c.name, 'wrap');
    g.value(r, SUMMARY.colApplicant, c.applicant, 'wrap');
    // The Appendix A category the case counts under (A.1 for 集成电路), blank when its text names none.
    g.value(r, SUMMARY.colCategory, categoryCode(c.category) ?? '', 'cellCenter');
    const status = statusLabel(panel, res.id, res.status);
    g.value(r, SUMMARY.colStatus, status, 'wrapCenter');
    for (const rid of ROUND_IDS) {
      const col = SUMMARY.roundColumn(rid);
      const st = res.rounds[rid];
      if (!st) {
        for (let k = 0; k < 4; k++) g.value(r, col + k, '—', 'cellCenter');
        continue;
      }
      g.value(r, col, st.n, 'integer');
      const mean: CellSpec = {
        value: st.mean ? Number(fixed(st.mean.roundHalfUp(d), d)) : '',
        style: 'score',
      };
      const totals = blockRange(r, rid);
      g.set(
        r,
        col + 1,
        live && totals && st.mean
          ? { formula: `CEEAS.ROUNDMEAN(${totals},"${mode}",${d})`, result: mean.value, style: 'score' }
          : mean,
      );
      g.value(r, col + 2, fmt(st.sd), 'number2');
      g.value(r, col + 3, fmt(st.span), 'number2');
    }
    const score: CellSpec = { value: res.score ? Number(fixed(res.score, d)) : '', style: 'score' };
    const grade: CellSpec = { value: res.grade ?? '', style: 'cellCenter' };
    if (live) {
      const [x, y, z] = ROUND_IDS.map((rid) => blockRange(r, rid)!);
      g.formula(r, SUMMARY.colScore, `CEEAS.SCORE(${x},${y},${z},${weights},"${mode}",${d})`, score.value!, 'score');
      // GRADE of the shown S is the standard's default; graded on the exact S, the engine's grade stays a value.
      if (panel.policy.gradeOn === 'rounded')
        g.formula(
          r,
          SUMMARY.colGrade,
          `CEEAS.GRADE(${a1(r, SUMMARY.colScore)},"rounded",${d})`,
          grade.value!,
          'cellCenter',
        );
      else g.set(r, SUMMARY.colGrade, grade);
    } else {
      g.set(r, SUMMARY.colScore, score);
      g.set(r, SUMMARY.colGrade, grade);
    }
    let note = firstError.get(c.id) ?? '';
    if (!note && res.status === 'incomplete') {
      const missing = ROUND_IDS.flatMap((rid) =>
        (res.rounds[rid]?.missing ?? []).map((e) => `${ROUND_NAMES[rid].zh} ${e}`),
      );
      note = missing.length > 0 ? `待评分：${missing.join('、')}` : '该轮尚未指定专家';
    }
    g.value(r, SUMMARY.colNote, note, 'wrap');
    rowHeights[r] = rowHeightFor(
      [c.name, WIDTHS[SUMMARY.colName - 1]],
      [c.applicant, WIDTHS[SUMMARY.colApplicant - 1]],
      [note, WIDTHS[SUMMARY.colNote - 1]],
      [status, WIDTHS[SUMMARY.colStatus - 1]],
    );
  });
  const columns = [
    ...WIDTHS,
    ...(blockEnd > SUMMARY.colNote ? [4, ...Array.from({ length: blockEnd - SUMMARY.colNote - 1 }, () => 9)] : []),
  ];
  const print = planPrint(WIDTHS, {
    orientation: 'landscape',
    titleRows: `1:${SUMMARY.headerRow}`,
    titleColumns: [SUMMARY.colCase, SUMMARY.colName],
    breakable: [SUMMARY.roundColumn('review'), SUMMARY.roundColumn('final'), SUMMARY.colScore],
  });
  // The lead note is merged over the first page's columns only: tall enough for its text there.
  const firstPage = (print.breaksBeforeColumns?.[0] ?? WIDTHS.length + 1) - 1;
  rowHeights[2] = wrappedHeight(
    lead,
    WIDTHS.slice(0, firstPage).reduce((a, b) => a + b),
  );
  // The experts' totals the add-in's functions read, right of the table, print on pages of their own.
  if (blockEnd > SUMMARY.colNote)
    print.breaksBeforeColumns = [...(print.breaksBeforeColumns ?? []), SUMMARY.colNote + 1];
  return {
    name: SHEET.summary,
    kind: 'summary',
    rows: g.rows(),
    columns,
    rowHeights,
    merges: mergesWithinPages(merges, print.breaksBeforeColumns),
    freeze: { rows: SUMMARY.headerRow, columns: 2 },
    print,
    protection: { withPassword: true },
  };
}
