import { fixed, type Decimal } from '../exact/decimal';
import { Ratio } from '../exact/ratio';
import { DecimalScale } from '../exact/scaled';
import { bandSummary, orderedItems } from '../rubric/lookup';
import type { BonusClause } from '../rubric/types';
import { ROUND_IDS, ROUND_NAMES, type Panel, type RoundId, type ScoreEntry } from '../panel/types';
import type { Finding, FindingCode, Lang } from './findings';
import { gradeOf, type Grade } from './grade';
import { ScoreJudge } from './judge';
import { makeFinding } from './makeFinding';
import type { MessageContext } from './messages';
import { RoundTotals } from './roundTotals';
import { Sum, type Summand } from './sums';

export type CaseStatus = 'excluded' | 'invalid' | 'incomplete' | 'not-advanced' | 'graded';

export interface RoundStat {
  /** Experts who scored the case (recused experts are not counted). */
  n: number;
  /** Exact round mean; null unless every eligible expert scored without an error. */
  mean: Ratio | null;
  sd: Decimal | null;
  span: Decimal | null;
  /** Experts of the round, recused ones left out. */
  eligible: number;
  recused: string[];
  missing: string[];
  totals: { expert: string; total: Decimal }[];
}

export interface CaseResult {
  id: string;
  status: CaseStatus;
  rounds: Partial<Record<RoundId, RoundStat>>;
  /** Exact S (graded cases only). */
  exact: Ratio | null;
  /** S rounded half-up to policy.decimals (graded cases only). */
  score: Decimal | null;
  grade: Grade | null;
}

/** An accepted (error-free, non-recused) entry with its totals. */
export interface ScoredEntry {
  round: RoundId;
  expert: string;
  case: string;
  total: Decimal;
  groups: Record<string, Decimal>;
  items: Record<string, Decimal>;
}

export interface Evaluation {
  cases: CaseResult[];
  findings: Finding[];
  scored: ScoredEntry[];
}

export interface EvaluateOptions {
  lang?: Lang;
  /** Findings found outside the engine (a workbook's structure); their errors block the cases they name. */
  extra?: Finding[];
}

interface Sortable {
  finding: Finding;
  key: number[];
}

/** Whose entry a finding is about, for its message. */
function who(entry: ScoreEntry): MessageContext {
  return { round: entry.round, expert: entry.expert, case: entry.case };
}

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

/** An accepted entry as the aggregation needs it: who scored (by index, to sort) and the total in units. */
interface Accepted {
  scored: ScoredEntry;
  expert: number;
  units: bigint;
  /** The workbook row the entry came from (its case id cell), for findings about the entry as a whole. */
  cell?: string;
}

const totalUnits = (a: Accepted): bigint => a.units;
const expertTotal = (a: Accepted): { expert: string; total: Decimal } => ({
  expert: a.scored.expert,
  total: a.scored.total,
});

/** Entries usually arrive expert by expert already; sorting copies the list, so it is done only when needed. */
function inExpertOrder(entries: Accepted[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i - 1].expert > entries[i].expert) return false;
  return true;
}

/**
 * Validates every entry, aggregates round means and computes S and the grade of every case (SPEC sections 4
 * and 5). Pure and deterministic: the result does not depend on the order of experts or entries, except that the
 * first of two duplicate entries stands.
 *
 * Scores are added up as BigInt units of one scale (exact/scaled.ts) that holds policy.scoreStep and
 * policy.outlierPoints exactly; Decimals are built for the results only, and shared where values repeat.
 */
