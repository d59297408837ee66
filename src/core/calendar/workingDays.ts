import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

// Calendar arithmetic in UTC on 'YYYY-MM-DD' strings: a notice period is a list of calendar days, and local time
// zones (or daylight saving on a user's machine) must never shift a day.
dayjs.extend(utc);

export type DateRange = { from: string; to: string };

/** 9.4.1: 公示期一般不少于7个工作日. Callers that set a notice period enforce it; the arithmetic accepts any count. */
export const MIN_NOTICE_WORKING_DAYS = 7;

/** A holiday or make-up range longer than this is a typing error (a wrong year), not a real closure. */
const MAX_RANGE_DAYS = 366;
/** Ten years of days: more than any notice period needs, so a calendar that blocks every day fails cleanly. */
const MAX_SEARCH_DAYS = 3660;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Thrown for a date that is not a real YYYY-MM-DD day; the message names the value in Chinese. */
export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

function day(text: unknown, what: string): dayjs.Dayjs {
  if (typeof text !== 'string' || !ISO.test(text)) {
    throw new CalendarError(`${what}“${String(text)}”不是有效日期（应为 YYYY-MM-DD）`);
  }
  const d = dayjs.utc(text);
  // dayjs rolls 2026-02-30 over to March; a round trip catches days that do not exist.
  if (!d.isValid() || d.format('YYYY-MM-DD') !== text) {
    throw new CalendarError(`${what}“${text}”不是有效日期（该日不存在）`);
  }
  return d;
}

function expand(ranges: readonly (string | DateRange)[], what: string): Set<string> {
  if (!Array.isArray(ranges)) throw new CalendarError(`${what}应为日期列表`);
  const out = new Set<string>();
  for (const r of ranges) {
    const { from, to } = typeof r === 'string' ? { from: r, to: r } : (r ?? ({} as Partial<DateRange>));
    let d = day(from, what);
    const end = day(to ?? from, what);
    if (end.isBefore(d)) throw new CalendarError(`${what} ${from}~${to} 的结束日期早于开始日期`);
    if (end.diff(d, 'day') >= MAX_RANGE_DAYS) {
      throw new CalendarError(`${what} ${from}~${to} 超过 ${MAX_RANGE_DAYS} 天，请检查年份`);
    }
    for (; !d.isAfter(end); d = d.add(1, 'day')) out.add(d.format('YYYY-MM-DD'));
  }
  return out;
}

/**
 * Working days as Chinese offices count them: Monday to Friday except public holidays, plus the weekend days
 * announced as make-up working days (调休上班). A day listed as both counts as a working day: the make-up notice is
 * the more specific announcement.
 */
export class WorkingCalendar {
  private readonly holidays: Set<string>;
  private readonly makeup: Set<string>;

  constructor(holidays: readonly (string | DateRange)[] = [], makeupDays: readonly (string | DateRange)[] = []) {
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
  holidays: readonly (string | DateRange)[] = [],
  makeupDays: readonly (string | DateRange)[] = [],
): { first: string; last: string } {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366) {
    throw new CalendarError(`公示工作日数“${String(days)}”应为 1~366 之间的整数`);
  }
  let d = day(start, '公示开始日');
  const cal = new WorkingCalendar(holidays, makeupDays);
  let first: string | null = null;
  let counted = 0;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++, d = d.add(1, 'day')) {
    const text = d.format('YYYY-MM-DD');
    if (!cal.isWorkingDay(text)) continue;
    if (first === null) first = text;
    counted++;
    if (counted === days) return { first, last: text };
  }
  throw new CalendarError('节假日表中十年内找不到足够的工作日，请检查节假日表');
}
