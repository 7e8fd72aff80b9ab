import type { Calendar, Slot, Wish, WishAnswer, WishFailureReason } from './calendar-model.js';
import { performersOf } from './build-availability.js';
import { diagnoseWish } from './diagnose-wish.js';
import { findClosedDay } from './find-closed-day.js';
import { findOpenSlots } from './find-open-slots.js';
import { localDayAt, minuteOfDayAt } from './local-days.js';
import { pickAlternatives } from './pick-alternatives.js';
import { resolveWish, type ResolvedWish } from './resolve-wish.js';
import { chooseLeastLoaded, createLoadMeter } from './staff-load.js';

export interface AnswerWishOptions {
  /** Most alternatives offered; a caller can hold about three in mind. Default 3. */
  limit?: number;
}

/**
 * Answers a caller's wish against the calendar as of `now`:
 * - `exact` when the wished local date and time is open (for "egal", the least booked staff
 *   member that day gets it, ties by staff id);
 * - `alternatives` with the reason the wish failed and up to `limit` open slots ranked by
 *   distance from the wish (see `pickAlternatives`); a wish without a time gets the first
 *   slots of the wished day (or part of day, or from now for "earliest"), spread out; with a part of day
 *   only slots inside its hours are offered, and when the wished day has none there the reason is `taken`
 *   (the nearest slots, inside the part of day on other days where there are any, come with it);
 *   on a day the business is closed the answer says why (`detail.closedDay`), time given or not;
 * - `none` when nothing is open within the horizon for the service (and staff member asked
 *   for), or the service or staff member is unknown, or the date/time is not a real one.
 * Pure and deterministic: the same calendar, wish and `now` give the same answer.
 */
export function answerWish(calendar: Calendar, wish: Wish, now: number, options: AnswerWishOptions = {}): WishAnswer {
  const limit = Number.isFinite(options.limit) ? Math.max(1, Math.floor(options.limit ?? 3)) : 3;
  const service = calendar.services.find((s) => s.id === wish.serviceId);
  if (!service) return { kind: 'none', reason: 'unknown_service' };
  const named = wish.staffId === undefined ? undefined : calendar.staff.find((s) => s.id === wish.staffId);
  if (wish.staffId !== undefined && !named) return { kind: 'none', reason: 'unknown_staff' };
  const resolved = resolveWish(calendar, wish, now);
  if (!resolved) return { kind: 'none', reason: 'invalid_wish' };

  // Asked for someone who does not do this service: say so, and offer whoever does.
  const offers = !named || named.serviceIds.includes(service.id);
  const staffId = offers ? named?.id : undefined;
  const load = createLoadMeter(calendar);

  let reason: WishFailureReason;
  if (!offers) {
    reason = 'staff_does_not_offer_service';
  } else if (resolved.exactAt === null) {
    // A named day the business is closed ("geht das heute noch" on a Monday) is said, not passed over in silence.
    reason = wish.date !== undefined && findClosedDay(calendar, resolved.day) ? 'closed_day' : 'no_time_given';
  } else if (resolved.timeDoesNotExist) {
    reason = 'time_does_not_exist';
  } else {
    const at = resolved.exactAt;
    const open = findOpenSlots(calendar, { serviceId: service.id, staffId, from: at, to: at + 1, now });
    if (open.length > 0) return { kind: 'exact', slot: chooseLeastLoaded(open, resolved.day, load) };
    reason = diagnoseWish(calendar, service, performersOf(calendar, service.id, staffId), resolved.day, at, now);
  }

  const alternatives = pickAlternatives(
    calendar,
    { serviceId: service.id, staffId, wish: resolved, spread: resolved.exactAt === null, limit, now, closedDay: reason === 'closed_day' },
    load,
  );
  const closedDay = reason === 'closed_day' ? findClosedDay(calendar, resolved.day) : null;
  const detail = closedDay ? { detail: { closedDay } } : {};
  if (alternatives.length === 0) return { kind: 'none', reason, ...detail };
  if (resolved.exactAt === null && resolved.minutes !== null) return { ...keepToPartOfDay(calendar, wish, resolved, reason, alternatives), ...detail };
  return { kind: 'alternatives', reason, alternatives, ...detail };
}

/**
 * "Donnerstagnachmittag": offer only afternoon slots. When the wished day has no free slot in that part of the day
 * the caller hears that it is taken, with the nearest slots instead, so an out-of-range slot never passes for a match.
 */
function keepToPartOfDay(calendar: Calendar, wish: Wish, resolved: ResolvedWish, reason: WishFailureReason, alternatives: Slot[]): WishAnswer {
  const zone = calendar.business.timeZone;
  const [from, to] = resolved.minutes ?? [0, 24 * 60];
  const inside = alternatives.filter((slot) => {
    const minute = minuteOfDayAt(localDayAt(zone, slot.startsAt), slot.startsAt);
    return minute >= from && minute < to;
  });
  const onWishedDay = inside.some((slot) => slot.startsAt >= resolved.day.startsAt && slot.startsAt < resolved.day.endsAt);
  // Without a date any day is the caller's day; with one, its part of the day must have room.
  const granted = onWishedDay || (wish.date === undefined && inside.length > 0);
  const why = reason === 'no_time_given' && !granted ? 'taken' : reason;
  return { kind: 'alternatives', reason: why, alternatives: inside.length > 0 ? inside : alternatives };
}
