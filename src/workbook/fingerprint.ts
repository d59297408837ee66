import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Panel } from '../core/panel/types';
import { ROUND_IDS } from '../core/panel/types';

/**
 * A fingerprint of everything the results depend on: settings, registers and every score as typed. Recorded in
 * 操作日志 so an auditor can tell whether the inputs changed since the last computation.
 */
export function inputFingerprint(panel: Panel): string {
  const canonical = {
    title: panel.title,
    policy: {
      ...panel.policy,
      scoreStep: panel.policy.scoreStep.toString(),
      outlierPoints: panel.policy.outlierPoints.toString(),
    },
    cases: panel.cases,
    experts: panel.experts,
    rounds: ROUND_IDS.map((r) => ({ ...panel.rounds[r], weight: panel.rounds[r].weight.toString() })),
    scores: panel.scores
      .map((s) => ({ round: s.round, expert: s.expert, case: s.case, recused: s.recused, items: s.items }))
      .sort((a, b) => `${a.round}|${a.expert}|${a.case}`.localeCompare(`${b.round}|${b.expert}|${b.case}`)),
  };
  return fingerprintOf(canonical);
}

export function fingerprintOf(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(stableJson(value)))).slice(0, 32);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
