import type { Decimal } from '../exact/decimal';
import type { DecimalScale } from '../exact/scaled';

/** Anything with an exact value in units of the panel's scale (exact/scaled.ts): an accepted item score, a sum. */
export interface Summand {
  readonly units: bigint;
}

/**
 * An exact sum in a tree of sums shared by one evaluation: the sum reached from `zero` by adding a, then b, then c
 * is one node, whichever entry adds them. A group has three or four items with a few possible scores each, so its
 * subtotals repeat across a panel: each distinct combination is added up (BigInt) and turned into a Decimal once,
 * and adding a combination seen before is a Map lookup by object identity that allocates nothing. The summands must
 * be canonical objects (one per item and value, as ScoreJudge gives them) for the sharing to work; the sums are
 * exact whatever the summands.
 */
export class Sum implements Summand {
  private decimal: Decimal | undefined;
  private next: Map<Summand, Sum> | undefined;

  private constructor(
    readonly units: bigint,
    private readonly scale: DecimalScale,
  ) {}

  /** The empty sum, root of a new tree. */
  static zero(scale: DecimalScale): Sum {
    return new Sum(0n, scale);
  }

  plus(part: Summand): Sum {
    this.next ??= new Map();
    let sum = this.next.get(part);
    if (sum === undefined) {
      sum = new Sum(this.units + part.units, this.scale);
      this.next.set(part, sum);
    }
    return sum;
  }

  /** The sum as a Decimal, built once. */
  get value(): Decimal {
    return (this.decimal ??= this.scale.toDecimal(this.units));
  }
}
