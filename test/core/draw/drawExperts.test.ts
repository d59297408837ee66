import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { conflictOf, DrawError, drawExperts } from '../../../src/core/draw/drawExperts';
import { parsePanel, type Panel } from '../../../src/core';

const sample = (): Panel =>
  parsePanel(JSON.parse(readFileSync(join(__dirname, '../../../samples/panel-sample.json'), 'utf8')));

describe('drawExperts', () => {
  it('gives the same experts for the same seed and pool, and other experts for other seeds', () => {
    const panel = sample();
    const a = drawExperts(panel, { round: 'review', count: 5, seed: 'S-2026' });
    const b = drawExperts(sample(), { round: 'review', count: 5, seed: 'S-2026' });
    expect(b).toEqual(a);
    const draws = new Set(
      ['1', '2', '3', '4', '5', '6'].map((seed) =>
        drawExperts(panel, { round: 'review', count: 5, seed }).experts.join(','),
      ),
    );
    expect(draws.size).toBeGreaterThan(3);
  });

  it('turns every conflict of a drawn expert into a recusal, so no conflicted pair is ever scored', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 10 }), (seed, count) => {
        const panel = sample();
        const r = drawExperts(panel, { round: 'final', count, seed });
        expect(r.experts).toHaveLength(count);
        const cases = panel.cases.filter((c) => panel.rounds.final.cases.includes(c.id));
        for (const id of r.experts) {
          const e = panel.experts.find((x) => x.id === id)!;
          for (const c of cases) {
            const listed = r.recusals.some((x) => x.expert === id && x.case === c.id);
            expect(listed).toBe(conflictOf(e, c) !== null);
          }
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('draws field-matched experts first where the pool allows', () => {
    const panel = sample();
    panel.rounds.review.cases = ['C008', 'C009', 'C010'];
    const r = drawExperts(panel, { round: 'review', count: 3, seed: 'x' });
    for (const id of r.experts) expect(panel.experts.find((e) => e.id === id)!.fields).toContain('A.3');
  });

  it('declared conflicts recuse too', () => {
    const panel = sample();
    panel.experts.forEach((e) => (e.conflicts = ['C003']));
    const r = drawExperts(panel, { round: 'initial', count: 2, seed: 'd', minEligible: 0 });
    expect(r.recusals.filter((x) => x.case === 'C003')).toHaveLength(2);
  });

  it('refuses a draw that leaves a case without enough eligible experts, naming the case', () => {
    const panel = sample();
    panel.experts.forEach((e) => (e.organization = '华中能源科技股份有限公司'));
    expect(() => drawExperts(panel, { round: 'review', count: 5, seed: 's' })).toThrow(DrawError);
    expect(() => drawExperts(panel, { round: 'review', count: 5, seed: 's' })).toThrow('C002');
  });

  it('swaps in an expert who can score a case the first pick could not cover', () => {
    const panel = sample();
    // Everyone but E17 works for C002's applicant: any valid draw must contain E17.
    panel.experts.forEach((e) => (e.organization = e.id === 'E17' ? '独立专家' : '华中能源科技股份有限公司'));
    for (const seed of ['a', 'b', 'c', 'd']) {
      const r = drawExperts(panel, { round: 'review', count: 3, seed });
      expect(r.experts).toContain('E17');
    }
  });

  it('can leave out experts who served in an earlier round', () => {
    const panel = sample();
    const r = drawExperts(panel, { round: 'review', count: 10, seed: 'p', excludePrevious: true });
    for (const id of panel.rounds.initial.experts) expect(r.experts).not.toContain(id);
    expect(() => drawExperts(panel, { round: 'review', count: 13, seed: 'p', excludePrevious: true })).toThrow(
      '不足 13 位',
    );
  });
});
