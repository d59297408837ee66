import Papa from 'papaparse';
import { categoryProblem } from '../../core/categories/appendixA';
import type { Lang } from '../../core/engine/findings';
import { APPENDIX_B } from '../../core/rubric/appendixB';
import type { Rubric } from '../../core/rubric/types';
import { a1 } from '../address';
import type { CellUpdate, RegisterGrowth, WorkbookData } from '../model';
import { SHEET, SHEET_FORMAL_REVIEW } from '../names';
import { findHeader, textAt } from '../read/cells';
import { formalReviewFormula } from '../sheets/registers';
import { decodeText, type TextEncoding } from './decode';

export type RegisterKind = 'cases' | 'experts';

const TARGET: Record<RegisterKind, { sheet: string; id: string; required: string[] }> = {
  cases: { sheet: SHEET.cases, id: '案例编号', required: ['案例编号', '案例名称', '申报单位'] },
  experts: { sheet: SHEET.experts, id: '专家编号', required: ['专家编号', '姓名', '工作单位'] },
};

/** Headers an export from another system may use for our columns. */
const ALIASES: Record<string, string> = {
  编号: '案例编号',
  案例: '案例名称',
  项目名称: '案例名称',
  单位: '申报单位',
  申报单位名称: '申报单位',
  类别: '产业类别',
  专家姓名: '姓名',
  单位名称: '工作单位',
  所在单位: '工作单位',
  领域: '专业领域',
};

export interface CsvImport {
  encoding: TextEncoding;
  updates: CellUpdate[];
  /** The registers the new rows extend: their tables, validations and formats reach the new rows. */
  growth: RegisterGrowth[];
  added: string[];
  /** Why the file, or a row of it, cannot be taken; nothing is written while there is any. */
  problems: string[];
}

/**
 * Appends the records of a CSV file to 案例登记 or 专家库, below the last record, never over a filled cell. Every
 * value is written as text, so "=…" from a CSV never becomes a formula. A record whose id is already registered, or
 * repeated in the file, refuses the whole import, naming the line.
 */
