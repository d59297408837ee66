import { ROUND_IDS, ROUND_NAMES, type CaseStatus, type Panel, type ScoreJson } from '../core';
import type { Lang } from '../core/engine/findings';
import { statusLabel } from '../core/report/statusLabel';
import { renderTable } from './table';

const WORDS = {
  zh: {
    case: '案例编号',
    name: '案例名称',
    round: (r: (typeof ROUND_IDS)[number]) => `${ROUND_NAMES[r].zh}（人数/均分）`,
    score: '综合得分',
    grade: '评价等级',
    status: '状态',
    summary: (n: number, g: number, e: number, w: number) =>
      `共 ${n} 个案例，已评级 ${g} 个；错误 ${e} 条，提示 ${w} 条。`,
    errors: '错误（须改正，相关案例不评级）',
    warnings: '提示（不影响得分）',
  },
  en: {
    case: 'Case',
    name: 'Name',
    round: (r: (typeof ROUND_IDS)[number]) => `${ROUND_NAMES[r].en} (n / mean)`,
    score: 'Score',
    grade: 'Grade',
    status: 'Status',
    summary: (n: number, g: number, e: number, w: number) => `${n} cases, ${g} graded; ${e} errors, ${w} warnings.`,
    errors: 'Errors (to correct; the cases concerned get no grade)',
    warnings: 'Warnings (no effect on any score)',
  },
};

/** The readable form of a score result for a terminal, in the language asked for. */
export function renderScoreText(panel: Panel, json: ScoreJson, lang: Lang = 'zh'): string {
  const w = WORDS[lang];
  const names = new Map(panel.cases.map((c) => [c.id, c.name]));
  const header = [w.case, w.name, ...ROUND_IDS.map((r) => w.round(r)), w.score, w.grade, w.status];
  const rows = json.cases.map((c) => [
    c.id,
    names.get(c.id) ?? '',
    ...ROUND_IDS.map((r) => {
      const s = c.rounds[r];
      return s ? `${s.n} / ${s.mean ?? '—'}` : '—';
    }),
    c.score ?? '—',
    c.grade ?? '—',
    statusLabel(panel, c.id, c.status as CaseStatus, lang),
  ]);
  const parts = [panel.title ? `${panel.title}\n` : '', renderTable(header, rows, new Set([2, 3, 4, 5]))];
  const errors = json.findings.filter((f) => f.severity === 'error');
  const warnings = json.findings.filter((f) => f.severity === 'warning');
  const graded = json.cases.filter((c) => c.status === 'graded').length;
  parts.push(`\n${w.summary(json.cases.length, graded, errors.length, warnings.length)}`);
  for (const [title, list] of [
    [w.errors, errors],
    [w.warnings, warnings],
  ] as const) {
    if (list.length === 0) continue;
    parts.push(`\n${title}${lang === 'en' ? ':' : '：'}`);
    for (const f of list) parts.push(`  · ${f.cell ? `[${f.cell}] ` : ''}${f.message}`);
  }
  return parts.join('\n');
}
