import type { BookingSource } from '../db/schema.js';
import { randomUUID } from 'node:crypto';
import type { Actor, BookingDeps } from './booking-deps.js';
import type { Slot } from './calendar-model.js';
import { MAX_CALL_HOLDS, findCallHolds, releaseCallHolds } from './call-holds.js';
import { attemptSlot } from './place-appointment.js';
import type { AppointmentView } from './outcomes.js';

export interface HoldOfferedInput {
  businessId: string;
  serviceId: string;
  callId: string;
  source: BookingSource;
  actor: Actor;
}

/**
 * Holds slots the engine just found open for a call (what the agent is about to offer). Each is one locked
 * transaction, without reading the calendar again: the engine's answer is fresh, and the constraint still
 * decides, so a slot someone took in the meantime is simply not held (and not returned). A call never holds more
 * than MAX_CALL_HOLDS slots: beyond what it holds already, only the first slots that fit are held.
 */
export async function holdOffered(deps: BookingDeps, input: HoldOfferedInput, slots: Slot[]): Promise<AppointmentView[]> {
  const now = deps.clock.now();
  const room = MAX_CALL_HOLDS - (await findCallHolds(deps.db, input.callId, now)).length;
  const held: AppointmentView[] = [];
  for (const slot of slots) {
    if (held.length >= room) break;
    // A fresh key per hold: a released hold must not answer a later offer of the same slot as "cancelled".
    const attempt = await attemptSlot(
      deps,
      {
        businessId: input.businessId,
        serviceId: input.serviceId,
        staffId: slot.staffId,
        startsAt: new Date(slot.startsAt),
        idempotencyKey: `hold:${input.callId}:${randomUUID()}`,
        source: input.source,
        callId: input.callId,
        actor: input.actor,
      },
      slot,
      'held',
      now,
      null,
      { distributedLock: false },
    );
    if (attempt.kind === 'done' && attempt.outcome.kind === 'held') held.push(attempt.outcome.appointment);
  }
  const kept = held.length > 0 ? await keepWithinCap(deps, input.callId, held, now) : held;
  deps.metrics?.bookings.inc({ outcome: 'hold_offered' }, kept.length);
  return kept;
}

/**
 * Two offers for one call at once (Retell retrying a function call while the first still runs) can each see room
 * for three. Afterwards each gives back every hold of the call past the first MAX_CALL_HOLDS: the offer whose check
 * runs last starts it after all offers' holds are written, so once they are done the call holds no more than the cap.
 */
async function keepWithinCap(deps: BookingDeps, callId: string, held: AppointmentView[], now: Date): Promise<AppointmentView[]> {
  const live = await findCallHolds(deps.db, callId, now);
  if (live.length <= MAX_CALL_HOLDS) return held;
  const excess = new Set(live.slice(MAX_CALL_HOLDS).map((h) => h.id));
  await releaseCallHolds(deps, callId, (h) => !excess.has(h.id));
  deps.logger.warn({ call_id: callId, released: excess.size }, 'concurrent offers for one call; holds over the cap given back');
  return held.filter((h) => !excess.has(h.id));
}
