import { insertionIndex } from '../../src/workbook/names';
import { parsePanel } from '../../src/core';
import { buildWorkbook } from '../../src/workbook/build';
import { readEvaluationWorkbook } from '../../src/workbook/read/readEvaluationWorkbook';
import { workbookSpecData } from '../../src/workbook/specData';
import { expertSheetNames } from '../../src/workbook/names';
import { makePanel } from '../helpers/panels';

describe('expert sheet names', () => {
  it('replace characters Excel refuses and stay unique and within 31 characters', () => {
    const names = expertSheetNames({
      initial: { experts: ['E/01', 'E?01', 'E:01', 'X'.repeat(40), "E3'", `${'Y'.repeat(27)}'Z`] },
      review: { experts: [] },
      final: { experts: ['E/01'] },
    });
    const all = [...names.values()];
    expect(new Set(all).size).toBe(all.length);
    for (const n of all) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*[\]:]/);
      // Excel refuses an apostrophe at either end of a sheet name.
      expect(n).not.toMatch(/^'|'$/);
    }
    expect(names.get("initial|E3'")).toBe('初评-E3_');
    expect(names.get('final|E/01')).toBe('终评-E_01');
  });

  it('let a workbook with such ids compute like the panel', () => {
    const raw = makePanel({ cases: 2, experts: [2, 1, 1] });
    const rename: Record<string, string> = { E01: 'E/01', E02: 'E?01' };
    raw.experts.forEach((e) => (e.id = rename[e.id as string] ?? e.id));
    raw.rounds.initial.experts = ['E/01', 'E?01'];
    raw.scores.forEach((s) => (s.expert = rename[s.expert as string] ?? s.expert));
    const panel = parsePanel(raw);
    const built = buildWorkbook(panel, { now: '2026-11-24 09:00:00', user: 't' });
    const back = readEvaluationWorkbook(workbookSpecData(built.spec.sheets));
    expect(back.findings).toEqual([]);
    expect(back.panel.scores).toHaveLength(panel.scores.length);
    expect(built.compute.json.cases.map((c) => c.status)).toEqual(['graded', 'graded']);
  });
});

describe('where a new sheet goes', () => {
  const ours = ['评分标准', '案例登记', '专家库', '轮次设置', '汇总', '复核', '初评-E01', '异议登记', '操作日志'];
  it('follows the workbook order, whatever sheets the office added', () => {
    expect(insertionIndex(ours, '等级汇总')).toBe(6);
    expect(insertionIndex(ours, '复评-E02')).toBe(7);
    expect(insertionIndex([...ours, '秘书处备注'], '复评-E02')).toBe(7);
    expect(insertionIndex(['秘书处备注', ...ours], '等级汇总')).toBe(7);
    expect(insertionIndex(['评分标准', '案例登记', '办公室统计', '专家库'], '汇总')).toBe(4);
    expect(insertionIndex([], '汇总')).toBe(0);
  });
});
