import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/principal.js';
import type { Queryable } from '../db/database.js';
import { afterKey, pageOf, sortKeyText, type Page, type PageKey } from '../db/page.js';
import { calls, customers, type CallOutcome } from '../db/schema.js';
import { callOfStaff, callsVisibleTo } from './call-visibility.js';

export interface ListCallsQuery {
  /** When the call was recorded (its start): [from, to). */
  from?: Date;
  to?: Date;
  status?: string;
  outcome?: CallOutcome;
  staffId?: string;
  /** The caller's number in E.164. */
  phone?: string;
  after?: PageKey | null;
  limit: number;
}

export interface CallSummary {
  id: string;
  status: string;
  outcome: CallOutcome | null;
  direction: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
  disconnectionReason: string | null;
  customerId: string | null;
  customerName: string | null;
  appointmentId: string | null;
  createdAt: Date;
}

/** A page of the calls a scope may see, newest first. */
export async function listCalls(db: Queryable, scope: Scope, query: ListCallsQuery): Promise<Page<CallSummary>> {
  const conditions: Array<SQL | undefined> = [
    callsVisibleTo(scope),
    query.from ? gte(calls.createdAt, query.from) : undefined,
    query.to ? lt(calls.createdAt, query.to) : undefined,
    query.status ? eq(calls.status, query.status) : undefined,
    query.outcome ? eq(calls.outcome, query.outcome) : undefined,
    query.staffId ? callOfStaff(query.staffId) : undefined,
    query.phone ? sql`(${calls.fromNumber} = ${query.phone} or ${customers.phoneE164} = ${query.phone})` : undefined,
    query.after ? afterKey(calls.createdAt, calls.id, query.after, 'desc', 'text') : undefined,
  ];
  const rows = await db
    .select({
      id: calls.id,
      status: calls.status,
      outcome: calls.outcome,
      direction: calls.direction,
      fromNumber: calls.fromNumber,
      toNumber: calls.toNumber,
      startedAt: calls.startedAt,
      endedAt: calls.endedAt,
      durationMs: calls.durationMs,
      disconnectionReason: calls.disconnectionReason,
      customerId: calls.customerId,
      customerName: customers.name,
      appointmentId: calls.appointmentId,
      createdAt: calls.createdAt,
      sortKey: sortKeyText(calls.createdAt),
    })
    .from(calls)
    .leftJoin(customers, eq(customers.id, calls.customerId))
    .where(and(...conditions))
    .orderBy(desc(calls.createdAt), desc(calls.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit);
}
