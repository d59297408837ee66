import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import {
  integerSqrt,
  quotientToSignificant,
  scientificText,
  sqrtToSignificant,
} from '../../../src/core/exact/significant';

const RUNS = { numRuns: 2000, seed: 20261124 };

/** decimal.js at `digits` significant digits, rounding half up: the behaviour the BigInt versions must match. */
const ctor = (digits: number) => DecimalJs.clone({ precision: digits, rounding: DecimalJs.ROUND_HALF_UP });

const big = (maxDigits: number) =>
  fc.bigInt({ min: 0n, max: 10n ** BigInt(maxDigits) }).chain((n) => fc.constantFrom(n, n * n, n * n + 1n));

describe('integerSqrt', () => {
  it('is the floor of the square root', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 60n }), (n) => {
        const r = integerSqrt(n);
        expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses a negative number', () => {
    expect(() => integerSqrt(-1n)).toThrow(RangeError);
  });
});

describe('rounding to significant digits on BigInt', () => {
  it('quotientToSignificant gives the digits of decimal.js dividedBy', () => {
    fc.assert(
      fc.property(
        big(30),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        fc.integer({ min: -12, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        (num, den, exponent, digits) => {
          const D = ctor(digits);
          const want = new D(`${num}e${exponent}`).dividedBy(den.toString()).toString();
          expect(new D(scientificText(quotientToSignificant(num, den, exponent, digits))).toString()).toBe(want);
        },
      ),
      RUNS,
    );
  });

  it('sqrtToSignificant gives the digits of decimal.js sqrt', () => {
    fc.assert(
      fc.property(big(30), fc.integer({ min: -8, max: 8 }), fc.integer({ min: 1, max: 30 }), (x, half, digits) => {
        const D = ctor(digits);
        const want = new D(`${x}e${2 * half}`).sqrt().toString();
        expect(new D(scientificText(sqrtToSignificant(x, 2 * half, digits))).toString()).toBe(want);
      }),
      RUNS,
    );
  });

  it('rounds ties half up', () => {
    // 1/8 = 0.125 → 0.13 at two digits; √(0.1225) = 0.35 → 0.4 at one digit; 25/2 = 12.5 → 13.
    expect(scientificText(quotientToSignificant(1n, 8n, 0, 2))).toBe('13e-2');
    expect(scientificText(sqrtToSignificant(1225n, -4, 1))).toBe('4e-1');
    expect(scientificText(quotientToSignificant(25n, 2n, 0, 2))).toBe('13');
    // Exact results keep their digits: √144 = 12, 10/4 = 2.5.
    expect(scientificText(sqrtToSignificant(144n, 0, 20))).toBe('12000000000000000000e-18');
    expect(new DecimalJs(scientificText(quotientToSignificant(10n, 4n, 0, 20))).toString()).toBe('2.5');
  });

  it('zero stays zero', () => {
    expect(scientificText(sqrtToSignificant(0n, -4, 20))).toBe('0');
    expect(scientificText(quotientToSignificant(0n, 7n, 3, 20))).toBe('0');
  });
});
