import { XlsxError, XlsxPackage } from '../../hosts/xlsx/package/xlsxPackage';
import type { WorkbookData } from '../../workbook/model';

/** Returned expert workbooks are small (one sheet of one round); anything far larger is not one of ours. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A returned expert workbook read in the task pane with the same package layer as the CLI's, or the sentence that
 * says why it cannot be used (not an .xlsx, damaged, too large). The file never touches the open workbook until
 * collect has judged it.
 */
export async function readReturnedWorkbook(file: { name: string; data: ArrayBuffer }): Promise<WorkbookData | string> {
  if (file.data.byteLength > MAX_BYTES)
    return `文件有 ${Math.round(file.data.byteLength / 1048576)} MB，不像是专家返回的评分表，未读取。`;
  const head = new Uint8Array(file.data.slice(0, 8));
  if (head[0] === 0xd0 && head[1] === 0xcf) return '这是旧版 .xls 文件：请让专家用 Excel 另存为 .xlsx 后再返回。';
  try {
    const pkg = await XlsxPackage.open(new Uint8Array(file.data));
    return pkg.readSheets();
  } catch (e) {
    if (e instanceof XlsxError) return `工作簿无法打开：${e.message}，未读取。`;
    return '工作簿无法打开（文件可能不完整或已损坏），未读取。';
  }
}
