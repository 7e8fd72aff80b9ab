import { and, eq } from 'drizzle-orm';
import { staff, staffTimeOff } from '../db/schema.js';
import type { AppointmentSummary } from './appointment-summary.js';
import { findBookedDuring, releaseHoldsDuring } from './booked-during.js';
import type { Actor, BookingDeps } from './booking-deps.js';
import { inStaffTransaction } from './in-staff-transaction.js';
import { recordActivity } from './record-activity.js';
import type { TimeOff } from './list-time-off.js';

export interface AddTimeOffInput {
  businessId: string;
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  reason?: string | null;
  actor: Actor;
}

export type AddTimeOffOutcome =
  | {
      kind: 'added';
      timeOff: TimeOff;
      /** False when the very same stretch was entered before (a retried request): that one is the answer. */
      created: boolean;
      /** Booked appointments inside it; they stay booked until someone moves or cancels them. */
      overlapping: AppointmentSummary[];
      releasedHolds: number;
    }
  | { kind: 'not_found' };

/**
 * Takes a staff member off for a stretch (a sick day, an afternoon, a holiday). From the commit on they are not
 * offered: the insert renews the business's rules version (trigger), so every instance reads the new rules with its
 * next calendar, and a booking checked against the old ones is refused. The staff member's lock orders it with
 * their bookings, so the overlapping appointments it answers are all there are at that moment.
 */
export async function addTimeOff(deps: BookingDeps, input: AddTimeOffInput): Promise<AddTimeOffOutcome> {
  const [member] = await deps.db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.id, input.staffId), eq(staff.businessId, input.businessId)))
    .limit(1);
  if (!member) return { kind: 'not_found' };
  const block = { businessId: input.businessId, staffId: member.id, startsAt: input.startsAt, endsAt: input.endsAt };
  return inStaffTransaction(deps, [member.id], async (tx): Promise<AddTimeOffOutcome> => {
    const [same] = await tx
      .select()
      .from(staffTimeOff)
      .where(and(eq(staffTimeOff.staffId, member.id), eq(staffTimeOff.startsAt, input.startsAt), eq(staffTimeOff.endsAt, input.endsAt)))
      .limit(1);
    const row =
      same ??
      (
        await tx
          .insert(staffTimeOff)
          .values({ staffId: member.id, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason?.trim() || null })
          .returning()
      )[0];
    if (!row) throw new Error('time off insert returned no row');
    const releasedHolds = same ? 0 : await releaseHoldsDuring(tx, block, deps.clock.now());
    if (!same) {
      // The reason stays on the row: "krank" is nobody's business but the salon's, not the audit trail's.
      await recordActivity(tx, {
        businessId: input.businessId,
        actor: input.actor,
        action: 'time_off.added',
        entityType: 'staff_time_off',
        entityId: row.id,
        details: { staffId: member.id, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString(), releasedHolds },
      });
    }
    return {
      kind: 'added',
      timeOff: { id: row.id, staff: member, startsAt: row.startsAt, endsAt: row.endsAt, reason: row.reason },
      created: !same,
      overlapping: await findBookedDuring(tx, block),
      releasedHolds,
    };
  });
}
