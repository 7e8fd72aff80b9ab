import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { rowsOf } from '../db/rows.js';
import { normalizePhone } from './normalize-phone.js';

export type CustomerOutcome = { kind: 'found' | 'created'; customerId: string; name: string | null; appointmentCount: number } | { kind: 'invalid_phone' };

/**
 * The business's customer with this phone number and name, created if new: one number may belong to several
 * people (a household), so the name says which of them. Without a name: the number's only customer, else its
 * unnamed one. The rules live in the database function `upsert_customer`, shared with the booking statement, and
 * its unique (business, phone, name) key means two calls booking the same person at once still make one customer.
 */
export async function findOrCreateCustomer(db: Queryable, businessId: string, phone: string, name?: string | null): Promise<CustomerOutcome> {
  const e164 = normalizePhone(phone);
  if (!e164) return { kind: 'invalid_phone' };
  const [upserted] = rowsOf<{ customer_id: string; created: boolean }>(
    await db.execute(sql`select customer_id, created from upsert_customer(${businessId}::uuid, ${e164}::text, ${name ?? null}::text)`),
  );
  if (!upserted) throw new Error('customer upsert returned no row');
  // A second statement: the one that ran the function reads from a snapshot taken before the function wrote.
  const result = await db.execute(sql`select c.id, c.name, c.appointment_count from customers c where c.id = ${upserted.customer_id}::uuid`);
  const [row] = rowsOf<{ id: string; name: string | null; appointment_count: number }>(result);
  if (!row) throw new Error('customer upsert returned no row');
  return { kind: upserted.created ? 'created' : 'found', customerId: row.id, name: row.name, appointmentCount: Number(row.appointment_count) };
}
