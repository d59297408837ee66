/**
 * Rounding to significant digits on BigInt, exactly as decimal.js rounds a result to its precision with
 * ROUND_HALF_UP (ties away from zero): the digits are those of the exact value, and the tie is decided by an integer
 * comparison, never by an approximation. A value is coefficient·10^exponent.
 */
export interface Scientific {
  coefficient: bigint;
  exponent: number;
}

const TEN = 10n;

function digitCount(n: bigint): number {
  return n.toString().length;
}

/** 10^k, the small powers kept: the same few shifts come back for every round of every case. */
const powers: bigint[] = [];
function pow10(k: number): bigint {
  if (k > 64) return TEN ** BigInt(k);
  return (powers[k] ??= TEN ** BigInt(k));
}

/** ⌊√n⌋ for n ≥ 0, by Newton's method on integers from an estimate above the root (so it only decreases). */
export function integerSqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** num/den·10^exponent (num ≥ 0, den > 0) rounded half-up to `digits` significant digits. */
export function quotientToSignificant(num: bigint, den: bigint, exponent: number, digits: number): Scientific {
  if (num < 0n || den <= 0n) throw new RangeError('quotientToSignificant needs num ≥ 0 and den > 0');
  if (num === 0n) return { coefficient: 0n, exponent: 0 };
  // num·10^shift / den has `digits` or `digits` + 1 integer digits; one step back when it has one too many.
  let shift = digits - (digitCount(num) - digitCount(den));
  for (;;) {
    const n = shift >= 0 ? num * pow10(shift) : num;
    const d = shift >= 0 ? den : den * pow10(-shift);
    const q = n / d;
    if (digitCount(q) > digits) {
      shift--;
      continue;
    }
    const r = n - q * d;
    return { coefficient: 2n * r >= d ? q + 1n : q, exponent: exponent - shift };
  }
}

/** √(x·10^exponent) (x ≥ 0, exponent even) rounded half-up to `digits` significant digits. */
export function sqrtToSignificant(x: bigint, exponent: number, digits: number): Scientific {
  if (x < 0n) throw new RangeError('square root of a negative number');
  if (exponent % 2 !== 0) throw new RangeError('sqrtToSignificant needs an even exponent');
  if (x === 0n) return { coefficient: 0n, exponent: 0 };
  // √(x·100^shift) has exactly `digits` integer digits. With shift < 0, ⌊√(x/100^k)⌋ = ⌊√⌊x/100^k⌋⌋, since for an
  // integer m, m² ≤ y ⇔ m² ≤ ⌊y⌋.
  const shift = digits - Math.ceil(digitCount(x) / 2);
  const scaled = shift >= 0 ? x * pow10(2 * shift) : x / pow10(-2 * shift);
  const q = integerSqrt(scaled);
  // The exact root reaches q + ½ iff x·100^shift ≥ (q + ½)², i.e. 4·x·100^shift ≥ (2q + 1)², on integers.
  const left = shift >= 0 ? 4n * x * pow10(2 * shift) : 4n * x;
  const right = shift >= 0 ? (2n * q + 1n) ** 2n : (2n * q + 1n) ** 2n * pow10(-2 * shift);
  return { coefficient: left >= right ? q + 1n : q, exponent: exponent / 2 - shift };
}

/** The text decimal.js parses to exactly this value. */
export function scientificText(v: Scientific): string {
  return v.exponent === 0 ? v.coefficient.toString() : `${v.coefficient}e${v.exponent}`;
}
