import { ROUND_IDS, ROUND_NAMES, type CaseInfo, type ExpertInfo, type Panel } from '../../core/panel/types';
import { rangeRef, sheetRef } from '../address';
import { Grid } from '../grid';
import { AGGREGATE_LABEL, CALENDAR_KIND_LABEL, FORMAL_REVIEW_LABEL, GRADE_ON_LABEL, YES } from '../labels';
import type { RangeValidation, SheetSpec, TableSpec, ValidationSpec } from '../model';
import { SHEET, SHEET_FORMAL_REVIEW } from '../names';
import { columnLetter } from '../address';
import { planPrint } from '../print/pagePlan';
import { rowHeightFor } from '../print/textFit';
import { FORMAL_RESULT_COLUMN } from './formalReviewSheet';

const FR_RESULT = columnLetter(FORMAL_RESULT_COLUMN);
import type { SettingsCells } from './settingsCells';

// The registers are Excel tables the secretariat edits: header in row 1, one record per row, no protection.

const yesNo: ValidationSpec = {
  type: 'list',
  list: [YES, '否'],
  allowBlank: true,
  errorTitle: '请选择',
  error: '请填写“是”或留空。',
};

export const CASE_COLUMNS = [
  '案例编号',
  '案例名称',
  '申报单位',
  '产业类别',
  '加分条款',
  '规范性审核',
  '审核说明',
  '初评',
  '复评',
  '终评',
];

/** 案例登记's 规范性审核 column: the result kept on the 规范性审核 sheet for the case of that row. */
export function formalReviewFormula(r: number): string {
  // &"" shows a blank result (not reviewed yet) as blank, not as the 0 INDEX gives for an empty cell.
  return `IFERROR(INDEX('${SHEET_FORMAL_REVIEW}'!$${FR_RESULT}:$${FR_RESULT},MATCH($A${r},'${SHEET_FORMAL_REVIEW}'!$A:$A,0))&"","")`;
}

const CASE_WIDTHS = [10, 24, 22, 10, 18, 11, 14, 6, 6, 6];
const EXPERT_WIDTHS = [10, 12, 30, 16, 16, 7, 7, 7];

export function casesSheet(panel: Panel): SheetSpec {
  const g = new Grid();
  CASE_COLUMNS.forEach((h, i) => g.value(1, i + 1, h, 'header'));
  const bonusLabel = new Map(panel.rubric.bonuses.map((b) => [b.id, b.label.zh]));
  // An empty register keeps one blank, formatted row: imported rows take their look from it.
  const rows: (CaseInfo | null)[] = panel.cases.length > 0 ? panel.cases : [null];
  const rowHeights: Record<number, number> = {};
  rows.forEach((c, i) => {
    const r = i + 2;
    g.value(r, 1, c?.id ?? '', 'text');
    g.value(r, 2, c?.name ?? '', 'wrap');
    g.value(r, 3, c?.applicant ?? '', 'wrap');
    g.value(r, 4, c?.category ?? '', 'cellCenter');
    const bonus = c ? c.bonus.map((b) => bonusLabel.get(b) ?? b).join('；') : '';
    g.value(r, 5, bonus, 'wrap');
    if (c)
      rowHeights[r] = rowHeightFor([c.name, CASE_WIDTHS[1]], [c.applicant, CASE_WIDTHS[2]], [bonus, CASE_WIDTHS[4]]);
    // The result is kept on 规范性审核 with its checklist and reasons; this column shows it.
    g.formula(r, 6, formalReviewFormula(r), c ? FORMAL_REVIEW_LABEL[c.formalReview] : '', 'cellCenter');
    g.value(r, 7, '', 'cell');
    ROUND_IDS.forEach((rid, k) =>
      g.value(r, 8 + k, c && panel.rounds[rid].cases.includes(c.id) ? YES : '', 'cellCenter'),
    );
  });
  const last = Math.max(2, panel.cases.length + 1);
  return {
    name: SHEET.cases,
    kind: 'cases',
    rows: g.rows(),
    columns: CASE_WIDTHS,
    rowHeights,
    tables: [{ name: 'Cases', ref: rangeRef(1, 1, last, CASE_COLUMNS.length) }],
    freeze: { rows: 1, columns: 1 },
    validations: [{ ref: rangeRef(2, 8, last, 10), rule: yesNo }],
    print: planPrint(CASE_WIDTHS, { orientation: 'landscape', titleRows: '1:1' }),
  };
}

