import type { Panel } from '../../src/core';
import { ROUND_IDS } from '../../src/core';

/** A panel reduced to what a workbook can hold, in a canonical order, for comparing round trips. */
export function canonicalPanel(panel: Panel): unknown {
  return {
    title: panel.title,
    notice: panel.notice,
    policy: {
      ...panel.policy,
      scoreStep: panel.policy.scoreStep.toString(),
      outlierPoints: panel.policy.outlierPoints.toString(),
    },
    cases: panel.cases,
    experts: panel.experts,
    rounds: ROUND_IDS.map((r) => ({
      id: r,
      experts: panel.rounds[r].cases.length > 0 ? panel.rounds[r].experts : [],
      cases: panel.rounds[r].cases,
      weight: panel.rounds[r].weight.toString(),
    })),
    scores: panel.scores
      .map((s) => ({
        round: s.round,
        expert: s.expert,
        case: s.case,
        recused: s.recused,
        items: s.recused ? {} : s.items,
      }))
      .sort((a, b) => `${a.round}|${a.expert}|${a.case}`.localeCompare(`${b.round}|${b.expert}|${b.case}`)),
  };
}
