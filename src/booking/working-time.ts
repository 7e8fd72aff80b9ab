import type { Interval, WeeklyHours } from './calendar-model.js';
import { mergeIntervals } from './intervals.js';
import { localDaysCovering, parseClock, wallClockToInstant, type LocalDay } from './local-days.js';

/**
 * Turns weekly wall-clock hours into instants for the given local days. Each "HH:MM" is
 * resolved on its own day's offsets, so 09:00–18:00 stays 09:00–18:00 local across DST
 * (08:00Z–17:00Z in winter, 07:00Z–16:00Z in summer) and a night range 00:00–06:00 lasts
 * 5 real hours on the spring-forward day and 7 on the autumn one. Touching ranges merge,
 * so 22:00–24:00 and the next day's 00:00–06:00 form one continuous shift.
 */
export function hoursOnDays(hours: WeeklyHours, days: readonly LocalDay[]): Interval[] {
  const ranges: Interval[] = [];
  for (const day of days) {
    for (const range of hours[`${day.weekday}`] ?? []) {
      const start = parseClock(range.start);
      const end = parseClock(range.end);
      if (start === null || end === null || end <= start) continue; // malformed ranges never open time
      ranges.push({ startsAt: wallClockToInstant(day, start), endsAt: wallClockToInstant(day, end) });
    }
  }
  return mergeIntervals(ranges);
}

/**
 * The working intervals of weekly `hours` that overlap [range.startsAt, range.endsAt),
 * computed in `timeZone` and clipped to the range. Sorted, merged, epoch ms.
 */
export function workingIntervals(hours: WeeklyHours, timeZone: string, range: Interval): Interval[] {
  const days = localDaysCovering(timeZone, range.startsAt, range.endsAt);
  return hoursOnDays(hours, days)
    .map((i) => ({ startsAt: Math.max(i.startsAt, range.startsAt), endsAt: Math.min(i.endsAt, range.endsAt) }))
    .filter((i) => i.endsAt > i.startsAt);
}
