import { CalendarError, noticePeriod, WorkingCalendar } from '../../../src/core/calendar/workingDays';

describe('noticePeriod', () => {
  it('counts seven working days across the National Day holiday and its make-up Saturday', () => {
    // 2026-09-28 is a Monday; 10-01..10-07 are holidays, Saturday 10-10 is a make-up working day.
    const p = noticePeriod('2026-09-28', 7, [{ from: '2026-10-01', to: '2026-10-07' }], ['2026-10-10']);
    expect(p).toEqual({ first: '2026-09-28', last: '2026-10-12' });
    const q = noticePeriod('2026-10-08', 3, [{ from: '2026-10-01', to: '2026-10-07' }], ['2026-10-10']);
    expect(q).toEqual({ first: '2026-10-08', last: '2026-10-10' });
  });

  it('starts on the next working day when the start is a weekend or a holiday', () => {
    expect(noticePeriod('2026-11-28', 7)).toEqual({ first: '2026-11-30', last: '2026-12-08' });
    expect(noticePeriod('2027-01-01', 1, [{ from: '2027-01-01', to: '2027-01-03' }])).toEqual({
      first: '2027-01-04',
      last: '2027-01-04',
    });
  });

  it('never counts a weekend, and a make-up day only when listed', () => {
    const cal = new WorkingCalendar([], ['2026-10-10']);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay('2026-10-12')).toBe(true);
  });

  it('refuses dates that do not exist, naming them', () => {
    expect(() => noticePeriod('2026-02-30', 7)).toThrow(CalendarError);
    expect(() => noticePeriod('2026-02-30', 7)).toThrow('2026-02-30');
    expect(() => noticePeriod('2026-03-01', 7, [{ from: '2026-03-05', to: '2026-03-01' }])).toThrow('早于');
  });
});
