import { sha512 } from '@noble/hashes/sha2';
import { randomBytes } from '@noble/hashes/utils';

// Sheet protection with a password as Excel stores it (ECMA-376 Part 1, 18.3.1.85, with the agile hashing of
// Part 4): SHA-512 over a random salt and the UTF-16LE password, then `spinCount` rounds each hashing the previous
// hash with the round number. @noble/hashes runs in Node and in the browser alike.

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The `<sheetProtection>` attributes of a sheet protected with a password. A few thousand rounds rather than
 * Excel's default 100,000 keep a workbook of hundreds of sheets quick to write while the password itself is never
 * stored; one hash serves every sheet of a workbook.
 */
export function passwordProtectionTag(password: string, spinCount = 5000): string {
  const salt = randomBytes(16);
  let hash = sha512(concat(salt, utf16le(password)));
  const round = new Uint8Array(4);
  for (let i = 0; i < spinCount; i++) {
    round[0] = i & 0xff;
    round[1] = (i >>> 8) & 0xff;
    round[2] = (i >>> 16) & 0xff;
    round[3] = (i >>> 24) & 0xff;
    hash = sha512(concat(hash, round));
  }
  return `sheet="1" formatColumns="0" formatRows="0" algorithmName="SHA-512" hashValue="${base64(hash)}" saltValue="${base64(salt)}" spinCount="${spinCount}"`;
}
