import fc from 'fast-check';
import {
  CalendarError,
  MIN_NOTICE_WORKING_DAYS,
  noticePeriod,
  WorkingCalendar,
} from '../../../src/core/calendar/workingDays';

// The 2026 public holidays and make-up working days as the State Council announced them.
const HOLIDAYS_2026 = [
  { from: '2026-01-01', to: '2026-01-03' },
  { from: '2026-02-15', to: '2026-02-23' },
  { from: '2026-04-04', to: '2026-04-06' },
  { from: '2026-05-01', to: '2026-05-05' },
  { from: '2026-06-19', to: '2026-06-21' },
  { from: '2026-09-25', to: '2026-09-27' },
  { from: '2026-10-01', to: '2026-10-07' },
];
const MAKEUP_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

describe('noticePeriod', () => {
  it('counts seven working days across the National Day holiday and its make-up Saturday', () => {
    // 2026-09-28 is a Monday; 10-01..10-07 are holidays, Saturday 10-10 is a make-up working day.
    const p = noticePeriod('2026-09-28', 7, [{ from: '2026-10-01', to: '2026-10-07' }], ['2026-10-10']);
    expect(p).toEqual({ first: '2026-09-28', last: '2026-10-12' });
    const q = noticePeriod('2026-10-08', 3, [{ from: '2026-10-01', to: '2026-10-07' }], ['2026-10-10']);
    expect(q).toEqual({ first: '2026-10-08', last: '2026-10-10' });
  });

  it('counts the make-up Sunday before National Day and skips Mid-Autumn', () => {
    // Fri 09-18, Sun 09-20 (make-up), Mon–Thu 09-21..24; 09-25..27 Mid-Autumn; Mon 09-28 completes seven.
    expect(noticePeriod('2026-09-18', 7, HOLIDAYS_2026, MAKEUP_2026)).toEqual({
      first: '2026-09-18',
      last: '2026-09-28',
    });
    // Starting on a holiday: the period opens on the first working day after the week off.
    expect(noticePeriod('2026-10-01', 7, HOLIDAYS_2026, MAKEUP_2026)).toEqual({
      first: '2026-10-08',
      last: '2026-10-15',
    });
  });

  it('counts across the Spring Festival, with and without its make-up Saturday', () => {
    // Wed 02-11, Thu, Fri, Sat 02-14 (make-up); 02-15..23 off; Tue 02-24, Wed, Thu 02-26.
    expect(noticePeriod('2026-02-11', 7, HOLIDAYS_2026, MAKEUP_2026)).toEqual({
      first: '2026-02-11',
      last: '2026-02-26',
    });
    expect(noticePeriod('2026-02-11', 7, HOLIDAYS_2026, [])).toEqual({ first: '2026-02-11', last: '2026-02-27' });
  });

  it('crosses a year end with the New Year holiday and its make-up Sunday', () => {
    expect(noticePeriod('2025-12-29', 7, HOLIDAYS_2026, MAKEUP_2026)).toEqual({
      first: '2025-12-29',
      last: '2026-01-07',
    });
  });

  it('starts on the next working day when the start is a weekend or a holiday', () => {
    expect(noticePeriod('2026-03-07', 7)).toEqual({ first: '2026-03-09', last: '2026-03-17' });
    expect(noticePeriod('2026-11-28', 7)).toEqual({ first: '2026-11-30', last: '2026-12-08' });
    expect(noticePeriod('2027-01-01', 1, [{ from: '2027-01-01', to: '2027-01-03' }])).toEqual({
      first: '2027-01-04',
      last: '2027-01-04',
    });
  });

  it('treats single days and one-day ranges alike, in any mix', () => {
    const asRanges = noticePeriod(
      '2026-09-28',
      7,
      [{ from: '2026-10-01', to: '2026-10-07' }],
      [{ from: '2026-10-10', to: '2026-10-10' }],
    );
    const asDays = noticePeriod(
      '2026-09-28',
      7,
      ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      ['2026-10-10'],
    );
    expect(asDays).toEqual(asRanges);
  });

  it('never counts a weekend, and a make-up day only when listed', () => {
    const cal = new WorkingCalendar([], ['2026-10-10']);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay('2026-10-12')).toBe(true);
    // A make-up announcement beats a holiday range that happens to cover it.
    expect(
      new WorkingCalendar([{ from: '2026-10-01', to: '2026-10-11' }], ['2026-10-10']).isWorkingDay('2026-10-10'),
    ).toBe(true);
  });

  it('agrees with a plain day-by-day count', () => {
    const dayMs = 86400000;
    const holidaySet = new Set<string>();
    for (const r of HOLIDAYS_2026) {
      for (let t = Date.parse(r.from); t <= Date.parse(r.to); t += dayMs) holidaySet.add(iso(t));
    }
    const working = (t: number): boolean =>
      MAKEUP_2026.includes(iso(t)) || (!holidaySet.has(iso(t)) && ![0, 6].includes(new Date(t).getUTCDay()));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 330 }), fc.integer({ min: 1, max: 20 }), (offset, days) => {
        const start = Date.parse('2026-01-01') + offset * dayMs;
        const { first, last } = noticePeriod(iso(start), days, HOLIDAYS_2026, MAKEUP_2026);
        let firstExpected = start;
        while (!working(firstExpected)) firstExpected += dayMs;
        let n = 0;
        for (let t = Date.parse(first); t <= Date.parse(last); t += dayMs) if (working(t)) n++;
        return first === iso(firstExpected) && working(Date.parse(last)) && n === days;
      }),
    );
  });

  it('keeps the standard minimum of seven working days as a constant', () => {
    expect(MIN_NOTICE_WORKING_DAYS).toBe(7);
  });

  it('refuses dates that do not exist, naming them', () => {
    expect(() => noticePeriod('2026-02-30', 7)).toThrow(CalendarError);
    expect(() => noticePeriod('2026-02-30', 7)).toThrow('2026-02-30');
    expect(() => noticePeriod('2026-02-29', 7)).toThrow('2026-02-29');
    expect(noticePeriod('2028-02-29', 1)).toEqual({ first: '2028-02-29', last: '2028-02-29' });
    expect(() => noticePeriod('2026/10/01', 7)).toThrow('2026/10/01');
    expect(() => noticePeriod('2026-10-01', 7, ['2026-13-01'])).toThrow('节假日“2026-13-01”');
    expect(() => noticePeriod('2026-10-01', 7, [], ['10-10'])).toThrow('调休上班日“10-10”');
  });

  it('refuses ranges that end before they start or span more than a year', () => {
    expect(() => noticePeriod('2026-03-01', 7, [{ from: '2026-03-05', to: '2026-03-01' }])).toThrow('早于');
    expect(() => noticePeriod('2026-03-01', 7, [{ from: '2026-01-01', to: '2027-12-31' }])).toThrow('超过');
  });

  it('refuses a day count that is not a positive whole number', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 400]) {
      expect(() => noticePeriod('2026-03-02', bad)).toThrow(CalendarError);
    }
    expect(() => noticePeriod('2026-03-02', '7' as unknown as number)).toThrow('公示工作日数“7”');
  });

  it('fails plainly when the calendar leaves no working day', () => {
    const everyDay = Array.from({ length: 11 }, (_, i) => ({ from: `${2026 + i}-01-01`, to: `${2026 + i}-12-31` }));
    expect(() => noticePeriod('2026-01-01', 1, everyDay)).toThrow('找不到足够的工作日');
  });
});

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
