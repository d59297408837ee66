import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { APPENDIX_B } from '../../src/core';
import { expertSheetName, SHEET, SHEET_RELEASE } from '../../src/workbook/names';
import { expertLayout } from '../../src/workbook/sheets/expertLayout';
import { SUMMARY } from '../../src/workbook/sheets/resultLayout';
import { ceeas } from '../helpers/cli';
import { cellsOf, loadBook, packageText, sheetXml, tmp } from '../helpers/hostile';
import { describeWithLibreOffice, recalcXlsx } from '../helpers/libreoffice';
import { excelJsBook } from '../helpers/excelJsReader';

// What the public and result sheets show after hostile input: never NaN or an error value, never a score or a
// grade for a case an error names, and never an expert's name, id or the protection password.

const small = join(__dirname, '../fixtures/panel-small.json');
const sample = join(__dirname, '../../samples/panel-sample.json');
const L = expertLayout(APPENDIX_B);
const RESULT_SHEETS = [SHEET.summary, SHEET.grades, SHEET.notice, SHEET.letters];
const BROKEN = /NaN|Infinity|undefined|\[object|#VALUE!|#DIV\/0!|#NUM!|#REF!|#N\/A|#NAME\?|"error"/;
/** A cell's text without what a finding's message quotes of the input (“#VALUE!” as the expert typed it). */
const unquoted = (text: string): string => text.replace(/“[^”]*”/g, '“…”');

describe('results after error findings', () => {
  const dir = tmp('ceeas-results-');
  const book = join(dir, 'book.xlsx');
  const panel = JSON.parse(readFileSync(small, 'utf8'));
  const names = new Map<string, string>(panel.cases.map((c: { id: string; name: string }) => [c.id, c.name]));
  const item = L.colFirstItem;
  let json: { cases: { id: string; status: string; score: string | null; grade: string | null }[] };

  beforeAll(async () => {
    expect((await ceeas('build', small, '-o', book)).code).toBe(0);
    const wb = await excelJsBook(book);
    // C001: text; C002: an error value; C003: a formula typed over a score. C004 stays valid.
    wb.getWorksheet(expertSheetName('initial', 'E01'))!.getCell(L.firstRow, item).value = '八';
    wb.getWorksheet(expertSheetName('review', 'E04'))!.getCell(L.firstRow + 1, item).value = { error: '#VALUE!' };
    wb.getWorksheet(expertSheetName('final', 'E07'))!.getCell(L.firstRow + 2, item).value = {
      formula: '1/0',
    } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(book);
    const res = await ceeas('compute', book, '--json');
    expect(res.code).toBe(1);
    json = JSON.parse(res.out);
  });

  it('the JSON gives the cases an error names no score and no grade', () => {
    expect(json.cases.map((c) => [c.id, c.status, c.score, c.grade])).toEqual([
      ['C001', 'invalid', null, null],
      ['C002', 'invalid', null, null],
      ['C003', 'invalid', null, null],
      ['C004', 'graded', expect.stringMatching(/^\d+\.\d\d$/), expect.any(String)],
    ]);
  });

  it('汇总, 等级汇总, 公示 and 结果通知 hold no NaN and no error value', async () => {
    const wb = await loadBook(book);
    for (const name of RESULT_SHEETS) {
      for (const c of cellsOf(wb.getWorksheet(name)!)) {
        expect([name, c.address, c.type === ExcelJS.ValueType.Error]).toEqual([name, c.address, false]);
        expect(`${name}!${c.address} ${unquoted(c.text)}`).not.toMatch(BROKEN);
      }
    }
  });

  it('汇总 shows no score or grade on the rows of the invalid cases, and both on the valid one', async () => {
    const ws = (await loadBook(book)).getWorksheet(SHEET.summary)!;
    const rows = new Map<string, ExcelJS.Row>();
    for (let r = SUMMARY.firstRow; r <= ws.rowCount; r++)
      rows.set(String(ws.getCell(r, SUMMARY.colCase).value), ws.getRow(r));
    for (const id of ['C001', 'C002', 'C003']) {
      const row = rows.get(id)!;
      expect([id, row.getCell(SUMMARY.colScore).value ?? '', row.getCell(SUMMARY.colGrade).value ?? '']).toEqual([
        id,
        '',
        '',
      ]);
    }
    const c4 = json.cases.find((c) => c.id === 'C004')!;
    expect(String(rows.get('C004')!.getCell(SUMMARY.colGrade).value)).toBe(c4.grade);
  });

  it('公示 and 结果通知 do not publish the invalid cases', async () => {
    const wb = await loadBook(book);
    for (const name of [SHEET.notice, SHEET.letters]) {
      const text = cellsOf(wb.getWorksheet(name)!)
        .map((c) => c.text)
        .join('\n');
      for (const id of ['C001', 'C002', 'C003']) {
        expect([name, id, text.includes(names.get(id)!)]).toEqual([name, id, false]);
      }
      expect(text).toContain(names.get('C004'));
    }
  });

  describeWithLibreOffice('recalculated by LibreOffice', () => {
    it('汇总, 等级汇总, 公示 and 结果通知 still hold no error value', async () => {
      const out = await recalcXlsx(book, join(dir, 'lo'));
      const wb = await loadBook(out);
      for (const name of RESULT_SHEETS) {
        for (const c of cellsOf(wb.getWorksheet(name)!)) {
          expect(`${name}!${c.address} ${unquoted(c.text)}`).not.toMatch(BROKEN);
        }
      }
    });
  });
});

describe('confidentiality', () => {
  const dir = tmp('ceeas-secret-');
  const book = join(dir, 'book.xlsx');
  const passwordFile = join(dir, 'password.txt');
  // Distinctive names and ids, so that a hit can only be a leak.
  const raw = JSON.parse(readFileSync(sample, 'utf8'));
  const ids = new Map<string, string>();
  const experts: { id: string; name: string }[] = raw.experts.map((e: { id: string }, i: number) => {
    const id = `ZQX${String(i + 1).padStart(2, '0')}K`;
    ids.set(e.id, id);
    return { id, name: `欧阳秘${'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'[i]}` };
  });
  raw.experts.forEach((e: Record<string, string>, i: number) => Object.assign(e, experts[i]));
  for (const r of Object.values(raw.rounds) as { experts: string[] }[]) r.experts = r.experts.map((e) => ids.get(e)!);
  for (const s of raw.scores as { expert: string }[]) s.expert = ids.get(s.expert)!;
  let password: string;

  beforeAll(async () => {
    const panel = join(dir, 'panel.json');
    writeFileSync(panel, JSON.stringify(raw));
    const built = await ceeas('build', panel, '-o', book, '--password-file', passwordFile);
    expect(built.code).toBe(0);
    password = readFileSync(passwordFile, 'utf8').trim();
    expect(password).toMatch(/^\S{12}$/);
    expect(built.err).not.toContain(password);
    expect((await ceeas('compute', book)).code).toBe(0);
    // The notice period of the sample ends 2027-01-06; with no objections the results can be released.
    expect((await ceeas('release', book, '--date', '2027-01-12')).code).toBe(0);
  });

  it('公示, 结果通知 and 结果发布 carry no expert name or id and not the password, in cells or anywhere in their XML', async () => {
    const wb = await loadBook(book);
    const secrets = [...experts.flatMap((e) => [e.id, e.name]), password];
    for (const name of [SHEET.notice, SHEET.letters, SHEET_RELEASE]) {
      const ws = wb.getWorksheet(name)!;
      const text = cellsOf(ws)
        .map((c) => c.text)
        .join('\n');
      expect(text.length).toBeGreaterThan(100);
      for (const s of secrets) expect([name, s, text.includes(s)]).toEqual([name, s, false]);
      // Header, footer, notes: the sheet's own XML part.
      const xml = sheetXml(book, name);
      expect(xml).toContain('<sheetData');
      for (const s of secrets) expect([name, s, xml.includes(s)]).toEqual([name, s, false]);
    }
  });

  it('the password is in no part of the workbook at all, after build, compute and release', () => {
    for (const [part, text] of packageText(book)) expect([part, text.includes(password)]).toEqual([part, false]);
  });

  it("an exported expert workbook holds no other expert's name or id and not the password", async () => {
    const mine = join(dir, 'mine.xlsx');
    const me = experts.find((e) => e.id === raw.rounds.review.experts[0])!;
    expect((await ceeas('export', book, '--round', 'review', '--expert', me.id, '-o', mine)).code).toBe(0);
    const parts = packageText(mine);
    const all = [...parts.values()].join('\n');
    expect(all).toContain(me.name);
    for (const e of experts.filter((x) => x.id !== me.id)) {
      expect([e.id, all.includes(e.id)]).toEqual([e.id, false]);
      expect([e.name, all.includes(e.name)]).toEqual([e.name, false]);
    }
    expect(all).not.toContain(password);
  });
});
