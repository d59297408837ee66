import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ceeas } from '../helpers/cli';
import { APPENDIX_B } from '../../src/core';
import { a1 } from '../../src/workbook/address';
import { expertSheetName, SHEET } from '../../src/workbook/names';
import { expertLayout } from '../../src/workbook/sheets/expertLayout';
import { AUDIT, SUMMARY } from '../../src/workbook/sheets/resultLayout';
import { excelJsBook } from '../helpers/excelJsReader';

const small = join(__dirname, '../fixtures/panel-small.json');
const L = expertLayout(APPENDIX_B);

let pristine: Buffer;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-audit-'));
  const book = join(dir, 'book.xlsx');
  await ceeas('build', small, '-o', book);
  await ceeas('compute', book);
  pristine = readFileSync(book);
});

/** A copy of the computed workbook with one kind of tampering applied, audited. */
async function tampered(
  change: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<{ code: number; findings: { code: string; cell?: string }[] }> {
  const wb = await excelJsBook(pristine);
  await change(wb);
  const path = join(mkdtempSync(join(tmpdir(), 'ceeas-audit-')), 'book.xlsx');
  await wb.xlsx.writeFile(path);
  const res = await ceeas('audit', path, '--json');
  return { code: res.code, findings: JSON.parse(res.out).findings };
}

describe('ceeas audit', () => {
  it('passes an untouched computed workbook clean', async () => {
    const res = await tampered(() => undefined);
    expect(res.findings).toEqual([]);
    expect(res.code).toBe(0);
  });

  it('names a constant typed over a 复核 formula', async () => {
    const res = await tampered((wb) => {
      wb.getWorksheet(SHEET.audit)!.getCell(AUDIT.firstRow, AUDIT.colScore).value = 99;
    });
    expect(res.code).toBe(1);
    expect(res.findings).toContainEqual(
      expect.objectContaining({
        code: 'formula-changed',
        cell: `${SHEET.audit}!${a1(AUDIT.firstRow, AUDIT.colScore)}`,
      }),
    );
  });

  it('names a changed formula on 等级汇总 and a deleted one on an expert sheet', async () => {
    const res = await tampered((wb) => {
      wb.getWorksheet(SHEET.grades)!.getCell('C4').value = {
        formula: 'COUNTIF(汇总!$S:$S,"二等")',
      } as ExcelJS.CellFormulaValue;
      wb.getWorksheet(expertSheetName('final', 'E07'))!.getCell(L.firstRow, L.colTotal).value = null;
    });
    expect(res.findings.map((f) => [f.code, f.cell])).toEqual(
      expect.arrayContaining([
        ['formula-changed', `${SHEET.grades}!C4`],
        ['formula-changed', `终评-E07!${a1(L.firstRow, L.colTotal)}`],
      ]),
    );
  });

  it('catches protection removed and validation loosened on an expert sheet', async () => {
    const res = await tampered((wb) => {
      const ws = wb.getWorksheet(expertSheetName('initial', 'E01'))!;
      ws.unprotect();
      ws.getCell(L.firstRow, L.colFirstItem).dataValidation = {
        type: 'whole',
        operator: 'between',
        formulae: [0, 100],
      };
    });
    expect(res.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['protection-removed', 'validation-changed']),
    );
    expect(res.findings).toContainEqual(
      expect.objectContaining({ code: 'validation-changed', cell: `初评-E01!${a1(L.firstRow, L.colFirstItem)}` }),
    );
  });

  it('catches scores changed after the last computation and a hand-edited 汇总', async () => {
    const changed = await tampered((wb) => {
      wb.getWorksheet(expertSheetName('initial', 'E01'))!.getCell(L.firstRow, L.colFirstItem).value = 10;
    });
    expect(changed.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['inputs-changed', 'results-stale']));
    const edited = await tampered((wb) => {
      wb.getWorksheet(SHEET.summary)!.getCell(SUMMARY.firstRow + 1, SUMMARY.colGrade).value = '一等';
    });
    expect(edited.findings).toContainEqual(expect.objectContaining({ code: 'results-stale' }));
    expect(edited.findings.map((f) => f.code)).not.toContain('inputs-changed');
  });

  it('catches an edited or deleted log entry', async () => {
    const edited = await tampered((wb) => {
      wb.getWorksheet(SHEET.log)!.getCell('D2').value = '其他人';
    });
    expect(edited.findings).toContainEqual(expect.objectContaining({ code: 'log-tampered', cell: `${SHEET.log}!A2` }));
    const deleted = await tampered((wb) => {
      wb.getWorksheet(SHEET.log)!.spliceRows(2, 1);
    });
    expect(deleted.findings.map((f) => f.code)).toContain('log-tampered');
  });
});
