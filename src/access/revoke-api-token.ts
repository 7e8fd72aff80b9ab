import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../booking/booking-deps.js';
import { recordActivity } from '../booking/record-activity.js';
import type { Queryable } from '../db/database.js';
import { apiTokens } from '../db/schema.js';

export type RevokeOutcome = { kind: 'revoked'; at: Date } | { kind: 'already_revoked'; at: Date } | { kind: 'not_found' };

export interface RevokeScope {
  /** Only a token of this business (the staff API); any business when absent (the operator). */
  businessId?: string;
  /** Who revokes, for the activity log; the operator at the command line when absent. */
  actor?: Actor;
}

const OPERATOR: Actor = { type: 'system', id: 'cli' };

/**
 * Revokes a token from now on; revoking twice keeps the first time. Every request reads the token's row (no cache,
 * see verifyApiToken), so the next request with it is refused, on every instance.
 */
export async function revokeApiToken(db: Queryable, id: string, now: Date, scope: RevokeScope = {}): Promise<RevokeOutcome> {
  const ofToken = scope.businessId ? and(eq(apiTokens.id, id), eq(apiTokens.businessId, scope.businessId)) : eq(apiTokens.id, id);
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(ofToken, isNull(apiTokens.revokedAt)))
      .returning({ at: apiTokens.revokedAt, businessId: apiTokens.businessId });
    if (revoked?.at) {
      await recordActivity(tx, {
        businessId: revoked.businessId,
        actor: scope.actor ?? OPERATOR,
        action: 'token_revoked',
        entityType: 'api_token',
        entityId: id,
      });
      return { kind: 'revoked', at: revoked.at };
    }
    const [row] = await tx.select({ at: apiTokens.revokedAt }).from(apiTokens).where(ofToken).limit(1);
    return row?.at ? { kind: 'already_revoked', at: row.at } : { kind: 'not_found' };
  });
}
