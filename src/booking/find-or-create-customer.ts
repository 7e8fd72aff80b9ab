import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { customers } from '../db/schema.js';
import { normalizePhone } from './normalize-phone.js';

export type CustomerOutcome = { kind: 'found' | 'created'; customerId: string; name: string | null; appointmentCount: number } | { kind: 'invalid_phone' };

/**
 * The business's customer with this phone number, created if new. One atomic upsert, so two calls from one
 * number booking at once still end with one customer. A given name fills in a missing one and replaces an
 * old one (callers correct their names); an absent name never erases a known one.
 */
export async function findOrCreateCustomer(db: Queryable, businessId: string, phone: string, name?: string | null): Promise<CustomerOutcome> {
  const e164 = normalizePhone(phone);
  if (!e164) return { kind: 'invalid_phone' };
  const cleanName = name?.trim() ? name.trim() : null;
  const [row] = await db
    .insert(customers)
    .values({ businessId, phoneE164: e164, name: cleanName })
    .onConflictDoUpdate({
      target: [customers.businessId, customers.phoneE164],
      set: { name: sql`coalesce(excluded.name, ${customers.name})`, updatedAt: sql`now()` },
    })
    // xmax = 0 only for a freshly inserted row: the one way to tell insert from update in a single upsert.
    .returning({ id: customers.id, name: customers.name, appointmentCount: customers.appointmentCount, inserted: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error('customer upsert returned no row');
  return { kind: row.inserted ? 'created' : 'found', customerId: row.id, name: row.name, appointmentCount: row.appointmentCount };
}
