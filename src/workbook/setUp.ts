import { parsePanel } from '../core/panel/parsePanel';
import type { Panel } from '../core/panel/types';
import { inputSheets } from './build';
import { inputFingerprint } from './fingerprint';
import type { SheetSpec } from './model';
import { SHEET, SHEET_FORMAL_REVIEW } from './names';
import { appendLog } from './sheets/logSheet';

/** A panel with the standard's defaults and nothing registered yet: what a new evaluation starts from. */
export function emptyPanel(title: string, organizer?: string): Panel {
  // parsePanel refuses a panel without cases, so the defaults come from a one-case panel with the case removed.
  const p = parsePanel({
    title,
    cases: [{ id: '—', name: '', applicant: '' }],
    experts: [],
    rounds: {},
    scores: [],
    ...(organizer ? { notice: { organizer } } : {}),
  });
  return {
    ...p,
    cases: [],
    rounds: {
      initial: { ...p.rounds.initial, cases: [], experts: [] },
      review: { ...p.rounds.review, cases: [], experts: [] },
      final: { ...p.rounds.final, cases: [], experts: [] },
    },
  };
}

/**
 * 设置工作簿: Appendix B (评分标准) and the registers a secretariat fills (案例登记, 规范性审核, 专家库, 轮次设置,
 * 节假日, 异议登记, 操作日志). A sheet that already exists is kept as it is, whatever it holds: setting up twice, or
 * in a workbook that was built by `ceeas build`, never replaces a register.
 */
export function setUpSheets(options: {
  title: string;
  organizer?: string;
  existing: Set<string>;
  now: string;
  user: string;
}): {
  sheets: SheetSpec[];
  kept: string[];
} {
  const panel = emptyPanel(options.title, options.organizer);
  // The input sheets of a new workbook (no expert sheets yet, nobody being in a round) and a first log row.
  const all = [
    ...inputSheets(panel),
    appendLog([], {
      time: options.now,
      action: '设置工作簿',
      user: options.user,
      detail: `建立评分标准和登记表（${SHEET.cases}、${SHEET_FORMAL_REVIEW}、${SHEET.experts}、${SHEET.rounds}、${SHEET.holidays}）`,
      inputFingerprint: inputFingerprint(panel),
      resultFingerprint: '',
    }),
  ];
  return {
    sheets: all.filter((s) => !options.existing.has(s.name)),
    kept: all.filter((s) => options.existing.has(s.name)).map((s) => s.name),
  };
}
