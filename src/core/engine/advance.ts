import type { Decimal } from '../exact/decimal';
import { ROUND_IDS, type Panel, type RoundId } from '../panel/types';
import type { Evaluation } from './evaluate';

export type AdvanceRule = { kind: 'top'; n: number } | { kind: 'threshold'; min: Decimal } | { kind: 'majority' };

export interface AdvanceResult {
  from: RoundId;
  to: RoundId;
  advanced: string[];
  notAdvanced: string[];
  /** Cases tied with the last place of a top-N rule, all advanced. */
  tiedAtCut: string[];
  /** Cases whose round result is not complete, so no rule can decide them. */
  undecided: { case: string; reason: string }[];
}

/**
 * Which cases of a round go on to the next (9.2: each round recommends candidates to the next): the top N by exact
 * round mean (every case tied with the N-th goes on too), those with a round mean at or above a threshold, or those
 * a majority of the round's scoring experts marked 推荐.
 */
export function advanceCases(panel: Panel, evaluation: Evaluation, from: RoundId, rule: AdvanceRule): AdvanceResult {
  const i = ROUND_IDS.indexOf(from);
  if (i === ROUND_IDS.length - 1) throw new RangeError('终评之后没有下一轮');
  const to = ROUND_IDS[i + 1];
  const inRound = evaluation.cases.filter((c) => panel.rounds[from].cases.includes(c.id));
  const undecided: AdvanceResult['undecided'] = [];
  const decided = inRound.filter((c) => {
    const st = c.rounds[from];
    if (c.status === 'excluded') return false;
    if (!st || st.mean === null) {
      undecided.push({ case: c.id, reason: c.status === 'invalid' ? '评分有误' : '评分未完成' });
      return false;
    }
    return true;
  });
  let advanced: string[] = [];
  let tiedAtCut: string[] = [];
  if (rule.kind === 'top') {
    const sorted = [...decided].sort((a, b) => b.rounds[from]!.mean!.cmp(a.rounds[from]!.mean!));
    if (sorted.length > rule.n && rule.n > 0) {
      const cut = sorted[rule.n - 1].rounds[from]!.mean!;
      advanced = sorted.filter((c) => c.rounds[from]!.mean!.gte(cut)).map((c) => c.id);
      tiedAtCut =
        advanced.length > rule.n ? sorted.filter((c) => c.rounds[from]!.mean!.cmp(cut) === 0).map((c) => c.id) : [];
    } else {
      advanced = sorted.slice(0, Math.max(rule.n, 0)).map((c) => c.id);
    }
  } else if (rule.kind === 'threshold') {
    advanced = decided.filter((c) => c.rounds[from]!.mean!.gte(rule.min)).map((c) => c.id);
  } else {
    advanced = decided
      .filter((c) => {
        const marks = panel.scores.filter(
          (s) => s.round === from && s.case === c.id && !s.recused && s.recommend === true,
        );
        return marks.length * 2 > c.rounds[from]!.n;
      })
      .map((c) => c.id);
  }
  const set = new Set(advanced);
  const order = panel.cases.map((c) => c.id);
  return {
    from,
    to,
    advanced: order.filter((id) => set.has(id)),
    notAdvanced: decided.filter((c) => !set.has(c.id)).map((c) => c.id),
    tiedAtCut,
    undecided,
  };
}
