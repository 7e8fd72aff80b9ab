import { eq } from 'drizzle-orm';
import { closures } from '../db/schema.js';
import type { Actor, BookingDeps } from './booking-deps.js';
import { findClosure } from './list-closures.js';
import { recordActivity } from './record-activity.js';

/** Opens a closed stretch again (the rules version is renewed by trigger). False when the business has no such closure. */
export async function removeClosure(deps: Pick<BookingDeps, 'db'>, businessId: string, id: string, actor: Actor): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const found = await findClosure(tx, businessId, id);
    if (!found) return false;
    await tx.delete(closures).where(eq(closures.id, id));
    await recordActivity(tx, {
      businessId,
      actor,
      action: 'closure.removed',
      entityType: 'closure',
      entityId: id,
      details: { startsAt: found.startsAt.toISOString(), endsAt: found.endsAt.toISOString(), reason: found.reason },
    });
    return true;
  });
}
