import { evaluate, type Finding } from '../../../src/core';
import { itemsForTotal, makePanel, type RawPanel } from '../../helpers/panels';
import { referenceScores } from '../../helpers/reference';
import { caseOf, entryOf, findingsWith, itemsOf, recuse, scoreRaw } from '../../helpers/scoring';

// Experts E01–E03 sit in 初评, E04–E06 in 复评, E07–E09 in 终评; every one scores both cases 80 unless changed.
function base(policy?: Record<string, unknown>): RawPanel {
  return makePanel({ cases: 2, experts: [3, 3, 3], total: () => 80, ...(policy ? { policy } : {}) });
}

interface Expected {
  severity: 'error' | 'warning';
  code: string;
  round: string | null;
  expert: string | null;
  case: string | null;
  item?: string;
}

/** The one finding of a code; its identifying fields, and a Chinese message naming the case (and item). */
function theFinding(raw: RawPanel, expected: Expected, mentions: string[] = []): Finding {
  const { json } = scoreRaw(raw);
  const found = findingsWith(json, expected.code);
  expect(found).toHaveLength(1);
  const f = found[0];
  expect({ severity: f.severity, code: f.code, round: f.round, expert: f.expert, case: f.case, item: f.item }).toEqual({
    item: undefined,
    ...expected,
  });
  expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  if (expected.case !== null) expect(f.message).toContain(expected.case);
  for (const m of mentions) expect(f.message).toContain(m);
  return f;
}

function statusOf(raw: RawPanel, caseId: string): string {
  return caseOf(scoreRaw(raw).json, caseId).status;
}

describe('not-a-number', () => {
  it.each([
    ['text', '八'],
    // A quoted number is text as typed into a cell formatted as text: not silently converted.
    ['numeric text', '8'],
    ['a boolean', true],
    ['an error value', { error: '#VALUE!' }],
  ])('refuses %s as an item score, naming the item and what was typed', (_label, value) => {
    const raw = base();
    itemsOf(entryOf(raw, 'review', 'E05', 'C002'))['innovation.necessity'] = value;
    const shown = typeof value === 'object' ? '#VALUE!' : String(value);
    theFinding(
      raw,
      {
        severity: 'error',
        code: 'not-a-number',
        round: 'review',
        expert: 'E05',
        case: 'C002',
        item: 'innovation.necessity',
      },
      ['创新必要性', shown, 'E05'],
    );
    expect(statusOf(raw, 'C002')).toBe('invalid');
    expect(statusOf(raw, 'C001')).toBe('graded');
  });

  it('points out full-width digits', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'initial', 'E01', 'C001'))['conversion.degree'] = '８';
    theFinding(
      raw,
      {
        severity: 'error',
        code: 'not-a-number',
        round: 'initial',
        expert: 'E01',
        case: 'C001',
        item: 'conversion.degree',
      },
      ['转化程度', '全角'],
    );
  });
});

describe('out-of-range', () => {
  it('refuses a score above the item maximum, naming the range and bands', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'final', 'E08', 'C001'))['innovation.strategy'] = 6;
    theFinding(
      raw,
      {
        severity: 'error',
        code: 'out-of-range',
        round: 'final',
        expert: 'E08',
        case: 'C001',
        item: 'innovation.strategy',
      },
      ['发展方向与战略契合度', '0~5', '6', '4~5分（优秀）'],
    );
    expect(statusOf(raw, 'C001')).toBe('invalid');
  });

  it('refuses a score below 0', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'initial', 'E03', 'C002'))['promotion.influence'] = -1;
    theFinding(
      raw,
      {
        severity: 'error',
        code: 'out-of-range',
        round: 'initial',
        expert: 'E03',
        case: 'C002',
        item: 'promotion.influence',
      },
      ['行业影响力', '-1', '0~10'],
    );
  });

  it('accepts both ends, 0 and the maximum', () => {
    const raw = base();
    Object.assign(itemsOf(entryOf(raw, 'initial', 'E01', 'C001')), {
      'innovation.necessity': 0,
      'promotion.influence': 10,
    });
    expect(scoreRaw(raw).json.findings).toEqual([]);
  });
});

