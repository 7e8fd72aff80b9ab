import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { apiTokens, staff } from '../db/schema.js';
import { generateApiToken, hashApiToken, type ApiRole } from './api-token.js';

export interface CreateTokenInput {
  businessId: string;
  role: ApiRole;
  /** Required for the staff role; must belong to the business. */
  staffId?: string | null;
  label?: string | null;
}

export type CreateTokenOutcome =
  { kind: 'created'; id: string; token: string; staffName: string | null } | { kind: 'staff_required' } | { kind: 'not_found'; what: 'staff' };

/** Creates a token for a business (admin) or one of its staff members. The token is returned once, stored hashed. */
export async function createApiToken(db: Queryable, input: CreateTokenInput): Promise<CreateTokenOutcome> {
  let staffId: string | null = null;
  let staffName: string | null = null;
  if (input.role === 'staff') {
    if (!input.staffId) return { kind: 'staff_required' };
    const [member] = await db
      .select({ id: staff.id, name: staff.name })
      .from(staff)
      .where(and(eq(staff.id, input.staffId), eq(staff.businessId, input.businessId)))
      .limit(1);
    if (!member) return { kind: 'not_found', what: 'staff' };
    staffId = member.id;
    staffName = member.name;
  }
  const token = generateApiToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ businessId: input.businessId, role: input.role, staffId, tokenHash: hashApiToken(token), label: input.label?.trim() || null })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error('token insert returned no row');
  return { kind: 'created', id: row.id, token, staffName };
}
