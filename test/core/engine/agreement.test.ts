import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { kendallW } from '../../../src/core/engine/agreement';
import { Quotient } from '../../../src/core/engine/quotient';
import { reordered } from '../../helpers/arbitraries';
import { ITEM_IDS, ITEM_MAX, itemsForTotal, makePanel, type RawPanel } from '../../helpers/panels';
import { referenceAgreement } from '../../helpers/reference';
import { dropEntries, entryOf, itemsOf, recuse, scoreRaw } from '../../helpers/scoring';

const fixtures = join(__dirname, '../../fixtures');
const read = (name: string): unknown => JSON.parse(readFileSync(join(fixtures, name), 'utf8'));

/** Totals by expert then case for the initial round; review and final have one expert scoring 80 throughout. */
function initialPanel(byExpert: number[][]): RawPanel {
  return makePanel({
    cases: byExpert[0].length,
    experts: [byExpert.length, 1, 1],
    total: (r, j, ci) => (r === 'initial' ? byExpert[j][ci] : 80),
  });
}

const agreementOf = (raw: unknown) => scoreRaw(raw).json.agreement;
const leniencies = (raw: unknown, round = 'initial') =>
  agreementOf(raw)
    .experts.filter((e) => e.round === round)
    .map((e) => [e.expert, e.leniency]);

// Three experts, four cases, each expert with one pair of tied totals.
//   ranks   C001 C002 C003 C004
//   E01     4    2.5  2.5  1      T = 2³ − 2 = 6
//   E02     4    3    1.5  1.5    T = 6
//   E03     3.5  3.5  2    1      T = 6
// Rank sums 11.5, 9, 6, 3.5 around their mean 7.5: S = 16 + 2.25 + 2.25 + 16 = 36.5;
// W = 12·36.5 / (3²·(4³ − 4) − 3·18) = 438 / 486 = 73/81 = 0.90123…
const TIED = [
  [80, 70, 70, 60],
  [85, 75, 65, 65],
  [90, 90, 80, 70],
];

