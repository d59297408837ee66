import type { Finding, Lang } from '../core/engine/findings';
import { GRADES } from '../core/engine/grade';
import { a1 } from './address';
import type { CellUpdate, SheetData, WorkbookData } from './model';
import { SHEET } from './names';
import { findHeader, textAt, valueAt } from './read/cells';
import { isoDateOf } from './read/dates';
import { OBJECTION_COLUMNS } from './sheets/objectionsSheet';

type Column = (typeof OBJECTION_COLUMNS)[number];

export interface ObjectionRecord {
  row: number;
  fields: Record<Column, string>;
  /** 收到日期 as YYYY-MM-DD, or null when blank or not a date. */
  received: string | null;
  handled: string | null;
}

export interface ObjectionProblem {
  cell: string;
  message: string;
  messageEn: string;
}

export interface GradeChange {
  objection: string;
  case: string;
  before: string;
  after: string;
  reason: string;
  date: string;
}

export interface ObjectionReview {
  records: ObjectionRecord[];
  /** 是否受理, 不予受理原因 and 调整前等级 filled where the clerk left them blank; nothing typed is overwritten. */
  updates: CellUpdate[];
  problems: ObjectionProblem[];
  /** Accepted objections not yet closed (no final 处理结果 with a 处理日期). */
  open: ObjectionRecord[];
  changes: GradeChange[];
}

const WRITTEN = ['书面', '电子邮件'];
const CLOSED = ['驳回', '重新评议', '调整等级'];

export function readObjections(
  data: WorkbookData,
): { sheet: SheetData; records: ObjectionRecord[]; columns: Map<string, number> } | null {
  const sheet = data.sheets.find((s) => s.name === SHEET.objections);
  if (!sheet) return null;
  const h = findHeader(sheet, ['异议编号', '异议人（实名）', '是否受理']);
  if (!h) return null;
  const records: ObjectionRecord[] = [];
  for (let r = h.row + 1; r <= sheet.values.length; r++) {
    const fields = {} as Record<Column, string>;
    for (const c of OBJECTION_COLUMNS) fields[c] = h.columns.has(c) ? textAt(sheet, r, h.columns.get(c)!) : '';
    if (OBJECTION_COLUMNS.every((c) => fields[c] === '')) continue;
    const received = h.columns.has('收到日期') ? isoDateOf(valueAt(sheet, r, h.columns.get('收到日期')!)) : null;
    const handled = h.columns.has('处理日期') ? isoDateOf(valueAt(sheet, r, h.columns.get('处理日期')!)) : null;
    records.push({ row: r, fields, received, handled });
  }
  return { sheet, records, columns: h.columns };
}

/**
 * Applies 9.4.2–9.4.3 to the 异议登记 register: an objection is accepted only when made under a real name, in
 * writing and within the notice period, about a published case; an accepted one is closed by 驳回 (with reasons),
 * 重新评议 or 调整等级 (before, after, reasons and date all recorded).
 */
