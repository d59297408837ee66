import { ROUND_NAMES, type RoundId } from '../panel/types';
import type { FindingCode, Lang } from './findings';

/** What a message may mention; every field is already display text. */
export interface MessageContext {
  round: RoundId | null;
  expert: string | null;
  case: string | null;
  itemName?: string;
  value?: string;
  max?: string;
  bands?: string;
  step?: string;
  bonus?: string;
  min?: string;
  total?: string;
  othersMean?: string;
  limit?: string;
  /** Sheet and cell, for workbook findings. */
  cell?: string;
  formula?: string;
}

function who(c: MessageContext, lang: Lang): string {
  const round = c.round ? ROUND_NAMES[c.round][lang] : '';
  return lang === 'zh'
    ? `${round}专家 ${c.expert ?? ''} 对案例 ${c.case ?? ''} `
    : `${round} round, expert ${c.expert ?? ''}, case ${c.case ?? ''}`;
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E]/;

/** Long generated formulas are shown by their beginning. */
function short(formula: string | undefined): string {
  const f = formula ?? '';
  return f.length > 60 ? `${f.slice(0, 60)}…` : f;
}

const zh: Record<FindingCode, (c: MessageContext) => string> = {
  'not-a-number': (c) =>
    `${who(c, 'zh')}的“${c.itemName}”填写了“${c.value}”，不是数字${FULL_WIDTH.test(c.value ?? '') ? '（含全角字符，请用半角数字）' : ''}，请填写 0~${c.max} 分。`,
  'out-of-range': (c) => `${who(c, 'zh')}的“${c.itemName}”得分 ${c.value} 超出 0~${c.max} 分（${c.bands}）。`,
  'bad-step': (c) => `${who(c, 'zh')}的“${c.itemName}”得分 ${c.value} 不是 ${c.step} 分的整数倍。`,
  'missing-item': (c) => `${who(c, 'zh')}的评分缺少“${c.itemName}”。`,
  'unknown-item': (c) => `${who(c, 'zh')}的评分含有评分表中没有的指标“${c.itemName}”。`,
  'duplicate-entry': (c) => `${who(c, 'zh')}的评分重复出现，以第一份为准，请删去多余的一份。`,
  'not-assigned': (c) =>
    `专家 ${c.expert} 不是${c.round ? ROUND_NAMES[c.round].zh : ''}的评审专家，其对案例 ${c.case} 的评分不能计入。`,
  'not-in-round': (c) =>
    `案例 ${c.case} 不在${c.round ? ROUND_NAMES[c.round].zh : ''}中，专家 ${c.expert} 对它的评分不能计入。`,
  'unknown-case': (c) =>
    `${c.round ? ROUND_NAMES[c.round].zh : ''}专家 ${c.expert ?? ''} 的评分所指的案例 ${c.case} 不在案例名单中。`,
  'unknown-expert': (c) =>
    `${c.round ? ROUND_NAMES[c.round].zh : ''}对案例 ${c.case ?? ''} 的评分所指的专家 ${c.expert} 不在专家名单中。`,
  'no-eligible-expert': (c) =>
    `${c.round ? ROUND_NAMES[c.round].zh : ''}的专家全部回避了案例 ${c.case}，该轮无人可以评分，请增补专家。`,
  'bonus-band': (c) =>
    `案例 ${c.case} 符合加分条款“${c.bonus}”，${c.round ? ROUND_NAMES[c.round].zh : ''}专家 ${c.expert} 给出的“${c.itemName}”得分 ${c.value} 低于条款的 ${c.min}~${c.max} 分，请确认。`,
  'formula-changed': (c) =>
    `${c.cell} 的公式被删除或改写${c.value ? `（现为常量 ${c.value}）` : ''}，应为 =${short(c.formula)}；请重新生成该表或从备份恢复。`,
  'formula-in-input': (c) => `${who(c, 'zh')}的“${c.itemName}”（${c.cell}）填的是公式，请直接填写分数。`,
  'sheet-mismatch': (c) =>
    `评分表 ${c.cell} 与表名不符：表名为专家 ${c.expert}，表内却是 ${c.value}，请核对是否贴错了表。`,
  'missing-sheet': (c) =>
    `${c.round ? ROUND_NAMES[c.round].zh : ''}专家 ${c.expert} 的评分表不在工作簿中，请生成或收回该表。`,
  'protection-removed': (c) => `工作表“${c.cell}”的保护已被撤销，任何人都可以改动其中的公式和结果。`,
  'validation-changed': (c) => `${c.cell} 的数据验证被删除或改动（应为 ${c.value}），专家可以填入不合规的分数。`,
  'unknown-category': (c) =>
    `${c.cell}：产业类别“${c.value}”${c.total ? `在附录 A 中既属 ${c.total}，请写明类别编号（如 ${c.total.split('、')[0]} ${c.value}）` : '不是附录 A 中的类别或细分领域（可填 A.1、A.2、A.3，或附录 A 所列的细分领域，如“集成电路”）'}；改正前该案例不计入分类统计。`,
  'unknown-bonus': (c) =>
    `${c.cell}：案例 ${c.case} 的加分条款“${c.value}”不是评分表中的条款（可填：${c.bonus}），已忽略，请改正。`,
  'results-stale': (c) =>
    `${c.cell}：汇总中案例 ${c.case} 为 ${c.value}，按工作簿中现有的评分应为 ${c.total}。评分在上次计算后被改动，或汇总被手工修改，请重新计算等级。`,
  'audit-mismatch': (c) => `${c.cell}：复核表用普通公式算出的结果与汇总不一致（案例 ${c.case}）。`,
  'inputs-changed': (c) =>
    `上次计算等级（${c.value}）之后输入有改动（导入、收回评分、抽取专家或修改登记表），汇总、复核和公示还是按原来的数据算出的：请运行“计算等级”（ceeas compute）。`,
  'log-tampered': (c) => `操作日志第 ${c.value} 条（${c.cell}）被改动、删除或插入过，与前后记录的校验值对不上。`,
  'never-computed': () => '操作日志中没有“计算等级”的记录，工作簿尚未计算过等级。',
  outlier: (c) =>
    `${who(c, 'zh')}的总分 ${c.total} 与其他专家的平均分 ${c.othersMean} 相差超过 ${c.limit} 分，请复核。`,
};

