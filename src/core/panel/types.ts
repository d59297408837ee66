import type { Decimal } from '../exact/decimal';
import type { Rubric } from '../rubric/types';

export const ROUND_IDS = ['initial', 'review', 'final'] as const;
export type RoundId = (typeof ROUND_IDS)[number];

export const ROUND_NAMES: Record<RoundId, { zh: string; en: string }> = {
  initial: { zh: '初评', en: 'Initial' },
  review: { zh: '复评', en: 'Review' },
  final: { zh: '终评', en: 'Final' },
};

/** The standard's round weights (8.2): 20% / 20% / 60%. */
export const DEFAULT_WEIGHTS: Record<RoundId, string> = { initial: '0.2', review: '0.2', final: '0.6' };

export type GradeOn = 'rounded' | 'exact';
export type Aggregate = 'mean' | 'trimmed';

export interface Policy {
  decimals: number;
  gradeOn: GradeOn;
  aggregate: Aggregate;
  scoreStep: Decimal;
  outlierPoints: Decimal;
}

/** 规范性审核 (9.1.3): passed, failed, or pending a one-time correction (限期补正); only passed cases are evaluated. */
/** 规范性审核 (9.1.3): passed, failed, a correction granted (限期补正), or not reviewed yet (no result recorded). */
export type FormalReview = 'passed' | 'failed' | 'pending' | 'unreviewed';

export interface CaseInfo {
  id: string;
  name: string;
  applicant: string;
  category: string;
  bonus: string[];
  formalReview: FormalReview;
}

export interface ExpertInfo {
  id: string;
  name: string;
  organization: string;
  fields: string[];
  /** Cases the expert declared a conflict with (E.1): always recused from them. */
  conflicts: string[];
}

export interface RoundSetup {
  id: RoundId;
  /** False when the panel does not have this round at all (it then has no cases). */
  present: boolean;
  experts: string[];
  cases: string[];
  weight: Decimal;
}

/** Where an entry came from in a workbook, so findings can name the cell. */
export interface EntryCells {
  /** The cell that stands for the whole row (the case id or the total). */
  row?: string;
  items: Record<string, string>;
}

/**
 * One expert's scores for one case in one round, as typed: item values are whatever the source held (a number,
 * text, a boolean, an error value, or nothing) and are judged by the engine, not by the reader.
 */
export interface ScoreEntry {
  round: RoundId;
  expert: string;
  case: string;
  recused: boolean;
  items: Record<string, unknown>;
  /** The expert recommends the case for the next round (9.2); absent when not said. */
  recommend?: boolean;
  /** The expert's remarks on the case (评审意见); absent when none were written. */
  comment?: string;
  cells?: EntryCells;
}

/** A calendar range for the notice period: public holidays, or weekend days that are working days (调休上班). */
export interface CalendarRange {
  from: string;
  to: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** How the public and applicants reach the office about the notice (公示) and objections (9.4.2). */
export interface OfficeContact {
  address: string;
  telephone: string;
  person: string;
}

/**
 * The office's particulars the documents it sends carry, and what the notice (公示) needs beyond the scores; all
 * optional in a panel file.
 */
export interface NoticeSettings {
  organizer: string;
  /** First day the notice may start, YYYY-MM-DD. */
  start: string | null;
  workingDays: number;
  calendar: CalendarRange[];
  contact: OfficeContact;
  /** The date the notice is signed and published (公示发布日期), YYYY-MM-DD; by default its first day. */
  date: string | null;
  /** The date the final results are released (结果发布日期), YYYY-MM-DD; by default the day of the release. */
  releaseDate: string | null;
  /** Certificate numbers, with {年份}, {等级} and {序号} (three digits, or {序号:N} for N). */
  certificatePattern: string;
}

/** Certificate numbers as the workbook has always issued them: CEEAS-2027-1-001 (一等 1, 二等 2, 三等 3). */
export const DEFAULT_CERTIFICATE_PATTERN = 'CEEAS-{年份}-{等级}-{序号}';

export interface Panel {
  title: string;
  notice: NoticeSettings;
  policy: Policy;
  rubric: Rubric;
  cases: CaseInfo[];
  experts: ExpertInfo[];
  rounds: Record<RoundId, RoundSetup>;
  scores: ScoreEntry[];
}
