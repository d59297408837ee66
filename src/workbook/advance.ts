import { advanceCases, type AdvanceResult, type AdvanceRule } from '../core/engine/advance';
import { evaluate } from '../core/engine/evaluate';
import { PanelError } from '../core/panel/parsePanel';
import { ROUND_NAMES, type RoundId } from '../core/panel/types';
import type { Lang } from '../core/engine/findings';
import type { Rubric } from '../core/rubric/types';
import { a1 } from './address';
import { inputFingerprint } from './fingerprint';
import { YES } from './labels';
import type { CellUpdate, SheetSpec, WorkbookData } from './model';
import { SHEET } from './names';
import { findHeader, textAt } from './read/cells';
import { readEvaluationWorkbook } from './read/readEvaluationWorkbook';
import { appendLog } from './sheets/logSheet';

export interface AdvanceOutcome {
  result: AdvanceResult;
  updates: CellUpdate[];
  /** Register cells already holding a different decision; nothing is written while there are any, unless forced. */
  conflicts: { cell: string; was: string; now: string }[];
  log: SheetSpec;
}

export function describeRule(rule: AdvanceRule, lang: Lang = 'zh'): string {
  if (lang === 'en') {
    if (rule.kind === 'top') return `top ${rule.n}, ties at the cut included`;
    if (rule.kind === 'threshold') return `round mean at least ${rule.min.toString()}`;
    return 'recommended by a majority of experts';
  }
  if (rule.kind === 'top') return `前 ${rule.n} 名（并列者一同晋级）`;
  if (rule.kind === 'threshold') return `轮次均分不低于 ${rule.min.toString()}`;
  return '多数专家推荐';
}

/** Marks in 案例登记 which cases of a round go on to the next round, by the given rule. */
export function advanceWorkbook(
  data: WorkbookData,
  from: RoundId,
  rule: AdvanceRule,
  options: { now: string; user: string; rubric?: Rubric; force?: boolean },
): AdvanceOutcome {
  const read = readEvaluationWorkbook(data, { rubric: options.rubric });
  // A majority of no marks at all would advance nobody and mark every case 否: that is a missing input, not a result.
  if (
    rule.kind === 'majority' &&
    !read.panel.scores.some((s) => s.round === from && !s.recused && s.recommend !== undefined)
  )
    throw new PanelError(
      `${ROUND_NAMES[from].zh}没有一位专家在“推荐”列填写过“是”或“否”，无法按多数专家推荐确定晋级；请先收回专家的推荐意见，或改用 --top、--threshold`,
      `No expert of the ${ROUND_NAMES[from].en.toLowerCase()} round marked 推荐 (yes or no) for any case, so a majority cannot decide; collect the experts' recommendations first, or use --top or --threshold`,
    );
  const evaluation = evaluate(read.panel, { extra: read.findings });
  const result = advanceCases(read.panel, evaluation, from, rule);
  const sheet = data.sheets.find((s) => s.name === SHEET.cases)!;
  const h = findHeader(sheet, ['案例编号', ROUND_NAMES[result.to].zh])!;
  const idCol = h.columns.get('案例编号')!;
  const toCol = h.columns.get(ROUND_NAMES[result.to].zh)!;
  const decision = new Map<string, string>([
    ...result.advanced.map((id): [string, string] => [id, YES]),
    ...result.notAdvanced.map((id): [string, string] => [id, '否']),
  ]);
  const updates: CellUpdate[] = [];
  const conflicts: AdvanceOutcome['conflicts'] = [];
  for (let r = h.row + 1; r <= sheet.values.length; r++) {
    const id = textAt(sheet, r, idCol);
    const now = decision.get(id);
    if (now === undefined) continue;
    const was = textAt(sheet, r, toCol);
    if (was === now) continue;
    if (was !== '' && !options.force) conflicts.push({ cell: `${sheet.name}!${a1(r, toCol)}`, was, now });
    else updates.push({ sheet: sheet.name, address: a1(r, toCol), value: now });
  }
  const log = appendLog(read.log, {
    time: options.now,
    action: '确定晋级',
    user: options.user,
    detail: `${ROUND_NAMES[from].zh}→${ROUND_NAMES[result.to].zh}，规则：${describeRule(rule)}；晋级 ${result.advanced.join('、') || '无'}`,
    inputFingerprint: inputFingerprint(read.panel),
    resultFingerprint: '',
  });
  return { result, updates: conflicts.length > 0 ? [] : updates, conflicts, log };
}
