import { makePanel } from '../../helpers/panels';
import { referenceScores } from '../../helpers/reference';
import { caseOf, findingsWith, recuse, scoreRaw } from '../../helpers/scoring';

/** One case; totals[round][j] is what expert j of that round gives. */
function panelWith(totals: Record<string, number[]>, policy?: Record<string, unknown>) {
  return makePanel({
    experts: [totals.initial.length, totals.review.length, totals.final.length],
    total: (r, j) => totals[r][j],
    ...(policy ? { policy } : {}),
  });
}

describe('round means', () => {
  it('mean: every total counts, S = Σ Aᵢ · mean over the experts who scored', () => {
    const raw = panelWith({ initial: [68, 68, 69], review: [90, 70, 60], final: [81, 82, 83, 84, 85] });
    const { json } = scoreRaw(raw);
    expect(json.cases[0].rounds).toEqual({
      initial: { n: 3, mean: '68.33' },
      review: { n: 3, mean: '73.33' },
      final: { n: 5, mean: '83.00' },
    });
    // 0.2·205/3 + 0.2·220/3 + 0.6·83 = 28.333… + 49.8
    expect(json.cases[0].score).toBe('78.13');
    expect(json.cases[0].score).toBe(referenceScores(raw)[0].score);
  });

  it('trimmed with 3, 5 and 7 experts drops exactly one highest and one lowest total, ties included', () => {
    const totals = {
      initial: [90, 70, 60],
      review: [90, 90, 80, 70, 60],
      final: [95, 60, 80, 95, 85, 60, 75],
    };
    const raw = panelWith(totals, { aggregate: 'trimmed' });
    const { json } = scoreRaw(raw);
    // Dropping every copy of a tied extreme would give 75 (复评) and 80 (终评) instead.
    expect(json.cases[0].rounds).toEqual({
      initial: { n: 3, mean: '70.00' },
      review: { n: 5, mean: '80.00' },
      final: { n: 7, mean: '79.00' },
    });
    expect(json.cases[0]).toMatchObject({ status: 'graded', score: '77.40', grade: '三等' });
    expect(referenceScores(raw)[0]).toMatchObject({ score: '77.40', grade: '三等' });
    // The same totals with the plain mean.
    const plain = scoreRaw(panelWith(totals)).json.cases[0];
    expect(plain.rounds.final).toEqual({ n: 7, mean: '78.57' });
    expect(plain.score).toBe(referenceScores(panelWith(totals))[0].score);
  });

  it('trimmed with 1 or 2 totals is the plain mean', () => {
    const { json } = scoreRaw(panelWith({ initial: [91], review: [90, 60], final: [80] }, { aggregate: 'trimmed' }));
    expect(json.cases[0].rounds).toEqual({
      initial: { n: 1, mean: '91.00' },
      review: { n: 2, mean: '75.00' },
      final: { n: 1, mean: '80.00' },
    });
  });

  it('trimmed counts only the experts who scored: 4 experts with one recusal trim 3 totals to the middle one', () => {
    const raw = panelWith({ initial: [99, 70, 75, 50], review: [80], final: [80] }, { aggregate: 'trimmed' });
    recuse(raw, 'initial', 'E01', 'C001');
    const { json } = scoreRaw(raw);
    expect(json.cases[0].rounds.initial).toEqual({ n: 3, mean: '70.00' });
    expect(json.cases[0].score).toBe(referenceScores(raw)[0].score);
  });

  it('a recused expert is left out of nᵢ and of the mean', () => {
    const raw = panelWith({ initial: [90, 60, 75], review: [80, 80, 80], final: [80, 80, 80] });
    expect(scoreRaw(raw).json.cases[0].rounds.initial).toEqual({ n: 3, mean: '75.00' });
    recuse(raw, 'initial', 'E02', 'C001');
    const { json, evaluation } = scoreRaw(raw);
    expect(json.findings).toEqual([]);
    expect(json.cases[0].rounds.initial).toEqual({ n: 2, mean: '82.50' });
    expect(json.cases[0]).toMatchObject({ status: 'graded', score: '80.50', grade: '二等' });
    expect(evaluation.cases[0].rounds.initial!.recused).toEqual(['E02']);
    expect(json.cases[0].score).toBe(referenceScores(raw)[0].score);
  });

  it('a round where every expert recused has no mean and blocks the case', () => {
    const raw = panelWith({ initial: [90, 60], review: [80], final: [80] });
    recuse(raw, 'initial', 'E01', 'C001');
    recuse(raw, 'initial', 'E02', 'C001');
    const { json } = scoreRaw(raw);
    expect(findingsWith(json, 'no-eligible-expert')).toHaveLength(1);
    expect(caseOf(json, 'C001')).toMatchObject({ status: 'invalid', score: null, grade: null });
    expect(caseOf(json, 'C001').rounds.initial).toEqual({ n: 0, mean: null });
  });
});
