import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { customers } from '../db/schema.js';

/** True when the business has a customer with this id. */
export async function customerExists(db: Queryable, businessId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, id), eq(customers.businessId, businessId)))
    .limit(1);
  return row !== undefined;
}
