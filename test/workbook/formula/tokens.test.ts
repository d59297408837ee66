import { formulaMeaning, sameFormula, tokenize } from '../../../src/workbook/formula/tokens';

describe('formulas compared by meaning', () => {
  it('takes the ways Excel, WPS and LibreOffice write a formula back as the same formula', () => {
    // LibreOffice drops the quotes around a sheet name it does not need them for.
    expect(sameFormula(`COUNTIF('专家库'!F:F,"是")`, 'COUNTIF(专家库!F:F,"是")')).toBe(true);
    // A whole column written out to the last row, spaces, function case, an _xlfn. prefix, = in front.
    expect(sameFormula(`COUNTIF('专家库'!F:F,"是")`, '=countif( 专家库!$F$1:$F$1048576 , "是" )')).toBe(true);
    expect(sameFormula('STDEV.S(A1:A3)', '_xlfn.STDEV.S(A1:A3)')).toBe(true);
    // Whole rows, numbers written differently, a reference to the formula's own sheet by name.
    expect(sameFormula('SUM(3:3)*1', 'SUM(A3:XFD3)*1.0')).toBe(true);
    expect(sameFormula("'复核'!B5+1", 'B5+1', '复核')).toBe(true);
    // A quoted name with an apostrophe inside.
    expect(sameFormula("'O''Brien'!A1", "'O''Brien'!$A$1")).toBe(true);
    expect(sameFormula('SUM(B2:A1)', 'SUM(A1:B2)')).toBe(true);
  });

  it('still tells apart a changed reference, operator, constant, string or function', () => {
    const f = `IF(W6="✓",SUM(E6:Q6),"")`;
    expect(sameFormula(f, `IF(W6="✓",SUM(E6:P6),"")`)).toBe(false);
    expect(sameFormula(f, `IF(W6<>"✓",SUM(E6:Q6),"")`)).toBe(false);
    expect(sameFormula(f, `IF(W6="✗",SUM(E6:Q6),"")`)).toBe(false);
    expect(sameFormula(f, `IF(W6="✓",MAX(E6:Q6),"")`)).toBe(false);
    expect(sameFormula('A1*2', 'A1*3')).toBe(false);
    expect(sameFormula(`COUNTIF('专家库'!F:F,"是")`, `COUNTIF('案例登记'!F:F,"是")`)).toBe(false);
    // String literals keep their case and spaces; sheet names do not.
    expect(sameFormula('"a b"', '"A B"')).toBe(false);
    expect(sameFormula('Sheet1!A1', 'SHEET1!A1')).toBe(true);
  });

  it('reads names, functions, errors, booleans and arrays, and keeps text it cannot read as text', () => {
    expect(tokenize('LOG10(A1)+Total+TRUE+#N/A+{1,2;3,4}').map((t) => t.kind)).toEqual([
      'function',
      'op',
      'ref',
      'op',
      'op',
      'name',
      'op',
      'name',
      'op',
      'error',
      'op',
      'op',
      'number',
      'op',
      'number',
      'op',
      'number',
      'op',
      'number',
      'op',
    ]);
    expect(formulaMeaning('"unterminated')).toBe('text:"unterminated');
    expect(sameFormula('"unterminated', '"unterminated')).toBe(true);
  });
});
