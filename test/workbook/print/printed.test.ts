import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHEET, SHEET_RELEASE } from '../../../src/workbook/names';
import { OBJECTION_COLUMNS } from '../../../src/workbook/sheets/objectionsSheet';
import type { WorkbookData } from '../../../src/workbook/model';
import { ceeas } from '../../helpers/cli';
import { excelJsBook } from '../../helpers/excelJsReader';
import { describeWithLibreOffice, renderPdf } from '../../helpers/libreoffice';
import {
  overlappingWords,
  pdfPages,
  pdfPageTexts,
  popplerAvailable,
  printedSize,
  type PdfPage,
} from '../../helpers/pdfText';
import { readBook } from '../../helpers/xlsx';

// What the office prints, printed: the sample workbook after a whole evaluation — computed, an accepted objection
// that changes a grade, the release, an Appendix C form and a table B.1 form — rendered to PDF by LibreOffice as an
// office would print it, and measured with poppler's pdftotext -bbox.

const sample = join(__dirname, '../../../samples/panel-sample.json');

/** 11 pt body text at 85 % is 9.35 pt; a little below 9 is measurement, not a smaller font. */
const MIN_POINTS = 8.9;

async function evaluatedBook(dir: string): Promise<string> {
  const book = join(dir, 'book.xlsx');
  expect((await ceeas('build', sample, '-o', book)).code).toBe(0);
  const wb = await excelJsBook(book);
  const ws = wb.getWorksheet(SHEET.objections)!;
  const at = (name: (typeof OBJECTION_COLUMNS)[number]): number => OBJECTION_COLUMNS.indexOf(name) + 1;
  const objection: Partial<Record<(typeof OBJECTION_COLUMNS)[number], string>> = {
    异议编号: 'Y1',
    收到日期: '2027-01-05',
    '异议人（实名）': '张三',
    联系方式: '010-12345678',
    提出形式: '书面',
    所涉案例编号: 'C005',
    异议内容: '终评漏计获奖材料，附证明',
    是否受理: '受理',
    处理结果: '调整等级',
    调整后等级: '一等',
    处理说明: '重新评议后确认终评专家漏计获奖材料',
    处理日期: '2027-01-10',
  };
  for (const [k, v] of Object.entries(objection)) ws.getCell(2, at(k as never)).value = v;
  await wb.xlsx.writeFile(book);
  for (const args of [
    ['objections', book],
    ['release', book, '--date', '2027-01-12'],
    ['application', book, '--case', 'C001'],
    ['form', book, '--round', 'initial', '--expert', 'E01', '--case', 'C001'],
  ]) {
    const r = await ceeas(...args);
    expect([args[0], r.code, r.err]).toEqual([args[0], 0, '']);
  }
  return book;
}

const text = (p: PdfPage): string => p.words.map((w) => w.text).join('');

