import { DateTime } from 'luxon';
import { answerWish } from '../booking/answer-wish.js';
import type { BookingDeps } from '../booking/booking-deps.js';
import type { Slot, Wish, WishAnswer } from '../booking/calendar-model.js';
import { findCallHolds } from '../booking/call-holds.js';
import { loadCalendar } from '../booking/load-calendar.js';
import { DAY_MS } from '../clock.js';
import { placeDayInDateWindow } from '../date-window.js';
import { businessZone, UnknownBusinessError } from './business-zone.js';
import { holdOffers } from './hold-offers.js';
import type { OfferOutcome, OfferRequest, UnavailableDetail } from './outcomes.js';
import type { ReceptionScope } from './reception-scope.js';
import { toOfferedSlot } from './to-refs.js';

/** Two weeks from the wished day are plenty for "the nearest alternatives"; the engine offers nothing beyond. */
const SEARCH_DAYS = 14;
/** And a week before it: on a closed day the wished time on the open days before it is offered too. */
const SEARCH_DAYS_BEFORE = 7;
/** How often the calendar is read again when another call took an offered slot between reading and holding. */
const OFFER_ATTEMPTS = 3;

/**
 * Answers "is this free?": the exact slot, or the nearest alternatives with the reason. For a call, what is
 * offered is held while the caller decides, so nobody else takes it between offer and yes; the call's earlier
 * offer is released. Without a call nothing is held.
 */
export async function offerSlots(deps: BookingDeps, scope: ReceptionScope, request: OfferRequest): Promise<OfferOutcome> {
  const now = deps.clock.now();
  const zone = await businessZone(deps.db, scope);
  // Far years are refused before any arithmetic (an engine window past year 9999 is a database fault).
  const place = request.date ? placeDayInDateWindow(request.date, now) : 'inside';
  if (place !== 'inside') return { kind: 'none', reason: place === 'before' ? 'past' : 'beyond_horizon' };
  const wish = wishOf(request);
  const wishedDay = request.date ? DateTime.fromISO(request.date, { zone }).toMillis() : now.getTime();
  if (!Number.isFinite(wishedDay)) return { kind: 'invalid_wish' };
  const from = Math.max(now.getTime(), wishedDay - SEARCH_DAYS_BEFORE * DAY_MS);
  const to = Math.max(from, wishedDay) + SEARCH_DAYS * DAY_MS;

  // Only what this call could hold is offered: between reading the calendar and holding, another call may take a
  // slot. Then read again (a couple of times at most) rather than say "frei" about a slot that is gone.
  let answer: WishAnswer = { kind: 'none', reason: 'taken' };
  let offered: Slot[] = [];
  for (let attempt = 0; attempt < OFFER_ATTEMPTS; attempt++) {
    const ownHolds = scope.callId ? await findCallHolds(deps.db, scope.callId, now) : [];
    const calendar = await loadCalendar(deps, scope.businessId, { from, to, now: now.getTime(), excludeAppointmentIds: ownHolds.map((h) => h.id) });
    if (!calendar) throw new UnknownBusinessError(scope.businessId);
    answer = answerWish(calendar, wish, now.getTime());
    const slots = answer.kind === 'exact' ? [answer.slot] : answer.kind === 'alternatives' ? answer.alternatives : [];
    offered = scope.callId ? await holdOffers(deps, scope, request.serviceId, slots, ownHolds) : slots;
    const exactLost = answer.kind === 'exact' && offered.length === 0;
    if (!exactLost && (offered.length > 0 || slots.length === 0)) break;
  }
  return outcomeOf(answer, offered);
}

/** The engine's wish: no date, time or part of day means the earliest slots. */
function wishOf(request: OfferRequest): Wish {
  const { date, time, partOfDay } = request;
  return {
    serviceId: request.serviceId,
    ...(request.staffId ? { staffId: request.staffId } : {}),
    ...(date ? { date } : {}),
    ...(time ? { time } : {}),
    ...(partOfDay ? { partOfDay } : {}),
    ...(request.earliest || (!date && !time && !partOfDay) ? { earliest: true } : {}),
  };
}

function outcomeOf(answer: WishAnswer, offered: Slot[]): OfferOutcome {
  if (answer.kind === 'none') {
    switch (answer.reason) {
      case 'unknown_service':
        return { kind: 'unknown_service' };
      case 'unknown_staff':
        return { kind: 'unknown_staff' };
      case 'invalid_wish':
        return { kind: 'invalid_wish' };
      default:
        return { kind: 'none', reason: answer.reason, ...detailOf(answer) };
    }
  }
  const [first] = offered;
  // The exact slot (or every alternative) was lost to other calls on each attempt: nothing could be held.
  if (!first) return answer.kind === 'exact' ? { kind: 'none', reason: 'taken' } : { kind: 'none', reason: answer.reason, ...detailOf(answer) };
  if (answer.kind === 'exact') return { kind: 'exact', slot: toOfferedSlot(first) };
  return { kind: 'alternatives', reason: answer.reason, slots: offered.map(toOfferedSlot), ...detailOf(answer) };
}

/** The engine's detail on a refused wish (which day is closed, and why), when it has one. */
function detailOf(answer: WishAnswer): { detail?: UnavailableDetail } {
  return answer.kind !== 'exact' && answer.detail?.closedDay ? { detail: { closedDay: answer.detail.closedDay } } : {};
}
