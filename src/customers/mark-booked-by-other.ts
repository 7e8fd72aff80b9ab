import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { customers } from '../db/schema.js';

/**
 * Notes that a caller booked for this customer on their behalf: the calling number is a household's, so the next
 * call from it is not greeted as this customer, nor booked under them without their name.
 */
export async function markBookedByOther(db: Queryable, customerId: string): Promise<void> {
  await db.update(customers).set({ bookedByOther: true }).where(eq(customers.id, customerId));
}
