import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { parsePanel } from '../../../../src/core';
import { isDateFormat } from '../../../../src/hosts/xlsx/package/styles';
import { readWorksheet } from '../../../../src/hosts/xlsx/package/worksheetReader';
import { XlsxError, XlsxPackage } from '../../../../src/hosts/xlsx/package/xlsxPackage';
import { shiftFormula } from '../../../../src/workbook/formula/shift';
import { buildWorkbook } from '../../../../src/workbook/build';
import { computeWorkbook } from '../../../../src/workbook/compute';
import { isInputSheet } from '../../../../src/workbook/names';
import { excelJsBook, loadXlsx, workbookData } from '../../../helpers/excelJsReader';
import { VARIANT_NAMES, variantsOf } from '../../../helpers/variants';
import { bytesOfSpec, readBook } from '../../../helpers/xlsx';
import { partsOf, text, withDeclaredSize, withText, zipParts } from '../../../helpers/zipCraft';

const small = parsePanel(JSON.parse(readFileSync(join(__dirname, '../../../fixtures/panel-small.json'), 'utf8')));
const options = { now: '2026-11-24 09:00:00', user: 't', password: 'pw-123456' };

async function builtBook(): Promise<Buffer> {
  return bytesOfSpec(buildWorkbook(small, options).spec);
}

