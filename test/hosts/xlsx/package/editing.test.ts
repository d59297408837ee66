import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { readContainer } from '../../../../src/hosts/xlsx/package/container';
import { applyCellUpdates } from '../../../../src/hosts/xlsx/package/worksheetEdit';
import { readWorksheet } from '../../../../src/hosts/xlsx/package/worksheetReader';
import { XlsxPackage } from '../../../../src/hosts/xlsx/package/xlsxPackage';
import { SHEET, SHEET_AGREEMENT } from '../../../../src/workbook/names';
import { ceeas } from '../../../helpers/cli';
import { excelJsBook } from '../../../helpers/excelJsReader';
import { readBook } from '../../../helpers/xlsx';
import { partsOf, text, withText, zipParts } from '../../../helpers/zipCraft';
import { describeWithLibreOffice, recalcXlsx } from '../../../helpers/libreoffice';

// A command changes only the parts it must: the sheets it writes and the lists that name them. Everything else
// keeps its stored bytes.

const small = join(__dirname, '../../../fixtures/panel-small.json');

async function built(): Promise<{ dir: string; book: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-edit-'));
  const book = join(dir, 'book.xlsx');
  expect((await ceeas('build', small, '-o', book)).code).toBe(0);
  return { dir, book };
}

const OUTPUTS: string[] = [SHEET.summary, SHEET.audit, SHEET.grades, SHEET.notice, SHEET.letters, SHEET.log];
const ctx = { sharedStrings: [], dateStyles: new Set<number>(), date1904: false };

