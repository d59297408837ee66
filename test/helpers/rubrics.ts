import { APPENDIX_B, type Band, type Rubric, type RubricItem } from '../../src/core';

/** A deep, mutable copy of Appendix B, so a test can break one thing and leave everything else standard. */
export function appendixCopy(): Rubric {
  return structuredClone(APPENDIX_B);
}

export function itemOf(rubric: Rubric, id: string): RubricItem {
  const item = rubric.items.find((it) => it.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

export function band(item: RubricItem, level: Band['level']): Band {
  const b = item.bands.find((x) => x.level === level);
  if (!b) throw new Error(`no ${level} band on ${item.id}`);
  return b;
}

/**
 * An office's own weights: 5 points moved from 转化效益 (10 → 5) to 创新突破度 (15 → 20), so 创新性 is 35 and 转化性
 * 25, with bands re-cut to cover each new maximum and the national-award clause moved to the top of the new group.
 */
export function movedRubric(): Rubric {
  const r = appendixCopy();
  r.id = 'office-2026';
  const breakthrough = itemOf(r, 'innovation.breakthrough');
  breakthrough.max = '20';
  Object.assign(band(breakthrough, 'excellent'), { min: '14', max: '20' });
  Object.assign(band(breakthrough, 'good'), { min: '7', max: '13' });
  Object.assign(band(breakthrough, 'fair'), { min: '0', max: '6' });
  const benefit = itemOf(r, 'conversion.benefit');
  benefit.max = '5';
  Object.assign(band(benefit, 'excellent'), { min: '4', max: '5' });
  Object.assign(band(benefit, 'good'), { min: '2', max: '3' });
  Object.assign(band(benefit, 'fair'), { min: '0', max: '1' });
  r.groups.find((g) => g.id === 'innovation')!.max = '35';
  r.groups.find((g) => g.id === 'conversion')!.max = '25';
  const award = r.bonuses.find((b) => b.id === 'national-award')!;
  award.min = '33';
  award.max = '35';
  return r;
}
