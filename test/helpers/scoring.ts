import {
  evaluate,
  parsePanel,
  toScoreJson,
  type Evaluation,
  type Finding,
  type Panel,
  type Rubric,
  type ScoreJson,
} from '../../src/core';
import type { RawPanel } from './panels';

export interface Scored {
  panel: Panel;
  evaluation: Evaluation;
  json: ScoreJson;
}

/** Parses and evaluates a raw panel object the way `ceeas score` does. */
export function scoreRaw(raw: unknown, options: { rubric?: Rubric } = {}): Scored {
  const panel = parsePanel(raw, options);
  const evaluation = evaluate(panel);
  return { panel, evaluation, json: toScoreJson(panel, evaluation) };
}

export type CaseJson = ScoreJson['cases'][number];

export function caseOf(json: ScoreJson, id: string): CaseJson {
  const c = json.cases.find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id} in the result`);
  return c;
}

export function findingsWith(json: ScoreJson, code: string): Finding[] {
  return json.findings.filter((f) => f.code === code);
}

/** The score entry of an expert for a case in a round; tests mutate it in place. */
export function entryOf(raw: RawPanel, round: string, expert: string, caseId: string): Record<string, unknown> {
  const e = raw.scores.find((s) => s.round === round && s.expert === expert && s.case === caseId);
  if (!e) throw new Error(`no entry ${round}/${expert}/${caseId}`);
  return e;
}

export function itemsOf(entry: Record<string, unknown>): Record<string, unknown> {
  return entry.items as Record<string, unknown>;
}

/** Drops every entry matching the filter (a case leaving a round, an expert who has not scored yet). */
export function dropEntries(raw: RawPanel, keep: (e: Record<string, unknown>) => boolean): void {
  raw.scores = raw.scores.filter(keep);
}

/** Replaces an entry by a recusal, as the secretariat records it. */
export function recuse(raw: RawPanel, round: string, expert: string, caseId: string): void {
  const e = entryOf(raw, round, expert, caseId);
  delete e.items;
  e.recused = true;
}
