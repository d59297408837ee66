import { FORMAL_REVIEW_LABEL, YES } from './labels';
import { a1 } from './address';
import type { CellUpdate, WorkbookData } from './model';
import { SHEET_FORMAL_REVIEW } from './names';
import { findHeader, textAt } from './read/cells';
import { FORMAL_CHECKS } from './sheets/formalReviewSheet';

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
  problems: { cell: string; message: string }[];
}

/**
 * 规范性审核 (9.1.3): a case passes when every check is 是; a 否 means 未通过 unless the secretariat granted a
 * one-time correction (限期补正, with reasons and a deadline). A result must agree with its checks and give reasons.
 */
export function reviewFormal(data: WorkbookData): FormalReviewOutcome {
  const out: FormalReviewOutcome = { rows: [], updates: [], problems: [] };
  const sheet = data.sheets.find((s) => s.name === SHEET_FORMAL_REVIEW);
  if (!sheet) {
    out.problems.push({ cell: SHEET_FORMAL_REVIEW, message: `工作簿中没有“${SHEET_FORMAL_REVIEW}”工作表。` });
    return out;
  }
  const h = findHeader(sheet, ['案例编号', '审核结果', '审核说明']);
  if (!h) {
    out.problems.push({ cell: SHEET_FORMAL_REVIEW, message: `“${SHEET_FORMAL_REVIEW}”的表头被改动。` });
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
    const note = textAt(sheet, r, col('审核说明'));
    if (result === '' && unanswered.length === 0) {
      result = failed.length === 0 ? FORMAL_REVIEW_LABEL.passed : FORMAL_REVIEW_LABEL.failed;
      out.updates.push({ sheet: sheet.name, address: a1(r, col('审核结果')), value: result });
      if (failed.length > 0 && note === '') {
        out.updates.push({ sheet: sheet.name, address: a1(r, col('审核说明')), value: `不符合：${failed.join('；')}` });
      }
    } else if (result === FORMAL_REVIEW_LABEL.passed && failed.length > 0) {
      out.problems.push({
        cell: cell(r, '审核结果'),
        message: `案例 ${id} 审核结果为“通过”，但“${failed.join('、')}”为“否”。`,
      });
    } else if (result === FORMAL_REVIEW_LABEL.failed && note === '' && failed.length === 0) {
      out.problems.push({ cell: cell(r, '审核说明'), message: `案例 ${id} 未通过审核，须写明原因（审核说明）。` });
    } else if (result === FORMAL_REVIEW_LABEL.pending) {
      if (note === '')
        out.problems.push({
          cell: cell(r, '审核说明'),
          message: `案例 ${id} 限期补正，须写明须补正的材料（审核说明）。`,
        });
      if (h.columns.has('补正期限') && textAt(sheet, r, col('补正期限')) === '') {
        out.problems.push({
          cell: cell(r, '补正期限'),
          message: `案例 ${id} 限期补正，须填写补正期限（准则 9.1.3：可限期一次性补充完善）。`,
        });
      }
    }
    out.rows.push({ case: id, result, failed, unanswered });
  }
  return out;
}
