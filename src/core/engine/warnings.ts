import { fixed, type Decimal } from '../exact/decimal';
import { Ratio } from '../exact/ratio';
import type { DecimalScale } from '../exact/scaled';
import type { Policy, RoundId, ScoreEntry } from '../panel/types';
import type { BonusClause, Rubric } from '../rubric/types';
import type { FindingLog } from './findingLog';
import type { PanelIndex } from './panelIndex';
import type { RoundTotals } from './roundTotals';
import type { AcceptedEntry } from './validateEntries';

// Warnings do not block a case: they ask the secretariat to look again at a score the standard allows.

/**
 * The notes (注) of Appendix B: a case that qualifies for a bonus clause is to be scored within the clause's band,
 * so a score below the band is worth a second look (bonus-band).
 */
export class BonusBands {
  private readonly clauses = new Map<string, BonusClause>();

  constructor(
    private readonly rubric: Rubric,
    private readonly index: PanelIndex,
    private readonly log: FindingLog,
  ) {
    // A validated rubric has unique clause ids; should one repeat, the first stands, as everywhere else.
    for (const b of rubric.bonuses) if (!this.clauses.has(b.id)) this.clauses.set(b.id, b);
  }

  /** Checks an accepted entry of a case that claims the clauses `bonus`, given its group subtotals and item scores. */
  check(
    entry: ScoreEntry,
    bonus: string[],
    groups: Record<string, Decimal>,
    items: Record<string, Decimal>,
    entryIndex: number,
  ): void {
    const lang = this.log.lang;
    for (const bonusId of bonus) {
      const clause = this.clauses.get(bonusId);
      if (!clause) continue;
      const onGroup = clause.targetKind === 'group';
      const value = onGroup ? groups[clause.target] : items[clause.target];
      if (!value.lt(clause.min)) continue;
      const targetName = onGroup
        ? this.rubric.groups.find((g) => g.id === clause.target)!.name[lang]
        : this.index.items[this.index.item.get(clause.target)!].name[lang];
      const rowCell = entry.cells?.row;
      this.log.add(
        'bonus-band',
        {
          round: entry.round,
          expert: entry.expert,
          case: entry.case,
          bonus: clause.label[lang],
          itemName: targetName,
          value: value.toString(),
          min: clause.min,
          max: clause.max,
        },
        { item: clause.target, cell: onGroup ? rowCell : (entry.cells?.items[clause.target] ?? rowCell), entryIndex },
      );
    }
  }
}

/**
 * SPEC section 5 (outlier): with three or more totals for a case in a round, a total further than
 * policy.outlierPoints from the mean of the other experts' totals is shown with that mean, for the panel to discuss.
 */
export function warnOutliers(
  log: FindingLog,
  policy: Policy,
  scale: DecimalScale,
  round: RoundId,
  caseId: string,
  entries: AcceptedEntry[],
  totals: RoundTotals,
  limitUnits: bigint,
): void {
  for (const i of totals.outliers(limitUnits)) {
    const e = entries[i];
    const others = Ratio.fraction(scale.toDecimal(totals.sum - e.units), totals.n - 1);
    log.add(
      'outlier',
      {
        round,
        expert: e.scored.expert,
        case: caseId,
        total: e.scored.total.toString(),
        othersMean: fixed(others.roundHalfUp(policy.decimals), policy.decimals),
        limit: policy.outlierPoints.toString(),
      },
      e.cell ? { cell: e.cell } : {},
    );
  }
}
