import { readFileSync } from 'node:fs';
import { PanelError } from '../core/panel/parsePanel';
import { XlsxError, XlsxPackage } from '../hosts/xlsx/package/xlsxPackage';
import type { CellUpdate, SheetSpec, WorkbookData } from '../workbook/model';
import { insertionIndex, isInputSheet } from '../workbook/names';
import type { ReadResult } from '../workbook/read/readEvaluationWorkbook';
import { logInputChange } from '../workbook/sheets/logSheet';
import { workbookStyles } from '../workbook/styles';
import { currentUser, localTimestamp, writeAtomically } from './files';
import { parallelSheets } from './parallelSheets';
import { readBytes } from './readPanelFile';
import { UsageError } from './usageError';
import { lockWorkbook, refuseIfOpenElsewhere } from './workbookLock';

// Every command opens a workbook through here: the package layer reads the sheets it needs, the command changes
// what it must through the package (whole sheets it writes, single cells it fills in), and the result is written
// atomically, once, under the workbook's lock, after checking that no other program has it open or changed it.

export interface OpenedWorkbook {
  path: string;
  pkg: XlsxPackage;
  /** The sheets read: the inputs (registers, settings, expert sheets, the log), or all of them. */
  data: WorkbookData;
}

export interface OpenOptions {
  /** Which sheets to read: the inputs (default), or every sheet (the audit). */
  sheets?: 'inputs' | 'all';
  /** Also protection and validation of each sheet read. */
  meta?: boolean;
}

function unopenable(path: string, e: Error): UsageError {
  return new UsageError(
    `工作簿 ${path} 无法打开：${e.message}。`,
    `Workbook ${path} cannot be opened: ${e instanceof XlsxError ? e.messageEn : e.message}.`,
  );
}

async function openBytes(path: string, bytes: Uint8Array, options: OpenOptions): Promise<OpenedWorkbook> {
  try {
    const pkg = await XlsxPackage.open(bytes);
    const data = await pkg.readSheetsWith(parallelSheets, {
      include: options.sheets === 'all' ? undefined : isInputSheet,
      meta: options.meta,
    });
    return { path, pkg, data };
  } catch (e) {
    if (e instanceof XlsxError) throw unopenable(path, e);
    throw e;
  }
}

/** Opens a workbook to read it only. */
export async function openWorkbook(path: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  return openBytes(path, new Uint8Array(readBytes(path, '工作簿')), options);
}

/** Runs a step that reads a workbook's registers; a workbook we cannot use becomes one sentence, exit 2. */
export function usable<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof PanelError)
      throw new UsageError(`工作簿 ${path} 不可用：${e.message}。`, `Workbook ${path} cannot be used: ${e.messageEn}.`);
    if (e instanceof XlsxError) throw unopenable(path, e);
    throw e;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function currentBytes(path: string): Uint8Array | null {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    return null;
  }
}

/**
 * Opens a workbook to change it. `step` reads `opened.data`, makes its changes through `opened.pkg` and says
 * whether there is anything to write. The workbook written (`output`, or the workbook itself) must not be open
 * in another program; the lock makes a second ceeas command wait, so it starts from what this one wrote; and the
 * file must still be what was read when the result is renamed over it.
 */
export async function editWorkbook<T>(
  book: string,
  output: string | undefined,
  command: string,
  step: (opened: OpenedWorkbook) => Promise<{ write: boolean; result: T }> | { write: boolean; result: T },
  options: OpenOptions = {},
): Promise<T> {
  const target = output ?? book;
  refuseIfOpenElsewhere(target);
  const release = await lockWorkbook(target, `ceeas ${command}（${currentUser()}）`);
  try {
    const bytes = new Uint8Array(readBytes(book, '工作簿'));
    const before = target === book ? bytes : currentBytes(target);
    const opened = await openBytes(book, bytes, options);
    const { write, result } = await step(opened);
    if (write) {
      let written: Uint8Array;
      try {
        written = await opened.pkg.save();
      } catch (e) {
        if (e instanceof XlsxError)
          throw new UsageError(
            `工作簿 ${book} 无法写入：${e.message}。`,
            `Workbook ${book} cannot be written: ${e.messageEn}.`,
          );
        throw e;
      }
      refuseIfOpenElsewhere(target);
      const now = currentBytes(target);
      if ((before === null) !== (now === null) || (before && now && !sameBytes(before, now)))
        throw new UsageError(
          `工作簿 ${target} 在命令运行期间被其他程序改动，为免覆盖其改动，未写入；请重新运行。`,
          `Workbook ${target} was changed by another program while the command ran; nothing was written, so as not to overwrite that change. Please run it again.`,
        );
      writeAtomically(target, Buffer.from(written.buffer, written.byteOffset, written.byteLength));
    }
    return result;
  } finally {
    release();
  }
}

/**
 * Writes whole sheets a command produced into the workbook (replacing them in place, or adding them where they
 * belong), protected sheets with the workbook's own password hash.
 */
export function writeSheets(opened: OpenedWorkbook, sheets: SheetSpec[], decimals = 2): void {
  usable(opened.path, () =>
    opened.pkg.putSheets(sheets, workbookStyles(decimals), {
      protection: opened.pkg.passwordProtection(),
      place: insertionIndex,
    }),
  );
}

/** Fills single cells of existing sheets, leaving every other cell as it was. */
export function writeCells(opened: OpenedWorkbook, updates: CellUpdate[]): void {
  usable(opened.path, () => opened.pkg.updateCells(updates));
}

/** Adds a row to 操作日志 for a command that changed the workbook's inputs. */
export function logCommand(
  opened: OpenedWorkbook,
  read: Pick<ReadResult, 'log' | 'panel'>,
  action: string,
  detail: string,
): void {
  writeSheets(opened, [logInputChange(read, { time: localTimestamp(), action, user: currentUser(), detail })]);
}

/** Writes a new workbook (build, export): not over a file another program has open, and under its lock. */
export async function writeNewWorkbook(path: string, command: string, bytes: Uint8Array): Promise<void> {
  refuseIfOpenElsewhere(path);
  const release = await lockWorkbook(path, `ceeas ${command}（${currentUser()}）`);
  try {
    writeAtomically(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } finally {
    release();
  }
}
