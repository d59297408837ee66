import type { CaseInfo } from '../../core/panel/types';
import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { planPrint } from '../print/pagePlan';
import { wrappedHeight, wrappedLines } from '../print/textFit';
import { ATTACHMENTS } from './formalReviewSheet';

const CATEGORY_CHOICES = ['企业技术创新成果转化', '企业工艺创新成果转化', '企业产品创新成果转化', '其他_____'];
const DECLARATION =
  '本单位自愿申请参加企业科技创新成果转化评价活动，并承诺所提供的相关证明材料真实、有效，复印件与原件一致。成果符合国家法律法规，不存在知识产权权益纠纷。如有不实之处，我方愿承担相应法律责任，并承担由此造成的一切后果。';

/** Column widths: 72 units print at full size on A4 portrait (see print/pagePlan). */
const COLUMNS = [16, 22, 14, 20];
const WIDE = COLUMNS[1] + COLUMNS[2] + COLUMNS[3];

/**
 * Appendix C 企业科技创新成果转化报告推荐申报表 for one case, the known fields filled, the rest to fill in. Printed at
 * full size on one A4 page (its rows add up to less than the page's 756 pt): every text wraps inside its cell, and
 * the signature and seal block is a row of the table.
 */
export function applicationSheet(c: CaseInfo, name: string): SheetSpec {
  const g = new Grid();
  const merges: string[] = [rangeRef(1, 1, 1, 4)];
  const rowHeights: Record<number, number> = { 1: 32 };
  g.value(1, 1, '企业科技创新成果转化报告推荐申报表', 'title');
  // A one-line row is 19 pt, so that the whole form stays on one page; longer texts get the height they wrap to.
  const fit = (...texts: [string, number][]): number =>
    Math.max(19, ...texts.filter(([t, w]) => wrappedLines(t, w * 0.92) > 1).map(([t, w]) => wrappedHeight(t, w)));
  const line = (
    r: number,
    label: string,
    value: string,
    options: { split?: [string, string]; min?: number } = {},
  ): void => {
    g.value(r, 1, label, 'wrapCenter');
    if (options.split) {
      g.value(r, 2, value, 'inputWrap', { locked: false });
      g.value(r, 3, options.split[0], 'wrapCenter');
      g.value(r, 4, options.split[1], 'inputWrap', { locked: false });
      rowHeights[r] = fit([value, COLUMNS[1]], [label, COLUMNS[0]]);
    } else {
      g.value(r, 2, value, 'inputWrap', { locked: false });
      g.blank(r, 3, 'inputWrap');
      g.blank(r, 4, 'inputWrap');
      merges.push(rangeRef(r, 2, r, 4));
      rowHeights[r] = Math.max(fit([value, WIDE], [label, COLUMNS[0]]), options.min ?? 0);
    }
  };
  line(2, '推荐集团', '');
  line(3, '项目/案例名称', c.name);
  line(4, '所属单位（全称）', c.applicant, { split: ['单位联系人', ''] });
  line(5, '所属单位地址', '', { split: ['电话', ''] });
  line(6, '主创人', '');
  line(7, '参创人', '');
  line(8, '案例类别', CATEGORY_CHOICES.map((x) => `□${x}`).join('　'));
  line(9, '案例概要（300字以内）', '', { min: 130 });
  line(10, '申报单位声明', DECLARATION);
  // The signature and seal block is a bordered row of the form, as on the paper form.
  const opinion =
    '申报单位意见：\n\n\n申报单位负责人签字：　　　　　　　　　　（公章）\n\n　　　　　　　　　　　　　　　　　　　　年　　月　　日';
  g.value(11, 1, opinion, 'wrap');
  for (let col = 2; col <= 4; col++) g.blank(11, col, 'wrap');
  merges.push(rangeRef(11, 1, 11, 4));
  rowHeights[11] = wrappedHeight(opinion, COLUMNS[0] + WIDE);
  const attachments = '成果转化资料　所附资料（如有下列资料，请附在成果转化资料内，并在所提供的资料前打“√”）';
  g.value(12, 1, attachments, 'wrap');
  for (let col = 2; col <= 4; col++) g.blank(12, col, 'wrap');
  merges.push(rangeRef(12, 1, 12, 4));
  rowHeights[12] = wrappedHeight(attachments, COLUMNS[0] + WIDE);
  ATTACHMENTS.forEach((a, i) => {
    g.value(13 + i, 1, '', 'input', { locked: false });
    const text = `${i + 1}. ${a === '其他' ? '其他_____' : `${a}${a === '行业审批文件' ? '（国家法律法规要求的）' : '复印件'}`}`;
    g.value(13 + i, 2, text, 'wrap');
    g.blank(13 + i, 3, 'wrap');
    g.blank(13 + i, 4, 'wrap');
    merges.push(rangeRef(13 + i, 2, 13 + i, 4));
    rowHeights[13 + i] = fit([text, WIDE]);
  });
  return {
    name,
    kind: 'form',
    rows: g.rows(),
    columns: COLUMNS,
    rowHeights,
    merges,
    validations: [
      {
        ref: rangeRef(13, 1, 12 + ATTACHMENTS.length, 1),
        rule: { type: 'list', list: ['√'], allowBlank: true, errorTitle: '所附资料', error: '已附的资料请填“√”。' },
      },
    ],
    print: planPrint(COLUMNS, { orientation: 'portrait' }),
  };
}