const en: Record<FindingCode, (c: MessageContext) => string> = {
  'not-a-number': (c) =>
    `${who(c, 'en')}: "${c.itemName}" holds "${c.value}", which is not a number; enter 0-${c.max}.`,
  'out-of-range': (c) => `${who(c, 'en')}: "${c.itemName}" score ${c.value} is outside 0-${c.max} (${c.bands}).`,
  'bad-step': (c) => `${who(c, 'en')}: "${c.itemName}" score ${c.value} is not a multiple of ${c.step}.`,
  'missing-item': (c) => `${who(c, 'en')}: "${c.itemName}" has no score.`,
  'unknown-item': (c) => `${who(c, 'en')}: "${c.itemName}" is not an indicator of the rubric.`,
  'duplicate-entry': (c) => `${who(c, 'en')}: the scores appear twice; the first stands, delete the other.`,
  'not-assigned': (c) =>
    `Expert ${c.expert} is not an expert of the ${c.round ?? ''} round; the scores for case ${c.case} do not count.`,
  'not-in-round': (c) =>
    `Case ${c.case} is not in the ${c.round ?? ''} round; expert ${c.expert}'s scores for it do not count.`,
  'unknown-case': (c) =>
    `The ${c.round ?? ''} round scores of expert ${c.expert ?? ''} name case ${c.case}, which is not in the case list.`,
  'unknown-expert': (c) =>
    `The ${c.round ?? ''} round scores for case ${c.case ?? ''} name expert ${c.expert}, who is not in the expert list.`,
  'no-eligible-expert': (c) => `Every expert of the ${c.round ?? ''} round recused for case ${c.case}: add an expert.`,
  'bonus-band': (c) =>
    `Case ${c.case} qualifies for "${c.bonus}", but expert ${c.expert} (${c.round ?? ''}) scored "${c.itemName}" ${c.value}, below ${c.min}-${c.max}.`,
  'formula-changed': (c) =>
    `The formula in ${c.cell} was deleted or changed${c.value ? ` (it now holds ${c.value})` : ''}; it should be =${short(c.formula)}.`,
  'formula-in-input': (c) => `${who(c, 'en')}: "${c.itemName}" (${c.cell}) holds a formula; type the score itself.`,
  'sheet-mismatch': (c) =>
    `Sheet ${c.cell} does not match its name: named for expert ${c.expert} but holds ${c.value}.`,
  'missing-sheet': (c) => `The scoring sheet of expert ${c.expert} (${c.round ?? ''}) is not in the workbook.`,
  'protection-removed': (c) =>
    `Sheet "${c.cell}" is no longer protected: its formulas and results can be changed by anyone.`,
  'validation-changed': (c) => `The data validation of ${c.cell} was removed or changed (it should be ${c.value}).`,
  'unknown-category': (c) =>
    `${c.cell}: the category "${c.value}" ${c.total ? `is listed under ${c.total} in Appendix A; write its code` : 'is not a category or sub-field of Appendix A (A.1, A.2, A.3, or a listed sub-field such as 集成电路)'}; until corrected the case counts under no category.`,
  'unknown-bonus': (c) =>
    `${c.cell}: case ${c.case}'s bonus clause "${c.value}" is not one of the rubric's (${c.bonus}); it is ignored, correct it.`,
  'results-stale': (c) =>
    `${c.cell}: 汇总 shows ${c.value} for case ${c.case}, but the scores in the workbook give ${c.total}; compute again.`,
  'audit-mismatch': (c) => `${c.cell}: the plain-formula check disagrees with 汇总 for case ${c.case}.`,
  'inputs-changed': (c) =>
    `Inputs changed since the last computation (${c.value}: an import, collected scores, a draw or an edited register); 汇总, 复核 and the notice still show the old data: run 计算等级 (ceeas compute).`,
  'log-tampered': (c) =>
    `Log entry ${c.value} (${c.cell}) was edited, deleted or inserted: its check value does not match.`,
  'never-computed': () => 'The log has no computation: grades were never computed in this workbook.',
  outlier: (c) =>
    `${who(c, 'en')}: total ${c.total} differs from the others' mean ${c.othersMean} by more than ${c.limit}.`,
};

export function message(code: FindingCode, context: MessageContext, lang: Lang): string {
  return (lang === 'zh' ? zh : en)[code](context);
}
