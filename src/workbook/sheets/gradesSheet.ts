import { STATUS_GROUPS } from '../../core/report/statusLabel';
import { categoryCode } from '../../core/categories/appendixA';
import type { Evaluation } from '../../core/engine/evaluate';
import { GRADES } from '../../core/engine/grade';
import { ROUND_IDS, ROUND_NAMES, type Panel } from '../../core/panel/types';
import { a1, columnLetter, rangeRef, sheetRef } from '../address';
import { Grid } from '../grid';
import type { ChartSpec, SheetSpec } from '../model';
import { SHEET } from '../names';
import { planPrint } from '../print/pagePlan';
import { SUMMARY } from './resultLayout';

const GRADE_WIDTHS = [12, 18, 9, 9, 9, 9, 9];

/** Bands of a round mean for the spread table: the grade lines of 9.3.2 and one more at 60. */
const MEAN_BANDS: { label: string; min: number | null; below: number | null }[] = [
  { label: '90 分及以上', min: 90, below: null },
  { label: '80～90 分', min: 80, below: 90 },
  { label: '70～80 分', min: 70, below: 80 },
  { label: '60～70 分', min: 60, below: 70 },
  { label: '60 分以下', min: null, below: 60 },
];

const CATEGORY_NAMES: Record<string, string> = { 'A.1': '新兴支柱产业', 'A.2': '战略性新兴产业', 'A.3': '未来产业' };

/**
 * 等级汇总: the grade distribution overall and by Appendix A category and the spread of the round means, as
 * COUNTIFS over 汇总, with charts of each (drawn by the Office host).
 */
