import { ROUND_IDS, ROUND_NAMES, type CaseStatus, type Panel, type ScoreJson } from '../core';
import { renderTable } from './table';

export const STATUS_ZH: Record<CaseStatus, string> = {
  excluded: '未通过规范性审核',
  invalid: '评分有误',
  incomplete: '评分未完成',
  'not-advanced': '未进入全部轮次',
  graded: '已评级',
};

/** The readable (Chinese) form of a score result for a terminal. */
export function renderScoreText(panel: Panel, json: ScoreJson): string {
  const names = new Map(panel.cases.map((c) => [c.id, c.name]));
  const header = [
    '案例编号',
    '案例名称',
    ...ROUND_IDS.map((r) => `${ROUND_NAMES[r].zh}（人数/均分）`),
    '综合得分',
    '评价等级',
    '状态',
  ];
  const rows = json.cases.map((c) => [
    c.id,
    names.get(c.id) ?? '',
    ...ROUND_IDS.map((r) => {
      const s = c.rounds[r];
      return s ? `${s.n} / ${s.mean ?? '—'}` : '—';
    }),
    c.score ?? '—',
    c.grade ?? '—',
    STATUS_ZH[c.status as CaseStatus] ?? c.status,
  ]);
  const parts = [panel.title ? `${panel.title}\n` : '', renderTable(header, rows, new Set([2, 3, 4, 5]))];
  const errors = json.findings.filter((f) => f.severity === 'error');
  const warnings = json.findings.filter((f) => f.severity === 'warning');
  const graded = json.cases.filter((c) => c.status === 'graded').length;
  parts.push(
    `\n共 ${json.cases.length} 个案例，已评级 ${graded} 个；错误 ${errors.length} 条，提示 ${warnings.length} 条。`,
  );
  for (const [title, list] of [
    ['错误（须改正，相关案例不评级）', errors],
    ['提示（不影响得分）', warnings],
  ] as const) {
    if (list.length === 0) continue;
    parts.push(`\n${title}：`);
    for (const f of list) parts.push(`  · ${f.cell ? `[${f.cell}] ` : ''}${f.message}`);
  }
  return parts.join('\n');
}
