import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ceeas } from '../helpers/cli';
import { loadXlsx, workbookData, excelJsBook } from '../helpers/excelJsReader';
import { expertSheetName, SHEET } from '../../src/workbook/names';
import { expertLayout } from '../../src/workbook/sheets/expertLayout';
import { APPENDIX_B } from '../../src/core';

const small = join(__dirname, '../fixtures/panel-small.json');
const expected = JSON.parse(readFileSync(join(__dirname, '../fixtures/panel-small.expected.json'), 'utf8'));
const L = expertLayout(APPENDIX_B);

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'ceeas-cli-'));
}

async function expertCells(path: string): Promise<string> {
  const data = workbookData(await loadXlsx(readFileSync(path)));
  return JSON.stringify(data.sheets.filter((s) => /^(初评|复评|终评)-/.test(s.name)));
}

describe('ceeas build and compute', () => {
  it('builds the workbook, refuses to overwrite it, and compute reproduces score from the workbook alone', async () => {
    const dir = tmp();
    const book = join(dir, 'book.xlsx');
    const built = await ceeas('build', small, '-o', book, '--json');
    expect(built.code).toBe(0);
    expect(built.err).toMatch(/保护密码：\S{12}/);
    const again = await ceeas('build', small, '-o', book);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');

    const computed = await ceeas('compute', book, '--json');
    expect(computed.code).toBe(0);
    const json = JSON.parse(computed.out);
    for (const c of expected.cases) {
      const got = json.cases.find((x: { id: string }) => x.id === c.id);
      expect([got.status, got.score, got.grade, got.rounds]).toEqual([c.status, c.score, c.grade, c.rounds]);
    }
    expect(json.findings.map((f: Record<string, unknown>) => [f.code, f.round, f.expert, f.case, f.item])).toEqual(
      expected.findings.map((f: Record<string, unknown>) => [f.code, f.round, f.expert, f.case, f.item]),
    );
  });

  it('names each tampered cell, exits 1, and writes nothing into the expert sheets', async () => {
    const dir = tmp();
    const book = join(dir, 'book.xlsx');
    expect((await ceeas('build', small, '-o', book)).code).toBe(0);
    const wb = await excelJsBook(book);
    const ws = wb.getWorksheet(expertSheetName('initial', 'E01'))!;
    const row = L.firstRow; // C001
    ws.getCell(row, L.itemColumns['innovation.necessity']).value = 11;
    ws.getCell(row, L.itemColumns['conversion.degree']).value = '七';
    ws.getCell(row + 2, L.colTotal).value = 75; // a constant typed over the total formula (C003)
    await wb.xlsx.writeFile(book);
    const before = await expertCells(book);

    const res = await ceeas('compute', book, '--json');
    expect(res.code).toBe(1);
    const json = JSON.parse(res.out);
    const cells = json.findings
      .filter((f: { severity: string }) => f.severity === 'error')
      .map((f: { code: string; cell: string }) => [f.code, f.cell]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ['out-of-range', '初评-E01!E6'],
        ['not-a-number', '初评-E01!L6'],
        ['formula-changed', `初评-E01!${String.fromCharCode(64 + L.colTotal)}8`],
      ]),
    );
    const c1 = json.cases.find((c: { id: string }) => c.id === 'C001');
    expect([c1.status, c1.score, c1.grade]).toEqual(['invalid', null, null]);
    expect(await expertCells(book)).toBe(before);
  });

  it('exports one expert workbook and collects it back, reporting a conflicting value instead of overwriting', async () => {
    const dir = tmp();
    const raw = JSON.parse(readFileSync(small, 'utf8'));
    // E01 has not scored C003 yet in the master.
    raw.scores = raw.scores.filter((s: { expert: string; case: string }) => !(s.expert === 'E01' && s.case === 'C003'));
    const panelPath = join(dir, 'panel.json');
    writeFileSync(panelPath, JSON.stringify(raw));
    const book = join(dir, 'book.xlsx');
    expect((await ceeas('build', panelPath, '-o', book)).code).toBe(1 - 1);
    const mine = join(dir, 'E01.xlsx');
    const exported = await ceeas('export', book, '--round', 'initial', '--expert', 'E01', '-o', mine);
    expect(exported.code).toBe(0);
    const wb = await excelJsBook(mine);
    expect(wb.worksheets.map((w) => w.name)).toEqual([expertSheetName('initial', 'E01'), SHEET.rubric]);
    const text = readFileSync(mine).toString('latin1');
    expect(text).not.toContain('E02');

    const ws = wb.getWorksheet(expertSheetName('initial', 'E01'))!;
    const r3 = L.firstRow + 2;
    Object.values(L.itemColumns).forEach((c) => (ws.getCell(r3, c).value = 3));
    ws.getCell(L.firstRow, L.itemColumns['innovation.necessity']).value = 9; // the master has 7
    await wb.xlsx.writeFile(mine);

    const before = statSync(book).mtimeMs;
    const collected = await ceeas('collect', book, mine, '--json');
    expect(collected.code).toBe(1);
    const report = JSON.parse(collected.out);
    expect(report.filled).toBe(13);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0].cell).toBe('初评-E01!E6');
    expect(statSync(book).mtimeMs).toBeGreaterThanOrEqual(before);
    const after = workbookData(await loadXlsx(readFileSync(book)));
    const sheet = after.sheets.find((s) => s.name === expertSheetName('initial', 'E01'))!;
    expect(sheet.values[L.firstRow - 1][L.itemColumns['innovation.necessity'] - 1]).toBe(7);
    expect(sheet.values[r3 - 1][L.itemColumns['innovation.necessity'] - 1]).toBe(3);
    const computed = await ceeas('compute', book, '--json');
    const c3 = JSON.parse(computed.out).cases.find((c: { id: string }) => c.id === 'C003');
    expect(c3.rounds.initial.n).toBe(3);
  });

  it('refuses files that are not workbooks with one sentence and exit 2', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip at all');
    const res = await ceeas('compute', bad);
    expect(res.code).toBe(2);
    expect(res.err.trim().split('\n')).toHaveLength(1);
    expect(res.err).not.toMatch(/at .+\.js/);
    expect(existsSync(join(dir, 'missing.xlsx'))).toBe(false);
    expect((await ceeas('compute', join(dir, 'missing.xlsx'))).code).toBe(2);
  });
});

