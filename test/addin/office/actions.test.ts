import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePanel } from '../../../src/core';
import { auditWorkbook, computeGrades, makeNotices } from '../../../src/addin/office/actions';
import { applySheets } from '../../../src/hosts/office/applySheets';
import { buildWorkbook } from '../../../src/workbook/build';
import { fakeExcel } from '../../fakes/fakeExcel';

const small = parsePanel(JSON.parse(readFileSync(join(__dirname, '../../../../shared/examples/panel-small.json'), 'utf8')));
const expected = JSON.parse(readFileSync(join(__dirname, '../../../../shared/examples/panel-small.expected.json'), 'utf8'));

describe('the add-in commands on an open workbook', () => {
  it('计算等级 gives the engine’s results in four syncs, and the audit then finds nothing', async () => {
    const spec = buildWorkbook(small, { now: '2026-11-24 09:00:00', user: 't', password: 'pw-1' }).spec;
    const { context, state } = fakeExcel();
    await applySheets(context, spec.sheets, spec.styles, spec.password);
    const before = state.syncs;
    const result = await computeGrades(context, 'pw-1');
    expect(state.syncs - before).toBe(4);
    for (const c of expected.cases) {
      const got = result.json.cases.find((x) => x.id === c.id)!;
      expect([got.status, got.score, got.grade]).toEqual([c.status, c.score, c.grade]);
    }
    const summary = state.sheets.find((s) => s.name === '汇总')!;
    expect(summary.cells.get('R4')?.value).toBe(70.12);
    const audit = await auditWorkbook(context);
    expect(audit.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('生成公示与通知 rewrites only the notice, the letters and the log', async () => {
    const spec = buildWorkbook(parsePanel(JSON.parse(readFileSync(join(__dirname, '../../../samples/panel-sample.json'), 'utf8'))), {
      now: '2026-11-24 09:00:00',
      user: 't',
    }).spec;
    const { context } = fakeExcel();
    await applySheets(context, spec.sheets, spec.styles);
    const result = await makeNotices(context);
    expect(result.message).toBe('公示期 2026-12-28 至 2027-01-06。');
  });

  it('refuses to rewrite protected sheets without the workbook’s password', async () => {
    const spec = buildWorkbook(small, { now: '2026-11-24 09:00:00', user: 't', password: 'pw-1' }).spec;
    const { context } = fakeExcel();
    await applySheets(context, spec.sheets, spec.styles, spec.password);
    await expect(computeGrades(context, 'wrong')).rejects.toThrow('password');
  });
});
