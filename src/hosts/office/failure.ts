// What went wrong inside Excel, in words for the secretariat. Office.js rejects a failed batch with an error whose
// `code` is one of Excel.ErrorCodes and whose `debugInfo.errorLocation` names the call that failed
// (“Error handling with the application-specific JavaScript APIs”).

export interface ExcelFailure {
  code: string;
  message: string;
  location: string;
}

/** The code, message and failing call of an Office.js error (anything else: its message). */
export function excelFailure(e: unknown): ExcelFailure {
  const x = e as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown; message?: unknown } };
  return {
    code: typeof x?.code === 'string' ? x.code : 'Unknown',
    message: String(x?.debugInfo?.message ?? x?.message ?? e),
    location: typeof x?.debugInfo?.errorLocation === 'string' ? x.debugInfo.errorLocation : '',
  };
}

/** Excel refused a command's batch for a reason other than a wrong password; the workbook was put right. */
export class ExcelRefusedError extends Error {
  constructor(
    readonly failure: ExcelFailure,
    /** What the workbook holds after the repair, in one sentence. */
    state: string,
  ) {
    super(
      `Excel 拒绝了操作${failure.location ? `“${failure.location}”` : ''}（${failure.code}：${failure.message}）。${state}`,
    );
    this.name = 'ExcelRefusedError';
  }
}