(popplerAvailable() || process.env.CI === 'true' ? describeWithLibreOffice : describe.skip)(
  'the evaluation workbook, printed',
  () => {
    let pages: PdfPage[];
    let pageTexts: string[];
    let data: WorkbookData;

    beforeAll(async () => {
      if (!popplerAvailable()) throw new Error('poppler-utils (pdftotext) is not installed: .ci/run must install it');
      // CEEAS_PRINT_DIR=… keeps the workbook and its PDF there, to look at the pages (pdftoppm -png).
      const dir = process.env.CEEAS_PRINT_DIR ?? mkdtempSync(join(tmpdir(), 'ceeas-print-'));
      rmSync(join(dir, 'book.xlsx'), { force: true });
      const book = await evaluatedBook(dir);
      data = await readBook(book, false);
      const pdf = await renderPdf(book, dir);
      pages = await pdfPages(pdf);
      pageTexts = await pdfPageTexts(pdf);
    }, 600_000);

    it('prints one letter per graded case, a page each, with the final grade, the seal line and the release date', () => {
      const release = data.sheets.find((s) => s.name === SHEET_RELEASE)!;
      const finals = new Map(
        release.values
          .slice(3)
          .filter((r) => typeof r[1] === 'string' && r[1] !== '')
          .map((r) => [String(r[1]), String(r[6])]),
      );
      const letters = pages.filter((p) => p.words.some((w) => w.text.startsWith('评价结果通知书')));
      expect(letters).toHaveLength(finals.size);
      for (const page of letters) {
        const all = text(page);
        expect(all.match(/评价结果通知书/g)).toHaveLength(1);
        expect(all).not.toContain('草稿');
        expect(all.match(/（盖章）/g)).toHaveLength(1);
        expect(all).toContain('2027年1月12日');
        const id = /案例编号(C\d+)/.exec(all)![1];
        expect(all).toContain(`最终评价等级为“${finals.get(id)}”`);
      }
      // The accepted objection changed C005's grade; its letter says so and states the new grade.
      const c005 = letters.map(text).find((t) => t.includes('案例编号C005'))!;
      expect(c005).toContain('由“二等”调整为“一等”');
      expect(c005).toContain('最终评价等级为“一等”');
    });

    it('prints the notice dated on its first day, with the office, its seal line and its contact', () => {
      const notice = pages.find((p) => text(p).includes('结果的公示'))!;
      const all = text(notice);
      expect(all).toContain('2026年12月28日');
      expect(all).toContain('（盖章）');
      expect(all).toContain('联系地址');
    });

    it('prints the Appendix C form at full size on one page, its declaration whole', () => {
      const form = pages.filter((p) =>
        /企业科技创新成果转化报告推荐申报表|申报单位负责人签字|应用证明复印件/.test(text(p)),
      );
      expect(form).toHaveLength(1);
      const all = text(form[0]!);
      expect(all).toContain('并承担由此造成的一切后果');
      expect(all).toContain('（公章）');
      const sizes = form[0]!.words.map(printedSize).filter((x): x is number => x !== null);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10.9);
    });

    it('prints body text at 9 pt or more on every page', () => {
      const small = pages.flatMap((p) =>
        p.words
          .map((w) => ({ page: p.number, text: w.text, size: printedSize(w) }))
          .filter((w) => w.size !== null && w.size < MIN_POINTS),
      );
      expect(small.slice(0, 10)).toEqual([]);
    });

    it('prints no text over other text: nothing cut off by a neighbouring cell or a row too low', () => {
      const overlaps = pages.flatMap((p) => overlappingWords(p).map(([a, b]) => `p${p.number}: ${a.text} / ${b.text}`));
      expect(overlaps.slice(0, 10)).toEqual([]);
    });

    it('prints every text of every printed sheet, none cut off', () => {
      // In pdftotext's reading order the lines of a wrapped cell come between those of its neighbours, and a line of
      // mixed script as runs of Chinese and of other text. Each run of every cell's text must be printed on one
      // page, in pieces of two characters or more (the lines it wraps into; the last may be a single character): a
      // name cut by its cell is not.
      const printed = pageTexts.map((t) => t.replace(/\s/g, ''));
      const inPieces = (page: string, run: string): boolean => {
        const known = new Map<number, boolean>();
        const from = (i: number): boolean => {
          if (i === run.length) return true;
          if (known.has(i)) return known.get(i)!;
          let ok = false;
          for (let n = run.length - i; n >= Math.min(2, run.length - i) && !ok; n--)
            ok = page.includes(run.slice(i, i + n)) && from(i + n);
          known.set(i, ok);
          return ok;
        };
        return from(0);
      };
      const runs = (v: string): string[] =>
        v
          .split(/\s+/)
          .flatMap(
            (part) =>
              part.match(/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|[^\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+/gu) ??
              [],
          );
      const missing: string[] = [];
      for (const s of data.sheets)
        s.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (typeof v !== 'string' || v.trim() === '') return;
            // Punctuation alone (a "）、" that wraps between its two marks) says nothing of what was printed.
            const lost = runs(v)
              .filter((run) => !/^[\p{P}\p{S}]+$/u.test(run))
              .filter((run) => !printed.some((page) => inPieces(page, run)));
            if (lost.length > 0) missing.push(`${s.name}!R${r + 1}C${c + 1} ${lost.join(' ').slice(0, 40)}`);
          }),
        );
      expect(missing.slice(0, 20)).toEqual([]);
    });
  },
);
