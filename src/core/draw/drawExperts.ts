import { ROUND_IDS, ROUND_NAMES, type CaseInfo, type ExpertInfo, type Panel, type RoundId } from '../panel/types';
import { categoryCode } from '../categories/appendixA';
import { organizationKey, sameOrganization } from './organization';
import { seededRandom, shuffled } from './random';

export interface Recusal {
  expert: string;
  case: string;
  reason: string;
}

export interface DrawOptions {
  round: RoundId;
  count: number;
  seed: string;
  /** Every case must keep at least this many experts who do not recuse. */
  minEligible?: number;
  /** Leave out experts who served in an earlier round. */
  excludePrevious?: boolean;
  /** At most this many of the round's experts from one organisation (organisations compared as organizationKey). */
  maxPerOrganization?: number;
  /** Also draw this many reserves, in order, for experts who decline. */
  reserves?: number;
}

export interface DrawResult {
  round: RoundId;
  seed: string;
  experts: string[];
  /** Reserves in the order they are called on, drawn with the same seed; they keep to the same rules. */
  reserves: string[];
  recusals: Recusal[];
}

/** A draw that cannot satisfy its rules; the sentence names what cannot be done (exit 1). */
export class DrawError extends Error {
  /** The same sentence in English, for `--lang en`. */
  readonly messageEn: string;

  constructor(message: string, messageEn?: string) {
    super(message);
    this.name = 'DrawError';
    this.messageEn = messageEn ?? message;
  }
}

/** Why an expert must recuse from a case (E.1), or null. */
export function conflictOf(expert: ExpertInfo, c: CaseInfo): string | null {
  if (sameOrganization(expert.organization, c.applicant)) return `与申报单位存在现任职（${c.applicant}）`;
  if (expert.conflicts.includes(c.id)) return '本人申报的利益冲突';
  return null;
}

/**
 * Whether an expert's fields cover a case's category: the same text, a code and its sub-fields (A.1 and A.1.2), or
 * the same Appendix A category however either is written (A.1, 新兴支柱产业, 集成电路).
 */
function matchesField(expert: ExpertInfo, category: string): boolean {
  if (category === '') return false;
  const code = categoryCode(category);
  return expert.fields.some(
    (f) =>
      f === category ||
      category.startsWith(`${f}.`) ||
      f.startsWith(`${category}.`) ||
      (code !== null && categoryCode(f) === code),
  );
}

/**
 * Draws a round's experts at random from the pool (5.2.3), reproducibly from the seed. Experts whose fields match
 * the categories of the round's cases (Appendix A) are drawn first where the pool allows; conflicts (E.1) become
 * recusals; every case keeps at least `minEligible` experts without a conflict, or the draw is refused naming the case.
 */
