import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { SHEET } from '../names';
import { chineseDate } from './dates';

export interface LettersInput {
  title: string;
  organizer: string;
  issueDate: string | null;
  letters: { caseId: string; caseName: string; applicant: string; score: string; grade: string }[];
}

const LETTER_ROWS = 14;

/** 结果通知: one printable letter per applicant, a page each. No expert data. */
export function lettersSheet(input: LettersInput): SheetSpec {
  const g = new Grid();
  const W = 4;
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const breaks: number[] = [];
  const title = input.title || '科技创新成果转化评价';
  input.letters.forEach((l, i) => {
    const top = 1 + i * LETTER_ROWS;
    if (i > 0) breaks.push(top);
    const line = (offset: number, text: string, style: 'title' | 'paragraph' | 'signature', height?: number): void => {
      g.value(top + offset, 1, text, style);
      merges.push(rangeRef(top + offset, 1, top + offset, W));
      if (height) rowHeights[top + offset] = height;
    };
    line(0, '评价结果通知书', 'title', 34);
    line(2, `${l.applicant}：`, 'signature');
    line(
      3,
      `　　贵单位申报的“${l.caseName}”（案例编号 ${l.caseId}）参加${title}，经规范性审核、初评、复评和终评，依据 T/CEEAS《企业科技创新成果转化评价准则》计算，综合得分为 ${l.score} 分，评价等级为“${l.grade}”。`,
      'paragraph',
      66,
    );
    line(
      4,
      '　　评价结果已按规定公示。公示及异议处理程序全部完成后，以管理机构正式发布的最终结果为准。',
      'paragraph',
      36,
    );
    line(5, '　　特此通知。', 'paragraph');
    g.value(top + 8, 3, input.organizer || '（管理机构名称）', 'signature');
    merges.push(rangeRef(top + 8, 3, top + 8, W));
    g.value(top + 9, 3, input.issueDate ? chineseDate(input.issueDate) : '____年__月__日', 'signature');
    merges.push(rangeRef(top + 9, 3, top + 9, W));
  });
  if (input.letters.length === 0) g.value(1, 1, '尚无已评级的案例。', 'note');
  return {
    name: SHEET.letters,
    kind: 'letters',
    rows: g.rows(),
    columns: [20, 20, 24, 20],
    rowHeights,
    merges,
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true, breaksBefore: breaks },
    protection: { withPassword: true },
  };
}
