import * as logic from './logic';

// The CEEAS custom functions. custom-functions-metadata reads the JSDoc below to write functions.json, and its
// webpack loader appends the CustomFunctions.associate calls. Parameter types stay within what the generator maps:
// number, string, boolean and unknown/unions (both become "any"), and 2-D arrays of them for ranges.
//
// The runtime's types (@types/custom-functions-runtime) are not a dependency; this module-local declaration covers
// the two members used here and does not clash with those types if they are installed later.
declare const CustomFunctions: {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string; invalidNumber: string };
};

// Outside Office (the page opened in a plain browser, office.js unreachable) the associate calls appended to this
// module would throw; a stub keeps them harmless there. Inside Office, office.js has loaded first and defines
// Office, so the real CustomFunctions is never touched.
if (typeof Office === 'undefined' && !('CustomFunctions' in globalThis)) {
  (globalThis as Record<string, unknown>).CustomFunctions = { associate: () => undefined };
}

/** A value, or the outcome's message as #VALUE! / #NUM! in the cell: never a wrong number. */
function answer<T>(run: () => logic.Outcome<T>): T {
  let out: logic.Outcome<T>;
  try {
    out = run();
  } catch (e) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `计算出错：${(e as Error).message}`);
  }
  if (out.ok) return out.value;
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode[out.code], out.message);
}

/**
 * 一位专家对一个案例的总分：按表 B.1 顺序的 13 个二级指标得分之和，逐项校验（数字、0~满分、分值步长）。
 * @customfunction TOTAL
 * @param scores 13 个二级指标得分（一行或一列，按表 B.1 顺序：创新必要性……行业影响力）
 * @param [step] 分值步长，默认 1（得分须为其整数倍）
 * @returns 总分；有空白、非数字、超出范围或不合步长的得分时返回错误并说明是哪一项
 */
export function total(scores: unknown[][], step?: number): number {
  return answer(() => logic.total(scores, step));
}

/**
 * 一轮评审的专家总分平均值（显示用）。空白和“回避”不计入人数；trimmed 为去掉一个最高分和一个最低分（多于 2 人时）。
 * @customfunction ROUNDMEAN
 * @param totals 本轮各位专家对该案例的总分（区域，可含空白或“回避”）
 * @param [mode] 汇总方式：mean（算术平均，默认）或 trimmed（去掉一个最高分和一个最低分）
 * @param [decimals] 保留小数位数（四舍五入）；省略时返回精确平均值
 * @returns 本轮平均分
 */
export function roundMean(totals: unknown[][], mode?: string, decimals?: number): number {
  return answer(() => logic.roundMeanOf(totals, mode, decimals));
}

/**
 * 综合得分 S = Σ 轮次权重 × 该轮专家总分平均（准则 9.3.1），直接由三轮专家总分精确计算，只在最后四舍五入一次。
 * @customfunction SCORE
 * @param initialTotals 初评各位专家的总分（区域，可含空白或“回避”）
 * @param reviewTotals 复评各位专家的总分（区域，可含空白或“回避”）
 * @param finalTotals 终评各位专家的总分（区域，可含空白或“回避”）
 * @param [weights] 初评、复评、终评三轮权重，之和须为 1；省略时为 0.2、0.2、0.6
 * @param [mode] 汇总方式：mean（算术平均，默认）或 trimmed（去掉一个最高分和一个最低分）
 * @param [decimals] 保留小数位数（四舍五入），默认 2
 * @returns 综合得分
 */
export function score(
  initialTotals: unknown[][],
  reviewTotals: unknown[][],
  finalTotals: unknown[][],
  weights?: unknown[][],
  mode?: string,
  decimals?: number,
): number {
  return answer(() => logic.score(initialTotals, reviewTotals, finalTotals, weights, mode, decimals));
}

/**
 * 评价等级（准则 9.3.2）：一等 90~100，二等 80~<90，三等 70~<80，无评级 <70，按十进制精确比较。
 * @customfunction GRADE
 * @param score 综合得分
 * @param [gradeOn] 等级依据：rounded（按公布得分，先四舍五入，默认）或 exact（按精确得分）
 * @param [decimals] 按公布得分时保留的小数位数，默认 2
 * @returns 一等、二等、三等或无评级
 */
export function grade(score: number, gradeOn?: string, decimals?: number): string {
  return answer(() => logic.grade(score, gradeOn, decimals));
}

/**
 * 一个二级指标得分所在的档次（表 B.1 评分细则）。
 * @customfunction BAND
 * @param itemId 二级指标编号（如 innovation.necessity）或名称（如 创新必要性）
 * @param score 该指标得分
 * @returns 优秀、良好或一般
 */
export function band(itemId: string, score: number): string {
  return answer(() => logic.band(itemId, score));
}

/**
 * 检查一个二级指标得分：可以接受时返回空文本，否则返回原因（未填写、不是数字、超出范围或不合分值步长）。
 * @customfunction CHECK
 * @param itemId 二级指标编号（如 innovation.necessity）或名称（如 创新必要性）
 * @param score 要检查的得分
 * @param [step] 分值步长，默认 1
 * @returns 空文本或不能接受的原因
 */
export function check(itemId: string, score: unknown, step?: number): string {
  return answer(() => logic.check(itemId, score, step));
}

/**
 * 公示期的最后一天（准则 9.4.1，一般不少于 7 个工作日）：从开始日（非工作日则顺延）起数满给定的工作日。
 * 工作日为周一至周五，节假日除外，另加调休上班日。返回 Excel 日期序列号，请把单元格设为日期格式。
 * @customfunction NOTICEEND
 * @param start 公示开始日（日期，或 YYYY-MM-DD 文本）
 * @param days 公示工作日数
 * @param [holidays] 节假日：每行一个日期或“开始日期, 结束日期”；第三列可为类型（放假/调休上班），可直接引用“节假日”表
 * @param [makeupDays] 调休上班日：每行一个日期或“开始日期, 结束日期”
 * @returns 公示期最后一天（Excel 日期序列号）
 */
export function noticeEnd(start: unknown, days: number, holidays?: unknown[][], makeupDays?: unknown[][]): number {
  return answer(() => logic.noticeEnd(start, days, holidays, makeupDays));
}
