// The pure core: rubric as data, the panel model, validation and exact aggregation. No Office, no files.
export * from './exact/decimal';
export { Ratio } from './exact/ratio';
export * from './rubric';
export * from './panel/types';
export { DEFAULT_POLICY, PanelError, parsePanel, parsePolicy } from './panel/parsePanel';
export * from './engine/findings';
export { makeFinding } from './engine/makeFinding';
export type { MessageContext } from './engine/messages';
export * from './engine/grade';
export {
  evaluate,
  type CaseResult,
  type CaseStatus,
  type EvaluateOptions,
  type Evaluation,
  type RoundStat,
  type ScoredEntry,
} from './engine/evaluate';
export * from './engine/stats';
export { agreementOf, type Agreement, type ExpertLeniency, type RoundAgreement } from './engine/agreement';
export { toScoreJson, type AgreementJson, type ScoreJson } from './report/scoreJson';
