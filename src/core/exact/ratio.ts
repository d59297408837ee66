import { Decimal, ONE, ZERO, type DecimalValue } from './decimal';

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

  /** Rounds half away from zero to `places` decimals, exactly (integer division, no approximation). */
  roundHalfUp(places: number): Decimal {
    const scale = new Decimal(10).pow(places);
    const x = this.num.abs().times(scale);
    const shift = new Decimal(10).pow(Math.max(x.decimalPlaces(), this.den.decimalPlaces()));
    const xi = x.times(shift);
    const di = this.den.times(shift);
    let q = xi.divToInt(di);
    const r = xi.minus(q.times(di));
    if (r.times(2).gte(di)) q = q.plus(1);
    const rounded = q.dividedBy(scale);
    return this.num.isNegative() && !rounded.isZero() ? rounded.negated() : rounded;
  }

  /** A decimal approximation (80 significant digits) for statistics that are reported, never compared. */
  toDecimal(): Decimal {
    return this.num.dividedBy(this.den);
  }
}
