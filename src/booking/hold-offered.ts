import type { BookingSource } from '../db/schema.js';
import { randomUUID } from 'node:crypto';
import type { Actor, BookingDeps } from './booking-deps.js';
import type { Slot } from './calendar-model.js';
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
 * decides, so a slot someone took in the meantime is simply not held (and not returned).
 */
export async function holdOffered(deps: BookingDeps, input: HoldOfferedInput, slots: Slot[]): Promise<AppointmentView[]> {
  const held: AppointmentView[] = [];
  const now = deps.clock.now();
  for (const slot of slots) {
    // A fresh key per hold: a released hold must not answer a later offer of the same slot as "cancelled".
    const attempt = await attemptSlot(
      deps,
      { businessId: input.businessId, serviceId: input.serviceId, staffId: slot.staffId, startsAt: new Date(slot.startsAt), idempotencyKey: `hold:${input.callId}:${randomUUID()}`, source: input.source, callId: input.callId, actor: input.actor },
      slot,
      'held',
      now,
      null,
      { distributedLock: false },
    );
    if (attempt.kind === 'done' && attempt.outcome.kind === 'held') held.push(attempt.outcome.appointment);
  }
  deps.metrics?.bookings.inc({ outcome: 'hold_offered' }, held.length);
  return held;
}
