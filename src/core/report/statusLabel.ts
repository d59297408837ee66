import type { CaseStatus } from '../engine/evaluate';
import type { Lang } from '../engine/findings';
import { ROUND_IDS, ROUND_NAMES, type CaseInfo, type Panel } from '../panel/types';

// What a case's status means, in the words a secretariat uses: not only "excluded" but why (failed formal review,
// correction pending, not reviewed yet), and for a case that did not go on, after which round it stopped.

/** Words for the statuses that need no more than their name. */
const PLAIN: Record<'invalid' | 'incomplete' | 'graded', Record<Lang, string>> = {
  invalid: { zh: '评分有误', en: 'score errors' },
  incomplete: { zh: '评分未完成', en: 'scores incomplete' },
  graded: { zh: '已评级', en: 'graded' },
};

const FORMAL: Record<Exclude<CaseInfo['formalReview'], 'passed'>, Record<Lang, string>> = {
  failed: { zh: '未通过规范性审核', en: 'failed formal review' },
  pending: { zh: '限期补正中', en: 'correction pending' },
  unreviewed: { zh: '未审核', en: 'not reviewed yet' },
};

/** The label of a case's status: 未通过规范性审核 / 限期补正中 / 未审核, 评分有误, 评分未完成, 未晋级（初评）, 已评级. */
export function statusLabel(panel: Panel, caseId: string, status: CaseStatus, lang: Lang = 'zh'): string {
  const c = panel.cases.find((x) => x.id === caseId);
  if (status === 'excluded') {
    const review = c?.formalReview ?? 'failed';
    return FORMAL[review === 'passed' ? 'failed' : review][lang];
  }
  if (status === 'not-advanced') {
    // The last round the case was in is the one it did not advance from.
    const rounds = ROUND_IDS.filter((r) => panel.rounds[r].cases.includes(caseId));
    if (rounds.length === 0) return lang === 'zh' ? '未进入评审' : 'in no round';
    const last = rounds[rounds.length - 1];
    return lang === 'zh' ? `未晋级（${ROUND_NAMES[last].zh}）` : `not advanced (${ROUND_NAMES[last].en})`;
  }
  return PLAIN[status][lang];
}

/** The status groups 等级汇总 counts, each with the COUNTIF pattern that finds its labels in 汇总. */
export const STATUS_GROUPS: {
  label: string;
  pattern: string;
  statuses: (panel: Panel, id: string, status: CaseStatus) => boolean;
}[] = [
  { label: '评分有误', pattern: '评分有误', statuses: (_p, _id, s) => s === 'invalid' },
  { label: '评分未完成', pattern: '评分未完成', statuses: (_p, _id, s) => s === 'incomplete' },
  {
    label: '未晋级',
    pattern: '未晋级*',
    statuses: (p, id, s) => s === 'not-advanced' && statusLabel(p, id, s).startsWith('未晋级'),
  },
  {
    label: '未进入评审',
    pattern: '未进入评审',
    statuses: (p, id, s) => s === 'not-advanced' && statusLabel(p, id, s) === '未进入评审',
  },
  {
    label: '未通过规范性审核',
    pattern: '未通过规范性审核',
    statuses: (p, id, s) => s === 'excluded' && statusLabel(p, id, s) === '未通过规范性审核',
  },
  {
    label: '限期补正中',
    pattern: '限期补正中',
    statuses: (p, id, s) => s === 'excluded' && statusLabel(p, id, s) === '限期补正中',
  },
  {
    label: '未审核',
    pattern: '未审核',
    statuses: (p, id, s) => s === 'excluded' && statusLabel(p, id, s) === '未审核',
  },
];
