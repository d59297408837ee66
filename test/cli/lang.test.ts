import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ceeas } from '../helpers/cli';

// `--lang en` on every command: what the CLI itself says (summaries, tables, refusals) is in English; names,
// sheet names and the standard's own labels stay as the workbook holds them.

const PANEL = join(__dirname, '..', 'fixtures', 'panel-small.json');
/** Chinese punctuation and words the Chinese sentences are built of; none belongs in an English sentence. */
const CHINESE_FRAME = /[已请共个条：，。（）“”]/;

let dir: string;
let book: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ceeas-lang-'));
  book = join(dir, 'book.xlsx');
  const built = await ceeas('build', PANEL, '-o', book, '--lang', 'en');
  expect(built.code).toBe(0);
  expect(built.out).toMatch(/^Wrote .*book\.xlsx \(\d+ sheets\)\. Sheet protection password: \S+ \(the secretariat/);
}, 60_000);

async function english(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = await ceeas(...argv, '--lang', 'en');
  expect(`${r.out}${r.err}`).not.toMatch(CHINESE_FRAME);
  return r;
}

describe('--lang en on every command', () => {
  it('reports the workbook commands in English', async () => {
    expect((await english('audit', book)).out).toMatch(
      /^Checked \d+ sheets, about \d+ formulas and \d+ log rows: no problems found\.\n$/,
    );
    expect((await english('review', book)).out).toMatch(/^C001 {2}passed/m);
    const drawn = await english('draw', PANEL, '--round', 'initial', '--count', '3', '--seed', 's1', '--reserves', '1');
    expect(drawn.out).toMatch(
      /^Initial round experts drawn \(seed s1, pool fingerprint [0-9a-f]+\): E\d+, E\d+, E\d+\n {2}Reserves, in order: E\d+\n/,
    );
    expect((await english('sheets', book, '--round', 'initial')).out).toMatch(
      /kept 初评-E01, 初评-E02, 初评-E03, which hold scores\.$/m,
    );
    const copy = join(dir, 'E01.xlsx');
    expect((await english('export', book, '--round', 'initial', '--expert', 'E01', '-o', copy)).out).toMatch(
      /^Exported .*E01\.xlsx: 初评-E01, 评分标准\.$/m,
    );
    const collected = await english('collect', book, copy);
    expect(collected.out).toMatch(/初评-E01 filled 0 cells, \d+ the same\.\nFilled 0 cells, 0 conflicts\.\n$/);
    const advanced = await english('advance', book, '--from', 'initial', '--top', '2', '--dry-run');
    expect(advanced.out).toMatch(
      /^Initial → Review \(top 2, ties at the cut included\)\nAdvanced: C001, C003\nNot advanced: C002, C004\n/,
    );
    expect(advanced.out).toContain(
      'Already marked otherwise: 案例登记!I3 holds "是", the rule gives "否"; add --force to overwrite.',
    );
    expect((await english('objections', book)).out).toBe('0 objections, 0 not settled.\n');
    expect((await english('release', book)).out).toMatch(/^Cannot release: The notice period is not set/);
    expect((await english('application', book, '--case', 'C001')).out).toBe('Wrote sheet "申报表-C001".\n');
    // Its first line is the evaluation's title, as the office wrote it.
    const status = await ceeas('status', book, '--lang', 'en');
    expect(status.out.split('\n').slice(1).join('\n')).not.toMatch(CHINESE_FRAME);
    expect(status.out).toMatch(/^4 cases \(4 passed formal review/m);
  }, 120_000);

  it('starts and imports in English, refusals named in English', async () => {
    const fresh = join(dir, 'fresh.xlsx');
    expect((await english('init', fresh, '--title', 'Evaluation')).out).toMatch(
      /^Created .*fresh\.xlsx .*\nNext: ceeas import/,
    );
    writeFileSync(join(dir, 'bad.csv'), '案例编号,案例名称,申报单位,产业类别\nC1,甲,甲公司,A.9\n');
    const bad = await ceeas('import', fresh, '--cases', join(dir, 'bad.csv'), '--lang', 'en');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.csv line 2: the category "A.9" is not a category or sub-field of Appendix A');
    expect(bad.err).toMatch(/Nothing was imported\.\n$/);
    writeFileSync(join(dir, 'good.csv'), '案例编号,案例名称,申报单位\nC1,甲,甲公司\n');
    expect((await english('import', fresh, '--cases', join(dir, 'good.csv'))).out).toMatch(
      /^Imported 1 records from .*good\.csv \(utf-8\): C1\n$/i,
    );
  }, 60_000);

  it.each([
    [['import', 'nothere.xlsx', '--cases', 'x.csv'], /^CSV file x\.csv not found\.\n$/],
    [
      ['draw', 'x.xlsx', '--round', 'x', '--count', '1', '--seed', '1'],
      /^Unknown round "x"; use initial, review or final\.\n$/,
    ],
    [
      ['advance', 'x.xlsx', '--from', 'initial'],
      /^Give one rule for advancing: --top N, --threshold SCORE or --majority\.\n$/,
    ],
    [['compute', 'missing.xlsx'], /^Workbook missing\.xlsx not found\.\n$/],
    [['nosuch'], /^There is no command nosuch; see ceeas --help\.\n$/],
    [['audit', 'x.xlsx', '--bogus'], /^Unknown option --bogus; see ceeas --help\.\n$/],
  ])('refuses %j in one English sentence, exit 2', async (argv, sentence) => {
    const r = await ceeas(...argv, '--lang', 'en');
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(sentence);
  });

  it('refuses a language it does not speak in both languages', async () => {
    const r = await ceeas('compute', 'x.xlsx', '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.err).toBe('不认识的语言“fr”，可用 zh 或 en。Unknown language "fr"; use zh or en.\n');
  });
});
