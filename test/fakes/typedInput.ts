// What Excel makes of a string written into a cell through range.values or range.formulas: the same as what a
// person typing it would get, parsed the en-US way whatever the user's locale (office-js#1559: "the APIs use USA
// locale by default"; office-js#229: "2018-12-31" written through values becomes a date formatted m/d/yyyy; the
// Range.values reference: ISO dates are stored as dates, a value starting with + - = is taken for a formula).
// A cell formatted as text ("@") keeps the string as it is; see test/fakes/README.md for the sources.
//
// This is a model of the parts of Excel's input parsing that can change what the add-in reads back, not all of it:
// numbers (leading zeros dropped, thousands separators, exponents, 15 significant digits), percentages, currency,
// fractions ("1 1/2"), booleans, times and the date shapes en-US Excel recognises.

/** What a typed string becomes: a number or boolean, and the number format Excel gives a General cell for it. */
export interface Typed {
  value: number | boolean;
  format?: string;
}

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Excel's serial number of a date (the 1900 date system; dates after February 1900, where it is exact). */
export function dateSerial(year: number, month: number, day: number): number | null {
  const t = Date.UTC(year, month - 1, day);
  const back = new Date(t);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return (t - EPOCH) / DAY;
}

function monthOf(name: string): number | null {
  // A month is its three letters or its full English name, nothing in between ("Janu" is text).
  const k = name.toLowerCase();
  const i = MONTHS.findIndex((m) => m === k || m.slice(0, 3) === k);
  return i < 0 ? null : i + 1;
}

/** Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
const fullYear = (y: string): number =>
  y.length === 4 ? Number(y) : Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y);

/**
 * Excel keeps 15 significant digits and "changes any digits past the fifteenth place to zeros" (Microsoft KB 269370):
 * the digits are cut, not rounded, so an 18-digit identity number typed in ends in 000. `digits` is the typed number
 * without its thousands separators; the result is the same text with every significant digit after the 15th a zero.
 */
function fifteenDigits(digits: string): string {
  let significant = 0;
  let out = '';
  for (const ch of digits) {
    if (ch < '0' || ch > '9') out += ch;
    else {
      if (significant > 0 || ch !== '0') significant++;
      out += significant > 15 ? '0' : ch;
    }
  }
  return out;
}

/** A value kept to 15 significant digits (what is left of binary noise after a percentage's division). */
const fifteen = (v: number): number => Number(v.toPrecision(15));

function time(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?:\s*([ap])\.?m?\.?)?$/i.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec >= 60) return null;
  return (h * 3600 + min * 60 + sec) / 86400;
}

function date(s: string, year: number): Typed | null {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (m) {
    const v = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    return v === null ? null : { value: v, format: 'm/d/yyyy' };
  }
  // "2026-01": a month of a year, shown as Jan-26.
  m = /^(\d{4})[-/](\d{1,2})$/.exec(s);
  if (m) {
    const v = dateSerial(Number(m[1]), Number(m[2]), 1);
    return v === null ? null : { value: v, format: 'mmm-yy' };
  }
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const v = dateSerial(fullYear(m[3]), Number(m[1]), Number(m[2]));
    return v === null ? null : { value: v, format: 'm/d/yyyy' };
  }
  m = /^(\d{1,2})[-/](\d{4})$/.exec(s);
  if (m) {
    const v = dateSerial(Number(m[2]), Number(m[1]), 1);
    return v === null ? null : { value: v, format: 'mmm-yy' };
  }
  // "1/2" is the 2nd of January this year; "2/30" cannot be a day, so it is February 1930.
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (m) {
    const day = dateSerial(year, Number(m[1]), Number(m[2]));
    if (day !== null) return { value: day, format: 'd-mmm' };
    const month = dateSerial(fullYear(m[2].padStart(2, '0')), Number(m[1]), 1);
    return month === null ? null : { value: month, format: 'mmm-yy' };
  }
  m = /^(\d{1,2})[- ]([a-z]{3,9})(?:[- ](\d{2}|\d{4}))?$/i.exec(s);
  if (m) {
    const mo = monthOf(m[2]);
    const v = mo === null ? null : dateSerial(m[3] ? fullYear(m[3]) : year, mo, Number(m[1]));
    return v === null ? null : { value: v, format: m[3] ? 'd-mmm-yy' : 'd-mmm' };
  }
  m = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i.exec(s);
  if (m) {
    const mo = monthOf(m[1]);
    const v = mo === null ? null : dateSerial(Number(m[3]), mo, Number(m[2]));
    return v === null ? null : { value: v, format: 'd-mmm-yy' };
  }
  m = /^([a-z]{3,9})[- ](\d{4})$/i.exec(s);
  if (m) {
    const mo = monthOf(m[1]);
    const v = mo === null ? null : dateSerial(Number(m[2]), mo, 1);
    return v === null ? null : { value: v, format: 'mmm-yy' };
  }
  return null;
}

/**
 * The value Excel stores for `text` typed (or written through the API) into a cell that is not formatted as text,
 * or null when it stays text. `year` is the current year, which "1/2" takes.
 */
export function typedValue(text: string, year: number): Typed | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  const n = /^([+-])?(\$)?(\()?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(\))?(%)?$/.exec(s);
  // "(5)" is -5, as accountants write it; "(5" is text.
  if (n && Boolean(n[3]) === Boolean(n[6]) && !(n[3] && n[1])) {
    let v = Number(fifteenDigits(n[4].replace(/,/g, '')) + (n[5] ? `e${n[5]}` : ''));
    if (!Number.isFinite(v)) return null;
    if (n[1] === '-' || n[3]) v = -v;
    if (n[7]) v /= 100;
    const decimals = n[4].includes('.') ? n[4].split('.')[1].length : 0;
    const format = n[7]
      ? decimals > 0
        ? `0.${'0'.repeat(decimals)}%`
        : '0%'
      : n[2]
        ? '$#,##0.00'
        : n[5]
          ? '0.00E+00'
          : n[4].includes(',')
            ? '#,##0'
            : undefined;
    return { value: fifteen(v === 0 ? 0 : v), ...(format ? { format } : {}) };
  }
  const f = /^([+-])?(\d+) (\d+)\/(\d+)$/.exec(s);
  if (f && Number(f[4]) > 0) {
    const v = Number(f[2]) + Number(f[3]) / Number(f[4]);
    return { value: f[1] === '-' ? -v : v, format: '# ?/?' };
  }
  const t = time(s);
  if (t !== null)
    return { value: t, format: /[ap]/i.test(s) ? 'h:mm AM/PM' : s.split(':').length > 2 ? 'h:mm:ss' : 'h:mm' };
  const d = date(s, year);
  if (d) return d;
  // A date and a time: "2026-01-05 09:30".
  const dt = /^(\S+)\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)$/i.exec(s);
  if (dt) {
    const day = date(dt[1], year);
    const at = time(dt[2]);
    if (day && at !== null) return { value: (day.value as number) + at, format: 'm/d/yyyy h:mm' };
  }
  return null;
}
