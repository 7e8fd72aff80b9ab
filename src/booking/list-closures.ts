import { and, asc, eq, gt, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { afterKey, pageOf, sortKeyText, type Page, type PageKey } from '../db/page.js';
import { closures } from '../db/schema.js';

export interface ClosureRecord {
  id: string;
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
}

export interface ListClosuresQuery {
  /** Closures overlapping [from, to). */
  from?: Date;
  to?: Date;
  after?: PageKey | null;
  limit: number;
}

const selectClosures = (db: Queryable) =>
  db
    .select({ id: closures.id, startsAt: closures.startsAt, endsAt: closures.endsAt, reason: closures.reason, sortKey: sortKeyText(closures.startsAt) })
    .from(closures);

/** A page of the business's closures in calendar order. */
export async function listClosures(db: Queryable, businessId: string, query: ListClosuresQuery): Promise<Page<ClosureRecord>> {
  const conditions: Array<SQL | undefined> = [
    eq(closures.businessId, businessId),
    query.from ? gt(closures.endsAt, query.from) : undefined,
    query.to ? lt(closures.startsAt, query.to) : undefined,
    query.after ? afterKey(closures.startsAt, closures.id, query.after, 'asc', 'uuid') : undefined,
  ];
  const rows = await selectClosures(db)
    .where(and(...conditions))
    .orderBy(asc(closures.startsAt), asc(closures.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit);
}

/** One closure of the business, or null. */
export async function findClosure(db: Queryable, businessId: string, id: string): Promise<ClosureRecord | null> {
  const [row] = await selectClosures(db)
    .where(and(eq(closures.id, id), eq(closures.businessId, businessId)))
    .limit(1);
  if (!row) return null;
  const { sortKey: _key, ...closure } = row;
  return closure;
}
