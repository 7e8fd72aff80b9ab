import { and, asc, eq, gt, lt, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/principal.js';
import type { Queryable } from '../db/database.js';
import { afterKey, pageOf, sortKeyText, type Page, type PageKey } from '../db/page.js';
import { staff, staffTimeOff } from '../db/schema.js';

export interface TimeOff {
  id: string;
  staff: { id: string; name: string };
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
}

export interface ListTimeOffQuery {
  /** Time off overlapping [from, to). */
  from?: Date;
  to?: Date;
  staffId?: string;
  after?: PageKey | null;
  limit: number;
}

const selectTimeOff = (db: Queryable) =>
  db
    .select({
      id: staffTimeOff.id,
      staffId: staff.id,
      staffName: staff.name,
      startsAt: staffTimeOff.startsAt,
      endsAt: staffTimeOff.endsAt,
      reason: staffTimeOff.reason,
      sortKey: sortKeyText(staffTimeOff.startsAt),
    })
    .from(staffTimeOff)
    .innerJoin(staff, eq(staff.id, staffTimeOff.staffId));

type Row = Awaited<ReturnType<typeof selectTimeOff>>[number];
const toTimeOff = (r: Omit<Row, 'sortKey'>): TimeOff => ({
  id: r.id,
  staff: { id: r.staffId, name: r.staffName },
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  reason: r.reason,
});

/** A page of the time off a scope may see (a staff member: their own), in calendar order. */
export async function listTimeOff(db: Queryable, scope: Scope, query: ListTimeOffQuery): Promise<Page<TimeOff>> {
  const conditions: Array<SQL | undefined> = [
    eq(staff.businessId, scope.businessId),
    scope.staffId ? eq(staff.id, scope.staffId) : undefined,
    query.staffId ? eq(staff.id, query.staffId) : undefined,
    query.from ? gt(staffTimeOff.endsAt, query.from) : undefined,
    query.to ? lt(staffTimeOff.startsAt, query.to) : undefined,
    query.after ? afterKey(staffTimeOff.startsAt, staffTimeOff.id, query.after, 'asc', 'uuid') : undefined,
  ];
  const rows = await selectTimeOff(db)
    .where(and(...conditions))
    .orderBy(asc(staffTimeOff.startsAt), asc(staffTimeOff.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit);
  return { items: page.items.map(toTimeOff), next: page.next };
}

/** One stretch of time off the scope may see, or null. */
export async function findTimeOff(db: Queryable, scope: Scope, id: string): Promise<TimeOff | null> {
  const [row] = await selectTimeOff(db)
    .where(and(eq(staffTimeOff.id, id), eq(staff.businessId, scope.businessId), scope.staffId ? eq(staff.id, scope.staffId) : undefined))
    .limit(1);
  return row ? toTimeOff(row) : null;
}
