import type { Decimal } from '../exact/decimal';
import type { Ratio } from '../exact/ratio';
import type { RoundId } from '../panel/types';
import type { Finding, Lang } from './findings';
import type { Grade } from './grade';

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
