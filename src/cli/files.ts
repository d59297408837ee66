import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usageError';

/**
 * Writes a file so that it is either wholly the new content or untouched: the bytes go to a temporary file in the
 * same folder, then one rename replaces the target. A failure leaves the old file as it was.
 */
export function writeAtomically(path: string, data: Buffer | string): void {
  const target = resolve(path);
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  let tmpDir: string | null = null;
  try {
    tmpDir = mkdtempSync(join(dir, `.${basename(target)}.`));
    const tmp = join(tmpDir, basename(target));
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UsageError(`无法写入 ${path}：${why}。`, `Cannot write ${path}: ${why}.`);
    }
  } finally {
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  }
}

export function refuseOverwrite(path: string, force: boolean | undefined): void {
  if (!force && existsSync(path))
    throw new UsageError(
      `${path} 已存在；如确需覆盖，请加 --force。`,
      `${path} already exists; add --force to overwrite it.`,
    );
}

/** Local time as the office reads it in 操作日志. */
export { localTimestamp } from '../core/calendar/localTime';

export function currentUser(): string {
  return process.env.CEEAS_USER || process.env.USER || process.env.USERNAME || 'ceeas';
}

/** Refuses a workbook name that does not end in .xlsx, the only kind of file the commands write. */
export function refuseUnlessXlsxName(path: string): void {
  if (!/\.xlsx$/i.test(path))
    throw new UsageError(`工作簿 ${path} 应以 .xlsx 结尾。`, `Workbook ${path} must end in .xlsx.`);
}
