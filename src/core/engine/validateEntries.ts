import type { Decimal } from '../exact/decimal';
import type { DecimalScale } from '../exact/scaled';
import { ROUND_IDS, type Panel, type ScoreEntry } from '../panel/types';
import { bandSummary } from '../rubric/lookup';
import type { FindingLog } from './findingLog';
import { ScoreJudge } from './judge';
import type { MessageContext } from './messages';
import type { PanelIndex } from './panelIndex';
import type { ScoredEntry } from './results';
import { Sum, type Summand } from './sums';
import { BonusBands } from './warnings';

/** An accepted entry as the round means need it: who scored (by index, to sort) and the total in units. */
export interface AcceptedEntry {
  scored: ScoredEntry;
  expert: number;
  units: bigint;
  /** The workbook row the entry came from (its case id cell), for findings about the entry as a whole. */
  cell?: string;
}

/** What validation leaves for aggregation. */
export interface ValidEntries {
  /** Per round index and case index: the experts who recused (E.1). */
  recusals: (Set<string> | undefined)[][];
  /** Per round index and case index: the accepted entries, in the order they were read. */
  accepted: AcceptedEntry[][][];
  /** Every accepted entry, in the order of the panel's entries. */
  scored: ScoredEntry[];
}

/** Whose entry a finding is about, for its message. */
function who(entry: ScoreEntry): MessageContext {
  return { round: entry.round, expert: entry.expert, case: entry.case };
}

/** A value as the person who typed it would recognise it in a message. */
function displayValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return o.error;
    if (typeof o.formula === 'string') return `=${o.formula}`;
    return JSON.stringify(v);
  }
  return String(v);
}

/**
 * Validates every entry (SPEC section 5) and adds up the accepted ones as table B.1 does: item scores into group
 * subtotals, subtotals into the total. Every problem is a finding in `log`; an entry with an error is left out of
 * aggregation, and the first of two duplicate entries stands.
 */
export function validateEntries(panel: Panel, index: PanelIndex, scale: DecimalScale, log: FindingLog): ValidEntries {
  const reader = new EntryReader(panel, index, scale, log);
  panel.scores.forEach((entry, entryIndex) => reader.read(entry, entryIndex));
  return reader.result;
}

class EntryReader {
  readonly result: ValidEntries;
  private readonly judge: ScoreJudge;
  private readonly seen = new Set<number | string>();
  private readonly bandText: Map<string, string>;
  private readonly stepText: string;
  /** Per group: the indexes of its items. */
  private readonly groupItems: number[][];
  private readonly bonusBands: BonusBands;
  // Subtotals are nodes of one tree of exact sums (sums.ts): a combination of scores seen before costs no arithmetic.
  private readonly zero: Sum;
  /** The accepted item scores of the entry being read, by item index; reused from entry to entry. */
  private readonly itemScores: Summand[];

  constructor(
    private readonly panel: Panel,
    private readonly index: PanelIndex,
    private readonly scale: DecimalScale,
    private readonly log: FindingLog,
  ) {
    const { items } = index;
    this.result = {
      recusals: ROUND_IDS.map(() => panel.cases.map(() => undefined)),
      accepted: ROUND_IDS.map(() => panel.cases.map(() => [])),
      scored: [],
    };
    this.judge = new ScoreJudge(items, panel.policy.scoreStep, scale);
    this.bandText = new Map(items.map((it) => [it.id, bandSummary(it, log.lang)]));
    this.stepText = panel.policy.scoreStep.toString();
    this.groupItems = panel.rubric.groups.map((g) => g.items.map((id) => index.item.get(id)!));
    this.bonusBands = new BonusBands(panel.rubric, index, log);
    this.zero = Sum.zero(scale);
    this.itemScores = items.map(() => this.zero);
  }

  read(entry: ScoreEntry, entryIndex: number): void {
    const ri = this.index.round.get(entry.round)!;
    const ci = this.index.case.get(entry.case);
    const ei = this.index.expert.get(entry.expert);
    if (this.isDuplicate(entry, ri, ci, ei)) {
      this.log.add('duplicate-entry', who(entry), { cell: entry.cells?.row, entryIndex });
      return;
    }
    const placed = this.checkPlace(entry, ri, ci, ei, entryIndex);
    if (entry.recused) {
      if (placed) (this.result.recusals[ri][ci!] ??= new Set()).add(entry.expert);
      return;
    }
    // Item scores are judged even when the entry is misplaced, so that one reading reports every problem.
    const values = this.judgeItems(entry, entryIndex);
    if (!placed || values === null) return;
    this.accept(entry, entryIndex, ri, ci!, ei!, values);
  }

