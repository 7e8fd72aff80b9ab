import { sql } from 'drizzle-orm';
import type { Queryable } from '../database.js';
import { SqlState, pgErrorOf } from '../errors.js';
import { rowsOf } from '../rows.js';
import type { AppointmentStatus } from '../schema.js';

export interface NewAppointment {
  businessId: string;
  customerId: string | null;
  serviceId: string;
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  status: Extract<AppointmentStatus, 'held' | 'booked'>;
  holdExpiresAt: Date | null;
  idempotencyKey: string;
  source: 'phone' | 'function' | 'api' | 'staff';
  callId: string | null;
  rescheduledFromId?: string | null;
}

/** What goes with the insert in the same statement. */
export interface InsertExtras {
  /**
   * Find or create the customer by phone in the same statement (no duplicates: it is one upsert on the unique
   * (business, phone) index) and link the appointment to them, instead of `customerId`.
   */
  customer?: { phoneE164: string; name: string | null };
  /** Count the appointment on the customer (a booking, not a hold). */
  countForCustomer?: boolean;
  activity?: { actorType: string; actorId: string | null; action: string; details: Record<string, unknown> };
}

export interface InsertedAppointment {
  id: string;
  customerId: string | null;
  createdAt: Date;
}

export type InsertOutcome = ({ kind: 'inserted' } & InsertedAppointment) | { kind: 'overlap' } | { kind: 'duplicate_key' };

/**
 * Inserts an appointment, its busy segments, the customer's count and the activity row in one statement
 * (one round trip inside the booking transaction, where each round trip is paid under the staff lock).
 * The exclusion constraint decides overlaps; its violation (23P01) is the expected "slot taken" answer,
 * not a fault. A refused insert aborts the surrounding transaction: the caller must roll it back.
 */
export async function insertAppointment(tx: Queryable, a: NewAppointment, segments: Array<{ startsAt: Date; endsAt: Date }>, extras: InsertExtras = {}): Promise<InsertOutcome> {
  const segmentsJson = JSON.stringify(segments.map((s) => ({ starts_at: s.startsAt.toISOString(), ends_at: s.endsAt.toISOString() })));
  const activity = extras.activity;
  try {
    const customer = extras.customer;
    const result = await tx.execute(sql`
      with cust as (
        insert into customers (business_id, phone_e164, name, appointment_count)
        select ${a.businessId}, ${customer?.phoneE164 ?? null}, ${customer?.name ?? null}, ${extras.countForCustomer ? 1 : 0}
        where ${customer !== undefined}
        -- A given name fills in or corrects the stored one; an absent name never erases it. The count is
        -- raised here, not in a second update: one statement cannot modify the same row twice.
        on conflict (business_id, phone_e164) do update
          set name = coalesce(excluded.name, customers.name),
              appointment_count = customers.appointment_count + excluded.appointment_count,
              updated_at = now()
        returning id
      ), appt as (
        insert into appointments (business_id, customer_id, service_id, staff_id, starts_at, ends_at, status, hold_expires_at, idempotency_key, source, call_id, rescheduled_from_id)
        values (${a.businessId}, coalesce((select id from cust), ${a.customerId}::uuid), ${a.serviceId}, ${a.staffId}, ${a.startsAt.toISOString()}::timestamptz, ${a.endsAt.toISOString()}::timestamptz, ${a.status},
                ${a.holdExpiresAt?.toISOString() ?? null}::timestamptz, ${a.idempotencyKey}, ${a.source}, ${a.callId}, ${a.rescheduledFromId ?? null})
        returning id, business_id, staff_id, status, customer_id, hold_expires_at, created_at
      ), segs as (
        insert into appointment_segments (appointment_id, business_id, staff_id, starts_at, ends_at, status, hold_expires_at)
        select appt.id, appt.business_id, appt.staff_id, s.starts_at, s.ends_at, appt.status, appt.hold_expires_at
        from appt, jsonb_to_recordset(${segmentsJson}::jsonb) as s(starts_at timestamptz, ends_at timestamptz)
        returning 1
      ), counted as (
        update customers set appointment_count = appointment_count + 1, updated_at = now()
        where ${(extras.countForCustomer ?? false) && customer === undefined} and id = (select customer_id from appt)
        returning 1
      ), logged as (
        insert into activity_log (business_id, actor_type, actor_id, action, entity_type, entity_id, details)
        select appt.business_id, ${activity?.actorType ?? null}, ${activity?.actorId ?? null}, ${activity?.action ?? null}, 'appointment', appt.id::text, ${JSON.stringify(activity?.details ?? {})}::jsonb
        from appt where ${activity !== undefined}
        returning 1
      )
      select appt.id, appt.customer_id, appt.created_at, (select count(*) from segs) as segments, (select count(*) from counted) as counted, (select count(*) from logged) as logged from appt`);
    const [row] = rowsOf<{ id: string; customer_id: string | null; created_at: Date | string }>(result);
    if (!row) throw new Error('appointment insert returned no row');
    return { kind: 'inserted', id: row.id, customerId: row.customer_id, createdAt: new Date(row.created_at) };
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === SqlState.exclusionViolation) return { kind: 'overlap' };
    if (pg?.code === SqlState.uniqueViolation && pg.constraint === 'appointments_idempotency_key_unique') return { kind: 'duplicate_key' };
    throw error;
  }
}
