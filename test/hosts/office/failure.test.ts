import { excelFailure, ExcelRefusedError } from '../../../src/hosts/office/failure';

describe('what went wrong inside Excel, in words', () => {
  it('takes the code, the message and the failing call of an Office.js error', () => {
    const e = Object.assign(new Error('AccessDenied: x'), {
      code: 'AccessDenied',
      debugInfo: { message: 'the sheet is protected', errorLocation: 'Range.values' },
    });
    expect(excelFailure(e)).toEqual({
      code: 'AccessDenied',
      message: 'the sheet is protected',
      location: 'Range.values',
    });
    expect(excelFailure('boom')).toEqual({ code: 'Unknown', message: 'boom', location: '' });
  });

  it('says what Excel refused and what the workbook holds, in one sentence for the secretariat', () => {
    const e = new ExcelRefusedError(
      { code: 'GeneralException', message: 'x', location: 'Worksheet.delete' },
      '请再运行一次。',
    );
    expect(e.message).toBe('Excel 拒绝了操作“Worksheet.delete”（GeneralException：x）。请再运行一次。');
  });
});
