import { Decimal } from '../exact/decimal';
import { Ratio } from '../exact/ratio';
import type { DecimalScale } from '../exact/scaled';
import { quotientToSignificant, scientificText, sqrtToSignificant } from '../exact/significant';
import type { Aggregate } from '../panel/types';

/** Significant digits of the reported standard deviation, as in stats.standardDeviation. */
const REPORTED_DIGITS = 20;
const REPORTED = Decimal.clone({ precision: REPORTED_DIGITS });

/**
 * The accepted totals of one case in one round as units of the panel's scale (see exact/scaled.ts), with the sums
 * every statistic of the round needs taken once. The figures equal those of stats.ts on the same totals as Decimals;
 * only the arithmetic is on BigInt units, which is exact too.
 */
export class RoundTotals {
  readonly n: number;
  readonly sum: bigint = 0n;
  private readonly sumOfSquares: bigint = 0n;
  private readonly min: bigint = 0n;
  private readonly max: bigint = 0n;

  constructor(
    private readonly scale: DecimalScale,
    private readonly units: readonly bigint[],
  ) {
    this.n = units.length;
    if (units.length > 0) this.min = this.max = units[0];
    for (const u of units) {
      this.sum += u;
      this.sumOfSquares += u * u;
      if (u < this.min) this.min = u;
      if (u > this.max) this.max = u;
    }
  }

  /**
   * Indexes of the totals that are outliers (SPEC section 5): with 3 or more totals, |u − mean of the others| >
   * limit, decided on integers: multiplied by n − 1 it is |(n − 1)·u − (Σ − u)| = |n·u − Σ| > limit·(n − 1).
   */
  outliers(limitUnits: bigint): number[] {
    if (this.n < 3) return [];
    const n = BigInt(this.n);
    const threshold = limitUnits * (n - 1n);
    const found: number[] = [];
    this.units.forEach((u, i) => {
      const gap = n * u - this.sum;
      if ((gap < 0n ? -gap : gap) > threshold) found.push(i);
    });
    return found;
  }

  /** The exact round mean, as stats.roundMean: "trimmed" drops the single highest and lowest of more than two. */
  mean(aggregate: Aggregate): Ratio | null {
    if (this.n === 0) return null;
    if (aggregate === 'trimmed' && this.n > 2)
      return Ratio.fraction(this.scale.toDecimal(this.sum - this.max - this.min), this.n - 2);
    return Ratio.fraction(this.scale.toDecimal(this.sum), this.n);
  }

  /** Population standard deviation, as stats.standardDeviation. */
  standardDeviation(): Decimal | null {
    if (this.n === 0) return null;
    // n²·variance = n·Σx² − (Σx)²; in units it carries twice the scale's decimal places.
    const n = BigInt(this.n);
    const scaled = n * this.sumOfSquares - this.sum * this.sum;
    // stats.standardDeviation takes √ then ÷ n in decimal.js at 20 digits, each correctly rounded half-up; the same
    // two roundings on integers give the same digits at a fraction of the cost.
    const root = sqrtToSignificant(scaled, -2 * this.scale.places, REPORTED_DIGITS);
    return new REPORTED(scientificText(quotientToSignificant(root.coefficient, n, root.exponent, REPORTED_DIGITS)));
  }

  span(): Decimal | null {
    return this.n === 0 ? null : this.scale.toDecimal(this.max - this.min);
  }
}
