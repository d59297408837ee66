import { fixed } from '../core/exact/decimal';
import { evaluate, type Evaluation } from '../core/engine/evaluate';
import type { Lang } from '../core/engine/findings';
import type { Panel } from '../core/panel/types';
import { noticePeriod } from '../core/calendar/workingDays';
import { toScoreJson, type ScoreJson } from '../core/report/scoreJson';
import type { Rubric } from '../core/rubric/types';
import { fingerprintOf, inputFingerprint } from './fingerprint';
import type { SheetSpec, WorkbookData } from './model';
import { readEvaluationWorkbook } from './read/readEvaluationWorkbook';
import { auditSheet } from './sheets/auditSheet';
import { agreementSheet } from './sheets/agreementSheet';
import { gradesSheet } from './sheets/gradesSheet';
import { lettersSheet } from './sheets/lettersSheet';
import { chainOf, logSheet, type LogRow } from './sheets/logSheet';
import { noticeSheet } from './sheets/noticeSheet';
import { settingsCells } from './sheets/registers';
import { summarySheet } from './sheets/summarySheet';

export interface ComputeOptions {
  /** Local time of the computation, as it will appear in 操作日志 (YYYY-MM-DD HH:mm:ss). */
  now: string;
  user: string;
  lang?: Lang;
  rubric?: Rubric;
  /** The add-in writes 汇总 with CEEAS custom functions over the experts' totals; the .xlsx host writes values. */
  customFunctions?: boolean;
  action?: string;
  /**
   * The final results were released (结果发布 exists): 结果通知 then holds the final letters `release` wrote, which
   * a computation never replaces with drafts.
   */
  released?: boolean;
}

export interface ComputeResult {
  panel: Panel;
  evaluation: Evaluation;
  json: ScoreJson;
  /**
   * The output sheets to write: 汇总, 复核, 等级汇总, 一致性分析, 公示, 结果通知 (draft letters, until the results are
   * released), 操作日志. Never an input sheet.
   */
  sheets: SheetSpec[];
  log: LogRow;
  period: { first: string; last: string; workingDays: number } | null;
}

/** The notice period from the settings and the 节假日 table, or null while no start date is set. */
export function noticePeriodOf(panel: Panel): ComputeResult['period'] {
  if (!panel.notice.start) return null;
  const holidays = panel.notice.calendar.filter((c) => c.kind === 'holiday').map((c) => ({ from: c.from, to: c.to }));
  const workdays = panel.notice.calendar.filter((c) => c.kind === 'workday').map((c) => ({ from: c.from, to: c.to }));
  const p = noticePeriod(panel.notice.start, panel.notice.workingDays, holidays, workdays);
  return { first: p.first, last: p.last, workingDays: panel.notice.workingDays };
}

/**
 * 计算等级 on a workbook: read the registers and expert sheets, validate and aggregate, and describe the output
 * sheets. Pure: the host reads `data` before and writes `sheets` after, each in one batch.
 */
export function computeWorkbook(data: WorkbookData, options: ComputeOptions): ComputeResult {
  const lang = options.lang ?? 'zh';
  const read = readEvaluationWorkbook(data, { rubric: options.rubric, lang });
  const panel = read.panel;
  const evaluation = evaluate(panel, { lang, extra: read.findings });
  const json = toScoreJson(panel, evaluation);
  const period = noticePeriodOf(panel);
  const graded = evaluation.cases.filter((c) => c.status === 'graded');
  const info = new Map(panel.cases.map((c) => [c.id, c]));
  const errors = evaluation.findings.filter((f) => f.severity === 'error').length;

  const entry = {
    time: options.now,
    action: options.action ?? '计算等级',
    user: options.user,
    detail: `${panel.cases.length} 个案例，已评级 ${graded.length} 个；错误 ${errors} 条，提示 ${evaluation.findings.length - errors} 条`,
    inputFingerprint: inputFingerprint(panel),
    resultFingerprint: fingerprintOf(json.cases),
  };
  const log: LogRow = { ...entry, chain: chainOf(read.log.at(-1)?.chain ?? '', entry) };
  const sheets = new Map(read.expertSheets.map((x) => [`${x.round}|${x.expert}`, x.sheet]));
  const outputs: SheetSpec[] = [
    summarySheet(
      panel,
      evaluation,
      options.customFunctions ? { sheetOf: (round, expert) => sheets.get(`${round}|${expert}`) } : undefined,
    ),
    auditSheet(panel, evaluation, settingsCells(), (round, expert) => sheets.get(`${round}|${expert}`)),
    gradesSheet(panel, evaluation),
    agreementSheet(panel, evaluation, json.agreement),
    noticeSheet({
      title: panel.title,
      organizer: panel.notice.organizer,
      // Signed on the office's notice date, else on its first day; never on the day of the computation.
      issueDate: panel.notice.date ?? period?.first ?? null,
      period,
      contact: panel.notice.contact,
      entries: graded.map((c) => ({
        caseName: info.get(c.id)!.name,
        applicant: info.get(c.id)!.applicant,
        grade: c.grade!,
        category: info.get(c.id)!.category,
      })),
    }),
    ...(options.released
      ? []
      : [
          lettersSheet({
            title: panel.title,
            organizer: panel.notice.organizer,
            stage: 'draft',
            issueDate: null,
            period,
            letters: graded.map((c) => ({
              caseId: c.id,
              caseName: info.get(c.id)!.name,
              applicant: info.get(c.id)!.applicant,
              score: fixed(c.score!, panel.policy.decimals),
              grade: c.grade!,
            })),
          }),
        ]),
    logSheet([...read.log, log]),
  ];
  return { panel, evaluation, json, sheets: outputs, log, period };
}
