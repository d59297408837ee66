import fc from 'fast-check';
import { Decimal } from '../../../src/core/exact/decimal';
import { DecimalScale } from '../../../src/core/exact/scaled';
import { ScoreJudge } from '../../../src/core/engine/judge';
import { RoundTotals } from '../../../src/core/engine/roundTotals';
import { isOutlier, roundMean, span, standardDeviation } from '../../../src/core/engine/stats';
import { Sum } from '../../../src/core/engine/sums';
import { orderedItems } from '../../../src/core/rubric/lookup';
import { APPENDIX_B } from '../../../src/core/rubric';
import type { FindingCode } from '../../../src/core';

const RUNS = { numRuns: 500, seed: 20261124 };

describe('RoundTotals on units agrees with the Decimal statistics of stats.ts', () => {
  const totalsArb = fc.tuple(
    fc.constantFrom(0, 1, 2),
    fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 0, maxLength: 16 }),
  );

  it('mean (both aggregates), standard deviation, span and outliers', () => {
    fc.assert(
      fc.property(totalsArb, fc.constantFrom('0', '2.5', '8', '15'), ([places, units], limitText) => {
        const limit = new Decimal(limitText);
        const scale = DecimalScale.covering(new Decimal(10).pow(-places), limit);
        const totals = units.map((u) => new Decimal(u).dividedBy(new Decimal(10).pow(places)));
        const rt = new RoundTotals(
          scale,
          totals.map((t) => scale.unitsOf(t)!),
        );
        for (const aggregate of ['mean', 'trimmed'] as const) {
          const want = roundMean(totals, aggregate);
          const got = rt.mean(aggregate);
          expect(got === null ? null : [got.num.toString(), got.den.toString()]).toEqual(
            want === null ? null : [want.num.toString(), want.den.toString()],
          );
        }
        expect(rt.standardDeviation()?.toString()).toBe(standardDeviation(totals)?.toString());
        expect(rt.span()?.toString()).toBe(span(totals)?.toString());
        const sum = totals.reduce((a, t) => a.plus(t), new Decimal(0));
        const outliers = totals.flatMap((t, i) => (isOutlier(t, sum, totals.length, limit) ? [i] : []));
        expect(rt.outliers(scale.unitsOf(limit)!)).toEqual(outliers);
      }),
      RUNS,
    );
  });
});

/** The judgement as the engine made it before units: every check on decimal.js. */
function decimalVerdict(raw: unknown, max: string, step: Decimal): FindingCode | null {
  if (raw === undefined || raw === null || raw === '') return 'missing-item';
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return 'not-a-number';
  const d = new Decimal(Object.is(raw, -0) ? 0 : raw);
  if (d.isNegative() || d.gt(max)) return 'out-of-range';
  if (!d.mod(step).isZero()) return 'bad-step';
  return null;
}

describe('ScoreJudge', () => {
  const items = orderedItems(APPENDIX_B);
  const raws = fc.oneof(
    fc.integer({ min: -5, max: 20 }),
    fc.integer({ min: -40, max: 40 }).map((n) => n / 4),
    fc.double({ noNaN: false }),
    fc.constantFrom(0.1 + 0.2, 1e21, -0, Infinity, NaN, '7', true, null, undefined, '', 2 ** 53 + 2),
  );

  it('follows decimal.js for an office rubric whose maximum is not a whole number', () => {
    fc.assert(
      fc.property(fc.constantFrom('1', '0.5'), fc.constantFrom('7.5', '7.25', '0.5'), raws, (stepText, max, raw) => {
        const step = new Decimal(stepText);
        const judge = new ScoreJudge([{ ...items[0], max }], step, DecimalScale.covering(step, new Decimal(15)));
        expect(judge.judge(0, raw).problem).toBe(decimalVerdict(raw, max, step));
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });

  it('gives the verdict and value of the decimal.js checks, for steps 1, 0.5 and 0.25', () => {
    fc.assert(
      fc.property(fc.constantFrom('1', '0.5', '0.25', '2'), fc.nat(items.length - 1), raws, (stepText, k, raw) => {
        const step = new Decimal(stepText);
        const scale = DecimalScale.covering(step, new Decimal(15));
        const judge = new ScoreJudge(items, step, scale);
        const j = judge.judge(k, raw);
        expect(j.problem).toBe(decimalVerdict(raw, items[k].max, step));
        if (j.problem === null) {
          expect(j.value.eq(raw as number)).toBe(true);
          expect(scale.toDecimal(j.units).eq(j.value)).toBe(true);
          // The same number is judged once: the verdict object is shared.
          expect(judge.judge(k, raw)).toBe(j);
        }
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });
});

describe('Sum', () => {
  it('adds exactly and shares the node of a combination seen before', () => {
    const scale = new DecimalScale(1);
    const zero = Sum.zero(scale);
    const a = { units: 75n };
    const b = { units: 5n };
    const ab = zero.plus(a).plus(b);
    expect(ab.value.toString()).toBe('8');
    expect(zero.plus(a).plus(b)).toBe(ab);
    expect(zero.plus(b).plus(a).value.toString()).toBe('8');
  });
});
