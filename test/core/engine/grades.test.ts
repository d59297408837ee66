import { Decimal, gradeOf, Ratio } from '../../../src/core';
import { makePanel, type RawPanel } from '../../helpers/panels';
import { cmp, frac, referenceExact, referenceScores, roundText } from '../../helpers/reference';
import { scoreRaw } from '../../helpers/scoring';

/**
 * One expert per round and weights 0.005 / 0.005 / 0.99, so S = 0.005·a + 0.005·b + 0.99·c lands on any
 * third decimal: the grade lines and rounding ties can be hit exactly.
 */
function lineCase(a: number, b: number, c: number, policy?: Record<string, unknown>): RawPanel {
  const totals: Record<string, number> = { initial: a, review: b, final: c };
  return makePanel({
    experts: [1, 1, 1],
    weights: [0.005, 0.005, 0.99],
    total: (r) => totals[r],
    ...(policy ? { policy } : {}),
  });
}

function result(raw: RawPanel) {
  const { json, evaluation } = scoreRaw(raw);
  expect(json.findings).toEqual([]);
  return { ...json.cases[0], exact: evaluation.cases[0].exact! };
}

describe('grade lines (9.3.2) with the reported S', () => {
  it('S exactly 89.995 is reported 90.00 and graded 一等 by default', () => {
    const raw = lineCase(90, 89, 90);
    const r = result(raw);
    expect(r.exact.cmp(new Decimal('89.995'))).toBe(0);
    expect([r.score, r.grade]).toEqual(['90.00', '一等']);
    expect(referenceScores(raw)[0]).toMatchObject({ score: '90.00', grade: '一等' });
  });

  it('with gradeOn exact the same S is 二等, still reported 90.00', () => {
    const r = result(lineCase(90, 89, 90, { gradeOn: 'exact' }));
    expect([r.score, r.grade]).toEqual(['90.00', '二等']);
  });

  it('S exactly 79.995 is 80.00 and 二等 (rounded), 三等 (exact)', () => {
    expect(result(lineCase(80, 79, 80))).toMatchObject({ score: '80.00', grade: '二等' });
    expect(result(lineCase(80, 79, 80, { gradeOn: 'exact' }))).toMatchObject({ score: '80.00', grade: '三等' });
  });

  it('S exactly 69.995 is 70.00 and 三等 (rounded), 无评级 (exact)', () => {
    expect(result(lineCase(70, 69, 70))).toMatchObject({ score: '70.00', grade: '三等' });
    expect(result(lineCase(70, 69, 70, { gradeOn: 'exact' }))).toMatchObject({ score: '70.00', grade: '无评级' });
  });

  it('S exactly 69.99 is 无评级 either way', () => {
    const r = result(lineCase(70, 68, 70));
    expect(r.exact.cmp(new Decimal('69.99'))).toBe(0);
    expect([r.score, r.grade]).toEqual(['69.99', '无评级']);
    expect(result(lineCase(70, 68, 70, { gradeOn: 'exact' })).grade).toBe('无评级');
  });

  it('S a repeating 89.99333… just under 89.995 is 89.99 and 二等', () => {
    const raw = makePanel({
      experts: [3, 1, 1],
      weights: [0.005, 0.005, 0.99],
      total: (r, j) => (r === 'initial' ? [89, 89, 88][j] : 90),
    });
    const r = result(raw);
    expect(r.exact.cmp(Ratio.fraction(269980, 3000))).toBe(0);
    expect([r.score, r.grade]).toEqual(['89.99', '二等']);
    expect(referenceScores(raw)[0]).toMatchObject({ score: '89.99', grade: '二等' });
  });

  it('the lines themselves: 90, 80, 70 exactly, and 100', () => {
    expect(result(lineCase(90, 90, 90))).toMatchObject({ score: '90.00', grade: '一等' });
    expect(result(lineCase(80, 80, 80, { gradeOn: 'exact' }))).toMatchObject({ score: '80.00', grade: '二等' });
    expect(result(lineCase(70, 70, 70, { gradeOn: 'exact' }))).toMatchObject({ score: '70.00', grade: '三等' });
    expect(result(lineCase(100, 100, 100))).toMatchObject({ score: '100.00', grade: '一等' });
    expect(result(lineCase(0, 0, 0))).toMatchObject({ score: '0.00', grade: '无评级' });
  });

  it('with 0 decimals, a true 89.5 is published as 90 and so graded 一等 (rounded) or 二等 (exact)', () => {
    expect(result(lineCase(40, 40, 90, { decimals: 0 }))).toMatchObject({ score: '90', grade: '一等' });
    expect(result(lineCase(40, 40, 90, { decimals: 0, gradeOn: 'exact' }))).toMatchObject({ grade: '二等' });
  });

  it('gradeOf compares exactly at each line', () => {
    expect(gradeOf(new Decimal('90'))).toBe('一等');
    expect(gradeOf(Ratio.fraction('89999', '1000'))).toBe('二等');
    expect(gradeOf(new Decimal('80'))).toBe('二等');
    expect(gradeOf(Ratio.fraction(239, 3))).toBe('三等');
    expect(gradeOf(new Decimal('70'))).toBe('三等');
    expect(gradeOf(new Decimal('69.9999999'))).toBe('无评级');
  });
});

