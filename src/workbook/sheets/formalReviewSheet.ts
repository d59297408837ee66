import type { CaseInfo, Panel } from '../../core/panel/types';
import { rangeRef } from '../address';
import { Grid } from '../grid';
import { FORMAL_REVIEW_LABEL, YES } from '../labels';
import type { SheetSpec } from '../model';
import { SHEET_FORMAL_REVIEW } from '../names';
import { planPrint } from '../print/pagePlan';
import { rowHeightFor, wrappedHeight } from '../print/textFit';

/** The checklist of 9.1.3: applicant conditions (6.2), case conditions (6.3), materials (9.1.2, Appendix C). */
export const FORMAL_CHECKS = [
  { key: '6.2a', label: '6.2a 依法注册并正常经营' },
  { key: '6.2b', label: '6.2b 近三年无重大事故和违法违规' },
  { key: '6.2c', label: '6.2c 承诺材料真实并拥有知识产权' },
  { key: '6.3a', label: '6.3a 正式实施满一年且成效显著' },
  { key: '6.3b', label: '6.3b 技术创新点和支撑性成果' },
  { key: '6.3c', label: '6.3c 无知识产权争议' },
  { key: 'C', label: '推荐申报表（附录 C）' },
  { key: 'D', label: '成果主报告（附录 D）' },
  { key: 'proof', label: '证明与支撑材料齐全' },
  { key: 'legal', label: '无明显合法合规风险' },
] as const;

/** The 11 kinds of attachment Appendix C lists. */
export const ATTACHMENTS = [
  '专利证书',
  '著作（书籍）封面',
  '论文',
  '标准',
  '软件著作权',
  '获奖证书',
  '转让合同',
  '测试或检测报告',
  '应用证明',
  '行业审批文件',
  '其他',
];

export const FORMAL_REVIEW_COLUMNS = [
  '案例编号',
  '案例名称',
  '申报单位',
  ...FORMAL_CHECKS.map((c) => c.label),
  '所附资料',
  '审核结果',
  '审核说明',
  '补正期限',
];

/** 审核说明 of a result that came with the panel file (ceeas build), not from the checklist. */
export const PANEL_BASIS = '按面板文件登记为通过，清单未逐项填写';

/** Column of 审核结果 on 规范性审核 (1-based). */
export const FORMAL_RESULT_COLUMN = FORMAL_REVIEW_COLUMNS.indexOf('审核结果') + 1;

/** Widths: id, name, applicant, a narrow 是/否 column per check, attachments, result, reasons, deadline. */
const WIDTHS = [9, 18, 14, ...FORMAL_CHECKS.map(() => 6), 16, 8, 20, 10];

/** 规范性审核: one row per case; the clerk answers 是/否 for each check and records the result with reasons. */
export function formalReviewSheet(panel: Panel): SheetSpec {
  const g = new Grid();
  FORMAL_REVIEW_COLUMNS.forEach((h, i) => g.value(1, i + 1, h, 'header'));
  const first = 4;
  const resultCol = first + FORMAL_CHECKS.length + 1;
  const rows: (CaseInfo | null)[] = panel.cases.length > 0 ? panel.cases : [null];
  const rowHeights: Record<number, number> = {
    1: Math.max(...FORMAL_REVIEW_COLUMNS.map((h, i) => wrappedHeight(h, WIDTHS[i]))),
  };
  rows.forEach((c, i) => {
    const r = i + 2;
    g.value(r, 1, c?.id ?? '', 'text');
    g.value(r, 2, c?.name ?? '', 'wrap');
    g.value(r, 3, c?.applicant ?? '', 'wrap');
    if (c) rowHeights[r] = rowHeightFor([c.name, WIDTHS[1]], [c.applicant, WIDTHS[2]]);
    FORMAL_CHECKS.forEach((_k, k) => g.blank(r, first + k, 'input', { locked: false }));
    g.blank(r, first + FORMAL_CHECKS.length, 'inputText', { locked: false });
    g.value(r, resultCol, c ? FORMAL_REVIEW_LABEL[c.formalReview] : '', 'input', { locked: false });
    // A result that came with the panel file, not from this checklist, says so.
    const basis = c?.formalReview === 'passed' ? PANEL_BASIS : '';
    g.value(r, resultCol + 1, basis, 'inputText', { locked: false });
    g.blank(r, resultCol + 2, 'inputText', { locked: false });
  });
  const last = Math.max(2, panel.cases.length + 1);
  return {
    name: SHEET_FORMAL_REVIEW,
    kind: 'cases',
    rows: g.rows(),
    columns: WIDTHS,
    rowHeights,
    freeze: { rows: 1, columns: 2 },
    tables: [{ name: 'FormalReview', ref: rangeRef(1, 1, last, FORMAL_REVIEW_COLUMNS.length) }],
    validations: [
      {
        ref: rangeRef(2, first, last, first + FORMAL_CHECKS.length - 1),
        rule: { type: 'list', list: [YES, '否'], allowBlank: true, errorTitle: '审核项', error: '请填写“是”或“否”。' },
      },
      {
        ref: rangeRef(2, resultCol, last, resultCol),
        rule: {
          type: 'list',
          list: Object.values(FORMAL_REVIEW_LABEL).filter((x) => x !== ''),
          allowBlank: true,
          errorTitle: '审核结果',
          error: '请填写“通过”“未通过”或“限期补正”。',
        },
      },
    ],
    // The checklist on one page, the result and its reasons on the next, case id and name on both.
    print: planPrint(WIDTHS, {
      orientation: 'landscape',
      titleRows: '1:1',
      titleColumns: [1, 2],
      breakable: [FORMAL_RESULT_COLUMN - 1, FORMAL_RESULT_COLUMN],
    }),
  };
}
