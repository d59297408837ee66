import fc from 'fast-check';
import * as actions from '../../../src/addin/office/actions';
import { parsePanel } from '../../../src/core';
import { applySheets } from '../../../src/hosts/office/applySheets';
import { bytesOfSpec, readBook } from '../../helpers/xlsx';
import { a1 } from '../../../src/workbook/address';
import { buildWorkbook } from '../../../src/workbook/build';
import { computeWorkbook } from '../../../src/workbook/compute';
import { applyUpdates } from '../../../src/workbook/specData';
import { fakeExcel } from '../../fakes/fakeExcel';
import { formulaCalculator } from '../../fakes/formulaCalc';
import { cleanPanel } from '../../helpers/arbitraries';

// Random panels, some with a score damaged by hand, through both hosts: the add-in's 计算等级 on the fake Excel
// host and `ceeas compute`'s path on the .xlsx file give the same results and the same findings on the same cells,
// and in Excel the CEEAS formulas of 汇总 and the ordinary formulas of 复核 show the engine's numbers.

const now = '2026-11-24 09:00:00';
const password = 'pw-parity';
/** What a hand might type over a score: text, a full-width digit, out of range, negative, off the step. */
const damage = fc.constantFrom<unknown>('八', '８', 11, -1, 2.5, '');

describe('the two hosts on random panels', () => {
  it('agree on every case and finding, and Excel shows the engine’s numbers', async () => {
    await fc.assert(
      fc.asyncProperty(cleanPanel(), fc.option(damage, { nil: undefined }), fc.nat(), async (raw, bad, pick) => {
        const panel = parsePanel(raw);
        const spec = buildWorkbook(panel, { now, user: 't', password }).spec;
        const experts = spec.sheets.filter((s) => s.kind === 'expert');
        const target = experts[pick % experts.length];
        const cell = a1(6, 5 + (pick % 13));
        const recused = target.rows[5]?.some((c) => c?.value === '回避');

        // Excel with the add-in: the workbook as built, the damage typed by hand, then 计算等级.
        const { context, state } = fakeExcel();
        state.calculator = formulaCalculator();
        await applySheets(context, spec.sheets, spec.styles, password);
        if (bad !== undefined && !recused) {
          const c = state.sheets.find((s) => s.name === target.name)!.cells.get(cell)!;
          c.value = bad === '' ? '' : bad;
        }
        const office = await actions.computeGrades(context, { password, now, user: 't' });

        // The CLI: the same workbook as a file, the same damage, then compute.
        let data = await readBook(new Uint8Array(await bytesOfSpec(spec)), false);
        if (bad !== undefined && !recused)
          data = applyUpdates(data, [
            { sheet: target.name, address: cell, value: bad === '' ? null : (bad as string | number) },
          ]);
        const cli = computeWorkbook(data, { now, user: 't' });

        expect(office.json.cases).toEqual(cli.json.cases);
        const shape = (fs: { code: string; cell?: string; case: string | null }[]) =>
          fs.map((f) => `${f.code}|${f.cell ?? ''}|${f.case ?? ''}`).sort();
        expect(shape(office.json.findings)).toEqual(shape(cli.json.findings));

        // In Excel: 汇总's CEEAS results and 复核's ordinary formulas both show the engine's S and grade.
        const summary = state.sheets.find((s) => s.name === '汇总')!;
        const check = state.sheets.find((s) => s.name === '复核')!;
        office.json.cases.forEach((c, i) => {
          const r = 4 + i;
          const shown = state.valueOf(summary, r, 18);
          const score = summary.cells.get(`R${r}`)!;
          const value = score.formula === null ? score.value : shown;
          expect(value === '' ? null : Number(value).toFixed(panel.policy.decimals)).toBe(c.score);
          expect(state.valueOf(check, r, 17)).toBe('一致');
        });
      }),
      { numRuns: Number(process.env.PARITY_RUNS || 12), seed: Number(process.env.PARITY_SEED || 20261124) },
    );
  });
});
