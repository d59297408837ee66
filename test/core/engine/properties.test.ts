import fc from 'fast-check';
import { GRADES, type Grade } from '../../../src/core';
import { cleanPanel, reordered, ROUNDS } from '../../helpers/arbitraries';
import { ITEM_IDS, ITEM_MAX, type RawPanel } from '../../helpers/panels';
import { add, frac, meanOf, parseDec, referenceScores, roundText, type Frac } from '../../helpers/reference';
import { scoreRaw, type Scored } from '../../helpers/scoring';

const RUNS = { numRuns: 200, seed: 20260415 };

const rank = (g: Grade | null): number => (g === null ? -1 : GRADES.length - GRADES.indexOf(g));

function scorers(raw: RawPanel, round: string, caseId: unknown): Record<string, unknown>[] {
  return raw.scores.filter((s) => s.round === round && s.case === caseId && s.recused !== true);
}

function total(entry: Record<string, unknown>): Frac {
  return Object.values(entry.items as Record<string, number>).reduce<Frac>(
    (a, v) => add(a, parseDec(String(v))),
    frac(0n),
  );
}

function sortedFindings(s: Scored): string[] {
  return s.json.findings.map((f) => JSON.stringify(f)).sort();
}

describe('engine properties on random clean panels', () => {
  it('S, grade and every round mean equal the independent reference; n counts the experts who scored', () => {
    fc.assert(
      fc.property(cleanPanel(), (raw) => {
        const { json } = scoreRaw(raw);
        expect(json.findings.filter((f) => f.severity === 'error')).toEqual([]);
        const ref = referenceScores(raw);
        json.cases.forEach((c, i) => {
          expect(c.status).toBe('graded');
          expect([c.id, c.score, c.grade]).toEqual([ref[i].id, ref[i].score, ref[i].grade]);
          for (const r of ROUNDS) {
            expect(c.rounds[r]).toEqual({ n: scorers(raw, r, c.id).length, mean: ref[i].means[r] });
          }
        });
      }),
      RUNS,
    );
  });

  it('trimmed means agree with the reference too', () => {
    fc.assert(
      fc.property(cleanPanel({ policy: { aggregate: 'trimmed' } }), (raw) => {
        const { json } = scoreRaw(raw);
        const ref = referenceScores(raw);
        json.cases.forEach((c, i) => {
          expect([c.score, c.grade]).toEqual([ref[i].score, ref[i].grade]);
          for (const r of ROUNDS) expect(c.rounds[r]!.mean).toBe(ref[i].means[r]);
        });
      }),
      RUNS,
    );
  });

  it('S lies within [0, 100], exactly and as reported', () => {
    fc.assert(
      fc.property(cleanPanel(), (raw) => {
        const { json, evaluation } = scoreRaw(raw);
        for (const c of evaluation.cases) {
          expect(c.exact!.gte(0) && c.exact!.cmp(100) <= 0).toBe(true);
        }
        for (const c of json.cases) {
          const s = Number(c.score);
          expect(s >= 0 && s <= 100).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the entries, of the round expert lists or of the expert list', () => {
    fc.assert(
      fc.property(cleanPanel(), fc.integer(), (raw, seed) => {
        const before = scoreRaw(raw);
        const moved = reordered(raw, seed);
        const after = scoreRaw(moved);
        expect(after.json.cases).toEqual(before.json.cases);
        expect(sortedFindings(after)).toEqual(sortedFindings(before));
      }),
      RUNS,
    );
  });

  it("an assigned expert's recusal in place of scores leaves the mean of the other experts' totals", () => {
    fc.assert(
      fc.property(cleanPanel({ policy: {} }), fc.nat(), fc.nat(), (raw, pickPair, pickExpert) => {
        const pairs = ROUNDS.flatMap((r) => raw.cases.map((c) => [r, c.id] as const)).filter(
          ([r, c]) => scorers(raw, r, c).length >= 2,
        );
        fc.pre(pairs.length > 0);
        const [round, caseId] = pairs[pickPair % pairs.length];
        const who = scorers(raw, round, caseId);
        const out = who[pickExpert % who.length];
        const others = who.filter((e) => e !== out);
        const before = scoreRaw(raw).json;

        const changed: RawPanel = {
          ...raw,
          scores: raw.scores.map((s) => (s === out ? { round, expert: s.expert, case: caseId, recused: true } : s)),
        };
        const { json } = scoreRaw(changed);
        expect(json.findings.filter((f) => f.severity === 'error')).toEqual([]);
        const ci = raw.cases.findIndex((c) => c.id === caseId);
        expect(json.cases[ci].rounds[round]).toEqual({
          n: others.length,
          mean: roundText(meanOf(others.map(total), false), 2),
        });
        // Nothing else moves: the other rounds of this case and every other case.
        for (const r of ROUNDS) if (r !== round) expect(json.cases[ci].rounds[r]).toEqual(before.cases[ci].rounds[r]);
        json.cases.forEach((c, i) => {
          if (i !== ci) expect(c).toEqual(before.cases[i]);
        });
        expect(json.cases[ci].score).toBe(referenceScores(changed)[ci].score);
      }),
      RUNS,
    );
  });

  it('an extra assigned expert who recuses for every case changes nothing', () => {
    fc.assert(
      fc.property(cleanPanel(), fc.constantFrom(...ROUNDS), (raw, round) => {
        const before = scoreRaw(raw);
        const extra = 'E99';
        const changed: RawPanel = {
          ...raw,
          experts: [...raw.experts, { id: extra, name: '增补专家', organization: '回避单位' }],
          rounds: {
            ...raw.rounds,
            [round]: { ...raw.rounds[round], experts: [...(raw.rounds[round].experts as string[]), extra] },
          },
          scores: [...raw.scores, ...raw.cases.map((c) => ({ round, expert: extra, case: c.id, recused: true }))],
        };
        const after = scoreRaw(changed);
        expect(after.json.cases).toEqual(before.json.cases);
        expect(after.json.findings).toEqual(before.json.findings);
        // Agreement too: the extra expert ranks no case, so W is unchanged, and is listed with no leniency.
        expect(after.json.agreement.rounds).toEqual(before.json.agreement.rounds);
        const ofRound = (r: string) => before.json.agreement.experts.filter((e) => e.round === r);
        expect(after.json.agreement.experts).toEqual(
          ROUNDS.flatMap((r) => (r === round ? [...ofRound(r), { round, expert: extra, leniency: null }] : ofRound(r))),
        );
      }),
      RUNS,
    );
  });

  it('raising one item score (within its maximum) never lowers S or the grade', () => {
    fc.assert(
      fc.property(cleanPanel(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 15 }), (raw, pickEntry, pickItem, up) => {
        const scored = raw.scores.filter((s) => s.recused !== true);
        const entry = scored[pickEntry % scored.length];
        const k = pickItem % ITEM_IDS.length;
        const items = entry.items as Record<string, number>;
        const value = items[ITEM_IDS[k]];
        fc.pre(value < ITEM_MAX[k]);
        const raised = { ...entry, items: { ...items, [ITEM_IDS[k]]: Math.min(ITEM_MAX[k], value + up) } };
        const changed: RawPanel = { ...raw, scores: raw.scores.map((s) => (s === entry ? raised : s)) };

        const before = scoreRaw(raw).evaluation.cases;
        const after = scoreRaw(changed).evaluation.cases;
        after.forEach((c, i) => {
          expect(c.exact!.cmp(before[i].exact!)).toBeGreaterThanOrEqual(0);
          expect(rank(c.grade)).toBeGreaterThanOrEqual(rank(before[i].grade));
        });
      }),
      RUNS,
    );
  });

  it('every item at its maximum gives 100.00 and 一等, with any recusals and either aggregate', () => {
    fc.assert(
      fc.property(cleanPanel({ policy: {} }), fc.constantFrom('mean', 'trimmed'), (raw, aggregate) => {
        const full: RawPanel = {
          ...raw,
          policy: { aggregate },
          scores: raw.scores.map((s) =>
            s.recused === true ? s : { ...s, items: Object.fromEntries(ITEM_IDS.map((id, k) => [id, ITEM_MAX[k]])) },
          ),
        };
        const { json } = scoreRaw(full);
        for (const c of json.cases) {
          expect([c.status, c.score, c.grade]).toEqual(['graded', '100.00', '一等']);
          for (const r of ROUNDS) expect(c.rounds[r]!.mean).toBe('100.00');
        }
      }),
      RUNS,
    );
  });
});