describe('rounding half-up', () => {
  it('a tie at the third decimal goes up: 85.125 → 85.13 (banker’s rounding would give 85.12)', () => {
    const raw = lineCase(98, 97, 85);
    const r = result(raw);
    expect(r.exact.cmp(new Decimal('85.125'))).toBe(0);
    expect(r.score).toBe('85.13');
    expect(referenceScores(raw)[0].score).toBe('85.13');
  });

  it('85.135 → 85.14 and 85.115 → 85.12', () => {
    expect(result(lineCase(100, 97, 85)).score).toBe('85.14');
    expect(result(lineCase(96, 97, 85)).score).toBe('85.12');
  });

  it('a tie in a round mean goes up too: 681 / 8 = 85.125 → 85.13', () => {
    const raw = makePanel({ experts: [1, 1, 8], total: (r, j) => (r === 'final' && j === 0 ? 86 : 85) });
    expect(scoreRaw(raw).json.cases[0].rounds.final).toEqual({ n: 8, mean: '85.13' });
  });

  it('S and means have exactly `decimals` places for decimals 0, 1, 2 and 3', () => {
    // 初评 295/3 and 复评 290/3 repeat forever but add up to 195, so S is exactly 0.005·195 + 0.99·85 = 85.125.
    const expected: [number, string, string, string, string][] = [
      [0, '85', '98', '97', '85'],
      [1, '85.1', '98.3', '96.7', '85.0'],
      [2, '85.13', '98.33', '96.67', '85.00'],
      [3, '85.125', '98.333', '96.667', '85.000'],
    ];
    for (const [decimals, score, initial, review, final] of expected) {
      const raw = makePanel({
        experts: [3, 3, 1],
        weights: [0.005, 0.005, 0.99],
        total: (r, j) => (r === 'initial' ? [98, 98, 99][j] : r === 'review' ? [97, 97, 96][j] : 85),
        policy: { decimals },
      });
      const c = result(raw);
      expect([decimals, c.score, c.rounds.initial!.mean, c.rounds.review!.mean, c.rounds.final!.mean]).toEqual([
        decimals,
        score,
        initial,
        review,
        final,
      ]);
      expect(referenceScores(raw)[0].score).toBe(score);
    }
  });
});

describe('a realistic panel just under the 一等 line', () => {
  /** Totals of n experts adding up to `sum`, spread around their mean so no two rounds look alike. */
  function spread(sum: number, n: number): number[] {
    const base = Math.floor(sum / n);
    const totals = Array.from({ length: n }, (_, i) => base + (i < sum - base * n ? 1 : 0));
    for (let i = 0; i + 1 < n; i += 2) {
      const d = Math.min(1 + i, 100 - totals[i], totals[i + 1]);
      totals[i] += d;
      totals[i + 1] -= d;
    }
    return totals;
  }

  // 7 / 3 / 8 experts: S = 0.2·A/7 + 0.2·B/3 + 0.6·C/8 = (24A + 56B + 63C) / 840 for round sums A, B, C.
  function search(): { A: number; B: number; C: number } {
    for (let A = 7 * 95; A >= 7 * 85; A--) {
      for (let B = 3 * 85; B <= 3 * 95; B++) {
        for (let C = 8 * 85; C <= 8 * 95; C++) {
          const x = 24 * A + 56 * B + 63 * C;
          // 89.995 · 840 = 75595.8 ≤ x < 75600, and not a trivially even split.
          if (x >= 75596 && x < 75600 && A % 7 !== 0 && B % 3 !== 0 && C % 8 !== 0) return { A, B, C };
        }
      }
    }
    throw new Error('no panel found');
  }

  it('is graded 一等 by default and 二等 with gradeOn exact', () => {
    const { A, B, C } = search();
    const totals: Record<string, number[]> = { initial: spread(A, 7), review: spread(B, 3), final: spread(C, 8) };
    const raw = makePanel({ experts: [7, 3, 8], total: (r, j) => totals[r][j] });
    const exact = referenceExact(raw)[0].s;
    expect(cmp(exact, frac(89995n, 1000n))).toBeGreaterThanOrEqual(0);
    expect(cmp(exact, frac(90n))).toBeLessThan(0);

    const { json, evaluation } = scoreRaw(raw);
    expect(json.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(json.cases[0]).toMatchObject({ status: 'graded', score: '90.00', grade: '一等' });
    expect(evaluation.cases[0].exact!.lt(90)).toBe(true);
    expect(json.cases[0].rounds).toEqual({
      initial: { n: 7, mean: roundText(frac(BigInt(A), 7n), 2) },
      review: { n: 3, mean: roundText(frac(BigInt(B), 3n), 2) },
      final: { n: 8, mean: roundText(frac(BigInt(C), 8n), 2) },
    });
    const exactly = scoreRaw({ ...raw, policy: { gradeOn: 'exact' } }).json.cases[0];
    expect(exactly).toMatchObject({ score: '90.00', grade: '二等' });
  });
});
