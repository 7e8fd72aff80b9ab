import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, formatDay, formatMinutes, fromDayNumber, isoWeekday, mondayOf, toDayNumber } from './calendar.js';

describe('calendar arithmetic', () => {
  it('numbers days from 1970-01-01, a Thursday', () => {
    expect(toDayNumber(1970, 1, 1)).toBe(0);
    expect(isoWeekday(0)).toBe(4);
    expect(formatDay(toDayNumber(2026, 11, 19))).toBe('2026-11-19');
    expect(isoWeekday(toDayNumber(2026, 11, 19))).toBe(4);
    expect(isoWeekday(toDayNumber(1969, 12, 29))).toBe(1);
  });

  it('round-trips every civil date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const { y, m, d } = fromDayNumber(n);
        expect(toDayNumber(y, m, d)).toBe(n);
        expect(d).toBeLessThanOrEqual(daysInMonth(y, m));
      }),
    );
  });

  it('finds the Monday of the ISO week', () => {
    expect(formatDay(mondayOf(toDayNumber(2026, 11, 19)))).toBe('2026-11-16');
    expect(formatDay(mondayOf(toDayNumber(2026, 11, 22)))).toBe('2026-11-16');
    expect(formatDay(mondayOf(toDayNumber(2026, 11, 23)))).toBe('2026-11-23');
  });

  it('clamps the day when adding months', () => {
    expect(formatDay(addMonths(toDayNumber(2027, 1, 31), 1))).toBe('2027-02-28');
    expect(formatDay(addMonths(toDayNumber(2028, 1, 31), 1))).toBe('2028-02-29');
    expect(formatDay(addMonths(toDayNumber(2026, 11, 19), 2))).toBe('2027-01-19');
  });

  it('formats minutes as HH:MM', () => {
    expect(formatMinutes(0)).toBe('00:00');
    expect(formatMinutes(14 * 60 + 5)).toBe('14:05');
  });
});
