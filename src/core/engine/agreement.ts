import { scaledInteger } from '../exact/scaled';
import { ROUND_IDS, type Panel, type RoundId } from '../panel/types';
import { Quotient } from './quotient';
import type { Evaluation } from './results';

// How far the experts of a round agree, for the secretariat's review of the panel; nothing here feeds S or a grade.
// Only accepted totals count (the engine's RoundStat.totals: error-free and not recused), the ones a round mean is
// made of. Everything is BigInt arithmetic on the totals as whole units, exact however many cases there are.

export interface RoundAgreement {
  /** m: the experts with an accepted total for every case counted. */
  experts: number;
  /** n: the cases of the round with at least one accepted total. */
  cases: number;
  /** Kendall's W of the m experts' rankings of the n cases; null when m < 2, n < 2, or every expert tied every case. */
  kendallW: Quotient | null;
}

export interface ExpertLeniency {
  round: RoundId;
  expert: string;
  /** Mean of (own total − mean of the other experts' totals) over the cases scored; null when no case had others. */
  leniency: Quotient | null;
}

export interface Agreement {
  /** The rounds the panel has; a round it leaves out is absent. */
  rounds: Partial<Record<RoundId, RoundAgreement>>;
  /** Round by round, each round's experts in the order the round lists them. */
  experts: ExpertLeniency[];
}

/** One round's accepted totals: per case of the round, expert → total in units of 10^-places. */
export interface RoundTotalsTable {
  cases: Map<string, bigint>[];
  /** Per case: the sum of its totals. */
  sums: bigint[];
  /** 10^places: the units of one point. */
  unit: bigint;
}

function totalsOf(evaluation: Evaluation, round: RoundId): RoundTotalsTable {
  const stats = evaluation.cases.flatMap((c) => (c.rounds[round] ? [c.rounds[round]] : []));
  let places = 0;
  for (const s of stats) for (const t of s.totals) places = Math.max(places, t.total.decimalPlaces());
  const cases = stats.map((s) => new Map(s.totals.map((t) => [t.expert, scaledInteger(t.total, places)])));
  const sums = cases.map((c) => {
    let sum = 0n;
    for (const u of c.values()) sum += u;
    return sum;
  });
  return { cases, sums, unit: 10n ** BigInt(places) };
}

/**
 * Kendall's coefficient of concordance with the correction for ties: each of m experts ranks the n cases by total
 * (tied totals share the mean of their ranks), R_j is case j's rank sum, S = Σ (R_j − m(n+1)/2)², and
 * W = 12·S / (m²(n³ − n) − m·ΣT) with T = t³ − t for each group of t tied totals of one expert. W is 1 when every
 * expert orders the cases alike and near 0 when their orders are unrelated.
 *
 * Tied ranks are halves, so the ranks are doubled to stay whole: with doubled rank sums the squared deviations
 * add up to 4·S, and W = 3·(4·S) / denominator.
 */
export function kendallW(experts: readonly string[], cases: readonly Map<string, bigint>[]): RoundAgreement {
  const rated = cases.filter((c) => c.size > 0);
  // An expert who left out a case (recused, an error, not yet scored) has no full ranking to compare.
  const judges = experts.filter((e) => rated.every((c) => c.has(e)));
  const m = judges.length;
  const n = rated.length;
  if (m < 2 || n < 2) return { experts: m, cases: n, kendallW: null };

  const rankSums2 = rated.map(() => 0n);
  let ties = 0n;
  for (const e of judges) {
    const order = rated.map((c, j) => ({ j, u: c.get(e)! })).sort((a, b) => (a.u < b.u ? -1 : a.u > b.u ? 1 : 0));
    for (let p = 0; p < n;) {
      let q = p + 1;
      while (q < n && order[q].u === order[p].u) q++;
      const t = BigInt(q - p);
      // Ranks p+1 … q shared by t totals: their mean is p + (t + 1)/2, doubled 2p + t + 1.
      const rank2 = 2n * BigInt(p) + t + 1n;
      for (let i = p; i < q; i++) rankSums2[order[i].j] += rank2;
      ties += t * t * t - t;
      p = q;
    }
  }
  const M = BigInt(m);
  const N = BigInt(n);
  const centre2 = M * (N + 1n);
  let s4 = 0n;
  for (const r of rankSums2) s4 += (r - centre2) * (r - centre2);
  const denominator = M * M * (N * N * N - N) - M * ties;
  return { experts: m, cases: n, kendallW: denominator === 0n ? null : Quotient.of(3n * s4, denominator) };
}

/**
 * An expert's leniency in a round: over the cases the expert scored that someone else scored too, the mean of
 * (own total − mean of the others' totals). Positive: scores above the rest of the panel; negative: below.
 */
export function leniency(expert: string, table: RoundTotalsTable): Quotient | null {
  // t − (Σ − t)/k = ((k + 1)·t − Σ)/k with k others: the numerators of cases with the same k add up as integers,
  // so only as many fractions are added as there are distinct k.
  const byOthers = new Map<bigint, bigint>();
  let counted = 0n;
  table.cases.forEach((c, j) => {
    const own = c.get(expert);
    if (own === undefined || c.size < 2) return;
    const k = BigInt(c.size - 1);
    byOthers.set(k, (byOthers.get(k) ?? 0n) + (k + 1n) * own - table.sums[j]);
    counted++;
  });
  if (counted === 0n) return null;
  let total = Quotient.zero;
  for (const [k, num] of byOthers) total = total.plus(Quotient.of(num, k));
  return total.dividedBy(counted * table.unit);
}

/** Agreement statistics of every round the panel has, on the cases the round has (rounds.<id>.cases). */
export function agreementOf(panel: Panel, evaluation: Evaluation): Agreement {
  const result: Agreement = { rounds: {}, experts: [] };
  for (const rid of ROUND_IDS) {
    const setup = panel.rounds[rid];
    if (!setup.present) continue;
    const table = totalsOf(evaluation, rid);
    result.rounds[rid] = kendallW(setup.experts, table.cases);
    for (const expert of setup.experts) result.experts.push({ round: rid, expert, leniency: leniency(expert, table) });
  }
  return result;
}

/** W as reported: 4 decimals, half-up. */
export function kendallWText(w: Quotient | null): string | null {
  return w === null ? null : w.toFixed(4);
}

/** Leniency as reported: 2 decimals, half away from zero, signed ("+2.35", "-1.50"), and "0.00" for none. */
export function leniencyText(l: Quotient | null): string | null {
  if (l === null) return null;
  const text = l.toFixed(2);
  return l.num > 0n && text !== '0.00' ? `+${text}` : text;
}
