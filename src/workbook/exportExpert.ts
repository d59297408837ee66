import { PanelError } from '../core/panel/parsePanel';
import { ROUND_NAMES, type Panel, type RoundId } from '../core/panel/types';
import type { WorkbookSpec } from './model';
import { expertSheet } from './sheets/expertSheet';
import { formSheetName } from './names';
import { scoreFormSheet } from './sheets/scoreFormSheet';
import type { SheetSpec } from './model';
import { rubricSheet } from './sheets/rubricSheet';
import { workbookStyles } from './styles';

/**
 * The workbook an expert receives: only that expert's own scoring sheet for the round (with the scores the master
 * already holds) and the public rubric. No other expert's name, id or score is in it.
 */
export function exportExpertSpec(panel: Panel, round: RoundId, expertId: string, sheetName?: string): WorkbookSpec {
  const expert = panel.experts.find((e) => e.id === expertId);
  if (!expert) throw new PanelError(`专家库中没有专家 ${expertId}`, `No expert ${expertId}`);
  if (!panel.rounds[round].experts.includes(expertId)) {
    throw new PanelError(
      `专家 ${expertId} 不是${ROUND_NAMES[round].zh}的评审专家`,
      `Expert ${expertId} is not in the ${round} round`,
    );
  }
  const cases = panel.cases.filter((c) => panel.rounds[round].cases.includes(c.id));
  if (cases.length === 0) throw new PanelError(`${ROUND_NAMES[round].zh}还没有案例`, `The ${round} round has no cases`);
  const mine = panel.scores.filter((s) => s.round === round && s.expert === expertId);
  const scores = new Map(mine.filter((s) => !s.recused).map((s) => [s.case, s.items]));
  const recused = new Set(mine.filter((s) => s.recused).map((s) => s.case));
  const recommend = new Map(mine.filter((s) => s.recommend !== undefined).map((s) => [s.case, s.recommend!]));
  const comments = new Map(mine.filter((s) => s.comment !== undefined).map((s) => [s.case, s.comment!]));
  return {
    title: panel.title,
    styles: workbookStyles(panel.policy.decimals),
    sheets: [
      expertSheet({ panel, round, expert, cases, scores, recommend, comments, recused, sheetName }),
      rubricSheet(panel.rubric),
    ],
  };
}

/** Table B.1 for one case filled from one expert's row (the paper form an expert signs). */
export function formSheetSpec(panel: Panel, round: RoundId, expertId: string, caseId: string): SheetSpec {
  const expert = panel.experts.find((e) => e.id === expertId);
  if (!expert) throw new PanelError(`专家库中没有专家 ${expertId}`, `No expert ${expertId}`);
  const c = panel.cases.find((x) => x.id === caseId);
  if (!c) throw new PanelError(`案例登记中没有案例 ${caseId}`, `No case ${caseId}`);
  const entry = panel.scores.find((s) => s.round === round && s.expert === expertId && s.case === caseId);
  if (!entry)
    throw new PanelError(`${ROUND_NAMES[round].zh}专家 ${expertId} 还没有案例 ${caseId} 的评分`, `No scores yet`);
  if (entry.recused)
    throw new PanelError(`${ROUND_NAMES[round].zh}专家 ${expertId} 已回避案例 ${caseId}`, `The expert recused`);
  return scoreFormSheet(panel.rubric, {
    name: formSheetName(round, expertId, caseId),
    title: panel.title,
    caseId,
    caseName: c.name,
    applicant: c.applicant,
    roundLabel: ROUND_NAMES[round].zh,
    expertLabel: `评审专家：${expert.name || expert.id}`,
    scores: entry.items,
  });
}
