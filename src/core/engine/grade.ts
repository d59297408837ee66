import type { Decimal } from '../exact/decimal';
import type { Ratio } from '../exact/ratio';

export const GRADES = ['一等', '二等', '三等', '无评级'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_EN: Record<Grade, string> = { 一等: 'First', 二等: 'Second', 三等: 'Third', 无评级: 'Not graded' };

/** Grade lines of 9.3.2: 一等 90 ≤ S ≤ 100, 二等 80 ≤ S < 90, 三等 70 ≤ S < 80, 无评级 S < 70. Compared exactly. */
export function gradeOf(score: Ratio | Decimal): Grade {
  // Both compare exactly: a Ratio by cross-multiplication, a Decimal (a rounded S) as the decimal it is.
  if (score.gte(90)) return '一等';
  if (score.gte(80)) return '二等';
  if (score.gte(70)) return '三等';
  return '无评级';
}
