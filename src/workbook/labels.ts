import type { Aggregate, FormalReview, GradeOn } from '../core/panel/types';

/** Words a clerk reads and types in the registers, and the ids they stand for. */
/** The results written in 规范性审核's 审核结果; a case not reviewed yet has none (the cell is blank). */
export const FORMAL_REVIEW_LABEL: Record<FormalReview, string> = {
  passed: '通过',
  failed: '未通过',
  pending: '限期补正',
  unreviewed: '',
};
export const GRADE_ON_LABEL: Record<GradeOn, string> = { rounded: '按公布得分（四舍五入后）', exact: '按精确得分' };
export const AGGREGATE_LABEL: Record<Aggregate, string> = { mean: '算术平均', trimmed: '去掉一个最高分和一个最低分' };
export const YES = '是';
export const NO = '否';
export const RECUSED = '回避';
export const CHECK_OK = '✓';
export const CALENDAR_KIND_LABEL = { holiday: '放假', workday: '调休上班' } as const;

export function labelToKey<K extends string>(map: Record<K, string>, text: string): K | undefined {
  const t = text.trim();
  return (Object.keys(map) as K[]).find((k) => map[k] === t || k === t);
}
