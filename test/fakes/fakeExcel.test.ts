// Proves the fake Excel host does what test/fakes/README.md says, one describe block per row of its table.

import { bordersOf, EXCEL_RULES, FakeErrorValue, fakeExcel, FakeSheet, FakeWorkbookState } from './fakeExcel';
import { formulaCalculator } from './formulaCalc';
import { typedValue } from './typedInput';

/** A workbook with these sheets (the first is "S" unless named) and a context over it. */
function workbook(...names: string[]) {
  const state = new FakeWorkbookState();
  for (const n of names.length ? names : ['S']) state.sheets.push(new FakeSheet(n));
  const { context } = fakeExcel(state);
  const ws = (name = state.sheets[0].name) => context.workbook.worksheets.getItem(name);
  /** What a cell holds, looked at directly (not through the API). */
  const cell = (address: string, sheet = state.sheets[0].name) => state.sheet(sheet)!.cells.get(address);
  return { state, context, ws, cell };
}

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<{ code: string; debugInfo: { errorLocation: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; debugInfo: { errorLocation: string } };
  }
  throw new Error('expected the sync to fail');
}

describe('queued operations run at context.sync', () => {
  it('changes nothing until sync, then runs the queue in order', async () => {
    const { context, ws, cell } = workbook();
    const a1 = ws().getRange('A1');
    a1.values = [['first']];
    a1.values = [['second']];
    expect(cell('A1')).toBeUndefined();
    await context.sync();
    expect(cell('A1')?.value).toBe('second');
  });
});

describe('PropertyNotLoaded before load and sync', () => {
  it('refuses a read before load, and after load before sync', async () => {
    const { context, ws } = workbook();
    const r = ws().getRange('A1');
    r.values = [['x']];
    expect(() => r.values).toThrow('PropertyNotLoaded');
    r.load('values');
    let thrown: unknown;
    try {
      void r.values;
    } catch (e) {
      thrown = e;
    }
    expect((thrown as { code?: string }).code).toBe('PropertyNotLoaded');
    await context.sync();
    expect(r.values).toEqual([['x']]);
  });

  it('delivers what the cell held when the batch reached the load, not later', async () => {
    const { context, ws, cell } = workbook();
    const r = ws().getRange('A1');
    r.values = [['before']];
    r.load('values');
    r.values = [['after']];
    await context.sync();
    expect(r.values).toEqual([['before']]);
    expect(cell('A1')?.value).toBe('after');
  });
});

describe('loads are delivered only when the batch succeeds', () => {
  it('leaves a property loaded in a failing batch unloaded', async () => {
    const { context, ws } = workbook();
    const r = ws().getRange('A1');
    r.values = [['kept']];
    r.load('values');
    context.workbook.worksheets.getItem('nowhere');
    expect((await failure(context.sync())).code).toBe('ItemNotFound');
    expect(() => r.values).toThrow('PropertyNotLoaded');
  });
});

describe('no rollback: a failing operation ends the batch where it is', () => {
  it('keeps the operations before the failure and never runs those after', async () => {
    const { context, ws, cell } = workbook('S', 'T');
    ws().getRange('A1').values = [['one']];
    ws().getRange('A2').values = [['two']];
    ws('T').name = 'bad/name'; // this call fails: "/" is not allowed in a sheet name
    ws().getRange('A3').values = [['four']];
    const e = await failure(context.sync());
    expect(e.code).toBe('InvalidArgument');
    expect(e.debugInfo.errorLocation).toBe('Worksheet.name');
    expect(cell('A1')?.value).toBe('one');
    expect(cell('A2')?.value).toBe('two');
    expect(cell('A3')).toBeUndefined();
  });
});

