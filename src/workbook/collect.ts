import type { Lang } from '../core/engine/findings';
import { orderedItems } from '../core/rubric/lookup';
import type { Rubric } from '../core/rubric/types';
import { a1 } from './address';
import type { CellUpdate, ReadValue, SheetData, WorkbookData } from './model';
import { NO, YES } from './labels';
import { isExpertSheetName } from './names';
import { cellName, findHeader, formulaAt, textAt, valueAt } from './read/cells';
import { sheetIdentity as identity } from './read/expertIdentity';

export interface Conflict {
  sheet: string;
  cell: string;
  caseId: string;
  /** The rubric item, or the field: "recommend" (推荐) or "comment" (评审意见). */
  item: string;
  master: ReadValue;
  returned: ReadValue;
  message: string;
}

export interface CollectResult {
  updates: CellUpdate[];
  conflicts: Conflict[];
  /** Sheets of the returned workbook taken in, and how many cells each filled. */
  taken: { sheet: string; filled: number; same: number }[];
  /** Why something in the returned workbook was not taken (wrong workbook, unknown sheet, moved rows …). */
  refused: string[];
}

/** A sentence in the language asked for. */
type Say = (zh: string, en: string) => string;

function display(v: ReadValue, say: Say): string {
  if (v === null) return say('（空）', '(empty)');
  if (typeof v === 'object') return v.error;
  return String(v);
}