/**
 * What a register grown from `lastRow` to `newLastRow` needs beyond its new cells, for a host that cannot extend
 * what reaches the last row by itself (the Office.js host; the .xlsx host extends the parts it finds): its table
 * over every record, and the 是/否 lists over the new rows. Null for a sheet that is not a register.
 */
export function registerGrowthOf(
  sheet: string,
  lastRow: number,
  newLastRow: number,
): { table: TableSpec; validations: RangeValidation[] } | null {
  const shape =
    sheet === SHEET.cases
      ? { table: 'Cases', width: CASE_COLUMNS.length, marks: [8, 10] }
      : sheet === SHEET.experts
        ? { table: 'Experts', width: EXPERT_COLUMNS.length, marks: [6, 8] }
        : null;
  if (!shape || newLastRow <= lastRow) return null;
  return {
    table: { name: shape.table, ref: rangeRef(1, 1, newLastRow, shape.width) },
    validations: [{ ref: rangeRef(lastRow + 1, shape.marks[0], newLastRow, shape.marks[1]), rule: yesNo }],
  };
}

export const EXPERT_COLUMNS = ['专家编号', '姓名', '工作单位', '专业领域', '申报回避案例', '初评', '复评', '终评'];

export function expertsSheet(panel: Panel): SheetSpec {
  const g = new Grid();
  EXPERT_COLUMNS.forEach((h, i) => g.value(1, i + 1, h, 'header'));
  const rows: (ExpertInfo | null)[] = panel.experts.length > 0 ? panel.experts : [null];
  const rowHeights: Record<number, number> = {};
  rows.forEach((e, i) => {
    const r = i + 2;
    g.value(r, 1, e?.id ?? '', 'text');
    g.value(r, 2, e?.name ?? '', 'cell');
    g.value(r, 3, e?.organization ?? '', 'wrap');
    if (e) rowHeights[r] = rowHeightFor([e.organization, EXPERT_WIDTHS[2]]);
    g.value(r, 4, e ? e.fields.join('；') : '', 'cell');
    g.value(r, 5, e ? e.conflicts.join('；') : '', 'cell');
    ROUND_IDS.forEach((rid, k) =>
      g.value(r, 6 + k, e && panel.rounds[rid].experts.includes(e.id) ? YES : '', 'cellCenter'),
    );
  });
  const last = Math.max(2, panel.experts.length + 1);
  return {
    name: SHEET.experts,
    kind: 'experts',
    rows: g.rows(),
    columns: EXPERT_WIDTHS,
    rowHeights,
    tables: [{ name: 'Experts', ref: rangeRef(1, 1, last, EXPERT_COLUMNS.length) }],
    freeze: { rows: 1, columns: 1 },
    validations: [{ ref: rangeRef(2, 6, last, 8), rule: yesNo }],
    print: planPrint(EXPERT_WIDTHS, { orientation: 'portrait', titleRows: '1:1' }),
  };
}

/** Labels in column A of 轮次设置; the reader finds each value beside its label, wherever the row is. */
export const SETTING = {
  title: '评价名称',
  organizer: '管理机构',
  decimals: '小数位数',
  gradeOn: '等级依据',
  aggregate: '汇总方式',
  scoreStep: '分值步长',
  outlierPoints: '离群提示阈值（分）',
  noticeStart: '公示开始日',
  noticeDays: '公示工作日数',
} as const;

export const ROUND_TABLE_HEADER = ['轮次', '轮次编号', '权重', '专家人数', '案例数'];

/**
 * The office's particulars every document it sends takes (公示, 结果通知, 结果发布), below the round table of
 * 轮次设置. Optional: a workbook made before they existed reads with them blank, and its documents leave lines to
 * fill in by hand.
 */
export const PARTICULAR = {
  address: '联系地址',
  telephone: '联系电话',
  person: '联系人',
  noticeDate: '公示发布日期',
  releaseDate: '结果发布日期',
  certificatePattern: '证书编号格式',
} as const;

export const PARTICULARS_TITLE = '管理机构与文书';

const ROUNDS_WIDTHS = [16, 22, 33, 8, 8];
const WEIGHTS_NOTE =
  '三轮权重之和须为 1（准则 8.2：初评 20%、复评 20%、终评 60%）。各轮的专家和案例在“专家库”“案例登记”中以“是”标记。';

