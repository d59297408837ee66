import { retargetSheets, sheetPrefix } from '../../../src/workbook/formula/sheetRefs';

describe('a formula pointed at other sheet names', () => {
  const to = new Map([
    ['汇总', '~新~汇总'],
    ["o'brien", '~新~O'],
  ]);

  it('retargets quoted and unquoted references, whatever the case of the name', () => {
    expect(retargetSheets("'汇总'!B3+汇总!C4", to)).toBe("'~新~汇总'!B3+'~新~汇总'!C4");
    expect(retargetSheets("SUM('O''Brien'!A1:A9)", to)).toBe("SUM('~新~O'!A1:A9)");
  });

  it('leaves other sheets, string literals and formulas without a sheet alone', () => {
    expect(retargetSheets('\'初评-E01\'!E6&"汇总!B3"', to)).toBe('\'初评-E01\'!E6&"汇总!B3"');
    expect(retargetSheets('A1+B2', to)).toBe('A1+B2');
    expect(retargetSheets("'汇总'!B3", new Map())).toBe("'汇总'!B3");
  });

  it('quotes every prefix, doubling a quote inside', () => {
    expect(sheetPrefix("a'b")).toBe("'a''b'!");
  });
});
