import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, parsePanel, toScoreJson } from '../../src/core';
import { buildWorkbook } from '../../src/workbook/build';
import { SHEET, SHEET_AGREEMENT, SHEET_FORMAL_REVIEW, expertSheetName } from '../../src/workbook/names';
import { readEvaluationWorkbook } from '../../src/workbook/read/readEvaluationWorkbook';
import { workbookSpecData } from '../../src/workbook/specData';
import { canonicalPanel } from '../helpers/roundTrip';

const samplePath = join(__dirname, '../../samples/panel-sample.json');
const smallPath = join(__dirname, '../fixtures/panel-small.json');

function load(path: string) {
  return parsePanel(JSON.parse(readFileSync(path, 'utf8')));
}

const options = { now: '2026-11-24 09:30:00', user: '秘书处' };

describe('buildWorkbook', () => {
  it.each([
    ['sample', samplePath],
    ['panel-small', smallPath],
  ])('reads back the same panel it was built from (%s)', (_name, path) => {
    const panel = load(path);
    const built = buildWorkbook(panel, options);
    const back = readEvaluationWorkbook(workbookSpecData(built.spec.sheets));
    expect(back.findings).toEqual([]);
    expect(canonicalPanel(back.panel)).toEqual(canonicalPanel(panel));
  });

  it('computes from the workbook exactly what score computes from the panel', () => {
    const panel = load(smallPath);
    const built = buildWorkbook(panel, options);
    const fromPanel = toScoreJson(panel, evaluate(panel));
    expect(built.compute.json.cases).toEqual(fromPanel.cases);
    expect(built.compute.json.findings.map(({ message: _m, cell: _c, ...f }) => f)).toEqual(
      fromPanel.findings.map(({ message: _m, ...f }) => f),
    );
  });

  it('holds every sheet of the evaluation workbook in a reading order', () => {
    const built = buildWorkbook(load(smallPath), options);
    const names = built.spec.sheets.map((s) => s.name);
    expect(names.slice(0, 12)).toEqual([
      SHEET.rubric,
      SHEET.cases,
      SHEET_FORMAL_REVIEW,
      SHEET.experts,
      SHEET.rounds,
      SHEET.holidays,
      SHEET.summary,
      SHEET.audit,
      SHEET.grades,
      SHEET_AGREEMENT,
      SHEET.notice,
      SHEET.letters,
    ]);
    expect(names.slice(-2)).toEqual([SHEET.objections, SHEET.log]);
    expect(names).toContain(expertSheetName('initial', 'E01'));
    expect(names.filter((n) => /^(初评|复评|终评)-/.test(n))).toHaveLength(11);
  });

  it('marks recused rows 回避 and leaves them locked', () => {
    const built = buildWorkbook(load(smallPath), options);
    const sheet = built.spec.sheets.find((s) => s.name === expertSheetName('initial', 'E02'))!;
    const row = sheet.rows.find((r) => r[1]?.value === 'C002')!;
    expect(row.some((c) => c?.value === '回避')).toBe(true);
    expect(row.filter((c) => c?.locked === false)).toHaveLength(0);
    const other = sheet.rows.find((r) => r[1]?.value === 'C001')!;
    expect(other.filter((c) => c?.locked === false)).toHaveLength(15); // 13 scores, 推荐 and 评审意见
  });

  it('reports panel entries that have no place in a workbook', () => {
    const raw = JSON.parse(readFileSync(smallPath, 'utf8'));
    raw.scores.push({ round: 'initial', expert: 'E09', case: 'C001', items: {} });
    const built = buildWorkbook(parsePanel(raw), options);
    expect(built.dropped.map((f) => f.code)).toEqual(['not-assigned']);
  });

  it('never writes the protection password into a cell', () => {
    const built = buildWorkbook(load(samplePath), { ...options, password: 'Zx9-secret-Pw' });
    const text = JSON.stringify(built.spec.sheets);
    expect(text).not.toContain('Zx9-secret-Pw');
  });
});
