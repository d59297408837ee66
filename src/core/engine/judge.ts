import { Decimal, toDecimal } from '../exact/decimal';
import type { DecimalScale } from '../exact/scaled';
import type { RubricItem } from '../rubric/types';
import type { FindingCode } from './findings';

/** The verdict on one item score as typed: the finding it deserves, or its exact value as a Decimal and in units. */
export type Judgement =
  { problem: FindingCode; value: null; units: null } | { problem: null; value: Decimal; units: bigint };

const refused = (problem: FindingCode): Judgement => ({ problem, value: null, units: null });

/**
 * Judges item scores (SPEC section 5: missing-item, not-a-number, out-of-range, bad-step) against the items of a
 * rubric, in the order `items` gives them.
 *
 * Panels repeat the same few scores thousands of times, so each distinct (item, number) is judged once and its
 * Judgement shared. Whole numbers, nearly every score typed, are judged on BigInt units: range and step are
 * integer comparisons and a remainder, exact without building a Decimal. Other numbers take decimal.js.
 */
export class ScoreJudge {
  /** Per item: the largest whole number of units not above its maximum (a whole u ≤ max ⇔ u ≤ ⌊max⌋). */
  private readonly maxUnits: bigint[];
  private readonly memo: Map<number, Judgement>[];
  private readonly stepUnits: bigint;

  constructor(
    private readonly items: RubricItem[],
    step: Decimal,
    private readonly scale: DecimalScale,
  ) {
    const stepUnits = scale.unitsOf(step);
    if (stepUnits === null || stepUnits <= 0n) throw new RangeError('the scale must hold the score step exactly');
    this.stepUnits = stepUnits;
    this.maxUnits = items.map((it) => scale.floorUnits(new Decimal(it.max)));
    this.memo = items.map(() => new Map());
  }

  /** The verdict on `raw` as the score of the k-th item. */
  judge(k: number, raw: unknown): Judgement {
    if (raw === undefined || raw === null || raw === '') return refused('missing-item');
    // Only numbers are scores: text that looks like a number was typed as text and is refused as such.
    if (typeof raw !== 'number') return refused('not-a-number');
    const memo = this.memo[k];
    let j = memo.get(raw);
    if (j === undefined) {
      j = Number.isInteger(raw) ? this.judgeUnits(k, this.scale.unitsOfInteger(raw)) : this.judgeDecimal(k, raw);
      memo.set(raw, j);
    }
    return j;
  }

  private judgeUnits(k: number, units: bigint): Judgement {
    if (units < 0n || units > this.maxUnits[k]) return refused('out-of-range');
    if (units % this.stepUnits !== 0n) return refused('bad-step');
    return { problem: null, value: this.scale.toDecimal(units), units };
  }

  private judgeDecimal(k: number, raw: number): Judgement {
    const d = toDecimal(raw);
    if (d === null) return refused('not-a-number');
    if (d.isNegative() || d.gt(this.items[k].max)) return refused('out-of-range');
    const units = this.scale.unitsOf(d);
    // More decimal places than the scale, which holds the step's: not a multiple of the step.
    if (units === null) return refused('bad-step');
    return this.judgeUnits(k, units);
  }
}