describe('failure injection (state.failAt, a test switch)', () => {
  it('fails operation 3 of a batch once: operations 1 and 2 stay, 3 and 4 do not happen', async () => {
    const { state, context, cell } = workbook();
    const s = context.workbook.worksheets.getItemOrNullObject('S'); // queues nothing
    state.failAt = state.operations + 2;
    for (const a of ['A1', 'A2', 'A3', 'A4']) s.getRange(a).values = [[a]];
    const e = await failure(context.sync());
    expect(e.code).toBe('GeneralException');
    expect(e.debugInfo.errorLocation).toBe('Range.values');
    expect([cell('A1')?.value, cell('A2')?.value, cell('A3'), cell('A4')]).toEqual(['A1', 'A2', undefined, undefined]);
    expect(state.failAt).toBeNull();
    s.getRange('A3').values = [['again']];
    await context.sync();
    expect(cell('A3')?.value).toBe('again');
  });

  it('counts operations across syncs', async () => {
    const { state, context, cell } = workbook();
    const s = context.workbook.worksheets.getItemOrNullObject('S');
    state.failAt = state.operations + 1;
    s.getRange('A1').values = [[1]];
    await context.sync(); // operation 0 of the count
    s.getRange('A2').values = [[2]];
    await failure(context.sync()); // operation 1
    expect(cell('A1')?.value).toBe(1);
    expect(cell('A2')).toBeUndefined();
  });
});

