import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { findOrCreateCustomer } from '../booking/find-or-create-customer.js';
import { normalizePhone } from '../booking/normalize-phone.js';
import { recognizeCaller } from '../customers/recognize-caller.js';
import type { Db, Queryable } from '../db/database.js';
import { appointments, calls, processedEvents, type CallOutcome } from '../db/schema.js';
import { isTerminalStatus, type CallEvent } from './call-event.js';
import { deriveCallOutcome } from './derive-call-outcome.js';
import { mergeCallEvent, type CallState } from './merge-call-event.js';
import { routeCall } from './route-call.js';

export type RecordCallOutcome =
  | { kind: 'recorded'; businessId: string | null; status: string; outcome: CallOutcome | null }
  /** This event was applied before (a Retell retry); nothing changed. */
  | { kind: 'duplicate' };

/**
 * Applies one lifecycle event to its call row, exactly once: the event's dedupe key is inserted in the same
 * transaction as the change, so a retry either finds the key (and changes nothing) or the first attempt
 * rolled back. Routes the call to a business, links the caller as a customer, and for a call that ended
 * without an outcome from the dialogue, derives one from how it ended.
 */
export async function recordCallEvent(db: Db, event: CallEvent): Promise<RecordCallOutcome> {
  return db.transaction(async (tx): Promise<RecordCallOutcome> => {
    // Two deliveries of one event at once: the second insert waits for the first transaction and then conflicts.
    const [claimed] = await tx
      .insert(processedEvents)
      .values({ key: `webhook:${event.kind}:${event.callId}`, kind: 'webhook' })
      .onConflictDoNothing()
      .returning({ key: processedEvents.key });
    if (!claimed) return { kind: 'duplicate' };

    const routed = await businessOf(tx, event);
    // The row may not exist yet, or be written by the dialogue right now: create it bare, then lock it.
    await tx.insert(calls).values({ id: event.callId, businessId: routed }).onConflictDoNothing();
    const [row] = await tx.select().from(calls).where(eq(calls.id, event.callId)).for('update');
    if (!row) throw new Error('call row vanished inside its transaction');

    const merged = mergeCallEvent(row satisfies CallState, event);
    const businessId = row.businessId ?? routed;
    let customerId = row.customerId;
    const callerNumber = merged.direction === 'outbound' ? merged.toNumber : merged.fromNumber;
    if (!customerId && businessId && merged.callType !== 'web_call' && callerNumber) {
      // Without a name, the number's only customer (or a new unnamed one); a household's call is linked to whoever
      // books in it (the booking records that), never guessed here.
      const e164 = normalizePhone(callerNumber);
      const household = e164 ? (await recognizeCaller(tx, businessId, e164)).kind === 'several' : false;
      const customer = household ? null : await findOrCreateCustomer(tx, businessId, callerNumber);
      if (customer && customer.kind !== 'invalid_phone') customerId = customer.customerId;
    }

    let outcome = row.outcome;
    let appointmentId = row.appointmentId;
    // An outcome the dialogue set is never overwritten; only a call that ended without one gets one here.
    if (outcome === null && isTerminalStatus(merged.status)) {
      const booked = await findBookedAppointmentOf(tx, event.callId);
      if (booked) {
        outcome = 'booked';
        appointmentId ??= booked;
      } else if (appointmentId === null) {
        outcome = deriveCallOutcome(merged.disconnectionReason, merged.status, merged.transcript);
      }
    }

    await tx
      .update(calls)
      .set({ ...merged, businessId, customerId, outcome, appointmentId, updatedAt: sql`now()` })
      .where(eq(calls.id, event.callId));
    return { kind: 'recorded', businessId, status: merged.status, outcome };
  });
}

/**
 * The business by the number called (for outbound calls: the number calling), else by agent id. Unlike the
 * live call, a webhook that matches neither is not guessed into the oldest business: it stays unrouted.
 */
async function businessOf(db: Queryable, event: CallEvent): Promise<string | null> {
  const businessNumber = event.direction === 'outbound' ? event.fromNumber : event.toNumber;
  if (!businessNumber && !event.agentId) return null;
  const routing = await routeCall(db, { toNumber: businessNumber, agentId: event.agentId });
  return routing && routing.matchedBy !== 'fallback' ? routing.businessId : null;
}

async function findBookedAppointmentOf(db: Queryable, callId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.callId, callId), inArray(appointments.status, ['booked', 'completed', 'no_show'])))
    .orderBy(asc(appointments.createdAt))
    .limit(1);
  return row?.id ?? null;
}
