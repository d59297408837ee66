import type { CaseInfo } from '../../core/panel/types';
import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { ATTACHMENTS } from './formalReviewSheet';

const CATEGORY_CHOICES = ['企业技术创新成果转化', '企业工艺创新成果转化', '企业产品创新成果转化', '其他_____'];
const DECLARATION =
  '本单位自愿申请参加企业科技创新成果转化评价活动，并承诺所提供的相关证明材料真实、有效，复印件与原件一致。成果符合国家法律法规，不存在知识产权权益纠纷。如有不实之处，我方愿承担相应法律责任，并承担由此造成的一切后果。';

/** Appendix C 企业科技创新成果转化报告推荐申报表 for one case, the known fields filled, the rest to fill in. */
export function applicationSheet(c: CaseInfo, name: string): SheetSpec {
  const g = new Grid();
  const merges: string[] = [rangeRef(1, 1, 1, 4)];
  g.value(1, 1, '企业科技创新成果转化报告推荐申报表', 'title');
  const line = (r: number, label: string, value: string, split?: [string, string]): void => {
    g.value(r, 1, label, 'header');
    if (split) {
      g.value(r, 2, value, 'inputText', { locked: false });
      g.value(r, 3, split[0], 'header');
      g.value(r, 4, split[1], 'inputText', { locked: false });
    } else {
      g.value(r, 2, value, 'inputText', { locked: false });
      g.blank(r, 3, 'inputText');
      g.blank(r, 4, 'inputText');
      merges.push(rangeRef(r, 2, r, 4));
    }
  };
  line(2, '推荐集团', '');
  line(3, '项目/案例名称', c.name);
  line(4, '所属单位（全称）', c.applicant, ['单位联系人', '']);
  line(5, '所属单位地址', '', ['电话', '']);
  line(6, '主创人', '');
  line(7, '参创人', '');
  line(8, '案例类别', CATEGORY_CHOICES.map((x) => `□${x}`).join('　'));
  line(9, '案例概要（300字以内）', '');
  line(10, '申报单位声明', DECLARATION);
  g.value(11, 1, '申报单位意见：\n\n申报单位负责人签字：　　　　　（公章）\n\n年　月　日', 'paragraph');
  merges.push(rangeRef(11, 1, 11, 4));
  g.value(12, 1, '成果转化资料　所附资料（如有下列资料，请附在成果转化资料内，并在所提供的资料前打“√”）', 'paragraph');
  merges.push(rangeRef(12, 1, 12, 4));
  ATTACHMENTS.forEach((a, i) => {
    g.value(13 + i, 1, '', 'input', { locked: false });
    g.value(
      13 + i,
      2,
      `${i + 1}. ${a === '其他' ? '其他_____' : `${a}${a === '行业审批文件' ? '（国家法律法规要求的）' : '复印件'}`}`,
      'cell',
    );
    merges.push(rangeRef(13 + i, 2, 13 + i, 4));
  });
  return {
    name,
    kind: 'form',
    rows: g.rows(),
    columns: [18, 30, 14, 24],
    rowHeights: { 1: 32, 8: 36, 9: 120, 10: 64, 11: 96, 12: 30 },
    merges,
    validations: [
      {
        ref: rangeRef(13, 1, 12 + ATTACHMENTS.length, 1),
        rule: { type: 'list', list: ['√'], allowBlank: true, errorTitle: '所附资料', error: '已附的资料请填“√”。' },
      },
    ],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
  };
}
