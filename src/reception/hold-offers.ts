import type { BookingDeps } from '../booking/booking-deps.js';
import type { Slot } from '../booking/calendar-model.js';
import { releaseCallHolds, type CallHold } from '../booking/call-holds.js';
import { holdOffered } from '../booking/hold-offered.js';
import type { ReceptionScope } from './reception-scope.js';

/**
 * Holds each offered slot for this call and releases what the call held before and is no longer offered, so a
 * call never sits on more than its latest offer. Without a call id (a plain API query) nothing is held.
 */
export async function holdOffers(deps: BookingDeps, scope: ReceptionScope, serviceId: string, slots: Slot[], existing: CallHold[]): Promise<Slot[]> {
  if (!scope.callId) return [];
  const keyOf = (staffId: string, startsAt: number) => `${serviceId}|${staffId}|${startsAt}`;
  const offered = new Set(slots.map((s) => keyOf(s.staffId, s.startsAt)));
  const keep = (h: CallHold) => h.serviceId === serviceId && offered.has(keyOf(h.staffId, h.startsAt.getTime()));
  const alreadyHeld = new Set(existing.filter(keep).map((h) => keyOf(h.staffId, h.startsAt.getTime())));
  if (existing.some((h) => !keep(h))) await releaseCallHolds(deps, scope.callId, keep);
  const fresh = slots.filter((s) => !alreadyHeld.has(keyOf(s.staffId, s.startsAt)));
  const held = await holdOffered(
    deps,
    { businessId: scope.businessId, serviceId, callId: scope.callId, source: scope.source, actor: { type: 'caller', id: scope.callId } },
    fresh,
  );
  const nowHeld = new Set([...alreadyHeld, ...held.map((h) => keyOf(h.staffId, h.startsAt.getTime()))]);
  return slots.filter((s) => nowHeld.has(keyOf(s.staffId, s.startsAt)));
}
