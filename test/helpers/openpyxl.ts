import { execFile, execFileSync } from 'node:child_process';

// openpyxl (Debian's python3-openpyxl) as a strict, independent reader and writer of .xlsx files: it checks the
// attribute values it reads against the schema's enumerations and refuses what it cannot read. Warnings are made
// errors, so a part it would silently drop fails the test.

const PYTHON = '/usr/bin/python3';

let available: boolean | null = null;

export function openpyxlAvailable(): boolean {
  if (available === null) {
    try {
      execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore', timeout: 60000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/** Runs a Python script with arguments; resolves with what it printed, rejects with its error output. */
export function python(script: string, ...args: string[]): Promise<string> {
  const prelude = 'import sys, warnings, json\nwarnings.simplefilter("error")\nimport openpyxl\n';
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      ['-c', prelude + script, ...args],
      { timeout: 180000, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`openpyxl: ${stderr || err.message}`));
        else resolve(stdout);
      },
    );
  });
}

/** A describe block that needs openpyxl: skipped without it, except under CI=true, where that fails. */
export function describeWithOpenpyxl(name: string, fn: () => void): void {
  if (openpyxlAvailable()) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs openpyxl in CI', () => {
        throw new Error('openpyxl is not installed: .ci/run must install python3-openpyxl');
      });
    });
    return;
  }
  console.warn(`openpyxl 未安装，跳过：${name}`);
  describe.skip(name, fn);
}