describe('bad-step', () => {
  it('with scoreStep 1 refuses 7.5', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'review', 'E06', 'C001'))['innovation.necessity'] = 7.5;
    theFinding(
      raw,
      {
        severity: 'error',
        code: 'bad-step',
        round: 'review',
        expert: 'E06',
        case: 'C001',
        item: 'innovation.necessity',
      },
      ['创新必要性', '7.5', '1 分'],
    );
  });

  it('with scoreStep 0.5 accepts 7.5 (and scores it exactly) but refuses 7.25', () => {
    const raw = base({ scoreStep: 0.5 });
    itemsOf(entryOf(raw, 'review', 'E06', 'C001'))['innovation.necessity'] = 7.5;
    const ok = scoreRaw(raw).json;
    expect(ok.findings).toEqual([]);
    expect(caseOf(ok, 'C001').rounds.review).toEqual({ n: 3, mean: '79.17' });
    expect(caseOf(ok, 'C001').score).toBe(referenceScores(raw)[0].score);

    itemsOf(entryOf(raw, 'review', 'E06', 'C001'))['innovation.necessity'] = 7.25;
    theFinding(
      raw,
      {
        severity: 'error',
        code: 'bad-step',
        round: 'review',
        expert: 'E06',
        case: 'C001',
        item: 'innovation.necessity',
      },
      ['7.25', '0.5 分'],
    );
  });

  it('is not reported for a value already out of range', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'review', 'E06', 'C001'))['innovation.necessity'] = 10.5;
    const codes = scoreRaw(raw).json.findings.map((f) => f.code);
    expect(codes).toEqual(['out-of-range']);
  });
});

describe('missing-item', () => {
  it('refuses an entry lacking an item (absent, null or empty)', () => {
    for (const blank of [undefined, null, '']) {
      const raw = base();
      const items = itemsOf(entryOf(raw, 'final', 'E09', 'C002'));
      if (blank === undefined) delete items['conversion.compliance'];
      else items['conversion.compliance'] = blank;
      theFinding(
        raw,
        {
          severity: 'error',
          code: 'missing-item',
          round: 'final',
          expert: 'E09',
          case: 'C002',
          item: 'conversion.compliance',
        },
        ['转化合规性'],
      );
    }
  });

  it('does not apply to a recused entry', () => {
    const raw = base();
    recuse(raw, 'final', 'E09', 'C002');
    const { json } = scoreRaw(raw);
    expect(json.findings).toEqual([]);
    expect(caseOf(json, 'C002').rounds.final).toEqual({ n: 2, mean: '80.00' });
  });
});

describe('unknown-item', () => {
  it('refuses an item the rubric does not have, naming it', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'initial', 'E02', 'C001'))['innovation.novelty'] = 3;
    theFinding(
      raw,
      {
        severity: 'error',
        code: 'unknown-item',
        round: 'initial',
        expert: 'E02',
        case: 'C001',
        item: 'innovation.novelty',
      },
      ['innovation.novelty'],
    );
    expect(statusOf(raw, 'C001')).toBe('invalid');
  });
});

describe('duplicate-entry', () => {
  it('names the second entry and keeps the first', () => {
    const raw = base();
    raw.scores.push({ round: 'initial', expert: 'E02', case: 'C001', items: itemsForTotal(40) });
    theFinding(raw, { severity: 'error', code: 'duplicate-entry', round: 'initial', expert: 'E02', case: 'C001' }, [
      'E02',
      '第一份',
    ]);
    const { evaluation, json } = scoreRaw(raw);
    const initial = evaluation.cases[0].rounds.initial!;
    expect(initial.totals.map((t) => [t.expert, t.total.toString()])).toEqual([
      ['E01', '80'],
      ['E02', '80'],
      ['E03', '80'],
    ]);
    expect(caseOf(json, 'C001')).toMatchObject({ status: 'invalid', score: null, grade: null });
  });

  it('treats a recusal after scores for the same round, expert and case as a duplicate', () => {
    const raw = base();
    raw.scores.push({ round: 'final', expert: 'E07', case: 'C002', recused: true });
    theFinding(raw, { severity: 'error', code: 'duplicate-entry', round: 'final', expert: 'E07', case: 'C002' });
    expect(scoreRaw(raw).evaluation.cases[1].rounds.final!.recused).toEqual([]);
  });
});

describe('not-assigned', () => {
  it('refuses scores from an expert of another round', () => {
    const raw = base();
    raw.scores.push({ round: 'initial', expert: 'E04', case: 'C001', items: itemsForTotal(80) });
    theFinding(raw, { severity: 'error', code: 'not-assigned', round: 'initial', expert: 'E04', case: 'C001' }, [
      'E04',
      '初评',
    ]);
    expect(statusOf(raw, 'C001')).toBe('invalid');
  });

  it('refuses a recusal from an expert who is not in the round', () => {
    const raw = base();
    raw.scores.push({ round: 'review', expert: 'E01', case: 'C002', recused: true });
    theFinding(raw, { severity: 'error', code: 'not-assigned', round: 'review', expert: 'E01', case: 'C002' });
  });
});

