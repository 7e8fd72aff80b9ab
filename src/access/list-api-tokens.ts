import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { apiTokens, businesses, staff } from '../db/schema.js';

export interface ApiTokenListing {
  id: string;
  businessSlug: string;
  role: 'admin' | 'staff';
  staffId: string | null;
  staffName: string | null;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Every token (of one business, or the one token, when given), oldest first; hashes are never shown. */
export async function listApiTokens(db: Queryable, filter: { businessId?: string | undefined; id?: string } = {}): Promise<ApiTokenListing[]> {
  return db
    .select({
      id: apiTokens.id,
      businessSlug: businesses.slug,
      role: apiTokens.role,
      staffId: apiTokens.staffId,
      staffName: staff.name,
      label: apiTokens.label,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(businesses, eq(businesses.id, apiTokens.businessId))
    .leftJoin(staff, eq(staff.id, apiTokens.staffId))
    .where(and(filter.businessId ? eq(apiTokens.businessId, filter.businessId) : undefined, filter.id ? eq(apiTokens.id, filter.id) : undefined))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
}
