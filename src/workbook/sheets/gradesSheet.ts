import type { Evaluation } from '../../core/engine/evaluate';
import { GRADES } from '../../core/engine/grade';
import type { Panel } from '../../core/panel/types';
import { columnLetter, rangeRef, sheetRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { SHEET } from '../names';
import { SUMMARY } from './resultLayout';

const CATEGORY_NAMES: Record<string, string> = { 'A.1': '新兴支柱产业', 'A.2': '战略性新兴产业', 'A.3': '未来产业' };

/** 等级汇总: the grade distribution overall and by Appendix A category, as COUNTIFS over 汇总. */
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
  const categoryOf = new Map(panel.cases.map((c) => [c.id, c.category]));
  const categories = [...new Set(panel.cases.map((c) => c.category))].sort();
  const grades = sheetRef(SHEET.summary, `$${gradeCol}:$${gradeCol}`);
  const cats = sheetRef(SHEET.summary, `$${catCol}:$${catCol}`);

  const rows: { label: string; name: string; filter: string | null }[] = [
    { label: '全部', name: '所有案例', filter: null },
    ...categories.map((c) => ({ label: c || '（未填）', name: CATEGORY_NAMES[c] ?? '', filter: c })),
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
  const statuses = ['评分有误', '评分未完成', '未进入全部轮次', '未通过规范性审核'];
  const statusOf: Record<string, string> = {
    invalid: '评分有误',
    incomplete: '评分未完成',
    'not-advanced': '未进入全部轮次',
    excluded: '未通过规范性审核',
  };
  statuses.forEach((s, i) => {
    const r = statusRow + 1 + i;
    g.value(r, 2, s, 'cell');
    g.formula(
      r,
      3,
      `COUNTIF(${sheetRef(SHEET.summary, `$${statusCol}:$${statusCol}`)},"${s}")`,
      evaluation.cases.filter((c) => statusOf[c.status] === s).length,
      'integer',
    );
  });
  return {
    name: SHEET.grades,
    kind: 'grades',
    rows: g.rows(),
    columns: [12, 18, 9, 9, 9, 9, 9],
    rowHeights: { 1: 28 },
    merges: ['A1:G1', 'A2:G2'],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
    protection: { withPassword: true },
  };
}
