import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePanel } from '../../../src/core';
import { buildWorkbook } from '../../../src/workbook/build';
import type { WorkbookData } from '../../../src/workbook/model';
import { readEvaluationWorkbook } from '../../../src/workbook/read/readEvaluationWorkbook';
import { workbookSpecData } from '../../../src/workbook/specData';

const small = parsePanel(JSON.parse(readFileSync(join(__dirname, '../../fixtures/panel-small.json'), 'utf8')));

/** The workbook with the value next to a 轮次设置 label replaced, as a clerk would type it. */
function withSetting(label: string, value: string | number): { data: WorkbookData; cell: string } {
  const data = workbookSpecData(buildWorkbook(small, { now: '2026-11-24 09:00:00', user: 't' }).spec.sheets);
  const sheet = data.sheets.find((s) => s.name === '轮次设置')!;
  const row = sheet.values.findIndex((r) => r[0] === label);
  sheet.values[row][1] = value;
  return { data, cell: `轮次设置!B${row + 1}` };
}

describe('轮次设置 as the reader takes it', () => {
  it.each([
    ['分值步长', '1e-99999999'],
    ['分值步长', '1e99999999'],
    ['分值步长', 0.0000001],
    ['离群提示阈值（分）', '1e99999999'],
    ['离群提示阈值（分）', 100000],
  ])('refuses %s = %s at once, naming the cell, instead of computing with millions of digits', (label, value) => {
    const { data, cell } = withSetting(label, value);
    const started = Date.now();
    expect(() => readEvaluationWorkbook(data)).toThrow(cell);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('takes a half-point step', () => {
    const { data } = withSetting('分值步长', 0.5);
    expect(readEvaluationWorkbook(data).panel.policy.scoreStep.toString()).toBe('0.5');
  });
});
