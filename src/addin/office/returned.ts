import ExcelJS from 'exceljs';
import { workbookData } from '../../hosts/xlsx/readWorkbook';
import type { WorkbookData } from '../../workbook/model';

/** Returned expert workbooks are small (one sheet of one round); anything far larger is not one of ours. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A returned expert workbook read in the task pane with ExcelJS, or the sentence that says why it cannot be used
 * (not an .xlsx, damaged, too large). The file never touches the open workbook until collect has judged it.
 */
export async function readReturnedWorkbook(file: { name: string; data: ArrayBuffer }): Promise<WorkbookData | string> {
  if (file.data.byteLength > MAX_BYTES)
    return `文件有 ${Math.round(file.data.byteLength / 1048576)} MB，不像是专家返回的评分表，未读取。`;
  const head = new Uint8Array(file.data.slice(0, 8));
  if (head[0] === 0xd0 && head[1] === 0xcf) return '这是旧版 .xls 文件：请让专家用 Excel 另存为 .xlsx 后再返回。';
  if (head[0] !== 0x50 || head[1] !== 0x4b) return '不是 .xlsx 工作簿（文件损坏或类型不对），未读取。';
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data);
    return workbookData(wb);
  } catch {
    return '工作簿无法打开（文件可能不完整或已损坏），未读取。';
  }
}
