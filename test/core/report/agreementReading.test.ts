import { readingOfLeniency, readingOfW } from '../../../src/core/report/agreementReading';

describe('what W and leniency say in plain words', () => {
  it('reads W by its band, and says why it cannot be computed', () => {
    expect(readingOfW('0.9360')).not.toMatch(/无法计算/);
    expect(readingOfW(null)).toMatch(/专家少于两位，或案例少于两个/);
    expect(readingOfW(null, 'zh', { experts: 1, cases: 5 })).toMatch(/专家少于两位/);
    // Enough experts and cases, and still no W: every expert gave every case one total.
    expect(readingOfW(null, 'zh', { experts: 3, cases: 5 })).toBe(
      '无法计算：每位专家给各案例的总分都相同，没有排序可比较',
    );
    expect(readingOfW(null, 'en', { experts: 3, cases: 5 })).toMatch(/same total/);
  });

  it('reads leniency with its sign', () => {
    expect(readingOfLeniency('+2.35')).toBe('比其他专家平均高 2.35 分（偏宽）');
    expect(readingOfLeniency('-1.50')).toBe('比其他专家平均低 1.50 分（偏严）');
    expect(readingOfLeniency('0.00')).toBe('与其他专家持平');
    expect(readingOfLeniency(null, 'en')).toMatch(/no case to compare/);
  });
});
