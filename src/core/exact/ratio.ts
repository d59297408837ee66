import { Decimal, ONE, ZERO, type DecimalValue } from './decimal';
import { scaledInteger, scaledText } from './scaled';

/**
 * An exact rational number num/den over decimal.js values. Round means such as 205/3 have no finite decimal
 * expansion; keeping them as fractions means S is exact, so a true 89.995 rounds to 90.00 and never to 89.99.
 */
export class Ratio {
  readonly num: Decimal;
  readonly den: Decimal;

  private constructor(num: Decimal, den: Decimal) {
    if (den.isNegative()) {
      num = num.negated();
      den = den.negated();
    }
    this.num = num;
    this.den = den;
  }

  static of(value: DecimalValue): Ratio {
    return new Ratio(new Decimal(value), ONE);
  }

  static fraction(num: DecimalValue, den: DecimalValue): Ratio {
    const d = new Decimal(den);
    if (d.isZero()) throw new RangeError('Ratio with a zero denominator');
    return new Ratio(new Decimal(num), d);
  }

  static readonly zero = new Ratio(ZERO, ONE);

  plus(other: Ratio): Ratio {
    if (this.den.eq(other.den)) return new Ratio(this.num.plus(other.num), this.den);
    return new Ratio(this.num.times(other.den).plus(other.num.times(this.den)), this.den.times(other.den));
  }

  minus(other: Ratio): Ratio {
    return this.plus(other.negated());
  }

  negated(): Ratio {
    return new Ratio(this.num.negated(), this.den);
  }

  times(factor: DecimalValue | Ratio): Ratio {
    if (factor instanceof Ratio) return new Ratio(this.num.times(factor.num), this.den.times(factor.den));
    return new Ratio(this.num.times(factor), this.den);
  }

  dividedBy(divisor: DecimalValue): Ratio {
    const d = new Decimal(divisor);
    if (d.isZero()) throw new RangeError('Division by zero');
    return new Ratio(this.num, this.den.times(d));
  }

  abs(): Ratio {
    return new Ratio(this.num.abs(), this.den);
  }

  /** -1, 0 or 1, compared exactly by cross-multiplication. */
  cmp(other: Ratio | DecimalValue): number {
    const o = other instanceof Ratio ? other : Ratio.of(other);
    return this.num.times(o.den).cmp(o.num.times(this.den));
  }

  gte(other: Ratio | DecimalValue): boolean {
    return this.cmp(other) >= 0;
  }

  gt(other: Ratio | DecimalValue): boolean {
    return this.cmp(other) > 0;
  }

  lt(other: Ratio | DecimalValue): boolean {
    return this.cmp(other) < 0;
  }

  /**
   * Rounds half away from zero to `places` decimals (a whole number, 0 or more), exactly: num/den is the quotient of
   * two integers N/D (both scaled by the same power of ten), and rounding it is integer division on BigInt.
   */
  roundHalfUp(places: number): Decimal {
    if (!Number.isInteger(places) || places < 0) throw new RangeError(`invalid number of decimal places: ${places}`);
    const k = Math.max(this.num.decimalPlaces(), this.den.decimalPlaces());
    const n = scaledInteger(this.num.abs(), k) * 10n ** BigInt(places);
    const d = scaledInteger(this.den, k);
    let q = n / d;
    if (2n * (n - q * d) >= d) q += 1n;
    if (q === 0n) return new Decimal(0);
    return new Decimal(scaledText(this.num.isNegative() ? -q : q, places));
  }

  /** A decimal approximation (80 significant digits) for statistics that are reported, never compared. */
  toDecimal(): Decimal {
    return this.num.dividedBy(this.den);
  }
}
