import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryBytes, newEntry, readZip, writeZip } from '../../src/hosts/xlsx/zip';
import { ceeas } from '../helpers/cli';

// Files that are not usable workbooks: compute and audit refuse each with one plain sentence and exit 2.

const small = join(__dirname, '../fixtures/panel-small.json');

describe('compute and audit refuse unusable files in one sentence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-bad-'));
  const book = join(dir, 'book.xlsx');

  beforeAll(async () => {
    expect((await ceeas('build', small, '-o', book)).code).toBe(0);
  });

  const cases: [string, () => Buffer, RegExp][] = [
    ['an empty file', () => Buffer.alloc(0), /文件是空的/],
    ['an old .xls', () => Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(600), 'hex'), /旧式 \.xls/],
    ['a truncated workbook', () => readFileSync(book).subarray(0, 40_000), /损坏或不完整/],
    [
      'a zip bomb (an entry declaring 500 MB)',
      () => writeZip([...readZip(readFileSync(book)).values()].map((e, i) => (i === 0 ? { ...e, size: 500e6 } : e))),
      /过大/,
    ],
    [
      'a sheet cut off inside a sound zip',
      () =>
        writeZip(
          [...readZip(readFileSync(book)).values()].map((e) =>
            e.name === 'xl/worksheets/sheet12.xml' ? newEntry(e.name, entryBytes(e).subarray(0, 3000)) : e,
          ),
        ),
      /内容不完整/,
    ],
  ];

  it.each(cases)('%s', async (_name, bytes, message) => {
    const path = join(dir, 'bad.xlsx');
    writeFileSync(path, bytes());
    for (const command of ['compute', 'audit']) {
      const r = await ceeas(command, path);
      expect([command, r.code]).toEqual([command, 2]);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    // Nothing was written over the bad file.
    expect(readFileSync(path).equals(bytes())).toBe(true);
  });

  it('commands that still load with ExcelJS check the archive first and refuse a zip bomb too', async () => {
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, cases[3][1]());
    const r = await ceeas('review', path);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/过大/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
