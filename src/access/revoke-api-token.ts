import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { apiTokens } from '../db/schema.js';

export type RevokeOutcome = { kind: 'revoked'; at: Date } | { kind: 'already_revoked'; at: Date } | { kind: 'not_found' };

/** Revokes a token from now on; revoking twice keeps the first time. */
export async function revokeApiToken(db: Queryable, id: string, now: Date): Promise<RevokeOutcome> {
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ at: apiTokens.revokedAt });
  if (revoked?.at) return { kind: 'revoked', at: revoked.at };
  const [row] = await db.select({ at: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
  return row?.at ? { kind: 'already_revoked', at: row.at } : { kind: 'not_found' };
}