  /** An entry is (round, expert, case); with known ids that is one number, cheaper to hash than text. */
  private isDuplicate(entry: ScoreEntry, ri: number, ci: number | undefined, ei: number | undefined): boolean {
    const key =
      ci !== undefined && ei !== undefined
        ? (ri * this.index.expertCount + ei) * this.index.caseCount + ci
        : `${entry.round}|${entry.expert}|${entry.case}`;
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    return false;
  }

  /** SPEC section 5: the case and the expert exist, the expert sits in the round and the case is in it. */
  private checkPlace(
    entry: ScoreEntry,
    ri: number,
    ci: number | undefined,
    ei: number | undefined,
    entryIndex: number,
  ): boolean {
    const at = { cell: entry.cells?.row, entryIndex };
    let ok = true;
    if (ci === undefined) {
      this.log.add('unknown-case', who(entry), at);
      ok = false;
    }
    if (ei === undefined) {
      this.log.add('unknown-expert', who(entry), at);
      ok = false;
    }
    if (ci !== undefined && ei !== undefined) {
      if (!this.index.roundExperts[ri].has(entry.expert)) {
        this.log.add('not-assigned', who(entry), at);
        ok = false;
      }
      if (!this.index.roundCases[ri].has(entry.case)) {
        this.log.add('not-in-round', who(entry), at);
        ok = false;
      }
    }
    return ok;
  }

  /**
   * SPEC section 5 on the item scores: each one typed, a number, within 0..max and a multiple of the step, and no
   * item the rubric does not have. The accepted scores by item id, or null when any is refused; the accepted
   * scores are also left in `itemScores` for the subtotals.
   */
  private judgeItems(entry: ScoreEntry, entryIndex: number): Record<string, Decimal> | null {
    const { items } = this.index;
    const rowCell = entry.cells?.row;
    const values: Record<string, Decimal> = {};
    let ok = true;
    let known = 0;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      const raw = Object.prototype.hasOwnProperty.call(entry.items, item.id) ? entry.items[item.id] : undefined;
      if (raw !== undefined) known++;
      const judged = this.judge.judge(k, raw);
      if (judged.problem === null) {
        values[item.id] = judged.value;
        this.itemScores[k] = judged;
        continue;
      }
      const ctx: MessageContext = {
        ...who(entry),
        itemName: item.name[this.log.lang],
        value: displayValue(raw),
        max: item.max,
        bands: this.bandText.get(item.id),
        step: this.stepText,
      };
      this.log.add(judged.problem, ctx, { item: item.id, cell: entry.cells?.items[item.id] ?? rowCell, entryIndex });
      ok = false;
    }
    // Keys beyond the rubric's own are unknown items; they are looked for only when there are any.
    const keys = Object.keys(entry.items);
    if (keys.length > known) {
      for (const key of keys) {
        if (this.index.item.has(key)) continue;
        this.log.add(
          'unknown-item',
          { ...who(entry), itemName: key },
          { item: key, cell: entry.cells?.items[key] ?? rowCell, entryIndex },
        );
        ok = false;
      }
    }
    return ok ? values : null;
  }

  /** Table B.1: group subtotals and the total of an accepted entry; then the bonus clauses of its case. */
  private accept(
    entry: ScoreEntry,
    entryIndex: number,
    ri: number,
    ci: number,
    ei: number,
    values: Record<string, Decimal>,
  ): void {
    const { groups: rubricGroups } = this.panel.rubric;
    const groups: Record<string, Decimal> = {};
    // Totals are too varied to share like subtotals: they are added up directly, a few BigInt additions.
    let total = 0n;
    for (let gi = 0; gi < rubricGroups.length; gi++) {
      let subtotal = this.zero;
      for (const k of this.groupItems[gi]) subtotal = subtotal.plus(this.itemScores[k]);
      groups[rubricGroups[gi].id] = subtotal.value;
      total += subtotal.units;
    }
    const scored: ScoredEntry = {
      round: entry.round,
      expert: entry.expert,
      case: entry.case,
      total: this.scale.toDecimal(total),
      groups,
      items: values,
    };
    const rowCell = entry.cells?.row;
    this.result.accepted[ri][ci].push({ scored, expert: ei, units: total, ...(rowCell ? { cell: rowCell } : {}) });
    this.result.scored.push(scored);
    this.bonusBands.check(entry, this.panel.cases[ci].bonus, groups, values, entryIndex);
  }
}
