import DecimalJs from 'decimal.js';

/**
 * The one Decimal constructor of the product. Precision is generous because exact rationals (see ratio.ts)
 * keep numerators and denominators as integers-or-decimals, and every digit of them must survive.
 */
export const Decimal = DecimalJs.clone({ precision: 80, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;
/** Anything a Decimal can be made from. */
export type DecimalValue = DecimalJs.Value;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Parses a JS number or a plain decimal string; returns null for anything that is not a finite decimal. */
export function toDecimal(value: unknown): Decimal | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // Number → string is the shortest round-trip text, so 0.1 becomes exactly one tenth.
    return new Decimal(Object.is(value, -0) ? 0 : value);
  }
  if (typeof value === 'string') {
    const s = value.trim();
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
    const d = new Decimal(s);
    return d.isFinite() ? (d.isZero() ? new Decimal(0) : d) : null;
  }
  return null;
}

/** Text of a decimal with exactly `places` decimals (the value is already rounded by the caller). */
export function fixed(value: Decimal, places: number): string {
  return value.toFixed(places, DecimalJs.ROUND_HALF_UP);
}
