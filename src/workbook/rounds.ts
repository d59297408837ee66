import { conflictOf, drawExperts, type DrawOptions, type DrawResult } from '../core/draw/drawExperts';
import { PanelError } from '../core/panel/parsePanel';
import { ROUND_NAMES, type RoundId } from '../core/panel/types';
import type { Rubric } from '../core/rubric/types';
import { a1 } from './address';
import { fingerprintOf, inputFingerprint } from './fingerprint';
import { YES } from './labels';
import type { CellUpdate, SheetSpec, WorkbookData } from './model';
import { expertSheetNames, SHEET } from './names';
import { findHeader, textAt } from './read/cells';
import { readEvaluationWorkbook } from './read/readEvaluationWorkbook';
import { expertSheet } from './sheets/expertSheet';
import { appendLog } from './sheets/logSheet';

export interface WorkbookDraw {
  draw: DrawResult;
  poolFingerprint: string;
  updates: CellUpdate[];
  log: SheetSpec;
}

/**
 * A draw applied to the workbook: the drawn experts are marked 是 in the round's column of 专家库, and the seed,
 * the pool's fingerprint and the result go to 操作日志, so an auditor can run the same draw again.
 */
export function drawIntoWorkbook(
  data: WorkbookData,
  options: Omit<DrawOptions, 'round'> & { round: RoundId; now: string; user: string; rubric?: Rubric },
): WorkbookDraw {
  const read = readEvaluationWorkbook(data, { rubric: options.rubric });
  if (read.panel.rounds[options.round].experts.length > 0) {
    throw new PanelError(
      `${ROUND_NAMES[options.round].zh}已有评审专家（“${SHEET.experts}”中已标记），不能重复抽取；如需重抽，请先清除该列的标记`,
      'The round already has experts',
    );
  }
  const draw = drawExperts(read.panel, options);
  const poolFingerprint = fingerprintOf(read.panel.experts);
  const sheet = data.sheets.find((s) => s.name === SHEET.experts)!;
  const h = findHeader(sheet, ['专家编号', ROUND_NAMES[options.round].zh])!;
  const col = h.columns.get(ROUND_NAMES[options.round].zh)!;
  const updates: CellUpdate[] = [];
  for (let r = h.row + 1; r <= sheet.values.length; r++) {
    if (draw.experts.includes(textAt(sheet, r, h.columns.get('专家编号')!))) {
      updates.push({ sheet: sheet.name, address: a1(r, col), value: YES });
    }
  }
  const recusals = draw.recusals.map((x) => `${x.expert}/${x.case}`).join('、') || '无';
  const log = appendLog(read.log, {
    time: options.now,
    action: '抽取专家',
    user: options.user,
    detail: `${ROUND_NAMES[options.round].zh}：种子 ${options.seed}，抽取 ${options.count} 位（每案至少 ${options.minEligible ?? 1} 位无冲突${options.excludePrevious ? '，不含前轮专家' : ''}${options.maxPerOrganization !== undefined ? `，每个单位至多 ${options.maxPerOrganization} 位` : ''}），专家库指纹 ${poolFingerprint}；抽中 ${draw.experts.join('、')}${draw.reserves.length > 0 ? `；备选依次为 ${draw.reserves.join('、')}` : ''}；回避 ${recusals}`,
    inputFingerprint: inputFingerprint(read.panel),
    resultFingerprint: '',
  });
  return { draw, poolFingerprint, updates, log };
}

export interface RoundSheets {
  /** New or regenerated expert sheets; a sheet that already holds typed scores is kept as it is. */
  sheets: SheetSpec[];
  /** The expert of each sheet in `sheets`, in the same order. */
  experts: string[];
  kept: string[];
  log: SheetSpec;
}

/**
 * One scoring sheet per expert of the round, over the round's cases, with conflicts (E.1: the applicant is the
 * expert's organization, or a declared conflict) marked 回避 and locked. Sheets that already hold scores are kept.
 */
export function roundSheets(
  data: WorkbookData,
  round: RoundId,
  options: { now: string; user: string; rubric?: Rubric },
): RoundSheets {
  const read = readEvaluationWorkbook(data, { rubric: options.rubric });
  const panel = read.panel;
  // Only cases that passed formal review (9.1.3) are evaluated, whatever a round column of 案例登记 says.
  const marked = panel.cases.filter((c) => panel.rounds[round].cases.includes(c.id));
  const cases = marked.filter((c) => c.formalReview === 'passed');
  if (cases.length === 0)
    throw new PanelError(
      marked.length > 0
        ? `${ROUND_NAMES[round].zh}标记的案例都还没有通过规范性审核（${marked.map((c) => c.id).join('、')}），不能生成评分表`
        : `${ROUND_NAMES[round].zh}还没有案例（请在“${SHEET.cases}”中标记）`,
      'No cases',
    );
  if (panel.rounds[round].experts.length === 0) {
    throw new PanelError(`${ROUND_NAMES[round].zh}还没有专家（请先抽取或在“${SHEET.experts}”中标记）`, 'No experts');
  }
  const existing = new Map(read.expertSheets.filter((x) => x.round === round).map((x) => [x.expert, x.sheet]));
  const names = expertSheetNames(panel.rounds);
  const sheets: SheetSpec[] = [];
  const experts: string[] = [];
  const kept: string[] = [];
  for (const id of panel.rounds[round].experts) {
    const typed = panel.scores.some((s) => s.round === round && s.expert === id && !s.recused);
    const name = existing.get(id) ?? names.get(`${round}|${id}`)!;
    if (typed) {
      kept.push(name);
      continue;
    }
    const expert = panel.experts.find((e) => e.id === id)!;
    const recused = new Set(cases.filter((c) => conflictOf(expert, c) !== null).map((c) => c.id));
    sheets.push(expertSheet({ panel, round, expert, cases, scores: new Map(), recused, sheetName: name }));
    experts.push(id);
  }
  const log = appendLog(read.log, {
    time: options.now,
    action: '生成专家评分表',
    user: options.user,
    detail: `${ROUND_NAMES[round].zh}：生成 ${sheets.length} 张，保留已有评分的 ${kept.length} 张；${cases.length} 个案例`,
    inputFingerprint: inputFingerprint(panel),
    resultFingerprint: '',
  });
  return { sheets, experts, kept, log };
}