export function evaluate(panel: Panel, options: EvaluateOptions = {}): Evaluation {
  const lang = options.lang ?? 'zh';
  const { policy, rubric } = panel;
  const items = orderedItems(rubric);
  const itemIndex = new Map(items.map((it, i) => [it.id, i]));
  const caseIndex = new Map(panel.cases.map((c, i) => [c.id, i]));
  const expertIndex = new Map(panel.experts.map((e, i) => [e.id, i]));
  const roundIndex = new Map(ROUND_IDS.map((r, i) => [r, i]));
  const roundCases = ROUND_IDS.map((r) => new Set(panel.rounds[r].cases));
  const roundExperts = ROUND_IDS.map((r) => new Set(panel.rounds[r].experts));
  const bandText = new Map(items.map((it) => [it.id, bandSummary(it, lang)]));
  const groupItems = rubric.groups.map((g) => g.items.map((id) => itemIndex.get(id)!));
  const bonusById = new Map<string, BonusClause>();
  for (const b of rubric.bonuses) if (!bonusById.has(b.id)) bonusById.set(b.id, b);

  // Every accepted score is a multiple of the step, so a whole number of units of a scale holding the step; the
  // outlier limit is held exactly on the same scale.
  const scale = DecimalScale.covering(policy.scoreStep, policy.outlierPoints);
  const judge = new ScoreJudge(items, policy.scoreStep, scale);
  const outlierLimit = scale.unitsOf(policy.outlierPoints)!;
  const stepText = policy.scoreStep.toString();

  const out: Sortable[] = [];
  const errorCases = new Set<string>();
  const troubled = new Set<string>(); // round|case pairs with an error entry
  // Per round index and case index: the experts who recused, and the accepted entries.
  const recusals: (Set<string> | undefined)[][] = ROUND_IDS.map(() => panel.cases.map(() => undefined));
  const accepted: Accepted[][][] = ROUND_IDS.map(() => panel.cases.map(() => []));
  const scored: ScoredEntry[] = [];
  const seen = new Set<number | string>();

  /** Findings are kept with a sort key (case, round, expert, item, entry) so the output order is stable. */
  const push = (finding: Finding, entryIndex: number): void => {
    const ci = finding.case !== null && caseIndex.has(finding.case) ? caseIndex.get(finding.case)! : panel.cases.length;
    const ri = finding.round ? roundIndex.get(finding.round)! : -1;
    const ei = finding.expert === null ? -1 : (expertIndex.get(finding.expert) ?? panel.experts.length);
    const ii =
      finding.item === undefined
        ? -1
        : (itemIndex.get(finding.item) ?? (rubric.groups.some((g) => g.id === finding.item) ? -1 : items.length));
    out.push({ finding, key: [ci, ri, ei, ii, entryIndex] });
    if (finding.severity === 'error' && finding.case !== null && caseIndex.has(finding.case)) {
      errorCases.add(finding.case);
      if (finding.round) troubled.add(`${finding.round}|${finding.case}`);
    }
  };
  const add = (
    code: FindingCode,
    ctx: MessageContext,
    extra: { item?: string; cell?: string; entryIndex?: number },
  ): void => push(makeFinding(code, ctx, extra, lang), extra.entryIndex ?? -1);

  for (const f of options.extra ?? []) push(f, -1);

  // Subtotals are nodes of one tree of exact sums (sums.ts): a combination of scores seen before costs no arithmetic.
  const zero = Sum.zero(scale);
  // The accepted item scores of the entry being read, by item index; reused from entry to entry.
  const itemScores: Summand[] = items.map(() => zero);

  /** Validates one entry; an accepted one is added to its round and case. */
  const readEntry = (entry: ScoreEntry, entryIndex: number): void => {
    const rowCell = entry.cells?.row;
    const ri = roundIndex.get(entry.round)!;
    const ci = caseIndex.get(entry.case);
    const ei = expertIndex.get(entry.expert);
    // An entry is (round, expert, case); with known ids that is one number (an index), cheaper to hash than text.
    const key =
      ci !== undefined && ei !== undefined
        ? (ri * panel.experts.length + ei) * panel.cases.length + ci
        : `${entry.round}|${entry.expert}|${entry.case}`;
    if (seen.has(key)) {
      add('duplicate-entry', who(entry), { cell: rowCell, entryIndex });
      return;
    }
    seen.add(key);

    let ok = true;
    if (ci === undefined) {
      add('unknown-case', who(entry), { cell: rowCell, entryIndex });
      ok = false;
    }
    if (ei === undefined) {
      add('unknown-expert', who(entry), { cell: rowCell, entryIndex });
      ok = false;
    }
    if (ci !== undefined && ei !== undefined) {
      if (!roundExperts[ri].has(entry.expert)) {
        add('not-assigned', who(entry), { cell: rowCell, entryIndex });
        ok = false;
      }
      if (!roundCases[ri].has(entry.case)) {
        add('not-in-round', who(entry), { cell: rowCell, entryIndex });
        ok = false;
      }
    }
    if (entry.recused) {
      if (ok) (recusals[ri][ci!] ??= new Set()).add(entry.expert);
      return;
    }

    const values: Record<string, Decimal> = {};
    const keys = Object.keys(entry.items);
    let known = 0;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      const raw = Object.prototype.hasOwnProperty.call(entry.items, item.id) ? entry.items[item.id] : undefined;
      if (raw !== undefined) known++;
      const judged = judge.judge(k, raw);
      if (judged.problem === null) {
        values[item.id] = judged.value;
        itemScores[k] = judged;
        continue;
      }
      const ictx: MessageContext = {
        ...who(entry),
        itemName: item.name[lang],
        value: displayValue(raw),
        max: item.max,
        bands: bandText.get(item.id),
        step: stepText,
      };
      add(judged.problem, ictx, { item: item.id, cell: entry.cells?.items[item.id] ?? rowCell, entryIndex });
      ok = false;
    }
    // Keys beyond the rubric's own are unknown items; they are looked for only when there are any.
    if (keys.length > known) {
      for (const key of keys) {
        if (itemIndex.has(key)) continue;
        add(
          'unknown-item',
          { ...who(entry), itemName: key },
          { item: key, cell: entry.cells?.items[key] ?? rowCell, entryIndex },
        );
        ok = false;
      }
    }
    if (!ok) return;

    const groups: Record<string, Decimal> = {};
    // Totals are too varied to share like subtotals: they are added up directly, a few BigInt additions.
    let total = 0n;
    for (let gi = 0; gi < rubric.groups.length; gi++) {
      let subtotal = zero;
      for (const k of groupItems[gi]) subtotal = subtotal.plus(itemScores[k]);
      groups[rubric.groups[gi].id] = subtotal.value;
      total += subtotal.units;
    }
    const se: ScoredEntry = {
      round: entry.round,
      expert: entry.expert,
      case: entry.case,
      total: scale.toDecimal(total),
      groups,
      items: values,
    };
    accepted[ri][ci!].push({ scored: se, expert: ei!, units: total, ...(rowCell ? { cell: rowCell } : {}) });
    scored.push(se);

    for (const bonusId of panel.cases[ci!].bonus) {
      const clause = bonusById.get(bonusId);
      if (!clause) continue;
      const value = clause.targetKind === 'group' ? groups[clause.target] : values[clause.target];
      if (value.lt(clause.min)) {
        const targetName =
          clause.targetKind === 'group'
            ? rubric.groups.find((g) => g.id === clause.target)!.name[lang]
            : items[itemIndex.get(clause.target)!].name[lang];
        add(
          'bonus-band',
          {
            ...who(entry),
            bonus: clause.label[lang],
            itemName: targetName,
            value: value.toString(),
            min: clause.min,
            max: clause.max,
          },
          {
            item: clause.target,
            cell: clause.targetKind === 'item' ? (entry.cells?.items[clause.target] ?? rowCell) : rowCell,
            entryIndex,
          },
        );
      }
    }
  };
  panel.scores.forEach(readEntry);

  const cases: CaseResult[] = panel.cases.map((c, ci) => {
    const rounds: Partial<Record<RoundId, RoundStat>> = {};
    let incomplete = false;
    let inEveryRound = true;
    for (const [ri, rid] of ROUND_IDS.entries()) {
      if (!roundCases[ri].has(c.id)) {
        inEveryRound = false;
        continue;
      }
      const experts = panel.rounds[rid].experts;
      const recusedHere = recusals[ri][ci];
      const entries = accepted[ri][ci];
      if (!inExpertOrder(entries)) entries.sort((a, b) => a.expert - b.expert);
      const scoredBy = new Set<string>();
      for (const e of entries) scoredBy.add(e.scored.expert);
      // In the round's order of experts: who recused, who may score, and who of those has not scored yet.
      const recused: string[] = [];
      const eligible: string[] = [];
      const missing: string[] = [];
      for (const e of experts) {
        if (recusedHere?.has(e)) recused.push(e);
        else {
          eligible.push(e);
          if (!scoredBy.has(e)) missing.push(e);
        }
      }
      if (experts.length > 0 && eligible.length === 0 && c.formalReview === 'passed') {
        add('no-eligible-expert', { round: rid, expert: null, case: c.id }, {});
      }
      if (experts.length === 0 || missing.length > 0) incomplete = true;
      const totals = new RoundTotals(scale, entries.map(totalUnits));
      for (const i of totals.outliers(outlierLimit)) {
        const e = entries[i];
        const others = Ratio.fraction(scale.toDecimal(totals.sum - e.units), totals.n - 1);
        add(
          'outlier',
          {
            round: rid,
            expert: e.scored.expert,
            case: c.id,
            total: e.scored.total.toString(),
            othersMean: fixed(others.roundHalfUp(policy.decimals), policy.decimals),
            limit: policy.outlierPoints.toString(),
          },
          e.cell ? { cell: e.cell } : {},
        );
      }
      const usable = missing.length === 0 && eligible.length > 0 && !troubled.has(`${rid}|${c.id}`);
      rounds[rid] = {
        n: totals.n,
        mean: usable ? totals.mean(policy.aggregate) : null,
        sd: totals.standardDeviation(),
        span: totals.span(),
        eligible: eligible.length,
        recused,
        missing,
        totals: entries.map(expertTotal),
      };
    }

    let status: CaseStatus;
    if (c.formalReview !== 'passed') status = 'excluded';
    else if (errorCases.has(c.id)) status = 'invalid';
    else if (incomplete) status = 'incomplete';
    else if (!inEveryRound) status = 'not-advanced';
    else status = 'graded';

    if (status !== 'graded') return { id: c.id, status, rounds, exact: null, score: null, grade: null };
    const exact = ROUND_IDS.reduce((s, rid) => s.plus(rounds[rid]!.mean!.times(panel.rounds[rid].weight)), Ratio.zero);
    const score = exact.roundHalfUp(policy.decimals);
    const grade = gradeOf(policy.gradeOn === 'exact' ? exact : score);
    return { id: c.id, status, rounds, exact, score, grade };
  });

  out.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
    return 0;
  });
  return { cases, findings: out.map((s) => s.finding), scored };
}

/** Label of a round for people. */
export function roundLabel(round: RoundId, lang: Lang): string {
  return ROUND_NAMES[round][lang];
}
