import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { Decimal, toDecimal } from '../../core/exact/decimal';
import { ROUND_IDS, ROUND_NAMES } from '../../core/panel/types';
import { orderedItems } from '../../core/rubric/lookup';
import type { Rubric } from '../../core/rubric/types';
import { YES } from '../labels';
import type { ReadValue, SheetSpec, WorkbookData, WorkbookSpec } from '../model';
import { planPrint } from '../print/pagePlan';
import { readEvaluationWorkbook } from '../read/readEvaluationWorkbook';
import { workbookStyles } from '../styles';

// 评分明细: every score entry of the workbook in long form, one row per round, expert and case — what offices keep
// for the record and auditors ask for. Internal: it holds expert names and individual scores, never published.

export const SCORES_INTERNAL =
  '内部资料：含专家姓名和个人评分，仅供评价工作部存档与审计，不得公开（准则 9.4.1 只公示案例、申报单位和等级）。';

export const SCORES_SHEET = '评分明细';

export interface ScoresArchive {
  /** The evaluation's name (评价名称). */
  title: string;
  header: string[];
  /** Numbers stay numbers; everything else is text as the expert typed it. */
  rows: (string | number)[][];
}

function shown(v: unknown): string | number {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'error' in (v as object)) return String((v as { error: string }).error);
  return String(v);
}

/** Every entry of the workbook's expert sheets, in round, expert and case order, with its 总分 where all items are numbers. */
export function scoresArchive(data: WorkbookData, options: { rubric?: Rubric } = {}): ScoresArchive {
  const read = readEvaluationWorkbook(data, options);
  const { panel } = read;
  const items = orderedItems(panel.rubric);
  const header = [
    '轮次',
    '专家编号',
    '专家姓名',
    '案例编号',
    '案例名称',
    ...items.map((it) => it.name.zh),
    '总分',
    '回避',
    '推荐',
    '单元格',
  ];
  const experts = new Map(panel.experts.map((e) => [e.id, e.name]));
  const cases = new Map(panel.cases.map((c) => [c.id, c.name]));
  const caseOrder = new Map(panel.cases.map((c, i) => [c.id, i]));
  const expertOrder = new Map(panel.experts.map((e, i) => [e.id, i]));
  const entries = [...panel.scores].sort(
    (a, b) =>
      ROUND_IDS.indexOf(a.round) - ROUND_IDS.indexOf(b.round) ||
      (expertOrder.get(a.expert) ?? 1e9) - (expertOrder.get(b.expert) ?? 1e9) ||
      a.expert.localeCompare(b.expert) ||
      (caseOrder.get(a.case) ?? 1e9) - (caseOrder.get(b.case) ?? 1e9),
  );
  const rows = entries.map((e) => {
    const values = items.map((it) => shown((e.items as Record<string, ReadValue | undefined>)[it.id]));
    // 总分 as the sheet adds it: only when every item holds a number, exactly.
    const numbers = values.every((v) => typeof v === 'number');
    const total = numbers
      ? values.reduce<Decimal>((a, v) => a.plus(toDecimal(v as number)!), new Decimal(0)).toString()
      : '';
    return [
      ROUND_NAMES[e.round].zh,
      e.expert,
      experts.get(e.expert) ?? '',
      e.case,
      cases.get(e.case) ?? '',
      ...values,
      total === '' ? '' : Number(total),
      e.recused ? YES : '否',
      e.recommend === undefined ? '' : e.recommend ? YES : '否',
      e.cells?.row ?? '',
    ];
  });
  return { title: panel.title, header, rows };
}

export type CsvEncoding = 'utf-8' | 'gbk';

/**
 * The archive as CSV: UTF-8 with a byte-order mark by default, so that Excel on Chinese Windows opens it in the right
 * encoding, or GBK. Text that starts with = + - @, a tab or a carriage return gets a leading apostrophe, so that no
 * spreadsheet opening the file runs it as a formula (OWASP, CSV injection).
 */
export function scoresCsv(archive: ScoresArchive, encoding: CsvEncoding = 'utf-8'): Uint8Array {
  const text = Papa.unparse({ fields: archive.header, data: archive.rows }, { escapeFormulae: true, newline: '\r\n' });
  if (encoding === 'gbk') return new Uint8Array(iconv.encode(text, 'gbk'));
  return new Uint8Array(iconv.encode(`\uFEFF${text}`, 'utf8'));
}

/** The archive as a workbook of one sheet, the header's note saying it is internal. Cells are written as text. */
export function scoresWorkbookSpec(archive: ScoresArchive): WorkbookSpec {
  const columns = archive.header.map((h, i) =>
    i === 2 || i === 4 ? 18 : i === archive.header.length - 1 ? 16 : Math.max(6, h.length * 2),
  );
  const sheet: SheetSpec = {
    name: SCORES_SHEET,
    kind: 'log',
    rows: [
      archive.header.map((h) => ({ value: h, style: 'header' })),
      ...archive.rows.map((r) => r.map((v) => ({ value: v, style: typeof v === 'number' ? 'cellCenter' : 'text' }))),
    ],
    columns,
    rowHeights: { 1: 44 },
    freeze: { rows: 1, columns: 5 },
    notes: [{ cell: 'A1', text: SCORES_INTERNAL }],
    print: planPrint(columns, { orientation: 'landscape', titleRows: '1:1', titleColumns: [1, 5] }),
  };
  return { title: `${archive.title} ${SCORES_SHEET}`.trim(), sheets: [sheet], styles: workbookStyles(2) };
}
