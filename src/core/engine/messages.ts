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
    ? `${round}专家 ${c.expert ?? ''} 对案例 ${c.case ?? ''}`
    : `${round} round, expert ${c.expert ?? ''}, case ${c.case ?? ''}`;
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E]/;

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
    `单元格 ${c.cell} 的公式被删除或改写（应为 =${c.formula}），${c.itemName ?? ''}无法核对，请重新生成该评分表或从备份恢复。`,
  'formula-in-input': (c) => `${who(c, 'zh')}的“${c.itemName}”（${c.cell}）填的是公式，请直接填写分数。`,
  'sheet-mismatch': (c) =>
    `评分表 ${c.cell} 与表名不符：表名为专家 ${c.expert}，表内却是 ${c.value}，请核对是否贴错了表。`,
  'missing-sheet': (c) =>
    `${c.round ? ROUND_NAMES[c.round].zh : ''}专家 ${c.expert} 的评分表不在工作簿中，请生成或收回该表。`,
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
    `The formula in ${c.cell} was deleted or changed (it should be =${c.formula}); regenerate the sheet.`,
  'formula-in-input': (c) => `${who(c, 'en')}: "${c.itemName}" (${c.cell}) holds a formula; type the score itself.`,
  'sheet-mismatch': (c) =>
    `Sheet ${c.cell} does not match its name: named for expert ${c.expert} but holds ${c.value}.`,
  'missing-sheet': (c) => `The scoring sheet of expert ${c.expert} (${c.round ?? ''}) is not in the workbook.`,
  outlier: (c) =>
    `${who(c, 'en')}: total ${c.total} differs from the others' mean ${c.othersMean} by more than ${c.limit}.`,
};

export function message(code: FindingCode, context: MessageContext, lang: Lang): string {
  return (lang === 'zh' ? zh : en)[code](context);
}
