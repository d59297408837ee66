import fc from 'fast-check';
import { conflictOf, drawExperts } from '../../../src/core/draw/drawExperts';
import { organizationKey, sameOrganization } from '../../../src/core/draw/organization';
import { parsePanel } from '../../../src/core';

describe('organisations compared as a secretariat compares them', () => {
  it('takes the same name with or without its legal form, spaces or full-width characters as one organisation', () => {
    for (const other of [
      '北方钢铁集团有限公司',
      '北方钢铁集团股份有限公司',
      '北方钢铁集团有限责任公司',
      ' 北方钢铁 集团 ',
      '北方钢铁集团公司',
    ])
      expect([other, sameOrganization('北方钢铁集团', other)]).toEqual([other, true]);
    expect(sameOrganization('ＡＢＣ科技有限公司', 'ABC科技')).toBe(true);
    expect(sameOrganization('Acme Co., Ltd.', 'ACME')).toBe(true);
  });

  it('keeps other names apart', () => {
    expect(sameOrganization('北方钢铁集团', '南方钢铁集团')).toBe(false);
    expect(sameOrganization('北方钢铁集团', '北方钢铁研究院')).toBe(false);
    expect(sameOrganization('', '')).toBe(false);
    expect(organizationKey('有限公司')).toBe('有限公司');
  });

  it('recuses an expert of 北方钢铁集团 from a case of 北方钢铁集团有限公司', () => {
    const expert = { id: 'E1', name: '', organization: '北方钢铁集团', fields: [], conflicts: [] };
    const c = {
      id: 'C1',
      name: '',
      applicant: '北方钢铁集团有限公司',
      category: 'A.1',
      bonus: [],
      formalReview: 'passed' as const,
    };
    expect(conflictOf(expert, c)).toMatch(/现任职/);
  });
});

function pool(): ReturnType<typeof parsePanel> {
  const orgs = [
    '甲集团',
    '甲集团有限公司',
    '乙研究院',
    '丙大学',
    '丁公司',
    '甲集团股份有限公司',
    '乙研究院',
    '戊中心',
    '己所',
    '庚院',
  ];
  return parsePanel({
    title: 't',
    cases: [{ id: 'C1', name: 'a', applicant: '某公司', category: 'A.1' }],
    experts: orgs.map((o, i) => ({ id: `E${i + 1}`, name: `专家${i + 1}`, organization: o })),
    rounds: { initial: { experts: [], cases: ['C1'] } },
    scores: [],
  });
}

describe('draw limits per organisation and reserves', () => {
  // Ten experts of seven organisations (甲集团 three times under three names, 乙研究院 twice).
  it('draws at most N experts of one organisation, for any seed, and reserves any of them can be replaced by', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const panel = pool();
        const r = drawExperts(panel, { round: 'initial', count: 5, seed, maxPerOrganization: 1, reserves: 2 });
        const keys = r.experts.map((id) => organizationKey(panel.experts.find((e) => e.id === id)!.organization));
        expect(new Set(keys).size).toBe(keys.length);
        expect(r.reserves).toHaveLength(2);
        for (const id of r.reserves) {
          expect(r.experts).not.toContain(id);
          const k = organizationKey(panel.experts.find((e) => e.id === id)!.organization);
          expect(keys).not.toContain(k);
        }
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it('gives the same reserves for the same seed, in order, and refuses a limit the pool cannot meet', () => {
    const a = drawExperts(pool(), { round: 'initial', count: 3, seed: 'S', reserves: 3 });
    expect(drawExperts(pool(), { round: 'initial', count: 3, seed: 'S', reserves: 3 })).toEqual(a);
    expect(a.reserves).toHaveLength(3);
    expect(() => drawExperts(pool(), { round: 'initial', count: 9, seed: 'S', maxPerOrganization: 1 })).toThrow(
      /每个单位至多 1 位专家时.*只能抽出 7 位/,
    );
  });
});
