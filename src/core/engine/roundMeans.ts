import type { DecimalScale } from '../exact/scaled';
import type { CaseInfo, Panel, RoundId } from '../panel/types';
import type { FindingLog } from './findingLog';
import type { RoundStat } from './results';
import { RoundTotals } from './roundTotals';
import type { AcceptedEntry, ValidEntries } from './validateEntries';
import { warnOutliers } from './warnings';

/** Who of a round's experts recused from a case (E.1), who may score it, and who of those has not yet. */
interface Attendance {
  recused: string[];
  eligible: string[];
  missing: string[];
}

/** In the round's order of experts, so that lists in findings and sheets read as the round was set up. */
function attendance(experts: string[], recused: Set<string> | undefined, entries: AcceptedEntry[]): Attendance {
  const scoredBy = new Set<string>();
  for (const e of entries) scoredBy.add(e.scored.expert);
  const a: Attendance = { recused: [], eligible: [], missing: [] };
  for (const e of experts) {
    if (recused?.has(e)) a.recused.push(e);
    else {
      a.eligible.push(e);
      if (!scoredBy.has(e)) a.missing.push(e);
    }
  }
  return a;
}

/** Entries usually arrive expert by expert already; sorting copies the list, so it is done only when needed. */
function inExpertOrder(entries: AcceptedEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i - 1].expert > entries[i].expert) return false;
  return true;
}

const totalUnits = (a: AcceptedEntry): bigint => a.units;

/**
 * The round results of every case: clause 9.3.1's round mean Xᵢ of the experts' totals, with the statistics and
 * warnings the secretariat reviews it by. Scores are BigInt units of one scale (exact/scaled.ts) that holds the
 * score step and the outlier limit exactly.
 */
export class RoundMeans {
  private readonly outlierLimit: bigint;

  constructor(
    private readonly panel: Panel,
    private readonly scale: DecimalScale,
    private readonly entries: ValidEntries,
    private readonly log: FindingLog,
  ) {
    this.outlierLimit = scale.unitsOf(panel.policy.outlierPoints)!;
  }

  /**
   * The round `rid` (index `ri`) of case `c` (index `ci`). The mean is exact and given only when every eligible
   * expert scored without an error: a mean of some of the experts is not the panel's judgement.
   */
  of(c: CaseInfo, ci: number, rid: RoundId, ri: number): RoundStat {
    const { policy } = this.panel;
    const experts = this.panel.rounds[rid].experts;
    const entries = this.entries.accepted[ri][ci];
    if (!inExpertOrder(entries)) entries.sort((a, b) => a.expert - b.expert);
    const { recused, eligible, missing } = attendance(experts, this.entries.recusals[ri][ci], entries);
    this.checkEligibleExpert(c, rid, experts, eligible);
    const totals = new RoundTotals(this.scale, entries.map(totalUnits));
    warnOutliers(this.log, policy, this.scale, rid, c.id, entries, totals, this.outlierLimit);
    const usable = missing.length === 0 && eligible.length > 0 && !this.log.hasErrorInRound(rid, c.id);
    return {
      n: totals.n,
      mean: usable ? totals.mean(policy.aggregate) : null,
      sd: totals.standardDeviation(),
      span: totals.span(),
      eligible: eligible.length,
      recused,
      missing,
      totals: entries.map((a) => ({ expert: a.scored.expert, total: a.scored.total })),
    };
  }

  /** E.1 leaves a case to the experts without a conflict; a round where every one of them recused cannot score it. */
  private checkEligibleExpert(c: CaseInfo, rid: RoundId, experts: string[], eligible: string[]): void {
    if (experts.length > 0 && eligible.length === 0 && c.formalReview === 'passed') {
      this.log.add('no-eligible-expert', { round: rid, expert: null, case: c.id }, {});
    }
  }
}

/** A round no expert sits in, or one an eligible expert has not scored yet, leaves the case incomplete. */
export function isIncomplete(stat: RoundStat): boolean {
  return stat.eligible + stat.recused.length === 0 || stat.missing.length > 0;
}
