import { run } from '../../src/cli/main';

/** Runs the CLI in process, capturing what it prints and its exit code. */
export async function ceeas(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}
