import { createHash } from 'node:crypto';
import { passwordProtectionTag } from '../../../../src/hosts/xlsx/package/sheetPassword';

/** Excel's password hash (ECMA-376 Part 1, 18.3.1.85; Part 4, 2.3.4.7) computed with Node's own SHA-512. */
function excelHash(password: string, saltBase64: string, spinCount: number): string {
  let hash = createHash('sha512')
    .update(Buffer.from(saltBase64, 'base64'))
    .update(Buffer.from(password, 'utf16le'))
    .digest();
  const round = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    round.writeUInt32LE(i, 0);
    hash = createHash('sha512').update(hash).update(round).digest();
  }
  return hash.toString('base64');
}

describe('sheet password hash', () => {
  it('is the hash Excel checks: SHA-512 over salt and password, spun', () => {
    const tag = passwordProtectionTag('pw-密码-123', 50);
    const salt = /saltValue="([^"]+)"/.exec(tag)![1];
    const hash = /hashValue="([^"]+)"/.exec(tag)![1];
    expect(hash).toBe(excelHash('pw-密码-123', salt, 50));
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(tag).toContain('sheet="1"');
    expect(tag).toContain('spinCount="50"');
    expect(tag).not.toContain('pw-');
  });

  it('draws a new salt each time', () => {
    expect(passwordProtectionTag('x', 1)).not.toBe(passwordProtectionTag('x', 1));
  });
});
