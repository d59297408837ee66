import {
  evaluate,
  PanelError,
  parsePanel,
  RubricError,
  toScoreJson,
  validateRubric,
  type Rubric,
} from '../../../src/core';
import { makePanel } from '../../helpers/panels';
import { referenceScores } from '../../helpers/reference';
import { appendixCopy, band, itemOf, movedRubric } from '../../helpers/rubrics';

/** The refusal a broken rubric gets; fails the test when the rubric is accepted or refused another way. */
function refusal(rubric: unknown): RubricError {
  try {
    validateRubric(rubric);
  } catch (e) {
    expect(e).toBeInstanceOf(RubricError);
    const err = e as RubricError;
    expect(err.message).not.toContain('\n');
    expect(err.messageEn).not.toBe('');
    return err;
  }
  throw new Error('the rubric was accepted');
}

function broken(change: (r: Rubric) => void): Rubric {
  const r = appendixCopy();
  change(r);
  return r;
}

describe('validateRubric refuses', () => {
  it('a rubric that is not an object, or has no groups or items', () => {
    expect(refusal(null).message).toContain('不是一个对象');
    expect(refusal([]).message).toContain('不是一个对象');
    expect(refusal(broken((r) => (r.groups = []))).message).toContain('groups');
    expect(refusal(broken((r) => (r.items = []))).message).toContain('items');
  });

  it('items that do not add up to their group, naming the group and both sums', () => {
    // 技术风险可控性 grows to 6 with consistent bands, so only the group sum is wrong (16 against 15).
    const r = broken((x) => {
      const risk = itemOf(x, 'practicality.risk');
      risk.max = '6';
      band(risk, 'excellent').max = '6';
    });
    const m = refusal(r).message;
    expect(m).toContain('实用性');
    expect(m).toContain('16');
    expect(m).toContain('15');
  });

  it('groups that do not add up to 100, naming the sum', () => {
    const r = broken((x) => {
      const risk = itemOf(x, 'practicality.risk');
      risk.max = '6';
      band(risk, 'excellent').max = '6';
      x.groups.find((g) => g.id === 'practicality')!.max = '16';
    });
    const m = refusal(r).message;
    expect(m).toContain('101');
    expect(m).toContain('100');
  });

  it('a total other than 100', () => {
    expect(refusal(broken((r) => (r.total = '120'))).message).toContain('120');
  });

  it('overlapping bands, naming the item and both bands', () => {
    const m = refusal(broken((r) => (band(itemOf(r, 'innovation.necessity'), 'good').max = '8'))).message;
    expect(m).toContain('创新必要性');
    expect(m).toContain('重叠');
    expect(m).toContain('4~8');
    expect(m).toContain('8~10');
  });

  it('a gap between bands, naming the item and where the gap is', () => {
    const m = refusal(broken((r) => (band(itemOf(r, 'conversion.degree'), 'good').max = '6'))).message;
    expect(m).toContain('转化程度');
    expect(m).toContain('空档');
    expect(m).toMatch(/6.*8/);
  });

  it('bands that do not start at 0', () => {
    const m = refusal(broken((r) => (band(itemOf(r, 'promotion.maturity'), 'fair').min = '1'))).message;
    expect(m).toContain('成果成熟度');
    expect(m).toContain('未从0分开始');
  });

  it('bands that do not reach the maximum', () => {
    const m = refusal(broken((r) => (band(itemOf(r, 'promotion.internal'), 'excellent').max = '9'))).message;
    expect(m).toContain('内部推广性');
    expect(m).toContain('9');
    expect(m).toContain('满分10');
  });

  it('a band with a reversed range or an unknown level', () => {
    expect(refusal(broken((r) => (band(itemOf(r, 'promotion.internal'), 'good').min = '9'))).message).toContain(
      '内部推广性',
    );
    const m = refusal(
      broken((r) => ((band(itemOf(r, 'promotion.internal'), 'good') as { level: string }).level = 'great')),
    ).message;
    expect(m).toContain('优秀/良好/一般');
  });

  it('an item that names an unknown group', () => {
    const m = refusal(broken((r) => (itemOf(r, 'conversion.compliance').group = 'novelty'))).message;
    expect(m).toContain('conversion.compliance');
    expect(m).toContain('novelty');
  });

  it('duplicate item ids, duplicate group ids and an item sharing a group id', () => {
    const dupItem = broken((r) => r.items.push(structuredClone(r.items[0])));
    expect(refusal(dupItem).message).toContain('innovation.necessity');
    const dupGroup = broken((r) => r.groups.push(structuredClone(r.groups[1])));
    expect(refusal(dupGroup).message).toContain('practicality');
    const clash = broken((r) => (itemOf(r, 'promotion.maturity').id = 'promotion'));
    expect(refusal(clash).message).toMatch(/重复：promotion/);
  });

  it('a bonus band beyond its target, a reversed bonus band and a bonus naming an unknown indicator', () => {
    const beyond = refusal(broken((r) => (r.bonuses.find((b) => b.id === 'industry-leader')!.max = '11'))).message;
    expect(beyond).toContain('industry-leader');
    expect(beyond).toContain('0~10');
    const beyondGroup = refusal(broken((r) => (r.bonuses.find((b) => b.id === 'national-award')!.max = '31'))).message;
    expect(beyondGroup).toContain('national-award');
    expect(beyondGroup).toContain('0~30');
    const reversed = refusal(broken((r) => (r.bonuses.find((b) => b.id === 'strategic-directory')!.min = '5.5')));
    expect(reversed.message).toContain('strategic-directory');
    const unknown = refusal(broken((r) => (r.bonuses[1].target = 'innovation.vision'))).message;
    expect(unknown).toContain('innovation.vision');
  });

  it('a negative or non-numeric maximum', () => {
    expect(refusal(broken((r) => (itemOf(r, 'innovation.strategy').max = '-5'))).message).toContain('-5');
    expect(refusal(broken((r) => (itemOf(r, 'innovation.strategy').max = 'five'))).message).toContain('five');
  });
});

