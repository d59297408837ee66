import { APPENDIX_B, orderedItems } from '../../src/core';

export const ITEM_IDS = orderedItems(APPENDIX_B).map((it) => it.id);
export const ITEM_MAX = orderedItems(APPENDIX_B).map((it) => Number(it.max));

/** 13 integer item scores adding up to `total`, filled item by item up to each maximum. */
export function itemsForTotal(total: number): Record<string, number> {
  if (total < 0 || total > 100) throw new Error(`total ${total} outside 0..100`);
  let left = total;
  const items: Record<string, number> = {};
  ITEM_IDS.forEach((id, i) => {
    const v = Math.min(left, ITEM_MAX[i]);
    items[id] = v;
    left -= v;
  });
  return items;
}

export interface RawPanel {
  title?: string;
  policy?: Record<string, unknown>;
  cases: Record<string, unknown>[];
  experts: Record<string, unknown>[];
  rounds: Record<string, Record<string, unknown>>;
  scores: Record<string, unknown>[];
  [key: string]: unknown;
}

/**
 * A panel whose rounds have the given numbers of experts, every expert scoring every case with `total(round,
 * expertIndex, caseIndex)`. Experts are E01… numbered across rounds.
 */
export function makePanel(opts: {
  cases?: number;
  experts?: [number, number, number];
  total?: (round: string, expert: number, caseIndex: number) => number;
  weights?: [number | string, number | string, number | string];
  policy?: Record<string, unknown>;
}): RawPanel {
  const nCases = opts.cases ?? 1;
  const counts = opts.experts ?? [3, 3, 5];
  const total = opts.total ?? (() => 80);
  const rounds = ['initial', 'review', 'final'];
  const cases = Array.from({ length: nCases }, (_, i) => ({
    id: `C${String(i + 1).padStart(3, '0')}`,
    name: `案例${i + 1}`,
    applicant: `申报单位${i + 1}`,
    category: 'A.2',
  }));
  const experts: Record<string, unknown>[] = [];
  const roundSetup: Record<string, Record<string, unknown>> = {};
  const scores: Record<string, unknown>[] = [];
  let next = 1;
  rounds.forEach((r, ri) => {
    const ids: string[] = [];
    for (let j = 0; j < counts[ri]; j++) {
      const id = `E${String(next++).padStart(2, '0')}`;
      experts.push({ id, name: `专家${id}`, organization: `单位${id}` });
      ids.push(id);
      cases.forEach((c, ci) =>
        scores.push({ round: r, expert: id, case: c.id, items: itemsForTotal(total(r, j, ci)) }),
      );
    }
    roundSetup[r] = { experts: ids, ...(opts.weights ? { weight: opts.weights[ri] } : {}) };
  });
  return {
    title: '测试面板',
    ...(opts.policy ? { policy: opts.policy } : {}),
    cases,
    experts,
    rounds: roundSetup,
    scores,
  };
}
