import { evaluate, parsePanel } from '../../../src/core';
import { makePanel, type RawPanel } from '../../helpers/panels';
import { referenceScores } from '../../helpers/reference';
import { caseOf, dropEntries, entryOf, itemsOf, scoreRaw } from '../../helpers/scoring';

// Two cases, experts E01–E03 (初评), E04–E06 (复评), E07–E09 (终评), every total 80 unless changed.
function base(): RawPanel {
  return makePanel({ cases: 2, experts: [3, 3, 3], total: (_r, j, c) => 80 + j + c });
}

const isEntry = (round: string, expert: string | null, caseId: string) => (e: Record<string, unknown>) =>
  e.round === round && (expert === null || e.expert === expert) && e.case === caseId;

describe('case status', () => {
  it('graded: every round complete and valid; only graded cases have a score and a grade', () => {
    const raw = base();
    const { json } = scoreRaw(raw);
    const ref = referenceScores(raw);
    expect(json.findings).toEqual([]);
    expect(json.cases.map((c) => [c.id, c.status, c.score, c.grade])).toEqual(
      ref.map((r) => [r.id, 'graded', r.score, r.grade]),
    );
    expect(caseOf(json, 'C001').rounds).toEqual({
      initial: { n: 3, mean: '81.00' },
      review: { n: 3, mean: '81.00' },
      final: { n: 3, mean: '81.00' },
    });
  });

  it('excluded: formal review failed; the case is in no round by default and gets no score', () => {
    const raw = base();
    raw.cases[1].formalReview = 'failed';
    dropEntries(raw, (e) => e.case !== 'C002');
    const { json } = scoreRaw(raw);
    expect(json.findings).toEqual([]);
    expect(caseOf(json, 'C002')).toEqual({ id: 'C002', status: 'excluded', rounds: {}, score: null, grade: null });
    expect(caseOf(json, 'C001').status).toBe('graded');
  });

  it('invalid: an error finding names the case; no score, no grade, no round means where the error is', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'review', 'E05', 'C001'))['conversion.degree'] = 12;
    const { json } = scoreRaw(raw);
    const c = caseOf(json, 'C001');
    expect([c.status, c.score, c.grade]).toEqual(['invalid', null, null]);
    expect(c.rounds.review).toEqual({ n: 2, mean: null });
    expect(c.rounds.initial).toEqual({ n: 3, mean: '81.00' });
    expect(caseOf(json, 'C002').status).toBe('graded');
  });

  it('incomplete: an assigned, non-recused expert has not scored yet', () => {
    const raw = base();
    dropEntries(raw, (e) => !isEntry('review', 'E05', 'C001')(e));
    const { json } = scoreRaw(raw);
    expect(json.findings).toEqual([]);
    const c = caseOf(json, 'C001');
    expect([c.status, c.score, c.grade]).toEqual(['incomplete', null, null]);
    expect(c.rounds.review).toEqual({ n: 2, mean: null });
  });

  it('incomplete: a round that has the case but no experts yet', () => {
    const raw = base();
    raw.rounds.final.experts = [];
    dropEntries(raw, (e) => e.round !== 'final');
    const { json } = scoreRaw(raw);
    expect(json.findings).toEqual([]);
    expect(json.cases.map((c) => c.status)).toEqual(['incomplete', 'incomplete']);
  });

  it('not-advanced: the case is not in every round', () => {
    const raw = base();
    raw.rounds.final.cases = ['C001'];
    dropEntries(raw, (e) => !isEntry('final', null, 'C002')(e));
    const { json } = scoreRaw(raw);
    expect(json.findings).toEqual([]);
    const c = caseOf(json, 'C002');
    expect([c.status, c.score, c.grade]).toEqual(['not-advanced', null, null]);
    expect(Object.keys(c.rounds)).toEqual(['initial', 'review']);
    expect(caseOf(json, 'C001').status).toBe('graded');
  });

  it('not-advanced: every case when a round is absent from the panel', () => {
    const raw = base();
    delete raw.rounds.final;
    dropEntries(raw, (e) => e.round !== 'final');
    const { json } = scoreRaw(raw);
    expect(json.findings).toEqual([]);
    expect(json.cases.map((c) => c.status)).toEqual(['not-advanced', 'not-advanced']);
  });
});

describe('case status precedence: excluded, invalid, incomplete, not-advanced, graded', () => {
  it('excluded wins over invalid', () => {
    const raw = base();
    raw.cases[1].formalReview = 'failed';
    // Its scores are still in the panel: every one is an error (the case is in no round), yet it stays excluded.
    const { json } = scoreRaw(raw);
    expect(json.findings.filter((f) => f.case === 'C002').map((f) => f.code)).toContain('not-in-round');
    expect(caseOf(json, 'C002').status).toBe('excluded');
  });

  it('excluded wins even when listed in a round and scored wrongly', () => {
    const raw = base();
    raw.cases[0].formalReview = 'failed';
    for (const r of ['initial', 'review', 'final']) raw.rounds[r].cases = ['C001', 'C002'];
    itemsOf(entryOf(raw, 'initial', 'E01', 'C001'))['innovation.necessity'] = 'n/a';
    const { json } = scoreRaw(raw);
    expect(json.findings.map((f) => f.code)).toEqual(['not-a-number']);
    expect(caseOf(json, 'C001')).toMatchObject({ status: 'excluded', score: null, grade: null });
  });

  it('invalid wins over incomplete', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'initial', 'E01', 'C001'))['innovation.necessity'] = -2;
    dropEntries(raw, (e) => !isEntry('review', 'E04', 'C001')(e));
    expect(caseOf(scoreRaw(raw).json, 'C001').status).toBe('invalid');
  });

  it('invalid wins over not-advanced', () => {
    const raw = base();
    raw.rounds.final.cases = ['C001'];
    dropEntries(raw, (e) => !isEntry('final', null, 'C002')(e));
    itemsOf(entryOf(raw, 'review', 'E06', 'C002'))['practicality.risk'] = 2.5;
    expect(caseOf(scoreRaw(raw).json, 'C002').status).toBe('invalid');
  });

  it('incomplete wins over not-advanced', () => {
    const raw = base();
    raw.rounds.final.cases = ['C001'];
    dropEntries(raw, (e) => !isEntry('final', null, 'C002')(e) && !isEntry('initial', 'E02', 'C002')(e));
    const { json } = scoreRaw(raw);
    expect(json.findings).toEqual([]);
    expect(caseOf(json, 'C002').status).toBe('incomplete');
  });

  it('a warning alone leaves the case graded', () => {
    const raw = makePanel({ experts: [4, 1, 1], total: (r, j) => (r === 'initial' && j === 0 ? 60 : 80) });
    const { json } = scoreRaw(raw);
    expect(json.findings.map((f) => [f.severity, f.code])).toEqual([['warning', 'outlier']]);
    expect(json.cases[0]).toMatchObject({ status: 'graded', score: referenceScores(raw)[0].score });
  });
});

describe('formal review pending a correction (限期补正)', () => {
  it('keeps the case out of the rounds by default and excluded, like a failed review', () => {
    const raw = base();
    raw.cases[1].formalReview = 'pending';
    raw.scores = raw.scores.filter((s) => s.case !== 'C002');
    const panel = parsePanel(raw);
    expect(panel.rounds.initial.cases).toEqual(['C001']);
    const c2 = evaluate(panel).cases.find((c) => c.id === 'C002')!;
    expect([c2.status, c2.score, c2.grade]).toEqual(['excluded', null, null]);
  });
});
