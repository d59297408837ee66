import type { RoundId } from '../core/panel/types';

/** Sheet names of the evaluation workbook (Chinese; the workbook is an office's document, in its language). */
export const SHEET = {
  rubric: '评分标准',
  cases: '案例登记',
  experts: '专家库',
  rounds: '轮次设置',
  holidays: '节假日',
  summary: '汇总',
  audit: '复核',
  grades: '等级汇总',
  notice: '公示',
  letters: '结果通知',
  objections: '异议登记',
  log: '操作日志',
} as const;

const ROUND_PREFIX: Record<RoundId, string> = { initial: '初评', review: '复评', final: '终评' };

/** One scoring sheet per expert per round, e.g. "初评-E01". Excel limits names to 31 characters. */
export function expertSheetName(round: RoundId, expertId: string): string {
  return `${ROUND_PREFIX[round]}-${expertId}`.slice(0, 31);
}

export function formSheetName(round: RoundId, expertId: string, caseId: string): string {
  return `评分表-${ROUND_PREFIX[round]}-${expertId}-${caseId}`.slice(0, 31);
}