export function roundsSheet(panel: Panel): SheetSpec {
  const g = new Grid();
  g.value(1, 1, '评价参数与轮次设置', 'title');
  ['参数', '取值', '说明'].forEach((h, i) => g.value(3, i + 1, h, 'header'));
  const p = panel.policy;
  const rows: [string, string | number, string, ValidationSpec?][] = [
    [SETTING.title, panel.title, '公示、结果通知中使用的评价名称'],
    [SETTING.organizer, panel.notice.organizer, '评价管理机构名称（公示落款）'],
    [
      SETTING.decimals,
      p.decimals,
      '轮次均分和综合得分保留的小数位数（四舍五入）',
      { type: 'whole', min: 0, max: 6, allowBlank: false, errorTitle: '小数位数', error: '请填写 0~6 之间的整数。' },
    ],
    [
      SETTING.gradeOn,
      GRADE_ON_LABEL[p.gradeOn],
      '按公布的得分定等级，公布 90.00 的案例不会是二等',
      {
        type: 'list',
        list: Object.values(GRADE_ON_LABEL),
        allowBlank: false,
        errorTitle: '等级依据',
        error: '请从下拉列表中选择。',
      },
    ],
    [
      SETTING.aggregate,
      AGGREGATE_LABEL[p.aggregate],
      '多于两位专家时，可去掉一个最高分和一个最低分',
      {
        type: 'list',
        list: Object.values(AGGREGATE_LABEL),
        allowBlank: false,
        errorTitle: '汇总方式',
        error: '请从下拉列表中选择。',
      },
    ],
    [
      SETTING.scoreStep,
      p.scoreStep.toNumber(),
      '每项得分须为其整数倍（1 表示只能填整数）',
      {
        type: 'decimal',
        min: 0.01,
        max: 100,
        allowBlank: false,
        errorTitle: '分值步长',
        error: '请填写正数，如 1 或 0.5。',
      },
    ],
    [
      SETTING.outlierPoints,
      p.outlierPoints.toNumber(),
      '专家总分与其他专家平均分相差超过此值时提示复核',
      {
        type: 'decimal',
        min: 0,
        max: 100,
        allowBlank: false,
        errorTitle: '离群提示阈值',
        error: '请填写 0~100 之间的数。',
      },
    ],
    [SETTING.noticeStart, panel.notice.start ?? '', '公示最早开始日（YYYY-MM-DD），遇非工作日顺延'],
    [
      SETTING.noticeDays,
      panel.notice.workingDays,
      '不少于 7 个工作日（准则 9.4.1）',
      {
        type: 'whole',
        min: 7,
        max: 60,
        allowBlank: false,
        errorTitle: '公示工作日数',
        error: '公示期不少于 7 个工作日，请填写 7~60 之间的整数。',
      },
    ],
  ];
  const validations: SheetSpec['validations'] = [];
  const rowHeights: Record<number, number> = {};
  rows.forEach(([label, value, help, rule], i) => {
    const r = 4 + i;
    g.value(r, 1, label, 'cell');
    g.value(r, 2, value, typeof value === 'number' ? 'cellCenter' : 'textWrap');
    g.value(r, 3, help, 'note');
    rowHeights[r] = rowHeightFor([help, ROUNDS_WIDTHS[2]], [String(value), ROUNDS_WIDTHS[1]]);
    if (rule) validations.push({ ref: rangeRef(r, 2, r, 2), rule });
  });
  const head = 4 + rows.length + 1;
  ROUND_TABLE_HEADER.forEach((h, i) => g.value(head, i + 1, h, 'header'));
  ROUND_IDS.forEach((rid, k) => {
    const r = head + 1 + k;
    g.value(r, 1, ROUND_NAMES[rid].zh, 'cellCenter');
    g.value(r, 2, rid, 'cellCenter');
    g.value(r, 3, panel.rounds[rid].weight.toNumber(), 'cellCenter');
    const col = ['F', 'G', 'H'][k];
    const caseCol = ['H', 'I', 'J'][k];
    g.formula(
      r,
      4,
      `COUNTIF('${SHEET.experts}'!${col}:${col},"${YES}")`,
      panel.rounds[rid].experts.length,
      'cellCenter',
    );
    g.formula(
      r,
      5,
      `COUNTIF('${SHEET.cases}'!${caseCol}:${caseCol},"${YES}")`,
      panel.rounds[rid].cases.length,
      'cellCenter',
    );
  });
  const sumRow = head + 4;
  const particulars = sumRow + 3;
  g.value(particulars, 1, PARTICULARS_TITLE, 'header');
  g.value(particulars, 2, '取值', 'header');
  g.value(particulars, 3, '说明', 'header');
  const n = panel.notice;
  const particularRows: [string, string, string][] = [
    [PARTICULAR.address, n.contact.address, '公示中的联系方式：受理异议的地址'],
    [PARTICULAR.telephone, n.contact.telephone, '公示中的联系方式：受理异议的电话'],
    [PARTICULAR.person, n.contact.person, '公示中的联系方式：联系人'],
    [PARTICULAR.noticeDate, n.date ?? '', '公示落款日期（YYYY-MM-DD）；留空则为公示开始日'],
    [PARTICULAR.releaseDate, n.releaseDate ?? '', '结果发布与结果通知书的落款日期；留空则为发布当日'],
    [
      PARTICULAR.certificatePattern,
      n.certificatePattern,
      '{年份}、{等级}（一等 1、二等 2、三等 3）、{序号}（三位，{序号:4} 为四位）',
    ],
  ];
  particularRows.forEach(([label, value, help], i) => {
    const r = particulars + 1 + i;
    g.value(r, 1, label, 'cell');
    g.value(r, 2, value, 'textWrap');
    g.value(r, 3, help, 'note');
    rowHeights[r] = rowHeightFor([help, ROUNDS_WIDTHS[2]], [value, ROUNDS_WIDTHS[1]]);
  });
  g.value(sumRow, 1, '权重合计', 'cellCenter');
  g.blank(sumRow, 2, 'cellCenter');
  g.formula(sumRow, 3, `SUM(C${head + 1}:C${head + 3})`, 1, 'cellCenter');
  g.value(sumRow + 1, 1, WEIGHTS_NOTE, 'note');
  validations.push({
    ref: rangeRef(head + 1, 3, head + 3, 3),
    rule: {
      type: 'decimal',
      min: 0,
      max: 1,
      allowBlank: false,
      errorTitle: '轮次权重',
      error: '权重为 0~1 之间的小数，三轮之和为 1。',
    },
  });
  return {
    name: SHEET.rounds,
    kind: 'rounds',
    rows: g.rows(),
    columns: ROUNDS_WIDTHS,
    rowHeights: { ...rowHeights, [sumRow + 1]: rowHeightFor([WEIGHTS_NOTE, ROUNDS_WIDTHS.reduce((a, b) => a + b)]) },
    merges: ['A1:E1', `A${sumRow + 1}:E${sumRow + 1}`],
    validations,
    print: planPrint(ROUNDS_WIDTHS, { orientation: 'portrait' }),
  };
}

