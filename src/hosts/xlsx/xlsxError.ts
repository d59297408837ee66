/** A file that is not a usable .xlsx workbook; the message is one plain Chinese sentence. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** Refuses bytes that cannot be an .xlsx package at all, before any unzipping: empty, an old .xls, not a zip. */
export function refuseUnlessZip(bytes: Buffer): void {
  if (bytes.length === 0) throw new XlsxError('文件是空的');
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    throw new XlsxError('这是旧式 .xls 文件（或加密的工作簿），请在 Excel 中另存为 .xlsx 后再试');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new XlsxError('文件不是 .xlsx 工作簿（无法解压）');
}
