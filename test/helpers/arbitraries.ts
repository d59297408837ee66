import fc from 'fast-check';
import { ITEM_IDS, ITEM_MAX, type RawPanel } from './panels';

export const ROUNDS = ['initial', 'review', 'final'] as const;

/** Weight triples that add up to exactly 1 in decimal (some of them not in binary floating point). */
export const WEIGHTS: [number, number, number][] = [
  [0.2, 0.2, 0.6],
  [0.1, 0.2, 0.7],
  [0.3, 0.6, 0.1],
  [0.005, 0.005, 0.99],
  [0.25, 0.25, 0.5],
  [0, 0, 1],
];

interface Cell {
  recused: boolean;
  items: number[];
}

// Half the draws sit in the upper part of each range, so panels near the 一等/二等 lines are common.
const itemScores = fc.tuple(
  ...ITEM_MAX.map((m) => fc.oneof(fc.integer({ min: 0, max: m }), fc.integer({ min: Math.ceil(m * 0.7), max: m }))),
);

const cell: fc.Arbitrary<Cell> = fc.record({
  recused: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
  items: itemScores,
});

export interface CleanPanelOptions {
  /** Fixed policy; by default decimals, gradeOn and aggregate are drawn too. */
  policy?: Record<string, unknown>;
  /** Draw the round weights from WEIGHTS (default), or leave them to the defaults. */
  weights?: boolean;
}

/**
 * Clean panels: 1–6 cases, 1–7 experts per round, everyone scoring every case with whole scores within the maxima,
 * some recusals but at least one scorer per round and case. Built like makePanel (E01… numbered across rounds).
 */
export function cleanPanel(options: CleanPanelOptions = {}): fc.Arbitrary<RawPanel> {
  const policy: fc.Arbitrary<Record<string, unknown>> = options.policy
    ? fc.constant(options.policy)
    : fc.record({
        decimals: fc.integer({ min: 0, max: 3 }),
        gradeOn: fc.constantFrom('rounded', 'exact'),
        aggregate: fc.constantFrom('mean', 'trimmed'),
      });
  const weights = options.weights === false ? fc.constant(null) : fc.constantFrom(...WEIGHTS);
  return fc
    .record({
      nCases: fc.integer({ min: 1, max: 6 }),
      counts: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })),
      policy,
      weights,
    })
    .chain((shape) =>
      fc
        .tuple(
          ...shape.counts.map((n) =>
            fc.array(fc.array(cell, { minLength: shape.nCases, maxLength: shape.nCases }), {
              minLength: n,
              maxLength: n,
            }),
          ),
        )
        .map((cells) => buildPanel(shape.nCases, shape.policy, shape.weights, cells)),
    );
}

function buildPanel(
  nCases: number,
  policy: Record<string, unknown>,
  weights: [number, number, number] | null,
  cells: Cell[][][],
): RawPanel {
  const cases = Array.from({ length: nCases }, (_, i) => ({
    id: `C${String(i + 1).padStart(3, '0')}`,
    name: `案例${i + 1}`,
    applicant: `申报单位${i + 1}`,
  }));
  const experts: Record<string, unknown>[] = [];
  const rounds: Record<string, Record<string, unknown>> = {};
  const scores: Record<string, unknown>[] = [];
  let next = 1;
  ROUNDS.forEach((r, ri) => {
    const byExpert = cells[ri];
    // Every round keeps at least one scorer per case: the first expert scores when all would recuse. The drawn
    // values are not mutated, since fast-check reuses them while shrinking.
    const allRecused = cases.map((_, c) => byExpert.every((e) => e[c].recused));
    const ids = byExpert.map(() => `E${String(next++).padStart(2, '0')}`);
    ids.forEach((id, j) => {
      experts.push({ id, name: `专家${id}`, organization: `单位${id}` });
      cases.forEach((c, ci) => {
        const x = byExpert[j][ci];
        scores.push(
          x.recused && !(j === 0 && allRecused[ci])
            ? { round: r, expert: id, case: c.id, recused: true }
            : {
                round: r,
                expert: id,
                case: c.id,
                items: Object.fromEntries(ITEM_IDS.map((it, k) => [it, x.items[k]])),
              },
        );
      });
    });
    rounds[r] = { experts: ids, ...(weights ? { weight: weights[ri] } : {}) };
  });
  return { title: '随机面板', policy, cases, experts, rounds, scores };
}

/** A small seeded generator, so a shuffle is reproducible from the seed fast-check reports. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The same panel with its experts, its entries and each round's expert list in other orders (seeded). */
export function reordered(raw: RawPanel, seed: number): RawPanel {
  return {
    ...raw,
    experts: shuffled(raw.experts, seed + 1),
    scores: shuffled(raw.scores, seed),
    rounds: Object.fromEntries(
      Object.entries(raw.rounds).map(([r, setup], i) => [
        r,
        { ...setup, experts: shuffled(setup.experts as string[], seed + 2 + i) },
      ]),
    ),
  };
}
