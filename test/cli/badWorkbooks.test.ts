import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partsOf, text, withDeclaredSize, withText, zipParts } from '../helpers/zipCraft';
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
      () => withDeclaredSize(readFileSync(book), '[Content_Types].xml', 500e6),
      /过大/,
    ],
    [
      'a sheet cut off inside a sound zip',
      () => {
        const parts = partsOf(readFileSync(book));
        return zipParts(
          withText(parts, 'xl/worksheets/sheet12.xml', text(parts, 'xl/worksheets/sheet12.xml').slice(0, 3000)),
        );
      },
      /已损坏/,
    ],
  ];

  it.each(cases)('%s', async (_name, bytes, message) => {
    const path = join(dir, 'bad.xlsx');
    // Made once: a crafted zip carries the time it was made, so two makings may differ.
    const data = bytes();
    writeFileSync(path, data);
    for (const command of ['compute', 'audit']) {
      const r = await ceeas(command, path);
      expect([command, r.code]).toEqual([command, 2]);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    // Nothing was written over the bad file.
    expect(readFileSync(path).equals(data)).toBe(true);
  });

  it('every command that writes checks the archive first and refuses a zip bomb too', async () => {
    const path = join(dir, 'bomb.xlsx');
    const bomb = cases[3][1]();
    writeFileSync(path, bomb);
    for (const args of [['review'], ['import', '--cases', small], ['sheets', '--round', 'initial']]) {
      const r = await ceeas(args[0], path, ...args.slice(1));
      expect([args[0], r.code]).toEqual([args[0], 2]);
      expect(r.err).toMatch(/过大/);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(path).equals(bomb)).toBe(true);
  });
});
