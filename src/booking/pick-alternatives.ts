import type { Calendar, Slot } from './calendar-model.js';
import { bookableWindow } from './build-availability.js';
import { findOpenSlots } from './find-open-slots.js';
import { findClosedDay } from './find-closed-day.js';
import { addLocalDays, localDayAt, localDaysCovering, minuteOfDayAt, wallClockExists, wallClockToInstant, type LocalDay } from './local-days.js';
import type { ResolvedWish } from './resolve-wish.js';
import { chooseLeastLoaded, type LoadMeter } from './staff-load.js';

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 24 * 60 * MINUTE_MS;
/** Offered times closer than this are near-duplicates to a caller ("9:00, 9:15 or 9:30?"). */
const SPREAD_MS = 30 * MINUTE_MS;
/** How many days either side of a closed day are searched for the wished clock time. */
const NEAR_DAYS = 7;

export interface AlternativeQuery {
  serviceId: string;
  /** Undefined = "egal": one slot per start time, given to the least booked staff member. */
  staffId?: string;
  wish: ResolvedWish;
  /** Without a wished time: prefer offers at least 30 minutes apart. */
  spread: boolean;
  limit: number;
  now: number;
  /** The wished day is one the business is closed: the wished time on the open days around it comes first. */
  closedDay?: boolean;
}

/** Ranking: distance from the anchor, then the earlier start, then staff id. */
function byDistance(anchor: number): (a: Slot, b: Slot) => number {
  return (a, b) =>
    Math.abs(a.startsAt - anchor) - Math.abs(b.startsAt - anchor) || a.startsAt - b.startsAt || (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0);
}

/**
 * Candidate slots in search order: the wished day, then the following days in growing
 * chunks up to the horizon, then the days before the wish back to now. The chunks stay lazy
 * so a busy week costs one or two scans, not a scan of the whole horizon.
 */
function* searchTiers(calendar: Calendar, q: AlternativeQuery): Generator<{ slots: Slot[]; days: LocalDay[] }> {
  const bookable = bookableWindow(calendar.business, q.now);
  const scan = (from: number, to: number) => ({
    slots: findOpenSlots(calendar, { serviceId: q.serviceId, staffId: q.staffId, from, to, now: q.now }),
    days: localDaysCovering(calendar.business.timeZone, from, to),
  });
  const { day } = q.wish;
  if (day.startsAt < bookable.endsAt && day.endsAt > bookable.startsAt) yield scan(day.startsAt, day.endsAt);
  let span = WEEK_MS;
  for (let from = Math.max(day.endsAt, bookable.startsAt); from < bookable.endsAt; span *= 2) {
    const to = Math.min(bookable.endsAt, from + span);
    yield scan(from, to);
    from = to;
  }
  span = WEEK_MS;
  for (let to = Math.min(day.startsAt, bookable.endsAt); to > bookable.startsAt; span *= 2) {
    const from = Math.max(bookable.startsAt, to - span);
    yield scan(from, to);
    to = from;
  }
}

/** Keeps one slot per start time (the least booked staff member's), dropping starts outside the part of day. */
function narrow(slots: Slot[], days: LocalDay[], q: AlternativeQuery, load: LoadMeter, usePartOfDay: boolean): Slot[] {
  const kept: Slot[] = [];
  let d = 0;
  for (let i = 0; i < slots.length;) {
    let j = i + 1;
    while (j < slots.length && slots[j]!.startsAt === slots[i]!.startsAt) j++;
    const start = slots[i]!.startsAt;
    while (d < days.length - 1 && days[d]!.endsAt <= start) d++;
    const day = days[d]!;
    const minute = minuteOfDayAt(day, start);
    const window = q.wish.minutes;
    if (!usePartOfDay || !window || (minute >= window[0] && minute < window[1])) {
      const group = slots.slice(i, j);
      if (q.staffId === undefined) kept.push(chooseLeastLoaded(group, day, load));
      else kept.push(...group);
    }
    i = j;
  }
  return kept;
}

/**
 * A short list of open slots for a wish that cannot be granted as asked, ranked by distance
 * from the wish. The wished day is used up first, then later days, then earlier ones; with
 * a part of day the matching hours are tried on every day before other hours are offered.
 * Without a wished time the picks are spread at least 30 minutes apart where the day allows.
 * On a day the business is closed, the wished time on the nearest open days comes first (see
 * `pickAroundClosedDay`). Empty only when nothing at all is open within the horizon.
 */
