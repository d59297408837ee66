import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { loadXlsx, workbookData } from '../../../src/hosts/xlsx/readWorkbook';
import { openPackage, partText, readPackageSheets } from '../../../src/hosts/xlsx/xlsxPackage';
import { entryBytes, newEntry, readZip, writeZip } from '../../../src/hosts/xlsx/zip';
import { SHEET } from '../../../src/workbook/names';
import { ceeas } from '../../helpers/cli';
import { describeWithLibreOffice, recalcXlsx } from '../../helpers/libreoffice';

// compute writes its output sheets by patching the package: these tests hold it to what the ExcelJS host did —
// the same cells, readable by ExcelJS and LibreOffice — and to what it promises besides: every other part kept.

const small = join(__dirname, '../../fixtures/panel-small.json');

async function built(): Promise<{ dir: string; book: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-patch-'));
  const book = join(dir, 'book.xlsx');
  expect((await ceeas('build', small, '-o', book)).code).toBe(0);
  return { dir, book };
}

function parts(path: string): Map<string, Buffer> {
  return new Map([...readZip(readFileSync(path))].map(([name, e]) => [name, entryBytes(e)]));
}

const OUTPUTS: string[] = [SHEET.summary, SHEET.audit, SHEET.grades, SHEET.notice, SHEET.letters, SHEET.log];

