import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { calls, customers } from '../db/schema.js';
import { normalizePhone } from '../booking/normalize-phone.js';

export interface StartedCall {
  businessId: string;
  /** The caller, when their number belongs to a known customer of the business. */
  customer: { id: string; name: string | null; appointmentCount: number } | null;
  callerNumber: string | null;
}

/**
 * Records a call as it starts (or reconnects): creates the call row if the lifecycle webhook has not, and
 * recognises the caller by number. Never duplicates: the row is keyed by Retell's call id.
 */
export async function startCall(
  db: Queryable,
  input: { callId: string; businessId: string; fromNumber: string | null; toNumber: string | null; agentId: string | null; direction: string | null; callType: string | null; at: Date },
): Promise<StartedCall> {
  const callerNumber = input.fromNumber ? normalizePhone(input.fromNumber) : null;
  const [customer] = callerNumber
    ? await db
        .select({ id: customers.id, name: customers.name, appointmentCount: customers.appointmentCount })
        .from(customers)
        .where(and(eq(customers.businessId, input.businessId), eq(customers.phoneE164, callerNumber)))
        .limit(1)
    : [];
  await db
    .insert(calls)
    .values({
      id: input.callId,
      businessId: input.businessId,
      agentId: input.agentId,
      callType: input.callType,
      direction: input.direction,
      fromNumber: callerNumber ?? input.fromNumber,
      toNumber: input.toNumber,
      status: 'ongoing',
      startedAt: input.at,
      customerId: customer?.id ?? null,
    })
    .onConflictDoUpdate({
      target: calls.id,
      set: {
        businessId: sql`coalesce(${calls.businessId}, excluded.business_id)`,
        fromNumber: sql`coalesce(${calls.fromNumber}, excluded.from_number)`,
        toNumber: sql`coalesce(${calls.toNumber}, excluded.to_number)`,
        startedAt: sql`coalesce(${calls.startedAt}, excluded.started_at)`,
        customerId: sql`coalesce(${calls.customerId}, excluded.customer_id)`,
        updatedAt: sql`now()`,
      },
    });
  return { businessId: input.businessId, customer: customer ?? null, callerNumber };
}
