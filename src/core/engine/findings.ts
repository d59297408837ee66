import type { RoundId } from '../panel/types';

export type Severity = 'error' | 'warning';

export const FINDING_CODES = [
  'not-a-number',
  'out-of-range',
  'bad-step',
  'missing-item',
  'unknown-item',
  'duplicate-entry',
  'not-assigned',
  'not-in-round',
  'unknown-case',
  'unknown-expert',
  'no-eligible-expert',
  'bonus-band',
  'outlier',
  // From workbooks: an expert sheet whose structure was changed by hand.
  'formula-changed',
  'formula-in-input',
  'sheet-mismatch',
  'missing-sheet',
  // From the registers: a category or bonus clause the standard does not have.
  'unknown-category',
  'unknown-bonus',
  // From the audit of a workbook.
  'protection-removed',
  'validation-changed',
  'results-stale',
  'audit-mismatch',
  'inputs-changed',
  'log-tampered',
  'never-computed',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const SEVERITY: Record<FindingCode, Severity> = {
  'not-a-number': 'error',
  'out-of-range': 'error',
  'bad-step': 'error',
  'missing-item': 'error',
  'unknown-item': 'error',
  'duplicate-entry': 'error',
  'not-assigned': 'error',
  'not-in-round': 'error',
  'unknown-case': 'error',
  'unknown-expert': 'error',
  'no-eligible-expert': 'error',
  'bonus-band': 'warning',
  outlier: 'warning',
  'formula-changed': 'error',
  'formula-in-input': 'error',
  'sheet-mismatch': 'error',
  'missing-sheet': 'warning',
  'unknown-category': 'warning',
  'unknown-bonus': 'warning',
  'protection-removed': 'error',
  'validation-changed': 'error',
  'results-stale': 'error',
  'audit-mismatch': 'error',
  'inputs-changed': 'error',
  'log-tampered': 'error',
  'never-computed': 'warning',
};

/** A validation result (SPEC section 5). `cell` is `Sheet!A1` when the input came from a workbook. */
export interface Finding {
  severity: Severity;
  code: string;
  round: RoundId | null;
  expert: string | null;
  case: string | null;
  item?: string;
  cell?: string;
  message: string;
}

export type Lang = 'zh' | 'en';
