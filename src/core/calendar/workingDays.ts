import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export type DateRange = { from: string; to: string };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Thrown for a date that is not a real YYYY-MM-DD day; the message names the value in Chinese. */
export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

function day(text: string, what: string): dayjs.Dayjs {
  const d = dayjs.utc(text);
  if (!ISO.test(text) || !d.isValid() || d.format('YYYY-MM-DD') !== text) {
    throw new CalendarError(`${what}“${text}”不是有效日期（应为 YYYY-MM-DD）`);
  }
  return d;
}

function expand(ranges: (string | DateRange)[], what: string): Set<string> {
  const out = new Set<string>();
  for (const r of ranges) {
    const { from, to } = typeof r === 'string' ? { from: r, to: r } : r;
    let d = day(from, what);
    const end = day(to, what);
    if (end.isBefore(d)) throw new CalendarError(`${what} ${from}~${to} 的结束日期早于开始日期`);
    for (; !d.isAfter(end); d = d.add(1, 'day')) out.add(d.format('YYYY-MM-DD'));
  }
  return out;
}

/**
 * Working days as Chinese offices count them: Monday to Friday except public holidays, plus the weekend days
 * announced as make-up working days (调休上班).
 */
export class WorkingCalendar {
  private readonly holidays: Set<string>;
  private readonly makeup: Set<string>;

  constructor(holidays: (string | DateRange)[] = [], makeupDays: (string | DateRange)[] = []) {
    this.holidays = expand(holidays, '节假日');
    this.makeup = expand(makeupDays, '调休上班日');
  }

  isWorkingDay(date: string): boolean {
    const d = day(date, '日期');
    if (this.makeup.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const wd = d.day();
    return wd !== 0 && wd !== 6;
  }
}

/**
 * The notice period (9.4.1): it starts on `start`, or on the next working day when `start` is not one, and ends on
 * the day that completes `days` working days.
 */
export function noticePeriod(
  start: string,
  days: number,
  holidays: (string | DateRange)[] = [],
  makeupDays: (string | DateRange)[] = [],
): { first: string; last: string } {
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw new CalendarError(`公示工作日数“${days}”应为 1~366 之间的整数`);
  const cal = new WorkingCalendar(holidays, makeupDays);
  let d = day(start, '公示开始日');
  let first: string | null = null;
  let counted = 0;
  for (let guard = 0; guard < 3660; guard++, d = d.add(1, 'day')) {
    const text = d.format('YYYY-MM-DD');
    if (!cal.isWorkingDay(text)) continue;
    if (first === null) first = text;
    counted++;
    if (counted === days) return { first, last: text };
  }
  throw new CalendarError('节假日表中十年内找不到足够的工作日，请检查节假日表');
}
