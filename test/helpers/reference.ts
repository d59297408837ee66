// An independent exact computation of S with BigInt fractions, sharing nothing with the engine: used to check
// the engine (and the workbook formulas) on panels they have never seen.

export interface Frac {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function frac(n: bigint, d: bigint = 1n): Frac {
  const g = gcd(n, d) || 1n;
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
}

/** Parses a plain decimal text ("0.2", "85", "7.5") exactly. */
export function parseDec(text: string): Frac {
  const [i, f = ''] = text.split('.');
  return frac(BigInt(i + f), 10n ** BigInt(f.length));
}

export const add = (a: Frac, b: Frac): Frac => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Frac, b: Frac): Frac => frac(a.n * b.n, a.d * b.d);
export const div = (a: Frac, k: bigint): Frac => frac(a.n, a.d * k);
export const cmp = (a: Frac, b: Frac): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};

/** Half-up rounding of a non-negative fraction to `places`, as text with exactly that many decimals. */
export function roundText(a: Frac, places: number): string {
  const scale = 10n ** BigInt(places);
  const q = (2n * a.n * scale + a.d) / (2n * a.d);
  const s = q.toString().padStart(places + 1, '0');
  return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
}

export function meanOf(totals: Frac[], trimmed: boolean): Frac {
  let list = [...totals];
  if (trimmed && list.length > 2) {
    list.sort(cmp);
    list = list.slice(1, -1);
  }
  return div(list.reduce(add, frac(0n)), BigInt(list.length));
}

export function gradeText(s: Frac): string {
  if (cmp(s, frac(90n)) >= 0) return '一等';
  if (cmp(s, frac(80n)) >= 0) return '二等';
  if (cmp(s, frac(70n)) >= 0) return '三等';
  return '无评级';
}

export interface ReferenceCase {
  id: string;
  score: string;
  grade: string;
  means: Record<string, string>;
}

/** What the reference reads from a raw panel object (loosely typed, so raw test panels pass as they are). */
export interface ReferencePanel {
  policy?: { decimals?: unknown; gradeOn?: unknown; aggregate?: unknown };
  cases: { id?: unknown }[];
  rounds: Record<string, { weight?: unknown } | undefined>;
  scores: { round?: unknown; expert?: unknown; case?: unknown; recused?: unknown; items?: unknown }[];
}

export interface ReferenceExact {
  id: string;
  /** Exact S. */
  s: Frac;
  /** Exact round means. */
  means: Record<string, Frac>;
}

/** Exact S and round means of a clean panel, before any rounding. */
export function referenceExact(panel: ReferencePanel): ReferenceExact[] {
  const trimmed = panel.policy?.aggregate === 'trimmed';
  const defaults: Record<string, string> = { initial: '0.2', review: '0.2', final: '0.6' };
  return panel.cases.map((c) => {
    let s = frac(0n);
    const means: Record<string, Frac> = {};
    for (const r of ['initial', 'review', 'final']) {
      const totals = panel.scores
        .filter((e) => e.round === r && e.case === c.id && e.recused !== true)
        .map((e) =>
          Object.values((e.items ?? {}) as Record<string, unknown>).reduce<Frac>(
            (a, v) => add(a, parseDec(String(v))),
            frac(0n),
          ),
        );
      const m = meanOf(totals, trimmed);
      means[r] = m;
      const w = panel.rounds[r]?.weight;
      s = add(s, mul(parseDec(w === undefined ? defaults[r] : String(w)), m));
    }
    return { id: String(c.id), s, means };
  });
}

/**
 * Reference S for a clean panel (every entry valid, every case in every round): totals from the raw item
 * numbers written as decimal text, round means over non-recused entries.
 */
export function referenceScores(panel: ReferencePanel): ReferenceCase[] {
  const places = (panel.policy?.decimals as number | undefined) ?? 2;
  const exactGrade = panel.policy?.gradeOn === 'exact';
  return referenceExact(panel).map(({ id, s, means }) => {
    const score = roundText(s, places);
    return {
      id,
      score,
      grade: gradeText(exactGrade ? s : parseDec(score)),
      means: Object.fromEntries(Object.entries(means).map(([r, m]) => [r, roundText(m, places)])),
    };
  });
}

// Agreement statistics (Kendall's W, leniency), computed straight from the definitions with fractions: a rank is
// counted (how many totals are lower, how many equal), the mean rank sum is taken from the data, and ties are
// counted element by element. The engine sorts and works on doubled integer ranks; the two share nothing.

export interface ReferenceAgreement {
  rounds: Record<string, { experts: number; cases: number; kendallW: string | null }>;
  experts: { round: string; expert: string; leniency: string | null }[];
}

