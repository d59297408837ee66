import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Panel } from '../core/panel/types';
import { ROUND_IDS } from '../core/panel/types';

/**
 * A fingerprint of everything the results depend on: settings, registers and every score as typed. Recorded in
 * 操作日志 so an auditor can tell whether the inputs changed since the last computation.
 */
const COLLATOR = new Intl.Collator();

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
      .map((s) => ({
        key: `${s.round}|${s.expert}|${s.case}`,
        entry: { round: s.round, expert: s.expert, case: s.case, recused: s.recused, items: s.items },
      }))
      // A collator compares as localeCompare does, without setting itself up again for each of 80,000 pairs.
      .sort((a, b) => COLLATOR.compare(a.key, b.key))
      .map((x) => x.entry),
  };
  return fingerprintOf(canonical);
}

export function fingerprintOf(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(stableJson(value)))).slice(0, 32);
}

/** JSON with object keys in sorted order, so equal values give equal text whatever order they were built in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + stableJson(value[i]);
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    let out = '{';
    let first = true;
    for (const [k, quoted] of sortedKeys(o)) {
      const v = o[k];
      if (v === undefined) continue;
      out += `${first ? '' : ','}${quoted}:${typeof v === 'number' ? numberJson(v) : stableJson(v)}`;
      first = false;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** JSON.stringify of a number: its shortest text, null when it is not finite. */
function numberJson(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/**
 * An object's keys sorted, each with its JSON text. The tens of thousands of score entries of a panel share a
 * handful of key sets, so each set is sorted and quoted once.
 */
const KEY_ORDERS = new Map<string, [string, string][]>();

function sortedKeys(o: Record<string, unknown>): [string, string][] {
  const keys = Object.keys(o);
  const signature = keys.join('\u0000');
  let order = KEY_ORDERS.get(signature);
  if (!order) {
    order = [...keys].sort().map((k) => [k, JSON.stringify(k)]);
    if (KEY_ORDERS.size < 10_000) KEY_ORDERS.set(signature, order);
  }
  return order;
}
