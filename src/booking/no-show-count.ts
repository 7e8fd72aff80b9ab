import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * How often the customer did not come, counted from their appointments rather than kept in a counter: a no-show
 * marked by mistake and corrected to completed can never leave the number wrong. The appointments' customer index
 * makes it one index scan per customer.
 */
export function noShowCount(customerId: AnyColumn): SQL<number> {
  return sql<number>`(select count(*) from appointments n where n.customer_id = ${customerId} and n.status = 'no_show')::int`;
}
