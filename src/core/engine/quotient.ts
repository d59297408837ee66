function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * An exact fraction of two BigInts in lowest terms, denominator positive. Unlike exact/ratio.ts (decimal.js
 * numerator and denominator, never reduced), it stays small however many terms with different denominators are
 * added, which statistics over a whole round need.
 */
export class Quotient {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static of(num: bigint, den: bigint = 1n): Quotient {
    if (den === 0n) throw new RangeError('Quotient with a zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    return g > 1n ? new Quotient(num / g, den / g) : new Quotient(num, den);
  }

  static readonly zero = new Quotient(0n, 1n);

  plus(other: Quotient): Quotient {
    return Quotient.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  dividedBy(divisor: bigint): Quotient {
    return Quotient.of(this.num, this.den * divisor);
  }

  /**
   * Text with exactly `places` decimals, rounded half away from zero (decimal.js's ROUND_HALF_UP, Excel's ROUND).
   * A value that rounds to zero is "0.00…", never "-0.00…".
   */
  toFixed(places: number): string {
    if (!Number.isInteger(places) || places < 0) throw new RangeError(`invalid number of decimal places: ${places}`);
    const negative = this.num < 0n;
    const scaled = (negative ? -this.num : this.num) * 10n ** BigInt(places);
    let q = scaled / this.den;
    if (2n * (scaled - q * this.den) >= this.den) q += 1n;
    const digits = q.toString().padStart(places + 1, '0');
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return negative && q !== 0n ? `-${text}` : text;
  }
}
