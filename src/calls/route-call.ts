import { asc, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { businesses } from '../db/schema.js';

export interface CallRouting {
  businessId: string;
  /** How the business was chosen; `fallback` means no number or agent id matched. */
  matchedBy: 'number' | 'agent' | 'fallback';
}

/**
 * The business a call belongs to: by the number that was called, else by the Retell agent id. A call that
 * matches neither (a web call, the terminal client without a number) goes to the business only when there is
 * exactly one; with several, guessing would book into another tenant's calendar, so the answer is null.
 */
export async function routeCall(db: Queryable, input: { toNumber: string | null; agentId: string | null }): Promise<CallRouting | null> {
  const rows = await db
    .select({
      id: businesses.id,
      byNumber: sql<boolean>`${input.toNumber ?? ''} = any(${businesses.phoneNumbers})`,
      byAgent: sql<boolean>`${input.agentId ?? ''} = any(${businesses.retellAgentIds})`,
    })
    .from(businesses)
    .orderBy(asc(businesses.createdAt), asc(businesses.id))
    .limit(1000);
  const byNumber = input.toNumber ? rows.find((r) => r.byNumber) : undefined;
  if (byNumber) return { businessId: byNumber.id, matchedBy: 'number' };
  const byAgent = input.agentId ? rows.find((r) => r.byAgent) : undefined;
  if (byAgent) return { businessId: byAgent.id, matchedBy: 'agent' };
  const only = rows.length === 1 ? rows[0] : undefined;
  return only ? { businessId: only.id, matchedBy: 'fallback' } : null;
}
