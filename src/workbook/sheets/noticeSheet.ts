import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { SHEET } from '../names';
import { chineseDate } from './dates';

/** Only what may be published (9.4.1): no expert name, id or individual score can even be passed in. */
export interface NoticeInput {
  title: string;
  organizer: string;
  issueDate: string | null;
  period: { first: string; last: string; workingDays: number } | null;
  entries: { caseName: string; applicant: string; grade: string; category?: string }[];
  contact?: string;
}

export const OBJECTION_RULES = [
  '一、任何单位或个人对公示的评价结果有异议的，应在公示期内以书面形式实名向管理机构提出，说明理由并提供相关证据。',
  '二、匿名或超过公示期提出的异议不予受理。',
  '三、管理机构受理异议后组织核查；异议不成立的予以驳回并说明理由，异议成立且对评价等级产生实质性影响的，重新组织评议或调整评价结果。',
  '四、异议处理决定以书面形式告知异议方及相关申报单位；公示及异议处理程序全部完成后，正式发布最终评价结果。',
];

/** 公示: the public notice of the results (standard 9.4). */
export function noticeSheet(input: NoticeInput): SheetSpec {
  const g = new Grid();
  const W = 4;
  const title = input.title || '科技创新成果转化评价';
  g.value(1, 1, `关于${title}结果的公示`, 'title');
  const period = input.period
    ? `公示期：${chineseDate(input.period.first)}至${chineseDate(input.period.last)}（共 ${input.period.workingDays} 个工作日）。`
    : '公示期待定：请在“轮次设置”中填写公示开始日，并在“节假日”中核对放假和调休上班日期后重新生成公示。';
  g.value(
    3,
    1,
    `根据 T/CEEAS《企业科技创新成果转化评价准则》，经规范性审核、初评、复评和终评，${title}结果已经形成。现将评价结果予以公示，接受社会监督。${period}`,
    'paragraph',
  );
  ['序号', '案例名称', '申报单位', '评价等级'].forEach((h, i) => g.value(5, i + 1, h, 'header'));
  input.entries.forEach((e, i) => {
    const r = 6 + i;
    g.value(r, 1, i + 1, 'integer');
    g.value(r, 2, e.caseName, 'wrap');
    g.value(r, 3, e.applicant, 'wrap');
    g.value(r, 4, e.grade, 'cellCenter');
  });
  let r = 6 + Math.max(input.entries.length, 1) + 1;
  const merges = [rangeRef(1, 1, 1, W), rangeRef(3, 1, 3, W)];
  g.value(r, 1, '异议受理规则：', 'signature');
  merges.push(rangeRef(r, 1, r, W));
  r++;
  const rowHeights: Record<number, number> = { 1: 32, 3: 64, 5: 22 };
  for (const rule of OBJECTION_RULES) {
    g.value(r, 1, rule, 'paragraph');
    merges.push(rangeRef(r, 1, r, W));
    rowHeights[r] = 34;
    r++;
  }
  r++;
  g.value(r, 1, `联系方式：${input.contact ?? '________________'}`, 'paragraph');
  merges.push(rangeRef(r, 1, r, W));
  r += 2;
  g.value(r, 3, input.organizer || '（管理机构名称）', 'signature');
  merges.push(rangeRef(r, 3, r, W));
  g.value(r + 1, 3, input.issueDate ? chineseDate(input.issueDate) : '____年__月__日', 'signature');
  merges.push(rangeRef(r + 1, 3, r + 1, W));
  return {
    name: SHEET.notice,
    kind: 'notice',
    rows: g.rows(),
    columns: [7, 40, 32, 12],
    rowHeights,
    merges,
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true, titleRows: '5:5' },
    protection: { withPassword: true },
  };
}
