import { passwordProtectionTag } from '../../../src/hosts/xlsx/sheetPassword';

// ExcelJS's own implementation of Excel's password hash, as the reference.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Encryptor = require('exceljs/lib/utils/encryptor') as {
  convertPasswordToHash(password: string, algorithm: string, salt: string, spinCount: number): string;
};

describe('sheet password hash', () => {
  it('is the hash Excel checks: SHA-512 over salt and password, spun', () => {
    const tag = passwordProtectionTag('pw-密码-123', 50);
    const salt = /saltValue="([^"]+)"/.exec(tag)![1];
    const hash = /hashValue="([^"]+)"/.exec(tag)![1];
    expect(hash).toBe(Encryptor.convertPasswordToHash('pw-密码-123', 'SHA512', salt, 50));
    expect(tag).toContain('sheet="1"');
    expect(tag).toContain('spinCount="50"');
    expect(tag).not.toContain('pw-');
  });
});