function sameValue(a: ReadValue, b: ReadValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** Maps each case id of an expert sheet to its row. */
export function caseRows(s: SheetData): Map<string, number> | null {
  const h = findHeader(s, ['案例编号', '总分']);
  if (!h) return null;
  const col = h.columns.get('案例编号')!;
  const rows = new Map<string, number>();
  for (let r = h.row + 1; r <= s.values.length; r++) {
    const id = textAt(s, r, col);
    if (id !== '' && typeof valueAt(s, r, 1) === 'number') rows.set(id, r);
  }
  return rows;
}

export function itemColumns(s: SheetData, rubric: Rubric): Map<string, number> | null {
  const h = findHeader(s, ['案例编号', '总分']);
  if (!h) return null;
  const out = new Map<string, number>();
  for (const it of orderedItems(rubric)) {
    for (const [text, c] of h.columns) if (text === it.name.zh || text.startsWith(`${it.name.zh}（`)) out.set(it.id, c);
    if (!out.has(it.id)) return null;
  }
  return out;
}

/**
 * Why a returned sheet is not the master's sheet of the same name: another evaluation (title), another round (a
 * renamed sheet) or another expert. Null when they agree, or when the returned sheet lost the lines that say.
 */
function identityMismatch(back: SheetData, mine: SheetData, say: Say): string | null {
  const b = identity(back);
  const m = identity(mine);
  if (!b || !m) return null;
  if (b.round !== '' && m.round !== '' && b.round !== m.round)
    return say(
      `返回的“${back.name}”表内轮次为${b.round}（${b.cell}），与主工作簿的${m.round}不符（可能是其他轮次的表被改名），未收回。`,
      `The returned "${back.name}" says round ${b.round} (${b.cell}), the master ${m.round} (perhaps another round's sheet renamed); not collected.`,
    );
  if (b.expert !== '' && m.expert !== '' && b.expert !== m.expert)
    return say(
      `返回的“${back.name}”表内专家编号为 ${b.expert}（${b.cell}），与主工作簿的 ${m.expert} 不符，未收回。`,
      `The returned "${back.name}" names expert ${b.expert} (${b.cell}), the master ${m.expert}; not collected.`,
    );
  if (b.title !== '' && m.title !== '' && b.title !== m.title)
    return say(
      `返回的“${back.name}”标题为“${b.title}”，与主工作簿的“${m.title}”不符（可能是其他评价的工作簿），未收回。`,
      `The returned "${back.name}" is titled "${b.title}", the master "${m.title}" (perhaps another evaluation's workbook); not collected.`,
    );
  return null;
}

/**
 * Takes an expert's returned workbook back into the master: every score, 推荐 mark and 评审意见 the master does not
 * have yet is copied into the master's cell; one that differs from a non-empty master cell is a conflict, never
 * overwritten.
 * Rows and columns are matched by case id and item header, so a returned sheet with moved rows still lands right.
 */
export function collectReturned(
  master: WorkbookData,
  returned: WorkbookData,
  rubric: Rubric,
  lang: Lang = 'zh',
): CollectResult {
  const say: Say = (zh, en) => (lang === 'en' ? en : zh);
  const result: CollectResult = { updates: [], conflicts: [], taken: [], refused: [] };
  const expertSheets = returned.sheets.filter((s) => isExpertSheetName(s.name));
  // A scoring sheet under another name is not guessed at: the clerk renames it back and collects again.
  for (const s of returned.sheets) {
    const id = identity(s);
    if (isExpertSheetName(s.name) || !id || id.round === '' || id.expert === '' || !findHeader(s, ['案例编号', '总分']))
      continue;
    result.refused.push(
      say(
        `工作表“${s.name}”像是${id.round}专家 ${id.expert} 的评分表，但表名不是“${id.round}-${id.expert}”这样的格式（可能被改过名），未收回；请改回原表名后再收回。`,
        `Sheet "${s.name}" looks like the ${id.round} scoring sheet of expert ${id.expert}, but is not named like "${id.round}-${id.expert}" (perhaps renamed); not collected. Rename it back and collect again.`,
      ),
    );
  }
  if (expertSheets.length === 0) {
    if (result.refused.length === 0)
      result.refused.push(
        say(
          `该文件中没有专家评分表（表名应为“初评-专家编号”等，文件中只有：${returned.sheets.map((s) => `“${s.name}”`).join('、')}），不像是本次评价导出的专家工作簿。`,
          `The file has no expert scoring sheet (named like "初评-EXPERT ID"; it holds only ${returned.sheets.map((s) => `"${s.name}"`).join(', ')}); it does not look like an expert workbook exported for this evaluation.`,
        ),
      );
    return result;
  }
  for (const back of expertSheets) {
    const mine = master.sheets.find((s) => s.name === back.name);
    if (!mine) {
      result.refused.push(
        say(
          `评分表“${back.name}”在主工作簿中不存在（可能是其他轮次或其他评价的表），未收回。`,
          `The master has no scoring sheet "${back.name}" (perhaps another round's or another evaluation's); not collected.`,
        ),
      );
      continue;
    }
    const masterRows = caseRows(mine);
    const backRows = caseRows(back);
    const masterCols = itemColumns(mine, rubric);
    const backCols = itemColumns(back, rubric);
    if (!masterRows || !masterCols) {
      result.refused.push(
        say(
          `主工作簿的“${mine.name}”表头被改动，无法对位，未收回。`,
          `The header of the master's "${mine.name}" was changed, so cells cannot be matched; not collected.`,
        ),
      );
      continue;
    }
    if (!backRows || !backCols) {
      result.refused.push(
        say(
          `返回的“${back.name}”表头被改动或删除，无法对位，未收回。`,
          `The header of the returned "${back.name}" was changed or deleted, so cells cannot be matched; not collected.`,
        ),
      );
      continue;
    }
    const mismatch = identityMismatch(back, mine, say);
    if (mismatch) {
      result.refused.push(mismatch);
      continue;
    }
    // Besides the scores, what else an expert fills in: 推荐 (是/否) and 评审意见, found by their headers.
    const fields = (['推荐', '评审意见'] as const)
      .map((label) => ({
        label,
        key: label === '推荐' ? 'recommend' : 'comment',
        back: findHeader(back, ['案例编号', label])?.columns.get(label),
        mine: findHeader(mine, ['案例编号', label])?.columns.get(label),
      }))
      .filter((f) => f.back !== undefined && f.mine !== undefined) as {
      label: '推荐' | '评审意见';
      key: string;
      back: number;
      mine: number;
    }[];
    const backNameCol = findHeader(back, ['案例编号', '案例名称'])?.columns.get('案例名称');
    const masterNameCol = findHeader(mine, ['案例编号', '案例名称'])?.columns.get('案例名称');
    let filled = 0;
    let same = 0;
    /** Fills an empty master cell, counts an equal one, reports a different one as a conflict (never overwritten). */
    const take = (
      sheet: SheetData,
      r: number,
      c: number,
      value: ReadValue,
      caseId: string,
      item: string,
      label: string,
    ): 'filled' | 'same' | 'conflict' => {
      const mv = valueAt(sheet, r, c);
      if (mv === null || mv === '') {
        result.updates.push({ sheet: sheet.name, address: a1(r, c), value: value as string | number });
        return 'filled';
      }
      if (sameValue(typeof mv === 'string' ? mv.trim() : mv, value)) return 'same';
      const cell = cellName(sheet, r, c);
      result.conflicts.push({
        sheet: sheet.name,
        cell,
        caseId,
        item,
        master: mv,
        returned: value,
        message: say(
          `${cell}（案例 ${caseId}“${label}”）主工作簿已有 ${display(mv, say)}，返回的工作簿为 ${display(value, say)}，未覆盖，请核实后手工处理。`,
          `${cell} (case ${caseId}, "${label}"): the master holds ${display(mv, say)}, the returned workbook ${display(value, say)}; not overwritten, please check and settle it by hand.`,
        ),
      });
      return 'conflict';
    };
    for (const [caseId, br] of backRows) {
      const mr = masterRows.get(caseId);
      if (mr === undefined) {
        result.refused.push(
          say(
            `返回的“${back.name}”中有主工作簿该表没有的案例 ${caseId}（${cellName(back, br, 2)}），未收回该行。`,
            `The returned "${back.name}" has case ${caseId} (${cellName(back, br, 2)}), which the master's sheet does not; row not collected.`,
          ),
        );
        continue;
      }
      const backName = backNameCol === undefined ? '' : textAt(back, br, backNameCol);
      const masterName = masterNameCol === undefined ? '' : textAt(mine, mr, masterNameCol);
      if (backNameCol !== undefined && masterNameCol !== undefined && backName !== masterName) {
        result.refused.push(
          say(
            `返回的 ${cellName(back, br, backNameCol)} 案例 ${caseId} 的名称为“${backName}”，主工作簿为“${masterName}”，不是同一个案例，未收回该行。`,
            `In the returned ${cellName(back, br, backNameCol)} case ${caseId} is named "${backName}", in the master "${masterName}": not the same case; row not collected.`,
          ),
        );
        continue;
      }
      if (findHeader(mine, ['回避'])?.columns.get('回避') !== undefined) {
        const rc = findHeader(mine, ['回避'])!.columns.get('回避')!;
        if (textAt(mine, mr, rc) === '回避') continue;
      }
      for (const it of orderedItems(rubric)) {
        const bc = backCols.get(it.id)!;
        const mc = masterCols.get(it.id)!;
        if (formulaAt(back, br, bc) !== null) {
          result.refused.push(
            say(
              `返回的 ${cellName(back, br, bc)} 填的是公式而不是分数，未收回该格。`,
              `The returned ${cellName(back, br, bc)} holds a formula, not a score; cell not collected.`,
            ),
          );
          continue;
        }
        const bv = valueAt(back, br, bc);
        if (bv === null || bv === '') continue;
        if (typeof bv === 'object') {
          result.refused.push(
            say(
              `返回的 ${cellName(back, br, bc)} 是错误值 ${bv.error}，未收回该格。`,
              `The returned ${cellName(back, br, bc)} holds the error ${bv.error}; cell not collected.`,
            ),
          );
          continue;
        }
        // Only numbers are scores (as in compute): "8" typed as text or a full-width "８" is sent back, not copied.
        if (typeof bv !== 'number') {
          const fullWidth = /[\uFF10-\uFF19\uFF0E]/.test(String(bv));
          result.refused.push(
            say(
              `返回的 ${cellName(back, br, bc)}（案例 ${caseId}“${it.name.zh}”）填的是文字“${String(bv)}”而不是数字${fullWidth ? '（含全角字符，请用半角数字）' : ''}，未收回该格。`,
              `The returned ${cellName(back, br, bc)} (case ${caseId}, "${it.name.en}") holds the text "${String(bv)}", not a number${fullWidth ? ' (full-width characters; use ordinary digits)' : ''}; cell not collected.`,
            ),
          );
          continue;
        }
        const taken = take(mine, mr, mc, bv, caseId, it.id, it.name.zh);
        if (taken === 'filled') filled++;
        else if (taken === 'same') same++;
      }
      for (const f of fields) {
        if (formulaAt(back, br, f.back) !== null) {
          result.refused.push(
            say(
              `返回的 ${cellName(back, br, f.back)} 填的是公式，未收回该格。`,
              `The returned ${cellName(back, br, f.back)} holds a formula; cell not collected.`,
            ),
          );
          continue;
        }
        const bv = valueAt(back, br, f.back);
        if (bv === null || (typeof bv === 'string' && bv.trim() === '')) continue;
        const text = typeof bv === 'object' ? bv.error : String(bv).trim();
        if (f.label === '推荐' && text !== YES && text !== NO) {
          result.refused.push(
            say(
              `返回的 ${cellName(back, br, f.back)}（案例 ${caseId}“推荐”）填的是“${text}”，应为“是”或“否”，未收回该格。`,
              `The returned ${cellName(back, br, f.back)} (case ${caseId}, 推荐) holds "${text}"; it should be 是 (yes) or 否 (no); cell not collected.`,
            ),
          );
          continue;
        }
        const taken = take(mine, mr, f.mine, text, caseId, f.key, f.label);
        if (taken === 'filled') filled++;
        else if (taken === 'same') same++;
      }
    }
    result.taken.push({ sheet: back.name, filled, same });
  }
  return result;
}
