import { eq } from 'drizzle-orm';
import type { Scope } from '../access/principal.js';
import { staffTimeOff } from '../db/schema.js';
import type { Actor, BookingDeps } from './booking-deps.js';
import { findTimeOff } from './list-time-off.js';
import { recordActivity } from './record-activity.js';

/**
 * Gives a stretch of time off back (the staff member is well again): from the commit on they are offered again
 * (the delete renews the rules version). False when the scope has no such time off (also: removed before).
 */
export async function removeTimeOff(deps: Pick<BookingDeps, 'db'>, scope: Scope, id: string, actor: Actor): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const found = await findTimeOff(tx, scope, id);
    if (!found) return false;
    await tx.delete(staffTimeOff).where(eq(staffTimeOff.id, id));
    await recordActivity(tx, {
      businessId: scope.businessId,
      actor,
      action: 'time_off.removed',
      entityType: 'staff_time_off',
      entityId: id,
      details: { staffId: found.staff.id, startsAt: found.startsAt.toISOString(), endsAt: found.endsAt.toISOString() },
    });
    return true;
  });
}
