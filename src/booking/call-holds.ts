import { and, asc, eq, gt } from 'drizzle-orm';
import { anyUuid } from '../db/any-of.js';
import type { Db } from '../db/database.js';
import { appointments, customers } from '../db/schema.js';
import { markHoldsExpired } from './expire-holds.js';
import type { BookingDeps } from './booking-deps.js';
import { toView } from './appointment-view.js';
import type { AppointmentView } from './outcomes.js';

/**
 * Most slots one call may hold at once: the offer under discussion and its alternatives (an offer names at most
 * three). A new offer replaces the call's holds; nothing lets a call sit on more of the calendar than this.
 */
export const MAX_CALL_HOLDS = 3;

export interface CallHold {
  id: string;
  serviceId: string;
  staffId: string;
  startsAt: Date;
}

/** The live holds a call placed (offered slots the caller has not decided on yet), oldest first. */
export async function findCallHolds(db: Db, callId: string, now: Date): Promise<CallHold[]> {
  return db
    .select({ id: appointments.id, serviceId: appointments.serviceId, staffId: appointments.staffId, startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(eq(appointments.callId, callId), eq(appointments.status, 'held'), gt(appointments.holdExpiresAt, now)))
    .orderBy(asc(appointments.createdAt), asc(appointments.id));
}

/**
 * The call's booked appointment for this service, start and customer, if it already has one (a repeated request).
 * The customer matters: one call may book the same time for two people.
 */
export async function findCallBooking(
  db: Db,
  input: { callId: string; serviceId: string; startsAt: Date; staffId?: string | undefined; phoneE164: string },
): Promise<AppointmentView | null> {
  const [row] = await db
    .select({ appointment: appointments })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .where(
      and(
        eq(appointments.callId, input.callId),
        eq(appointments.status, 'booked'),
        eq(appointments.serviceId, input.serviceId),
        eq(appointments.startsAt, input.startsAt),
        eq(customers.phoneE164, input.phoneE164),
        input.staffId ? eq(appointments.staffId, input.staffId) : undefined,
      ),
    )
    .limit(1);
  return row ? toView(row.appointment) : null;
}

/**
 * Releases the call's holds except those `keep` accepts: the caller chose one, asked for other times, or hung
 * up. A call never sits on more slots than it was last offered. A released hold ends as `expired` (it was never
 * a booking), so nothing counts it as an appointment of the staff member. Freeing time needs no staff lock:
 * it can never make two bookings overlap. Returns how many were released.
 */
export async function releaseCallHolds(deps: BookingDeps, callId: string, keep: (hold: CallHold) => boolean = () => false): Promise<number> {
  const held = await findCallHolds(deps.db, callId, new Date(0));
  const release = held.filter((h) => !keep(h)).map((h) => h.id);
  if (release.length === 0) return 0;
  return deps.db.transaction((tx) => markHoldsExpired(tx, anyUuid(appointments.id, release), deps.clock.now()));
}
