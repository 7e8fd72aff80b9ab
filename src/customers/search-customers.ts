import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { noShowCount } from '../booking/no-show-count.js';
import { normalizePhone } from '../booking/normalize-phone.js';
import type { Queryable } from '../db/database.js';
import { afterKey, pageOf, sortKeyText, type Page, type PageKey } from '../db/page.js';
import { customers } from '../db/schema.js';

export interface CustomerSummary {
  id: string;
  name: string | null;
  phone: string;
  appointmentCount: number;
  noShowCount: number;
  createdAt: Date;
}

export interface SearchCustomersQuery {
  /** A phone number (any common spelling), a part of one (digits), or a part of the name. */
  q?: string;
  after?: PageKey | null;
  limit: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A page of a business's customers matching `q`, newest first. */
export async function searchCustomers(db: Queryable, businessId: string, query: SearchCustomersQuery): Promise<Page<CustomerSummary>> {
  const conditions: Array<SQL | undefined> = [
    eq(customers.businessId, businessId),
    matching(query.q),
    query.after ? afterKey(customers.createdAt, customers.id, query.after, 'desc', 'uuid') : undefined,
  ];
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      phone: customers.phoneE164,
      appointmentCount: customers.appointmentCount,
      noShowCount: noShowCount(),
      createdAt: customers.createdAt,
      sortKey: sortKeyText(customers.createdAt),
    })
    .from(customers)
    .where(and(...conditions))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit);
  return { ...page, items: page.items.map((c) => ({ ...c, noShowCount: Number(c.noShowCount) })) };
}

function matching(q: string | undefined): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const byName = ilike(customers.name, `%${escapeLike(text)}%`);
  const digits = text.replace(/\D/g, '');
  // "0176 123" or "+49176…": a number, or a piece of one; letters mean a name.
  if (/^[\d\s+()/.-]+$/.test(text) && digits.length >= 3) {
    const e164 = normalizePhone(text);
    const piece = sql`${customers.phoneE164} like ${`%${digits.replace(/^0+/, '')}%`}`;
    return e164 ? or(eq(customers.phoneE164, e164), piece) : piece;
  }
  return byName;
}