describe('request and response payloads: UTF-8 bytes, refused above 5 MB', () => {
  it('passes a 4,000,000-byte ASCII request and refuses one above 5,000,000 bytes before running it', async () => {
    const { state, context, ws, cell } = workbook();
    ws().getRange('A1').values = [['x'.repeat(4_000_000)]];
    await context.sync();
    expect(state.requestBytes.at(-1)).toBeGreaterThan(4_000_000);
    expect(state.requestBytes.at(-1)).toBeLessThan(5_000_000);
    expect((cell('A1')?.value as string).length).toBe(4_000_000);

    ws().getRange('A2').values = [['x'.repeat(5_000_001)]];
    expect((await failure(context.sync())).code).toBe('RequestPayloadSizeLimitExceeded');
    expect(state.requestBytes.at(-1)).toBeGreaterThan(5_000_000);
    expect(cell('A2')).toBeUndefined();
  });

  it('counts a CJK character as 3 bytes', async () => {
    const { state, context, ws, cell } = workbook();
    const text = '评'.repeat(1_700_000); // 1.7 million characters, 5.1 million bytes
    ws().getRange('A1').values = [[text]];
    expect((await failure(context.sync())).code).toBe('RequestPayloadSizeLimitExceeded');
    expect(state.requestBytes.at(-1)).toBeGreaterThan(3 * 1_700_000);
    expect(cell('A1')).toBeUndefined();
  });

  it('refuses a response above 5 MB and delivers none of it', async () => {
    const { state, context, ws } = workbook();
    ws().getRange('A1').values = [['评'.repeat(900_000)]]; // 2.7 MB each, in separate requests
    await context.sync();
    ws().getRange('A2').values = [['评'.repeat(900_000)]];
    await context.sync();
    const one = ws().getRange('A1').load('values');
    await context.sync();
    expect((one.values[0][0] as string).length).toBe(900_000);
    expect(state.responseBytes.at(-1)).toBeGreaterThan(2_700_000);

    const both = ws().getRange('A1:A2').load('values');
    expect((await failure(context.sync())).code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(state.responseBytes.at(-1)).toBeGreaterThan(5_400_000);
    expect(() => both.values).toThrow('PropertyNotLoaded');
  });

  it('uses the documented limit', () => {
    expect(EXCEL_RULES.payloadLimit).toBe(5_000_000);
  });
});

describe('range cell limit for reads', () => {
  it('refuses to read more than 5,000,000 cells', async () => {
    const { context, ws } = workbook();
    expect(EXCEL_RULES.rangeCellLimit).toBe(5_000_000);
    ws().getRange('A1:E1000001').load('values'); // 5,000,005 cells
    expect((await failure(context.sync())).code).toBe('RangeExceedsLimit');
  });

  it('reads a range of exactly the limit and not one cell more', async () => {
    const { state, context, ws } = workbook();
    state.rules.rangeCellLimit = 6;
    const six = ws().getRange('A1:B3').load('values');
    await context.sync();
    expect(six.values).toHaveLength(3);
    ws().getRange('A1:G1').load('formulas');
    expect((await failure(context.sync())).code).toBe('RangeExceedsLimit');
  });
});

describe('strings written into a General cell are parsed as en-US typed input', () => {
  /** Writes `text` into A1 through values and reads back its value and number format. */
  async function typed(text: string, how: 'values' | 'formulas' = 'values') {
    const { context, ws } = workbook();
    const r = ws().getRange('A1');
    r[how] = [[text]];
    r.load('values,numberFormat,valueTypes');
    await context.sync();
    return { value: r.values[0][0], format: r.numberFormat[0][0], type: r.valueTypes[0][0] };
  }

  it('drops leading zeros: "001" reads back 1', async () => {
    expect(await typed('001')).toEqual({ value: 1, format: 'General', type: 'Double' });
  });

  it('turns dates into serial numbers with a date format', async () => {
    expect(await typed('2026-01-05')).toEqual({ value: 46027, format: 'm/d/yyyy', type: 'Double' });
    expect(await typed('2026-01')).toEqual({ value: 46023, format: 'mmm-yy', type: 'Double' });
    expect(await typed('12/31/2026')).toMatchObject({ value: 46387, format: 'm/d/yyyy' });
    expect(typedValue('1/2', 2026)).toEqual({ value: 46024, format: 'd-mmm' }); // 2 January of the current year
  });

  it('turns percentages, booleans, fractions and thousands into numbers', async () => {
    expect(await typed('30%')).toEqual({ value: 0.3, format: '0%', type: 'Double' });
    expect(await typed('TRUE')).toEqual({ value: true, format: 'General', type: 'Boolean' });
    expect(await typed('false')).toMatchObject({ value: false, type: 'Boolean' });
    expect(await typed('1 1/2')).toEqual({ value: 1.5, format: '# ?/?', type: 'Double' });
    expect(await typed('1,234')).toEqual({ value: 1234, format: '#,##0', type: 'Double' });
    expect(await typed('(5)')).toMatchObject({ value: -5 });
  });

  it('keeps 15 significant digits, cutting the rest to zeros', async () => {
    expect((await typed('123456789012345678')).value).toBe(123456789012345000);
    expect((await typed('1111222233334444')).value).toBe(1111222233334440);
  });

  it('takes a leading + or - as a formula, and a signed number as a number', async () => {
    const { context, ws, cell } = workbook();
    const r = ws().getRange('A1:C1');
    r.values = [['+A2', '-B2', '-5']];
    r.load('formulas,values');
    await context.sync();
    expect(r.formulas).toEqual([['=+A2', '=-B2', -5]]);
    expect(cell('A1')?.formula).toBe('+A2');
    expect(cell('C1')?.value).toBe(-5);
  });

  it('keeps text that is not a number, date or boolean', async () => {
    expect(await typed('abc')).toEqual({ value: 'abc', format: 'General', type: 'String' });
    expect(await typed('１２３')).toMatchObject({ value: '１２３', type: 'String' }); // full-width digits
    expect(await typed('-')).toMatchObject({ value: '-', type: 'String' });
  });

  it('parses through range.formulas the same way', async () => {
    expect(await typed('001', 'formulas')).toMatchObject({ value: 1 });
  });

  it('can be switched off (rules.parseInput)', async () => {
    const { state, context, ws, cell } = workbook();
    state.rules.parseInput = false;
    ws().getRange('A1').values = [['001']];
    await context.sync();
    expect(cell('A1')?.value).toBe('001');
  });
});

describe('a cell formatted as text ("@") keeps the string', () => {
  it('reads back "001" from an "@" cell and 1 from a General one', async () => {
    const { context, ws, cell } = workbook();
    const text = ws().getRange('A1:A3');
    text.numberFormat = [['@'], ['@'], ['@']]; // set earlier in the same batch
    text.values = [['001'], ['2026-01-05'], ['=1+1']];
    ws().getRange('B1').values = [['001']];
    const back = ws().getRange('A1:B1').load('values,valueTypes');
    await context.sync();
    expect(back.values).toEqual([['001', 1]]);
    expect(back.valueTypes).toEqual([['String', 'Double']]);
    expect(cell('A2')?.value).toBe('2026-01-05');
    expect(cell('A3')).toMatchObject({ value: '=1+1', formula: null });
  });
});

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

describe('Edge vs Inside borders', () => {
  /** Draws the given borders over A1:C3 and returns the sides each cell has a line on. */
  async function draw(edges: Edge[]) {
    const { context, ws, cell } = workbook();
    const r = ws().getRange('A1:C3');
    for (const e of edges) r.format.borders.getItem(e).style = 'Continuous';
    await context.sync();
    const sides: Record<string, string[]> = {};
    for (const row of [1, 2, 3])
      for (const col of ['A', 'B', 'C']) sides[`${col}${row}`] = bordersOf(cell(`${col}${row}`));
    return sides;
  }

  it('EdgeTop + InsideVertical leave no horizontal line between rows', async () => {
    const s = await draw(['EdgeTop', 'InsideVertical']);
    for (const [address, sides] of Object.entries(s)) {
      const row = Number(address.slice(1));
      expect(sides.includes('bottom')).toBe(false);
      expect(sides.includes('top')).toBe(row === 1);
    }
    expect(s.A1).toEqual(['top', 'right']);
    expect(s.B2).toEqual(['left', 'right']);
    expect(s.C3).toEqual(['left']);
  });

  it('InsideHorizontal draws between rows only, never the outline', async () => {
    const s = await draw(['InsideHorizontal']);
    expect(s.A1).toEqual(['bottom']);
    expect(s.B2).toEqual(['top', 'bottom']);
    expect(s.C3).toEqual(['top']);
    expect(Object.values(s).some((sides) => sides.includes('left') || sides.includes('right'))).toBe(false);
  });

  it('the four Edge borders draw the outline only', async () => {
    const s = await draw(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']);
    expect(s.A1).toEqual(['top', 'left']);
    expect(s.B1).toEqual(['top']);
    expect(s.B2).toEqual([]);
    expect(s.C3).toEqual(['bottom', 'right']);
  });
});

describe('custom functions', () => {
  /** A workbook whose S!A1 holds `formula`, with the calculator on. */
  async function withFormula(formula: string, setup: (state: FakeWorkbookState) => void = () => undefined) {
    const w = workbook();
    w.state.calculator = formulaCalculator();
    setup(w.state);
    w.ws().getRange('A1').formulas = [[formula]];
    await w.context.sync();
    /** A1's value as the API reads it in a new batch (with calculationState). */
    const read = async () => {
      const r = w.ws().getRange('A1').load('values');
      const app = w.context.workbook.application;
      app.load('calculationState');
      await w.context.sync();
      return { value: r.values[0][0], state: app.calculationState };
    };
    return { ...w, read };
  }

  it('show #BUSY! while calculating, then the result; calculationState reads Calculating, then Done', async () => {
    const w = await withFormula('=CEEAS.GRADE(95)', (s) => void (s.rules.customFunctionSyncs = 1));
    expect(await w.read()).toEqual({ value: '#BUSY!', state: 'Calculating' });
    const settled = await w.read();
    expect(settled.state).toBe('Done');
    expect(typeof settled.value).toBe('string');
    expect(settled.value).not.toMatch(/^#/);
    // Looking at the workbook directly (not through the API) always sees the settled value.
    expect(w.state.valueOf(w.state.sheets[0], 1, 1)).toBe(settled.value);
  });

  it('read #BUSY! in the batch that wrote them even with no extra syncs', async () => {
    const { context, ws, state } = workbook();
    state.calculator = formulaCalculator();
    const r = ws().getRange('A1');
    r.formulas = [['=CEEAS.GRADE(95)']];
    r.load('values');
    await context.sync();
    expect(r.values).toEqual([['#BUSY!']]);
    r.load('values');
    await context.sync();
    expect(r.values[0][0]).not.toBe('#BUSY!');
  });

  it('can report Done while #BUSY! shows (rules.reportsCalculating = false)', async () => {
    const w = await withFormula('=CEEAS.GRADE(95)', (s) => {
      s.rules.customFunctionSyncs = 1;
      s.rules.reportsCalculating = false;
    });
    expect(await w.read()).toEqual({ value: '#BUSY!', state: 'Done' });
  });

  it('show #NAME? before they are registered', async () => {
    const w = await withFormula('=CEEAS.GRADE(95)', (s) => void (s.rules.functionsRegistered = false));
    expect((await w.read()).value).toBe('#NAME?');
    w.state.rules.functionsRegistered = true;
    w.ws().getRange('B1').values = [['recalculate']];
    await w.context.sync();
    expect((await w.read()).value).not.toBe('#NAME?');
  });

  it('are not called with an error input: the input error shows, not the function answer', async () => {
    const w = await withFormula('=CEEAS.GRADE(B1)');
    w.ws().getRange('B1').formulas = [['=1/0']];
    await w.context.sync();
    expect((await w.read()).value).toBe('#DIV/0!');
    // Called with a usable non-number, the function itself answers #VALUE!.
    w.ws().getRange('B1').values = [['abc']];
    await w.context.sync();
    expect((await w.read()).value).toBe('#VALUE!');
  });

  it('show #NUM! without a message, #VALUE! with the function message', async () => {
    const w = workbook();
    w.state.calculator = formulaCalculator();
    w.ws().getRange('A1:A2').formulas = [['=CEEAS.GRADE(150)'], ['=CEEAS.GRADE("abc")']];
    await w.context.sync();
    const sheet = w.state.sheets[0];
    const num = w.state.valueOf(sheet, 1, 1) as FakeErrorValue;
    const value = w.state.valueOf(sheet, 2, 1) as FakeErrorValue;
    expect(num).toBeInstanceOf(FakeErrorValue);
    expect(num.code).toBe('#NUM!');
    expect(num.message).toBeUndefined();
    expect(value.code).toBe('#VALUE!');
    expect(value.message).toMatch(/abc/);
    const r = w.ws().getRange('A1:A2').load('values,valueTypes');
    await w.context.sync();
    expect(r.values).toEqual([['#NUM!'], ['#VALUE!']]);
    expect(r.valueTypes).toEqual([['Error'], ['Error']]);
  });
});

describe('getUsedRange(valuesOnly)', () => {
  it('counts formatted cells unless valuesOnly', async () => {
    const { context, ws } = workbook();
    ws().getRange('B2').values = [['x']];
    ws().getRange('D5').numberFormat = [['0.00']];
    ws().getRange('F1').format.protection.locked = false;
    const all = ws().getUsedRangeOrNullObject(false).load('isNullObject,address');
    const values = ws().getUsedRangeOrNullObject(true).load('isNullObject,address');
    await context.sync();
    expect(all.address).toBe("'S'!B1:F5");
    expect(values.address).toBe("'S'!B2");
  });

  it('is a null object on an empty sheet, and on a sheet of formats only when valuesOnly', async () => {
    const { context, ws } = workbook('S', 'T');
    ws('T').getRange('C3').format.fill.color = '#FF0000';
    const empty = ws().getUsedRangeOrNullObject().load('isNullObject');
    const formatsOnly = ws('T').getUsedRangeOrNullObject(true).load('isNullObject');
    const formats = ws('T').getUsedRangeOrNullObject().load('isNullObject');
    await context.sync();
    expect([empty.isNullObject, formatsOnly.isNullObject, formats.isNullObject]).toEqual([true, true, false]);
  });
});

describe('table names are unique in the workbook', () => {
  it('names new tables Table1, Table2 and refuses a name another sheet’s table has', async () => {
    const { context, ws } = workbook('S', 'T');
    ws().tables.add('A1:B3', true);
    ws('T').tables.add('A1:B3', true);
    const tables = context.workbook.tables.load('items');
    await context.sync();
    expect(tables.items.map((t) => t.name)).toEqual(['Table1', 'Table2']);

    ws('T').tables.add('D1:E3', true).name = 'table1'; // case-insensitively the name of S's table
    expect((await failure(context.sync())).code).toBe('InvalidArgument');
    const after = context.workbook.tables.load('items');
    await context.sync();
    expect(after.items.map((t) => t.name)).toEqual(['Table1', 'Table2', 'Table3']);
  });
});

describe('worksheet protection', () => {
  it('protect fails on an already protected sheet and keeps the first protection', async () => {
    const { state, context, ws } = workbook();
    ws().protection.protect(undefined, 'first');
    await context.sync();
    ws().protection.protect(undefined, 'second');
    const e = await failure(context.sync());
    expect(e.code).toBe('InvalidOperation');
    expect(e.debugInfo.errorLocation).toBe('WorksheetProtection.protect');
    expect(state.sheets[0].protectedWith?.password).toBe('first');
  });

  it('unprotect with a wrong or missing password throws and the sheet stays protected', async () => {
    const { state, context, ws } = workbook();
    ws().protection.protect(undefined, 'pw');
    await context.sync();
    ws().protection.unprotect('wrong');
    expect((await failure(context.sync())).code).toBe('InvalidArgument');
    ws().protection.unprotect();
    await failure(context.sync());
    expect(state.sheets[0].protectedWith).not.toBeNull();
    ws().protection.unprotect('pw');
    await context.sync();
    expect(state.sheets[0].protectedWith).toBeNull();
    ws().protection.unprotect(); // an unprotected sheet: nothing to do
    await context.sync();
  });

  it('reads the protection state through load', async () => {
    const { context, ws } = workbook();
    ws().protection.protect();
    const sheet = ws().load('protection/protected');
    await context.sync();
    expect(sheet.protection.protected).toBe(true);
  });

  it('models office-js#6784 when asked: protect and unprotect throw AccessDenied', async () => {
    const { state, context, ws } = workbook();
    state.rules.protectionRegression = true;
    ws().protection.protect();
    expect((await failure(context.sync())).code).toBe('AccessDenied');
    ws().protection.unprotect();
    expect((await failure(context.sync())).code).toBe('AccessDenied');
  });

  it('a protected sheet takes values and formulas into unlocked cells only', async () => {
    const { context, ws, cell } = workbook();
    ws().getRange('B1:B2').format.protection.locked = false;
    ws().protection.protect(undefined, 'pw');
    await context.sync();

    ws().getRange('B1:B2').values = [['typed'], ['=1+1']];
    await context.sync();
    expect(cell('B1')?.value).toBe('typed');
    expect(cell('B2')?.formula).toBe('1+1');

    ws().getRange('A1').values = [['locked']];
    expect((await failure(context.sync())).code).toBe('AccessDenied');
    ws().getRange('A1:B1').values = [['mixed', 'row']]; // one locked cell is enough to refuse
    expect((await failure(context.sync())).code).toBe('AccessDenied');
    expect(cell('A1')).toBeUndefined();
    expect(cell('B1')?.value).toBe('typed');
  });

  it('a protected sheet refuses formats, borders and structure even on unlocked cells', async () => {
    const { state, context, ws } = workbook();
    ws().getRange('B1').format.protection.locked = false;
    ws().protection.protect();
    await context.sync();
    const refusals: string[] = [];
    const attempts: (() => void)[] = [
      () => (ws().getRange('B1').numberFormat = [['0.00']]),
      () => (ws().getRange('B1').format.font.bold = true),
      () => (ws().getRange('B1').format.borders.getItem('EdgeTop').style = 'Continuous'),
      () => ws().getRange('A1:B1').merge(),
      () => (ws().getRange('B1').format.columnWidth = 40),
      () => ws().tables.add('A1:B2', true),
      () => ws().freezePanes.freezeRows(1),
    ];
    for (const attempt of attempts) {
      attempt();
      refusals.push((await failure(context.sync())).code);
    }
    expect(refusals).toEqual(attempts.map(() => 'AccessDenied'));
    expect(state.sheets[0].merges).toEqual([]);
    // Sheet protection does not prevent deleting the sheet.
    context.workbook.worksheets.add('other');
    ws().delete();
    await context.sync();
    expect(state.sheets.map((s) => s.name)).toEqual(['other']);
  });
});

describe('sheet name rules', () => {
  it('refuses too long names, forbidden characters and edge apostrophes', async () => {
    const { state, context } = workbook();
    const refused = ['x'.repeat(32), 'a\\b', 'a/b', 'a?b', 'a*b', 'a[b', 'a]b', 'a:b', "'ab", "ab'"];
    for (const name of refused) {
      context.workbook.worksheets.add(name);
      expect({ name, code: (await failure(context.sync())).code }).toEqual({ name, code: 'InvalidArgument' });
    }
    for (const name of ['x'.repeat(31), "o'k", '专家 1 (初评)']) context.workbook.worksheets.add(name);
    await context.sync();
    expect(state.sheets.map((s) => s.name)).toEqual(['S', 'x'.repeat(31), "o'k", '专家 1 (初评)']);
  });

  it('refuses a name already used (case-insensitively) or empty, when adding and renaming', async () => {
    const { state, context, ws } = workbook('Sheet', 'Other');
    context.workbook.worksheets.add('SHEET');
    expect((await failure(context.sync())).code).toBe('ItemAlreadyExists');
    ws('Other').name = 'sheet';
    expect((await failure(context.sync())).code).toBe('ItemAlreadyExists');
    ws('Other').name = 'a:b';
    expect((await failure(context.sync())).code).toBe('InvalidArgument');
    ws('Other').name = '';
    expect((await failure(context.sync())).code).toBe('InvalidArgument');
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet', 'Other']);
  });
});

describe('renaming a sheet updates formulas; deleting it turns references into #REF!', () => {
  it('follows a rename in formulas and values, and gives #REF! after a delete', async () => {
    const { state, context, ws, cell } = workbook('A', 'B');
    state.calculator = formulaCalculator();
    ws('A').getRange('A1').values = [[7]];
    ws('B').getRange('A1:A2').formulas = [['=A!A1*2'], ['=SUM(A!A1:A3)+1']];
    await context.sync();

    ws('A').name = '新 名';
    const r = ws('B').getRange('A1:A2').load('formulas,values');
    await context.sync();
    expect(r.formulas).toEqual([["='新 名'!A1*2"], ["=SUM('新 名'!A1:A3)+1"]]);
    expect(r.values).toEqual([[14], [8]]);

    ws('新 名').delete();
    const after = ws('B').getRange('A1:A2').load('formulas,values');
    await context.sync();
    expect(cell('A1', 'B')?.formula).toBe('#REF!A1*2');
    expect(after.values).toEqual([['#REF!'], ['#REF!']]);
  });
});

describe('the last visible sheet cannot be hidden or deleted; a very hidden sheet cannot be deleted', () => {
  it('keeps one visible sheet', async () => {
    const { state, context, ws } = workbook('S', 'T');
    ws('T').visibility = 'Hidden';
    await context.sync();
    ws('S').visibility = 'Hidden';
    expect((await failure(context.sync())).code).toBe('InvalidOperation');
    ws('S').delete();
    expect((await failure(context.sync())).code).toBe('InvalidOperation');
    expect(state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['S', 'Visible'],
      ['T', 'Hidden'],
    ]);
    ws('T').delete(); // a hidden sheet can go
    await context.sync();
    expect(state.sheets.map((s) => s.name)).toEqual(['S']);
  });

  it('refuses to delete a very hidden sheet until it is made hidden or visible', async () => {
    const { state, context, ws } = workbook('S', 'T');
    ws('T').visibility = 'VeryHidden';
    await context.sync();
    ws('T').delete();
    expect((await failure(context.sync())).code).toBe('InvalidOperation');
    ws('T').visibility = 'Hidden';
    ws('T').delete();
    await context.sync();
    expect(state.sheets.map((s) => s.name)).toEqual(['S']);
  });
});