describe('not-in-round', () => {
  it('refuses scores for a case the round does not have', () => {
    const raw = base();
    raw.rounds.review.cases = ['C001'];
    raw.scores = raw.scores.filter((s) => !(s.round === 'review' && s.case === 'C002' && s.expert !== 'E05'));
    theFinding(raw, { severity: 'error', code: 'not-in-round', round: 'review', expert: 'E05', case: 'C002' }, [
      '复评',
      'E05',
    ]);
    expect(statusOf(raw, 'C002')).toBe('invalid');
    expect(statusOf(raw, 'C001')).toBe('graded');
  });
});

describe('unknown-case and unknown-expert', () => {
  it('unknown-case names the case and leaves the known cases graded', () => {
    const raw = base();
    raw.scores.push({ round: 'initial', expert: 'E01', case: 'C404', items: itemsForTotal(80) });
    theFinding(raw, { severity: 'error', code: 'unknown-case', round: 'initial', expert: 'E01', case: 'C404' }, [
      'E01',
      '初评',
    ]);
    const { json } = scoreRaw(raw);
    expect(json.findings).toHaveLength(1);
    expect(json.cases.map((c) => c.status)).toEqual(['graded', 'graded']);
  });

  it('unknown-expert names the expert, without a second finding for the same entry', () => {
    const raw = base();
    raw.scores.push({ round: 'final', expert: 'E99', case: 'C002', items: itemsForTotal(80) });
    theFinding(raw, { severity: 'error', code: 'unknown-expert', round: 'final', expert: 'E99', case: 'C002' }, [
      'E99',
      '终评',
    ]);
    expect(scoreRaw(raw).json.findings).toHaveLength(1);
    expect(statusOf(raw, 'C002')).toBe('invalid');
  });
});

describe('no-eligible-expert', () => {
  it('is an error on the case when every expert of a round recused', () => {
    const raw = base();
    for (const e of ['E04', 'E05', 'E06']) recuse(raw, 'review', e, 'C002');
    theFinding(raw, { severity: 'error', code: 'no-eligible-expert', round: 'review', expert: null, case: 'C002' }, [
      '复评',
    ]);
    const { json } = scoreRaw(raw);
    expect(caseOf(json, 'C002')).toMatchObject({ status: 'invalid', score: null, grade: null });
    expect(caseOf(json, 'C002').rounds.review).toEqual({ n: 0, mean: null });
    expect(caseOf(json, 'C001').status).toBe('graded');
  });

  it('is not raised while one expert of the round is left', () => {
    const raw = base();
    for (const e of ['E04', 'E05']) recuse(raw, 'review', e, 'C002');
    const { json } = scoreRaw(raw);
    expect(json.findings).toEqual([]);
    expect(caseOf(json, 'C002').rounds.review).toEqual({ n: 1, mean: '80.00' });
  });
});

describe('bonus-band', () => {
  it('national-award: a 创新性 group total below 28 is a warning on the group', () => {
    const raw = base();
    raw.cases[0].bonus = ['national-award'];
    // Every expert gives 创新性 30 (itemsForTotal fills it first); E02 gives 27, E03 exactly 28.
    itemsOf(entryOf(raw, 'initial', 'E02', 'C001'))['innovation.necessity'] = 7;
    itemsOf(entryOf(raw, 'initial', 'E03', 'C001'))['innovation.necessity'] = 8;
    theFinding(
      raw,
      { severity: 'warning', code: 'bonus-band', round: 'initial', expert: 'E02', case: 'C001', item: 'innovation' },
      ['创新性', '27', '28~30'],
    );
    const { json } = scoreRaw(raw);
    // Warnings never change a number.
    expect(caseOf(json, 'C001')).toMatchObject({ status: 'graded', score: referenceScores(raw)[0].score });
  });

  it('strategic-directory: 发展方向与战略契合度 below 4', () => {
    const raw = base();
    raw.cases[1].bonus = ['strategic-directory'];
    itemsOf(entryOf(raw, 'final', 'E07', 'C002'))['innovation.strategy'] = 3;
    itemsOf(entryOf(raw, 'final', 'E08', 'C002'))['innovation.strategy'] = 4;
    theFinding(
      raw,
      {
        severity: 'warning',
        code: 'bonus-band',
        round: 'final',
        expert: 'E07',
        case: 'C002',
        item: 'innovation.strategy',
      },
      ['发展方向与战略契合度', '4~5'],
    );
    expect(statusOf(raw, 'C002')).toBe('graded');
  });

  it('industry-leader: 行业影响力 below 8', () => {
    const raw = base();
    raw.cases[0].bonus = ['industry-leader'];
    for (const s of raw.scores) Object.assign(itemsOf(s), { 'promotion.maturity': 0, 'promotion.influence': 8 });
    itemsOf(entryOf(raw, 'review', 'E04', 'C001'))['promotion.influence'] = 7;
    theFinding(
      raw,
      {
        severity: 'warning',
        code: 'bonus-band',
        round: 'review',
        expert: 'E04',
        case: 'C001',
        item: 'promotion.influence',
      },
      ['行业影响力', '7', '8~10'],
    );
    const { json } = scoreRaw(raw);
    expect(caseOf(json, 'C001').score).toBe(referenceScores(raw)[0].score);
  });

  it('is not raised for a case that does not qualify', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'initial', 'E02', 'C001'))['innovation.necessity'] = 0;
    expect(scoreRaw(raw).json.findings).toEqual([]);
  });
});

