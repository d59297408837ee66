import { Decimal, fixed, toDecimal } from '../exact/decimal';
import { Ratio } from '../exact/ratio';
import { bandSummary, orderedItems } from '../rubric/lookup';
import type { RubricItem } from '../rubric/types';
import { ROUND_IDS, ROUND_NAMES, type Panel, type RoundId, type ScoreEntry } from '../panel/types';
import type { Finding, FindingCode, Lang } from './findings';
import { gradeOf, type Grade } from './grade';
import { makeFinding } from './makeFinding';
import type { MessageContext } from './messages';
import { isOutlier, roundMean, span, standardDeviation } from './stats';

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
 * Validates every entry, aggregates round means and computes S and the grade of every case (SPEC sections 4
 * and 5). Pure and deterministic: the result does not depend on the order of experts or entries, except that the
 * first of two duplicate entries stands.
 */
export function evaluate(panel: Panel, options: EvaluateOptions = {}): Evaluation {
  const lang = options.lang ?? 'zh';
  const { policy, rubric } = panel;
  const items = orderedItems(rubric);
  const itemIndex = new Map(items.map((it, i) => [it.id, i]));
  const caseIndex = new Map(panel.cases.map((c, i) => [c.id, i]));
  const expertIndex = new Map(panel.experts.map((e, i) => [e.id, i]));
  const roundIndex = new Map(ROUND_IDS.map((r, i) => [r, i]));
  const roundCases = new Map(ROUND_IDS.map((r) => [r, new Set(panel.rounds[r].cases)]));
  const roundExperts = new Map(ROUND_IDS.map((r) => [r, new Set(panel.rounds[r].experts)]));
  const bandText = new Map(items.map((it) => [it.id, bandSummary(it, lang)]));

  const stepText = policy.scoreStep.toString();
  // Panels repeat the same few scores thousands of times: each distinct (item, number) is judged and converted to a
  // Decimal once, which keeps the engine exact and fast.
  const judgements = new Map<string, Map<number, { problem: FindingCode | null; value: Decimal | null }>>();
  const judge = (item: RubricItem, raw: unknown): { problem: FindingCode | null; value: Decimal | null } => {
    if (typeof raw !== 'number') return { problem: checkItem(raw, item, policy.scoreStep), value: null };
    let byValue = judgements.get(item.id);
    if (!byValue) judgements.set(item.id, (byValue = new Map()));
    let j = byValue.get(raw);
    if (!j) {
      const problem = checkItem(raw, item, policy.scoreStep);
      j = { problem, value: problem ? null : toDecimal(raw) };
      byValue.set(raw, j);
    }
    return j;
  };

  // A group has three or four items with a few possible scores each, so its subtotals repeat across a panel: each
  // distinct combination is added up (in Decimal) once.
  const groupSums = new Map<string, Decimal>();
  const groupSum = (
    group: string,
    ids: string[],
    values: Record<string, Decimal>,
    raw: Record<string, unknown>,
  ): Decimal => {
    let key = group;
    for (const id of ids) key += `|${raw[id] as number}`;
    let sum = groupSums.get(key);
    if (!sum) {
      sum = ids.slice(1).reduce((a, id) => a.plus(values[id]), values[ids[0]]);
      groupSums.set(key, sum);
    }
    return sum;
  };

  const out: Sortable[] = [];
  const errorCases = new Set<string>();
  const troubled = new Set<string>(); // round|case pairs with an error entry
  const recusals = new Map<string, Set<string>>(); // round|case → experts
  const accepted = new Map<string, ScoredEntry[]>(); // round|case → entries
  const scored: ScoredEntry[] = [];
  const seen = new Set<string>();

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

  panel.scores.forEach((entry: ScoreEntry, entryIndex) => {
    const ctx: MessageContext = { round: entry.round, expert: entry.expert, case: entry.case };
    const rowCell = entry.cells?.row;
    const key = `${entry.round}|${entry.expert}|${entry.case}`;
    if (seen.has(key)) {
      add('duplicate-entry', ctx, { cell: rowCell, entryIndex });
      return;
    }
    seen.add(key);

    let ok = true;
    const caseKnown = caseIndex.has(entry.case);
    const expertKnown = expertIndex.has(entry.expert);
    if (!caseKnown) {
      add('unknown-case', ctx, { cell: rowCell, entryIndex });
      ok = false;
    }
    if (!expertKnown) {
      add('unknown-expert', ctx, { cell: rowCell, entryIndex });
      ok = false;
    }
    if (caseKnown && expertKnown) {
      if (!roundExperts.get(entry.round)!.has(entry.expert)) {
        add('not-assigned', ctx, { cell: rowCell, entryIndex });
        ok = false;
      }
      if (!roundCases.get(entry.round)!.has(entry.case)) {
        add('not-in-round', ctx, { cell: rowCell, entryIndex });
        ok = false;
      }
    }
    const rc = `${entry.round}|${entry.case}`;
    if (entry.recused) {
      if (ok) {
        if (!recusals.has(rc)) recusals.set(rc, new Set());
        recusals.get(rc)!.add(entry.expert);
      }
      return;
    }

    const values: Record<string, Decimal> = {};
    for (const key of Object.keys(entry.items)) {
      if (!itemIndex.has(key)) {
        add(
          'unknown-item',
          { ...ctx, itemName: key },
          { item: key, cell: entry.cells?.items[key] ?? rowCell, entryIndex },
        );
        ok = false;
      }
    }
    for (const item of items) {
      const raw = Object.prototype.hasOwnProperty.call(entry.items, item.id) ? entry.items[item.id] : undefined;
      const judged = judge(item, raw);
      if (judged.problem) {
        const ictx: MessageContext = {
          ...ctx,
          itemName: item.name[lang],
          value: displayValue(raw),
          max: item.max,
          bands: bandText.get(item.id),
          step: stepText,
        };
        add(judged.problem, ictx, { item: item.id, cell: entry.cells?.items[item.id] ?? rowCell, entryIndex });
        ok = false;
      } else {
        values[item.id] = judged.value!;
      }
    }
    if (!ok) return;

    const groups: Record<string, Decimal> = {};
    let total: Decimal | null = null;
    for (const g of rubric.groups) {
      groups[g.id] = groupSum(g.id, g.items, values, entry.items);
      total = total === null ? groups[g.id] : total.plus(groups[g.id]);
    }
    const se: ScoredEntry = {
      round: entry.round,
      expert: entry.expert,
      case: entry.case,
      total: total ?? new Decimal(0),
      groups,
      items: values,
    };
    if (!accepted.has(rc)) accepted.set(rc, []);
    accepted.get(rc)!.push(se);
    scored.push(se);

    const c = panel.cases[caseIndex.get(entry.case)!];
    for (const bonusId of c.bonus) {
      const clause = rubric.bonuses.find((b) => b.id === bonusId);
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
            ...ctx,
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
  });

  const cases: CaseResult[] = panel.cases.map((c) => {
    const rounds: Partial<Record<RoundId, RoundStat>> = {};
    let incomplete = false;
    let inEveryRound = true;
    for (const rid of ROUND_IDS) {
      if (!roundCases.get(rid)!.has(c.id)) {
        inEveryRound = false;
        continue;
      }
      const rc = `${rid}|${c.id}`;
      const experts = panel.rounds[rid].experts;
      const recused = experts.filter((e) => recusals.get(rc)?.has(e));
      const eligible = experts.filter((e) => !recusals.get(rc)?.has(e));
      const entries = [...(accepted.get(rc) ?? [])].sort(
        (a, b) => expertIndex.get(a.expert)! - expertIndex.get(b.expert)!,
      );
      const scoredBy = new Set(entries.map((e) => e.expert));
      const missing = eligible.filter((e) => !scoredBy.has(e));
      if (experts.length > 0 && eligible.length === 0 && c.formalReview === 'passed') {
        add('no-eligible-expert', { round: rid, expert: null, case: c.id }, {});
      }
      if (experts.length === 0 || missing.length > 0) incomplete = true;
      const totals = entries.map((e) => e.total);
      const sum = totals.reduce((a, t) => a.plus(t), new Decimal(0));
      for (const e of entries) {
        if (isOutlier(e.total, sum, totals.length, policy.outlierPoints)) {
          const others = Ratio.fraction(sum.minus(e.total), totals.length - 1);
          add(
            'outlier',
            {
              round: rid,
              expert: e.expert,
              case: c.id,
              total: e.total.toString(),
              othersMean: fixed(others.roundHalfUp(policy.decimals), policy.decimals),
              limit: policy.outlierPoints.toString(),
            },
            {},
          );
        }
      }
      const usable = missing.length === 0 && eligible.length > 0 && !troubled.has(rc);
      rounds[rid] = {
        n: totals.length,
        mean: usable ? roundMean(totals, policy.aggregate) : null,
        sd: standardDeviation(totals),
        span: span(totals),
        eligible: eligible.length,
        recused,
        missing,
        totals: entries.map((e) => ({ expert: e.expert, total: e.total })),
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

function checkItem(raw: unknown, item: RubricItem, step: Decimal): FindingCode | null {
  if (raw === undefined || raw === null || raw === '') return 'missing-item';
  if (typeof raw !== 'number') return 'not-a-number';
  const d = toDecimal(raw);
  if (d === null) return 'not-a-number';
  if (d.isNegative() || d.gt(item.max)) return 'out-of-range';
  if (!d.mod(step).isZero()) return 'bad-step';
  return null;
}

/** Label of a round for people. */
export function roundLabel(round: RoundId, lang: Lang): string {
  return ROUND_NAMES[round][lang];
}
