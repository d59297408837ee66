import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { editWorkbook } from '../../src/cli/workbookFile';
import { SHEET } from '../../src/workbook/names';
import { ceeas } from '../helpers/cli';
import { expectUnusable } from '../helpers/hostile';
import { readBook } from '../helpers/xlsx';

// Nothing is lost to another writer: a workbook open in Excel, WPS or LibreOffice is not written; two ceeas
// commands on one workbook take turns; a file changed by another program while a command ran is not overwritten.

const small = join(__dirname, '../fixtures/panel-small.json');
const bin = join(__dirname, '../../bin/ceeas.js');

async function built(): Promise<{ dir: string; book: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-safe-'));
  const book = join(dir, 'book.xlsx');
  expect((await ceeas('build', small, '-o', book)).code).toBe(0);
  return { dir, book };
}

function caseIds(data: Awaited<ReturnType<typeof readBook>>): string[] {
  const cases = data.sheets.find((s) => s.name === SHEET.cases)!;
  return cases.values
    .slice(1)
    .map((r) => String(r[0] ?? ''))
    .filter(Boolean);
}

/** Runs the built CLI in a process of its own. */
function run(...args: string[]): Promise<{ code: number; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code: code ?? -1, err }));
  });
}

describe('safe writes', () => {
  it.each([
    ['Excel or WPS', (name: string) => `~$${name}`],
    ['LibreOffice', (name: string) => `.~lock.${name}#`],
  ])('refuses to write a workbook open in %s, in one sentence, leaving it untouched', async (_program, owner) => {
    const { dir, book } = await built();
    writeFileSync(join(dir, owner('book.xlsx')), 'owner');
    const before = readFileSync(book);
    for (const args of [
      ['compute', book],
      ['review', book],
      ['import', book, '--cases', small],
    ]) {
      const r = await ceeas(...args);
      expectUnusable(r, ['正在', '打开']);
    }
    expect(readFileSync(book).equals(before)).toBe(true);
    // Reading is fine: the audit does not write.
    expect((await ceeas('audit', book)).code).toBeLessThanOrEqual(1);
  });

  it('two imports started together each add their case: the second waits for the first', async () => {
    const { dir, book } = await built();
    writeFileSync(join(dir, 'a.csv'), '案例编号,案例名称,申报单位\nC701,甲,甲单位\n');
    writeFileSync(join(dir, 'b.csv'), '案例编号,案例名称,申报单位\nC702,乙,乙单位\n');
    const [a, b] = await Promise.all([
      run('import', book, '--cases', join(dir, 'a.csv')),
      run('import', book, '--cases', join(dir, 'b.csv')),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(caseIds(await readBook(book, false))).toEqual(expect.arrayContaining(['C701', 'C702']));
    // The log has both, and no lock file is left behind.
    const log = (await readBook(book, false)).sheets.find((s) => s.name === SHEET.log)!;
    expect(log.values.filter((r) => r[3] === '导入案例')).toHaveLength(2);
    expect(existsSync(join(dir, '.book.xlsx.ceeas-lock'))).toBe(false);
  }, 120000);

  it('a command and a compute on one workbook in one process take turns too', async () => {
    const { dir, book } = await built();
    writeFileSync(join(dir, 'a.csv'), '案例编号,案例名称,申报单位\nC801,丙,丙单位\n');
    const [imported, computed] = await Promise.all([
      ceeas('import', book, '--cases', join(dir, 'a.csv')),
      ceeas('compute', book),
    ]);
    expect([imported.code, computed.code]).toEqual([0, 0]);
    expect(caseIds(await readBook(book, false))).toContain('C801');
  });

  it('gives up waiting for a lock another command holds, in one sentence', async () => {
    const { dir, book } = await built();
    // A lock held by a live process (this one) that never lets go.
    writeFileSync(
      join(dir, '.book.xlsx.ceeas-lock'),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString(),
        command: 'ceeas compute（某人）',
      }),
    );
    process.env.CEEAS_LOCK_WAIT_MS = '300';
    try {
      expectUnusable(await ceeas('compute', book), ['另一个 ceeas 命令', 'ceeas compute']);
    } finally {
      delete process.env.CEEAS_LOCK_WAIT_MS;
    }
  });

  it('takes over a lock left by a command that is no longer running', async () => {
    const { dir, book } = await built();
    writeFileSync(
      join(dir, '.book.xlsx.ceeas-lock'),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: hostname(),
        since: new Date().toISOString(),
        command: 'ceeas compute',
      }),
    );
    expect((await ceeas('compute', book)).code).toBe(0);
  });

  it('does not overwrite a workbook another program saved while the command ran', async () => {
    const { book } = await built();
    const theirs = Buffer.concat([readFileSync(book), Buffer.from('x')]);
    await expect(
      editWorkbook(book, undefined, 'test', (opened) => {
        opened.pkg.updateCells([{ sheet: SHEET.cases, address: 'A20', value: 'C999' }]);
        // Another program saves the file meanwhile.
        writeFileSync(book, theirs);
        return { write: true, result: null };
      }),
    ).rejects.toThrow(/被其他程序改动.*未写入/);
    expect(readFileSync(book).equals(theirs)).toBe(true);
  });
});
