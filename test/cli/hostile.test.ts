import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { SHEET, SHEET_FORMAL_REVIEW, SHEET_RELEASE } from '../../src/workbook/names';
import { OBJECTION_COLUMNS } from '../../src/workbook/sheets/objectionsSheet';
import { ceeas } from '../helpers/cli';
import { bytesOf, cellsOf, expectUnusable, loadBook, rawFormulas, tmp } from '../helpers/hostile';
import { makePanel, type RawPanel } from '../helpers/panels';

// Hostile input through the CLI: panel files, CSV imports and text that looks like a formula. Every refusal is
// exit 2 with one sentence naming the field, and leaves the files it was given byte for byte as they were.

const small = join(__dirname, '../fixtures/panel-small.json');
const sample = join(__dirname, '../../samples/panel-sample.json');

const dir = tmp();
let n = 0;
function file(text: string, ext = 'json'): string {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

function base(): RawPanel {
  return makePanel({ cases: 2, experts: [2, 2, 2] });
}

function changed(change: (raw: RawPanel) => void): string {
  const raw = base();
  change(raw);
  return JSON.stringify(raw);
}

/** Refused by score and by build; build writes no workbook and leaves an existing one as it was. */
async function refusedEverywhere(text: string, mentions: string[]): Promise<void> {
  const panel = file(text);
  expectUnusable(await ceeas('score', panel, '--json'), mentions);
  const out = join(dir, `book${n++}.xlsx`);
  expectUnusable(await ceeas('build', panel, '-o', out), mentions);
  expect(bytesOf(out)).toBeNull();
  writeFileSync(out, 'an earlier workbook');
  expectUnusable(await ceeas('build', panel, '-o', out, '--force'), mentions);
  expect(readFileSync(out, 'utf8')).toBe('an earlier workbook');
  expect(readFileSync(panel, 'utf8')).toBe(text);
}

describe('panel JSON: unusable files are refused in one sentence naming the field', () => {
  it.each([
    ['cut off in the middle', '{"cases": [\n  {"id": "C001",\n', ['JSON', '第 3 行']],
    ['trailing garbage', '{"cases": []} and more', ['JSON']],
    ['a bare NaN literal', '{"cases": [{"id": "C001"}], "policy": {"decimals": NaN}}', ['JSON']],
    ['an empty file', '', ['JSON']],
    ['a NUL byte after a byte-order mark', '\uFEFF\u0000{', ['JSON']],
  ])('malformed JSON: %s', async (_name, text, mentions) => {
    await refusedEverywhere(text, mentions);
  });

  it.each([
    ['cases is an object', changed((r) => ((r as Record<string, unknown>).cases = { C001: {} })), ['“cases”应为列表']],
    ['a case id is a number', changed((r) => (r.cases[1].id = 7)), ['第2个案例', '编号（id）应为文字']],
    ['a case name is a number', changed((r) => (r.cases[0].name = 42)), ['C001', 'name']],
    ['an applicant is an object', changed((r) => (r.cases[1].applicant = { x: 1 })), ['C002', 'applicant']],
    ['experts is text', changed((r) => ((r as Record<string, unknown>).experts = 'E01')), ['experts']],
    ['an expert is a list', changed((r) => (r.experts[1] = [] as unknown as Record<string, unknown>)), ['第2位专家']],
    ['a round lists experts as text', changed((r) => (r.rounds.initial.experts = 'E01,E02')), ['initial', 'experts']],
    ['rounds is a list', changed((r) => ((r as Record<string, unknown>).rounds = [])), ['rounds']],
    ['items is a list', changed((r) => (r.scores[2].items = [8, 9])), ['scores 第3条', 'items']],
    ['recused is text', changed((r) => (r.scores[1].recused = 'true')), ['scores 第2条', 'recused']],
    ['the title is a number', changed((r) => ((r as Record<string, unknown>).title = 2026)), ['title']],
    [
      'notice.start is not a real date',
      changed((r) => (r.notice = { start: '2027-02-30' })),
      ['notice.start', '2027-02-30'],
    ],
    [
      'a calendar day is not a real date',
      changed((r) => (r.calendar = [{ from: '2027-13-01', kind: 'holiday' }])),
      ['calendar 第1条', 'from'],
    ],
    ['decimals is text', changed((r) => (r.policy = { decimals: '2' })), ['policy.decimals']],
  ])('wrong type: %s', async (_name, text, mentions) => {
    await refusedEverywhere(text, mentions);
  });

  // JSON.parse turns 1e309 into Infinity; "NaN" and "Infinity" arrive as text.
  const weight = (w: string): string => changed((r) => (r.rounds.initial.weight = '__W__')).replace('"__W__"', w);
  it.each([
    ['weight "NaN"', weight('"NaN"'), ['initial', '权重']],
    ['weight "Infinity"', weight('"Infinity"'), ['initial', '权重']],
    ['weight 1e309', weight('1e309'), ['initial', '权重']],
    ['weight 1e308', weight('1e308'), ['initial', '权重']],
    ['weight -0 with the others not adding up', weight('-0'), ['权重之和', '0 + 0.2 + 0.6']],
    ['scoreStep "NaN"', changed((r) => (r.policy = { scoreStep: 'NaN' })), ['policy.scoreStep']],
    ['scoreStep 1e309', changed((r) => (r.policy = { scoreStep: '__S__' })).replace('"__S__"', '1e309'), ['scoreStep']],
    ['outlierPoints "Infinity"', changed((r) => (r.policy = { outlierPoints: 'Infinity' })), ['outlierPoints']],
    ['decimals 1e309', changed((r) => (r.policy = { decimals: '__D__' })).replace('"__D__"', '1e309'), ['decimals']],
  ])('NaN and Infinity: %s', async (_name, text, mentions) => {
    await refusedEverywhere(text, mentions);
  });

  it.each(['1e-99999999', '1e99999999', '0.0000001'])(
    'a scoreStep or outlierPoints of %s is refused at once instead of building a number with millions of digits',
    async (v) => {
      const started = Date.now();
      await refusedEverywhere(
        changed((r) => (r.policy = { scoreStep: v })),
        ['policy.scoreStep'],
      );
      await refusedEverywhere(
        changed((r) => (r.policy = { outlierPoints: v })),
        ['policy.outlierPoints'],
      );
      expect(Date.now() - started).toBeLessThan(10_000);
    },
  );

  it('duplicated case and expert ids, also when they differ only by spaces', async () => {
    await refusedEverywhere(
      changed((r) => (r.cases[1].id = 'C001')),
      ['案例编号 C001 重复'],
    );
    await refusedEverywhere(
      changed((r) => (r.cases[1].id = ' C001 ')),
      ['案例编号 C001 重复'],
    );
    await refusedEverywhere(
      changed((r) => (r.experts[3].id = 'E02')),
      ['专家编号 E02 重复'],
    );
  });

  it('unknown references in rounds', async () => {
    await refusedEverywhere(
      changed((r) => (r.rounds.review.experts = ['E03', 'E77'])),
      ['review', 'E77'],
    );
    await refusedEverywhere(
      changed((r) => (r.rounds.final.cases = ['C001', 'C404'])),
      ['final', 'C404'],
    );
    await refusedEverywhere(
      changed((r) => (r.rounds.semifinal = { experts: [] })),
      ['semifinal'],
    );
  });
});

describe('panel JSON: bad values inside a usable panel become findings, never NaN, a score or a grade', () => {
  /** The panel with the first item score of C001 by E01 replaced by raw JSON text. */
  const firstItem = (json: string): string =>
    JSON.stringify(base()).replace('"innovation.necessity":10', `"innovation.necessity":${json}`);

  it.each([
    ['the text "NaN"', '"NaN"', 'not-a-number', '“NaN”'],
    ['the text "Infinity"', '"Infinity"', 'not-a-number', '“Infinity”'],
    ['1e308', '1e308', 'out-of-range', '超出 0~10 分'],
    ['1e309, which JSON.parse makes Infinity', '1e309', 'not-a-number', '不是数字'],
    ['-1e309', '-1e309', 'not-a-number', '不是数字'],
    ['the text "8"', '"8"', 'not-a-number', '“8”'],
    ['true', 'true', 'not-a-number', '不是数字'],
    ['an object', '{"v":8}', 'not-a-number', '“{"v":8}”'],
    ['a list', '[8]', 'not-a-number', '“[8]”'],
  ])('an item score of %s', async (_name, json, code, says) => {
    const res = await ceeas('score', file(firstItem(json)), '--json');
    expect(res.code).toBe(1);
    expect(res.err).toBe('');
    const out = JSON.parse(res.out);
    expect(out.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code,
        round: 'initial',
        expert: 'E01',
        case: 'C001',
        item: 'innovation.necessity',
      }),
    ]);
    expect(out.findings[0].message).toContain('创新必要性');
    expect(out.findings[0].message).toContain(says);
    expect(out.cases[0]).toMatchObject({ id: 'C001', status: 'invalid', score: null, grade: null });
    expect(out.cases[0].rounds.initial.mean).toBeNull();
    expect(out.cases[1]).toMatchObject({ id: 'C002', status: 'graded', score: '80.00', grade: '二等' });
    // Apart from the message quoting what was typed, nothing says NaN or Infinity.
    expect(JSON.stringify(out.cases)).not.toMatch(/NaN|Infinity|null,"grade":"/);
  });

  it('-0 is a score of 0: graded, and no "-0" in the results or in the written workbook', async () => {
    const raw = makePanel({ cases: 1, experts: [2, 2, 2], total: () => 0 });
    const text = JSON.stringify(raw).replace(/":0([,}])/g, '":-0$1');
    expect(text).toContain(':-0');
    const panel = file(text);
    const res = await ceeas('score', panel, '--json');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.out);
    expect(out.cases[0]).toMatchObject({ status: 'graded', score: '0.00', grade: '无评级' });
    expect(out.cases[0].rounds.initial.mean).toBe('0.00');
    expect(res.out).not.toContain('-0');
    const book = join(dir, 'minus0.xlsx');
    expect((await ceeas('build', panel, '-o', book, '--json')).code).toBe(0);
    expect((await ceeas('compute', book, '--json')).out).not.toContain('-0');
    const wb = await loadBook(book);
    for (const ws of wb.worksheets) for (const c of cellsOf(ws)) expect([ws.name, c.text]).not.toEqual([ws.name, '-0']);
  });

  it('scores naming an unknown case or expert are findings that name the entry; the other case is still graded', async () => {
    const text = changed((r) => {
      r.scores.push({ round: 'initial', expert: 'E01', case: 'C404', items: {} });
      r.scores.push({ round: 'review', expert: 'E77', case: 'C002', items: {} });
    });
    const res = await ceeas('score', file(text), '--json');
    expect(res.code).toBe(1);
    const out = JSON.parse(res.out);
    const found = out.findings.map((f: Record<string, string>) => [f.code, f.expert, f.case]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['unknown-case', 'E01', 'C404'],
        ['unknown-expert', 'E77', 'C002'],
      ]),
    );
    const messages = out.findings.map((f: { message: string }) => f.message).join('\n');
    expect(messages).toContain('C404');
    expect(messages).toContain('E77');
    expect(out.cases.find((c: { id: string }) => c.id === 'C001')).toMatchObject({ status: 'graded' });
  });

  it('ids such as __proto__, constructor and toString are ordinary ids, in score, build and compute', async () => {
    const text = JSON.stringify(makePanel({ cases: 2, experts: [2, 1, 1] }))
      .split('"C001"')
      .join('"__proto__"')
      .split('"C002"')
      .join('"constructor"')
      .split('"E01"')
      .join('"toString"');
    const panel = file(text);
    const scored = JSON.parse((await ceeas('score', panel, '--json')).out);
    expect(scored.cases.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      ['__proto__', 'graded'],
      ['constructor', 'graded'],
    ]);
    const book = join(dir, `ids${n++}.xlsx`);
    expect((await ceeas('build', panel, '-o', book)).code).toBe(0);
    const computed = await ceeas('compute', book, '--json');
    expect(computed.code).toBe(0);
    expect(JSON.parse(computed.out).cases).toEqual(scored.cases);
  });

  it('a 20,000-case panel is scored completely, in seconds', async () => {
    const raw = makePanel({ cases: 20_000, experts: [1, 1, 1], total: (_r, _j, c) => 60 + (c % 41) });
    const panel = file(JSON.stringify(raw));
    const started = Date.now();
    const res = await ceeas('score', panel, '--json');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.out);
    expect(out.cases).toHaveLength(20_000);
    expect(out.cases[19_999]).toMatchObject({ id: 'C20000', status: 'graded' });
    expect(out.cases.every((c: { status: string }) => c.status === 'graded')).toBe(true);
    expect(Date.now() - started).toBeLessThan(25_000);
  }, 60_000);
});

