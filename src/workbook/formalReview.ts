import { FORMAL_REVIEW_LABEL, YES } from './labels';
import { a1 } from './address';
import type { CellUpdate, WorkbookData } from './model';
import { SHEET, SHEET_FORMAL_REVIEW } from './names';
import { findHeader, textAt } from './read/cells';
import { FORMAL_CHECKS, PANEL_BASIS } from './sheets/formalReviewSheet';

export interface FormalReviewRow {
  case: string;
  result: string;
  failed: string[];
  unanswered: string[];
}

export interface FormalReviewOutcome {
  rows: FormalReviewRow[];
  /** 审核结果 filled where it was blank and every check is answered. */
  updates: CellUpdate[];
  problems: { cell: string; message: string; messageEn: string }[];
}

/**
 * 规范性审核 (9.1.3): a case passes when every check is 是; a 否 means 未通过 unless the secretariat granted a
 * one-time correction (限期补正, with reasons and a deadline). A result must agree with its checks and give reasons.
 */
export function reviewFormal(data: WorkbookData): FormalReviewOutcome {
  const out: FormalReviewOutcome = { rows: [], updates: [], problems: [] };
  const sheet = data.sheets.find((s) => s.name === SHEET_FORMAL_REVIEW);
  if (!sheet) {
    out.problems.push({
      cell: SHEET_FORMAL_REVIEW,
      message: `工作簿中没有“${SHEET_FORMAL_REVIEW}”工作表。`,
      messageEn: `The workbook has no sheet "${SHEET_FORMAL_REVIEW}".`,
    });
    return out;
  }
  const h = findHeader(sheet, ['案例编号', '审核结果', '审核说明']);
  if (!h) {
    out.problems.push({
      cell: SHEET_FORMAL_REVIEW,
      message: `“${SHEET_FORMAL_REVIEW}”的表头被改动。`,
      messageEn: `The header of "${SHEET_FORMAL_REVIEW}" was changed.`,
    });
    return out;
  }
  const col = (name: string): number => h.columns.get(name)!;
  const cell = (r: number, name: string): string => `${sheet.name}!${a1(r, col(name))}`;
  for (let r = h.row + 1; r <= sheet.values.length; r++) {
    const id = textAt(sheet, r, col('案例编号'));
    if (id === '') continue;
    const answers = FORMAL_CHECKS.map((c) => ({
      label: c.label,
      value: h.columns.has(c.label) ? textAt(sheet, r, col(c.label)) : '',
    }));
    const failed = answers.filter((a) => a.value === '否').map((a) => a.label);
    const unanswered = answers.filter((a) => a.value !== YES && a.value !== '否').map((a) => a.label);
    let result = textAt(sheet, r, col('审核结果'));
    const written = textAt(sheet, r, col('审核说明'));
    // The panel file's basis stands only while its result does; a result from the checklist replaces it.
    const note = written === PANEL_BASIS && result === '' ? '' : written;
    if (result === '' && unanswered.length === 0) {
      result = failed.length === 0 ? FORMAL_REVIEW_LABEL.passed : FORMAL_REVIEW_LABEL.failed;
      out.updates.push({ sheet: sheet.name, address: a1(r, col('审核结果')), value: result });
      if (failed.length > 0 && note === '') {
        out.updates.push({ sheet: sheet.name, address: a1(r, col('审核说明')), value: `不符合：${failed.join('；')}` });
      } else if (written === PANEL_BASIS)
        out.updates.push({ sheet: sheet.name, address: a1(r, col('审核说明')), value: null });
    } else if (result === FORMAL_REVIEW_LABEL.passed && failed.length > 0) {
      out.problems.push({
        cell: cell(r, '审核结果'),
        message: `案例 ${id} 审核结果为“通过”，但“${failed.join('、')}”为“否”。`,
        messageEn: `Case ${id} is marked 通过 (passed), but ${failed.map((f) => `"${f}"`).join(', ')} is 否 (no).`,
      });
    } else if (result === FORMAL_REVIEW_LABEL.passed && unanswered.length > 0 && note === '') {
      // A pass needs every check answered 是, or a basis written down (a review done elsewhere, say).
      out.problems.push({
        cell: cell(r, '审核结果'),
        message: `案例 ${id} 审核结果为“通过”，但清单还有 ${unanswered.length} 项未填写（${unanswered.join('、')}）；请逐项填写，或在审核说明中写明依据。`,
        messageEn: `Case ${id} is marked 通过 (passed), but ${unanswered.length} checks are unanswered (${unanswered.join(', ')}); answer each, or give the basis in 审核说明.`,
      });
    } else if (result === FORMAL_REVIEW_LABEL.failed && note === '' && failed.length === 0) {
      out.problems.push({
        cell: cell(r, '审核说明'),
        message: `案例 ${id} 未通过审核，须写明原因（审核说明）。`,
        messageEn: `Case ${id} failed review; the reason must be written in 审核说明.`,
      });
    } else if (result === FORMAL_REVIEW_LABEL.pending) {
      if (note === '')
        out.problems.push({
          cell: cell(r, '审核说明'),
          message: `案例 ${id} 限期补正，须写明须补正的材料（审核说明）。`,
          messageEn: `Case ${id} is given time to correct; write which materials are due in 审核说明.`,
        });
      if (h.columns.has('补正期限') && textAt(sheet, r, col('补正期限')) === '') {
        out.problems.push({
          cell: cell(r, '补正期限'),
          message: `案例 ${id} 限期补正，须填写补正期限（准则 9.1.3：可限期一次性补充完善）。`,
          messageEn: `Case ${id} is given time to correct; fill in 补正期限, the deadline (clause 9.1.3: one correction within a set time).`,
        });
      }
    }
    out.rows.push({ case: id, result, failed, unanswered });
  }
  enterInitialRound(data, out);
  return out;
}

/**
 * A case that passed formal review goes on to 初评 (8.2, 9.2): its 初评 column in 案例登记 is marked 是 where it is
 * still empty, so the secretariat does not have to mark each one. A mark already there is never changed.
 */
function enterInitialRound(data: WorkbookData, out: FormalReviewOutcome): void {
  const cases = data.sheets.find((s) => s.name === SHEET.cases);
  const h = cases ? findHeader(cases, ['案例编号', '初评']) : null;
  if (!cases || !h) return;
  const passed = new Set(out.rows.filter((r) => r.result === FORMAL_REVIEW_LABEL.passed).map((r) => r.case));
  for (let r = h.row + 1; r <= cases.values.length; r++) {
    const id = textAt(cases, r, h.columns.get('案例编号')!);
    if (!passed.has(id) || textAt(cases, r, h.columns.get('初评')!) !== '') continue;
    out.updates.push({ sheet: cases.name, address: a1(r, h.columns.get('初评')!), value: YES });
  }
}
