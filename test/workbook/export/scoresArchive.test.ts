import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { parsePanel } from '../../../src/core';
import { orderedItems } from '../../../src/core/rubric/lookup';
import { specToBytes } from '../../../src/hosts/xlsx/writeWorkbook';
import { buildWorkbook } from '../../../src/workbook/build';
import {
  scoresArchive,
  scoresCsv,
  scoresWorkbookSpec,
  SCORES_INTERNAL,
} from '../../../src/workbook/export/scoresArchive';
import { readEvaluationWorkbook } from '../../../src/workbook/read/readEvaluationWorkbook';
import { applyUpdates, workbookSpecData } from '../../../src/workbook/specData';
import { partsOf, text } from '../../helpers/zipCraft';
import { readBook } from '../../helpers/xlsx';

// 评分明细, the archive of every score: each entry of the workbook once, in long form; CSV that Excel opens in the
// right encoding and that no spreadsheet runs as formulas; a workbook whose header says it is internal.

const panel = parsePanel(JSON.parse(readFileSync(join(__dirname, '../../../samples/panel-sample.json'), 'utf8')));
const data = workbookSpecData(buildWorkbook(panel, { now: '2026-11-24 09:00:00', user: 't' }).spec.sheets);

describe('the score archive', () => {
  const archive = scoresArchive(data);
  const read = readEvaluationWorkbook(data);

  it('has the contract columns: round, expert, case, the 13 items by their Chinese names, 总分, 回避, 推荐, 单元格', () => {
    expect(archive.header).toEqual([
      '轮次',
      '专家编号',
      '专家姓名',
      '案例编号',
      '案例名称',
      ...orderedItems(panel.rubric).map((it) => it.name.zh),
      '总分',
      '回避',
      '推荐',
      '单元格',
    ]);
    expect(archive.header).toHaveLength(5 + 13 + 4);
  });

  it('holds every entry of the workbook exactly once, with its values and its total', () => {
    const key = (round: string, expert: string, c: string): string => `${round}|${expert}|${c}`;
    const rounds: Record<string, string> = { initial: '初评', review: '复评', final: '终评' };
    const entries = read.panel.scores.map((e) => key(rounds[e.round], e.expert, e.case));
    const rows = archive.rows.map((r) => key(String(r[0]), String(r[1]), String(r[3])));
    expect(new Set(rows).size).toBe(rows.length);
    expect([...rows].sort()).toEqual([...entries].sort());
    const first = read.panel.scores.find((e) => !e.recused)!;
    const row = archive.rows.find((r) => r[1] === first.expert && r[3] === first.case && r[0] === rounds[first.round])!;
    const items = orderedItems(panel.rubric).map((it) => first.items[it.id]);
    expect(row.slice(5, 18)).toEqual(items);
    expect(row[18]).toBe((items as number[]).reduce((a, b) => a + b, 0));
    expect(row[21]).toBe(first.cells!.row);
    const recused = read.panel.scores.find((e) => e.recused);
    if (recused) {
      const r = archive.rows.find((x) => x[1] === recused.expert && x[3] === recused.case)!;
      expect([r[18], r[19]]).toEqual(['', '是']);
    }
  });

  it('writes CSV as UTF-8 with a BOM by default, or GBK, that round-trips', () => {
    const utf8 = scoresCsv(archive);
    expect([...utf8.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(utf8).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(parsed[0]).toEqual(archive.header);
    expect(parsed).toHaveLength(archive.rows.length + 1);
    expect(parsed.slice(1).map((r) => r[3])).toEqual(archive.rows.map((r) => String(r[3])));
    const gbk = scoresCsv(archive, 'gbk');
    expect(iconv.decode(Buffer.from(gbk), 'gbk')).toBe(new TextDecoder().decode(utf8).replace(/^\uFEFF/, ''));
  });

  it('writes nothing a spreadsheet would run: text starting with = + - @, tab or CR is quoted as text', () => {
    // An expert typed formulas and a command into the score and remark cells of their sheet.
    const sheet = read.expertSheets.find((x) => x.round === 'initial')!.sheet;
    const hostile = ['=HYPERLINK("http://x","点")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const damaged = applyUpdates(
      data,
      hostile.map((value, i) => ({ sheet, address: `${String.fromCharCode(69 + i)}6`, value })),
    );
    const csv = new TextDecoder().decode(scoresCsv(scoresArchive(damaged))).replace(/^\uFEFF/, '');
    const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.flat();
    for (const h of hostile) {
      expect(cells).not.toContain(h);
      expect(cells).toContain(`'${h}`);
    }
    for (const c of cells) expect(c).not.toMatch(/^[=+@\t\r]/);
  });

  it('writes a workbook whose header carries the note that it is internal', async () => {
    const bytes = await specToBytes(scoresWorkbookSpec(archive));
    const book = await readBook(bytes, false);
    expect(book.sheets[0]!.values[0]).toEqual(archive.header);
    expect(book.sheets[0]!.values).toHaveLength(archive.rows.length + 1);
    const parts = partsOf(Buffer.from(bytes));
    const comments = Object.keys(parts).find((n) => /comments\d+\.xml$/.test(n))!;
    expect(text(parts, comments)).toContain(SCORES_INTERNAL);
    expect(text(parts, comments)).toContain('ref="A1"');
  });
});
