import { Decimal } from '../exact/decimal';
import type { Band, Rubric, RubricGroup, RubricItem } from './types';

/** The band a score falls in: the highest band whose lower bound it reaches (scores between whole-point bands,
 * such as 3.5 with a half-point step, belong to the lower band). */
export function bandOf(item: RubricItem, score: Decimal): Band | null {
  if (score.isNegative() || score.gt(item.max)) return null;
  const sorted = [...item.bands].sort((a, b) => new Decimal(b.min).cmp(a.min));
  return sorted.find((b) => score.gte(b.min)) ?? null;
}

export function itemById(rubric: Rubric, id: string): RubricItem | undefined {
  return rubric.items.find((it) => it.id === id);
}

export function groupById(rubric: Rubric, id: string): RubricGroup | undefined {
  return rubric.groups.find((g) => g.id === id);
}

const ORDERED = new WeakMap<Rubric, RubricItem[]>();

/** Items in the order of table B.1 (group by group); a rubric is data that does not change, so once per rubric. */
export function orderedItems(rubric: Rubric): RubricItem[] {
  let items = ORDERED.get(rubric);
  if (!items) {
    items = rubric.groups.flatMap((g) => g.items.map((id) => itemById(rubric, id)!));
    ORDERED.set(rubric, items);
  }
  return items;
}

/** "8~10分（优秀）；4~7分（良好）；0~3分（一般）" */
export function bandSummary(item: RubricItem, lang: 'zh' | 'en' = 'zh'): string {
  const labels = { excellent: ['优秀', 'excellent'], good: ['良好', 'good'], fair: ['一般', 'fair'] } as const;
  const sorted = [...item.bands].sort((a, b) => new Decimal(b.min).cmp(a.min));
  return lang === 'zh'
    ? sorted.map((b) => `${b.min}~${b.max}分（${labels[b.level][0]}）`).join('；')
    : sorted.map((b) => `${b.min}-${b.max} ${labels[b.level][1]}`).join('; ');
}
