import type { RoundId } from '../../core/panel/types';
import type { DrawOptions } from '../../core/draw/drawExperts';

// What the task pane asks of its host. The pane only knows this interface: in Excel it is backed by Office.js
// (officeActions.ts), in tests by a fake. Every method resolves with something to show, or rejects with an Error
// whose message is a sentence for the clerk.

/** One finding as the pane shows it (SPEC 5); `cell` is `Sheet!A1` when the finding points at a cell. */
export interface FindingView {
  severity: 'error' | 'warning';
  message: string;
  cell?: string;
  code?: string;
}

export interface ActionResult {
  /** One sentence saying what was done. */
  message: string;
  findings?: FindingView[];
}

/** A scoring sheet created for an expert, so the pane can offer it for export. */
export interface ExpertSheetRef {
  round: RoundId;
  expert: string;
  sheet: string;
}

export interface GenerateResult extends ActionResult {
  sheets: ExpertSheetRef[];
}

export interface SetUpResult extends ActionResult {
  /** A password generated for a new workbook, shown once so the secretariat can keep it. */
  password?: string;
}

/** What the pane asks of a draw: the engine's own options (5.2.3). */
export type DrawRequest = DrawOptions;

/** One case's result as the pane lists it after 计算等级. */
export interface CaseResultView {
  id: string;
  name: string;
  score: string | null;
  grade: string | null;
  status: string;
}

export interface ComputeView extends ActionResult {
  results: CaseResultView[];
  /** How many cases got each grade. */
  grades: Record<string, number>;
  /** How far each round's experts agree (the engine's JSON `agreement`); absent from older hosts. */
  agreement?: import('../../core/report/scoreJson').AgreementJson;
}

/** Where the evaluation stands (src/workbook/status.ts), as the 进度 tab shows it. */
export interface ProgressView extends ActionResult {
  status: import('../../workbook/status').EvaluationStatus;
}

export type AdvanceRequest = { kind: 'top'; n: number } | { kind: 'threshold'; min: string } | { kind: 'majority' };

export interface TaskpaneActions {
  /** Creates Appendix B and the registers in the open workbook, keeping every sheet it finds. */
  setUpWorkbook(title: string): Promise<SetUpResult>;
  /** Appends cases or experts from a CSV file to their register. */
  importRegister(kind: 'cases' | 'experts', file: File): Promise<ActionResult>;
  /** Appendix C: a case's application form as a sheet of its own. */
  addApplicationForm(caseId: string): Promise<ActionResult>;
  /** Table B.1 for one case from one expert's row, to print and sign. */
  addScoreForm(round: RoundId, expert: string, caseId: string): Promise<ActionResult>;
  /** 规范性审核: each case's result from its checklist. */
  reviewCases(): Promise<ActionResult>;
  /** Draws a round's experts reproducibly from the pool. */
  drawExperts(request: DrawRequest): Promise<ActionResult>;
  /** Creates one scoring sheet per expert of the round (sheets holding scores are kept). */
  generateExpertSheets(round: RoundId): Promise<GenerateResult>;
  /** Saves one expert's scoring sheet as a workbook of its own (a download). */
  exportExpertWorkbook(round: RoundId, expert: string): Promise<ActionResult>;
  /** Reads returned expert workbooks and writes their scores into the matching sheets. */
  collectWorkbooks(files: File[]): Promise<ActionResult>;
  /** Marks the cases that go on from a round to the next. */
  advanceRound(from: RoundId, rule: AdvanceRequest): Promise<ActionResult>;
  computeGrades(): Promise<ComputeView>;
  /** Where the evaluation stands: registers, each round, the last computation, the notice, the next step. */
  progress(): Promise<ProgressView>;
  makeNotices(): Promise<ActionResult>;
  /** Acceptance of the objections registered in 异议登记 (9.4.2). */
  reviewObjections(): Promise<ActionResult>;
  /** 结果发布 (9.4.4), once the notice period is over and every objection is closed. */
  releaseResults(): Promise<ActionResult>;
  /** Read-only checks of the workbook. */
  audit(): Promise<ActionResult>;
  /** 评分明细: every score entry as a CSV or a workbook (a download); internal. */
  exportScores(format: 'csv' | 'xlsx'): Promise<ActionResult>;
  /** Activates the sheet and selects the cell of an address such as `'初评-E01'!F7`. */
  selectCell(address: string): Promise<void>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function findingOf(v: unknown): FindingView | null {
  if (!isRecord(v) || typeof v.message !== 'string') return null;
  return {
    severity: v.severity === 'warning' ? 'warning' : 'error',
    message: v.message,
    ...(typeof v.cell === 'string' && v.cell ? { cell: v.cell } : {}),
    ...(typeof v.code === 'string' ? { code: v.code } : {}),
  };
}

/**
 * Whatever a host action resolved with, as an ActionResult: its `message` (or `fallback`) and the findings it
 * carries (`findings`, or `json.findings` as the compute command reports them).
 */
export function toActionResult(value: unknown, fallback: string): ActionResult {
  if (!isRecord(value)) return { message: typeof value === 'string' && value ? value : fallback };
  const list = Array.isArray(value.findings)
    ? value.findings
    : isRecord(value.json) && Array.isArray(value.json.findings)
      ? value.json.findings
      : undefined;
  const findings = list?.map(findingOf).filter((f): f is FindingView => f !== null);
  return {
    message: typeof value.message === 'string' && value.message ? value.message : fallback,
    ...(findings ? { findings } : {}),
  };
}

/** The text of anything thrown, for a message bar. */
export function errorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === 'string' && e) return e;
  return String(e);
}