describe('compute changes only the parts it must', () => {
  it('keeps the stored bytes of every part but the output sheets, styles and workbook', async () => {
    const { book } = await built();
    const before = await readContainer(readFileSync(book));
    const pkg = await XlsxPackage.open(readFileSync(book));
    const outputs = new Set(pkg.sheets.filter((s) => OUTPUTS.includes(s.name)).map((s) => s.part));
    expect((await ceeas('compute', book)).code).toBe(0);
    const after = await readContainer(readFileSync(book));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...before].filter(([name, e]) => !Buffer.from(after.get(name)!.raw).equals(Buffer.from(e.raw)));
    const allowed = new Set([...outputs, 'xl/styles.xml', 'xl/workbook.xml']);
    for (const [name] of changed) expect([name, allowed.has(name)]).toEqual([name, true]);
  });

  it('reuses the formats it added, so computing again changes only the log', async () => {
    const { book } = await built();
    expect((await ceeas('compute', book)).code).toBe(0);
    const data = await readBook(book, false);
    const styles = text(partsOf(readFileSync(book)), 'xl/styles.xml');
    expect((await ceeas('compute', book)).code).toBe(0);
    expect(text(partsOf(readFileSync(book)), 'xl/styles.xml')).toBe(styles);
    const second = await readBook(book, false);
    for (const s of data.sheets) {
      if (s.name === SHEET.log) continue;
      expect(second.sheets.find((x) => x.name === s.name)).toEqual(s);
    }
    expect(second.sheets.find((x) => x.name === SHEET.log)!.values.length).toBe(
      data.sheets.find((x) => x.name === SHEET.log)!.values.length + 1,
    );
  });

  it('adds output sheets that are missing where they belong, protected with the workbook password', async () => {
    const { book } = await built();
    const wb = await excelJsBook(book);
    wb.removeWorksheet(wb.getWorksheet(SHEET.notice)!.id);
    wb.removeWorksheet(wb.getWorksheet(SHEET.letters)!.id);
    await wb.xlsx.writeFile(book);
    expect((await ceeas('compute', book)).code).toBe(0);
    const back = await excelJsBook(book);
    const names = back.worksheets.map((w) => w.name);
    expect(names.indexOf(SHEET.notice)).toBe(names.indexOf(SHEET_AGREEMENT) + 1);
    expect(names.indexOf(SHEET_AGREEMENT)).toBe(names.indexOf(SHEET.grades) + 1);
    expect(names.indexOf(SHEET.letters)).toBe(names.indexOf(SHEET.notice) + 1);
    const hash = (name: string): unknown =>
      (back.getWorksheet(name) as unknown as { sheetProtection: { hashValue?: string } }).sheetProtection.hashValue;
    expect(hash(SHEET.notice)).toBeTruthy();
    expect(hash(SHEET.notice)).toBe(hash(SHEET.summary));
    expect(back.getWorksheet(SHEET.notice)!.pageSetup.printTitlesRow).toBe('5:5');
  });

  it('writes only well-formed XML parts, asks for recalculation on opening and drops a stale calculation chain', async () => {
    const { book } = await built();
    const parts = partsOf(readFileSync(book));
    const withChain = withText(
      withText(
        withText(
          parts,
          'xl/calcChain.xml',
          '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>',
        ),
        'xl/_rels/workbook.xml.rels',
        text(parts, 'xl/_rels/workbook.xml.rels').replace(
          '</Relationships>',
          '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
        ),
      ),
      '[Content_Types].xml',
      text(parts, '[Content_Types].xml').replace(
        '</Types>',
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    writeFileSync(book, zipParts(withChain));
    expect((await ceeas('compute', book)).code).toBe(0);
    const after = partsOf(readFileSync(book));
    for (const name of Object.keys(after))
      if (/\.(xml|rels)$/.test(name)) expect([name, XMLValidator.validate(text(after, name))]).toEqual([name, true]);
    expect(after['xl/calcChain.xml']).toBeUndefined();
    expect(text(after, '[Content_Types].xml')).not.toContain('calcChain');
    expect(text(after, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(text(after, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

describe('single cells written into a sheet as a careful person would', () => {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const sheet = (body: string, extra = ''): string =>
    `<?xml version="1.0"?>\r\n<x:worksheet ${ns}><x:dimension ref="A1:C3"/><x:sheetData>${body}</x:sheetData>${extra}</x:worksheet>`;

  it("replaces a cell keeping its format, inserts cells and rows in order, in the part's own prefix", () => {
    const xml = sheet(
      '<x:row r="1" spans="1:3"><x:c r="A1" s="2"><x:v>1</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>9</x:v></x:c></x:row>',
    );
    const out = applyCellUpdates(xml, 's.xml', [
      { sheet: 's', address: 'A1', value: '甲<&>' },
      { sheet: 's', address: 'B1', value: 2 },
      { sheet: 's', address: 'B2', value: true },
      { sheet: 's', address: 'D5', value: 'new' },
    ]);
    expect(out).toContain(
      '<x:c r="A1" s="2" t="inlineStr"><x:is><x:t xml:space="preserve">甲&lt;&amp;&gt;</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c><x:c r="C1">',
    );
    expect(out).toContain('</x:row><x:row r="2"><x:c r="B2" t="b"><x:v>1</x:v></x:c></x:row><x:row r="3">');
    expect(out).toMatch(/<x:row r="5"><x:c r="D5" t="inlineStr">.*<\/x:row><\/x:sheetData>/);
    expect(out).toContain('<x:dimension ref="A1:D5"/>');
    expect(out).not.toContain('spans=');
    const read = readWorksheet('s', out, 's.xml', ctx).data;
    expect(read.values).toEqual([
      ['甲<&>', 2, 3, null],
      [null, true, null, null],
      [9, null, null, null],
      [null, null, null, null],
      [null, null, null, 'new'],
    ]);
    // Everything outside the cells written is as it was.
    expect(out.startsWith('<?xml version="1.0"?>\r\n<x:worksheet')).toBe(true);
  });

  it('gives rows and cells written without r their place before inserting beside them', () => {
    const xml = sheet(
      '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row>',
    );
    const before = readWorksheet('s', xml, 's.xml', ctx).data.values;
    const out = applyCellUpdates(xml, 's.xml', [
      { sheet: 's', address: 'D1', value: 4 },
      { sheet: 's', address: 'A4', value: 5 },
    ]);
    const after = readWorksheet('s', out, 's.xml', ctx).data.values;
    expect(after[0]).toEqual([...before[0], null, 4]);
    expect(after[1][0]).toBe(3);
    expect(after[3][0]).toBe(5);
  });

  it('gives the other cells of a shared formula their own formula when its master cell is overwritten', () => {
    const xml = sheet(
      '<x:row r="1"><x:c r="A1"><x:f t="shared" ref="A1:A3" si="0">B1*2</x:f><x:v>2</x:v></x:c></x:row>' +
        '<x:row r="2"><x:c r="A2"><x:f t="shared" si="0"/><x:v>4</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:f t="shared" si="0"/></x:c></x:row>',
    );
    const out = applyCellUpdates(xml, 's.xml', [{ sheet: 's', address: 'A1', value: 7 }]);
    const read = readWorksheet('s', out, 's.xml', ctx).data;
    expect(read.formulas.map((r) => r[0])).toEqual([null, 'B2*2', 'B3*2']);
    expect(read.values[0][0]).toBe(7);
  });

  it('opens up an empty sheet to hold its first rows', () => {
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;
    const out = applyCellUpdates(xml, 's.xml', [{ sheet: 's', address: 'B2', value: 1 }]);
    expect(out).toBe(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData></worksheet>`,
    );
  });
});

describeWithLibreOffice('a computed workbook in LibreOffice', () => {
  it('opens, recalculates, and 复核 agrees with 汇总 on every case', async () => {
    const { dir, book } = await built();
    expect((await ceeas('compute', book)).code).toBe(0);
    const out = await recalcXlsx(book, join(dir, 'lo'));
    const audit = (await readBook(out, false)).sheets.find((s) => s.name === SHEET.audit)!;
    const header = audit.values.findIndex((r) => r.includes('核对'));
    const col = audit.values[header].indexOf('核对');
    const rows = audit.values.slice(header + 1).filter((r) => typeof r[0] === 'string' && r[0] !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r[0], r[col]]).toEqual([r[0], '一致']);
  }, 240000);
});
