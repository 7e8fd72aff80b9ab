import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { customers } from '../db/schema.js';

/** A customer the caller may be, by their number. */
export interface KnownCustomer {
  id: string;
  name: string | null;
  appointmentCount: number;
}

/**
 * Who a calling number belongs to: `one` customer, `several` (a household sharing the number: nobody may be
 * assumed, the caller is asked their name) or `none`. Unnamed rows (a number seen before anyone said a name) are
 * left out when a named customer exists, so they never make a single person look like a household. A number whose
 * only customer was booked by someone else ("für meine Tochter") is a household too: the caller was someone else.
 */
export type Recognition = { kind: 'none' } | { kind: 'one'; customer: KnownCustomer } | { kind: 'several' };

export async function recognizeCaller(db: Queryable, businessId: string, phoneE164: string): Promise<Recognition> {
  const rows = await db
    .select({ id: customers.id, name: customers.name, appointmentCount: customers.appointmentCount, bookedByOther: customers.bookedByOther })
    .from(customers)
    .where(and(eq(customers.businessId, businessId), eq(customers.phoneE164, phoneE164)))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(20);
  const named = rows.filter((r) => r.name !== null);
  const people = named.length > 0 ? named : rows;
  const [first] = people;
  if (!first) return { kind: 'none' };
  // The one customer was booked by someone else calling from this number: that caller is a second person here.
  if (people.length > 1 || first.bookedByOther) return { kind: 'several' };
  return { kind: 'one', customer: { id: first.id, name: first.name, appointmentCount: first.appointmentCount } };
}
