import type { Calendar, ClosedDay } from './calendar-model.js';
import { publicHolidayName } from './holidays.js';
import { mergeIntervals, subtractIntervals } from './intervals.js';
import type { LocalDay } from './local-days.js';
import { hoursOnDays } from './working-time.js';

/**
 * Why the business is closed all of `day`, or null when it opens at some hour of it. The weekly day off comes
 * first (it is true every week, and what a caller should remember), then a public holiday, then closures that
 * together cover every opening hour; a closure says the reason of the first one that gives one.
 */
export function findClosedDay(calendar: Calendar, day: LocalDay): ClosedDay | null {
  const { business } = calendar;
  const hours = hoursOnDays(business.openingHours, [day]);
  const at = { date: day.date, weekday: day.weekday };
  if (hours.length === 0) return { cause: 'weekday', ...at };
  const holiday = publicHolidayName(business.holidayRegion, day.date);
  if (holiday) return { cause: 'holiday', ...at, name: holiday };
  const touching = business.closures.filter((c) => c.startsAt < day.endsAt && c.endsAt > day.startsAt);
  if (touching.length === 0 || subtractIntervals(hours, mergeIntervals(touching)).length > 0) return null;
  const reason = touching.find((c) => c.reason && c.reason.trim() !== '')?.reason?.trim() ?? null;
  return { cause: 'closure', ...at, reason };
}
