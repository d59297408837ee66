import { fixed } from '../exact/decimal';
import type { Evaluation } from '../engine/evaluate';
import type { Finding } from '../engine/findings';
import type { Grade } from '../engine/grade';
import { ROUND_IDS, type Panel, type RoundId } from '../panel/types';

export interface ScoreJson {
  cases: {
    id: string;
    status: string;
    rounds: Partial<Record<RoundId, { n: number; mean: string | null }>>;
    score: string | null;
    grade: Grade | null;
  }[];
  findings: Finding[];
}

/** The JSON contract of `ceeas score --json` and `ceeas compute --json` (SPEC section 6). */
export function toScoreJson(panel: Panel, evaluation: Evaluation): ScoreJson {
  const d = panel.policy.decimals;
  return {
    cases: evaluation.cases.map((c) => {
      const rounds: Partial<Record<RoundId, { n: number; mean: string | null }>> = {};
      for (const rid of ROUND_IDS) {
        const r = c.rounds[rid];
        if (r) rounds[rid] = { n: r.n, mean: r.mean ? fixed(r.mean.roundHalfUp(d), d) : null };
      }
      return {
        id: c.id,
        status: c.status,
        rounds,
        score: c.score ? fixed(c.score, d) : null,
        grade: c.grade,
      };
    }),
    findings: evaluation.findings,
  };
}
