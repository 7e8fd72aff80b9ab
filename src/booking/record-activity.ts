import type { Queryable } from '../db/database.js';
import { activityLog } from '../db/schema.js';
import type { Actor } from './booking-deps.js';

/** Appends one activity row in the same transaction as the change it describes. */
export async function recordActivity(
  tx: Queryable,
  entry: { businessId: string; actor: Actor; action: string; entityType: string; entityId: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(activityLog).values({
    businessId: entry.businessId,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details ?? null,
  });
}
