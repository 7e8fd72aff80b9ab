import { and, eq } from 'drizzle-orm';
import { closures, staff } from '../db/schema.js';
import type { AppointmentSummary } from './appointment-summary.js';
import { findBookedDuring, releaseHoldsDuring } from './booked-during.js';
import type { Actor, BookingDeps } from './booking-deps.js';
import { inStaffTransaction } from './in-staff-transaction.js';
import type { ClosureRecord } from './list-closures.js';
import { recordActivity } from './record-activity.js';

export interface AddClosureInput {
  businessId: string;
  startsAt: Date;
  endsAt: Date;
  reason?: string | null;
  actor: Actor;
}

export interface AddClosureOutcome {
  closure: ClosureRecord;
  /** False when the very same stretch was entered before (a retried request): that one is the answer. */
  created: boolean;
  /** Booked appointments inside it; they stay booked until someone moves or cancels them. */
  overlapping: AppointmentSummary[];
  releasedHolds: number;
}

/**
 * Closes the whole business for a stretch (holidays, renovation, a funeral). As with time off, nobody is offered
 * inside it from the commit on (the rules version is renewed by trigger), and every staff member's lock orders it
 * with the bookings, so the overlapping appointments it answers are all there are at that moment.
 */
export async function addClosure(deps: BookingDeps, input: AddClosureInput): Promise<AddClosureOutcome> {
  const team = await deps.db.select({ id: staff.id }).from(staff).where(eq(staff.businessId, input.businessId));
  const block = { businessId: input.businessId, startsAt: input.startsAt, endsAt: input.endsAt };
  return inStaffTransaction(
    deps,
    team.map((m) => m.id),
    async (tx): Promise<AddClosureOutcome> => {
      const [same] = await tx
        .select()
        .from(closures)
        .where(and(eq(closures.businessId, input.businessId), eq(closures.startsAt, input.startsAt), eq(closures.endsAt, input.endsAt)))
        .limit(1);
      const row =
        same ??
        (
          await tx
            .insert(closures)
            .values({ businessId: input.businessId, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason?.trim() || null })
            .returning()
        )[0];
      if (!row) throw new Error('closure insert returned no row');
      const releasedHolds = same ? 0 : await releaseHoldsDuring(tx, block, deps.clock.now());
      if (!same) {
        await recordActivity(tx, {
          businessId: input.businessId,
          actor: input.actor,
          action: 'closure.added',
          entityType: 'closure',
          entityId: row.id,
          details: { startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString(), reason: row.reason, releasedHolds },
        });
      }
      return {
        closure: { id: row.id, startsAt: row.startsAt, endsAt: row.endsAt, reason: row.reason },
        created: !same,
        overlapping: await findBookedDuring(tx, block),
        releasedHolds,
      };
    },
  );
}
