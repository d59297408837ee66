import type { ReadValue } from '../model';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** A date cell as YYYY-MM-DD: Excel serial numbers (Office.js), ISO text (ExcelJS), or 2026/5/6-style text. */
export function isoDateOf(value: ReadValue): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 2958466) {
    return new Date(EXCEL_EPOCH + Math.floor(value) * DAY).toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return back.toISOString().slice(0, 10);
}
