import { sql } from 'drizzle-orm';
import type { Queryable } from '../database.js';
import { SqlState, pgErrorOf } from '../errors.js';
import { rowsOf } from '../rows.js';
import type { AppointmentStatus, BookingSource } from '../schema.js';

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
  source: BookingSource;
  callId: string | null;
  rescheduledFromId?: string | null;
  /** A walk-in's name when no customer is linked (no phone number was given). */
  guestName?: string | null;
  notes?: string | null;
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
  /** Release the staff member's holds that expired by then first, so they cannot be what refuses the insert. */
  releaseExpiredHoldsAt?: Date;
  /** The rules version the slot was checked against: a newer one refuses the insert (`rules_changed`). */
  rulesVersion?: number;
}

export interface InsertedAppointment {
  id: string;
  customerId: string | null;
  createdAt: Date;
}

export type InsertOutcome = ({ kind: 'inserted' } & InsertedAppointment) | { kind: 'overlap' } | { kind: 'duplicate_key' } | { kind: 'rules_changed' };

/**
 * Inserts an appointment with its busy segments, the customer, their count and the activity row, through the
 * `insert_appointment` database function: one round trip, which takes the staff member's advisory lock itself,
 * so outside a transaction it is a whole booking transaction on its own. The exclusion constraint decides
 * overlaps; its violation (23P01) is the expected "slot taken" answer, not a fault. A refused insert aborts a
 * surrounding transaction: the caller must roll it back.
 */
export async function insertAppointment(
  db: Queryable,
  a: NewAppointment,
  segments: Array<{ startsAt: Date; endsAt: Date }>,
  extras: InsertExtras = {},
): Promise<InsertOutcome> {
  const segmentsJson = JSON.stringify(segments.map((s) => ({ starts_at: s.startsAt.toISOString(), ends_at: s.endsAt.toISOString() })));
  const activity = extras.activity
    ? JSON.stringify({
        actor_type: extras.activity.actorType,
        actor_id: extras.activity.actorId,
        action: extras.activity.action,
        details: extras.activity.details,
      })
    : null;
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  try {
    const result = await db.execute(sql`
      select id, customer_id, created_at from insert_appointment(
        p_business_id => ${a.businessId}::uuid, p_service_id => ${a.serviceId}::uuid, p_staff_id => ${a.staffId}::uuid,
        p_starts_at => ${iso(a.startsAt)}::timestamptz, p_ends_at => ${iso(a.endsAt)}::timestamptz,
        p_status => ${a.status}::text, p_hold_expires_at => ${iso(a.holdExpiresAt)}::timestamptz,
        p_idempotency_key => ${a.idempotencyKey}::text, p_source => ${a.source}::text, p_call_id => ${a.callId}::text,
        p_rescheduled_from_id => ${a.rescheduledFromId ?? null}::uuid, p_segments => ${segmentsJson}::jsonb,
        p_customer_id => ${a.customerId}::uuid, p_customer_phone => ${extras.customer?.phoneE164 ?? null}::text,
        p_customer_name => ${extras.customer?.name ?? null}::text, p_count_for_customer => ${extras.countForCustomer ?? false}::boolean,
        p_activity => ${activity}::jsonb, p_release_holds_at => ${iso(extras.releaseExpiredHoldsAt)}::timestamptz,
        p_rules_version => ${extras.rulesVersion ?? null}::bigint,
        p_guest_name => ${a.guestName ?? null}::text, p_notes => ${a.notes ?? null}::text)`);
    const [row] = rowsOf<{ id: string; customer_id: string | null; created_at: Date | string }>(result);
    if (!row) throw new Error('appointment insert returned no row');
    return { kind: 'inserted', id: row.id, customerId: row.customer_id, createdAt: new Date(row.created_at) };
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === SqlState.exclusionViolation) return { kind: 'overlap' };
    if (pg?.code === SqlState.uniqueViolation && pg.constraint === 'appointments_idempotency_key_unique') return { kind: 'duplicate_key' };
    if (pg?.code === SqlState.rulesChanged) return { kind: 'rules_changed' };
    throw error;
  }
}