describe('compute writes by patching the package', () => {
  it('keeps every part but the output sheets, styles, workbook and its lists byte for byte', async () => {
    const { book } = await built();
    const before = readZip(readFileSync(book));
    const pkg = openPackage(readFileSync(book));
    const outputs = new Set(pkg.sheets.filter((s) => OUTPUTS.includes(s.name)).map((s) => s.part));
    expect((await ceeas('compute', book)).code).toBe(0);
    const after = readZip(readFileSync(book));
    const edited = new Set(['xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, entry] of before) {
      if (outputs.has(name) || edited.has(name)) continue;
      expect([name, after.get(name)!.raw.equals(entry.raw)]).toEqual([name, true]);
    }
  });

  it('writes what ExcelJS reads back the same way, and computing again changes only the log', async () => {
    const { book } = await built();
    expect((await ceeas('compute', book)).code).toBe(0);
    const bytes = readFileSync(book);
    const data = readPackageSheets(openPackage(bytes)).data;
    expect(data).toEqual(workbookData(await loadXlsx(bytes)));
    const styles = partText(openPackage(bytes), 'xl/styles.xml')!;
    expect((await ceeas('compute', book)).code).toBe(0);
    const again = openPackage(readFileSync(book));
    // Formats already added are reused: the styles part does not grow with each computation.
    expect(partText(again, 'xl/styles.xml')).toBe(styles);
    const second = readPackageSheets(again).data;
    for (const s of data.sheets) {
      if (s.name === SHEET.log) continue;
      expect(second.sheets.find((x) => x.name === s.name)).toEqual(s);
    }
    expect(second.sheets.find((x) => x.name === SHEET.log)!.values.length).toBe(
      data.sheets.find((x) => x.name === SHEET.log)!.values.length + 1,
    );
  });

  it('adds output sheets that are missing, protected with the workbook password', async () => {
    const { book } = await built();
    const wb = await loadXlsx(readFileSync(book));
    wb.removeWorksheet(wb.getWorksheet(SHEET.notice)!.id);
    wb.removeWorksheet(wb.getWorksheet(SHEET.letters)!.id);
    await wb.xlsx.writeFile(book);
    expect((await ceeas('compute', book)).code).toBe(0);
    const back = await loadXlsx(readFileSync(book));
    const names = back.worksheets.map((w) => w.name);
    expect(names.slice(-2)).toEqual([SHEET.notice, SHEET.letters]);
    const hash = (name: string): unknown =>
      (back.getWorksheet(name) as unknown as { sheetProtection: { hashValue?: string } }).sheetProtection.hashValue;
    expect(hash(SHEET.notice)).toBeTruthy();
    expect(hash(SHEET.notice)).toBe(hash(SHEET.summary));
    expect(back.getWorksheet(SHEET.notice)!.pageSetup.printTitlesRow).toBe('5:5');
  });

  it('writes only well-formed XML parts, in build and in compute', async () => {
    const { book } = await built();
    const check = (): void => {
      for (const [name, bytes] of parts(book)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        expect([name, XMLValidator.validate(bytes.toString('utf8'))]).toEqual([name, true]);
      }
    };
    check();
    expect((await ceeas('compute', book)).code).toBe(0);
    check();
  });

  it('drops a calculation chain that would be stale', async () => {
    const { book } = await built();
    const zip = readZip(readFileSync(book));
    const text = (name: string): string => entryBytes(zip.get(name)!).toString('utf8');
    const entries = [...zip.values()].map((e) => {
      if (e.name === 'xl/_rels/workbook.xml.rels')
        return newEntry(
          e.name,
          text(e.name).replace(
            '</Relationships>',
            '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
          ),
        );
      if (e.name === '[Content_Types].xml')
        return newEntry(
          e.name,
          text(e.name).replace(
            '</Types>',
            '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
          ),
        );
      return e;
    });
    entries.push(newEntry('xl/calcChain.xml', '<calcChain><c r="A1" i="1"/></calcChain>'));
    writeFileSync(book, writeZip(entries));
    expect((await ceeas('compute', book)).code).toBe(0);
    const after = parts(book);
    expect(after.has('xl/calcChain.xml')).toBe(false);
    expect(after.get('[Content_Types].xml')!.toString()).not.toContain('calcChain');
    expect(after.get('xl/_rels/workbook.xml.rels')!.toString()).not.toContain('calcChain');
  });

  it('goes through ExcelJS when an output sheet it replaces has parts of its own', async () => {
    const { book } = await built();
    const wb = await loadXlsx(readFileSync(book));
    wb.getWorksheet(SHEET.summary)!.getCell('Z1').note = '秘书处备注';
    await wb.xlsx.writeFile(book);
    const computed = await ceeas('compute', book, '--json');
    expect(computed.code).toBe(0);
    const back = await loadXlsx(readFileSync(book));
    expect(back.getWorksheet(SHEET.summary)!.getCell('A1').value).toBeTruthy();
  });
});

describeWithLibreOffice('a computed workbook in LibreOffice', () => {
  it('opens, recalculates, and 复核 agrees with 汇总 on every case', async () => {
    const { dir, book } = await built();
    expect((await ceeas('compute', book)).code).toBe(0);
    const out = await recalcXlsx(book, join(dir, 'lo'));
    const data = readPackageSheets(openPackage(readFileSync(out))).data;
    const audit = data.sheets.find((s) => s.name === SHEET.audit)!;
    const header = audit.values.findIndex((r) => r.includes('核对'));
    const col = audit.values[header].indexOf('核对');
    const rows = audit.values.slice(header + 1).filter((r) => typeof r[0] === 'string' && r[0] !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r[0], r[col]]).toEqual([r[0], '一致']);
  }, 240000);

  it('computes a workbook LibreOffice saved (its own styles, strings and layout), and LibreOffice opens the result', async () => {
    const { dir, book } = await built();
    const saved = await recalcXlsx(book, join(dir, 'saved'));
    expect((await ceeas('compute', saved)).code).toBe(0);
    const bytes = readFileSync(saved);
    expect(readPackageSheets(openPackage(bytes)).data).toEqual(workbookData(await loadXlsx(bytes)));
    const out = await recalcXlsx(saved, join(dir, 'again'));
    const audit = readPackageSheets(openPackage(readFileSync(out))).data.sheets.find((s) => s.name === SHEET.audit)!;
    const agree = audit.values.flat().filter((v) => v === '一致' || v === '不一致');
    expect(agree.length).toBeGreaterThan(0);
    expect(agree.every((v) => v === '一致')).toBe(true);
  }, 240000);
});
