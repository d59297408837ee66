import { Decimal } from './decimal';

/**
 * Exact decimals held as scaled integers: with `places` decimal places, a value v is the BigInt v·10^places (its
 * "units"). Every accepted score is a multiple of policy.scoreStep, so when `places` is at least the step's decimal
 * places every score, subtotal and total is a whole number of units. Sums, squares and comparisons of units are BigInt
 * arithmetic: exact at any size, as decimal.js is, but without building a Decimal for every intermediate result.
 */
export class DecimalScale {
  readonly places: number;
  /** 10^places. */
  readonly factor: bigint;
  /** Totals repeat across a panel, and Decimals are immutable: each distinct value is built once and shared. */
  private readonly decimals = new Map<bigint, Decimal>();

  constructor(places: number) {
    if (!Number.isInteger(places) || places < 0) throw new RangeError(`invalid number of decimal places: ${places}`);
    this.places = places;
    this.factor = 10n ** BigInt(places);
  }

  /** The smallest scale on which every one of `values` is a whole number of units. */
  static covering(...values: Decimal[]): DecimalScale {
    return new DecimalScale(Math.max(0, ...values.map((v) => v.decimalPlaces())));
  }

  /** The units of `value`, or null when it is not a whole number of units (it has more decimal places). */
  unitsOf(value: Decimal): bigint | null {
    if (!value.isFinite() || value.decimalPlaces() > this.places) return null;
    return scaledInteger(value, this.places);
  }

  /** The largest whole number of units not above `value` (exact: decimal.js rounds toward −∞ on the digits). */
  floorUnits(value: Decimal): bigint {
    return BigInt(value.toFixed(this.places, Decimal.ROUND_FLOOR).replace('.', ''));
  }

  /** The units of a JS number that is an integer. BigInt of an integer-valued double is exact, whatever its size. */
  unitsOfInteger(value: number): bigint {
    if (!Number.isInteger(value)) throw new RangeError(`not an integer: ${value}`);
    return BigInt(value) * this.factor;
  }

  /** The Decimal worth `units` units (memoised). */
  toDecimal(units: bigint): Decimal {
    let d = this.decimals.get(units);
    if (d === undefined) {
      d = new Decimal(scaledText(units, this.places));
      this.decimals.set(units, d);
    }
    return d;
  }
}

/** value·10^places as a BigInt, for a finite value with at most `places` decimal places. */
export function scaledInteger(value: Decimal, places: number): bigint {
  if (!value.isFinite() || value.decimalPlaces() > places)
    throw new RangeError(`${value} has more than ${places} decimals`);
  // toFixed with at least the places the value has is exact, and prints every digit without an exponent.
  return BigInt(value.toFixed(places).replace('.', ''));
}

/**
 * Exact text of units·10^−places, in the exponent notation decimal.js parses without rounding (a Decimal is only
 * rounded by arithmetic, never by its constructor).
 */
export function scaledText(units: bigint, places: number): string {
  return places === 0 ? units.toString() : `${units}e-${places}`;
}