const ctx = { sharedStrings: [], dateStyles: new Set<number>(), date1904: false };

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await (await XlsxPackage.open(bytes)).readSheets();
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('reading a workbook as a package', () => {
  it('reads what ExcelJS, an independent reader, reads from a built workbook', async () => {
    const bytes = await builtBook();
    expect(await readBook(bytes, false)).toEqual(workbookData(await loadXlsx(bytes)));
  });

  it('reads hand-made damage written by another program (ExcelJS) as ExcelJS reads it', async () => {
    const wb = await excelJsBook(await builtBook());
    const ws = wb.getWorksheet('案例登记')!;
    ws.getCell('B3').value = { error: '#REF!' };
    ws.getCell('C3').value = true;
    ws.getCell('D3').value = new Date(Date.UTC(2026, 4, 6));
    ws.getCell('E3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('F3').value = { richText: [{ text: '甲' }, { text: '<乙&"丙">', font: { bold: true } }] };
    ws.getCell('G3').value = '=1+1';
    ws.getCell('H3').value = 1e308;
    wb.worksheets[8].mergeCells('B6:D7');
    wb.removeWorksheet(wb.worksheets[3].id);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readBook(bytes, false)).toEqual(workbookData(await loadXlsx(bytes)));
  });

  it('reads protection and validation for the audit as ExcelJS does', async () => {
    const wb = await excelJsBook(await builtBook());
    wb.worksheets[12].unprotect();
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const data = await readBook(bytes);
    expect(data).toEqual(workbookData(await loadXlsx(bytes), true));
    expect(data.sheets[12].meta!.protected).toBe(false);
    expect(data.sheets.some((s) => Object.keys(s.meta!.validations).length > 0)).toBe(true);
  });

  it('takes sheet="true" (as LibreOffice writes it) for a protected sheet', () => {
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><sheetProtection sheet="true" formatColumns="false"/></worksheet>`;
    expect(readWorksheet('s', xml, 's.xml', ctx, true).meta.protected).toBe(true);
  });

  it('finds the password hash of the protected sheets', async () => {
    const pkg = await XlsxPackage.open(await builtBook());
    expect(pkg.passwordProtection()).toMatch(
      /algorithmName="SHA-512" hashValue="[^"]+" saltValue="[^"]+" spinCount="5000"/,
    );
  });

  it('expands shared formulas cell by cell, leaving absolute parts, strings and sheet names alone', () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="6"><c r="E6"><f t="shared" ref="E6:F8" si="0">SUM(A6:$B6)+\'E01\'!C$1&amp;"A1"</f><v>1</v></c>' +
      '<c r="F6"><f t="shared" si="0"/><v>2</v></c></row><row r="8"><c r="E8"><f t="shared" si="0"/></c></row></sheetData></worksheet>';
    const s = readWorksheet('s', xml, 's.xml', ctx).data;
    expect(s.formulas[5][4]).toBe('SUM(A6:$B6)+\'E01\'!C$1&"A1"');
    expect(s.formulas[5][5]).toBe('SUM(B6:$B6)+\'E01\'!D$1&"A1"');
    expect(s.formulas[7][4]).toBe('SUM(A8:$B8)+\'E01\'!C$1&"A1"');
    expect(s.values[5]).toEqual([null, null, null, null, 1, 2]);
    expect(shiftFormula('LOG10(A1)+ROUND(B2,2)', 1, 1)).toBe('LOG10(B2)+ROUND(C3,2)');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });

  it('writes the formulas an expert sheet fills down once, and reads each cell back as it was generated', async () => {
    const spec = buildWorkbook(small, options).spec;
    const sheet = spec.sheets.find((s) => s.kind === 'expert')!;
    const bytes = await bytesOfSpec(spec);
    const parts = partsOf(bytes);
    const sheetXmls = Object.keys(parts).filter((n) => n.startsWith('xl/worksheets/sheet'));
    expect(sheetXmls.some((n) => text(parts, n).includes('<f t="shared" si="0"/>'))).toBe(true);
    const data = (await readBook(bytes, false)).sheets.find((s) => s.name === sheet.name)!;
    sheet.rows.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c?.formula !== undefined) expect([r, k, data.formulas[r][k]]).toEqual([r, k, c.formula]);
      }),
    );
  });

  it("refuses a sheet whose used area would be billions of cells, and ignores cells beyond Excel's grid", () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const huge = `<worksheet ${ns}><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`;
    expect(() => readWorksheet('大', huge, 's.xml', ctx)).toThrow(/使用区域过大/);
    const beyond = `<worksheet ${ns}><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="A2000000"><v>2</v></c></row></sheetData></worksheet>`;
    expect(readWorksheet('外', beyond, 's.xml', ctx).data.values).toEqual([[null], [1]]);
  });

  it('knows date formats, Chinese ones included', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('[$-804]yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('"m"0')).toBe(false);
    expect(isDateFormat('#,##0.00_);[Red](#,##0.00)')).toBe(false);
  });
});

describe('any ECMA-376 workbook reads the same', () => {
  let original: Buffer;
  let reference: ReturnType<typeof computeWorkbook>['json'];
  let sheets: Awaited<ReturnType<typeof readBook>>;

  beforeAll(async () => {
    original = await builtBook();
    sheets = await readBook(original, false);
    reference = computeWorkbook(sheets, { now: options.now, user: 't' }).json;
  });

  it.each(VARIANT_NAMES)('%s', async (name) => {
    const variant = variantsOf(original).find((v) => v.name === name)!;
    const data = await readBook(await variant.bytes(), false);
    expect(data).toEqual(sheets);
    expect(computeWorkbook(data, { now: options.now, user: 't' }).json).toEqual(reference);
  });

  it('reads only the sheets asked for', async () => {
    const pkg = await XlsxPackage.open(original);
    const data = pkg.readSheets({ include: isInputSheet });
    expect(data.sheets.map((s) => s.name)).toEqual(sheets.sheets.map((s) => s.name).filter(isInputSheet));
  });
});

describe('refusing what is not a workbook, in one sentence', () => {
  it('refuses an empty file, text, an old .xls and a truncated workbook', async () => {
    expect(await refusal(Buffer.alloc(0))).toBe('文件是空的');
    expect(await refusal(Buffer.from('not a zip at all'))).toContain('不是 .xlsx');
    expect(await refusal(Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'))).toContain('旧式 .xls');
    const bytes = await builtBook();
    expect(await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)))).toContain('损坏或不完整');
    expect(await refusal(bytes.subarray(0, bytes.length - 30))).toContain('损坏或不完整');
  });

  it('refuses a workbook whose sheet XML is cut off inside a sound zip, naming the part', async () => {
    const parts = partsOf(await builtBook());
    const cut = withText(parts, 'xl/worksheets/sheet12.xml', text(parts, 'xl/worksheets/sheet12.xml').slice(0, 5000));
    expect(await refusal(zipParts(cut))).toMatch(/sheet12\.xml.+XML 格式有误.+已损坏/);
  });

  it('refuses a zip that is not a workbook', async () => {
    expect(await refusal(zipParts({ 'readme.txt': strToU8('hello') }))).toContain('没有工作簿内容');
  });

  it('refuses Strict Open XML in one sentence that names it', async () => {
    const parts = partsOf(await builtBook());
    const strict = withText(
      parts,
      'xl/workbook.xml',
      text(parts, 'xl/workbook.xml').replace(
        'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
        'http://purl.oclc.org/ooxml/spreadsheetml/main',
      ),
    );
    expect(await refusal(zipParts(strict))).toMatch(/Strict Open XML.+另存为/);
  });

  it('refuses archives with too many entries or too much content before inflating anything', async () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) many[`f${i}.xml`] = strToU8('<a/>');
    await expect(
      XlsxPackage.open(zipParts(many), { maxEntries: 10, maxTotalBytes: 1e9, maxEntryBytes: 1e9 }),
    ).rejects.toThrow(/文件过多/);
    // A zip bomb: 120 MB of zeros compresses to about 120 KB.
    const bomb = zipParts({ 'xl/worksheets/sheet1.xml': new Uint8Array(120 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(XlsxPackage.open(bomb, { maxEntries: 10, maxTotalBytes: 100e6, maxEntryBytes: 1e9 })).rejects.toThrow(
      /过大/,
    );
  });

  it('refuses an entry that inflates to more than its header declares', async () => {
    const bytes = withDeclaredSize(await builtBook(), 'xl/workbook.xml', 100);
    expect(await refusal(bytes)).toContain('损坏或不完整');
  });
});
