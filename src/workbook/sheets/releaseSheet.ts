import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { SHEET_RELEASE } from '../names';
import type { GradeChange } from '../objections';

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

/** Certificate numbers for the cases whose final grade is 一等, 二等 or 三等, in case order. */
export function certificateNumbers(year: string, finals: { caseId: string; final: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  let seq = 0;
  for (const f of finals) {
    const code = GRADE_CODE[f.final];
    if (code) out.set(f.caseId, `CEEAS-${year}-${code}-${String(++seq).padStart(3, '0')}`);
  }
  return out;
}

/** 结果发布: the final results after the notice and every objection are closed (9.4.4), with the certificate list. */
export function releaseSheet(input: {
  title: string;
  organizer: string;
  date: string;
  entries: ReleaseEntry[];
}): SheetSpec {
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
  g.value(
    2,
    1,
    `公示及异议处理程序已全部完成，现正式发布最终评价结果（准则 9.4.4）。发布日期：${input.date}　${input.organizer}`,
    'note',
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
    g.value(
      r,
      8,
      e.change
        ? `异议 ${e.change.objection}：${e.change.before}→${e.change.after}，${e.change.reason}（${e.change.date}）`
        : '',
      'wrap',
    );
    g.value(r, 9, e.certificate, 'cellCenter');
  });
  return {
    name: SHEET_RELEASE,
    kind: 'notice',
    rows: g.rows(),
    columns: [6, 10, 30, 26, 9, 9, 9, 36, 18],
    rowHeights: { 1: 28, 2: 30 },
    merges: [rangeRef(1, 1, 1, headers.length), rangeRef(2, 1, 2, headers.length)],
    freeze: { rows: 3, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: '1:3' },
    protection: { withPassword: true },
  };
}
