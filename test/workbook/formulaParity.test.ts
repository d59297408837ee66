import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePanel, type Panel } from '../../src/core';
import { loadXlsx, workbookData } from '../helpers/excelJsReader';
import { bytesOfSpec } from '../helpers/xlsx';
import { buildWorkbook } from '../../src/workbook/build';
import type { WorkbookData } from '../../src/workbook/model';
import { SHEET, expertSheetName } from '../../src/workbook/names';
import { expertLayout } from '../../src/workbook/sheets/expertLayout';
import { AUDIT } from '../../src/workbook/sheets/resultLayout';
import { describeWithLibreOffice, recalcXlsx } from '../helpers/libreoffice';
import { itemsForTotal, makePanel, type RawPanel } from '../helpers/panels';
import { referenceScores } from '../helpers/reference';

// The 复核 sheet and the expert totals are ordinary formulas: a real spreadsheet engine recomputing the workbook
// must arrive at the engine's S and grade for every case, grade lines and rounding ties included.

const options = { now: '2026-11-24 10:00:00', user: 'test' };

function cell(data: WorkbookData, sheet: string, row: number, column: number): unknown {
  const s = data.sheets.find((x) => x.name === sheet)!;
  return s.values[row - 1]?.[column - 1] ?? null;
}

function randomPanel(seed: number): RawPanel {
  const [sample] = fc.sample(
    fc.record({
      cases: fc.integer({ min: 3, max: 12 }),
      experts: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 9 })),
      decimals: fc.integer({ min: 0, max: 3 }),
      gradeOn: fc.constantFrom('rounded', 'exact'),
      aggregate: fc.constantFrom('mean', 'trimmed'),
      weights: fc.constantFrom(
        ['0.2', '0.2', '0.6'],
        ['0.1', '0.2', '0.7'],
        ['0.3', '0.3', '0.4'],
        ['0.005', '0.005', '0.99'],
      ),
      totals: fc.array(fc.integer({ min: 40, max: 100 }), { minLength: 400, maxLength: 400 }),
    }),
    { seed, numRuns: 1 },
  );
  let k = 0;
  const raw = makePanel({
    cases: sample.cases,
    experts: sample.experts,
    weights: sample.weights as [string, string, string],
    policy: { decimals: sample.decimals, gradeOn: sample.gradeOn, aggregate: sample.aggregate },
    total: () => sample.totals[k++ % sample.totals.length],
  });
  // A recusal in the final round when it has more than one expert.
  if (sample.experts[2] > 1) {
    const e = raw.scores.find((s) => s.round === 'final' && s.case === 'C001')!;
    delete e.items;
    e.recused = true;
  }
  return raw;
}

/** Cases sitting on the grade lines and on rounding ties, one expert per round. */
function gradeLinePanel(gradeOn: 'rounded' | 'exact'): RawPanel {
  const triples: [number, number, number][] = [
    [90, 89, 90], // 89.995
    [80, 79, 80], // 79.995
    [40, 40, 70.5 - 0.5], // 69.7
    [100, 100, 100],
    [85, 84, 85], // 84.995
    [0, 0, 0],
  ];
  const raw = makePanel({
    cases: triples.length,
    experts: [1, 1, 1],
    weights: ['0.005', '0.005', '0.99'],
    policy: { gradeOn },
  });
  raw.scores = [];
  triples.forEach((t, ci) => {
    ['initial', 'review', 'final'].forEach((r, ri) =>
      raw.scores.push({ round: r, expert: `E0${ri + 1}`, case: `C00${ci + 1}`, items: itemsForTotal(t[ri]) }),
    );
  });
  return raw;
}

async function recomputed(
  panel: Panel,
  dir: string,
  name: string,
): Promise<{ data: WorkbookData; json: ReturnType<typeof buildWorkbook>['compute']['json'] }> {
  const built = buildWorkbook(panel, options);
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, await bytesOfSpec(built.spec));
  const out = await recalcXlsx(path, join(dir, 'out'));
  const { readFileSync } = await import('node:fs');
  const data = workbookData(await loadXlsx(readFileSync(out)));
  return { data, json: built.compute.json };
}

describeWithLibreOffice('formula parity with LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-parity-'));

  const panels: [string, RawPanel][] = [
    ['grade-lines-rounded', gradeLinePanel('rounded')],
    ['grade-lines-exact', gradeLinePanel('exact')],
    ...[11, 12, 13, 14, 15, 16].map((seed): [string, RawPanel] => [`random-${seed}`, randomPanel(seed)]),
  ];

  it.each(panels)('复核 and expert totals agree with the engine and the reference (%s)', async (name, raw) => {
    const panel = parsePanel(raw);
    const { data, json } = await recomputed(panel, dir, name);
    const reference = referenceScores(raw as never);
    json.cases.forEach((c, i) => {
      const r = AUDIT.firstRow + i;
      expect(cell(data, SHEET.audit, r, AUDIT.colCase)).toBe(c.id);
      const score = cell(data, SHEET.audit, r, AUDIT.colScore);
      const grade = cell(data, SHEET.audit, r, AUDIT.colGrade);
      expect(c.status).toBe('graded');
      expect(typeof score).toBe('number');
      expect((score as number).toFixed(panel.policy.decimals)).toBe(c.score);
      expect(grade).toBe(c.grade);
      expect(c.score).toBe(reference[i].score);
      expect(c.grade).toBe(reference[i].grade);
      expect(cell(data, SHEET.audit, r, AUDIT.colAgree)).toBe('一致');
    });
    // Every expert total as the spreadsheet computes it equals the sum of the typed items.
    const L = expertLayout(panel.rubric);
    for (const entry of panel.scores) {
      if (entry.recused) continue;
      const row = L.firstRow + panel.rounds[entry.round].cases.indexOf(entry.case);
      const total = Object.values(entry.items).reduce((a: number, v) => a + (v as number), 0);
      expect(cell(data, expertSheetName(entry.round, entry.expert), row, L.colTotal)).toBe(total);
    }
  });

  it('shows 89.995 as 90.00 and 一等 by default, 二等 when grading on the exact score', async () => {
    const rounded = await recomputed(parsePanel(gradeLinePanel('rounded')), dir, 'line-r');
    const exact = await recomputed(parsePanel(gradeLinePanel('exact')), dir, 'line-e');
    expect(cell(rounded.data, SHEET.audit, AUDIT.firstRow, AUDIT.colScore)).toBe(90);
    expect(cell(rounded.data, SHEET.audit, AUDIT.firstRow, AUDIT.colGrade)).toBe('一等');
    expect(cell(exact.data, SHEET.audit, AUDIT.firstRow, AUDIT.colGrade)).toBe('二等');
    expect(cell(rounded.data, SHEET.audit, AUDIT.firstRow + 1, AUDIT.colGrade)).toBe('二等');
    expect(cell(exact.data, SHEET.audit, AUDIT.firstRow + 1, AUDIT.colGrade)).toBe('三等');
  });
});
