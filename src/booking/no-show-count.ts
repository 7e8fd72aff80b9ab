import { sql, type SQL } from 'drizzle-orm';

/**
 * How often the customer of the current `customers` row did not come, for a select that reads the customers table
 * under its own name. Counted from their appointments rather than kept in a counter: a no-show marked by mistake and
 * corrected to completed can never leave the number wrong; the appointments' customer index makes it one index scan.
 * The column is written out with its table: drizzle leaves it unqualified in a single-table select, where inside the
 * subquery it would mean the appointment's own id.
 */
export function noShowCount(): SQL<number> {
  return sql<number>`(select count(*) from appointments n where n.customer_id = "customers"."id" and n.status = 'no_show')::int`;
}
