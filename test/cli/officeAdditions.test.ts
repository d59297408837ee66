import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHEET } from '../../src/workbook/names';
import { ceeas } from '../helpers/cli';
import { withOfficeAdditions } from '../helpers/officeAdditions';
import { makePanel } from '../helpers/panels';
import { readBook } from '../helpers/xlsx';
import { partsOf, text } from '../helpers/zipCraft';

// "A command changes only the sheets it names; everything else in your workbook keeps its bytes": an office's
// chart (on a sheet compute rewrites), comment, defined name, own sheet and custom XML go through every command
// that writes a workbook and come out byte for byte.

describe('what an office adds to its workbook survives every command', () => {
  it('keeps the chart, the comment, the defined name, the extra sheet and the custom XML through a whole evaluation', async () => {
    const dir = process.env.KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'ceeas-office-'));
    // The initial round scored; review and final not drawn yet.
    const raw = makePanel({ cases: 4, experts: [3, 3, 3], total: (_r, _e, c) => [92, 85, 78, 66][c] });
    raw.scores = raw.scores.filter((s) => s.round === 'initial');
    raw.rounds.review = { experts: [], cases: [] };
    raw.rounds.final = { experts: [], cases: [] };
    raw.notice = { start: '2026-12-28', workingDays: 7 };
    writeFileSync(join(dir, 'panel.json'), JSON.stringify(raw));
    const built = join(dir, 'built.xlsx');
    expect((await ceeas('build', join(dir, 'panel.json'), '-o', built)).code).toBe(0);

    const office = withOfficeAdditions(readFileSync(built), { chartOn: SHEET.grades, commentOn: SHEET.cases });
    const book = join(dir, 'book.xlsx');
    writeFileSync(book, office.bytes);
    const original = partsOf(office.bytes);
    writeFileSync(
      join(dir, 'new.csv'),
      '案例编号,案例名称,申报单位,产业类别\nC101,新申报甲,甲公司,A.2\nC102,新申报乙,乙公司,A.1\n',
    );

    const check = (after: string): void => {
      const parts = partsOf(readFileSync(book));
      for (const name of office.added)
        expect([after, name, Buffer.from(parts[name] ?? []).equals(Buffer.from(original[name]))]).toEqual([
          after,
          name,
          true,
        ]);
      for (const a of office.anchors)
        expect([after, a.sheet, a.element.test(text(parts, a.sheet))]).toEqual([after, a.sheet, true]);
      const workbook = text(parts, 'xl/workbook.xml');
      expect([after, workbook.includes(`<definedName name="会议地点">'秘书处备注'!$A$1</definedName>`)]).toEqual([
        after,
        true,
      ]);
      expect([after, workbook.includes('<sheet name="秘书处备注" sheetId="900" r:id="rIdOfficeSheet"/>')]).toEqual([
        after,
        true,
      ]);
      expect([after, text(parts, 'xl/_rels/workbook.xml.rels').includes('Id="rIdCustom"')]).toEqual([after, true]);
    };

    const steps: [string, string[], number[]][] = [
      ['review', ['review', book], [0, 1]],
      ['import', ['import', book, '--cases', join(dir, 'new.csv')], [0]],
      ['application', ['application', book, '--case', 'C001'], [0]],
      ['form', ['form', book, '--round', 'initial', '--expert', 'E01', '--case', 'C001'], [0]],
      ['export', ['export', book, '--round', 'initial', '--expert', 'E01', '-o', join(dir, 'E01.xlsx')], [0]],
      ['collect', ['collect', book, join(dir, 'E01.xlsx')], [0]],
      ['compute', ['compute', book], [0, 1]],
      ['advance', ['advance', book, '--from', 'initial', '--top', '2'], [0]],
      ['draw', ['draw', book, '--round', 'review', '--count', '3', '--seed', 'office'], [0]],
      ['sheets', ['sheets', book, '--round', 'review'], [0]],
      ['compute again', ['compute', book], [0, 1]],
      ['objections', ['objections', book], [0]],
    ];
    for (const [name, args, codes] of steps) {
      const r = await ceeas(...args);
      expect([name, codes.includes(r.code), r.err]).toEqual([name, true, expect.any(String)]);
      check(name);
    }
    // The workbook is still whole: it computes, and the audit finds nothing the office's additions caused.
    const audit = JSON.parse((await ceeas('audit', book, '--json')).out);
    expect(
      audit.findings.filter((f: { code: string }) => f.code.startsWith('formula') || f.code === 'protection-removed'),
    ).toEqual([]);
    const data = await readBook(book, false);
    // Sheets the commands added went where a secretariat looks for them; the office's own stayed where it was.
    const names = data.sheets.map((s) => s.name);
    expect(names.slice(-3)).toEqual([SHEET.objections, SHEET.log, '秘书处备注']);
    expect(names.indexOf('复评-E01')).toBeLessThan(names.indexOf(SHEET.objections));
    expect(data.sheets.find((s) => s.name === '秘书处备注')!.values[0]).toEqual(['会议室：三楼 302', 42]);
  });
});
