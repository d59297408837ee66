import { DecimalScale } from '../exact/scaled';
import { ROUND_IDS, ROUND_NAMES, type CaseInfo, type Panel, type RoundId } from '../panel/types';
import type { Lang } from './findings';
import { FindingLog } from './findingLog';
import { PanelIndex } from './panelIndex';
import type { CaseResult, CaseStatus, EvaluateOptions, Evaluation, RoundStat } from './results';
import { isIncomplete, RoundMeans } from './roundMeans';
import { validateEntries } from './validateEntries';
import { gradeScore, weightedScore } from './weightedScore';

export type { CaseResult, CaseStatus, EvaluateOptions, Evaluation, RoundStat, ScoredEntry } from './results';

/**
 * Evaluates a panel as the standard does: validates every entry (SPEC section 5), takes the round means (9.3.1),
 * and for every case that has all three computes S (9.3.1) and its grade (9.3.2). Pure and deterministic: the result
 * does not depend on the order of experts or entries, except that the first of two duplicate entries stands.
 */
export function evaluate(panel: Panel, options: EvaluateOptions = {}): Evaluation {
  const index = new PanelIndex(panel);
  const log = new FindingLog(index, options.lang ?? 'zh');
  for (const f of options.extra ?? []) log.push(f);
  // Every accepted score is a multiple of the step, so a whole number of units of a scale holding the step; the
  // outlier limit is held exactly on the same scale.
  const scale = DecimalScale.covering(panel.policy.scoreStep, panel.policy.outlierPoints);
  const entries = validateEntries(panel, index, scale, log);
  const means = new RoundMeans(panel, scale, entries, log);
  const cases = panel.cases.map((c, ci): CaseResult => {
    const rounds: Partial<Record<RoundId, RoundStat>> = {};
    ROUND_IDS.forEach((rid, ri) => {
      if (index.roundCases[ri].has(c.id)) rounds[rid] = means.of(c, ci, rid, ri);
    });
    const status = caseStatus(c, rounds, log);
    if (status !== 'graded') return { id: c.id, status, rounds, exact: null, score: null, grade: null };
    const exact = weightedScore(panel, rounds);
    return { id: c.id, status, rounds, exact, ...gradeScore(panel.policy, exact) };
  });
  return { cases, findings: log.sorted(), scored: entries.scored };
}

/**
 * Only a case that passed formal review (9.1.3) is evaluated; an error anywhere in it blocks it; it needs every
 * eligible expert's scores in every round it reached; and S needs all three rounds.
 */
function caseStatus(c: CaseInfo, rounds: Partial<Record<RoundId, RoundStat>>, log: FindingLog): CaseStatus {
  if (c.formalReview !== 'passed') return 'excluded';
  if (log.hasError(c.id)) return 'invalid';
  if (ROUND_IDS.some((rid) => rounds[rid] !== undefined && isIncomplete(rounds[rid]))) return 'incomplete';
  if (ROUND_IDS.some((rid) => rounds[rid] === undefined)) return 'not-advanced';
  return 'graded';
}

/** Label of a round for people. */
export function roundLabel(round: RoundId, lang: Lang): string {
  return ROUND_NAMES[round][lang];
}