describe('Kendall W', () => {
  it('with ties: the mean rank for tied totals and the tie correction in the denominator', () => {
    expect(agreementOf(initialPanel(TIED)).rounds.initial).toEqual({ experts: 3, cases: 4, kendallW: '0.9012' });
  });

  it('a recused expert, one who has not scored a case, and one whose entry has an error are all left out of W', () => {
    // Without E02: rank sums 7.5, 6, 4.5, 2 around 5, S = 16.5; W = 12·16.5 / (2²·60 − 2·12) = 198/216 = 0.91666…
    const want = { experts: 2, cases: 4, kendallW: '0.9167' };
    const recused = initialPanel(TIED);
    recuse(recused, 'initial', 'E02', 'C002');
    expect(agreementOf(recused).rounds.initial).toEqual(want);

    const missing = initialPanel(TIED);
    dropEntries(missing, (e) => !(e.round === 'initial' && e.expert === 'E02' && e.case === 'C002'));
    expect(scoreRaw(missing).json.cases[1].status).toBe('incomplete');
    expect(agreementOf(missing).rounds.initial).toEqual(want);

    const invalid = initialPanel(TIED);
    itemsOf(entryOf(invalid, 'initial', 'E02', 'C002'))['innovation.necessity'] = '九';
    expect(scoreRaw(invalid).json.cases[1].status).toBe('invalid');
    expect(agreementOf(invalid).rounds.initial).toEqual(want);
  });

  it('a case nobody has scored yet is not counted (n); the experts of the others still rank them', () => {
    const raw = initialPanel(TIED);
    dropEntries(raw, (e) => !(e.round === 'initial' && e.case === 'C004'));
    // C001..C003: E01 3, 1.5, 1.5 (T 6); E02 3, 2, 1; E03 2.5, 2.5, 1 (T 6). Sums 8.5, 6, 3.5 around 6: S = 12.5.
    // W = 12·12.5 / (9·24 − 3·12) = 150/180 = 0.8333…
    expect(agreementOf(raw).rounds.initial).toEqual({ experts: 3, cases: 3, kendallW: '0.8333' });
  });

  it('perfect agreement is 1 and exactly reversed rankings of two experts are 0', () => {
    const same = initialPanel([
      [60, 70, 80],
      [61, 75, 99],
    ]);
    expect(agreementOf(same).rounds.initial!.kendallW).toBe('1.0000');
    const reversed = initialPanel([
      [60, 70, 80],
      [80, 70, 60],
    ]);
    expect(agreementOf(reversed).rounds.initial!.kendallW).toBe('0.0000');
  });

  it('is null with fewer than two experts ranking every case (m < 2) and with fewer than two cases (n < 2)', () => {
    const raw = initialPanel(TIED);
    recuse(raw, 'initial', 'E01', 'C001');
    recuse(raw, 'initial', 'E02', 'C003');
    const a = agreementOf(raw);
    expect(a.rounds.initial).toEqual({ experts: 1, cases: 4, kendallW: null });
    // Review and final have one expert each.
    expect(a.rounds.review).toEqual({ experts: 1, cases: 4, kendallW: null });
    expect(a.rounds.final).toEqual({ experts: 1, cases: 4, kendallW: null });

    const oneCase = initialPanel([[80], [70], [60]]);
    expect(agreementOf(oneCase).rounds.initial).toEqual({ experts: 3, cases: 1, kendallW: null });
  });

  it('is null when every expert gives every case the same total (the denominator is 0)', () => {
    const raw = makePanel({ cases: 3, experts: [2, 3, 2], total: (r, j) => (r === 'review' ? 70 + j : 77) });
    const a = agreementOf(raw);
    expect(a.rounds.initial).toEqual({ experts: 2, cases: 3, kendallW: null });
    // Experts who differ in level but each give every case the same total leave nothing to rank either.
    expect(a.rounds.review).toEqual({ experts: 3, cases: 3, kendallW: null });
    expect(a.experts.filter((e) => e.round === 'initial').map((e) => e.leniency)).toEqual(['0.00', '0.00']);
    expect(a.experts.filter((e) => e.round === 'review').map((e) => e.leniency)).toEqual(['-1.50', '0.00', '+1.50']);
  });

  it('one expert tying every case still leaves W defined when another expert ranks them', () => {
    // E01 ties all: ranks 2, 2, 2, T = 24; E02: 1, 2, 3. Sums 3, 4, 5 around 4: S = 2; W = 24 / (4·24 − 2·24) = 0.5.
    const raw = initialPanel([
      [70, 70, 70],
      [60, 70, 80],
    ]);
    expect(agreementOf(raw).rounds.initial).toEqual({ experts: 2, cases: 3, kendallW: '0.5000' });
  });

  it('counts only the cases of the round: a case failing formal review, or left out of a round', () => {
    const raw = initialPanel(TIED);
    raw.cases[3].formalReview = 'failed';
    // C004 is out of every round by default (its entries are now not-in-round errors); C001..C003 are ranked.
    dropEntries(raw, (e) => e.case !== 'C004');
    expect(agreementOf(raw).rounds.initial).toEqual({ experts: 3, cases: 3, kendallW: '0.8333' });

    const subset = initialPanel(TIED);
    subset.rounds.initial.cases = ['C001', 'C002', 'C003'];
    dropEntries(subset, (e) => !(e.round === 'initial' && e.case === 'C004'));
    expect(agreementOf(subset).rounds.initial).toEqual({ experts: 3, cases: 3, kendallW: '0.8333' });
  });

  it('leaves out the rounds the panel does not have', () => {
    const raw = initialPanel(TIED);
    delete raw.rounds.review;
    dropEntries(raw, (e) => e.round !== 'review');
    const a = agreementOf(raw);
    expect(Object.keys(a.rounds)).toEqual(['initial', 'final']);
    expect(a.experts.map((e) => e.round)).toEqual(['initial', 'initial', 'initial', 'final']);
  });

  it('kendallW on units directly', () => {
    const table = [
      new Map([
        ['A', 1n],
        ['B', 2n],
      ]),
      new Map([
        ['A', 2n],
        ['B', 1n],
      ]),
      new Map<string, bigint>(),
    ];
    expect(kendallW(['A', 'B', 'C'], table)).toEqual({ experts: 2, cases: 2, kendallW: Quotient.of(0n) });
  });
});

