import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { calls } from '../db/schema.js';
import { recognizeCaller } from '../customers/recognize-caller.js';
import { normalizePhone } from '../booking/normalize-phone.js';

export type StartedCall =
  | {
      kind: 'started';
      businessId: string;
      /** The caller, when their number belongs to exactly one known customer of the business. */
      customer: { id: string; name: string | null; appointmentCount: number } | null;
      /** The number belongs to several customers (a household): nobody is assumed, the caller is asked. */
      household: boolean;
      callerNumber: string | null;
    }
  /**
   * The call id is taken: its call has ended (`call_ended`), or it belongs to another business (`foreign_call`).
   * Nothing was written, and nothing about the stored call or its customer is returned.
   */
  | { kind: 'refused'; reason: 'call_ended' | 'foreign_call' };

/**
 * Records a call as it starts (or reconnects): creates the call row if the lifecycle webhook has not, and
 * recognises the caller by number. Never duplicates: the row is keyed by Retell's call id. A call id lives once
 * and for one business: a row that ended, or that belongs to another business, is left exactly as it is.
 */
export async function startCall(
  db: Queryable,
  input: {
    callId: string;
    businessId: string;
    fromNumber: string | null;
    toNumber: string | null;
    agentId: string | null;
    direction: string | null;
    callType: string | null;
    at: Date;
  },
): Promise<StartedCall> {
  const callerNumber = input.fromNumber ? normalizePhone(input.fromNumber) : null;
  const recognized = callerNumber ? await recognizeCaller(db, input.businessId, callerNumber) : ({ kind: 'none' } as const);
  const customer = recognized.kind === 'one' ? recognized.customer : null;
  // One statement decides, so a webhook ending the call (or routing it) at the same moment cannot slip between a
  // check and the write: the row is joined only while it is live and this business's (or not routed yet).
  const [joined] = await db
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
      setWhere: sql`${calls.status} not in ('ended', 'error', 'not_connected') and (${calls.businessId} is null or ${calls.businessId} = excluded.business_id)`,
    })
    .returning({ id: calls.id });
  if (!joined) {
    const [row] = await db.select({ businessId: calls.businessId }).from(calls).where(eq(calls.id, input.callId)).limit(1);
    return { kind: 'refused', reason: row?.businessId && row.businessId !== input.businessId ? 'foreign_call' : 'call_ended' };
  }
  return { kind: 'started', businessId: input.businessId, customer, household: recognized.kind === 'several', callerNumber };
}
