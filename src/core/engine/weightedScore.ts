import type { Decimal } from '../exact/decimal';
import { Ratio } from '../exact/ratio';
import { ROUND_IDS, type Panel, type Policy, type RoundId } from '../panel/types';
import { gradeOf, type Grade } from './grade';
import type { RoundStat } from './results';

/**
 * Clause 9.3.1: S = Σ Aᵢ·Xᵢ, the round means weighted by the rounds' weights (8.2: 20% / 20% / 60% unless the
 * panel sets others). Exact: the means are fractions, so S is too, and rounding happens once, after.
 */
export function weightedScore(panel: Panel, rounds: Partial<Record<RoundId, RoundStat>>): Ratio {
  return ROUND_IDS.reduce((s, rid) => s.plus(rounds[rid]!.mean!.times(panel.rounds[rid].weight)), Ratio.zero);
}

/**
 * Clause 9.3.2: the grade of S, with S reported rounded half-up to policy.decimals. The grade lines are compared
 * with that reported S, so that a reader checking the notice against the lines agrees, unless the policy asks for
 * the exact S.
 */
export function gradeScore(policy: Policy, exact: Ratio): { score: Decimal; grade: Grade } {
  const score = exact.roundHalfUp(policy.decimals);
  return { score, grade: gradeOf(policy.gradeOn === 'exact' ? exact : score) };
}
