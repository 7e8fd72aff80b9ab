import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { apiTokens, businesses, staff } from '../db/schema.js';
import { hashApiToken, looksLikeApiToken } from './api-token.js';
import type { Principal } from './principal.js';

/** last_used_at is a hint for operators, not an audit trail: one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The principal of a valid, unrevoked token (of an active staff member for the staff role), else null. */
export async function verifyApiToken(db: Queryable, token: string, now: Date): Promise<Principal | null> {
  if (!looksLikeApiToken(token)) return null;
  const [row] = await db
    .select({
      id: apiTokens.id,
      businessId: apiTokens.businessId,
      role: apiTokens.role,
      staffId: apiTokens.staffId,
      lastUsedAt: apiTokens.lastUsedAt,
      timeZone: businesses.timeZone,
      staffActive: staff.active,
    })
    .from(apiTokens)
    .innerJoin(businesses, eq(businesses.id, apiTokens.businessId))
    .leftJoin(staff, and(eq(staff.id, apiTokens.staffId), eq(staff.businessId, apiTokens.businessId)))
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  // A staff token lives only as long as its staff member works for this business.
  if (row.role === 'staff' && row.staffActive !== true) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Conditional, so concurrent requests of one token write once.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`${stale.toISOString()}::timestamptz`))));
  }
  return { tokenId: row.id, businessId: row.businessId, timeZone: row.timeZone, role: row.role, staffId: row.role === 'staff' ? row.staffId : null };
}