describe('leniency', () => {
  it('the mean gap between an expert and the others, case by case, signed', () => {
    // E01: 80 − 87.5, 70 − 82.5, 70 − 72.5, 60 − 67.5 → −30/4; E02: 0, −5, −10, 0 → −15/4; E03: 45/4.
    expect(leniencies(initialPanel(TIED))).toEqual([
      ['E01', '-7.50'],
      ['E02', '-3.75'],
      ['E03', '+11.25'],
    ]);
  });

  it('skips the cases an expert did not score; rounds halves away from zero (−9.375 → −9.38)', () => {
    const raw = initialPanel(TIED);
    recuse(raw, 'initial', 'E02', 'C002');
    // E01 on C002 is now compared with E03 alone: 70 − 90. E01: (−7.5 − 20 − 2.5 − 7.5)/4 = −9.375;
    // E02: (0 − 10 + 0)/3 = −3.333…; E03: (7.5 + 20 + 12.5 + 7.5)/4 = 11.875.
    expect(leniencies(raw)).toEqual([
      ['E01', '-9.38'],
      ['E02', '-3.33'],
      ['E03', '+11.88'],
    ]);
  });

  it('is null for an expert who is alone on every case, or who scored nothing', () => {
    const raw = initialPanel(TIED);
    for (const c of ['C001', 'C002', 'C003', 'C004']) recuse(raw, 'initial', 'E03', c);
    recuse(raw, 'initial', 'E02', 'C004');
    const a = agreementOf(raw);
    // E01 and E02 alone: −5/+5 on C001, C002, +5/−5 on C003; C004 is E01's alone and skipped.
    expect(leniencies(raw)).toEqual([
      ['E01', '-1.67'],
      ['E02', '+1.67'],
      ['E03', null],
    ]);
    // One expert in review and final: no one to compare with.
    expect(a.experts.filter((e) => e.round !== 'initial').map((e) => e.leniency)).toEqual([null, null]);
  });

  it('is "0.00" for anything that rounds to zero, never a signed zero; ±0.005 rounds away from zero', () => {
    const tiny = (delta: number): RawPanel => {
      const raw = makePanel({ cases: 1, experts: [2, 1, 1], total: () => 80, policy: { scoreStep: 0.001 } });
      // itemsForTotal(80) leaves promotion.internal at 0.
      itemsOf(entryOf(raw, 'initial', 'E02', 'C001'))['promotion.internal'] = delta;
      return raw;
    };
    expect(leniencies(tiny(0.004))).toEqual([
      ['E01', '0.00'],
      ['E02', '0.00'],
    ]);
    expect(leniencies(tiny(0.005))).toEqual([
      ['E01', '-0.01'],
      ['E02', '+0.01'],
    ]);
  });

  it('lists the experts round by round, each round in the order of its expert list', () => {
    const raw = initialPanel(TIED);
    raw.rounds.initial.experts = ['E03', 'E01', 'E02'];
    expect(agreementOf(raw).experts.map((e) => [e.round, e.expert])).toEqual([
      ['initial', 'E03'],
      ['initial', 'E01'],
      ['initial', 'E02'],
      ['review', 'E04'],
      ['final', 'E05'],
    ]);
  });
});

describe('the example panel', () => {
  it('has the agreement of the expected file, which the independent reference agrees with', () => {
    const raw = read('panel-small.json');
    const expected = read('panel-small.expected.json') as { agreement: unknown };
    expect(agreementOf(raw)).toEqual(expected.agreement);
    expect(referenceAgreement(raw as RawPanel)).toEqual(expected.agreement);
  });
});

describe('Quotient', () => {
  it('rounds half away from zero, with no negative zero', () => {
    expect(Quotient.of(73n, 81n).toFixed(4)).toBe('0.9012');
    expect(Quotient.of(11n, 12n).toFixed(4)).toBe('0.9167');
    expect(Quotient.of(-75n, 8n).toFixed(2)).toBe('-9.38');
    expect(Quotient.of(-1n, 300n).toFixed(2)).toBe('0.00');
    expect(Quotient.of(1n, 200n).toFixed(2)).toBe('0.01');
    expect(Quotient.of(5n, -2n).toFixed(0)).toBe('-3');
    expect(Quotient.of(6n, 4n)).toEqual(Quotient.of(3n, 2n));
    expect(() => Quotient.of(1n, 0n)).toThrow(RangeError);
  });
});

// Random panels for agreement: totals from a short list so ties are common (half points included), and every cell
// scored, recused, not yet scored or typed wrong; sometimes a case fails formal review or a round leaves cases out.
const TOTALS = [60, 60.5, 70, 70, 85, 85.5, 90];
type Cell = 'score' | 'recused' | 'missing' | 'invalid';
const cellKind = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Cell>('score') },
  fc.constantFrom<Cell>('recused', 'missing', 'invalid'),
);

function itemsFor(total: number): Record<string, unknown> {
  const items: Record<string, unknown> = itemsForTotal(Math.floor(total));
  if (total % 1 !== 0) {
    const k = ITEM_IDS.findIndex((id, i) => (items[id] as number) < ITEM_MAX[i]);
    items[ITEM_IDS[k]] = (items[ITEM_IDS[k]] as number) + 0.5;
  }
  return items;
}

