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
