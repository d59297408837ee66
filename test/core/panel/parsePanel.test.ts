import { DEFAULT_POLICY, PanelError, parsePanel } from '../../../src/core';
import { makePanel, type RawPanel } from '../../helpers/panels';

function base(): RawPanel {
  return makePanel({ cases: 2, experts: [2, 2, 3] });
}

/** The refusal a panel gets; it must be a PanelError whose message is one plain sentence. */
function refusal(raw: unknown): PanelError {
  try {
    parsePanel(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(PanelError);
    const err = e as PanelError;
    expect(err.message).toMatch(/^[^\n。]+。?$/);
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    expect(err.messageEn).toMatch(/^[^\n]+$/);
    return err;
  }
  throw new Error('the panel was accepted');
}

function changed(change: (raw: RawPanel) => void): RawPanel {
  const raw = base();
  change(raw);
  return raw;
}

describe('parsePanel refuses, naming the field', () => {
  it('anything that is not an object', () => {
    for (const v of [null, 42, 'panel', [], undefined]) expect(refusal(v).message).toContain('JSON 对象');
  });

  it('a panel without cases', () => {
    expect(refusal(changed((r) => (r.cases = []))).message).toContain('cases');
    expect(refusal(changed((r) => delete (r as Partial<RawPanel>).cases)).message).toContain('cases');
  });

  it('a duplicate case id', () => {
    const m = refusal(changed((r) => (r.cases[1].id = 'C001'))).message;
    expect(m).toContain('C001');
    expect(m).toContain('重复');
  });

  it('cases that are not a list, and an id that is not text', () => {
    expect(refusal(changed((r) => ((r as Record<string, unknown>).cases = { C001: {} }))).message).toContain(
      '“cases”应为列表',
    );
    expect(refusal(changed((r) => (r.cases[1].id = 7))).message).toContain('第2个案例的编号（id）应为文字');
    expect(refusal(changed((r) => (r.experts[0].id = true))).message).toContain('第1位专家的编号（id）应为文字');
  });

  it.each([
    [{ scoreStep: '1e-99999999' }, 'policy.scoreStep'],
    [{ scoreStep: 1e300 }, 'policy.scoreStep'],
    [{ scoreStep: '0.0000005' }, 'policy.scoreStep'],
    [{ outlierPoints: '1e99999999' }, 'policy.outlierPoints'],
    [{ outlierPoints: '1e-99999999' }, 'policy.outlierPoints'],
  ])('a policy number %j whose exact form would have millions of digits or places', (policy, field) => {
    expect(refusal(makePanel({ policy })).message).toContain(field);
  });

  it('a case without an id', () => {
    expect(refusal(changed((r) => delete r.cases[1].id)).message).toContain('第2个案例');
  });

  it('a duplicate expert id', () => {
    const m = refusal(changed((r) => (r.experts[2].id = 'E01'))).message;
    expect(m).toContain('E01');
    expect(m).toContain('重复');
  });

  it('an unknown round id among the rounds', () => {
    const m = refusal(changed((r) => (r.rounds.semifinal = { experts: [] }))).message;
    expect(m).toContain('semifinal');
  });

  it('an unknown round id in a score entry, naming the entry', () => {
    const m = refusal(changed((r) => (r.scores[4].round = 'semifinal'))).message;
    expect(m).toContain('semifinal');
    expect(m).toContain('第5条');
  });

  it('a round listing an unknown expert or an unknown case', () => {
    const e = refusal(changed((r) => (r.rounds.review.experts as string[]).push('E99'))).message;
    expect(e).toContain('E99');
    expect(e).toContain('review');
    const c = refusal(changed((r) => (r.rounds.final.cases = ['C001', 'C404']))).message;
    expect(c).toContain('C404');
    expect(c).toContain('final');
  });

  it('a round listing an expert or a case twice', () => {
    expect(refusal(changed((r) => (r.rounds.initial.experts = ['E01', 'E01']))).message).toContain('E01');
    expect(refusal(changed((r) => (r.rounds.initial.cases = ['C002', 'C002']))).message).toContain('C002');
  });

  it('round weights that do not add up to exactly 1', () => {
    const m = refusal(makePanel({ weights: [0.2, 0.2, 0.5] })).message;
    expect(m).toContain('权重');
    expect(m).toContain('0.9');
    // Within a float epsilon of 1 is still not 1.
    expect(refusal(makePanel({ weights: ['0.2', '0.2', '0.6000000001'] })).message).toContain('1.0000000001');
    // One weight given, the others default: 0.3 + 0.2 + 0.6.
    expect(refusal(changed((r) => (r.rounds.initial.weight = 0.3))).message).toContain('1.1');
  });

  it('a weight outside 0..1 or not a number', () => {
    expect(refusal(makePanel({ weights: [-0.2, 0.6, 0.6] })).message).toMatch(/initial.*权重/);
    expect(refusal(makePanel({ weights: [0, -0.5, 1.5] })).message).toMatch(/review.*权重/);
    expect(refusal(makePanel({ weights: ['0.2', 'a fifth', '0.6'] })).message).toMatch(/review.*权重/);
  });

  it.each([
    [{ decimals: 7 }, 'policy.decimals'],
    [{ decimals: 1.5 }, 'policy.decimals'],
    [{ decimals: '2' }, 'policy.decimals'],
    [{ gradeOn: 'floor' }, 'policy.gradeOn'],
    [{ aggregate: 'median' }, 'policy.aggregate'],
    [{ scoreStep: 0 }, 'policy.scoreStep'],
    [{ scoreStep: -1 }, 'policy.scoreStep'],
    [{ scoreStep: 'half' }, 'policy.scoreStep'],
    [{ outlierPoints: -1 }, 'policy.outlierPoints'],
  ])('a bad policy value %j', (policy, field) => {
    expect(refusal(makePanel({ policy })).message).toContain(field);
  });

  it('a policy that is not an object', () => {
    expect(refusal(changed((r) => (r.policy = 'strict' as unknown as Record<string, unknown>))).message).toContain(
      'policy',
    );
  });

  it('an unknown bonus clause, naming the case and the clause', () => {
    const m = refusal(changed((r) => (r.cases[0].bonus = ['national-award', 'provincial-award']))).message;
    expect(m).toContain('C001');
    expect(m).toContain('provincial-award');
  });

  it('a formal review other than passed / failed / pending', () => {
    expect(refusal(changed((r) => (r.cases[1].formalReview = 'maybe'))).message).toMatch(/C002.*formalReview/);
  });

  it('score entries without expert or case, with a non-boolean recusal, or with items that are not an object', () => {
    expect(refusal(changed((r) => delete r.scores[0].expert)).message).toContain('expert');
    expect(refusal(changed((r) => delete r.scores[0].case)).message).toContain('case');
    expect(refusal(changed((r) => (r.scores[0].recused = 'yes'))).message).toContain('recused');
    expect(refusal(changed((r) => (r.scores[0].items = [1, 2, 3]))).message).toContain('items');
    expect(refusal(changed((r) => (r.scores = {} as unknown as Record<string, unknown>[]))).message).toContain(
      'scores',
    );
  });
});

describe('parsePanel accepts', () => {
  it('weights 0.1 / 0.2 / 0.7 and 0.3 / 0.6 / 0.1 as exact decimals adding up to 1', () => {
    const p = parsePanel(makePanel({ weights: [0.1, 0.2, 0.7] }));
    expect([p.rounds.initial.weight, p.rounds.review.weight, p.rounds.final.weight].map(String)).toEqual([
      '0.1',
      '0.2',
      '0.7',
    ]);
    expect(p.rounds.initial.weight.plus(p.rounds.review.weight).plus(p.rounds.final.weight).eq(1)).toBe(true);
    // In binary floating point 0.3 + 0.6 + 0.1 is 0.9999999999999999.
    expect(0.3 + 0.6 + 0.1).not.toBe(1);
    const q = parsePanel(makePanel({ weights: [0.3, 0.6, 0.1] }));
    expect(q.rounds.final.weight.toString()).toBe('0.1');
    expect(parsePanel(makePanel({ weights: ['0.25', '0.25', '0.5'] })).rounds.final.weight.toString()).toBe('0.5');
  });

  it('weights at the ends of 0..1', () => {
    const p = parsePanel(makePanel({ weights: [0, 0, 1] }));
    expect(p.rounds.final.weight.toString()).toBe('1');
  });
});

describe('parsePanel defaults', () => {
  it('policy: 2 decimals, grade on the rounded score, plain mean, step 1, outliers beyond 15 points', () => {
    const p = parsePanel(base());
    expect(p.policy.decimals).toBe(2);
    expect(p.policy.gradeOn).toBe('rounded');
    expect(p.policy.aggregate).toBe('mean');
    expect(p.policy.scoreStep.toString()).toBe('1');
    expect(p.policy.outlierPoints.toString()).toBe('15');
    expect(DEFAULT_POLICY.decimals).toBe(2);
  });

  it('a score step and outlier threshold with up to 6 decimals and up to 1000 points', () => {
    const p = parsePanel(makePanel({ policy: { scoreStep: '0.000001', outlierPoints: 1000 } }));
    expect([p.policy.scoreStep.toString(), p.policy.outlierPoints.toString()]).toEqual(['0.000001', '1000']);
  });

  it('a partial policy keeps the defaults for what it does not give', () => {
    const p = parsePanel(makePanel({ policy: { aggregate: 'trimmed', scoreStep: 0.5 } }));
    expect([p.policy.aggregate, p.policy.scoreStep.toString(), p.policy.decimals, p.policy.gradeOn]).toEqual([
      'trimmed',
      '0.5',
      2,
      'rounded',
    ]);
  });

  it('round weights 0.2 / 0.2 / 0.6', () => {
    const p = parsePanel(base());
    expect([p.rounds.initial.weight, p.rounds.review.weight, p.rounds.final.weight].map(String)).toEqual([
      '0.2',
      '0.2',
      '0.6',
    ]);
  });

  it('rounds.*.cases: every case that did not fail formal review', () => {
    const raw = makePanel({ cases: 4 });
    raw.cases[2].formalReview = 'failed';
    raw.cases[3].formalReview = 'passed';
    raw.rounds.review.cases = ['C002'];
    const p = parsePanel(raw);
    expect(p.rounds.initial.cases).toEqual(['C001', 'C002', 'C004']);
    expect(p.rounds.review.cases).toEqual(['C002']);
    expect(p.rounds.final.cases).toEqual(['C001', 'C002', 'C004']);
    expect(p.cases.map((c) => c.formalReview)).toEqual(['passed', 'passed', 'failed', 'passed']);
  });

  it('a round absent from rounds has no cases and no experts', () => {
    const raw = base();
    delete raw.rounds.final;
    const p = parsePanel(raw);
    expect(p.rounds.final).toMatchObject({ present: false, cases: [], experts: [] });
    expect(p.rounds.initial.present).toBe(true);
  });

  it('case and expert fields: bonus, formalReview, fields', () => {
    const raw = base();
    raw.cases[0].bonus = ['industry-leader', 'industry-leader'];
    raw.experts[0].fields = ['A.2', 'A.3'];
    const p = parsePanel(raw);
    expect(p.cases[0]).toMatchObject({ bonus: ['industry-leader'], formalReview: 'passed', category: 'A.2' });
    expect(p.cases[1].bonus).toEqual([]);
    expect(p.experts[0].fields).toEqual(['A.2', 'A.3']);
    expect(p.experts[1].fields).toEqual([]);
  });

  it('score entries: recused defaults to false, a recusal needs no items', () => {
    const raw = base();
    raw.scores.push({ round: 'initial', expert: 'E02', case: 'C001', recused: true });
    const p = parsePanel(raw);
    expect(p.scores[0].recused).toBe(false);
    expect(p.scores[p.scores.length - 1]).toMatchObject({ recused: true, items: {} });
  });
});