describe('CSV imports', () => {
  async function book(): Promise<string> {
    const path = join(tmp(), 'book.xlsx');
    expect((await ceeas('build', small, '-o', path)).code).toBe(0);
    return path;
  }

  /** Rows of a register below its header, as ExcelJS reads them, with each cell's type. */
  async function register(path: string, sheet: string): Promise<{ value: unknown; type: ExcelJS.ValueType }[][]> {
    const ws = (await loadBook(path)).getWorksheet(sheet)!;
    const rows: { value: unknown; type: ExcelJS.ValueType }[][] = [];
    ws.eachRow((row) => {
      const cells: { value: unknown; type: ExcelJS.ValueType }[] = [];
      for (let c = 1; c <= 4; c++) cells.push({ value: row.getCell(c).value, type: row.getCell(c).type });
      rows.push(cells);
    });
    return rows;
  }

  const HOSTILE_CSV =
    '\r\n案例编号,案例名称,申报单位,产业类别\r\n' +
    '\r\n   \r\n' +
    'C201,"多行\n名称,含逗号",=1+1,A.2\r\n' +
    'C202,+SUM(1;2),-2+3,A.3\r\n' +
    '\r\n' +
    'C203,@SUM(A1),"\t=HYPERLINK(""http://x"")",A.2\r\n' +
    'C204,"\r=1+1",𠮷䶮氢能（GB18030 四字节字）,A.2\r\n\r\n\r\n';

  it.each([
    ['UTF-8', Buffer.from(HOSTILE_CSV, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HOSTILE_CSV, 'utf8')]), 'utf-8-bom'],
    ['GB18030 (characters GBK lacks included)', iconv.encode(HOSTILE_CSV, 'gb18030'), 'gb18030'],
  ])(
    '%s: quoted commas and newlines, blank lines, and = + - @ tab CR stored as text',
    async (_name, bytes, encoding) => {
      const path = await book();
      const csv = join(dir, `cases${n++}.csv`);
      writeFileSync(csv, bytes);
      const res = await ceeas('import', path, '--cases', csv);
      expect(res.err).toBe('');
      expect(res.code).toBe(0);
      expect(res.out).toContain(`（${encoding}）导入 4 条：C201、C202、C203、C204`);
      const rows = (await register(path, SHEET.cases)).slice(-4);
      expect(rows.map((r) => r.slice(0, 3).map((c) => c.value))).toEqual([
        ['C201', '多行\n名称,含逗号', '=1+1'],
        ['C202', '+SUM(1;2)', '-2+3'],
        ['C203', '@SUM(A1)', '=HYPERLINK("http://x")'],
        ['C204', '=1+1', '𠮷䶮氢能（GB18030 四字节字）'],
      ]);
      for (const r of rows) for (const c of r.slice(0, 3)) expect(c.type).toBe(ExcelJS.ValueType.String);
      const review = (await register(path, SHEET_FORMAL_REVIEW)).slice(-4);
      for (const r of review) for (const c of r.slice(0, 3)) expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(rawFormulas(path).filter((f) => /HYPERLINK|SUM\(1|SUM\(A1|^1\+1$|^2\+3$/.test(f))).toEqual([]);
      // The imported cases go through compute as text too.
      await ceeas('compute', path);
      expect(rawFormulas(path).filter((f) => /HYPERLINK|SUM\(1|SUM\(A1|^1\+1$|^2\+3$/.test(f))).toEqual([]);
    },
  );

  it('experts from GBK with formula-like names and units are text', async () => {
    const path = await book();
    const csv = join(dir, `experts${n++}.csv`);
    writeFileSync(csv, iconv.encode('专家编号,姓名,工作单位\nE90,=王五,@某研究院\nE91,-赵六,+某大学\n', 'gbk'));
    expect((await ceeas('import', path, '--experts', csv)).code).toBe(0);
    const rows = (await register(path, SHEET.experts)).slice(-2);
    expect(rows.map((r) => r.slice(0, 3).map((c) => c.value))).toEqual([
      ['E90', '=王五', '@某研究院'],
      ['E91', '-赵六', '+某大学'],
    ]);
    for (const r of rows) for (const c of r.slice(0, 3)) expect(c.type).toBe(ExcelJS.ValueType.String);
  });

  it.each([
    ['a registered id', '案例编号,案例名称,申报单位\nC001,重复,某单位\n', 1, ['第 2 行', 'C001']],
    [
      'an id repeated in the file',
      '案例编号,案例名称,申报单位\nC300,a,b\n\nC300,c,d\n',
      1,
      ['第 4 行', 'C300', '第 2 行'],
    ],
    [
      'a registered id after blank lines and a two-line quoted field (the line an editor shows)',
      '\r\n案例编号,案例名称,申报单位\r\nC400,"两\r\n行",b\r\n\r\nC001,x,y\r\n',
      1,
      ['第 6 行的案例编号 C001 已在'],
    ],
    ['a row without an id', '案例编号,案例名称,申报单位\n,a,b\n', 1, ['第 2 行没有案例编号']],
    ['an unterminated quote', '案例编号,案例名称,申报单位\nC301,"未闭合,b\nC302,c,d\n', 1, ['无法解析']],
    ['missing columns', '名称,地址\n甲,乙\n', 1, ['第 1 行（表头）缺少列：案例编号、案例名称、申报单位']],
    ['bytes that are not text', '\u0000\u0001\u0002PK\u0003\u0004', 1, ['缺少列']],
    ['an empty file', '', 1, ['是空的']],
  ])('refuses %s, naming the line, and leaves the workbook byte for byte', async (_n, text, code, mentions) => {
    const path = await book();
    const before = bytesOf(path);
    const csv = join(dir, `bad${n++}.csv`);
    writeFileSync(csv, text);
    const res = await ceeas('import', path, '--cases', csv);
    expect(res.code).toBe(code);
    expect(res.err).not.toMatch(/\n\s+at |Error:|NaN|undefined/);
    for (const m of mentions) expect(res.err).toContain(m);
    expect(res.err).toContain('未导入任何记录');
    expect(bytesOf(path)!.equals(before!)).toBe(true);
  });

  it('refuses a CSV that does not exist in one sentence, exit 2, workbook unchanged', async () => {
    const path = await book();
    const before = bytesOf(path);
    expectUnusable(await ceeas('import', path, '--cases', join(dir, 'nowhere.csv')), ['nowhere.csv']);
    expect(bytesOf(path)!.equals(before!)).toBe(true);
  });
});

describe('command options', () => {
  it.each(['2027-13-45', '2027-02-30', 'NaN', '2027-1-5'])(
    'release --date %s: refused in one sentence, the workbook byte for byte',
    async (date) => {
      const path = join(tmp(), 'book.xlsx');
      await ceeas('build', sample, '-o', path);
      const before = bytesOf(path)!;
      expectUnusable(await ceeas('release', path, '--date', date), [`“${date}”`, 'YYYY-MM-DD']);
      expect(bytesOf(path)!.equals(before)).toBe(true);
    },
  );
});

describe('formula injection: text that starts like a formula is written as text', () => {
  const HOSTILE = [
    '=HYPERLINK("http://evil.example","点我")',
    "+CMD|' /C calc'!A0",
    '-2+3',
    '@SUM(1,2)',
    '\t=1+2',
    '\r=3+4',
  ];

  /** Every cell of the written workbook holding one of `texts` is a string cell, and no formula contains them. */
  async function expectText(path: string, texts: string[], sheets: string[]): Promise<void> {
    const wb = await loadBook(path);
    const found = new Set<string>();
    for (const name of sheets) {
      const ws = wb.getWorksheet(name);
      expect([name, ws !== undefined]).toEqual([name, true]);
      for (const c of cellsOf(ws!)) {
        for (const t of texts) {
          const core = t.trim();
          if (!c.text.includes(core)) continue;
          found.add(`${name}:${core}`);
          expect([name, c.address, c.type]).toEqual([name, c.address, ExcelJS.ValueType.String]);
        }
      }
    }
    for (const f of rawFormulas(path))
      for (const marker of ['evil.example', 'CMD|', '2+3', 'SUM(1,2)', '1+2', '3+4']) expect(f).not.toContain(marker);
    expect(found.size).toBeGreaterThan(0);
  }

  it('from a panel: case names, applicants, expert names and units, through build and compute', async () => {
    const raw = JSON.parse(readFileSync(small, 'utf8'));
    raw.title = '=评价' + HOSTILE[0];
    raw.cases.forEach((c: Record<string, string>, i: number) => {
      c.name = HOSTILE[i % HOSTILE.length];
      c.applicant = HOSTILE[(i + 2) % HOSTILE.length];
    });
    raw.experts.forEach((e: Record<string, string>, i: number) => {
      e.name = HOSTILE[(i + 3) % HOSTILE.length];
      e.organization = HOSTILE[(i + 1) % HOSTILE.length];
    });
    const path = join(tmp(), 'book.xlsx');
    expect((await ceeas('build', file(JSON.stringify(raw)), '-o', path)).code).toBe(0);
    expect((await ceeas('compute', path)).code).toBe(0);
    const wb = await loadBook(path);
    const sheets = wb.worksheets.map((w) => w.name);
    await expectText(path, HOSTILE, sheets);
    // The case names reached the public sheets, as text.
    const notice = cellsOf(wb.getWorksheet(SHEET.notice)!);
    expect(notice.some((c) => c.text === HOSTILE[0] && c.type === ExcelJS.ValueType.String)).toBe(true);
    const exported = join(tmp(), 'E01.xlsx');
    expect((await ceeas('export', path, '--round', 'initial', '--expert', 'E01', '-o', exported)).code).toBe(0);
    await expectText(
      exported,
      HOSTILE,
      (await loadBook(exported)).worksheets.map((w) => w.name),
    );
  });

  it('from an objection row: objections and release keep the objector, contents and reasons as text', async () => {
    const path = join(tmp(), 'book.xlsx');
    await ceeas('build', sample, '-o', path);
    const wb = await loadBook(path);
    const ws = wb.getWorksheet(SHEET.objections)!;
    const at = (name: (typeof OBJECTION_COLUMNS)[number]): number => OBJECTION_COLUMNS.indexOf(name) + 1;
    const row: Partial<Record<(typeof OBJECTION_COLUMNS)[number], string>> = {
      异议编号: 'Y1',
      收到日期: '2027-01-05',
      '异议人（实名）': HOSTILE[3],
      提出形式: '书面',
      联系方式: HOSTILE[2],
      所涉案例编号: 'C005',
      异议内容: HOSTILE[0],
      是否受理: '受理',
      处理结果: '调整等级',
      调整后等级: '一等',
      处理说明: HOSTILE[1],
      处理日期: '2027-01-10',
    };
    for (const [k, v] of Object.entries(row)) ws.getCell(2, at(k as (typeof OBJECTION_COLUMNS)[number])).value = v;
    await wb.xlsx.writeFile(path);
    expect((await ceeas('objections', path)).code).toBe(0);
    expect((await ceeas('release', path, '--date', '2027-01-12')).code).toBe(0);
    await expectText(path, [HOSTILE[0], HOSTILE[1], HOSTILE[2], HOSTILE[3]], [SHEET.objections, SHEET_RELEASE]);
    const release = cellsOf((await loadBook(path)).getWorksheet(SHEET_RELEASE)!);
    expect(release.some((c) => c.text.includes(HOSTILE[1]))).toBe(true);
  });
});