export function importRegisterCsv(
  data: WorkbookData,
  kind: RegisterKind,
  bytes: Uint8Array,
  file: string,
  rubric: Rubric = APPENDIX_B,
  lang: Lang = 'zh',
): CsvImport {
  const say = (zh: string, en: string): string => (lang === 'en' ? en : zh);
  const { text, encoding } = decodeText(bytes);
  const out: CsvImport = { encoding, updates: [], growth: [], added: [], problems: [] };
  const target = TARGET[kind];
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  // Messages name the line as a text editor shows it: blank lines and line breaks inside quoted fields count.
  const lineOf: number[] = [];
  const rows: string[][] = [];
  const rowOfRecord = new Map<number, number>();
  let line = 1;
  parsed.data.forEach((r, i) => {
    const cells = r.map((c) => c.trim());
    if (cells.some((c) => c !== '')) {
      rowOfRecord.set(i, rows.length);
      rows.push(cells);
      lineOf.push(line);
    }
    line += 1 + r.reduce((k, c) => k + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  });
  if (rows.length === 0) {
    out.problems.push(say(`${file} 是空的。`, `${file} is empty.`));
    return out;
  }
  const header = rows[0].map((h) => ALIASES[h] ?? h);
  const missing = target.required.filter((h) => !header.includes(h));
  if (missing.length > 0) {
    out.problems.push(
      say(
        `${file} 第 ${lineOf[0]} 行（表头）缺少列：${missing.join('、')}（读作 ${encoding}）。`,
        `${file} line ${lineOf[0]} (the header) lacks the columns ${missing.join(', ')} (read as ${encoding}).`,
      ),
    );
    return out;
  }
  const sheet = data.sheets.find((s) => s.name === target.sheet);
  const h = sheet ? findHeader(sheet, target.required) : null;
  if (!sheet || !h) {
    out.problems.push(say(`工作簿中没有可用的“${target.sheet}”。`, `The workbook has no usable "${target.sheet}".`));
    return out;
  }
  const idCol = h.columns.get(target.id)!;
  const existing = new Set<string>();
  let last = h.row;
  for (let r = h.row + 1; r <= sheet.values.length; r++) {
    const id = textAt(sheet, r, idCol);
    if (id !== '') {
      existing.add(id);
      last = r;
    }
  }
  const seen = new Map<string, number>();
  const records: string[][] = [];
  rows.slice(1).forEach((row, i) => {
    const line = lineOf[i + 1];
    const record = header.map((_h, k) => row[k] ?? '');
    const id = record[header.indexOf(target.id)];
    if (id === '') {
      out.problems.push(say(`${file} 第 ${line} 行没有${target.id}。`, `${file} line ${line} has no ${target.id}.`));
      return;
    }
    if (existing.has(id))
      out.problems.push(
        say(
          `${file} 第 ${line} 行的${target.id} ${id} 已在“${target.sheet}”中登记，未导入。`,
          `${file} line ${line}: ${target.id} ${id} is already registered in "${target.sheet}"; not imported.`,
        ),
      );
    else if (seen.has(id))
      out.problems.push(
        say(
          `${file} 第 ${line} 行的${target.id} ${id} 与第 ${seen.get(id)} 行重复。`,
          `${file} line ${line}: ${target.id} ${id} repeats line ${seen.get(id)}.`,
        ),
      );
    if (kind === 'cases') {
      // Categories as Appendix A lists them, bonus clauses as the rubric has them: anything else, named here,
      // would otherwise pass unnoticed or stop the next computation.
      const review = record[header.indexOf('规范性审核')] ?? '';
      if (review !== '' && !['通过', '未通过', '限期补正'].includes(review))
        out.problems.push(
          say(
            `${file} 第 ${line} 行的规范性审核为“${review}”，应为“通过”“未通过”“限期补正”或留空（未审核）。`,
            `${file} line ${line}: 规范性审核 is "${review}"; it should be 通过, 未通过, 限期补正 or blank (not reviewed).`,
          ),
        );
      const category = record[header.indexOf('产业类别')] ?? '';
      const wrong = category === '' ? null : categoryProblem(category, lang);
      if (wrong) out.problems.push(say(`${file} 第 ${line} 行：${wrong}。`, `${file} line ${line}: ${wrong}.`));
      const bonus = record[header.indexOf('加分条款')] ?? '';
      for (const part of bonus
        .split(/[；;，,、\n]/)
        .map((x) => x.trim())
        .filter(Boolean)) {
        if (!rubric.bonuses.some((b) => b.id === part || b.label.zh === part))
          out.problems.push(
            say(
              `${file} 第 ${line} 行的加分条款“${part}”不是评分表中的条款（可填：${rubric.bonuses.map((b) => b.label.zh).join('、')}）。`,
              `${file} line ${line}: the bonus clause "${part}" is not one of the rubric's (use: ${rubric.bonuses.map((b) => b.label.zh).join(', ')}).`,
            ),
          );
      }
    }
    seen.set(id, line);
    records.push(record);
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    const at = e.row === undefined ? undefined : rowOfRecord.get(e.row);
    out.problems.push(
      say(
        `${file}${at === undefined ? '' : ` 第 ${lineOf[at]} 行`}无法解析：${e.message}。`,
        `${file}${at === undefined ? '' : ` line ${lineOf[at]}`} cannot be parsed: ${e.message}.`,
      ),
    );
  }
  // The rows below the last record must be empty: a row typed without its id is not written over.
  for (let i = 0; i < records.length; i++) {
    const r = last + 1 + i;
    const filled = (sheet.values[r - 1] ?? []).findIndex((v) => v !== null && v !== '');
    if (filled >= 0) {
      out.problems.push(
        say(
          `“${target.sheet}”第 ${r} 行没有${target.id}，但 ${a1(r, filled + 1)} 已有内容，导入会覆盖它；请先补上编号或清空该行。`,
          `"${target.sheet}" row ${r} has no ${target.id}, but ${a1(r, filled + 1)} holds something the import would overwrite; fill in the id or clear the row first.`,
        ),
      );
      break;
    }
  }
  if (out.problems.length > 0) return out;

  // Every column of a new row is written, each cell formatted like the register's first row, so the row looks and
  // validates like the others; 案例登记's 规范性审核 column gets its formula.
  const first = h.row + 1;
  records.forEach((record, i) => {
    const r = last + 1 + i;
    for (const [name, col] of h.columns) {
      const k = header.indexOf(name);
      const value = k >= 0 && record[k] !== '' ? record[k] : null;
      const like = a1(first, col);
      if (kind === 'cases' && name === '规范性审核')
        out.updates.push({
          sheet: sheet.name,
          address: a1(r, col),
          value: null,
          formula: formalReviewFormula(r),
          styleLike: like,
        });
      else out.updates.push({ sheet: sheet.name, address: a1(r, col), value, styleLike: like });
    }
    out.added.push(record[header.indexOf(target.id)]);
  });
  out.growth.push({ sheet: sheet.name, lastRow: Math.max(last, first), newLastRow: last + records.length });
  if (kind === 'cases') appendFormalReviewRows(data, records, header, out);
  return out;
}

/** New cases also get a 规范性审核 row like the first one, with the checklist and the result left for the review. */
function appendFormalReviewRows(data: WorkbookData, records: string[][], header: string[], out: CsvImport): void {
  const sheet = data.sheets.find((s) => s.name === SHEET_FORMAL_REVIEW);
  const h = sheet ? findHeader(sheet, ['案例编号', '案例名称', '申报单位']) : null;
  if (!sheet || !h) return;
  let last = h.row;
  for (let r = h.row + 1; r <= sheet.values.length; r++) if (textAt(sheet, r, 1) !== '') last = r;
  const first = h.row + 1;
  // A result the CSV brings (from an intake system) is the review's result, with its reasons; blank is 未审核.
  const carried: Record<string, string> = { 审核结果: '规范性审核', 审核说明: '审核说明' };
  records.forEach((record, i) => {
    const r = last + 1 + i;
    for (const [name, col] of h.columns) {
      const source = ['案例编号', '案例名称', '申报单位'].includes(name) ? name : carried[name];
      const k = source === undefined ? -1 : header.indexOf(source);
      out.updates.push({
        sheet: sheet.name,
        address: a1(r, col),
        value: k >= 0 && record[k] !== '' ? record[k] : null,
        styleLike: a1(first, col),
      });
    }
  });
  out.growth.push({ sheet: sheet.name, lastRow: Math.max(last, first), newLastRow: last + records.length });
}
