import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { SHEET } from '../names';
import type { OfficeContact } from '../../core/panel/types';
import { planPrint } from '../print/pagePlan';
import { wrappedHeight } from '../print/textFit';
import { chineseDate } from './dates';

/** Only what may be published (9.4.1): no expert name, id or individual score can even be passed in. */
export interface NoticeInput {
  title: string;
  organizer: string;
  /** The date the notice is signed: the office's notice date, else its first day; null while neither is set. */
  issueDate: string | null;
  period: { first: string; last: string; workingDays: number } | null;
  entries: { caseName: string; applicant: string; grade: string; category?: string }[];
  contact: OfficeContact;
}

export const OBJECTION_RULES = [
  '一、任何单位或个人对公示的评价结果有异议的，应在公示期内以书面形式实名向管理机构提出，说明理由并提供相关证据。',
  '二、匿名或超过公示期提出的异议不予受理。',
  '三、管理机构受理异议后组织核查；异议不成立的予以驳回并说明理由，异议成立且对评价等级产生实质性影响的，重新组织评议或调整评价结果。',
  '四、异议处理决定以书面形式告知异议方及相关申报单位；公示及异议处理程序全部完成后，正式发布最终评价结果。',
];

const COLUMNS = [6, 34, 28, 10];
const WIDTH = COLUMNS.reduce((a, b) => a + b);
const BLANK = '＿＿＿＿＿＿＿＿';

/** The contact line of the notice: where and to whom objections go (9.4.2), blanks where a particular is not set. */
export function contactLine(contact: OfficeContact): string {
  return `联系地址：${contact.address || BLANK}　联系电话：${contact.telephone || BLANK}　联系人：${contact.person || BLANK}`;
}

/**
 * 公示: the public notice of the results (standard 9.4), signed by the office with its seal and dated on the notice
 * date, with the office's contact for objections. One A4 page wide at full size.
 */
export function noticeSheet(input: NoticeInput): SheetSpec {
  const g = new Grid();
  const W = COLUMNS.length;
  const title = input.title || '科技创新成果转化评价';
  const rowHeights: Record<number, number> = { 1: 32, 5: 22 };
  const merges: string[] = [rangeRef(1, 1, 1, W)];
  const paragraph = (r: number, text: string, style: 'paragraph' | 'signature' = 'paragraph'): void => {
    g.value(r, 1, text, style);
    merges.push(rangeRef(r, 1, r, W));
    rowHeights[r] = wrappedHeight(text, WIDTH);
  };
  g.value(1, 1, `关于${title}结果的公示`, 'title');
  const period = input.period
    ? `公示期：${chineseDate(input.period.first)}至${chineseDate(input.period.last)}（共 ${input.period.workingDays} 个工作日）。`
    : '公示期待定：请在“轮次设置”中填写公示开始日，并在“节假日”中核对放假和调休上班日期后重新生成公示。';
  paragraph(
    3,
    `　　根据 T/CEEAS《企业科技创新成果转化评价准则》，经规范性审核、初评、复评和终评，${title}结果已经形成。现将评价结果予以公示，接受社会监督。${period}`,
  );
  ['序号', '案例名称', '申报单位', '评价等级'].forEach((h, i) => g.value(5, i + 1, h, 'header'));
  input.entries.forEach((e, i) => {
    const r = 6 + i;
    g.value(r, 1, i + 1, 'integer');
    g.value(r, 2, e.caseName, 'wrap');
    g.value(r, 3, e.applicant, 'wrap');
    g.value(r, 4, e.grade, 'cellCenter');
    rowHeights[r] = Math.max(20, wrappedHeight(e.caseName, COLUMNS[1]), wrappedHeight(e.applicant, COLUMNS[2]));
  });
  let r = 6 + Math.max(input.entries.length, 1) + 1;
  paragraph(r++, '异议受理规则：', 'signature');
  for (const rule of OBJECTION_RULES) paragraph(r++, rule);
  r++;
  paragraph(r, contactLine(input.contact));
  r += 2;
  // The signature block: the office, its seal, the date.
  const sign = (row: number, text: string): void => {
    g.value(row, 3, text, 'signature');
    merges.push(rangeRef(row, 3, row, W));
    rowHeights[row] = 22;
  };
  sign(r, input.organizer || '（管理机构名称）');
  sign(r + 1, '（盖章）');
  sign(r + 2, input.issueDate ? chineseDate(input.issueDate) : '＿＿＿＿年＿＿月＿＿日');
  return {
    name: SHEET.notice,
    kind: 'notice',
    rows: g.rows(),
    columns: COLUMNS,
    rowHeights,
    merges,
    print: planPrint(COLUMNS, { orientation: 'portrait', titleRows: '5:5' }),
    protection: { withPassword: true },
  };
}