/** What the agreement reference reads: the reference panel plus the rounds' experts and cases. */
export interface AgreementPanel {
  cases: { id?: unknown; formalReview?: unknown }[];
  rounds: Record<string, { experts?: unknown; cases?: unknown } | undefined>;
  scores: { round?: unknown; expert?: unknown; case?: unknown; recused?: unknown; items?: unknown }[];
}

const sub = (a: Frac, b: Frac): Frac => add(a, frac(-b.n, b.d));

/** Half-up (away from zero) rounding of any fraction, as text. */
function signedRoundText(a: Frac, places: number): string {
  const text = roundText(frac(a.n < 0n ? -a.n : a.n, a.d), places);
  if (/^0\.?0*$/.test(text)) return text;
  return a.n < 0n ? `-${text}` : `+${text}`;
}

/**
 * The accepted total of an entry, or null: recused, or an item that is not a number (the only errors the
 * agreement tests put in their panels), or not all of `itemCount` items given.
 */
function acceptedTotal(entry: AgreementPanel['scores'][number], itemCount: number): Frac | null {
  if (entry.recused === true) return null;
  const values = Object.values((entry.items ?? {}) as Record<string, unknown>);
  if (values.length !== itemCount || values.some((v) => typeof v !== 'number')) return null;
  return values.reduce<Frac>((a, v) => add(a, parseDec(String(v))), frac(0n));
}

/** Kendall's W and leniency of a panel whose only errors are text in an item (see acceptedTotal). */
export function referenceAgreement(panel: AgreementPanel, itemCount = 13): ReferenceAgreement {
  const out: ReferenceAgreement = { rounds: {}, experts: [] };
  for (const r of ['initial', 'review', 'final']) {
    const setup = panel.rounds[r];
    if (setup === undefined) continue;
    const experts = (setup.experts ?? []) as string[];
    const caseIds =
      (setup.cases as string[] | undefined) ??
      panel.cases.filter((c) => (c.formalReview ?? 'passed') === 'passed').map((c) => String(c.id));
    // totals[case][expert]
    const totals = new Map<string, Map<string, Frac>>();
    for (const c of caseIds) totals.set(c, new Map());
    for (const e of panel.scores) {
      if (e.round !== r || !totals.has(String(e.case)) || !experts.includes(String(e.expert))) continue;
      const t = acceptedTotal(e, itemCount);
      if (t !== null) totals.get(String(e.case))!.set(String(e.expert), t);
    }

    const rated = caseIds.filter((c) => totals.get(c)!.size > 0);
    const judges = experts.filter((e) => rated.every((c) => totals.get(c)!.has(e)));
    const m = BigInt(judges.length);
    const n = BigInt(rated.length);
    let w: string | null = null;
    if (m >= 2n && n >= 2n) {
      const rankSum = new Map<string, Frac>(rated.map((c) => [c, frac(0n)]));
      let tieSum = 0n;
      for (const e of judges) {
        const mine = rated.map((c) => totals.get(c)!.get(e)!);
        rated.forEach((c, j) => {
          const lower = BigInt(mine.filter((x) => cmp(x, mine[j]) < 0).length);
          const equal = BigInt(mine.filter((x) => cmp(x, mine[j]) === 0).length);
          rankSum.set(c, add(rankSum.get(c)!, frac(2n * lower + equal + 1n, 2n)));
          // A group of t tied totals contributes t³ − t = t·(t² − 1): t² − 1 for each of its members.
          tieSum += equal * equal - 1n;
        });
      }
      const sums = [...rankSum.values()];
      const mean = div(sums.reduce(add, frac(0n)), n);
      const s = sums.reduce((acc, x) => add(acc, mul(sub(x, mean), sub(x, mean))), frac(0n));
      const den = m * m * (n * n * n - n) - m * tieSum;
      if (den !== 0n) w = roundText(div(mul(frac(12n), s), den), 4);
    }
    out.rounds[r] = { experts: judges.length, cases: rated.length, kendallW: w };

    for (const e of experts) {
      const gaps: Frac[] = [];
      for (const c of caseIds) {
        const byExpert = totals.get(c)!;
        const own = byExpert.get(e);
        const others = [...byExpert.entries()].filter(([x]) => x !== e).map(([, t]) => t);
        if (own === undefined || others.length === 0) continue;
        gaps.push(sub(own, meanOf(others, false)));
      }
      const leniency = gaps.length === 0 ? null : div(gaps.reduce(add, frac(0n)), BigInt(gaps.length));
      out.experts.push({ round: r, expert: e, leniency: leniency === null ? null : signedRoundText(leniency, 2) });
    }
  }
  return out;
}
