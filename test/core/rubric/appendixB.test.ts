import { APPENDIX_B, bandOf, Decimal, orderedItems, validateRubric } from '../../../src/core';

// SPEC section 3, row by row: id, group, Chinese name, max, 优秀 / 良好 / 一般 ranges.
const TABLE: [string, string, string, number, [number, number], [number, number], [number, number]][] = [
  ['innovation.necessity', 'innovation', '创新必要性', 10, [8, 10], [4, 7], [0, 3]],
  ['innovation.breakthrough', 'innovation', '创新突破度', 15, [11, 15], [6, 10], [0, 5]],
  ['innovation.strategy', 'innovation', '发展方向与战略契合度', 5, [4, 5], [2, 3], [0, 1]],
  ['practicality.feasibility', 'practicality', '技术可行性', 5, [4, 5], [2, 3], [0, 1]],
  ['practicality.effectiveness', 'practicality', '技术实效性', 5, [4, 5], [2, 3], [0, 1]],
  ['practicality.risk', 'practicality', '技术风险可控性', 5, [4, 5], [2, 3], [0, 1]],
  ['conversion.mechanism', 'conversion', '转化机制', 5, [4, 5], [2, 3], [0, 1]],
  ['conversion.degree', 'conversion', '转化程度', 10, [8, 10], [4, 7], [0, 3]],
  ['conversion.benefit', 'conversion', '转化效益', 10, [8, 10], [4, 7], [0, 3]],
  ['conversion.compliance', 'conversion', '转化合规性', 5, [4, 5], [2, 3], [0, 1]],
  ['promotion.maturity', 'promotion', '成果成熟度', 5, [4, 5], [2, 3], [0, 1]],
  ['promotion.internal', 'promotion', '内部推广性', 10, [8, 10], [4, 7], [0, 3]],
  ['promotion.influence', 'promotion', '行业影响力', 10, [8, 10], [4, 7], [0, 3]],
];

const range = (b: { min: string; max: string }): [number, number] => [Number(b.min), Number(b.max)];

describe('Appendix B (表 B.1) as data', () => {
  it('has the four groups with their names and weights 30/15/30/25 adding up to 100', () => {
    expect(APPENDIX_B.groups.map((g) => [g.id, g.name.zh, g.max])).toEqual([
      ['innovation', '创新性', '30'],
      ['practicality', '实用性', '15'],
      ['conversion', '转化性', '30'],
      ['promotion', '推广性', '25'],
    ]);
    const sum = APPENDIX_B.groups.reduce((a, g) => a.plus(g.max), new Decimal(0));
    expect(sum.toString()).toBe('100');
    expect(APPENDIX_B.total).toBe('100');
  });

  it('has exactly the 13 items of SPEC section 3, in the order of the table', () => {
    expect(orderedItems(APPENDIX_B).map((it) => it.id)).toEqual(TABLE.map((row) => row[0]));
    expect(APPENDIX_B.items).toHaveLength(13);
    expect(new Set(APPENDIX_B.items.map((it) => it.id)).size).toBe(13);
  });

  it.each(TABLE)('%s: group, name, max and the 优秀/良好/一般 bands', (id, group, name, max, excellent, good, fair) => {
    const item = APPENDIX_B.items.find((it) => it.id === id)!;
    expect(item.group).toBe(group);
    expect(item.name.zh).toBe(name);
    expect(item.name.en).not.toBe('');
    expect(Number(item.max)).toBe(max);
    const byLevel = Object.fromEntries(item.bands.map((b) => [b.level, range(b)]));
    expect(byLevel).toEqual({ excellent, good, fair });
    // The band texts (评分细则) and evidence (考评办法) travel with the data.
    for (const b of item.bands) expect(b.rule.length).toBeGreaterThan(5);
    expect(item.evidence).toMatch(/^查阅/);
    expect(APPENDIX_B.groups.find((g) => g.id === group)!.items).toContain(id);
  });

  it('the items of every group add up to the group maximum', () => {
    for (const g of APPENDIX_B.groups) {
      const sum = g.items.reduce((a, id) => a.plus(APPENDIX_B.items.find((it) => it.id === id)!.max), new Decimal(0));
      expect([g.id, sum.toString()]).toEqual([g.id, g.max]);
    }
  });

  it('has the three bonus clauses of the 注 with their targets and bands', () => {
    expect(APPENDIX_B.bonuses.map((b) => [b.id, b.target, b.targetKind, b.min, b.max])).toEqual([
      ['national-award', 'innovation', 'group', '28', '30'],
      ['strategic-directory', 'innovation.strategy', 'item', '4', '5'],
      ['industry-leader', 'promotion.influence', 'item', '8', '10'],
    ]);
    const byId = Object.fromEntries(APPENDIX_B.bonuses.map((b) => [b.id, b.text]));
    expect(byId['national-award']).toContain('国家科学技术进步奖');
    expect(byId['strategic-directory']).toContain('焕新产业');
    expect(byId['industry-leader']).toContain('链主');
  });

  it('passes its own validator unchanged', () => {
    const v = validateRubric(APPENDIX_B);
    expect(v.groups).toEqual(APPENDIX_B.groups);
    expect(v.items).toEqual(APPENDIX_B.items);
    expect(v.bonuses).toEqual(APPENDIX_B.bonuses);
  });

  it('puts every whole score of an item in exactly the band the table says', () => {
    const necessity = APPENDIX_B.items[0];
    const levels = [0, 3, 4, 7, 8, 10].map((s) => bandOf(necessity, new Decimal(s))?.level);
    expect(levels).toEqual(['fair', 'fair', 'good', 'good', 'excellent', 'excellent']);
    expect(bandOf(necessity, new Decimal(11))).toBeNull();
    expect(bandOf(necessity, new Decimal(-1))).toBeNull();
  });
});
