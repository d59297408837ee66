import { fixed } from '../exact/decimal';
import { agreementOf, kendallWText, leniencyText } from '../engine/agreement';
import type { Evaluation } from '../engine/evaluate';
import type { Finding } from '../engine/findings';
import type { Grade } from '../engine/grade';
import { ROUND_IDS, type Panel, type RoundId } from '../panel/types';

/** How far the experts of each round agree (engine/agreement.ts); reported for review, never used for S. */
export interface AgreementJson {
  rounds: Partial<Record<RoundId, { experts: number; cases: number; kendallW: string | null }>>;
  experts: { round: RoundId; expert: string; leniency: string | null }[];
}

export interface ScoreJson {
  cases: {
    id: string;
    status: string;
    rounds: Partial<Record<RoundId, { n: number; mean: string | null }>>;
    score: string | null;
    grade: Grade | null;
  }[];
  findings: Finding[];
  agreement: AgreementJson;
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
    agreement: agreementJson(panel, evaluation),
  };
}

function agreementJson(panel: Panel, evaluation: Evaluation): AgreementJson {
  const a = agreementOf(panel, evaluation);
  const rounds: AgreementJson['rounds'] = {};
  for (const rid of ROUND_IDS) {
    const r = a.rounds[rid];
    if (r) rounds[rid] = { experts: r.experts, cases: r.cases, kendallW: kendallWText(r.kendallW) };
  }
  return {
    rounds,
    experts: a.experts.map((e) => ({ round: e.round, expert: e.expert, leniency: leniencyText(e.leniency) })),
  };
}