describe('outlier', () => {
  function withTotals(totals: number[], policy?: Record<string, unknown>): RawPanel {
    return makePanel({
      experts: [totals.length, 1, 1],
      total: (r, j) => (r === 'initial' ? totals[j] : 80),
      ...(policy ? { policy } : {}),
    });
  }

  it('with 3 totals, one more than 15 points from the mean of the others is a warning', () => {
    const raw = withTotals([80, 64, 80]);
    theFinding(raw, { severity: 'warning', code: 'outlier', round: 'initial', expert: 'E02', case: 'C001' }, [
      '64',
      '80.00',
    ]);
    const { json } = scoreRaw(raw);
    expect(caseOf(json, 'C001')).toMatchObject({ status: 'graded', score: referenceScores(raw)[0].score });
  });

  it('exactly 15 points away is not an outlier', () => {
    expect(findingsWith(scoreRaw(withTotals([80, 65, 80])).json, 'outlier')).toEqual([]);
  });

  it('follows policy.outlierPoints', () => {
    expect(findingsWith(scoreRaw(withTotals([80, 64, 80], { outlierPoints: 16 })).json, 'outlier')).toEqual([]);
    expect(findingsWith(scoreRaw(withTotals([80, 75, 80], { outlierPoints: 4 })).json, 'outlier')).toHaveLength(1);
  });

  it('with only 2 totals there is no outlier, however far apart', () => {
    expect(findingsWith(scoreRaw(withTotals([95, 20])).json, 'outlier')).toEqual([]);
  });

  it('recused experts are not counted towards the 3 totals', () => {
    // 60 is 20 points below the others' 80; 80 is only 10 above the others' 70.
    const raw = withTotals([80, 60, 80]);
    expect(findingsWith(scoreRaw(raw).json, 'outlier').map((f) => f.expert)).toEqual(['E02']);
    recuse(raw, 'initial', 'E03', 'C001');
    expect(findingsWith(scoreRaw(raw).json, 'outlier')).toEqual([]);
  });
});

describe('findings', () => {
  it('come in a stable order (case, round, expert) whatever the order of the entries', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'final', 'E07', 'C001'))['innovation.necessity'] = 'x';
    itemsOf(entryOf(raw, 'initial', 'E02', 'C002'))['innovation.necessity'] = 'y';
    itemsOf(entryOf(raw, 'initial', 'E01', 'C001'))['innovation.necessity'] = 'z';
    const forward = scoreRaw(raw).json.findings.map((f) => [f.case, f.round, f.expert]);
    expect(forward).toEqual([
      ['C001', 'initial', 'E01'],
      ['C001', 'final', 'E07'],
      ['C002', 'initial', 'E02'],
    ]);
    raw.scores.reverse();
    expect(scoreRaw(raw).json.findings.map((f) => [f.case, f.round, f.expert])).toEqual(forward);
  });

  it('are worded in English on request', () => {
    const raw = base();
    itemsOf(entryOf(raw, 'initial', 'E01', 'C001'))['innovation.necessity'] = 11;
    const { panel } = scoreRaw(raw);
    const [f] = evaluate(panel, { lang: 'en' }).findings;
    expect(f.message).toContain('Necessity of innovation');
    expect(f.message).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
