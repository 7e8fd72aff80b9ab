import { PART_OF_DAY_RANGES } from '../parts-of-day.js';
import type { Calendar, Wish } from './calendar-model.js';
import { localDayAt, localDayOf, parseClock, wallClockExists, wallClockToInstant, type LocalDay } from './local-days.js';

/** A wish turned into instants. */
export interface ResolvedWish {
  /** The wished local day (today when the caller gave no date). */
  day: LocalDay;
  /** The wished instant when a time was given; alternatives are ranked by distance from `anchor`. */
  exactAt: number | null;
  /** Where the ranking measures from: the wished instant, else the start of the wished window. */
  anchor: number;
  /** Local minutes of the day [from, to) a start must fall in to match the part of day; null = any time. */
  minutes: readonly [number, number] | null;
  /** The wished wall-clock time is skipped by the spring-forward switch. */
  timeDoesNotExist: boolean;
}

/**
 * Reads the local date, time and part of day of a wish in the business zone; null when the
 * date or time is not a real one. An instant (`startsAt`) is taken as is. A time without a date
 * means its next occurrence (today if still ahead, else tomorrow); "earliest" drops the time
 * and anchors at now.
 */
export function resolveWish(calendar: Calendar, wish: Wish, now: number): ResolvedWish | null {
  const zone = calendar.business.timeZone;
  if (wish.startsAt !== undefined && !wish.earliest) {
    if (!Number.isFinite(wish.startsAt)) return null;
    const day = localDayAt(zone, wish.startsAt);
    return { day, exactAt: wish.startsAt, anchor: wish.startsAt, minutes: null, timeDoesNotExist: false };
  }
  const minute = wish.time === undefined || wish.earliest ? null : parseClock(wish.time);
  if (minute === null && wish.time !== undefined && !wish.earliest) return null;
  if (minute !== null && minute >= 24 * 60) return null;

  let day: LocalDay | null = wish.date === undefined ? localDayAt(zone, now) : localDayOf(zone, wish.date);
  if (!day) return null;
  if (wish.date === undefined && minute !== null && wallClockToInstant(day, minute) <= now) day = localDayAt(zone, day.endsAt);

  if (minute !== null) {
    const exactAt = wallClockToInstant(day, minute);
    return { day, exactAt, anchor: exactAt, minutes: null, timeDoesNotExist: !wallClockExists(day, minute) };
  }
  // The hours of a part of day come from the one table the reader of caller German uses too.
  const range = wish.partOfDay ? PART_OF_DAY_RANGES[wish.partOfDay] : null;
  const minutes = range ? ([range.from, range.to] as const) : null;
  const windowStart = wallClockToInstant(day, minutes ? minutes[0] : 0);
  // Without a time every candidate lies after the anchor, so distance order is time order.
  const anchor = wish.earliest && wish.date === undefined ? now : windowStart;
  return { day, exactAt: null, anchor, minutes, timeDoesNotExist: false };
}