describe('a custom rubric with other weights that add up', () => {
  it('is accepted and keeps its own maxima and bonus band', () => {
    const v = validateRubric(movedRubric());
    expect(v.groups.map((g) => [g.id, g.max])).toEqual([
      ['innovation', '35'],
      ['practicality', '15'],
      ['conversion', '25'],
      ['promotion', '25'],
    ]);
    expect(itemOf(v, 'innovation.breakthrough').max).toBe('20');
    expect(itemOf(v, 'conversion.benefit').max).toBe('5');
    expect(v.bonuses.find((b) => b.id === 'national-award')).toMatchObject({ min: '33', max: '35' });
    expect(v.id).toBe('office-2026');
  });

  /** One expert per round giving 20 for 创新突破度 and 5 for 转化效益: valid only under the moved weights. */
  function movedPanel(rubric?: unknown) {
    const raw = makePanel({ experts: [1, 1, 1], total: () => 60 });
    for (const s of raw.scores) {
      const items = s.items as Record<string, number>;
      items['innovation.breakthrough'] = 20;
      items['conversion.benefit'] = 5;
    }
    return rubric === undefined ? raw : { ...raw, rubric };
  }

  it("is used by the engine when loaded through the panel's rubric field", () => {
    const raw = movedPanel(movedRubric());
    const panel = parsePanel(raw);
    const json = toScoreJson(panel, evaluate(panel));
    expect(json.findings).toEqual([]);
    expect(json.cases[0]).toMatchObject({ status: 'graded', score: referenceScores(raw)[0].score });
    // itemsForTotal(60) leaves 转化效益 at 0, so the two changes add 5 + 5 points.
    expect(json.cases[0].rounds.initial).toEqual({ n: 1, mean: '70.00' });
    expect(json.cases[0].score).toBe('70.00');
  });

  it('is used when given as a parse option, and Appendix B refuses the same scores', () => {
    const withOption = parsePanel(movedPanel(), { rubric: validateRubric(movedRubric()) });
    expect(evaluate(withOption).findings).toEqual([]);
    const standard = evaluate(parsePanel(movedPanel()));
    const codes = standard.findings.map((f) => [f.code, f.item]);
    expect(codes).toContainEqual(['out-of-range', 'innovation.breakthrough']);
    expect(standard.cases[0].status).toBe('invalid');
  });

  it('refuses scores above the reduced maximum of the custom rubric', () => {
    const raw = movedPanel(movedRubric());
    (raw.scores[0].items as Record<string, number>)['conversion.benefit'] = 6;
    const json = toScoreJson(parsePanel(raw), evaluate(parsePanel(raw)));
    expect(json.findings.map((f) => [f.code, f.item, f.round, f.expert])).toEqual([
      ['out-of-range', 'conversion.benefit', 'initial', 'E01'],
    ]);
    expect(json.findings[0].message).toContain('0~5');
  });

  it('in a panel, a broken rubric is a PanelError that carries the rubric problem', () => {
    const bad = broken((r) => (band(itemOf(r, 'innovation.necessity'), 'good').max = '8'));
    expect(() => parsePanel(movedPanel(bad))).toThrow(PanelError);
    expect(() => parsePanel(movedPanel(bad))).toThrow(/评分表.*创新必要性.*重叠/);
  });
});
