import type { Calendar, Wish, WishAnswer, WishFailureReason } from './calendar-model.js';
import { performersOf } from './build-availability.js';
import { diagnoseWish } from './diagnose-wish.js';
import { findClosedDay } from './find-closed-day.js';
import { findOpenSlots } from './find-open-slots.js';
import { pickAlternatives } from './pick-alternatives.js';
import { resolveWish } from './resolve-wish.js';
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
 *   slots of the wished day (or part of day, or from now for "earliest"), spread out; on a
 *   day the business is closed the answer says why (`detail.closedDay`), time given or not;
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
  return alternatives.length > 0 ? { kind: 'alternatives', reason, alternatives, ...detail } : { kind: 'none', reason, ...detail };
}