export function reviewObjections(
  data: WorkbookData,
  context: { period: { first: string; last: string } | null; published: Map<string, string> },
): ObjectionReview {
  const read = readObjections(data);
  const review: ObjectionReview = { records: [], updates: [], problems: [], open: [], changes: [] };
  if (!read) return review;
  const { sheet, records, columns } = read;
  review.records = records;
  const cell = (r: number, c: Column): string => `${sheet.name}!${a1(r, columns.get(c)!)}`;
  const fill = (r: number, c: Column, value: string): void => {
    review.updates.push({ sheet: sheet.name, address: a1(r, columns.get(c)!), value });
  };

  for (const o of records) {
    const f = o.fields;
    const id = f['异议编号'] || `第 ${o.row} 行`;
    const idEn = f['异议编号'] || `on row ${o.row}`;
    // Why the objection is not accepted, as written into 不予受理原因 (Chinese) and reported in English.
    let refusal: string | null = null;
    let refusalEn = '';
    if (f['异议人（实名）'] === '' || /匿名|佚名|不愿透露/.test(f['异议人（实名）'])) {
      refusal = '匿名异议不予受理（准则 9.4.2）';
      refusalEn = 'it is anonymous, and anonymous objections are not accepted (clause 9.4.2)';
    } else if (!WRITTEN.includes(f['提出形式'])) {
      refusal = '异议应以书面形式提出（准则 9.4.2）';
      refusalEn = 'it was not made in writing (clause 9.4.2)';
    } else if (!context.period) refusal = null;
    else if (o.received === null) {
      review.problems.push({
        cell: cell(o.row, '收到日期'),
        message: `异议 ${id} 没有有效的收到日期，无法判断是否在公示期内。`,
        messageEn: `Objection ${idEn} has no valid 收到日期 (date received), so it cannot be told whether it came within the notice period.`,
      });
    } else if (o.received > context.period.last) {
      refusal = `超过公示期（${context.period.last} 截止）提出，不予受理（准则 9.4.2）`;
      refusalEn = `it came after the notice period (ended ${context.period.last}) (clause 9.4.2)`;
    }
    if (!refusal && f['所涉案例编号'] !== '' && !context.published.has(f['所涉案例编号'])) {
      refusal = `所涉案例 ${f['所涉案例编号']} 不在公示名单中`;
      refusalEn = `case ${f['所涉案例编号']} is not on the published list`;
    }
    const decided = f['是否受理'];
    if (decided === '') {
      if (refusal) {
        fill(o.row, '是否受理', '不予受理');
        if (f['不予受理原因'] === '') fill(o.row, '不予受理原因', refusal);
      } else if (o.received !== null || !context.period) {
        fill(o.row, '是否受理', '受理');
      }
    } else if (decided === '受理' && refusal) {
      review.problems.push({
        cell: cell(o.row, '是否受理'),
        message: `异议 ${id} 登记为受理，但${refusal}。`,
        messageEn: `Objection ${idEn} is recorded as accepted, but ${refusalEn}.`,
      });
    }
    const accepted = decided === '受理' || (decided === '' && !refusal && (o.received !== null || !context.period));
    if (!accepted) continue;

    const result = f['处理结果'];
    const grade = context.published.get(f['所涉案例编号']) ?? '';
    if (result === '调整等级') {
      if (f['调整前等级'] === '' && grade) fill(o.row, '调整前等级', grade);
      const before = f['调整前等级'] || grade;
      const after = f['调整后等级'];
      if (!(GRADES as readonly string[]).includes(after) || after === before) {
        review.problems.push({
          cell: cell(o.row, '调整后等级'),
          message: `异议 ${id} 调整等级，但调整后等级“${after}”无效或与调整前相同。`,
          messageEn: `Objection ${idEn} changes the grade, but the new grade "${after}" is not a grade or is the same as before.`,
        });
      } else if (f['处理说明'] === '') {
        review.problems.push({
          cell: cell(o.row, '处理说明'),
          message: `异议 ${id} 调整等级须写明理由（处理说明）。`,
          messageEn: `Objection ${idEn} changes the grade; the reason must be written in 处理说明.`,
        });
      } else if (o.handled === null) {
        review.problems.push({
          cell: cell(o.row, '处理日期'),
          message: `异议 ${id} 调整等级须填写处理日期。`,
          messageEn: `Objection ${idEn} changes the grade; 处理日期 (date handled) must be filled in.`,
        });
      } else {
        review.changes.push({
          objection: id,
          case: f['所涉案例编号'],
          before,
          after,
          reason: f['处理说明'],
          date: o.handled,
        });
      }
    }
    if (result === '驳回' && f['处理说明'] === '') {
      review.problems.push({
        cell: cell(o.row, '处理说明'),
        message: `异议 ${id} 驳回须说明理由（准则 9.4.3.3）。`,
        messageEn: `Objection ${idEn} is dismissed; the reason must be given in 处理说明 (clause 9.4.3.3).`,
      });
    }
    if (!CLOSED.includes(result) || o.handled === null) review.open.push(o);
  }
  return review;
}

/** Objection problems as findings, for the JSON outputs. */
export function objectionFindings(
  problems: ObjectionProblem[],
  lang: Lang = 'zh',
): Pick<Finding, 'severity' | 'code' | 'cell' | 'message'>[] {
  return problems.map((p) => ({
    severity: 'error',
    code: 'objection-record',
    cell: p.cell,
    message: lang === 'en' ? p.messageEn : p.message,
  }));
}
