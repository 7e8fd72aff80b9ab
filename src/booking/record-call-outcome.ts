import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { calls, type CallOutcome } from '../db/schema.js';

/** Outcomes that say what a call achieved; a later, weaker one (a conflict after a booking) never replaces them. */
const DECISIVE_OUTCOMES: CallOutcome[] = ['booked', 'cancelled_appointment', 'rescheduled_appointment', 'transferred'];
/** The same list as a SQL literal list, for `outcome in (...)`. */
export const DECISIVE_OUTCOMES_SQL = sql.raw(DECISIVE_OUTCOMES.map((o) => `'${o}'`).join(','));

/**
 * Records what a call achieved, creating the call row if the webhook has not arrived yet. A booking links the
 * appointment and customer to the call.
 */
export async function recordCallOutcome(
  db: Queryable,
  input: { callId: string; businessId: string; outcome: CallOutcome; appointmentId?: string; customerId?: string | null },
): Promise<void> {
  const finalList = DECISIVE_OUTCOMES_SQL;
  await db
    .insert(calls)
    .values({
      id: input.callId,
      businessId: input.businessId,
      status: 'ongoing',
      outcome: input.outcome,
      appointmentId: input.appointmentId ?? null,
      customerId: input.customerId ?? null,
    })
    .onConflictDoUpdate({
      target: calls.id,
      set: {
        businessId: sql`coalesce(${calls.businessId}, excluded.business_id)`,
        outcome: sql`case when ${calls.outcome} in (${finalList}) and excluded.outcome not in (${finalList}) then ${calls.outcome} else excluded.outcome end`,
        appointmentId: sql`coalesce(excluded.appointment_id, ${calls.appointmentId})`,
        customerId: sql`coalesce(excluded.customer_id, ${calls.customerId})`,
        updatedAt: sql`now()`,
      },
    });
}