describe('export → fill → collect round trip', () => {
  it('gives back exactly the scores the expert typed, and compute then equals score on the full panel', async () => {
    const dir = tmp();
    const raw = JSON.parse(readFileSync(small, 'utf8'));
    const mineScores = raw.scores.filter(
      (s: { round: string; expert: string }) => s.round === 'final' && s.expert === 'E08',
    );
    raw.scores = raw.scores.filter(
      (s: { round: string; expert: string }) => !(s.round === 'final' && s.expert === 'E08'),
    );
    const panelPath = join(dir, 'panel.json');
    writeFileSync(panelPath, JSON.stringify(raw));
    const book = join(dir, 'book.xlsx');
    await ceeas('build', panelPath, '-o', book);
    const incomplete = JSON.parse((await ceeas('compute', book, '--json')).out);
    expect(incomplete.cases.every((c: { status: string }) => c.status === 'incomplete')).toBe(true);

    const mine = join(dir, 'E08.xlsx');
    expect((await ceeas('export', book, '--round', 'final', '--expert', 'E08', '-o', mine)).code).toBe(0);
    const wb = await excelJsBook(mine);
    const ws = wb.getWorksheet(expertSheetName('final', 'E08'))!;
    mineScores.forEach((s: { case: string; items: Record<string, number> }, i: number) => {
      const row = L.firstRow + ['C001', 'C002', 'C003', 'C004'].indexOf(s.case);
      expect(ws.getCell(row, L.colCase).value).toBe(s.case);
      for (const [id, v] of Object.entries(s.items)) ws.getCell(row, L.itemColumns[id]).value = v;
      expect(i).toBeGreaterThanOrEqual(0);
    });
    await wb.xlsx.writeFile(mine);

    const collected = await ceeas('collect', book, mine, '--json');
    expect(collected.code).toBe(0);
    expect(JSON.parse(collected.out).filled).toBe(mineScores.length * 13);
    const json = JSON.parse((await ceeas('compute', book, '--json')).out);
    for (const c of expected.cases) {
      const got = json.cases.find((x: { id: string }) => x.id === c.id);
      expect([got.status, got.score, got.grade, got.rounds]).toEqual([c.status, c.score, c.grade, c.rounds]);
    }
    // Collecting the same file again changes nothing and reports no conflict.
    const again = JSON.parse((await ceeas('collect', book, mine, '--json')).out);
    expect([again.filled, again.conflicts.length]).toEqual([0, 0]);
  });
});
