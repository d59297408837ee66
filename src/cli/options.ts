import { ROUND_IDS, ROUND_NAMES, type RoundId } from '../core/panel/types';
import { UsageError } from './usageError';

// Option values several commands share, each refused in one sentence in both languages.

/** What an option is called in each language's refusal. */
type What = { zh: string; en: string };

export function nonNegativeInt(text: string, what: What): number {
  if (!/^\d+$/.test(text))
    throw new UsageError(
      `${what.zh}应为 0 或正整数，实为“${text}”。`,
      `${what.en} must be 0 or a positive whole number, not "${text}".`,
    );
  return Number(text);
}

export function positiveInt(text: string, what: What): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(
      `${what.zh}应为正整数，实为“${text}”。`,
      `${what.en} must be a positive whole number, not "${text}".`,
    );
  return Number(text);
}

/** The round a --round option names, in either language. */
export function roundOption(text: string): RoundId {
  const round = ROUND_IDS.find((r) => r === text || ROUND_NAMES[r].zh === text);
  if (!round)
    throw new UsageError(
      `不认识的轮次“${text}”，可用 initial、review、final（或 初评、复评、终评）。`,
      `Unknown round "${text}"; use initial, review or final.`,
    );
  return round;
}
