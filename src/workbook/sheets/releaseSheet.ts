import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { SHEET_RELEASE } from '../names';
import type { GradeChange } from '../objections';
import { planPrint } from '../print/pagePlan';
import { wrappedHeight } from '../print/textFit';
import { chineseDate } from './dates';
import { SEAL } from './lettersSheet';

export interface ReleaseEntry {
  caseId: string;
  caseName: string;
  applicant: string;
  score: string;
  computed: string;
  final: string;
  change: GradeChange | null;
  certificate: string;
}

const GRADE_CODE: Record<string, string> = { 一等: '1', 二等: '2', 三等: '3' };

/**
 * Certificate numbers for the cases whose final grade is 一等, 二等 or 三等, in case order, by the office's pattern:
 * {年份} the release year, {等级} 1/2/3, {序号} the sequence in three digits ({序号:N} in N).
 */
export function certificateNumbers(
  pattern: string,
  year: string,
  finals: { caseId: string; final: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  let seq = 0;
  for (const f of finals) {
    const code = GRADE_CODE[f.final];
    if (!code) continue;
    seq++;
    out.set(
      f.caseId,
      pattern
        .replace(/\{年份\}/g, year)
        .replace(/\{等级\}/g, code)
        .replace(/\{序号(?::([1-9]))?\}/g, (_m, width?: string) => String(seq).padStart(Number(width ?? 3), '0')),
    );
  }
  return out;
}

const COLUMNS = [5, 9, 22, 20, 8, 8, 8, 28, 18];

/** 结果发布: the final results after the notice and every objection are closed (9.4.4), with the certificate list. */
export function releaseSheet(input: {
  title: string;
  organizer: string;
  date: string;
  entries: ReleaseEntry[];
}): SheetSpec {
  const rowHeights: Record<number, number> = { 1: 28 };
  const g = new Grid();
  const headers = [
    '序号',
    '案例编号',
    '案例名称',
    '申报单位',
    '综合得分',
    '计算等级',
    '最终等级',
    '变更说明',
    '证书编号',
  ];
  g.value(1, 1, `${input.title || '科技创新成果转化评价'}　最终评价结果`, 'title');
  const lead = `公示及异议处理程序已全部完成，现正式发布最终评价结果（准则 9.4.4）。发布日期：${chineseDate(input.date)}`;
  g.value(2, 1, lead, 'note');
  rowHeights[2] = wrappedHeight(
    lead,
    COLUMNS.reduce((a, b) => a + b),
  );
  headers.forEach((h, i) => g.value(3, i + 1, h, 'header'));
  input.entries.forEach((e, i) => {
    const r = 4 + i;
    g.value(r, 1, i + 1, 'integer');
    g.value(r, 2, e.caseId, 'cellCenter');
    g.value(r, 3, e.caseName, 'wrap');
    g.value(r, 4, e.applicant, 'wrap');
    g.value(r, 5, e.score, 'cellCenter');
    g.value(r, 6, e.computed, 'cellCenter');
    g.value(r, 7, e.final, 'cellCenter');
    const change = e.change
      ? `异议 ${e.change.objection}：${e.change.before}→${e.change.after}，${e.change.reason}（${e.change.date}）`
      : '';
    g.value(r, 8, change, 'wrap');
    g.value(r, 9, e.certificate, 'cellCenter');
    rowHeights[r] = Math.max(
      20,
      wrappedHeight(e.caseName, COLUMNS[2]),
      wrappedHeight(e.applicant, COLUMNS[3]),
      wrappedHeight(change, COLUMNS[7]),
    );
  });
  // Signed by the office, as the letters are.
  const sign = 4 + input.entries.length + 2;
  const merges = [rangeRef(1, 1, 1, headers.length), rangeRef(2, 1, 2, headers.length)];
  [input.organizer || '（管理机构名称）', SEAL, chineseDate(input.date)].forEach((text, k) => {
    g.value(sign + k, 7, text, 'signature');
    merges.push(rangeRef(sign + k, 7, sign + k, 9));
    rowHeights[sign + k] = 24;
  });
  return {
    name: SHEET_RELEASE,
    kind: 'notice',
    rows: g.rows(),
    columns: COLUMNS,
    rowHeights,
    merges,
    freeze: { rows: 3, columns: 0 },
    print: planPrint(COLUMNS, { orientation: 'landscape', titleRows: '1:3' }),
    protection: { withPassword: true },
  };
}