export const HOLIDAY_COLUMNS = ['开始日期', '结束日期', '类型', '名称'];

const HOLIDAY_WIDTHS = [14, 14, 12, 36];

export function holidaysSheet(panel: Panel): SheetSpec {
  const g = new Grid();
  HOLIDAY_COLUMNS.forEach((h, i) => g.value(1, i + 1, h, 'header'));
  panel.notice.calendar.forEach((c, i) => {
    const r = i + 2;
    g.value(r, 1, c.from, 'text');
    g.value(r, 2, c.to, 'text');
    g.value(r, 3, CALENDAR_KIND_LABEL[c.kind], 'cellCenter');
    g.value(r, 4, c.name, 'cell');
  });
  const last = Math.max(2, panel.notice.calendar.length + 1);
  return {
    name: SHEET.holidays,
    kind: 'holidays',
    rows: g.rows(),
    columns: HOLIDAY_WIDTHS,
    tables: [{ name: 'Holidays', ref: rangeRef(1, 1, last, HOLIDAY_COLUMNS.length) }],
    freeze: { rows: 1, columns: 0 },
    validations: [
      {
        ref: rangeRef(2, 3, last + 50, 3),
        rule: {
          type: 'list',
          list: [CALENDAR_KIND_LABEL.holiday, CALENDAR_KIND_LABEL.workday],
          allowBlank: true,
          errorTitle: '类型',
          error: '请填写“放假”或“调休上班”。',
        },
      },
    ],
    print: planPrint(HOLIDAY_WIDTHS, { orientation: 'portrait', titleRows: '1:1' }),
  };
}

const SETTING_ROWS = Object.keys(SETTING) as (keyof typeof SETTING)[];

/** Where roundsSheet puts each parameter and weight, for formulas that reference them. */
export function settingsCells(): SettingsCells {
  const at = (key: keyof typeof SETTING): string => sheetRef(SHEET.rounds, `$B$${4 + SETTING_ROWS.indexOf(key)}`);
  const head = 4 + SETTING_ROWS.length + 1;
  return {
    decimals: at('decimals'),
    gradeOn: at('gradeOn'),
    aggregate: at('aggregate'),
    weight: {
      initial: sheetRef(SHEET.rounds, `$C$${head + 1}`),
      review: sheetRef(SHEET.rounds, `$C$${head + 2}`),
      final: sheetRef(SHEET.rounds, `$C$${head + 3}`),
    },
  };
}
