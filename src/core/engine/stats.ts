import { Decimal } from '../exact/decimal';

const REPORTED = Decimal.clone({ precision: 20 });
import { Ratio } from '../exact/ratio';
import type { Aggregate } from '../panel/types';

/**
 * The round mean of expert totals. "trimmed" (去掉一个最高分和一个最低分) drops the single highest and the single
 * lowest total when there are more than two; otherwise every total counts. Exact: the result is a fraction.
 */
export function roundMean(totals: Decimal[], aggregate: Aggregate): Ratio | null {
  if (totals.length === 0) return null;
  let sum = totals.reduce((a, t) => a.plus(t), new Decimal(0));
  let n = totals.length;
  if (aggregate === 'trimmed' && n > 2) {
    const max = Decimal.max(...totals);
    const min = Decimal.min(...totals);
    sum = sum.minus(max).minus(min);
    n -= 2;
  }
  return Ratio.fraction(sum, n);
}

/** Population standard deviation of the totals (the experts of a round are the whole panel, not a sample). */
export function standardDeviation(totals: Decimal[]): Decimal | null {
  if (totals.length === 0) return null;
  const n = totals.length;
  const sum = totals.reduce((a, t) => a.plus(t), new Decimal(0));
  // n²·variance = n·Σx² − (Σx)², an exact integer-or-decimal before the one square root.
  const sumSq = totals.reduce((a, t) => a.plus(t.times(t)), new Decimal(0));
  const scaled = sumSq.times(n).minus(sum.times(sum));
  // The deviation is reported, never compared: 20 significant digits are plenty and far cheaper than 80.
  return new REPORTED(scaled).sqrt().dividedBy(n);
}

export function span(totals: Decimal[]): Decimal | null {
  if (totals.length === 0) return null;
  return Decimal.max(...totals).minus(Decimal.min(...totals));
}

/** |d − mean of the others| > limit, decided exactly: |(n−1)·d − (Σ − d)| > limit·(n−1). */
export function isOutlier(total: Decimal, sum: Decimal, n: number, limit: Decimal): boolean {
  if (n < 3) return false;
  const others = sum.minus(total);
  return total
    .times(n - 1)
    .minus(others)
    .abs()
    .gt(limit.times(n - 1));
}
