import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { SHEET } from '../names';
import { planPrint } from '../print/pagePlan';
import { wrappedHeight } from '../print/textFit';
import { chineseDate } from './dates';

export interface Letter {
  caseId: string;
  caseName: string;
  applicant: string;
  score: string;
  /** The grade the letter states: after release the final grade, objections applied. */
  grade: string;
  /** The grade computed before an accepted objection changed it (9.4.3), when it did. */
  changedFrom?: string;
  certificate?: string;
}

export interface LettersInput {
  title: string;
  organizer: string;
  /**
   * `draft` until the final results are released (9.4.4): marked as a draft, undated, promising the notice; `final`
   * as `release` writes them, dated on the release date, stating the notice period and the final grade.
   */
  stage: 'draft' | 'final';
  /** The date the letters are signed (the release date); drafts carry none. */
  issueDate: string | null;
  period: { first: string; last: string } | null;
  letters: Letter[];
}

/** Column widths: 72 units print at full size on A4 portrait, each letter a page of its own. */
const COLUMNS = [17, 17, 20, 18];
const WIDTH = COLUMNS.reduce((a, b) => a + b);
const LETTER_ROWS = 14;
export const LETTER_TITLE = '评价结果通知书';
export const DRAFT_TITLE = '评价结果通知书（草稿）';
export const SEAL = '（盖章）';
const DRAFT_NOTE =
  '草稿，不得发出：公示期满、异议全部处理完毕并发布最终结果后，由“发布结果”（ceeas release）生成正式通知书，落款为发布日期。';

function body(input: LettersInput, l: Letter): string[] {
  const title = input.title || '科技创新成果转化评价';
  const opening = `　　贵单位申报的“${l.caseName}”（案例编号 ${l.caseId}）参加${title}，经规范性审核、初评、复评和终评，依据 T/CEEAS《企业科技创新成果转化评价准则》计算，综合得分为 ${l.score} 分。`;
  if (input.stage === 'draft')
    return [
      `${opening}计算等级为“${l.grade}”。`,
      '　　评价结果将按规定予以公示。公示及异议处理程序全部完成后，以管理机构正式发布的最终结果为准。',
    ];
  const period = input.period
    ? `评价结果已于${chineseDate(input.period.first)}至${chineseDate(input.period.last)}公示，公示期间收到的异议已依照准则 9.4.3 处理完毕`
    : '评价结果已按规定公示，公示期间收到的异议已依照准则 9.4.3 处理完毕';
  const change = l.changedFrom ? `；经异议处理，评价等级由“${l.changedFrom}”调整为“${l.grade}”` : '';
  return [
    `${opening}${period}${change}。`,
    `　　最终评价等级为“${l.grade}”${l.certificate ? `，证书编号 ${l.certificate}` : ''}。`,
  ];
}

/**
 * 结果通知: one letter per applicant (9.4.4), a page each, signed by the office with its seal line and date.
 * No expert data.
 */
export function lettersSheet(input: LettersInput): SheetSpec {
  const g = new Grid();
  const W = COLUMNS.length;
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const breaks: number[] = [];
  input.letters.forEach((l, i) => {
    const top = 1 + i * LETTER_ROWS;
    if (i > 0) breaks.push(top);
    const line = (
      offset: number,
      text: string,
      style: 'title' | 'paragraph' | 'signature' | 'note',
      height: number,
    ): void => {
      g.value(top + offset, 1, text, style);
      merges.push(rangeRef(top + offset, 1, top + offset, W));
      rowHeights[top + offset] = height;
    };
    line(0, input.stage === 'draft' ? DRAFT_TITLE : LETTER_TITLE, 'title', 34);
    if (input.stage === 'draft') line(1, DRAFT_NOTE, 'note', wrappedHeight(DRAFT_NOTE, WIDTH));
    line(2, `${l.applicant}：`, 'signature', 24);
    body(input, l).forEach((text, k) => line(3 + k, text, 'paragraph', wrappedHeight(text, WIDTH)));
    line(5, '　　特此通知。', 'paragraph', 22);
    const sign = (offset: number, text: string): void => {
      g.value(top + offset, 3, text, 'signature');
      merges.push(rangeRef(top + offset, 3, top + offset, W));
      rowHeights[top + offset] = 24;
    };
    sign(8, input.organizer || '（管理机构名称）');
    sign(9, SEAL);
    sign(10, input.issueDate ? chineseDate(input.issueDate) : '＿＿＿＿年＿＿月＿＿日');
  });
  if (input.letters.length === 0) g.value(1, 1, '尚无已评级的案例。', 'note');
  return {
    name: SHEET.letters,
    kind: 'letters',
    rows: g.rows(),
    columns: COLUMNS,
    rowHeights,
    merges,
    print: planPrint(COLUMNS, { orientation: 'portrait', breaksBefore: breaks }),
    protection: { withPassword: true },
  };
}