export function drawExperts(panel: Panel, options: DrawOptions): DrawResult {
  const { round, count, seed } = options;
  const minEligible = options.minEligible ?? 1;
  // The round's cases that will be scored: those that passed formal review (9.1.3).
  const cases = panel.cases.filter((c) => panel.rounds[round].cases.includes(c.id) && c.formalReview === 'passed');
  if (cases.length === 0)
    throw new DrawError(
      `${ROUND_NAMES[round].zh}还没有案例，无需抽取专家。`,
      `The ${ROUND_NAMES[round].en.toLowerCase()} round has no cases yet; there are no experts to draw.`,
    );
  const earlier = new Set(ROUND_IDS.slice(0, ROUND_IDS.indexOf(round)).flatMap((r) => panel.rounds[r].experts));
  const pool = panel.experts.filter((e) => !(options.excludePrevious && earlier.has(e.id)));
  if (count < 1 || !Number.isInteger(count))
    throw new DrawError('抽取人数应为正整数。', 'The number of experts to draw must be a positive whole number.');
  if (pool.length < count) {
    throw new DrawError(
      `专家库中可抽取的专家只有 ${pool.length} 位，不足 ${count} 位。`,
      `The expert pool has only ${pool.length} experts who can be drawn, fewer than ${count}.`,
    );
  }

  const random = seededRandom(`${seed}|${round}`);
  const categories = new Set(cases.map((c) => c.category));
  const order = shuffled(pool, random);
  const relevance = (e: ExpertInfo): number => [...categories].filter((cat) => matchesField(e, cat)).length;
  // Field-matched experts first, in the drawn order; a stable sort keeps the randomness within each tier.
  const ranked = [...order].sort((a, b) => Number(relevance(b) > 0) - Number(relevance(a) > 0));

  // At most maxPerOrganization experts of one organisation: an expert who would exceed it is passed over.
  const cap = options.maxPerOrganization;
  const orgCount = (experts: ExpertInfo[], e: ExpertInfo): number =>
    organizationKey(e.organization) === ''
      ? 0
      : experts.filter((x) => organizationKey(x.organization) === organizationKey(e.organization)).length;
  const fits = (experts: ExpertInfo[], e: ExpertInfo): boolean => cap === undefined || orgCount(experts, e) < cap;
  const chosen: ExpertInfo[] = [];
  const spare: ExpertInfo[] = [];
  for (const e of ranked) {
    if (chosen.length < count && fits(chosen, e)) chosen.push(e);
    else spare.push(e);
  }
  if (chosen.length < count)
    throw new DrawError(
      `每个单位至多 ${cap} 位专家时，专家库中只能抽出 ${chosen.length} 位，不足 ${count} 位。`,
      `With at most ${cap} experts of one organisation, only ${chosen.length} can be drawn from the pool, fewer than ${count}.`,
    );
  const eligible = (c: CaseInfo, experts: ExpertInfo[]): number =>
    experts.filter((e) => conflictOf(e, c) === null).length;

  // Repair: while a case lacks eligible experts, swap in the first spare expert who can score it for the last chosen
  // expert whose departure leaves every case still covered.
  for (let guard = 0; guard < pool.length * cases.length; guard++) {
    const short = cases.find((c) => eligible(c, chosen) < minEligible);
    if (!short) break;
    const incoming = spare.findIndex((e) => conflictOf(e, short) === null);
    if (incoming < 0) {
      throw new DrawError(
        `案例 ${short.id} 无法保证至少 ${minEligible} 位无利益冲突的专家：专家库中可评该案例的专家不足。`,
        `Case ${short.id} cannot be given at least ${minEligible} experts without a conflict of interest: the pool has too few who may score it.`,
      );
    }
    const trialWith = (k: number): ExpertInfo[] => [...chosen.filter((_e, i) => i !== k), spare[incoming]];
    let outgoing = -1;
    for (let k = chosen.length - 1; k >= 0 && outgoing < 0; k--) {
      if (
        !fits(
          chosen.filter((_e, i) => i !== k),
          spare[incoming],
        )
      )
        continue;
      const trial = trialWith(k);
      const keepsOthers = cases.every((c) => eligible(c, trial) >= Math.min(minEligible, eligible(c, chosen)));
      if (keepsOthers && eligible(short, trial) > eligible(short, chosen)) outgoing = k;
    }
    if (outgoing < 0) {
      throw new DrawError(
        `案例 ${short.id} 无法保证至少 ${minEligible} 位无利益冲突的专家：抽取 ${count} 位专家无法同时满足所有案例。`,
        `Case ${short.id} cannot be given at least ${minEligible} experts without a conflict of interest: no draw of ${count} experts satisfies every case.`,
      );
    }
    const [out] = chosen.splice(outgoing, 1, spare[incoming]);
    spare.splice(incoming, 1);
    spare.push(out);
  }
  const short = cases.find((c) => eligible(c, chosen) < minEligible);
  if (short)
    throw new DrawError(
      `案例 ${short.id} 无法保证至少 ${minEligible} 位无利益冲突的专家。`,
      `Case ${short.id} cannot be given at least ${minEligible} experts without a conflict of interest.`,
    );

  const experts = panel.experts.filter((e) => chosen.includes(e)).map((e) => e.id);
  // Reserves: the next experts of the same drawn order who keep to the organisation limit with those drawn.
  const reserves: string[] = [];
  for (const e of spare) {
    if (reserves.length >= (options.reserves ?? 0)) break;
    if (fits(chosen, e)) reserves.push(e.id);
  }
  if (reserves.length < (options.reserves ?? 0))
    throw new DrawError(
      `专家库中除抽中的专家外只有 ${reserves.length} 位可作备选，不足 ${options.reserves} 位。`,
      `Besides the drawn experts the pool has only ${reserves.length} who can be reserves, fewer than ${options.reserves}.`,
    );
  const recusals: Recusal[] = [];
  for (const e of panel.experts.filter((x) => chosen.includes(x))) {
    for (const c of cases) {
      const reason = conflictOf(e, c);
      if (reason) recusals.push({ expert: e.id, case: c.id, reason });
    }
  }
  return { round, seed, experts, reserves, recusals };
}