export function gradesSheet(panel: Panel, evaluation: Evaluation): SheetSpec {
  const g = new Grid();
  const columns = [...GRADES, '合计'];
  g.value(1, 1, `${panel.title || '科技创新成果转化评价'}　等级汇总`, 'title');
  g.value(2, 1, '按“汇总”表中已评级案例统计（准则 4.4 分类评价，产业类别见附录 A）。', 'note');
  g.value(3, 1, '产业类别', 'header');
  g.value(3, 2, '类别名称', 'header');
  columns.forEach((t, i) => g.value(3, 3 + i, t, 'header'));

  const gradeCol = columnLetter(SUMMARY.colGrade);
  const catCol = columnLetter(SUMMARY.colCategory);
  const graded = evaluation.cases.filter((c) => c.status === 'graded');
  // Counted by Appendix A category, however the register names it (A.1, 新兴支柱产业, 集成电路); 汇总 shows the code.
  const categoryOf = new Map(panel.cases.map((c) => [c.id, categoryCode(c.category) ?? '']));
  const categories = [...new Set(categoryOf.values())].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  const grades = sheetRef(SHEET.summary, `$${gradeCol}:$${gradeCol}`);
  const cats = sheetRef(SHEET.summary, `$${catCol}:$${catCol}`);

  const rows: { label: string; name: string; filter: string | null }[] = [
    { label: '全部', name: '所有案例', filter: null },
    ...categories.map((c) => ({
      label: c || '（未归类）',
      name: CATEGORY_NAMES[c] ?? '未填或不是附录 A 的类别',
      filter: c,
    })),
  ];
  rows.forEach((row, i) => {
    const r = 4 + i;
    g.value(r, 1, row.label, i === 0 ? 'subtotal' : 'cellCenter');
    g.value(r, 2, row.name, 'cell');
    GRADES.forEach((grade, k) => {
      const count = graded.filter(
        (c) => c.grade === grade && (row.filter === null || categoryOf.get(c.id) === row.filter),
      ).length;
      const formula =
        row.filter === null
          ? `COUNTIF(${grades},"${grade}")`
          : `COUNTIFS(${cats},"${row.filter.replace(/"/g, '""')}",${grades},"${grade}")`;
      g.formula(r, 3 + k, formula, count, 'integer');
    });
    g.formula(
      r,
      3 + GRADES.length,
      `SUM(${rangeRef(r, 3, r, 2 + GRADES.length)})`,
      graded.filter((c) => row.filter === null || categoryOf.get(c.id) === row.filter).length,
      'subtotal',
    );
  });
  const statusRow = 4 + rows.length + 1;
  g.value(statusRow, 1, '未评级案例', 'header');
  g.value(statusRow, 2, '原因', 'header');
  g.value(statusRow, 3, '数量', 'header');
  const statusCol = columnLetter(SUMMARY.colStatus);
  STATUS_GROUPS.forEach((group, i) => {
    const r = statusRow + 1 + i;
    g.value(r, 2, group.label, 'cell');
    g.formula(
      r,
      3,
      `COUNTIF(${sheetRef(SHEET.summary, `$${statusCol}:$${statusCol}`)},"${group.pattern}")`,
      evaluation.cases.filter((c) => group.statuses(panel, c.id, c.status)).length,
      'integer',
    );
  });
  // The spread of the round means: how many cases fall in each band, per round.
  const spreadRow = statusRow + 1 + STATUS_GROUPS.length + 1;
  g.value(spreadRow, 1, '轮次均分分布', 'header');
  g.value(spreadRow, 2, '均分区间', 'header');
  ROUND_IDS.forEach((rid, k) => g.value(spreadRow, 3 + k, ROUND_NAMES[rid].zh, 'header'));
  MEAN_BANDS.forEach((band, i) => {
    const r = spreadRow + 1 + i;
    g.value(r, 2, band.label, 'cell');
    ROUND_IDS.forEach((rid, k) => {
      const col = columnLetter(SUMMARY.roundColumn(rid) + 1);
      const means = sheetRef(SHEET.summary, `$${col}$${SUMMARY.firstRow}:$${col}$1048576`);
      const tests = [
        band.min !== null ? `${means},">=${band.min}"` : `${means},">=0"`,
        ...(band.below !== null ? [`${means},"<${band.below}"`] : []),
      ];
      const count = evaluation.cases.filter((c) => {
        // 汇总 shows the mean rounded, and COUNTIFS counts what it shows.
        const exact = c.rounds[rid]?.mean;
        if (!exact) return false;
        const m = exact.roundHalfUp(panel.policy.decimals);
        return (band.min === null || !m.lt(band.min)) && (band.below === null || m.lt(band.below));
      }).length;
      g.formula(r, 3 + k, `COUNTIFS(${tests.join(',')})`, count, 'integer');
    });
  });
  const spreadEnd = spreadRow + MEAN_BANDS.length;
  const lastCategoryRow = 3 + rows.length;
  const charts: ChartSpec[] = [
    {
      type: 'columnClustered',
      title: '等级分布（全部案例）',
      source: `${a1(3, 2)}:${a1(4, 2 + GRADES.length)}`,
      seriesBy: 'rows',
      from: 'I3',
      to: 'P17',
    },
    {
      type: 'columnStacked',
      title: '各产业类别等级分布',
      source: `${a1(3, 2)}:${a1(lastCategoryRow, 2 + GRADES.length)}`,
      seriesBy: 'columns',
      from: 'I19',
      to: 'P33',
    },
    {
      type: 'columnClustered',
      title: '各轮均分分布',
      source: `${a1(spreadRow, 2)}:${a1(spreadEnd, 2 + ROUND_IDS.length)}`,
      seriesBy: 'columns',
      from: 'I35',
      to: 'P49',
    },
  ];
  return {
    name: SHEET.grades,
    charts,
    kind: 'grades',
    rows: g.rows(),
    columns: GRADE_WIDTHS,
    rowHeights: { 1: 28 },
    merges: ['A1:G1', 'A2:G2'],
    print: planPrint(GRADE_WIDTHS, { orientation: 'portrait' }),
    protection: { withPassword: true },
  };
}
