import { and, eq } from 'drizzle-orm';
import type { Actor } from '../booking/booking-deps.js';
import { recordActivity } from '../booking/record-activity.js';
import type { Queryable } from '../db/database.js';
import { apiTokens, staff } from '../db/schema.js';
import { generateApiToken, hashApiToken, type ApiRole } from './api-token.js';

export interface CreateTokenInput {
  businessId: string;
  role: ApiRole;
  /** Required for the staff role; must be an active staff member of the business. */
  staffId?: string | null;
  label?: string | null;
  /** Who asks, for the activity log; the operator at the command line when absent. */
  actor?: Actor;
}

export type CreateTokenOutcome =
  { kind: 'created'; id: string; token: string; staffName: string | null; createdAt: Date } | { kind: 'staff_required' } | { kind: 'not_found'; what: 'staff' };

const OPERATOR: Actor = { type: 'system', id: 'cli' };

/**
 * Creates a token for a business (admin) or one of its staff members. The token is returned once, stored hashed.
 * Not idempotent on purpose: only the hash is kept, so a repeat could not show the first token again; an unused
 * one is revoked like any other.
 */
export async function createApiToken(db: Queryable, input: CreateTokenInput): Promise<CreateTokenOutcome> {
  let staffId: string | null = null;
  let staffName: string | null = null;
  if (input.role === 'staff') {
    if (!input.staffId) return { kind: 'staff_required' };
    // A token for someone who left would be refused at its first use (see verifyApiToken); refuse it now.
    const [member] = await db
      .select({ id: staff.id, name: staff.name })
      .from(staff)
      .where(and(eq(staff.id, input.staffId), eq(staff.businessId, input.businessId), eq(staff.active, true)))
      .limit(1);
    if (!member) return { kind: 'not_found', what: 'staff' };
    staffId = member.id;
    staffName = member.name;
  }
  const token = generateApiToken();
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiTokens)
      .values({ businessId: input.businessId, role: input.role, staffId, tokenHash: hashApiToken(token), label: input.label?.trim() || null })
      .returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
    if (!inserted) throw new Error('token insert returned no row');
    await recordActivity(tx, {
      businessId: input.businessId,
      actor: input.actor ?? OPERATOR,
      action: 'token_created',
      entityType: 'api_token',
      entityId: inserted.id,
      details: { role: input.role, staffId },
    });
    return inserted;
  });
  return { kind: 'created', id: row.id, token, staffName, createdAt: row.createdAt };
}
