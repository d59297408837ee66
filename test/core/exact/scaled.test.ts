import fc from 'fast-check';
import { Decimal } from '../../../src/core/exact/decimal';
import { Ratio } from '../../../src/core/exact/ratio';
import { DecimalScale, scaledInteger, scaledText } from '../../../src/core/exact/scaled';
import { frac, roundText } from '../../helpers/reference';

const RUNS = { numRuns: 1000, seed: 20261124 };

/** A decimal text with up to `places` decimals, possibly negative. */
const decimalText = (places: number) =>
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: places }))
    .map(([negative, digits, p]) => {
      const s = digits.toString().padStart(p + 1, '0');
      const text = p === 0 ? s : `${s.slice(0, -p)}.${s.slice(-p)}`;
      return negative ? `-${text}` : text;
    });

describe('DecimalScale', () => {
  it('covers the decimal places of every value it is built from', () => {
    expect(DecimalScale.covering(new Decimal(1), new Decimal(15)).places).toBe(0);
    expect(DecimalScale.covering(new Decimal('0.5'), new Decimal(15)).places).toBe(1);
    expect(DecimalScale.covering(new Decimal('0.5'), new Decimal('2.25')).places).toBe(2);
  });

  it('units and back are exact, for values with no more places than the scale', () => {
    fc.assert(
      fc.property(decimalText(4), fc.integer({ min: 4, max: 8 }), (text, places) => {
        const scale = new DecimalScale(places);
        const units = scale.unitsOf(new Decimal(text))!;
        expect(units).toBe(scaledInteger(new Decimal(text), places));
        expect(scale.toDecimal(units).eq(text)).toBe(true);
        expect(new Decimal(scaledText(units, places)).eq(text)).toBe(true);
      }),
      RUNS,
    );
  });

  it('has no units for a value with more places, and floors instead', () => {
    const scale = new DecimalScale(1);
    expect(scale.unitsOf(new Decimal('7.25'))).toBeNull();
    expect(scale.floorUnits(new Decimal('7.25'))).toBe(72n);
    expect(scale.floorUnits(new Decimal('-7.25'))).toBe(-73n);
    expect(scale.floorUnits(new Decimal('10'))).toBe(100n);
    expect(() => scaledInteger(new Decimal('7.25'), 1)).toThrow(RangeError);
  });

  it('takes whole JS numbers exactly, however large', () => {
    const scale = new DecimalScale(2);
    expect(scale.unitsOfInteger(7)).toBe(700n);
    expect(scale.unitsOfInteger(1e21)).toBe(10n ** 23n);
    expect(() => scale.unitsOfInteger(7.5)).toThrow(RangeError);
  });

  it('shares one Decimal per value', () => {
    const scale = new DecimalScale(1);
    expect(scale.toDecimal(75n)).toBe(scale.toDecimal(75n));
    expect(scale.toDecimal(75n).toString()).toBe('7.5');
  });
});

describe('Ratio.roundHalfUp', () => {
  it('agrees with the independent BigInt reference, ties away from zero', () => {
    fc.assert(
      fc.property(
        decimalText(6),
        decimalText(3).filter((t) => !new Decimal(t).isZero()),
        fc.integer({ min: 0, max: 6 }),
        (num, den, places) => {
          const r = Ratio.fraction(num, den);
          const abs = frac(
            BigInt(new Decimal(num).abs().times(1e6).toFixed(0)) * 1000n,
            BigInt(new Decimal(den).abs().times(1e3).toFixed(0)) * 1000000n,
          );
          const text = roundText(abs, places);
          const negative = new Decimal(num).isNegative() !== new Decimal(den).isNegative();
          const want = negative && !new Decimal(text).isZero() ? `-${text}` : text;
          expect(r.roundHalfUp(places).toFixed(places)).toBe(want);
        },
      ),
      RUNS,
    );
  });

  it('rounds 89.995 to 90.00 and 205/3 to 68.33', () => {
    expect(Ratio.fraction('89.995', 1).roundHalfUp(2).toFixed(2)).toBe('90.00');
    expect(Ratio.fraction(205, 3).roundHalfUp(2).toFixed(2)).toBe('68.33');
    expect(Ratio.fraction(-1, 200).roundHalfUp(2).toFixed(2)).toBe('-0.01');
    expect(Ratio.fraction(-1, 300).roundHalfUp(2).toString()).toBe('0');
  });

  it('refuses a number of places that is not a whole number of 0 or more', () => {
    expect(() => Ratio.of(1).roundHalfUp(-1)).toThrow(RangeError);
    expect(() => Ratio.of(1).roundHalfUp(1.5)).toThrow(RangeError);
  });
});