const randomPanel: fc.Arbitrary<RawPanel> = fc
  .record({
    nCases: fc.integer({ min: 1, max: 6 }),
    counts: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
    failed: fc.option(fc.nat(5), { nil: undefined }),
    finalCases: fc.option(fc.nat(5), { nil: undefined }),
    withoutReview: fc.boolean(),
  })
  .chain((shape) =>
    fc
      .tuple(
        ...shape.counts.map((n) =>
          fc.array(
            fc.array(fc.tuple(cellKind, fc.constantFrom(...TOTALS)), {
              minLength: shape.nCases,
              maxLength: shape.nCases,
            }),
            { minLength: n, maxLength: n },
          ),
        ),
      )
      .map((cells) => {
        const cases = Array.from({ length: shape.nCases }, (_, i) => ({
          id: `C${String(i + 1).padStart(3, '0')}`,
          ...(shape.failed === i ? { formalReview: 'failed' } : {}),
        }));
        const experts: Record<string, unknown>[] = [];
        const rounds: Record<string, Record<string, unknown>> = {};
        const scores: Record<string, unknown>[] = [];
        let next = 1;
        (['initial', 'review', 'final'] as const).forEach((r, ri) => {
          const ids = cells[ri].map(() => `E${String(next++).padStart(2, '0')}`);
          for (const id of ids) experts.push({ id });
          if (r === 'review' && shape.withoutReview) return;
          rounds[r] = { experts: ids };
          if (r === 'final' && shape.finalCases !== undefined)
            rounds[r].cases = cases.slice(0, 1 + (shape.finalCases % cases.length)).map((c) => c.id);
          ids.forEach((id, j) =>
            cases.forEach((c, ci) => {
              const [kind, total] = cells[ri][j][ci];
              if (kind === 'missing') return;
              if (kind === 'recused') scores.push({ round: r, expert: id, case: c.id, recused: true });
              else {
                const items = itemsFor(total);
                if (kind === 'invalid') items[ITEM_IDS[ci % ITEM_IDS.length]] = '九';
                scores.push({ round: r, expert: id, case: c.id, items });
              }
            }),
          );
        });
        return { title: '一致性', policy: { scoreStep: 0.5 }, cases, experts, rounds, scores };
      }),
  );

describe('agreement properties on random panels', () => {
  const RUNS = { numRuns: 300, seed: 20261207 };

  it('W and leniency equal the independent BigInt reference', () => {
    fc.assert(
      fc.property(randomPanel, (raw) => {
        expect(agreementOf(raw)).toEqual(referenceAgreement(raw));
      }),
      RUNS,
    );
  });

  it('do not depend on the order of the entries or of the expert list; W not on the round expert lists either', () => {
    fc.assert(
      fc.property(randomPanel, fc.integer(), (raw, seed) => {
        const before = agreementOf(raw);
        const moved = reordered(raw, seed);
        const after = agreementOf(moved);
        expect(after.rounds).toEqual(before.rounds);
        const key = (e: { round: string; expert: string }) => `${e.round}|${e.expert}`;
        const sorted = (l: typeof before.experts) => [...l].sort((a, b) => (key(a) < key(b) ? -1 : 1));
        expect(sorted(after.experts)).toEqual(sorted(before.experts));
      }),
      RUNS,
    );
  });

  it('W lies in [0, 1]; in a round where everyone scored every case, the leniencies cancel out', () => {
    fc.assert(
      fc.property(randomPanel, (raw) => {
        const a = agreementOf(raw);
        for (const r of Object.values(a.rounds)) {
          if (r.kendallW !== null) expect(Number(r.kendallW) >= 0 && Number(r.kendallW) <= 1).toBe(true);
        }
        const { evaluation } = scoreRaw(raw);
        for (const [r, setup] of Object.entries(raw.rounds)) {
          const stats = evaluation.cases.flatMap((c) => c.rounds[r as 'initial'] ?? []);
          const everyone = (setup.experts as string[]).length;
          if (everyone < 2 || !stats.every((s) => s.totals.length === everyone)) continue;
          // Σ over experts of (t − mean of others) is 0 case by case, so the leniencies (each over the same cases)
          // add up to 0 before rounding: within half a cent per expert after.
          const sum = a.experts.filter((e) => e.round === r).reduce((s, e) => s + Number(e.leniency ?? 0), 0);
          expect(Math.abs(sum)).toBeLessThanOrEqual(0.005 * everyone + 1e-9);
        }
      }),
      RUNS,
    );
  });
});
