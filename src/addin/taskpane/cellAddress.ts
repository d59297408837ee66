const ADDRESS = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/;

/**
 * `Sheet!A1`, `'Sheet name'!$A$1` or `'It''s'!B2:C3` → the sheet name and the range address, or null when the
 * text is not such an address. Findings carry addresses in this form (SPEC 5).
 */
export function splitAddress(address: string): { sheet: string; range: string } | null {
  const m = ADDRESS.exec(address.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, range: m[3].replace(/\$/g, '').toUpperCase() };
}
