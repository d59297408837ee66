import { ROUND_IDS, type Panel, type RoundId } from '../panel/types';
import { orderedItems } from '../rubric/lookup';
import type { RubricItem } from '../rubric/types';

/**
 * Positions of a panel's ids. Entries and findings are placed by these numbers: a number is cheaper to hash than
 * text, and sorting findings by panel order (not by id text) keeps C2 before C10.
 */
export class PanelIndex {
  /** The rubric's items in the order of the scoring table. */
  readonly items: RubricItem[];
  readonly item: Map<string, number>;
  readonly groupIds: Set<string>;
  readonly case: Map<string, number>;
  readonly expert: Map<string, number>;
  readonly round: Map<RoundId, number>;
  /** Per round index: the cases and the experts the round has. */
  readonly roundCases: Set<string>[];
  readonly roundExperts: Set<string>[];
  readonly caseCount: number;
  readonly expertCount: number;

  constructor(panel: Panel) {
    this.items = orderedItems(panel.rubric);
    this.item = new Map(this.items.map((it, i) => [it.id, i]));
    this.groupIds = new Set(panel.rubric.groups.map((g) => g.id));
    this.case = new Map(panel.cases.map((c, i) => [c.id, i]));
    this.expert = new Map(panel.experts.map((e, i) => [e.id, i]));
    this.round = new Map(ROUND_IDS.map((r, i) => [r, i]));
    this.roundCases = ROUND_IDS.map((r) => new Set(panel.rounds[r].cases));
    this.roundExperts = ROUND_IDS.map((r) => new Set(panel.rounds[r].experts));
    this.caseCount = panel.cases.length;
    this.expertCount = panel.experts.length;
  }
}
