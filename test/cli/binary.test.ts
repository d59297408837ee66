import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const expected = JSON.parse(readFileSync(join(root, 'test/fixtures/panel-small.expected.json'), 'utf8')) as {
  cases: unknown[];
  findings: Record<string, unknown>[];
};

function ceeas(...args: string[]) {
  return spawnSync(process.execPath, ['bin/ceeas.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
}

beforeAll(() => {
  // The binary loads the compiled CLI; a fresh checkout has none until `npm ci` runs the prepare script.
  if (!existsSync(join(root, 'dist/cli/main.js'))) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  }
}, 300000);

describe('the ceeas binary', () => {
  it('scores the example panel as the expected file says, exit 0', () => {
    const r = ceeas('score', 'test/fixtures/panel-small.json', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { cases: unknown[]; findings: Record<string, unknown>[] };
    expect(json.cases).toEqual(expected.cases);
    for (const f of json.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(json.findings.map(({ message: _message, ...rest }) => rest)).toEqual(expected.findings);
  });

  it('exits 2 with one sentence and no stack trace for a file that does not exist', () => {
    const r = ceeas('score', 'no-such-panel.json', '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^[^\n]*no-such-panel\.json[^\n]*\n$/);
    expect(r.stderr).not.toMatch(/\bat \S+ \(/);
  });
});

describe('sheets parsed on two threads', () => {
  it('read the same as on one: the results and findings of compute do not depend on it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ceeas-par-'));
    const book = join(dir, 'book.xlsx');
    expect(ceeas('build', 'test/fixtures/panel-small.json', '-o', book).status).toBe(0);
    const run = (from: string) =>
      spawnSync(process.execPath, ['bin/ceeas.js', 'compute', book, '--json', '--dry-run'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CEEAS_PARALLEL_FROM: from },
      });
    const one = run('1e15');
    const two = run('0');
    expect(two.status).toBe(one.status);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
  });
});
