import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './usageError';

// Nothing is lost to another writer. A workbook that Excel, WPS or LibreOffice has open is not written (the
// program would save over the change, or be saved over); two ceeas commands on one workbook take turns through a
// lock file beside it, so the second reads what the first wrote instead of overwriting it.

/** The owner files office programs keep beside a workbook they have open. */
export function ownerFiles(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  return [
    // Excel and WPS: "~$" and the name; Word-style owners replace the name's first two characters.
    join(dir, `~$${name}`),
    join(dir, `~$${name.slice(2)}`),
    // LibreOffice (and OpenOffice).
    join(dir, `.~lock.${name}#`),
  ];
}

/** Refuses, in one sentence, to write a workbook another program has open. */
export function refuseIfOpenElsewhere(path: string): void {
  const owner = ownerFiles(path).find((f) => existsSync(f));
  if (!owner) return;
  const libre = basename(owner).startsWith('.~lock.');
  const program = libre ? 'LibreOffice' : 'Excel 或 WPS';
  throw new UsageError(
    `工作簿 ${path} 正在 ${program} 中打开（有 ${basename(owner)}），为免保存时互相覆盖，未写入；请先关闭它再运行（若程序已关闭，可删除该文件）。`,
    `Workbook ${path} is open in ${libre ? program : 'Excel or WPS'} (${basename(owner)} exists); nothing was written, so that neither save overwrites the other. Close it and run again (if the program is closed, delete that file).`,
  );
}

interface Holder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

function lockPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.ceeas-lock`);
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock left by a command that is no longer running (same machine, process gone, or hours old). A lock file
 * without its holder yet is one being written this instant, unless it has stayed so for seconds.
 */
function stale(h: Holder | null, file: string): boolean {
  if (!h) {
    try {
      return Date.now() - statSync(file).mtimeMs > 5000;
    } catch {
      return true;
    }
  }
  if (h.host === hostname() && !alive(h.pid)) return true;
  return Date.now() - Date.parse(h.since) > 6 * 3600 * 1000;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the workbook's lock, waiting while another ceeas command holds it (CEEAS_LOCK_WAIT_MS, default two
 * minutes, then a one-sentence refusal). Returns the function that releases it.
 */
export async function lockWorkbook(path: string, command: string): Promise<() => void> {
  const file = lockPath(path);
  mkdirSync(dirname(file), { recursive: true });
  const wait = Number(process.env.CEEAS_LOCK_WAIT_MS ?? 120_000);
  const deadline = Date.now() + wait;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw new UsageError(
          `无法锁定工作簿 ${path}：${code ?? (e as Error).message}。`,
          `Cannot lock workbook ${path}: ${code ?? (e as Error).message}.`,
        );
    }
    const holder = readHolder(file);
    if (stale(holder, file)) {
      try {
        unlinkSync(file);
      } catch {
        // Another waiter removed it first.
      }
      continue;
    }
    if (Date.now() >= deadline)
      throw new UsageError(
        `工作簿 ${path} 正被另一个 ceeas 命令（${holder?.command ?? '未知'}，进程 ${holder?.pid ?? '?'}）修改，等待后仍未结束，未写入；请稍后再试。`,
        `Workbook ${path} is being changed by another ceeas command (${holder?.command ?? 'unknown'}, process ${holder?.pid ?? '?'}) that had not finished after waiting; nothing was written. Please try again later.`,
      );
    await sleep(50 + Math.random() * 50);
  }
}
