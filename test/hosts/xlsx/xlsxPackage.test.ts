import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parsePanel } from '../../../src/core';
import { loadXlsx, workbookData } from '../../../src/hosts/xlsx/readWorkbook';
import { shiftFormula } from '../../../src/hosts/xlsx/sharedFormula';
import { readSheetMeta, readSheetXml } from '../../../src/hosts/xlsx/sheetReader';
import { specToBuffer } from '../../../src/hosts/xlsx/writeWorkbook';
import { XlsxError } from '../../../src/hosts/xlsx/xlsxError';
import { isDateFormat, openPackage, readPackageSheets } from '../../../src/hosts/xlsx/xlsxPackage';
import { entryBytes, newEntry, readZip, writeZip } from '../../../src/hosts/xlsx/zip';
import { buildWorkbook } from '../../../src/workbook/build';

const small = parsePanel(
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/panel-small.json'), 'utf8')),
);
const options = { now: '2026-11-24 09:00:00', user: 't', password: 'pw-123456' };

async function builtBook(): Promise<Buffer> {
  return specToBuffer(buildWorkbook(small, options).spec);
}

function lean(bytes: Buffer) {
  return readPackageSheets(openPackage(bytes));
}

function refusal(bytes: Buffer): string {
  try {
    lean(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('reading a workbook as a package', () => {
  it('reads exactly what the ExcelJS host reads from a built workbook', async () => {
    const bytes = await builtBook();
    expect(lean(bytes).data).toEqual(workbookData(await loadXlsx(bytes)));
  });

  it('reads hand-made damage (errors, booleans, dates, formulas, merges, rich text) as the ExcelJS host does', async () => {
    const wb = await loadXlsx(await builtBook());
    const ws = wb.getWorksheet('案例登记')!;
    ws.getCell('B3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('C3').value = true;
    ws.getCell('D3').value = new Date(Date.UTC(2026, 4, 6));
    ws.getCell('E3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('F3').value = { richText: [{ text: '甲' }, { text: '<乙&"丙">', font: { bold: true } }] };
    ws.getCell('G3').value = '=1+1';
    ws.getCell('H3').value = 1e308;
    wb.worksheets[8].mergeCells('B6:D7');
    wb.removeWorksheet(wb.worksheets[3].id);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(lean(bytes).data).toEqual(workbookData(await loadXlsx(bytes)));
  });

  it('reads protection and validation for the audit as the ExcelJS host does', async () => {
    const wb = await loadXlsx(await builtBook());
    wb.worksheets[10].unprotect();
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const data = readPackageSheets(openPackage(bytes), true).data;
    expect(data).toEqual(workbookData(await loadXlsx(bytes), true));
    expect(data.sheets[10].meta!.protected).toBe(false);
    expect(data.sheets.some((s) => Object.keys(s.meta!.validations).length > 0)).toBe(true);
  });

  it('takes sheet="true" (as LibreOffice writes it) for a protected sheet', () => {
    const xml = '<worksheet><sheetData/><sheetProtection sheet="true" formatColumns="false"/></worksheet>';
    expect(readSheetMeta(xml).protected).toBe(true);
  });

  it('finds the password hash of the protected sheets', async () => {
    const { protection } = lean(await builtBook());
    expect(protection).toMatch(/algorithmName="SHA-512" hashValue="[^"]+" saltValue="[^"]+" spinCount="5000"/);
  });

  it('expands shared formulas cell by cell, leaving absolute parts, strings and sheet names alone', () => {
    const xml =
      '<worksheet><sheetData><row r="6"><c r="E6"><f t="shared" ref="E6:F8" si="0">SUM(A6:$B6)+\'E01\'!C$1&amp;"A1"</f><v>1</v></c>' +
      '<c r="F6"><f t="shared" si="0"/><v>2</v></c></row><row r="8"><c r="E8"><f t="shared" si="0"/></c></row></sheetData></worksheet>';
    const s = readSheetXml('s', xml, { sharedStrings: [], dateStyles: new Set(), date1904: false });
    expect(s.formulas[5][4]).toBe('SUM(A6:$B6)+\'E01\'!C$1&"A1"');
    expect(s.formulas[5][5]).toBe('SUM(B6:$B6)+\'E01\'!D$1&"A1"');
    expect(s.formulas[7][4]).toBe('SUM(A8:$B8)+\'E01\'!C$1&"A1"');
    expect(s.values[5]).toEqual([null, null, null, null, 1, 2]);
    expect(shiftFormula('LOG10(A1)+ROUND(B2,2)', 1, 1)).toBe('LOG10(B2)+ROUND(C3,2)');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });

  it("refuses a sheet whose used area would be billions of cells, and ignores cells beyond Excel's grid", () => {
    const ctx = { sharedStrings: [], dateStyles: new Set<number>(), date1904: false };
    const huge = '<worksheet><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>';
    expect(() => readSheetXml('大', huge, ctx)).toThrow(/使用区域过大/);
    const beyond =
      '<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="A2000000"><v>2</v></c></row></sheetData></worksheet>';
    expect(readSheetXml('外', beyond, ctx).values).toEqual([[null], [1]]);
  });

  it('knows date formats as ExcelJS does', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('[$-804]yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('"m"0')).toBe(false);
  });
});

describe('refusing what is not a workbook, in one sentence', () => {
  it('refuses an empty file, text, an old .xls and a truncated workbook', async () => {
    expect(refusal(Buffer.alloc(0))).toBe('文件是空的');
    expect(refusal(Buffer.from('not a zip at all'))).toContain('不是 .xlsx');
    expect(refusal(Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'))).toContain('旧式 .xls');
    const bytes = await builtBook();
    expect(refusal(bytes.subarray(0, Math.floor(bytes.length / 2)))).toContain('损坏或不完整');
    expect(refusal(bytes.subarray(0, bytes.length - 30))).toContain('损坏或不完整');
  });

  it('refuses a workbook whose sheet XML is cut off inside a sound zip', async () => {
    const zip = readZip(await builtBook());
    const entries = [...zip.values()].map((e) =>
      e.name === 'xl/worksheets/sheet12.xml' ? newEntry(e.name, entryBytes(e).subarray(0, 5000)) : e,
    );
    expect(refusal(writeZip(entries))).toMatch(/工作表“.+”的内容不完整/);
  });

  it('refuses a zip that is not a workbook', () => {
    expect(refusal(writeZip([newEntry('readme.txt', 'hello')]))).toContain('没有工作簿内容');
  });

  it('refuses archives with too many entries or too much content before inflating anything', () => {
    const many = writeZip(Array.from({ length: 20 }, (_x, i) => newEntry(`f${i}.xml`, '<a/>')));
    expect(() => openPackage(many, { maxEntries: 10, maxTotalBytes: 1e9, maxEntryBytes: 1e9 })).toThrow(/文件过多/);
    // A zip bomb: 120 MB of zeros compresses to about 120 KB.
    const bomb = writeZip([newEntry('xl/worksheets/sheet1.xml', Buffer.alloc(120 * 1024 * 1024), 1)]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => openPackage(bomb, { maxEntries: 10, maxTotalBytes: 100e6, maxEntryBytes: 1e9 })).toThrow(/过大/);
  });

  it('refuses an entry that inflates to more than its header declares', () => {
    const entry = newEntry('xl/workbook.xml', 'x'.repeat(10_000));
    const lying = writeZip([{ ...entry, size: 100 }]);
    expect(refusal(lying)).toContain('损坏或不完整');
  });
});
