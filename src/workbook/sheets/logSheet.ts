import type { Panel } from '../../core/panel/types';
import { fingerprintOf, inputFingerprint } from '../fingerprint';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { SHEET } from '../names';
import { planPrint } from '../print/pagePlan';
import { rowHeightFor } from '../print/textFit';

/** Widths: 序号, 时间, 业务日期, 操作, 操作人, 说明, and the three 32-digit fingerprints whole. */
const LOG_WIDTHS = [5, 17, 10, 12, 10, 38, 36, 36, 36];

export interface LogRow {
  /** When the command ran (local time). */
  time: string;
  /** The date the command acts for, when it is not the day it ran (a release date, a notice date); else ''. */
  actsFor?: string;
  action: string;
  user: string;
  detail: string;
  inputFingerprint: string;
  resultFingerprint: string;
  /** Hash of this row chained to the previous row's: editing or deleting any earlier row breaks every later one. */
  chain: string;
}

export const LOG_COLUMNS = ['序号', '时间', '业务日期', '操作', '操作人', '说明', '输入指纹', '结果指纹', '校验'];

/** 操作日志: every command that changed the workbook, oldest first; earlier rows are carried over verbatim. */
export function logSheet(rows: LogRow[]): SheetSpec {
  const g = new Grid();
  LOG_COLUMNS.forEach((h, i) => g.value(1, i + 1, h, 'header'));
  const rowHeights: Record<number, number> = {};
  rows.forEach((row, i) => {
    const r = i + 2;
    rowHeights[r] = rowHeightFor([row.detail, LOG_WIDTHS[5]], [row.action, LOG_WIDTHS[3]]);
    g.value(r, 1, i + 1, 'integer');
    g.value(r, 2, row.time, 'text');
    g.value(r, 3, row.actsFor ?? '', 'text');
    g.value(r, 4, row.action, 'wrap');
    g.value(r, 5, row.user, 'cell');
    g.value(r, 6, row.detail, 'wrap');
    g.value(r, 7, row.inputFingerprint, 'text');
    g.value(r, 8, row.resultFingerprint, 'text');
    g.value(r, 9, row.chain, 'text');
  });
  return {
    name: SHEET.log,
    kind: 'log',
    rows: g.rows(),
    columns: LOG_WIDTHS,
    rowHeights,
    freeze: { rows: 1, columns: 0 },
    // What happened on the first page, the fingerprints and the chain that prove it on the next.
    print: planPrint(LOG_WIDTHS, {
      orientation: 'landscape',
      titleRows: '1:1',
      titleColumns: [1, 2],
      breakable: [7, 8],
    }),
    protection: { withPassword: true },
  };
}

/** The chain value of a log row, given the previous row's chain ('' for the first row). */
export function chainOf(previous: string, row: Omit<LogRow, 'chain'>): string {
  return fingerprintOf([
    previous,
    row.time,
    row.action,
    row.user,
    row.detail,
    row.inputFingerprint,
    row.resultFingerprint,
    // Rows written before 业务日期 existed, and rows without one, chain as they always did.
    ...(row.actsFor ? [row.actsFor] : []),
  ]);
}

/** 操作日志 with one more row, chained to the last one. */
export function appendLog(log: LogRow[], entry: Omit<LogRow, 'chain'>): SheetSpec {
  return logSheet([...log, { ...entry, chain: chainOf(log.at(-1)?.chain ?? '', entry) }]);
}

/** 操作日志 with a row for a command that changed the inputs: the inputs' fingerprint, no result fingerprint. */
export function logInputChange(
  read: { log: LogRow[]; panel: Panel },
  entry: { time: string; action: string; user: string; detail: string },
): SheetSpec {
  return appendLog(read.log, { ...entry, inputFingerprint: inputFingerprint(read.panel), resultFingerprint: '' });
}