export function pickAlternatives(calendar: Calendar, q: AlternativeQuery, load: LoadMeter): Slot[] {
  const first = q.closedDay && q.wish.exactAt !== null ? pickAroundClosedDay(calendar, q, q.wish.exactAt, load) : [];
  if (first.length >= q.limit) return first;
  return [...first, ...pickNearest(calendar, { ...q, limit: q.limit - first.length }, load, new Set(first.map(keyOf)))];
}

const keyOf = (s: Slot) => `${s.staffId}|${s.startsAt}`;

/** The regular search: nearest to the wish's anchor, tier by tier, leaving out what is already `taken`. */
function pickNearest(calendar: Calendar, q: AlternativeQuery, load: LoadMeter, taken: Set<string>): Slot[] {
  const picked: Slot[] = [];
  const rank = byDistance(q.wish.anchor);
  const passes = q.wish.minutes ? [true, false] : [false];
  for (const usePartOfDay of passes) {
    for (const tier of searchTiers(calendar, q)) {
      const candidates = narrow(tier.slots, tier.days, q, load, usePartOfDay)
        .filter((s) => !taken.has(keyOf(s)))
        .sort(rank);
      const rounds = q.spread ? [true, false] : [false];
      for (const spreadOut of rounds) {
        for (const slot of candidates) {
          if (picked.length >= q.limit) break;
          const key = keyOf(slot);
          if (taken.has(key)) continue;
          if (spreadOut && picked.some((p) => Math.abs(p.startsAt - slot.startsAt) < SPREAD_MS)) continue;
          picked.push(slot);
          taken.add(key);
        }
      }
      if (picked.length >= q.limit) return picked.sort(rank);
    }
  }
  return picked.sort(rank);
}

/**
 * A caller who names a time on a day the business is closed ("Sonntag um elf") wants that time on another day far
 * more than the first hour of the next open one: Saturday at eleven, or Tuesday at eleven. So the wished clock time
 * comes first on the open days around the wish: the nearest one before and the nearest one after (the nearer of
 * the two first, the earlier on a tie); then the times nearest the wished one on those two days; then the wished
 * time on the other days of the week either side, by distance. The regular search fills whatever is still missing.
 */
function pickAroundClosedDay(calendar: Calendar, q: AlternativeQuery, exactAt: number, load: LoadMeter): Slot[] {
  const zone = calendar.business.timeZone;
  const minute = minuteOfDayAt(q.wish.day, exactAt);
  const bookable = bookableWindow(calendar.business, q.now);
  const open: Array<{ day: LocalDay; offset: number }> = [];
  for (let k = 1; k <= NEAR_DAYS; k++) {
    for (const offset of [-k, k]) {
      const day = localDayAt(zone, addLocalDays(zone, q.wish.day.startsAt, offset));
      if (day.endsAt <= bookable.startsAt || day.startsAt >= bookable.endsAt || findClosedDay(calendar, day)) continue;
      open.push({ day, offset });
    }
  }
  const nearest = [open.find((d) => d.offset < 0), open.find((d) => d.offset > 0)]
    .filter((d) => d !== undefined)
    .sort((a, b) => Math.abs(a.offset) - Math.abs(b.offset) || a.offset - b.offset);

  const picked: Slot[] = [];
  const add = (slot: Slot) => {
    if (picked.length < q.limit && !picked.some((p) => keyOf(p) === keyOf(slot))) picked.push(slot);
  };
  const openAt = (day: LocalDay, from: number, to: number) =>
    narrow(findOpenSlots(calendar, { serviceId: q.serviceId, staffId: q.staffId, from, to, now: q.now }), [day], q, load, false);

  const sameTime = (days: typeof open) => {
    for (const { day } of days) {
      if (picked.length >= q.limit) break;
      if (!wallClockExists(day, minute)) continue;
      const at = wallClockToInstant(day, minute);
      for (const slot of openAt(day, at, at + 1)) add(slot);
    }
  };
  sameTime(nearest);
  const nearby = nearest.flatMap(({ day }, rank) =>
    openAt(day, day.startsAt, day.endsAt).map((slot) => ({ slot, rank, off: Math.abs(minuteOfDayAt(day, slot.startsAt) - minute) })),
  );
  nearby.sort(
    (a, b) =>
      a.off - b.off || a.rank - b.rank || a.slot.startsAt - b.slot.startsAt || (a.slot.staffId < b.slot.staffId ? -1 : a.slot.staffId > b.slot.staffId ? 1 : 0),
  );
  for (const { slot } of nearby) add(slot);
  // Both nearest days full: the wished time later in the week still beats the regular search's first free hour.
  sameTime(open.filter((d) => !nearest.includes(d)));
  return picked;
}
