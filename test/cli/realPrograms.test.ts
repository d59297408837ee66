import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expertLayout } from '../../src/workbook/sheets/expertLayout';
import { APPENDIX_B } from '../../src/core';
import { ceeas } from '../helpers/cli';
import { describeWithLibreOffice, recalcXlsx, resaveXlsx } from '../helpers/libreoffice';
import { describeWithOpenpyxl, python } from '../helpers/openpyxl';
import { makePanel } from '../helpers/panels';

// Real programs on the files we write, and our commands on the files they write: LibreOffice re-saves a built
// workbook and an expert's returned workbook; openpyxl opens every file a command writes and re-saves one. Every
// command then works, the results equal the original's and the audit is clean.

const sample = join(__dirname, '../../samples/panel-sample.json');
const L = expertLayout(APPENDIX_B);

async function computed(book: string): Promise<{ cases: unknown; findings: { code: string; cell?: string }[] }> {
  const r = await ceeas('compute', book, '--json');
  expect([r.code <= 1, r.err]).toEqual([true, '']);
  return JSON.parse(r.out);
}

async function auditClean(book: string): Promise<void> {
  const r = await ceeas('audit', book, '--json');
  const json = JSON.parse(r.out);
  expect(json.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  expect(r.code).toBe(0);
}

/** Fills an exported expert workbook's blank score cells in openpyxl, as an expert would type them. */
const FILL = `
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
first, col, n = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
for r in range(first, first + n):
    for k in range(13):
        c = ws.cell(row=r, column=col + k)
        if c.value is None:
            c.value = [8, 12, 4, 4, 4, 4, 4, 8, 8, 4, 4, 8, 8][k]
wb.save(sys.argv[1])
`;

describeWithLibreOffice('workbooks saved by LibreOffice', () => {
  it('a built workbook re-saved by LibreOffice computes to the same results, audits clean, and takes every command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ceeas-lo-'));
    const book = join(dir, 'book.xlsx');
    expect((await ceeas('build', sample, '-o', book)).code).toBe(0);
    const reference = await computed(join(dir, 'book.xlsx'));
    const saved = await recalcXlsx(book, join(dir, 'lo'));
    // Untouched, the LibreOffice copy audits clean: its own way of writing our formulas is the same formulas.
    await auditClean(saved);
    const again = await computed(saved);
    expect(again.cases).toEqual(reference.cases);
    expect(again.findings.map((f) => `${f.code}|${f.cell}`)).toEqual(
      reference.findings.map((f) => `${f.code}|${f.cell}`),
    );
    await auditClean(saved);
    writeFileSync(join(dir, 'new.csv'), '案例编号,案例名称,申报单位\nC901,新案例,新单位\n');
    for (const args of [
      ['review', saved],
      ['import', saved, '--cases', join(dir, 'new.csv')],
      ['application', saved, '--case', 'C001'],
      ['form', saved, '--round', 'initial', '--expert', 'E01', '--case', 'C001'],
      ['objections', saved],
      ['compute', saved],
    ]) {
      const r = await ceeas(...args);
      expect([args[0], r.code <= 1, r.err]).toEqual([args[0], true, expect.any(String)]);
    }
    await auditClean(saved);
    // And LibreOffice opens what the commands wrote.
    const back = await recalcXlsx(saved, join(dir, 'lo2'));
    expect((await computed(back)).cases).toEqual((await computed(saved)).cases);
  }, 300000);

  it('an expert workbook filled and saved in LibreOffice is collected back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ceeas-lo-expert-'));
    // E01's initial scores are not in yet.
    const raw = makePanel({ cases: 3, experts: [3, 3, 3], total: () => 80 });
    raw.scores = raw.scores.filter((s) => !(s.round === 'initial' && s.expert === 'E01'));
    writeFileSync(join(dir, 'panel.json'), JSON.stringify(raw));
    const book = join(dir, 'book.xlsx');
    expect((await ceeas('build', join(dir, 'panel.json'), '-o', book)).code).toBeLessThanOrEqual(1);
    const mine = join(dir, 'E01.xlsx');
    expect((await ceeas('export', book, '--round', 'initial', '--expert', 'E01', '-o', mine)).code).toBe(0);
    await python(FILL, mine, '初评-E01', String(L.firstRow), String(L.colFirstItem), '3');
    const returned = await recalcXlsx(mine, join(dir, 'lo'));
    const collected = await ceeas('collect', book, returned, '--json');
    expect(collected.code).toBe(0);
    expect(JSON.parse(collected.out).filled).toBe(39);
    // Opened as it is, before any computation, LibreOffice recalculates (the workbook asks it to): the collected
    // rows show their totals and ✓, not the 未填写 cached before the scores came in.
    const opened = await resaveXlsx(book, join(dir, 'lo-default'));
    const shown = await python(
      `wb = openpyxl.load_workbook(sys.argv[1], data_only=True)\nws = wb['初评-E01']\nprint(json.dumps([[ws.cell(row=r, column=c).value for c in (${L.colTotal}, ${L.colCheck})] for r in range(${L.firstRow}, ${L.firstRow + 3})]))`,
      opened,
    );
    expect(JSON.parse(shown)).toEqual([
      [80, '✓'],
      [80, '✓'],
      [80, '✓'],
    ]);
    const result = await computed(book);
    expect((result.cases as { status: string }[]).every((c) => c.status === 'graded')).toBe(true);
    await auditClean(book);
  }, 300000);
});

describeWithOpenpyxl('openpyxl reads every file we write', () => {
  const OPEN = `
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({"sheets": wb.sheetnames, "tables": sum(len(ws.tables) for ws in wb.worksheets)}))
`;

  it('opens the workbook after each command, and an expert workbook, without a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ceeas-openpyxl-'));
    const book = join(dir, 'book.xlsx');
    expect((await ceeas('build', sample, '-o', book)).code).toBe(0);
    const opened = JSON.parse(await python(OPEN, book));
    expect(opened.tables).toBe(5);
    expect(
      (await ceeas('export', book, '--round', 'initial', '--expert', 'E01', '-o', join(dir, 'E01.xlsx'))).code,
    ).toBe(0);
    writeFileSync(join(dir, 'new.csv'), '案例编号,案例名称,申报单位\nC901,新案例,新单位\n');
    const steps = [
      ['import', book, '--cases', join(dir, 'new.csv')],
      ['application', book, '--case', 'C001'],
      ['form', book, '--round', 'initial', '--expert', 'E01', '--case', 'C001'],
      ['compute', book],
      ['release', book, '--date', '2027-01-20'],
    ];
    for (const args of steps) {
      expect([args[0], (await ceeas(...args)).code <= 1]).toEqual([args[0], true]);
      copyFileSync(book, join(dir, `after-${args[0]}.xlsx`));
    }
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.xlsx')))
      expect([f, JSON.parse(await python(OPEN, join(dir, f))).sheets.length > 0]).toEqual([f, true]);
  }, 300000);

  it('a workbook re-saved by openpyxl computes to the same results and audits clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ceeas-openpyxl-save-'));
    const book = join(dir, 'book.xlsx');
    expect((await ceeas('build', sample, '-o', book)).code).toBe(0);
    const reference = await computed(book);
    const saved = join(dir, 'saved.xlsx');
    await python('wb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])\n', book, saved);
    const again = await computed(saved);
    expect(again.cases).toEqual(reference.cases);
    await auditClean(saved);
  }, 300000);
});
