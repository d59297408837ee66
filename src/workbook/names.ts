import type { RoundId } from '../core/panel/types';

/** Sheet names of the evaluation workbook (Chinese; the workbook is an office's document, in its language). */
export const SHEET = {
  rubric: '评分标准',
  cases: '案例登记',
  experts: '专家库',
  rounds: '轮次设置',
  holidays: '节假日',
  summary: '汇总',
  audit: '复核',
  grades: '等级汇总',
  notice: '公示',
  letters: '结果通知',
  objections: '异议登记',
  log: '操作日志',
} as const;

/** Written by `release` once the notice period and every objection are closed. */
export const SHEET_RELEASE = '结果发布';

/** Written by compute: how far each round's experts agree, each expert's leniency (internal, never published). */
export const SHEET_AGREEMENT = '一致性分析';

/** The 9.1.3 checklist per case; its results feed 案例登记's 规范性审核 column. */
export const SHEET_FORMAL_REVIEW = '规范性审核';

const ROUND_PREFIX: Record<RoundId, string> = { initial: '初评', review: '复评', final: '终评' };

export const ROUND_BY_PREFIX: Record<string, RoundId> = { 初评: 'initial', 复评: 'review', 终评: 'final' };

/** Excel refuses \ / ? * [ ] : in sheet names and more than 31 characters. */
/** A sheet name Excel accepts: none of \ / ? * [ ] :, no apostrophe at either end, at most 31 characters. */
function safe(name: string): string {
  return name
    .replace(/[\\/?*[\]:]/g, '_')
    .slice(0, 31)
    .replace(/^'|'$/g, '_');
}

/** Whether a sheet is an expert's scoring sheet: the round's name, a hyphen, then the expert ("初评-E01"). */
export function isExpertSheetName(name: string): boolean {
  return /^(初评|复评|终评)-.+$/.test(name);
}

/** One scoring sheet per expert per round, e.g. "初评-E01". The expert's id is also in the sheet (its line 轮次：… 专家编号：…). */
export function expertSheetName(round: RoundId, expertId: string): string {
  return safe(`${ROUND_PREFIX[round]}-${expertId}`);
}

/** Sheet names for every expert of every round, kept unique when ids only differ in characters Excel refuses. */
export function expertSheetNames(rounds: Record<RoundId, { experts: string[] }>): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const round of Object.keys(ROUND_PREFIX) as RoundId[]) {
    for (const expert of rounds[round]?.experts ?? []) {
      let name = expertSheetName(round, expert);
      for (let k = 2; used.has(name); k++) name = safe(`${expertSheetName(round, expert).slice(0, 27)}~${k}`);
      used.add(name);
      out.set(`${round}|${expert}`, name);
    }
  }
  return out;
}

export function formSheetName(round: RoundId, expertId: string, caseId: string): string {
  return safe(`评分表-${ROUND_PREFIX[round]}-${expertId}-${caseId}`);
}

/** Sheet order a secretariat reads in: rules, registers, results, notices, expert sheets, then the records. */
const ORDER: string[] = [
  SHEET.rubric,
  SHEET.cases,
  SHEET_FORMAL_REVIEW,
  SHEET.experts,
  SHEET.rounds,
  SHEET.holidays,
  SHEET.summary,
  SHEET.audit,
  SHEET.grades,
  SHEET_AGREEMENT,
  SHEET.notice,
  SHEET.letters,
];
const LAST: string[] = [SHEET.objections, SHEET.log];

/** Where a sheet belongs in that order: rules and registers, results, then expert sheets and forms, records last. */
export function sheetRank(name: string): number {
  const i = ORDER.indexOf(name);
  if (i >= 0) return i;
  const j = LAST.indexOf(name);
  return j >= 0 ? 1000 + j : 500;
}

/** Whether the evaluation writes a sheet of this name (as opposed to one an office keeps in the workbook). */
function isOurSheet(name: string): boolean {
  return (
    ORDER.includes(name) ||
    LAST.includes(name) ||
    isExpertSheetName(name) ||
    name === SHEET_RELEASE ||
    /^(申报表|评分表)-/.test(name)
  );
}

/**
 * Where a new sheet goes among the sheets of a workbook: after the last of our sheets that comes before it in
 * the workbook's order (results after the registers, expert sheets before 异议登记 and 操作日志). Sheets an office
 * added of its own neither draw new sheets to them nor push them away.
 */
export function insertionIndex(order: readonly string[], name: string): number {
  const mine = sheetRank(name);
  let at = order.length;
  while (at > 0 && (!isOurSheet(order[at - 1]) || sheetRank(order[at - 1]) > mine)) at--;
  // Behind an office's own sheets that follow, unless they come before a sheet of ours that ranks after this one.
  while (
    at < order.length &&
    !isOurSheet(order[at]) &&
    !order.slice(at).some((n) => isOurSheet(n) && sheetRank(n) > mine)
  )
    at++;
  return at;
}

/**
 * The sheets a command reads: the registers, the settings, the objections, the log and the expert sheets — never
 * the results it rewrites, nor anything else an office keeps in the workbook.
 */
const INPUTS = new Set<string>([
  SHEET.cases,
  SHEET_FORMAL_REVIEW,
  SHEET.experts,
  SHEET.rounds,
  SHEET.holidays,
  SHEET.objections,
  SHEET.log,
]);

export function isInputSheet(name: string): boolean {
  return INPUTS.has(name) || isExpertSheetName(name);
}
