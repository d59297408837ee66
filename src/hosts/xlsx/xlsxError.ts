/** A file that is not a usable .xlsx workbook; the message is one plain Chinese sentence. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}
