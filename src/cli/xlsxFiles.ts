import type ExcelJS from 'exceljs';
import { PanelError } from '../core/panel/parsePanel';
import { loadXlsx, workbookData, XlsxError } from '../hosts/xlsx/readWorkbook';
import { canPatch, patchPackage } from '../hosts/xlsx/patchPackage';
import { openPackage, readPackageSheets, type XlsxPackage } from '../hosts/xlsx/xlsxPackage';
import type { WorkbookData } from '../workbook/model';
import { readBytes } from './readPanelFile';
import { UsageError } from './usageError';
import { currentUser, localTimestamp, writeAtomically } from './files';
import { applySheets } from '../hosts/xlsx/writeWorkbook';
import type { SheetSpec } from '../workbook/model';
import type { ReadResult } from '../workbook/read/readEvaluationWorkbook';
import { logInputChange } from '../workbook/sheets/logSheet';
import { workbookStyles } from '../workbook/styles';

export async function readWorkbookFile(path: string): Promise<{ workbook: ExcelJS.Workbook; data: WorkbookData }> {
  const bytes = readBytes(path, '工作簿');
  try {
    const workbook = await loadXlsx(bytes);
    return { workbook, data: workbookData(workbook) };
  } catch (e) {
    if (e instanceof XlsxError) throw new UsageError(`工作簿 ${path} 无法打开：${e.message}。`);
    throw e;
  }
}

/** A workbook opened as a package (no ExcelJS model): what a command that only adds output sheets needs. */
export interface OpenedPackage {
  bytes: Buffer;
  pkg: XlsxPackage;
  data: WorkbookData;
  /** The password protection of the workbook's protected sheets, reused for the sheets written. */
  protection: string | null;
}

/**
 * Reads a workbook's values and formulas (with `withMeta`, protection and validation too) straight from its XML:
 * several times faster than ExcelJS's model.
 */
export function openWorkbookPackage(path: string, withMeta = false): OpenedPackage {
  const bytes = readBytes(path, '工作簿');
  try {
    const pkg = openPackage(bytes);
    const { data, protection } = readPackageSheets(pkg, withMeta);
    return { bytes, pkg, data, protection };
  } catch (e) {
    if (e instanceof XlsxError) throw new UsageError(`工作簿 ${path} 无法打开：${e.message}。`);
    throw e;
  }
}

/**
 * Writes sheets into a workbook opened as a package: only their parts are replaced or added, every other part is
 * copied as it was. A sheet the patch cannot describe (a table, a note, a replaced sheet with drawings) sends the
 * whole write through ExcelJS instead.
 */
export async function writePackageSheets(
  opened: OpenedPackage,
  sheets: SheetSpec[],
  decimals: number,
  path: string,
): Promise<void> {
  if (canPatch(opened.pkg, sheets)) {
    const buffer = patchPackage(opened.pkg, sheets, workbookStyles(decimals), { protection: opened.protection });
    writeAtomically(path, buffer);
    return;
  }
  const workbook = await loadXlsx(opened.bytes);
  writeSheets(workbook, sheets, decimals);
  await writeWorkbookFile(workbook, path);
}

export async function writeWorkbookFile(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  writeAtomically(path, buffer);
}

/** Runs a step that reads a workbook's registers; a workbook we cannot use becomes one sentence, exit 2. */
export function usable<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof PanelError) throw new UsageError(`工作簿 ${path} 不可用：${e.message}。`);
    throw e;
  }
}

type Protected = { sheetProtection?: Record<string, unknown> & { hashValue?: string } };

/** The password-protection record (hash, salt, spin count) of a sheet the build protected, or null. */
export function passwordProtection(workbook: ExcelJS.Workbook): Record<string, unknown> | null {
  const source = workbook.worksheets.find((ws) => (ws as unknown as Protected).sheetProtection?.hashValue);
  return source ? { ...(source as unknown as Protected).sheetProtection! } : null;
}

/**
 * Sheets written by a command are protected with the workbook's own password without knowing it: the password
 * hash of a sheet the build protected is copied onto every protected sheet named.
 */
export function reuseProtection(
  workbook: ExcelJS.Workbook,
  names: string[],
  protection: Record<string, unknown> | null,
): void {
  if (!protection) return;
  for (const name of names) {
    const ws = workbook.getWorksheet(name) as unknown as Protected | undefined;
    if (ws && ws.sheetProtection) ws.sheetProtection = { ...protection };
  }
}

/**
 * Writes sheets a command produced into the workbook, each protected with the workbook's own password where its
 * description asks for protection.
 */
export function writeSheets(workbook: ExcelJS.Workbook, sheets: SheetSpec[], decimals = 2): void {
  const protection = passwordProtection(workbook);
  applySheets(workbook, sheets, workbookStyles(decimals));
  reuseProtection(
    workbook,
    sheets.filter((s) => s.protection).map((s) => s.name),
    protection,
  );
}

/** Adds a row to 操作日志 for a command that changed the workbook. */
export function logCommand(
  workbook: ExcelJS.Workbook,
  read: Pick<ReadResult, 'log' | 'panel'>,
  action: string,
  detail: string,
): void {
  writeSheets(workbook, [logInputChange(read, { time: localTimestamp(), action, user: currentUser(), detail })]);
}
