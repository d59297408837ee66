// What the secretariat told the add-in for this session: the workbook's password and who is working. The task
// pane and the ribbon commands are separate webpack entries in one shared runtime, so this lives on globalThis.
// Nothing here is ever written into the workbook, its settings or the browser's storage: the password goes only
// to Excel's protect/unprotect calls and to the expert workbooks exported in this session.

export interface Session {
  password?: string;
  user?: string;
}

const KEY = '__ceeasSession';

function store(): Session {
  const g = globalThis as unknown as Record<string, Session | undefined>;
  return (g[KEY] ??= {});
}

export function session(): Readonly<Session> {
  return { ...store() };
}

export function updateSession(patch: Partial<Session>): void {
  Object.assign(store(), patch);
}

/** Letters and digits that cannot be mistaken for each other when the password is copied by hand. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A new workbook password from the platform's cryptographic random source. */
export function newPassword(length = 12): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  // 256 is not a multiple of the alphabet's size; the slight bias is irrelevant for a sheet-protection password.
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}
