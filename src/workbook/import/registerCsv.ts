import Papa from 'papaparse';
import { a1 } from '../address';
import type { CellUpdate, WorkbookData } from '../model';
import { SHEET, SHEET_FORMAL_REVIEW } from '../names';
import { findHeader, textAt } from '../read/cells';
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
  added: string[];
  /** Why the file, or a row of it, cannot be taken; nothing is written while there is any. */
  problems: string[];
}

/**
 * Appends the records of a CSV file to 案例登记 or 专家库, below the last record, never over a filled cell. Every
 * value is written as text, so "=…" from a CSV never becomes a formula. A record whose id is already registered, or
 * repeated in the file, refuses the whole import, naming the line.
 */
export function importRegisterCsv(data: WorkbookData, kind: RegisterKind, bytes: Uint8Array, file: string): CsvImport {
  const { text, encoding } = decodeText(bytes);
  const out: CsvImport = { encoding, updates: [], added: [], problems: [] };
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
    out.problems.push(`${file} 是空的。`);
    return out;
  }
  const header = rows[0].map((h) => ALIASES[h] ?? h);
  const missing = target.required.filter((h) => !header.includes(h));
  if (missing.length > 0) {
    out.problems.push(`${file} 第 ${lineOf[0]} 行（表头）缺少列：${missing.join('、')}（读作 ${encoding}）。`);
    return out;
  }
  const sheet = data.sheets.find((s) => s.name === target.sheet);
  const h = sheet ? findHeader(sheet, target.required) : null;
  if (!sheet || !h) {
    out.problems.push(`工作簿中没有可用的“${target.sheet}”。`);
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
      out.problems.push(`${file} 第 ${line} 行没有${target.id}。`);
      return;
    }
    if (existing.has(id))
      out.problems.push(`${file} 第 ${line} 行的${target.id} ${id} 已在“${target.sheet}”中登记，未导入。`);
    else if (seen.has(id)) out.problems.push(`${file} 第 ${line} 行的${target.id} ${id} 与第 ${seen.get(id)} 行重复。`);
    seen.set(id, line);
    records.push(record);
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    const at = e.row === undefined ? undefined : rowOfRecord.get(e.row);
    out.problems.push(`${file}${at === undefined ? '' : ` 第 ${lineOf[at]} 行`}无法解析：${e.message}。`);
  }
  if (out.problems.length > 0) return out;

  records.forEach((record, i) => {
    const r = last + 1 + i;
    header.forEach((name, k) => {
      const col = h.columns.get(name);
      if (col !== undefined && record[k] !== '')
        out.updates.push({ sheet: sheet.name, address: a1(r, col), value: record[k] });
    });
    out.added.push(record[header.indexOf(target.id)]);
  });
  if (kind === 'cases') appendFormalReviewRows(data, records, header, out);
  return out;
}

/** New cases also get a 规范性审核 row, with the result left for the review. */
function appendFormalReviewRows(data: WorkbookData, records: string[][], header: string[], out: CsvImport): void {
  const sheet = data.sheets.find((s) => s.name === SHEET_FORMAL_REVIEW);
  const h = sheet ? findHeader(sheet, ['案例编号', '案例名称', '申报单位']) : null;
  if (!sheet || !h) return;
  let last = h.row;
  for (let r = h.row + 1; r <= sheet.values.length; r++) if (textAt(sheet, r, 1) !== '') last = r;
  records.forEach((record, i) => {
    for (const name of ['案例编号', '案例名称', '申报单位']) {
      out.updates.push({
        sheet: sheet.name,
        address: a1(last + 1 + i, h.columns.get(name)!),
        value: record[header.indexOf(name)],
      });
    }
  });
}
