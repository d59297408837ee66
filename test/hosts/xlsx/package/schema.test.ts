import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ceeas } from '../../../helpers/cli';
import { checkPart } from '../../../helpers/smlSchema';
import { partsOf, text } from '../../../helpers/zipCraft';

// Every SpreadsheetML part we write keeps to the ECMA-376 schema: elements in their sequence's order, attributes
// the schema defines with values of their types (test/helpers/smlSchema.ts holds those rules).

const sample = join(__dirname, '../../../../samples/panel-sample.json');

function problems(book: string): string[] {
  const parts = partsOf(readFileSync(book));
  const out: string[] = [];
  for (const name of Object.keys(parts)) {
    if (!/^xl\/(worksheets\/sheet\d+|styles|workbook|tables\/table\d+)\.xml$/.test(name)) continue;
    for (const p of checkPart(text(parts, name))) out.push(`${name} ${p}`);
  }
  return out;
}

describe('the parts we write are valid SpreadsheetML', () => {
  it('after build, compute, import, application, form, release, and in an exported expert workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ceeas-schema-'));
    const book = join(dir, 'book.xlsx');
    expect((await ceeas('build', sample, '-o', book)).code).toBe(0);
    expect(problems(book)).toEqual([]);
    writeFileSync(join(dir, 'new.csv'), '案例编号,案例名称,申报单位\nC901,新案例,新单位\n');
    for (const args of [
      ['compute', book],
      ['import', book, '--cases', join(dir, 'new.csv')],
      ['application', book, '--case', 'C001'],
      ['form', book, '--round', 'initial', '--expert', 'E01', '--case', 'C001'],
      ['release', book, '--date', '2027-01-20'],
    ]) {
      expect([args[0], (await ceeas(...args)).code <= 1]).toEqual([args[0], true]);
      expect([args[0], problems(book)]).toEqual([args[0], []]);
    }
    const mine = join(dir, 'E01.xlsx');
    expect((await ceeas('export', book, '--round', 'initial', '--expert', 'E01', '-o', mine)).code).toBe(0);
    expect(problems(mine)).toEqual([]);
  });

  it('the check itself finds what the schema forbids', () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    expect(
      checkPart(
        `<worksheet ${ns}><sheetData/><dataValidations><dataValidation type="whole" errorStyle="error" sqref="A1"/></dataValidations></worksheet>`,
      ),
    ).toEqual(['dataValidation: errorStyle="error" is not a valid value']);
    expect(checkPart(`<worksheet ${ns}><sheetData/><dimension ref="A1"/></worksheet>`)).toEqual([
      "worksheet: dimension out of the schema's order",
    ]);
    expect(checkPart(`<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="x"/></row></sheetData></worksheet>`)).toEqual(
      ['c: t="x" is not a valid value'],
    );
  });
});
