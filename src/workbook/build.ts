import { evaluate } from '../core/engine/evaluate';
import type { Finding, Lang } from '../core/engine/findings';
import { ROUND_IDS, type Panel } from '../core/panel/types';
import { computeWorkbook, type ComputeResult } from './compute';
import type { SheetSpec, WorkbookSpec } from './model';
import { expertSheetNames, sheetRank, SHEET } from './names';
import { expertSheet } from './sheets/expertSheet';
import { formalReviewSheet } from './sheets/formalReviewSheet';
import { logSheet } from './sheets/logSheet';
import { objectionsSheet } from './sheets/objectionsSheet';
import { casesSheet, expertsSheet, holidaysSheet, roundsSheet } from './sheets/registers';
import { rubricSheet } from './sheets/rubricSheet';
import { workbookSpecData } from './specData';
import { workbookStyles } from './styles';

/** Findings of entries a workbook has no place for (their case, expert or round does not fit the registers). */
const UNPLACEABLE = new Set([
  'unknown-case',
  'unknown-expert',
  'not-assigned',
  'not-in-round',
  'duplicate-entry',
  'unknown-item',
]);

/** The input sheets of a new evaluation workbook: Appendix B, the registers and one sheet per expert per round. */
export function inputSheets(panel: Panel): SheetSpec[] {
  const placed = new Map<string, Record<string, unknown>>();
  const marks = new Map<string, boolean>();
  const remarks = new Map<string, string>();
  const recused = new Map<string, Set<string>>();
  for (const e of panel.scores) {
    const key = `${e.round}|${e.expert}`;
    if (e.recused) {
      if (!recused.has(key)) recused.set(key, new Set());
      recused.get(key)!.add(e.case);
    } else if (!placed.has(`${key}|${e.case}`)) {
      placed.set(`${key}|${e.case}`, e.items);
      if (e.recommend !== undefined) marks.set(`${key}|${e.case}`, e.recommend);
      if (e.comment !== undefined) remarks.set(`${key}|${e.case}`, e.comment);
    }
  }
  const experts: SheetSpec[] = [];
  const names = expertSheetNames(panel.rounds);
  for (const rid of ROUND_IDS) {
    const round = panel.rounds[rid];
    const cases = panel.cases.filter((c) => round.cases.includes(c.id));
    if (cases.length === 0) continue;
    for (const eid of round.experts) {
      const expert = panel.experts.find((x) => x.id === eid)!;
      const scores = new Map<string, Record<string, unknown>>();
      const recommend = new Map<string, boolean>();
      const comments = new Map<string, string>();
      for (const c of cases) {
        const typed = placed.get(`${rid}|${eid}|${c.id}`);
        if (typed) scores.set(c.id, typed);
        const mark = marks.get(`${rid}|${eid}|${c.id}`);
        if (mark !== undefined) recommend.set(c.id, mark);
        const remark = remarks.get(`${rid}|${eid}|${c.id}`);
        if (remark !== undefined) comments.set(c.id, remark);
      }
      experts.push(
        expertSheet({
          panel,
          round: rid,
          expert,
          cases,
          scores,
          recommend,
          comments,
          recused: recused.get(`${rid}|${eid}`) ?? new Set(),
          sheetName: names.get(`${rid}|${eid}`),
        }),
      );
    }
  }
  return [
    rubricSheet(panel.rubric),
    casesSheet(panel),
    formalReviewSheet(panel),
    expertsSheet(panel),
    roundsSheet(panel),
    holidaysSheet(panel),
    ...experts,
    objectionsSheet([]),
  ];
}

export interface BuildResult {
  spec: WorkbookSpec;
  compute: ComputeResult;
  /** Entries of the panel file that could not be entered into any expert sheet. */
  dropped: Finding[];
}

export function orderSheets(sheets: SheetSpec[]): SheetSpec[] {
  const rank = (s: SheetSpec): number => sheetRank(s.name);
  return sheets
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);
}

/**
 * `ceeas build`: the complete workbook for a panel — inputs as if the experts had typed the panel's scores, then
 * computed exactly as `compute` would from the workbook itself.
 */
export function buildWorkbook(
  panel: Panel,
  options: { now: string; user: string; password?: string; lang?: Lang },
): BuildResult {
  const lang = options.lang ?? 'zh';
  const dropped = evaluate(panel, { lang }).findings.filter((f) => UNPLACEABLE.has(f.code));
  const inputs = inputSheets(panel);
  const withLog = [...inputs.filter((s) => s.name !== SHEET.log), logSheet([])];
  const compute = computeWorkbook(workbookSpecData(withLog), {
    now: options.now,
    user: options.user,
    lang,
    rubric: panel.rubric,
    action: '生成工作簿并计算等级',
  });
  const outputs = new Map(compute.sheets.map((s) => [s.name, s]));
  const sheets = orderSheets([...inputs.filter((s) => !outputs.has(s.name)), ...compute.sheets]);
  return {
    spec: { sheets, styles: workbookStyles(panel.policy.decimals), password: options.password, title: panel.title },
    compute,
    dropped,
  };
}
