import { createHash, randomBytes } from 'node:crypto';

/**
 * The `<sheetProtection>` attributes of a sheet protected with a password, hashed as Excel does (SHA-512 over a
 * random salt and the UTF-16 password, then `spinCount` rounds each adding the round number). A few thousand rounds
 * rather than Excel's default 100,000 keep a workbook of hundreds of sheets quick to write (the ExcelJS host uses
 * the same count); one hash serves every sheet of a workbook.
 */
export function passwordProtectionTag(password: string, spinCount = 5000): string {
  const salt = randomBytes(16);
  let hash = createHash('sha512').update(salt).update(Buffer.from(password, 'utf16le')).digest();
  const round = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    round.writeUInt32LE(i, 0);
    hash = createHash('sha512').update(hash).update(round).digest();
  }
  return `sheet="1" formatColumns="0" formatRows="0" algorithmName="SHA-512" hashValue="${hash.toString('base64')}" saltValue="${salt.toString('base64')}" spinCount="${spinCount}"`;
}
