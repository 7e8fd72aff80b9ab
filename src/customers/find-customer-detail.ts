import { and, desc, eq } from 'drizzle-orm';
import { selectAppointmentSummaries, toAppointmentSummary, type AppointmentSummary } from '../booking/appointment-summary.js';
import { noShowCount } from '../booking/no-show-count.js';
import type { Queryable } from '../db/database.js';
import { appointments, calls, customers, type CallOutcome } from '../db/schema.js';

/** How much history one customer view carries; older entries are reached through the list endpoints. */
const HISTORY_LIMIT = 100;

export interface CustomerDetail {
  id: string;
  name: string | null;
  phone: string;
  appointmentCount: number;
  noShowCount: number;
  notes: string | null;
  createdAt: Date;
  appointments: AppointmentSummary[];
  calls: Array<{ id: string; status: string; outcome: CallOutcome | null; startedAt: Date | null; durationMs: number | null; createdAt: Date }>;
}

/** A customer of the business with their appointments and calls, newest first; null for any other id. */
export async function findCustomerDetail(db: Queryable, businessId: string, id: string): Promise<CustomerDetail | null> {
  const [found] = await db
    .select({ customer: customers, noShowCount: noShowCount() })
    .from(customers)
    .where(and(eq(customers.id, id), eq(customers.businessId, businessId)))
    .limit(1);
  if (!found) return null;
  const { customer } = found;
  const [history, callRows] = await Promise.all([
    selectAppointmentSummaries(db)
      .where(and(eq(appointments.customerId, id), eq(appointments.businessId, businessId)))
      .orderBy(desc(appointments.startsAt), desc(appointments.id))
      .limit(HISTORY_LIMIT),
    db
      .select({
        id: calls.id,
        status: calls.status,
        outcome: calls.outcome,
        startedAt: calls.startedAt,
        durationMs: calls.durationMs,
        createdAt: calls.createdAt,
      })
      .from(calls)
      .where(and(eq(calls.customerId, id), eq(calls.businessId, businessId)))
      .orderBy(desc(calls.createdAt), desc(calls.id))
      .limit(HISTORY_LIMIT),
  ]);
  return {
    id: customer.id,
    name: customer.name,
    phone: customer.phoneE164,
    appointmentCount: customer.appointmentCount,
    noShowCount: Number(found.noShowCount),
    notes: customer.notes,
    createdAt: customer.createdAt,
    appointments: history.map(toAppointmentSummary),
    calls: callRows,
  };
}
